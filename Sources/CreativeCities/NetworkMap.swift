import GraphAlgorithms
import GraphCore
import GraphRendering

/// Maps of the UNESCO Creative Cities Network as `RenderableGraph`s, in three kinds that
/// share one styling (palettes, sizes, labels, link styles, tooltips, legend):
///
/// - ``Kind/whole``: every member city, laid out by its links (sfdp);
/// - ``Kind/ego(cityID:radius:suggested:)``: one city, its partners within a number of
///   links, the cities proposed to it, and suggested partners drawn as dashed edges;
/// - ``Kind/geographic``: every city with coordinates pinned at its longitude and
///   latitude (Equal Earth projection) over Natural Earth's land and country outlines, with
///   Europe enlarged below the world (or one region or bounding box only).
///
/// Each city is a filled circle coloured by field, region or community (``Coloring``), its
/// area proportional to a chosen centrality (``Options/sizeBy``), named when it is among
/// the top cities by that measure or is highlighted. Names are placed by ``LabelPlacement``
/// once the positions are known, so no two overlap (the less important ones move or are
/// left out); every text names a font family list ending in `sans-serif`
/// (``fontFamily``), bold by weight. In SVG each city is a
/// `<g id="<city-id>" class="node <field> <region> community-<n>">` group (n = 0 for the largest) with a tooltip
/// (name, country, field, year, links, rank by the size measure, community) and, when
/// ``Options/cityLinkBase`` is set, a link to `<base>#city-<id>`. Links are
/// `<g class="edge <kind>">` groups, suggested partners `<g class="edge suggested">`.
public struct NetworkMap: Sendable {
    /// Which map.
    public enum Kind: Sendable, Hashable {
        /// The whole network (force-directed layout; position means "who is tied to whom").
        case whole
        /// `cityID`, its partners within `radius` existing links (breadth-first), the
        /// cities proposed to it, and `suggested` partner cities (ids, best first) joined
        /// to it by dashed edges in ``NetworkMap/suggestionStyle``.
        case ego(cityID: String, radius: Int, suggested: [String])
        /// Cities at their longitude and latitude (cities without coordinates are listed
        /// in the caption, not placed).
        case geographic
    }

    /// What the fill colour of a city shows.
    public enum Coloring: String, Sendable, Hashable, CaseIterable {
        /// The creative field (eight colours).
        case field
        /// The UNESCO region (five colours).
        case region
        /// The community of the existing-cooperation graph (Leiden, fixed seed): the
        /// ``NetworkMap/communityColors`` count of largest communities get distinct
        /// colours, the others grey; cities with no link belong to no community.
        case community
    }

    /// What the map shows and how.
    public struct Options: Sendable, Hashable {
        /// Which map.
        public var kind: Kind
        /// What the fill colour shows.
        public var coloring: Coloring
        /// The centrality that sizes the circles (area proportional to the value) and picks
        /// the labelled cities; one of ``NetworkMap/sizeMeasures``.
        public var sizeBy: CentralityMeasure
        /// How many of the top cities by ``sizeBy`` get a name label.
        public var labelCount: Int
        /// Cities always labelled and drawn with a thick outline (an ego map's city is added);
        /// none by default, so a whole-network map rings a city only when asked to.
        public var highlightedCityIDs: [String]
        /// Link kinds drawn (by default ``NetworkMap/defaultLinkKinds``: sister-city,
        /// partnership and proposed; sizes and communities use sister-city and partnership
        /// links only). Add `.cooperation` to draw documented cooperation in its own style.
        public var linkKinds: Set<LinkKind>
        /// When set, each city links to `cityLinkBase + "#city-<id>"` (e.g. `"report.html"`,
        /// or `""` for a map inlined in the report); `nil` for no links.
        public var cityLinkBase: String?
        /// Draw the title and legend under the map (a report may draw its own instead).
        public var showsLegend: Bool
        /// Geographic world map: the scale, as points per degree along the equator (the
        /// Equal Earth globe's radius is this × 180/π points). A regional map is scaled to fit.
        public var geographicScale: Double
        /// Seed of the Leiden run that finds the communities (when the caller gives none).
        public var communitySeed: UInt64
        /// Geographic map: only this area (a regional map), or nil for the world.
        public var area: GeoArea?
        /// Geographic world map: draw Europe enlarged below the world (its cities are named there).
        public var europeInset: Bool

