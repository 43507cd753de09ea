import GraphAlgorithms
import GraphCore

/// The planner report: what a city's planners need to see the network, know where their
/// city stands and find partners, in words a non-specialist can read and defend.
///
/// Build it from a dataset (and optionally a focus city), then ask for its
/// ``document()`` (drawn as HTML or Markdown) and its CSV tables. Every part is computed
/// once here; the output is deterministic for the same data and settings.
public struct PlannerReport: Sendable {
    /// The cities and links the report is about.
    public let dataset: CreativeCitiesDataset
    /// The city the report is about, or `nil` for the whole network.
    public let focus: City?
    /// The focus city's index in the dataset, or `nil`.
    public let focusIndex: Int?
    /// The data's provenance notes, quoted in the methods section.
    public let notes: DatasetNotes?
    /// The seed, runs, counts and map options used.
    public let settings: ReportSettings
    /// The cooperation graph (sister-city and partnership links).
    public let graph: Graph
    /// Connected components of ``graph``.
    public let components: ConnectedComponents
    /// Whole-network facts.
    public let overview: NetworkOverview
    /// Per-city measures, the link count first.
    public var measures: [CityMeasure]
    /// Centralities that could not be computed on this graph, with the reason.
    public let skippedMeasures: [(title: String, reason: String)]
    /// Communities of the cooperation graph (Leiden with the report's seed).
    public let communities: ReportCommunities?
    /// Suggested partners of the focus city.
    public let suggestions: PartnerSuggestions?
    /// Every candidate of the focus city in rank order (for the proposed cities' ranks).
    public let fullRanking: PartnerSuggestions?
    /// Maps shown in the "Maps" section.
    public var maps: [ReportFigure]

    /// Computes the report's numbers (and, with `drawMaps`, its maps) for the network and
    /// the focus city.
    ///
    /// - Parameters:
    ///   - dataset: the cities and links.
    ///   - focusCityID: the id of the city the report is about, or `nil` for the network.
    ///   - notes: the data's provenance notes, quoted in the methods section.
    ///   - settings: the seed, ensemble runs, how many cities the tables and suggestions
    ///     list, and the maps' radius, colouring and sizes.
    ///   - measures: extra per-city measures, after the link count and the centralities.
    ///   - drawMaps: lay out and draw the maps (seconds); off when only tables are needed.
    public init(
        dataset: CreativeCitiesDataset, focusCityID: String?, notes: DatasetNotes?,
        settings: ReportSettings = ReportSettings(), measures: [CityMeasure] = [], drawMaps: Bool = true
    ) throws(ReportError) {
        var focusIndex: Int? = nil
        if let focusCityID {
            guard let i = dataset.index(ofCity: focusCityID) else { throw ReportError.unknownCity(focusCityID) }
            focusIndex = i
        }
        self.dataset = dataset
        self.focusIndex = focusIndex
        self.focus = focusIndex.map { dataset.cities[$0] }
        self.notes = notes
        self.settings = settings
        graph = dataset.graph()
        components = ConnectedComponents(of: graph)
        overview = NetworkOverview(dataset: dataset, graph: graph, components: components)
        for m in measures where m.values.count != dataset.cities.count {
            throw ReportError.measureSize(m.key, m.values.count, dataset.cities.count)
        }
        let centralities = CityMeasure.centralities(of: graph)
        let communities = ReportCommunities(graph: graph, seed: settings.seed, runs: settings.ensembleRuns)
        self.communities = communities
        skippedMeasures = centralities.skipped
        self.measures = [Self.linkCount(graph)] + centralities.measures + [communities.participationMeasure] + measures
        if let focusIndex {
            // "Same community" in the partner score means this report's communities.
            let suggester = PartnerSuggester(dataset: dataset, communities: .labels(communities.partition.labels))
            suggestions = try? suggester.suggest(
                PartnerQuery(city: focusIndex, top: settings.suggestionCount, whatIfLimit: settings.suggestionCount))
            fullRanking = try? suggester.suggest(PartnerQuery(city: focusIndex, top: nil))
        } else {
            suggestions = nil
            fullRanking = nil
        }
        maps = []
        if drawMaps { maps = try renderMaps() }
    }

