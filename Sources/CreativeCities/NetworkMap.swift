import GraphCore
import GraphRendering

/// The network map of the UNESCO Creative Cities Network as a ``RenderableGraph``: every
/// member city a filled circle coloured by creative field and sized by its number of
/// cooperation links, links styled by kind, a legend, and labels on the best-connected
/// cities (and on the cities the caller highlights, Hanoi by default).
///
/// In SVG each city is a `<g class="node <field-slug>" id="<city-id>">` group with a tooltip
/// (name, country, field, designation year, links), each link a
/// `<g class="edge <kind>" id="link-<a>--<b>">` group, so the map can be styled and scripted.
public struct NetworkMap: Sendable {
    /// What the fill colour of a city shows.
    public enum Coloring: String, Sendable, Hashable, CaseIterable {
        /// The creative field (eight colours).
        case field
        /// The UNESCO region (five colours).
        case region
    }

    /// What the map shows and how.
    public struct Options: Sendable, Hashable {
        /// What the fill colour shows.
        public var coloring: Coloring
        /// How many of the best-connected cities get a name label.
        public var labelCount: Int
        /// Cities always labelled and drawn with a thick outline.
        public var highlightedCityIDs: [String]
        /// Link kinds drawn (all by default; node sizes count existing cooperation only).
        public var linkKinds: Set<LinkKind>

        public init(
            coloring: Coloring = .field, labelCount: Int = 30, highlightedCityIDs: [String] = ["hanoi-vn"],
            linkKinds: Set<LinkKind> = Set(LinkKind.allCases)
        ) {
            self.coloring = coloring
            self.labelCount = labelCount
            self.highlightedCityIDs = highlightedCityIDs
            self.linkKinds = linkKinds
        }
    }

    /// Fill colour of each field: the Okabe–Ito palette, distinguishable with the common
    /// colour-vision deficiencies (Okabe & Ito 2008, "Color Universal Design").
    public static let fieldColors: [CreativeField: String] = [
        .music: "#0072B2",  // blue
        .craftsAndFolkArt: "#E69F00",  // orange
        .gastronomy: "#D55E00",  // vermilion
        .literature: "#009E73",  // bluish green
        .design: "#CC79A7",  // reddish purple
        .film: "#56B4E9",  // sky blue
        .mediaArts: "#F0E442",  // yellow
        .architecture: "#000000",  // black
    ]

    /// Fill colour of each region (Okabe–Ito colours again, for `--color-by region`).
    public static let regionColors: [UNESCORegion: String] = [
        .europeNorthAmerica: "#0072B2",  // blue
        .asiaPacific: "#D55E00",  // vermilion
        .latinAmericaCaribbean: "#009E73",  // bluish green
        .arabStates: "#E69F00",  // orange
        .africa: "#CC79A7",  // reddish purple
    ]

    /// The fill colour of `city` under the map's colouring.
    public func color(of city: City) -> String {
        switch options.coloring {
        case .field: return Self.fieldColors[city.field] ?? "#999999"
        case .region: return Self.regionColors[city.region] ?? "#999999"
        }
    }

    /// Id of the invisible-edged hub that gathers a region's cities with no known link.
    public static func unlinkedGroupID(_ region: UNESCORegion) -> String { "unlinked-\(region.slug)" }

    /// Colour and style of each link kind.
    public static let linkStyles: [LinkKind: (color: String, style: String, penwidth: Double)] = [
        .sisterCity: ("#5F6B7A80", "solid", 0.8),
        .partnership: ("#8B1E3FD0", "bold", 2.2),
        .proposed: ("#222222", "dashed", 1.6),
    ]

    public let dataset: CreativeCitiesDataset
    public let options: Options

    public init(dataset: CreativeCitiesDataset, options: Options = Options()) {
        self.dataset = dataset
        self.options = options
    }

    /// Number of existing cooperation links (sister-city and partnership) of each city, by index.
    public var degrees: [Int] {
        let graph = dataset.graph(including: LinkKind.existing)
        return (0..<graph.nodeCount).map { graph.degree(of: $0) }
    }

    /// Ids of the labelled cities: the `labelCount` best-connected (ties by name), then the highlighted ones.
    public var labelledCityIDs: [String] {
        let degrees = self.degrees
        let ranked = dataset.cities.indices
            .filter { degrees[$0] > 0 }
            .sorted { a, b in
                degrees[a] != degrees[b] ? degrees[a] > degrees[b] : dataset.cities[a].name < dataset.cities[b].name
            }
            .prefix(max(0, options.labelCount))
            .map { dataset.cities[$0].id }
        return ranked + options.highlightedCityIDs.filter { !ranked.contains($0) && dataset.city(withID: $0) != nil }
    }