        /// Options for a map; the defaults draw the whole network coloured by field, sized by
        /// degree, with the 30 best-connected cities named and no city highlighted.
        public init(
            kind: Kind = .whole, coloring: Coloring = .field, sizeBy: CentralityMeasure = .degree,
            labelCount: Int = 30, highlightedCityIDs: [String] = [],
            linkKinds: Set<LinkKind> = NetworkMap.defaultLinkKinds, cityLinkBase: String? = nil,
            showsLegend: Bool = true, geographicScale: Double = 4, communitySeed: UInt64 = NetworkMap.communitySeed,
            area: GeoArea? = nil, europeInset: Bool = true
        ) {
            self.area = area
            self.europeInset = europeInset
            self.kind = kind
            self.coloring = coloring
            self.sizeBy = sizeBy
            self.labelCount = labelCount
            self.highlightedCityIDs = highlightedCityIDs
            self.linkKinds = linkKinds
            self.cityLinkBase = cityLinkBase
            self.showsLegend = showsLegend
            self.geographicScale = geographicScale
            self.communitySeed = communitySeed
        }
    }

    // MARK: Palettes and styles (the one home for every map's colours)

    /// The measures that can size cities.
    public static let sizeMeasures: [CentralityMeasure] = [
        .degree, .betweenness, .closeness, .pagerank, .eigenvector, .harmonic, .kcore,
    ]

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

    /// Colours of the largest communities, largest first (the eight Okabe–Ito colours);
    /// smaller communities get ``otherCommunityColor``.
    public static let communityColors = [
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
    ]
    /// Fill of the communities beyond the coloured ones.
    public static let otherCommunityColor = "#A0A0A0"
    /// Fill of a city with no existing link (it belongs to no community), before fading.
    public static let unlinkedColor = "#BBBBBB"

    /// The link layers a map draws unless told otherwise.
    public static let defaultLinkKinds: Set<LinkKind> = [.sisterCity, .partnership, .proposed]

    /// Colour, style and pen width of each link kind: documented cooperation is vermilion
    /// and solid, sister cities grey, partnerships bold wine red, proposed dashed, planned
    /// dotted vermilion.
    public static let linkStyles: [LinkKind: (color: String, style: String, penwidth: Double)] = [
        .sisterCity: ("#5F6B7A80", "solid", 0.8),
        .partnership: ("#8B1E3FD0", "bold", 2.2),
        .cooperation: ("#D55E00C0", "solid", 1.8),
        .proposed: ("#222222", "dashed", 1.6),
        .planned: ("#D55E00C0", "dotted", 1.4),
    ]

    /// Style of a suggested partnership on an ego map: dashed, bluish green, thicker than a
    /// proposed link (which is dashed dark grey).
    public static let suggestionStyle: (color: String, style: String, penwidth: Double) = ("#009E73", "dashed", 2.4)

    /// Id of the invisible-edged hub that gathers a region's cities with no known link.
    public static func unlinkedGroupID(_ region: UNESCORegion) -> String { "unlinked-\(region.slug)" }

    // MARK: State

    /// The cities and links drawn.
    public let dataset: CreativeCitiesDataset
    /// What the map shows and how.
    public let options: Options
    /// Number of existing cooperation links (sister-city and partnership) of each city, by index.
    public let degrees: [Int]
    /// The value of ``Options/sizeBy`` for each city (on the existing-cooperation graph).
    public let sizeValues: [Double]
    /// Rank of each city by ``sizeValues`` (1 + the number of cities with a higher value).
    public let sizeRanks: [Int]
    /// Community of each city (canonical labels: 0 is the largest).
    public let communityLabels: [Int32]
    /// Indices of the cities on the map, ascending.
    public let shownCities: [Int]
    /// The ego map's city.
    public let focusIndex: Int?
    /// The ego map's suggested partners (indices, best first).
    public let suggestedIndices: [Int]
    /// Distance in existing links from the ego map's city (nil for cities beyond the radius).
    public let egoDistances: [Int: Int]
    /// Geographic map: the main view (the world, or the chosen area) and the Europe inset.
    let mainView: GeoView?
    let insetView: GeoView?

    /// The seed of the Leiden run behind the map's communities: 42, the default of
    /// `uccn clusters`, so the map's community numbers are those the clusters table prints.
    public static let communitySeed: UInt64 = 42

    /// The communities of the existing-cooperation network (sister-city and partnership
    /// links): Leiden, modularity with resolution 1, iterated until stable, from `seed`.
    /// Canonical labels (0 is the largest community); a city with no link is alone.
    public static func communities(of dataset: CreativeCitiesDataset, seed: UInt64 = communitySeed) -> [Int32] {
        Leiden().partition(of: dataset.graph(including: LinkKind.existing), seed: seed).labels
    }

