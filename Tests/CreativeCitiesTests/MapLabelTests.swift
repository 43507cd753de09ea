import CreativeCities
import Foundation
import GraphRendering
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The texts and polygons of an SVG document: each `<text>` with its position, size, anchor,
/// font and the id and class of the node group around it; the fill of each `<polygon>`.
final class SVGTexts: NSObject, XMLParserDelegate {
    struct Text {
        var groupID: String?
        var groupClass: String?
        var x: Double, y: Double, size: Double
        var anchor: String
        var family: String?
        var bold: Bool
        var content: String

        /// The text's box in SVG coordinates (y down): the width estimated as the label
        /// placement estimates it (``LabelPlacement/estimatedWidth(of:fontSize:bold:)``,
        /// per-character widths of DejaVu Sans), from 0.8 × the size above the baseline to
        /// 0.25 × the size below it.
        var box: LabelPlacement.Box {
            let width = LabelPlacement.estimatedWidth(of: content, fontSize: size, bold: bold)
            let left = anchor == "middle" ? x - width / 2 : anchor == "end" ? x - width : x
            return LabelPlacement.Box(minX: left, minY: y - 0.8 * size, maxX: left + width, maxY: y + 0.25 * size)
        }
    }

    private(set) var texts: [Text] = []
    private(set) var polygonFills: [String] = []
    private var groups: [(id: String?, cls: String?)] = []
    private var open: Text?

    static func parse(_ data: Data) -> SVGTexts? {
        let result = SVGTexts()
        let parser = XMLParser(data: data)
        parser.delegate = result
        return parser.parse() ? result : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "g":
            groups.append((attributes["id"], attributes["class"]))
        case "polygon":
            polygonFills.append(attributes["fill"] ?? "")
        case "text":
            let node = groups.last { $0.cls?.hasPrefix("node") == true }
            open = Text(
                groupID: node?.id, groupClass: node?.cls, x: Double(attributes["x"] ?? "") ?? .nan,
                y: Double(attributes["y"] ?? "") ?? .nan, size: Double(attributes["font-size"] ?? "") ?? .nan,
                anchor: attributes["text-anchor"] ?? "start", family: attributes["font-family"],
                bold: attributes["font-weight"] == "bold", content: "")
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        open?.content += string
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        if elementName == "g" { _ = groups.popLast() }
        if elementName == "text", let text = open {
            texts.append(text)
            open = nil
        }
    }
}

/// Every kind of map on the bundled data: no two city names overlap, every text names a
/// font family list ending in a generic family, geographic maps draw the land.
@Suite struct MapLabelTests {
    enum Case: String, CaseIterable, CustomTestStringConvertible {
        case whole, wholeHighlighted, wholeByCommunity, egoHanoi, egoDaLat, geoWorld, geoRegion, geoBox
        var testDescription: String { rawValue }
    }

    static func ids(_ data: CreativeCitiesDataset, _ names: [String]) -> [String] {
        names.compactMap { name in data.cities.first { $0.name == name }?.id }
    }

    static func options(_ c: Case, _ data: CreativeCitiesDataset) throws -> NetworkMap.Options {
        switch c {
        case .whole: return .init()
        case .wholeHighlighted: return .init(highlightedCityIDs: ["hanoi-vn"])
        case .wholeByCommunity: return .init(coloring: .community, labelCount: 60)
        case .egoHanoi:
            let suggested = ids(data, ["Shanghai", "Istanbul", "Busan", "Rio de Janeiro", "Buenos Aires"])
            return .init(kind: .ego(cityID: "hanoi-vn", radius: 2, suggested: suggested))
        case .egoDaLat:
            let suggested = ids(data, ["Shenzhen", "Varanasi", "Tongyeong", "Hamamatsu", "Chennai"])
            return .init(kind: .ego(cityID: "da-lat-vn", radius: 2, suggested: suggested))
        case .geoWorld: return .init(kind: .geographic, highlightedCityIDs: ["hanoi-vn"])
        case .geoRegion: return .init(kind: .geographic, area: .region(.europeNorthAmerica))
        case .geoBox: return .init(kind: .geographic, area: try GeoArea.parseBox("95,-12,145,45"))
        }
    }

    static func render(_ c: Case) throws -> (NetworkMap, SVGTexts) {
        let data = try #require(bundledDataset)
        let map = try NetworkMap(dataset: data, options: options(c, data))
        let rendered = try Graphviz.shared.render(
            map.drawing(seed: 1), options: RenderOptions(engine: map.recommendedEngine, seed: 1))
        return (map, try #require(SVGTexts.parse(rendered.data)))
    }

    @Test(arguments: Case.allCases)
    func cityNamesDoNotOverlap(_ c: Case) throws {
        let (map, svg) = try Self.render(c)
        let labels = svg.texts.filter { $0.groupClass?.split(separator: " ").contains("city-label") == true }
        #expect(labels.count >= min(10, map.shownCities.count), "\(labels.count) names")
        for text in labels {
            #expect(text.x.isFinite && text.y.isFinite && text.size.isFinite, "\(text.content)")
        }
        for a in labels.indices {
            for b in labels.indices where a < b {
                let x = labels[a].box.insetBy(0.25), y = labels[b].box.insetBy(0.25)
                #expect(!x.intersects(y), "\(labels[a].content) overlaps \(labels[b].content)")
            }
        }
    }

    @Test(arguments: Case.allCases)
    func everyFontFamilyEndsInAGenericFamily(_ c: Case) throws {
        let (_, svg) = try Self.render(c)
        #expect(!svg.texts.isEmpty)
        let generic: Set<String> = ["sans-serif", "serif", "monospace", "cursive", "fantasy", "system-ui"]
        for text in svg.texts {
            let last = text.family?.split(separator: ",").last.map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }
            #expect(last.map(generic.contains) == true, "\(text.content): font-family \(text.family ?? "none")")
            #expect(text.family?.lowercased().contains("bold") == false, "\(text.content): bold as a family name")
        }
    }

