import GraphCore
import GraphRendering

/// How cities are drawn on the report's maps: fill colour, size, labels, and the
/// attributes that make the SVG usable (`id`, `class`, `tooltip`, `URL` to the city's row
/// in the report). Shared by the whole-network, ego and geographic maps.
public struct CityMapStyle: Sendable {
    /// What the fill colour shows.
    public enum ColorBy: String, Sendable, Hashable, CaseIterable {
        case field, community, region
    }

    public let dataset: CreativeCitiesDataset
    public let colorBy: ColorBy
    /// Sizes follow this measure (square root of value / maximum).
    public let sizeBy: CityMeasure
    /// Community label of each city (canonical: 0 = largest), for colours and classes.
    public let communityLabels: [Int32]?
    /// Names of the coloured communities ("around Seoul"), by label.
    public let communityNames: [Int: String]
    /// Cities always labelled and outlined.
    public let focusIDs: Set<String>
    /// How many cities (best by ``sizeBy``) get a name label.
    public let labelCount: Int
    /// Extra tooltip text per city index ("rank 45 of 405 by links").
    public let tooltipExtras: [Int: String]

    /// Okabe–Ito colours (colour-vision-deficiency safe) for the largest communities;
    /// smaller ones are grey.
    public static let communityColors = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]
    public static let otherColor = "#B8B8B8"
    /// Suggested partners: dashed edges in this colour.
    public static let suggestionColor = "#D55E00"

    public init(
        dataset: CreativeCitiesDataset, colorBy: ColorBy, sizeBy: CityMeasure, communityLabels: [Int32]?,
        communityNames: [Int: String] = [:], focusIDs: Set<String>, labelCount: Int, tooltipExtras: [Int: String] = [:]
    ) {
        self.dataset = dataset
        self.colorBy = colorBy
        self.sizeBy = sizeBy
        self.communityLabels = communityLabels
        self.communityNames = communityNames
        self.focusIDs = focusIDs
        self.labelCount = labelCount
        self.tooltipExtras = tooltipExtras
    }

    public func color(of i: Int) -> String {
        let city = dataset.cities[i]
        switch colorBy {
        case .field: return NetworkMap.fieldColors[city.field] ?? Self.otherColor
        case .region: return NetworkMap.regionColors[city.region] ?? Self.otherColor
        case .community:
            guard let label = communityLabels?[i] else { return Self.otherColor }
            return Int(label) < Self.communityColors.count ? Self.communityColors[Int(label)] : Self.otherColor
        }
    }

    /// Cities with a name label: the `labelCount` highest by ``sizeBy`` (ties by order), and the focus.
    public var labelled: Set<Int> {
        var result = Set(sizeBy.top(labelCount).filter { sizeBy.values[$0] > 0 })
        for id in focusIDs { if let i = dataset.index(ofCity: id) { result.insert(i) } }
        return result
    }

    /// Node attributes of city `i`.
    public func attributes(of i: Int, labelled: Set<Int>, scale: Double = 1) -> GraphvizAttributes {
        let city = dataset.cities[i]
        let maxValue = max(sizeBy.values.max() ?? 1, .leastNonzeroMagnitude)
        let value = max(0, sizeBy.values[i])
        let width = (value <= 0 ? 0.1 : 0.14 + 0.42 * (value / maxValue).squareRoot()) * scale
        var classes = [city.field.slug, city.region.slug]
        if let label = communityLabels?[i] { classes.append("community-\(label + 1)") }
        var tooltip = "\(city.name) (\(city.country)) · \(city.field.cityTitle)"
        if let y = city.year { tooltip += " since \(y)" }
        if let extra = tooltipExtras[i] { tooltip += " · " + extra }
        var a: GraphvizAttributes = [
            "id": .text(city.id),
            "class": .text(classes.joined(separator: " ")),
            "tooltip": .text(tooltip),
            "URL": .text("#city-\(city.id)"),
            "width": .number(width),
            "fillcolor": .text(color(of: i)),
        ]
        if labelled.contains(i) { a["xlabel"] = .text(city.name) }
        if focusIDs.contains(city.id) {
            a["color"] = "#111111"
            a["penwidth"] = "2.5"
            a["fontsize"] = "14"
            // Bold through an HTML-like label: SVG readers do not know a "DejaVu Sans Bold" family.
            a["xlabel"] = .html("<b>\(Self.escapeHTML(city.name))</b>")
            a["width"] = .number(max(width, 0.3 * scale))
        }
        return a
    }

    /// The legend of the fill colours, for the report (HTML) or a map's caption.
    public func colorLegend() -> [(color: String, label: String)] {
        switch colorBy {
        case .field:
            return CreativeField.allCases.map { (NetworkMap.fieldColors[$0] ?? Self.otherColor, $0.rawValue) }
        case .region:
            return UNESCORegion.allCases.map { (NetworkMap.regionColors[$0] ?? Self.otherColor, $0.rawValue) }
        case .community:
            var entries: [(String, String)] = []
            let count = Set(communityLabels ?? []).count
            for label in 0..<min(Self.communityColors.count, count) {
                entries.append((Self.communityColors[label], communityNames[label] ?? "Community \(label + 1)"))
            }
            entries.append((Self.otherColor, "smaller communities and cities with no link"))
            return entries
        }
    }

    static func escapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A Graphviz HTML-like label with a title, a subtitle and the legend entries, for maps
    /// saved on their own.
    public static func legendLabel(title: String, subtitle: String, entries: [LegendEntry]) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        func cell(_ entry: LegendEntry) -> String {
            let color = String(entry.color.prefix(7))
            let mark: String
            switch entry.mark {
            case .dot: mark = "<td width=\"14\" height=\"14\" fixedsize=\"true\" bgcolor=\"\(color)\" style=\"rounded\"></td>"
            case .ring: mark = "<td width=\"14\" height=\"14\" fixedsize=\"true\" border=\"2\" color=\"\(color)\" style=\"rounded\"></td>"
            case .line: mark = "<td><font color=\"\(color)\">———</font></td>"
            case .dashedLine: mark = "<td><font color=\"\(color)\">- - -</font></td>"
            }
            return mark + "<td align=\"left\">\(escape(entry.label))</td>"
        }
        let perRow = 3
        var rows = ""
        var k = 0
        while k < entries.count {
            rows += "<tr>" + entries[k..<min(k + perRow, entries.count)].map(cell).joined() + "</tr>"
            k += perRow
        }
        return "<table border=\"0\" cellspacing=\"2\" cellpadding=\"2\">"
            + "<tr><td align=\"left\"><font point-size=\"18\"><b>\(escape(title))</b></font></td></tr>"
            + "<tr><td align=\"left\"><font point-size=\"12\">\(escape(subtitle))</font></td></tr>"
            + "<tr><td align=\"left\"><table border=\"0\" cellspacing=\"3\" cellpadding=\"1\">" + rows + "</table></td></tr>"
            + "</table>"
    }

    static let nodeDefaults: GraphvizAttributes = [
        "shape": "circle", "style": "filled", "fixedsize": "true", "label": "",
        "fontname": "DejaVu Sans", "fontsize": "11", "color": "white", "penwidth": "0.6",
    ]

    static func edgeAttributes(_ link: CityLink, names: (String) -> String) -> GraphvizAttributes {
        let style = NetworkMap.linkStyles[link.kind] ?? ("#777777", "solid", 1)
        var tooltip = "\(names(link.sourceID)) – \(names(link.targetID)): \(link.kind.rawValue)"
        if let since = link.since { tooltip += " (since \(since))" }
        return [
            "id": .text("link-\(link.sourceID)--\(link.targetID)-\(link.kind.rawValue)"),
            "class": .text(link.kind.rawValue),
            "color": .text(style.color), "style": .text(style.style), "penwidth": .number(style.penwidth),
            "tooltip": .text(tooltip),
        ]
    }
}

