import CreativeCities
import Foundation
import GraphRendering
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Node groups (`<g class="node …" id="…">`) of an SVG document; `nil` when it is not well-formed XML.
final class SVGNodeGroups: NSObject, XMLParserDelegate {
    private(set) var classByID: [String: String] = [:]
    private(set) var count = 0

    static func parse(_ data: Data) -> SVGNodeGroups? {
        let groups = SVGNodeGroups()
        let parser = XMLParser(data: data)
        parser.delegate = groups
        return parser.parse() ? groups : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes: [String: String] = [:]
    ) {
        guard elementName == "g", let cls = attributes["class"], cls.split(separator: " ").first == "node",
            let id = attributes["id"]
        else { return }
        count += 1
        classByID[id] = cls
    }
}

@Suite struct NetworkMapTests {
    @Test func everyCityIsANodeWithIDClassAndTooltip() throws {
        let data = try #require(bundledDataset)
        let graph = NetworkMap(dataset: data).renderableGraph()
        let byName = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.name, $0) })
        for city in data.cities {
            let node = try #require(byName[city.id])
            #expect(node.attributes["id"] == .text(city.id))
            #expect(node.attributes["class"]?.string.hasPrefix(city.field.slug) == true)
            let tooltip = node.attributes["tooltip"]?.string ?? ""
            #expect(tooltip.contains(city.name) && tooltip.contains(city.country) && tooltip.contains(city.field.rawValue))
            if let year = city.year { #expect(tooltip.contains(String(year))) }
        }
        let hanoi = try #require(byName["hanoi-vn"])
        #expect(hanoi.attributes["tooltip"] == "Hanoi, Viet Nam — City of Design (2019) — 6 links, 7 proposed")
    }

    @Test func labelsTheBestConnectedCitiesAndHanoi() throws {
        let data = try #require(bundledDataset)
        let map = NetworkMap(dataset: data, options: .init(labelCount: 5))
        let labelled = map.labelledCityIDs
        #expect(labelled.prefix(3) == ["rio-de-janeiro-br", "istanbul-tr", "buenos-aires-ar"])
        #expect(labelled.last == "hanoi-vn")
        #expect(labelled.count == 6)
        let graph = map.renderableGraph()
        let withLabel = graph.nodes.filter { $0.attributes["xlabel"] != nil }.map(\.name)
        #expect(Set(withLabel) == Set(labelled))
    }

    @Test func linksAreStyledByKindAndUnlinkedCitiesAreGroupedByRegion() throws {
        let data = try #require(bundledDataset)
        let graph = NetworkMap(dataset: data).renderableGraph()
        let visible = graph.edges.filter { $0.attributes["style"] != "invis" }
        #expect(visible.count == data.links.count)
        let styleByKind = Dictionary(grouping: visible, by: { $0.attributes["class"]?.string ?? "" })
            .mapValues { Set($0.compactMap { $0.attributes["style"]?.string }) }
        #expect(styleByKind == ["sister-city": ["solid"], "partnership": ["bold"], "proposed": ["dashed"]])
        let linked = Set(data.links.flatMap { [$0.sourceID, $0.targetID] })
        let unlinked = data.cities.filter { !linked.contains($0.id) }
        let tied = graph.edges.filter { $0.attributes["style"] == "invis" }
        #expect(tied.count == unlinked.count)
        for city in unlinked {
            #expect(tied.contains { $0.tail == NetworkMap.unlinkedGroupID(city.region) && $0.head == city.id })
        }
    }

    @Test(arguments: NetworkMap.Coloring.allCases)
    func coloursAreDistinct(coloring: NetworkMap.Coloring) {
        let colors = coloring == .field ? Array(NetworkMap.fieldColors.values) : Array(NetworkMap.regionColors.values)
        #expect(colors.count == (coloring == .field ? 8 : 5))
        #expect(Set(colors).count == colors.count)
    }

    @Test func renderedSVGHasOneNodeGroupPerCity() throws {
        let data = try #require(bundledDataset)
        let rendered = try Graphviz.shared.render(NetworkMap(dataset: data).renderableGraph(), options: RenderOptions(engine: .sfdp, seed: 1))
        let groups = try #require(SVGNodeGroups.parse(rendered.data))
        let cityIDs = Set(data.cities.map(\.id))
        let cityGroups = groups.classByID.filter { cityIDs.contains($0.key) }
        #expect(cityGroups.count == 405)
        #expect(groups.count == 405 + UNESCORegion.allCases.count)
        #expect(cityGroups["hanoi-vn"] == "node design")
        #expect(cityGroups["sifnos-gr"]?.hasSuffix("isolated") == true)
        #expect(rendered.warnings.isEmpty)
    }
}