    /// Prepares a map: computes the size measure and the communities on the
    /// existing-cooperation graph and, for an ego map, the cities within the radius.
    ///
    /// - Parameters:
    ///   - dataset: the cities and links.
    ///   - options: which map (whole, ego or geographic), colouring, sizes and suggestions.
    ///   - communityLabels: community of each city (labels numbered by size, 0 the
    ///     largest, as `Partition` gives them), e.g. the report's own partition; `nil` runs
    ///     ``communities(of:seed:)`` with ``Options/communitySeed``.
    /// - Throws: ``NetworkMapError`` for an unknown city, a radius below 1, a measure that
    ///   cannot size cities, labels of the wrong count, or a measure that fails.
    public init(
        dataset: CreativeCitiesDataset, options: Options = Options(), communityLabels: [Int32]? = nil
    ) throws(NetworkMapError) {
        self.dataset = dataset
        self.options = options
        guard Self.sizeMeasures.contains(options.sizeBy) else { throw .unsupportedSizeMeasure(options.sizeBy) }
        if let communityLabels, communityLabels.count != dataset.cities.count {
            throw .communityLabelCount(expected: dataset.cities.count, found: communityLabels.count)
        }
        guard options.geographicScale.isFinite, options.geographicScale > 0 else {
            throw .invalidScale(options.geographicScale)
        }
        let graph = dataset.graph(including: LinkKind.existing)
        degrees = (0..<graph.nodeCount).map { graph.degree(of: $0) }
        do {
            sizeValues = try options.sizeBy.compute(on: graph)
        } catch {
            throw .measure(options.sizeBy, "\(error)")
        }
        sizeRanks = Self.ranks(of: sizeValues)
        self.communityLabels = communityLabels ?? Self.communities(of: dataset, seed: options.communitySeed)

        switch options.kind {
        case .whole:
            shownCities = Array(dataset.cities.indices)
            focusIndex = nil
            suggestedIndices = []
            egoDistances = [:]
            mainView = nil
            insetView = nil
        case .geographic:
            let views = try Self.geoViews(dataset: dataset, options: options)
            mainView = views.main
            insetView = views.inset
            shownCities = dataset.cities.indices.filter {
                guard let (lat, lon) = dataset.cities[$0].coordinates else { return false }
                return views.main.contains(latitude: lat, longitude: lon)
            }
            focusIndex = nil
            suggestedIndices = []
            egoDistances = [:]
        case let .ego(cityID, radius, suggested):
            guard let focus = dataset.index(ofCity: cityID) else { throw .unknownCity(cityID) }
            guard radius >= 1 else { throw .invalidRadius(radius) }
            var suggestedIndices: [Int] = []
            for id in suggested {
                guard let j = dataset.index(ofCity: id) else { throw .unknownCity(id) }
                if j != focus, !suggestedIndices.contains(j) { suggestedIndices.append(j) }
            }
            let distances = Self.breadthFirstDistances(in: graph, from: focus, radius: radius)
            var shown = Set(distances.keys)
            if options.linkKinds.contains(.proposed) {
                for link in dataset.links(of: cityID, kinds: [.proposed]) {
                    if let j = dataset.index(ofCity: link.other(than: cityID)) { shown.insert(j) }
                }
            }
            shown.formUnion(suggestedIndices)
            shownCities = shown.sorted()
            focusIndex = focus
            self.suggestedIndices = suggestedIndices
            egoDistances = distances
            mainView = nil
            insetView = nil
        }
    }

    /// Cities within `radius` links of `source` (breadth-first), with their distance.
    static func breadthFirstDistances(in graph: Graph, from source: Int, radius: Int) -> [Int: Int] {
        var distance: [Int: Int] = [source: 0]
        var frontier = [source]
        var depth = 0
        while depth < radius, !frontier.isEmpty {
            depth += 1
            var next: [Int] = []
            for u in frontier {
                for v in graph.neighbors(of: u) where distance[Int(v)] == nil {
                    distance[Int(v)] = depth
                    next.append(Int(v))
                }
            }
            frontier = next
        }
        return distance
    }