    /// The number of cooperation links of each city (its degree in the cooperation graph).
    static func linkCount(_ graph: Graph) -> CityMeasure {
        CityMeasure(
            key: "links", title: "Cooperation links",
            meaning:
                "How many member cities this city already cooperates with: each link is a channel for exchange that exists today.",
            definition:
                "The number of member cities with at least one sister-city or partnership link to the city (its degree in the cooperation graph; proposed links not counted). A whole number from 0 to n − 1.",
            values: (0..<graph.nodeCount).map { Double(graph.degree(of: $0)) }, decimals: 0)
    }

    // MARK: The document

    /// The report as a document of sections, tables and figures (draw it with
    /// ``HTMLReportRenderer`` or ``MarkdownReportRenderer``).
    public func document() -> ReportDocument {
        var sections: [ReportSection] = [summarySection()]
        if focusIndex != nil {
            sections.append(standingSection())
            if let s = communitySection() { sections.append(s) }
            if let s = partnersSection() { sections.append(s) }
            if !maps.isEmpty { sections.append(mapsSection()) }
            if let s = communitiesOverviewSection() { sections.append(s) }
            if let s = bridgesSection() { sections.append(s) }
            sections.append(networkSection())
        } else {
            sections.append(networkSection())
            if !maps.isEmpty { sections.append(mapsSection()) }
            if let s = communitiesOverviewSection() { sections.append(s) }
            if let s = bridgesSection() { sections.append(s) }
        }
        sections.append(methodsSection())
        sections.append(cityIndexSection())
        let title =
            focus.map { "\($0.name) in the UNESCO Creative Cities Network" }
            ?? "The UNESCO Creative Cities Network"
        let subtitle =
            "A planner's report from uccn · \(dataset.cities.count) member cities, \(overview.cooperationPairs) known cooperation links · data: \(settings.dataLabel) · seed \(settings.seed)"
        return ReportDocument(title: title, subtitle: subtitle, sections: sections)
    }

    // MARK: Sections