    /// The graph to lay out (sfdp settings that keep 400 nodes readable: overlap removal
    /// with prism, straight edges drawn below the nodes).
    public func renderableGraph() -> RenderableGraph {
        let cities = dataset.cities
        let degrees = self.degrees
        let labelled = Set(labelledCityIDs)
        let highlighted = Set(options.highlightedCityIDs)
        let maxDegree = max(1, degrees.max() ?? 1)

        var graph = RenderableGraph(name: "UCCN")
        graph.graphAttributes = [
            "overlap": "prism",
            "sep": "+4",
            "splines": "false",
            "outputorder": "edgesfirst",
            "bgcolor": "white",
            "pad": "0.3",
            "fontname": "DejaVu Sans",
            "label": .html(legend()),
            "labelloc": "b",
            "labeljust": "l",
            "id": "uccn-map",
            "tooltip": "UNESCO Creative Cities Network",
        ]
        graph.nodeDefaults = [
            "shape": "circle", "style": "filled", "fixedsize": "true", "label": "",
            "fontname": "DejaVu Sans", "fontsize": "11", "color": "white", "penwidth": "0.6",
        ]
        graph.edgeDefaults = ["dir": "none"]

        var linkCount: [String: (existing: Int, proposed: Int)] = [:]
        for link in dataset.links {
            for id in [link.sourceID, link.targetID] {
                if link.kind == .proposed { linkCount[id, default: (0, 0)].proposed += 1 } else { linkCount[id, default: (0, 0)].existing += 1 }
            }
        }

        for (i, city) in cities.enumerated() {
            let degree = degrees[i]
            let color = color(of: city)
            // Area grows with the degree: diameter ∝ √degree, from 0.14 in (one link) to 0.6 in.
            let width = degree == 0 ? 0.1 : 0.14 + 0.46 * (Double(degree) / Double(maxDegree)).squareRoot()
            var tooltip = "\(city.name), \(city.country) — City of \(city.field.rawValue)"
            if let year = city.year { tooltip += " (\(year))" }
            let counts = linkCount[city.id] ?? (0, 0)
            tooltip += counts.existing == 0 ? " — no known link" : " — \(counts.existing) link\(counts.existing == 1 ? "" : "s")"
            if counts.proposed > 0 { tooltip += ", \(counts.proposed) proposed" }
            var attributes: GraphvizAttributes = [
                "id": .text(city.id),
                "class": .text(city.field.slug + (degree == 0 ? " isolated" : "")),
                "tooltip": .text(tooltip),
                "width": .number(width),
                "fillcolor": .text(degree == 0 ? color + "66" : color),
            ]
            if degree == 0 { attributes["color"] = .text(color + "99") }
            if labelled.contains(city.id) {
                attributes["xlabel"] = .text(city.name)
                if degree >= maxDegree / 2 { attributes["fontsize"] = "13" }
            }
            if highlighted.contains(city.id) {
                attributes["color"] = "#111111"
                attributes["penwidth"] = "2.5"
                attributes["fontsize"] = "14"
                attributes["fontname"] = "DejaVu Sans Bold"
                attributes["width"] = .number(max(width, 0.3))
            }
            graph.addNode(city.id, attributes)
        }

        // Cities with no known link would each be a component of their own, which sfdp packs
        // as a loose frame around the network: gather them per region around a labelled hub
        // (tied with invisible edges), so the map says how many each region has.
        let drawnLinkEnds = Set(dataset.links.filter { options.linkKinds.contains($0.kind) }.flatMap { [$0.sourceID, $0.targetID] })
        let unlinked = Dictionary(grouping: cities.filter { !drawnLinkEnds.contains($0.id) }, by: \.region)
        for region in UNESCORegion.allCases {
            guard let members = unlinked[region], !members.isEmpty else { continue }
            let hub = Self.unlinkedGroupID(region)
            graph.addNode(hub, [
                "id": .text(hub), "class": "unlinked-group", "shape": "plaintext", "style": "", "fixedsize": "false",
                "label": .text("\(region.rawValue)\n\(members.count) \(members.count == 1 ? "city" : "cities") with no known link"),
                "fontsize": "12", "fontcolor": "#555555", "width": "0", "height": "0", "margin": "0",
                "tooltip": .text("\(region.rawValue): \(members.map(\.name).sorted().joined(separator: ", "))"),
            ])
            for city in members {
                graph.addEdge(hub, city.id, ["style": "invis", "id": .text("\(hub)--\(city.id)"), "class": "invisible"])
            }
        }

        for link in dataset.links where options.linkKinds.contains(link.kind) {
            guard let style = Self.linkStyles[link.kind] else { continue }
            let a = dataset.city(withID: link.sourceID)?.name ?? link.sourceID
            let b = dataset.city(withID: link.targetID)?.name ?? link.targetID
            var tooltip = "\(a) – \(b): \(link.kind.rawValue)"
            if let since = link.since { tooltip += " (since \(since))" }
            graph.addEdge(link.sourceID, link.targetID, [
                "id": .text("link-\(link.sourceID)--\(link.targetID)\(link.kind == .sisterCity ? "" : "-" + link.kind.rawValue)"),
                "class": .text(link.kind.rawValue),
                "color": .text(style.color),
                "style": .text(style.style),
                "penwidth": .number(style.penwidth),
                "tooltip": .text(tooltip),
            ])
        }
        return graph
    }