    /// Standard competition ranks, highest value first.
    static func ranks(of values: [Double]) -> [Int] {
        let order = values.indices.sorted { values[$0] > values[$1] }
        var ranks = [Int](repeating: 0, count: values.count)
        for (position, i) in order.enumerated() {
            if position > 0, values[order[position - 1]] == values[i] {
                ranks[i] = ranks[order[position - 1]]
            } else {
                ranks[i] = position + 1
            }
        }
        return ranks
    }

    // MARK: Shared styling

    /// Number of the community of city `i` (0 = largest, as `uccn clusters` numbers them),
    /// or nil when it has no existing link (such a city is a community of its own, and is
    /// not coloured as one).
    public func communityNumber(of i: Int) -> Int? {
        guard degrees[i] > 0 else { return nil }
        return Int(communityLabels[i])
    }

    /// Number of communities among cities with at least one existing link.
    public var communityCount: Int {
        Set(dataset.cities.indices.compactMap { communityNumber(of: $0) }).count
    }

    /// The fill colour of city `i` under the map's colouring.
    public func color(ofCityAt i: Int) -> String {
        let city = dataset.cities[i]
        switch options.coloring {
        case .field: return Self.fieldColors[city.field] ?? Self.otherCommunityColor
        case .region: return Self.regionColors[city.region] ?? Self.otherCommunityColor
        case .community:
            guard let number = communityNumber(of: i) else { return Self.unlinkedColor }
            return number < Self.communityColors.count ? Self.communityColors[number] : Self.otherCommunityColor
        }
    }

    /// The fill colour of `city` under the map's colouring.
    public func color(of city: City) -> String {
        guard let i = dataset.index(ofCity: city.id) else { return Self.otherCommunityColor }
        return color(ofCityAt: i)
    }

    /// The measure's name in running text ("betweenness", "PageRank", "k-core").
    var sizeWord: String {
        options.sizeBy == .pagerank ? "PageRank" : options.sizeBy.title.lowercased()
    }

    /// Ids of the labelled cities: the ``Options/labelCount`` top shown cities by the size
    /// measure (value above 0; ties by name), then the highlighted ones, the ego map's city
    /// and its suggested partners. An ego map of at most 40 cities labels every city; a larger
    /// one names the city's direct partners and the cities proposed to it first.
    public var labelledCityIDs: [String] {
        let cities = dataset.cities
        if focusIndex != nil, shownCities.count <= 40 {
            return shownCities.map { cities[$0].id }
        }
        let ranked =
            shownCities
            .filter { sizeValues[$0] > 0 }
            .sorted { a, b in
                sizeValues[a] != sizeValues[b] ? sizeValues[a] > sizeValues[b] : cities[a].name < cities[b].name
            }
            .prefix(max(0, options.labelCount))
            .map { cities[$0].id }
        // On a larger ego map the city's direct partners and the cities proposed to it come
        // first (most important first for the name placement), then the top cities.
        var near: [String] = []
        if let focusIndex {
            let focusID = cities[focusIndex].id
            let proposed = Set(dataset.links(of: focusID, kinds: [.proposed]).map { $0.other(than: focusID) })
            near = shownCities.filter { egoDistances[$0] == 1 || proposed.contains(cities[$0].id) }
                .sorted { a, b in
                    sizeValues[a] != sizeValues[b] ? sizeValues[a] > sizeValues[b] : cities[a].name < cities[b].name
                }
                .map { cities[$0].id }
        }
        var result = near + ranked.filter { !near.contains($0) }
        let shownIDs = Set(shownCities.map { cities[$0].id })
        for id in highlightedIDs + suggestedIndices.map({ cities[$0].id })
        where !result.contains(id) && shownIDs.contains(id) {
            result.append(id)
        }
        return result
    }

    /// The highlighted cities: the options' list and the ego map's city.
    var highlightedIDs: [String] {
        var ids = options.highlightedCityIDs
        if let focusIndex, !ids.contains(dataset.cities[focusIndex].id) {
            ids.insert(dataset.cities[focusIndex].id, at: 0)
        }
        return ids
    }

    /// Circle diameters (inches) for each kind: largest value, floor for small values.
    var sizeRange: (max: Double, min: Double) {
        switch options.kind {
        case .whole: (0.6, 0.12)
        case .ego: (0.75, 0.18)
        case .geographic: (0.34, 0.07)
        }
    }

    /// Diameter of city `i` in inches: area proportional to the value (diameter ∝ √value),
    /// at least the kind's floor so small values stay visible.
    public func width(ofCityAt i: Int) -> Double {
        let (largest, floor) = sizeRange
        let maxValue = shownCities.map { sizeValues[$0] }.max() ?? 0
        let value = sizeValues[i]
        guard maxValue > 0, value > 0 else { return floor * 0.8 }
        return max(floor, largest * (value / maxValue).squareRoot())
    }