    func summarySection() -> ReportSection {
        var points: [ReportText] = []
        let n = dataset.cities.count
        if let i = focusIndex, let city = focus {
            let sameField = dataset.cities.filter { $0.field == city.field }.count
            let sameRegion = dataset.cities.filter { $0.region == city.region }.count
            var designated: ReportText = [
                .strong(city.name), .text(" (\(city.country)) is a UNESCO Creative \(city.field.cityTitle)"),
            ]
            if let y = city.year { designated.append(.text(" since \(y)")) }
            designated.append(
                .text(
                    ", one of \(n) member cities (\(sameField) in \(city.field.rawValue), \(sameRegion) in \(city.region.rawValue))."
                ))
            points.append(designated)
            let existing = dataset.links(of: city.id, kinds: LinkKind.existing)
            let partners = partnerIndices(of: city.id, kinds: LinkKind.existing)
            if partners.isEmpty {
                points.append([
                    .text(
                        "No cooperation link with another member city is known in the data (which lists sister cities and a few joint projects; see "
                    ), .anchor(id: "data-gaps", text: "data gaps"), .text(")."),
                ])
            } else {
                var text: ReportText = [
                    .text("It has "),
                    .strong("\(partners.count) known cooperation link\(partners.count == 1 ? "" : "s")"),
                    .text(" with member cities: "),
                ]
                text += cityList(partners)
                text.append(.text(existing.allSatisfy { $0.kind == .sisterCity } ? " (all sister cities)." : "."))
                points.append(text)
                let m = measures[0]
                points.append([
                    .text("That ranks it "), .strong(ReportNumber.ordinal(m.rank(of: i))),
                    .text(
                        " of \(n) by number of links: more than \(ReportNumber.fixed(m.percentile(of: i), decimals: 0))% of member cities."
                    ),
                ])
            }
            let documented = partnerIndices(of: city.id, kinds: LinkKind.documentedCooperation)
            if !documented.isEmpty {
                var text: ReportText = [
                    .text("Documented UCCN cooperation with "),
                    .strong("\(documented.count) member cit\(documented.count == 1 ? "y" : "ies")"), .text(": "),
                ]
                text += cityList(documented)
                text += [
                    .text(" ("), .anchor(id: "documented-cooperation", text: "types, years and sources"), .text(")."),
                ]
                points.append(text)
            }
            if partners.count > 0,
                let best = measures.dropFirst().filter({ !["participation", "clustering"].contains($0.key) }).min(by: {
                    a, b in
                    a.rank(of: i) != b.rank(of: i) ? a.rank(of: i) < b.rank(of: i) : a.key < b.key
                })
            {
                points.append([
                    .text("Its best position is "), .strong("\(ReportNumber.ordinal(best.rank(of: i))) of \(n)"),
                    .text(" for "), .anchor(id: "measure-\(best.key)", text: best.title.lowercased()),
                    .text(", which measures \(best.meaning.prefix(1).lowercased() + best.meaning.dropFirst())"),
                ])
            }
            if let communities, partners.count > 0 {
                let label = Int(communities.partition.labels[i])
                points.append([
                    .text("It belongs to "), .anchor(id: "community", text: communityName(label)),
                    .text(", a group of \(communities.partition.sizes[label]) closely linked cities."),
                ])
            }
            if let suggestions, !suggestions.suggestions.isEmpty {
                let top = suggestions.suggestions.prefix(3).compactMap { dataset.index(ofCity: $0.city.id) }
                points.append(
                    [.text("Top suggested partners: ")] + cityList(top) + [
                        .text(" ("), .anchor(id: "partners", text: "why"), .text(")."),
                    ])
            }
            let proposed = partnerIndices(of: city.id, kinds: [.proposed])
            if !proposed.isEmpty {
                let already = proposed.filter { partners.contains($0) }
                var text: ReportText = [.text("Cities proposed for cooperation: ")]
                text += cityList(proposed)
                text.append(
                    .text(
                        already.isEmpty
                            ? "; none of them is linked to \(city.name) yet."
                            : "; \(already.count) of them \(already.count == 1 ? "is" : "are") already linked to \(city.name) as sister cit\(already.count == 1 ? "y" : "ies")."
                    ))
                points.append(text)
            }
            let compatriots = dataset.cities.indices.filter { dataset.cities[$0].iso2 == city.iso2 && $0 != i }
            if !compatriots.isEmpty {
                var text: ReportText = [.text("Other member cities in the same country (\(city.country)): ")]
                for (k, j) in compatriots.enumerated() {
                    if k > 0 { text.append(.text(", ")) }
                    let c = dataset.cities[j]
                    text.append(.city(id: c.id, name: c.name))
                    text.append(.text(" (\(c.field.rawValue)\(c.year.map { " \($0)" } ?? ""))"))
                }
                text.append(.text("."))
                points.append(text)
            }
        } else {
            points.append([
                .text("The network has "), .strong("\(n) member cities"),
                .text(" in \(overview.countryCount) countries and \(CreativeField.allCases.count) creative fields."),
            ])
            points.append([
                .text("Public sources record "), .strong("\(overview.cooperationPairs) cooperation links"),
                .text(
                    " between members; \(n - overview.isolatedCount) cities have at least one, \(overview.isolatedCount) have none on record."
                ),
            ])
            let top = measures[0].top(5)
            points.append(
                [.text("The best-linked members are ")] + cityList(top, withValues: measures[0]) + [.text(".")])
            if let communities {
                points.append([
                    .text("The linked cities form "),
                    .anchor(id: "communities", text: "\(communities.linkedCommunities.count) communities"),
                    .text(", groups with more links inside than outside."),
                ])
            }
            if let betweenness = measures.first(where: { $0.key == "betweenness" }) {
                points.append(
                    [.text("The strongest "), .anchor(id: "bridges", text: "bridges"), .text(" between groups are ")]
                        + cityList(betweenness.top(3)) + [.text(".")])
            }
        }
        points.append([
            .text(
                "Links come from public sister-city lists and a few documented joint projects. A missing link does not prove two cities do not work together; read the "
            ), .anchor(id: "data-gaps", text: "data gaps"), .text(" before drawing conclusions."),
        ])
        return ReportSection(id: "summary", title: "In short", blocks: [.keyPoints(points)])
    }