    @Test(arguments: [Case.geoWorld, .geoRegion, .geoBox])
    func geographicMapsDrawTheLand(_ c: Case) throws {
        let (_, svg) = try Self.render(c)
        let land = svg.polygonFills.filter { $0.lowercased() == NetworkMap.landColor.lowercased() }.count
        #expect(land >= 20, "\(land) land polygons")
        #expect(svg.polygonFills.contains { $0.lowercased() == NetworkMap.seaColor.lowercased() })
    }

    @Test func theHighlightedCityIsNamedInBold() throws {
        let (_, svg) = try Self.render(.wholeHighlighted)
        let hanoi = try #require(svg.texts.first { $0.content == "Hanoi" })
        #expect(hanoi.bold)
        let (_, plain) = try Self.render(.whole)
        #expect(plain.texts.allSatisfy { !$0.bold || $0.groupClass?.contains("city-label") != true })
    }
}

@Suite struct LabelPlacementTests {
    @Test func crowdedLabelsAreMovedOrDroppedNeverStacked() {
        // Twenty labels asking for the same spot: the required one is placed, the others
        // take the free candidate positions or are left out, and no two boxes overlap.
        let requests = (0..<20).map { k in
            LabelPlacement.Request(
                id: "c\(k)", text: "City number \(k)", x: Double(k % 3), y: 0, radius: 3, fontSize: 11,
                required: k == 7)
        }
        let placed = LabelPlacement.place(requests, obstacles: [])
        #expect(placed.contains { $0.request.id == "c7" })
        #expect(placed.count < 20)
        #expect(placed.count >= 4)
        for a in placed.indices {
            for b in placed.indices where a < b { #expect(!placed[a].box.intersects(placed[b].box)) }
        }
    }

    @Test func labelsStayInsideTheBoundsAndOffTheirOwnCircle() {
        let bounds = LabelPlacement.Box(minX: 0, minY: 0, maxX: 100, maxY: 100)
        let request = LabelPlacement.Request(id: "a", text: "Hanoi", x: 95, y: 50, radius: 4, fontSize: 12)
        let placed = LabelPlacement.place([request], obstacles: [], bounds: bounds)
        let box = try? #require(placed.first?.box)
        #expect(box.map(bounds.contains) == true)
        #expect(box.map { $0.maxX <= 95 - 4 } == true, "left of the circle, the right side being out of bounds")
    }

    @Test func aFreePositionIsPreferredToCoveringACircle() {
        let obstacle = LabelPlacement.Box(centerX: 30, centerY: 0, width: 20, height: 20)
        let request = LabelPlacement.Request(id: "a", text: "Lyon", x: 0, y: 0, radius: 3, fontSize: 11)
        let placed = LabelPlacement.place([request], obstacles: [obstacle])
        let box = try? #require(placed.first?.box)
        #expect(box.map { !$0.intersects(obstacle) } == true)
    }
}

@Suite struct EqualEarthProjectionTests {
    let projection = EqualEarthProjection(radius: 1)

    @Test func widthToHeightRatioIsAbout2Point05() {
        // Šavrič et al. 2019: the Equal Earth map is 2.05 times as wide as it is high.
        let width = 2 * projection.project(latitude: 0, longitude: 180).x
        let height = 2 * projection.project(latitude: 90, longitude: 0).y
        #expect(abs(width / height - 2.05) < 0.01)
        #expect(abs(projection.project(latitude: 0, longitude: 180).x - 2.7066) < 0.001)
    }

    @Test(arguments: [0.0, 20, 40, 60, 80])
    func areasAreKeptAtEveryLatitude(latitude: Double) {
        // The area of a small cell on the map over its area on the unit sphere is the same
        // everywhere (equal-area): compare with the cell at the equator.
        func ratio(_ lat: Double) -> Double {
            let d = 0.01
            let a = projection.project(latitude: lat, longitude: 10)
            let b = projection.project(latitude: lat, longitude: 10 + d)
            let c = projection.project(latitude: lat + d, longitude: 10)
            let mapArea = abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x))
            let sphereArea = (d * .pi / 180) * (d * .pi / 180) * cos((lat + d / 2) * .pi / 180)
            return mapArea / sphereArea
        }
        #expect(abs(ratio(latitude) / ratio(0) - 1) < 0.002)
    }

    @Test func northIsUpAndEastIsRight() {
        let hanoi = projection.project(latitude: 21, longitude: 105.8)
        #expect(hanoi.x > 0 && hanoi.y > 0)
        let south = projection.project(latitude: -34.6, longitude: -58.4)
        #expect(south.x < 0 && south.y < 0)
    }
}

@Suite struct WorldOutlineTests {
    @Test func theOutlineHasAboutTwoThousandPoints() {
        #expect((1500...2500).contains(WorldOutline.pointCount))
        #expect(WorldOutline.rings.count > 150)
        #expect(WorldOutline.rings.allSatisfy { $0.points.count >= 3 })
        #expect(!WorldOutline.rings.contains { $0.country == "ATA" })
        #expect(Set(WorldOutline.rings.map(\.country)).isSuperset(of: ["VNM", "FRA", "BRA", "AUS", "USA"]))
    }

    @Test func everyPointIsALongitudeAndLatitude() {
        for ring in WorldOutline.rings + WorldOutline.europeRings {
            for p in ring.points {
                #expect((-180...180).contains(p.longitude) && (-90...90).contains(p.latitude), "\(ring.country)")
            }
        }
    }
}