    /// The legend: title, colour swatches (fields or regions, with counts), link kinds (with counts).
    func legend() -> String {
        let cities = dataset.cities
        let linked = Set(dataset.links.filter { LinkKind.existing.contains($0.kind) }.flatMap { [$0.sourceID, $0.targetID] })
        let countOf = Dictionary(grouping: dataset.links, by: \.kind).mapValues(\.count)
        var swatches: [(color: String, text: String)] = []
        switch options.coloring {
        case .field:
            let byField = Dictionary(grouping: cities, by: \.field).mapValues(\.count)
            let fields = CreativeField.allCases.sorted { (byField[$0] ?? 0, $1.rawValue) > (byField[$1] ?? 0, $0.rawValue) }
            swatches = fields.map { (Self.fieldColors[$0] ?? "#999999", "\($0.rawValue) (\(byField[$0] ?? 0))") }
        case .region:
            let byRegion = Dictionary(grouping: cities, by: \.region).mapValues(\.count)
            let regions = UNESCORegion.allCases.sorted { (byRegion[$0] ?? 0, $1.rawValue) > (byRegion[$1] ?? 0, $0.rawValue) }
            swatches = regions.map { (Self.regionColors[$0] ?? "#999999", "\($0.rawValue) (\(byRegion[$0] ?? 0))") }
        }
        func swatchCells(_ item: (color: String, text: String)?) -> String {
            guard let item else { return "<td></td><td></td>" }
            return "<td width=\"14\" height=\"14\" fixedsize=\"true\" bgcolor=\"\(item.color)\" style=\"rounded\"></td>"
                + "<td align=\"left\">\(escape(item.text))</td>"
        }
        func kindCells(_ kind: LinkKind, _ sample: String, _ text: String) -> String {
            let color = String((Self.linkStyles[kind]?.color ?? "#000000").prefix(7))
            return "<td align=\"right\"><font color=\"\(color)\">\(sample)</font></td>"
                + "<td align=\"left\">\(escape(text)) (\(countOf[kind] ?? 0))</td>"
        }
        let kinds = [
            kindCells(.sisterCity, "———", "sister cities"),
            kindCells(.partnership, "<b>━━━</b>", "partnership"),
            kindCells(.proposed, "- - -", "proposed cooperation"),
        ]
        let columns = (swatches.count + 1) / 2
        var rows = ""
        for r in 0..<max(columns, kinds.count) {
            rows += "<tr>" + swatchCells(r < columns ? swatches[r] : nil)
                + swatchCells(r + columns < swatches.count ? swatches[r + columns] : nil)
                + (r < kinds.count ? kinds[r] : "<td></td><td></td>") + "</tr>"
        }
        let title = "UNESCO Creative Cities Network: \(cities.count) cities, \(linked.count) with a known link"
        let subtitle = "Colour: \(options.coloring == .field ? "creative field" : "UNESCO region") · circle size: number of sister-city and partnership links"
        return "<table border=\"0\" cellspacing=\"2\" cellpadding=\"2\">"
            + "<tr><td align=\"left\"><font point-size=\"20\"><b>\(escape(title))</b></font></td></tr>"
            + "<tr><td align=\"left\"><font point-size=\"12\">\(escape(subtitle))</font></td></tr>"
            + "<tr><td align=\"left\"><table border=\"0\" cellspacing=\"3\" cellpadding=\"1\">" + rows + "</table></td></tr>"
            + "</table>"
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