    func standingSection() -> ReportSection {
        guard let i = focusIndex, let city = focus else { return ReportSection(id: "standing", title: "", blocks: []) }
        var blocks: [ReportBlock] = []
        var profile: [ReportDefinition] = [
            ReportDefinition("Creative field", [.text(city.field.rawValue)]),
            ReportDefinition("Designated", [.text(city.year.map(String.init) ?? "year not known")]),
            ReportDefinition("Country and UNESCO region", [.text("\(city.country) · \(city.region.rawValue)")]),
        ]
        if let (lat, lon) = city.coordinates {
            profile.append(ReportDefinition("Location", [.text(Self.coordinateText(latitude: lat, longitude: lon))]))
        }
        blocks.append(.definitions(profile))

        blocks.append(.heading("Current and proposed links", anchor: "links"))
        let links = dataset.links(of: city.id).sorted { a, b in
            if a.kind != b.kind { return a.kind < b.kind }
            return (dataset.city(withID: a.other(than: city.id))?.name ?? "")
                < (dataset.city(withID: b.other(than: city.id))?.name ?? "")
        }
        if links.isEmpty {
            blocks.append(.paragraph([.text("The data holds no link from \(city.name) to another member city.")]))
        } else {
            var rows: [ReportTable.Row] = []
            for link in links {
                guard let other = dataset.city(withID: link.other(than: city.id)) else { continue }
                rows.append(
                    ReportTable.Row([
                        [.city(id: other.id, name: other.name)], [.text(other.country)], [.text(other.field.rawValue)],
                        [.text(Self.kindLabel(link.kind))], [.text(link.since.map(String.init) ?? "–")],
                        [.text(Self.sourceSummary(link))],
                    ]))
            }
            blocks.append(
                .table(
                    ReportTable(
                        columns: [
                            .init("Partner city"), .init("Country"), .init("Field"), .init("Kind of link"),
                            .init("Since", numeric: true), .init("Source"),
                        ],
                        rows: rows)))
            blocks.append(
                .note([
                    .text(
                        "Sister-city lists carry no start year, so “Since” is empty for them. Proposed links are cooperation to pursue, not yet existing, and count nowhere else in this report."
                    )
                ]))
        }

        blocks.append(.heading("Where \(city.name) stands", anchor: "measures"))
        blocks.append(
            .paragraph([
                .text(
                    "Each measure below looks at the cooperation links from a different angle. “Rank” is the position among all \(dataset.cities.count) member cities (1 = highest; cities with equal values share a rank). “Higher than” is the share of the other member cities with a lower value."
                )
            ]))
        var rows: [ReportTable.Row] = []
        for m in measures {
            let ties = m.ties(of: i)
            let rank =
                "\(m.rank(of: i)) of \(dataset.cities.count)"
                + (ties > 0 ? " (tied with \(ties) other\(ties == 1 ? "" : "s"))" : "")
            rows.append(
                ReportTable.Row([
                    [.anchor(id: "measure-\(m.key)", text: m.title)], [.text(m.formatted(i))], [.text(rank)],
                    [.text("\(ReportNumber.fixed(m.percentile(of: i), decimals: 0))%")], [.text(m.meaning)],
                ]))
        }
        blocks.append(
            .table(
                ReportTable(
                    columns: [
                        .init("Measure"), .init("Value", numeric: true), .init("Rank", numeric: true),
                        .init("Higher than", numeric: true), .init("What it means for cooperation"),
                    ],
                    rows: rows)))
        return ReportSection(id: "standing", title: "\(city.name) in the network", blocks: blocks)
    }