    /// Node attributes of city `i`: id, class, tooltip, URL, size, fill, label.
    func cityAttributes(
        _ i: Int, labelled: Set<String>, highlighted: Set<String>, linkCounts: [String: (existing: Int, proposed: Int)]
    ) -> GraphvizAttributes {
        let city = dataset.cities[i]
        let unlinked = degrees[i] == 0
        let color = color(ofCityAt: i)
        let width = width(ofCityAt: i)
        let tooltip = tooltip(ofCityAt: i, linkCounts: linkCounts)
        var classes = [city.field.slug, city.region.slug]
        if let number = communityNumber(of: i) { classes.append("community-\(number)") }
        if unlinked { classes.append("isolated") }
        if let focusIndex {
            if i == focusIndex {
                classes.append("focus")
            } else if let d = egoDistances[i] {
                classes.append("distance-\(d)")
            }
            if suggestedIndices.contains(i) { classes.append("suggested") }
        }
        var attributes: GraphvizAttributes = [
            "id": .text(city.id),
            "class": .text(classes.joined(separator: " ")),
            "tooltip": .text(tooltip),
            "width": .number(width),
            "fillcolor": .text(unlinked ? color + "66" : color),
        ]
        if let base = options.cityLinkBase {
            attributes["URL"] = .text("\(base)#city-\(city.id)")
            attributes["target"] = "_top"
        }
        if unlinked { attributes["color"] = .text(color + "99") }
        if highlighted.contains(city.id) {
            attributes["color"] = "#111111"
            attributes["penwidth"] = "2.5"
            attributes["width"] = .number(max(width, sizeRange.max * 0.5))
        }
        return attributes
    }

    /// The tooltip of city `i`: name, country, field, year, links, rank, community.
    func tooltip(ofCityAt i: Int, linkCounts: [String: (existing: Int, proposed: Int)]) -> String {
        let city = dataset.cities[i]
        var tooltip = "\(city.name), \(city.country) — \(city.field.cityTitle)"
        if let year = city.year { tooltip += " (\(year))" }
        let counts = linkCounts[city.id] ?? (0, 0)
        tooltip +=
            counts.existing == 0 ? " — no known link" : " — \(counts.existing) link\(counts.existing == 1 ? "" : "s")"
        if counts.proposed > 0 { tooltip += ", \(counts.proposed) proposed" }
        tooltip += " — \(sizeWord) rank \(sizeRanks[i]) of \(dataset.cities.count)"
        if let number = communityNumber(of: i) { tooltip += " — community \(number)" }
        return tooltip
    }

    /// Edge attributes of a link: id, class (its kind), colour, style, tooltip.
    func linkAttributes(_ link: CityLink) -> GraphvizAttributes {
        let style = Self.linkStyles[link.kind] ?? ("#777777", "solid", 1)
        let a = dataset.city(withID: link.sourceID)?.name ?? link.sourceID
        let b = dataset.city(withID: link.targetID)?.name ?? link.targetID
        var tooltip = "\(a) – \(b): \(link.kind.rawValue)"
        if link.kind == .cooperation {
            let types = Set(
                dataset.links(of: link.sourceID, kinds: [.cooperation]).filter {
                    $0.other(than: link.sourceID) == link.targetID
                }
                .compactMap(\.cooperationType)
            ).sorted().map(\.singular)
            if !types.isEmpty { tooltip += " (\(types.joined(separator: ", ")))" }
        }
        if let since = link.since { tooltip += " (since \(since))" }
        return [
            "id": .text(
                "link-\(link.sourceID)--\(link.targetID)\(link.kind == .sisterCity ? "" : "-" + link.kind.rawValue)"),
            "class": .text(link.kind.rawValue),
            "color": .text(style.color),
            "style": .text(style.style),
            "penwidth": .number(style.penwidth),
            "tooltip": .text(tooltip),
        ]
    }

    /// The links drawn on this map: of the options' kinds, between two shown cities.
    /// A pair with several rows of evidence of one kind is drawn once (its first row); a pair
    /// with two kinds is drawn once per kind, each in its own style.
    public var drawnLinks: [CityLink] {
        let shown = Set(shownCities.map { dataset.cities[$0].id })
        var seen: Set<String> = []
        return dataset.links.filter {
            options.linkKinds.contains($0.kind) && shown.contains($0.sourceID) && shown.contains($0.targetID)
                && seen.insert(
                    [min($0.sourceID, $0.targetID), max($0.sourceID, $0.targetID), $0.kind.rawValue]
                        .joined(separator: "|")
                ).inserted
        }
    }