/// The map of one city's neighbourhood: the city, its partners within `radius` links, the
/// cities proposed to it, and its top suggested partners joined by dashed edges.
public struct EgoMap: Sendable {
    public let style: CityMapStyle
    public let focus: Int
    public let radius: Int
    /// Suggested partners (city indices) drawn with dashed edges.
    public let suggested: [Int]

    public init(style: CityMapStyle, focus: Int, radius: Int, suggested: [Int]) {
        self.style = style
        self.focus = focus
        self.radius = radius
        self.suggested = suggested
    }

    /// Cities within `radius` links of the focus (breadth-first), in index order.
    public func neighbourhood(in graph: Graph) -> [Int] {
        var depth = [Int](repeating: -1, count: graph.nodeCount)
        depth[focus] = 0
        var frontier = [focus]
        for d in 1...max(1, radius) {
            var next: [Int] = []
            for u in frontier {
                for v in graph.neighbors(of: u) where depth[Int(v)] < 0 {
                    depth[Int(v)] = d
                    next.append(Int(v))
                }
            }
            frontier = next
        }
        return depth.indices.filter { depth[$0] >= 0 }
    }

    public func renderableGraph() -> RenderableGraph {
        let dataset = style.dataset
        let graph = dataset.graph()
        let me = dataset.cities[focus]
        var shown = Set(neighbourhood(in: graph))
        let proposed = dataset.links(of: me.id, kinds: [.proposed]).compactMap { dataset.index(ofCity: $0.other(than: me.id)) }
        shown.formUnion(proposed)
        shown.formUnion(suggested)
        let order = shown.sorted()
        var labelled = style.labelled.intersection(shown)
        if order.count <= 60 { labelled = shown }
        var g = RenderableGraph(name: "ego")
        g.graphAttributes = [
            "root": .text(me.id), "overlap": "prism", "sep": "+6", "splines": "false",
            "outputorder": "edgesfirst", "bgcolor": "white", "pad": "0.3", "ranksep": "1.6",
            "fontname": "DejaVu Sans", "id": .text("ego-\(me.id)"), "forcelabels": "true",
        ]
        g.nodeDefaults = CityMapStyle.nodeDefaults
        g.edgeDefaults = ["dir": "none"]
        for i in order { g.addNode(dataset.cities[i].id, style.attributes(of: i, labelled: labelled, scale: 1.3)) }
        let names: (String) -> String = { dataset.city(withID: $0)?.name ?? $0 }
        for link in dataset.links {
            guard let u = dataset.index(ofCity: link.sourceID), let v = dataset.index(ofCity: link.targetID),
                  shown.contains(u), shown.contains(v) else { continue }
            if link.kind == .proposed && !link.involves(me.id) { continue }
            g.addEdge(link.sourceID, link.targetID, CityMapStyle.edgeAttributes(link, names: names))
        }
        for (rank, j) in suggested.enumerated() {
            let other = dataset.cities[j]
            g.addEdge(me.id, other.id, [
                "id": .text("suggested-\(me.id)--\(other.id)"), "class": "suggested",
                "color": .text(CityMapStyle.suggestionColor), "style": "dashed", "penwidth": "2",
                "tooltip": .text("suggested partner \(rank + 1): \(other.name)"),
            ])
        }
        return g
    }
}