    func networkSection() -> ReportSection {
        let o = overview
        let n = dataset.cities.count
        var blocks: [ReportBlock] = []
        blocks.append(
            .keyPoints([
                [
                    .strong("\(n) member cities"),
                    .text(
                        " in \(o.countryCount) countries, \(o.byField.count) creative fields and \(o.byRegion.count) UNESCO regions."
                    ),
                ],
                [
                    .strong("\(o.cooperationPairs) cooperation links"),
                    .text(
                        ": on average a city has \(ReportNumber.fixed(o.meanLinks, decimals: 1)) links to other members; \(ReportNumber.fixed(o.density * 100, decimals: 2))% of all possible pairs of cities are linked (the "
                    ), .anchor(id: "def-density", text: "density"), .text(")."),
                ],
                [
                    .strong(
                        "\(n - o.isolatedCount) cities (\(ReportNumber.percent(Double(n - o.isolatedCount) / Double(max(n, 1)))))"
                    ), .text(" have at least one link; \(o.isolatedCount) have none on record."),
                ],
                [
                    .text("The linked cities form \(o.linkedComponentCount) separate groups ("),
                    .anchor(id: "def-component", text: "components"), .text("); the largest holds "),
                    .strong("\(o.largestComponentSize) cities"),
                    .text(", which can all reach one another through chains of links."),
                ],
                withinText(o),
            ]))
        blocks.append(
            .table(
                ReportTable(
                    caption: "Rows of the link files by kind (links.csv, cooperation.csv, planned.csv)",
                    columns: [.init("Kind of link"), .init("Rows", numeric: true), .init("Counted as cooperation")],
                    rows: o.linksByKind.map { entry in
                        ReportTable.Row([
                            [.text(Self.kindLabel(entry.kind))], [.text("\(entry.count)")],
                            [.text(Self.countedAsCooperation(entry.kind))],
                        ])
                    })))
        if o.linksByKind.reduce(0, { $0 + (LinkKind.existing.contains($1.kind) ? $1.count : 0) }) != o.cooperationPairs
        {
            blocks.append(
                .note([
                    .text(
                        "A pair of cities with both a sister-city and a partnership row counts as one cooperation link."
                    )
                ]))
        }

        blocks.append(.heading("Best-linked member cities", anchor: "best-linked"))
        let top = measures[0].top(settings.topCount)
        blocks.append(
            .table(
                ReportTable(
                    columns: [
                        .init("Rank", numeric: true), .init("City"), .init("Country"), .init("Field"),
                        .init("Links", numeric: true),
                    ],
                    rows: top.map { j in
                        let c = dataset.cities[j]
                        return ReportTable.Row(
                            [
                                [.text("\(measures[0].rank(of: j))")], [.city(id: c.id, name: c.name)],
                                [.text(c.country)], [.text(c.field.rawValue)], [.text(measures[0].formatted(j))],
                            ],
                            highlighted: j == focusIndex)
                    })))

        blocks.append(.heading("Creative fields", anchor: "fields"))
        blocks.append(.table(groupTable(o.byField, label: "Field", focusName: focus?.field.rawValue)))
        blocks.append(.heading("UNESCO regions", anchor: "regions"))
        blocks.append(.table(groupTable(o.byRegion, label: "Region", focusName: focus?.region.rawValue)))

        blocks.append(.heading("Growth by designation year", anchor: "growth"))
        let chart = GrowthChart.svg(counts: o.designationsByYear, highlightYear: focus?.year)
        var legend: [LegendEntry] = [LegendEntry(.dot, color: "#0072b2", label: "new member cities that year")]
        if let city = focus, let y = city.year {
            legend.append(LegendEntry(.dot, color: "#d55e00", label: "\(y), the year \(city.name) joined"))
        }
        var caption: ReportText = [
            .text(
                "New member cities by the year UNESCO designated them, with the running total under each year. The network grows in designation rounds, usually every two years."
            )
        ]
        if o.unknownYearCount > 0 {
            caption.append(.text(" \(o.unknownYearCount) cities have no known designation year and are not counted."))
        }
        blocks.append(
            .figure(
                ReportFigure(
                    id: "chart-growth", title: "Member cities by designation year", caption: caption, svg: chart,
                    fileName: "charts/growth.svg", alt: "Bar chart of new member cities per designation year",
                    legend: legend)))
        return ReportSection(id: "network", title: "The network at a glance", blocks: blocks)
    }