    /// Existing and proposed link counts per city id.
    var linkCounts: [String: (existing: Int, proposed: Int)] {
        var counts: [String: (existing: Int, proposed: Int)] = [:]
        var seen: Set<String> = []
        for link in dataset.links where options.linkKinds.contains(link.kind) {
            let key = [min(link.sourceID, link.targetID), max(link.sourceID, link.targetID), link.kind.rawValue]
            guard seen.insert(key.joined(separator: "|")).inserted else { continue }
            for id in [link.sourceID, link.targetID] {
                if LinkKind.intentions.contains(link.kind) {
                    counts[id, default: (0, 0)].proposed += 1
                } else {
                    counts[id, default: (0, 0)].existing += 1
                }
            }
        }
        return counts
    }

    /// The font of every text on a map: a family list ending in the generic `sans-serif`,
    /// so a machine without DejaVu Sans still draws a sans-serif face; bold is asked for by
    /// weight (`<b>` in the label, `font-weight="bold"` in SVG), never by a family name.
    public static let fontFamily = "DejaVu Sans,Helvetica,Arial,Liberation Sans,sans-serif"

    static let nodeDefaults: GraphvizAttributes = [
        "shape": "circle", "style": "filled", "fixedsize": "true", "label": "",
        "fontname": .text(fontFamily), "fontsize": "11", "color": "white", "penwidth": "0.6",
    ]

    /// Graph attributes every kind shares.
    func commonGraphAttributes(id: String, tooltip: String) -> GraphvizAttributes {
        var attributes: GraphvizAttributes = [
            "splines": "false",
            "outputorder": "edgesfirst",
            "bgcolor": "white",
            "pad": "0.3",
            "fontname": .text(Self.fontFamily),
            "id": .text(id),
            "tooltip": .text(tooltip),
        ]
        if options.showsLegend {
            attributes["label"] = .html(legend())
            attributes["labelloc"] = "b"
            attributes["labeljust"] = "l"
        }
        return attributes
    }

    /// The finished map, every node pinned at its position and the city names placed
    /// (``LabelPlacement``), to draw with ``recommendedEngine`` (neato, which then only
    /// draws). The whole network and an ego map are first laid out with `layoutEngine`
    /// (default ``layoutEngine``: sfdp or twopi) and `seed`; the geographic map needs no
    /// layout. Should that first layout fail, the graph is returned unplaced and without
    /// names, and drawing it reports Graphviz's error.
    public func renderableGraph(layoutEngine engine: LayoutEngine? = nil, seed: UInt64 = 1) -> RenderableGraph {
        if let drawing = try? drawing(layoutEngine: engine, seed: seed) { return drawing }
        return options.kind == .whole ? wholeGraph() : egoGraph()
    }

    /// The finished map, as ``renderableGraph(layoutEngine:seed:)``, with the first
    /// layout's errors thrown (`limits` caps the layout engine by graph size).
    /// - Throws: `RenderError` from the layout of the whole network or an ego map.
    public func drawing(
        layoutEngine engine: LayoutEngine? = nil, seed: UInt64 = 1, limits: LayoutLimits = .default
    ) throws(RenderError) -> RenderableGraph {
        switch options.kind {
        case .whole, .ego:
            let base = options.kind == .whole ? wholeGraph() : egoGraph()
            let layoutOptions = RenderOptions(engine: engine ?? layoutEngine, seed: seed, limits: limits)
            let layout = try Graphviz.shared.layout(base, options: layoutOptions)
            return pinnedDrawing(of: base, layout: layout)
        case .geographic:
            return geographicGraph()
        }
    }

    /// The engine that positions the cities of the whole network (sfdp) and of an ego map
    /// (twopi: rings by distance from the city); the geographic map is placed by its
    /// projection.
    public var layoutEngine: LayoutEngine {
        switch options.kind {
        case .whole: .sfdp
        case .ego: .twopi
        case .geographic: .neato
        }
    }

    /// The engine that draws ``renderableGraph(layoutEngine:seed:)``: neato, which keeps
    /// every pinned node where it is.
    public var recommendedEngine: LayoutEngine { .neato }

    func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