/// All cities at their longitude and latitude (equirectangular projection, positions
/// pinned for neato with `pos="x,y!"` and kept as given with `notranslate`), with a
/// graticule every 30° and links drawn straight. Latitudes 60° S to 75° N are shown (no
/// member city lies outside them).
public struct GeographicMap: Sendable {
    public let style: CityMapStyle
    /// Map width in inches (360° of longitude).
    public let width: Double
    /// The latitudes shown.
    public static let southLimit = -60.0, northLimit = 75.0

    public init(style: CityMapStyle, width: Double = 16) {
        self.style = style
        self.width = width
    }

    /// Position in inches of a longitude/latitude.
    public func position(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        let clamped = min(max(latitude, Self.southLimit), Self.northLimit)
        return ((longitude + 180) / 360 * width, (clamped - Self.southLimit) / 360 * width)
    }

    /// Cities without coordinates (left off the map).
    public var unplaced: [City] { style.dataset.cities.filter { $0.coordinates == nil } }

    public func renderableGraph() -> RenderableGraph {
        let dataset = style.dataset
        var g = RenderableGraph(name: "geo")
        g.graphAttributes = [
            "overlap": "true", "splines": "false", "outputorder": "edgesfirst", "notranslate": "true",
            "bgcolor": "white", "pad": "0.2", "fontname": "DejaVu Sans", "id": "geo-map", "forcelabels": "true",
        ]
        g.nodeDefaults = CityMapStyle.nodeDefaults
        g.edgeDefaults = ["dir": "none"]
        // Graticule: invisible end points joined by thin lines, and degree labels.
        func pinned(_ x: Double, _ y: Double) -> GraphvizValue {
            .text("\(GraphvizValue.number(x).string),\(GraphvizValue.number(y).string)!")
        }
        let grid: GraphvizAttributes = ["shape": "point", "width": "0.01", "style": "invis", "label": ""]
        var lineIndex = 0
        func line(from a: (Double, Double), to b: (Double, Double)) {
            let p = "grid-\(lineIndex)-a", q = "grid-\(lineIndex)-b"
            lineIndex += 1
            var pa = grid; pa["pos"] = pinned(a.0, a.1); pa["id"] = .text(p); pa["class"] = "graticule"
            var pb = grid; pb["pos"] = pinned(b.0, b.1); pb["id"] = .text(q); pb["class"] = "graticule"
            g.addNode(p, pa)
            g.addNode(q, pb)
            g.addEdge(p, q, ["color": "#DDDDDD", "penwidth": "0.8", "id": .text("\(p)-line"), "class": "graticule", "tooltip": " "])
        }
        for lon in stride(from: -180.0, through: 180.0, by: 30) {
            line(from: position(latitude: Self.southLimit, longitude: lon), to: position(latitude: Self.northLimit, longitude: lon))
        }
        for lat in stride(from: -60.0, through: 60.0, by: 30) {
            line(from: position(latitude: lat, longitude: -180), to: position(latitude: lat, longitude: 180))
        }
        for lat in stride(from: -60.0, through: 60.0, by: 30) {
            let p = position(latitude: lat, longitude: -180)
            let text = lat == 0 ? "Equator" : "\(Int(abs(lat)))° \(lat > 0 ? "N" : "S")"
            g.addNode("grid-lat-\(Int(lat))", [
                "shape": "plaintext", "label": .text(text), "fontsize": "10", "fontcolor": "#999999",
                "pos": pinned(p.x - 0.45, p.y), "width": "0.7", "height": "0.2", "fixedsize": "true", "style": "",
                "id": .text("grid-lat-\(Int(lat))"), "class": "graticule", "tooltip": .text(text),
            ])
        }
        let labelled = style.labelled
        var placed = Set<String>()
        for (i, city) in dataset.cities.enumerated() {
            guard let (lat, lon) = city.coordinates else { continue }
            var a = style.attributes(of: i, labelled: labelled, scale: 0.6)
            let p = position(latitude: lat, longitude: lon)
            a["pos"] = pinned(p.x, p.y)
            g.addNode(city.id, a)
            placed.insert(city.id)
        }
        let names: (String) -> String = { dataset.city(withID: $0)?.name ?? $0 }
        let focus = style.focusIDs
        for link in dataset.links where placed.contains(link.sourceID) && placed.contains(link.targetID) {
            if link.kind == .proposed && focus.isDisjoint(with: [link.sourceID, link.targetID]) { continue }
            var a = CityMapStyle.edgeAttributes(link, names: names)
            if !focus.isDisjoint(with: [link.sourceID, link.targetID]) {
                a["penwidth"] = "2"
                if link.kind == .sisterCity { a["color"] = "#111111B0" }
            }
            g.addEdge(link.sourceID, link.targetID, a)
        }
        return g
    }
}