    /// How many links stay within a region, a country or a field.
    func withinText(_ o: NetworkOverview) -> ReportText {
        let m = Double(max(o.cooperationPairs, 1))
        let country =
            o.pairsWithinCountry == 0
            ? "none joins two cities of the same country"
            : "\(ReportNumber.percent(Double(o.pairsWithinCountry) / m)) join two cities of the same country"
        var text: ReportText = [
            .text(
                "Of the links, \(ReportNumber.percent(Double(o.pairsWithinRegion) / m)) join two cities in the same UNESCO region, \(country), and \(ReportNumber.percent(Double(o.pairsWithinField) / m)) join two cities of the same creative field."
            )
        ]
        if o.pairsWithinField < o.pairsWithinRegion {
            text.append(.text(" Known ties follow geography and history more than the creative field."))
        }
        return text
    }

    func groupTable(_ groups: [NetworkOverview.GroupCount], label: String, focusName: String?) -> ReportTable {
        ReportTable(
            columns: [
                .init(label), .init("Member cities", numeric: true), .init("With at least one link", numeric: true),
                .init("Share linked", numeric: true),
            ],
            rows: groups.map { g in
                ReportTable.Row(
                    [
                        [.text(g.name)], [.text("\(g.cities)")], [.text("\(g.linkedCities)")],
                        [.text(ReportNumber.percent(Double(g.linkedCities) / Double(max(g.cities, 1))))],
                    ],
                    highlighted: g.name == focusName)
            })
    }

    func mapsSection() -> ReportSection {
        ReportSection(id: "maps", title: "Maps", blocks: maps.map { .figure($0) })
    }

    func methodsSection() -> ReportSection {
        var blocks: [ReportBlock] = []
        blocks.append(
            .paragraph([
                .text("Every number in this report is defined here. The network is read from "),
                .code(settings.dataLabel), .text(" ("), .code("cities.csv"), .text(", "), .code("links.csv"),
                .text("); the same data and seed give the same report, byte for byte."),
            ]))
        blocks.append(.heading("Definitions", anchor: "definitions"))
        var defs: [ReportDefinition] = [
            ReportDefinition(
                "Cooperation link", anchor: "def-link",
                [
                    .text(
                        "A sister-city (twin-town) link or a documented joint project between two member cities. A pair with several kinds of link counts once. Links have no direction and no weight. Proposed links (cooperation named as a goal, not yet existing) are listed for the city they concern but are not cooperation links."
                    )
                ]),
            ReportDefinition(
                "Density", anchor: "def-density",
                [
                    .text(
                        "The share of all possible pairs of member cities that are linked: 2m / (n (n − 1)) with n member cities and m cooperation links; here \(overview.cooperationPairs) links among \(dataset.cities.count) cities give \(ReportNumber.fixed(overview.density * 100, decimals: 2))%."
                    )
                ]),
            ReportDefinition(
                "Component", anchor: "def-component",
                [
                    .text(
                        "A group of cities that can all reach one another through chains of cooperation links, and no city outside it. A city with no link is a component on its own (an isolated city)."
                    )
                ]),
            ReportDefinition(
                "Average links per city", anchor: "def-mean",
                [.text("2m / n, counted over all member cities including isolated ones.")]),
            ReportDefinition(
                "Share linked", anchor: "def-share",
                [
                    .text(
                        "Of the member cities in a group (field or region), the percentage with at least one cooperation link."
                    )
                ]),
            ReportDefinition(
                "Rank", anchor: "def-rank",
                [
                    .text(
                        "1 + the number of member cities with a strictly higher value (standard competition ranking: equal values share a rank, and the next rank is skipped)."
                    )
                ]),
            ReportDefinition(
                "Higher than", anchor: "def-percentile",
                [.text("The percentile: 100 × (number of other member cities with a strictly lower value) / (n − 1).")]),
        ]
        for m in measures {
            defs.append(
                ReportDefinition(
                    m.title, anchor: "measure-\(m.key)", [.text(m.definition + " "), .emphasis(m.meaning)]))
        }
        for skipped in skippedMeasures {
            defs.append(
                ReportDefinition(
                    skipped.title, [.text("Not shown: it cannot be computed on this network (\(skipped.reason)).")]))
        }
        defs += communityDefinitions()
        defs += partnerDefinitions()
        blocks.append(.definitions(defs))
        blocks.append(.heading("Settings", anchor: "settings"))
        blocks.append(
            .bullets([
                [.text("Random seed: \(settings.seed) (used by every randomised step).")],
                [.text("Cities in top lists: \(settings.topCount).")],
                [
                    .text(
                        "Community detection: Leiden, 1 reference run and \(settings.ensembleRuns) further runs for stability."
                    )
                ],
                [
                    .text(
                        "All measures are computed on the unweighted cooperation graph: \(dataset.cities.count) cities, \(overview.cooperationPairs) links."
                    )
                ],
            ]))
        if let notes {
            if !notes.sources.isEmpty {
                blocks.append(.heading("Data sources", anchor: "data-sources"))
                blocks.append(.bullets(notes.sources))
            }
            if !notes.knownGaps.isEmpty {
                blocks.append(.heading("Known gaps in the data", anchor: "data-gaps"))
                blocks.append(
                    .paragraph([
                        .text("Quoted from the dataset's notes ("), .code("README.md"), .text(" next to the data):"),
                    ]))
                blocks.append(.numbered(notes.knownGaps))
            }
            if !notes.caveats.isEmpty {
                blocks.append(.heading("Caveats", anchor: "caveats"))
                blocks.append(.bullets(notes.caveats))
            }
        }
        if notes?.knownGaps.isEmpty ?? true {
            blocks.append(.heading("Known gaps in the data", anchor: "data-gaps"))
            blocks.append(
                .paragraph([
                    .text("The data folder has no notes on its known gaps (no "), .code("README.md"),
                    .text(" with a “Known gaps” list). Treat every link list as incomplete evidence."),
                ]))
        }
        return ReportSection(id: "methods", title: "Methods and data gaps", blocks: blocks)
    }

    func cityIndexSection() -> ReportSection {
        let order = dataset.cities.indices.sorted { a, b in
            let x = dataset.cities[a], y = dataset.cities[b]
            return x.name != y.name ? x.name < y.name : x.id < y.id
        }
        var columns: [ReportTable.Column] = [
            .init("City"), .init("Country"), .init("Field"), .init("Year", numeric: true),
            .init("Region", onPaper: false),
        ]
        // On paper the index keeps the measures a planner looks up first, in two columns a
        // page; the others are on screen and in metrics.csv.
        let printed: Set<String> = ["links", "betweenness", "pagerank", "kcore"]
        for m in measures { columns.append(.init(m.title, numeric: true, onPaper: printed.contains(m.key))) }
        let rows = order.map { j -> ReportTable.Row in
            let c = dataset.cities[j]
            var cells: [ReportText] = [
                [.text(c.name)], [.text(c.country)], [.text(c.field.rawValue)], [.text(c.year.map(String.init) ?? "–")],
                [.text(c.region.rawValue)],
            ]
            for m in measures { cells.append([.text(m.formatted(j))]) }
            return ReportTable.Row(cells, anchor: "city-\(c.id)", highlighted: j == focusIndex)
        }
        return ReportSection(
            id: "cities", title: "City index",
            blocks: [
                .paragraph([
                    .text(
                        "All \(dataset.cities.count) member cities in alphabetical order, with the measures of this report. Names elsewhere in the report and on the maps link here. On paper the index shows the links, bridging, influence and core-group columns; every measure is on screen and in metrics.csv."
                    )
                ]),
                .table(ReportTable(columns: columns, rows: rows, compact: true)),
            ])
    }

    // MARK: Helpers

    /// Indices of the cities linked to `cityID` by `kinds`, alphabetical by name.
    func partnerIndices(of cityID: String, kinds: Set<LinkKind>) -> [Int] {
        let ids = Set(dataset.links(of: cityID, kinds: kinds).map { $0.other(than: cityID) })
        return ids.compactMap { dataset.index(ofCity: $0) }.sorted { a, b in
            let x = dataset.cities[a], y = dataset.cities[b]
            return x.name != y.name ? x.name < y.name : x.id < y.id
        }
    }

    func cityList(_ indices: [Int], withValues measure: CityMeasure? = nil) -> ReportText {
        var text: ReportText = []
        for (k, j) in indices.enumerated() {
            if k > 0 { text.append(.text(k == indices.count - 1 ? " and " : ", ")) }
            text.append(.city(id: dataset.cities[j].id, name: dataset.cities[j].name))
            if let measure { text.append(.text(" (\(measure.formatted(j)))")) }
        }
        return text
    }

    /// Whether the network measures count a link kind, in words.
    static func countedAsCooperation(_ kind: LinkKind) -> String {
        switch kind {
        case .sisterCity, .partnership: return "yes"
        case .cooperation:
            return "a separate layer (cooperation.csv): used by the partner suggestions and drawn on the maps"
        case .proposed: return "no (not yet existing)"
        case .planned: return "no (a stated intention, planned.csv)"
        }
    }

    static func kindLabel(_ kind: LinkKind) -> String {
        switch kind {
        case .sisterCity: return "Sister city"
        case .partnership: return "Joint project"
        case .cooperation: return "Documented cooperation"
        case .proposed: return "Proposed (not yet a link)"
        case .planned: return "Planned (stated intention)"
        }
    }

    /// A short name for where a link comes from.
    static func sourceSummary(_ link: CityLink) -> String {
        let e = link.evidence
        let wikipedia = e.contains("Wikipedia"), wikidata = e.contains("Wikidata")
        if wikipedia && wikidata { return "Wikipedia twin-town lists and Wikidata" }
        if wikipedia { return "Wikipedia twin-town lists" }
        if wikidata { return "Wikidata (2016)" }
        // Evidence reads "<who or where>: <quote>"; the part before the quote names the source.
        if let colon = e.range(of: ": "), e.distance(from: e.startIndex, to: colon.lowerBound) < 160 {
            return String(e[..<colon.lowerBound])
        }
        return e.count > 160 ? String(e.prefix(157)) + "…" : e
    }

    static func coordinateText(latitude: Double, longitude: Double) -> String {
        let ns = latitude >= 0 ? "N" : "S", ew = longitude >= 0 ? "E" : "W"
        return
            "\(ReportNumber.fixed(abs(latitude), decimals: 2))° \(ns), \(ReportNumber.fixed(abs(longitude), decimals: 2))° \(ew)"
    }
}

/// Why a report cannot be made.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The focus city id is not a member city.
    case unknownCity(String)
    /// A measure does not have one value a city (key, values, cities).
    case measureSize(String, Int, Int)
    /// A report file cannot be written (path, reason).
    case cannotWrite(String, String)
    /// A map cannot be drawn (Graphviz's reason).
    case map(String)

    /// A sentence naming the city, measure or file and what went wrong.
    public var description: String {
        switch self {
        case let .unknownCity(id): return "no member city with id \"\(id)\""
        case let .measureSize(key, got, expected): return "measure \(key) has \(got) values for \(expected) cities"
        case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
        case let .map(reason): return "cannot draw a map: \(reason)"
        }
    }
}
