import GraphAlgorithms
import GraphCore

extension PlannerReport {
    /// "Community 3 (around Seoul)": numbered from 0, the largest, as `uccn clusters` and
    /// the maps number them.
    func communityName(_ label: Int) -> String {
        guard let communities else { return "" }
        if let hub = communities.hub(of: label, links: measures[0], names: dataset.cities.map(\.name)),
            communities.partition.sizes[label] > 1
        {
            return "Community \(label) (around \(dataset.cities[hub].name))"
        }
        return "Community \(label)"
    }

    /// The most common values of `key` among `members`: "Asia and the Pacific 18, Europe and North America 3".
    func topGroups(_ members: [Int], limit: Int, _ key: (City) -> String) -> [(name: String, count: Int)] {
        var counts: [String: Int] = [:]
        for i in members { counts[key(dataset.cities[i]), default: 0] += 1 }
        return counts.map { (name: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
            .prefix(limit).map { $0 }
    }

    func groupsText(_ groups: [(name: String, count: Int)]) -> String {
        groups.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
    }

    /// Links inside community `label` and from its members to outside.
    func linkCounts(of label: Int) -> (inside: Int, outside: Int) {
        guard let communities else { return (0, 0) }
        var inside = 0, outside = 0
        graph.forEachEdge { u, v, _ in
            let a = Int(communities.partition.labels[u]) == label, b = Int(communities.partition.labels[v]) == label
            if a && b { inside += 1 } else if a || b { outside += 1 }
        }
        return (inside, outside)
    }

    /// How `other` is reached from the focus city: a direct partner, through one shared
    /// partner (named), or further.
    func chainText(from focus: Int, to other: Int) -> ReportText {
        if other == focus { return [.text("–")] }
        let mine = Set(graph.neighbors(of: focus).map(Int.init))
        if mine.contains(other) { return [.text("direct partner")] }
        let shared = graph.neighbors(of: other).map(Int.init).filter { mine.contains($0) }
            .sorted { dataset.cities[$0].name < dataset.cities[$1].name }
        if let via = shared.first {
            return [.text("through ")] + [.city(id: dataset.cities[via].id, name: dataset.cities[via].name)]
                + (shared.count > 1 ? [.text(" and \(shared.count - 1) more")] : [])
        }
        return [.text("3 or more links away")]
    }

    func communitySection() -> ReportSection? {
        guard let communities, let i = focusIndex, let city = focus else { return nil }
        let label = Int(communities.partition.labels[i])
        var blocks: [ReportBlock] = []
        if communities.partition.sizes[label] == 1 {
            blocks.append(
                .paragraph([
                    .text(
                        "\(city.name) has no known cooperation link, so it belongs to no community: a community is a group of linked cities. See the "
                    ), .anchor(id: "communities", text: "communities of the network"), .text(" below."),
                ]))
            return ReportSection(id: "community", title: "\(city.name)'s community", blocks: blocks)
        }
        let members = communities.members(of: label)
        let others = members.filter { $0 != i }
        let links = linkCounts(of: label)
        let regions = topGroups(members, limit: 3) { $0.region.rawValue }
        let fields = topGroups(members, limit: 3) { $0.field.rawValue }
        let countries = topGroups(members, limit: 4) { $0.country }
        let nodeStability = communities.stability.nodeStability[i]
        let groupStability = communities.stability.communityStability[label]
        blocks.append(
            .paragraph([
                .text("A "), .anchor(id: "def-community", text: "community"),
                .text(
                    " is a group of cities with more links among themselves than to the rest of the network. It shows who already works together closely, and through whom a city can reach a whole group."
                ),
            ]))
        blocks.append(
            .keyPoints([
                [
                    .strong(city.name), .text(" is in "), .strong(communityName(label)),
                    .text(", \(members.count) of the \(dataset.cities.count) member cities."),
                ],
                [
                    .text(
                        "What ties them: regions \(groupsText(regions)); fields \(groupsText(fields)); countries \(groupsText(countries))."
                    )
                ],
                [
                    .text(
                        "\(links.inside) links run inside the community; its members have \(links.outside) link\(links.outside == 1 ? "" : "s") to cities outside it."
                    )
                ],
                [
                    .text(
                        "Stability: across \(communities.ensembleRuns) further runs with other seeds, \(city.name) stayed with the members of this community \(ReportNumber.percent(nodeStability)) of the time on average, and the community as a whole held together \(ReportNumber.percent(groupStability)) of the time ("
                    ), .anchor(id: "def-stability", text: "how this is measured"), .text(")."),
                ],
            ]))
        let order = others.sorted { a, b in
            measures[0].values[a] != measures[0].values[b]
                ? measures[0].values[a] > measures[0].values[b] : dataset.cities[a].name < dataset.cities[b].name
        }
        blocks.append(
            .table(
                ReportTable(
                    caption: "The other members of \(communityName(label))",
                    columns: [
                        .init("City"), .init("Country"), .init("Field"), .init("Links", numeric: true),
                        .init("Grouped with \(city.name)", numeric: true), .init("Chain of links from \(city.name)"),
                    ],
                    rows: order.map { j in
                        let c = dataset.cities[j]
                        return ReportTable.Row([
                            [.city(id: c.id, name: c.name)], [.text(c.country)], [.text(c.field.rawValue)],
                            [.text(measures[0].formatted(j))],
                            [.text(ReportNumber.percent(communities.stability.coAssignment(i, j)))],
                            chainText(from: i, to: j),
                        ])
                    })))
        blocks.append(
            .note([
                .text(
                    "“Grouped with \(city.name)” is the share of the \(communities.ensembleRuns) further runs that put the city in the same community as \(city.name)."
                )
            ]))
        return ReportSection(id: "community", title: "\(city.name)'s community", blocks: blocks)
    }

    func communitiesOverviewSection() -> ReportSection? {
        guard let communities else { return nil }
        let linked = communities.linkedCommunities
        let shown = linked.prefix(12)
        var blocks: [ReportBlock] = []
        let singles = communities.partition.sizes.filter { $0 == 1 }.count
        blocks.append(
            .paragraph([
                .text(
                    "The Leiden method splits the linked cities into \(linked.count) communities (modularity \(ReportNumber.fixed(communities.modularity, decimals: 2)); see "
                ), .anchor(id: "def-community", text: "Methods"),
                .text("). \(singles) cities without any link are left out. The largest are:"),
            ]))
        let focusLabel = focusIndex.map { Int(communities.partition.labels[$0]) }
        blocks.append(
            .table(
                ReportTable(
                    columns: [
                        .init("Community"), .init("Cities", numeric: true), .init("Main regions"), .init("Main fields"),
                        .init("Links inside", numeric: true), .init("Stability", numeric: true),
                    ],
                    rows: shown.map { label in
                        let members = communities.members(of: label)
                        var name: ReportText = [.text("\(label) · around ")]
                        if let hub = communities.hub(of: label, links: measures[0], names: dataset.cities.map(\.name)) {
                            name.append(.city(id: dataset.cities[hub].id, name: dataset.cities[hub].name))
                        }
                        return ReportTable.Row(
                            [
                                name, [.text("\(members.count)")],
                                [.text(groupsText(topGroups(members, limit: 2) { $0.region.rawValue }))],
                                [.text(groupsText(topGroups(members, limit: 2) { $0.field.rawValue }))],
                                [.text("\(linkCounts(of: label).inside)")],
                                [.text(ReportNumber.percent(communities.stability.communityStability[label]))],
                            ], highlighted: label == focusLabel)
                    })))
        if linked.count > shown.count {
            blocks.append(
                .note([
                    .text(
                        "\(linked.count - shown.count) smaller communities are not listed; the city index gives every city's community."
                    )
                ]))
        }
        return ReportSection(id: "communities", title: "Communities of the network", blocks: blocks)
    }

    func bridgesSection() -> ReportSection? {
        guard let communities, let betweenness = measures.first(where: { $0.key == "betweenness" }) else { return nil }
        let participation = communities.participationMeasure
        let top = betweenness.top(settings.topCount)
        var blocks: [ReportBlock] = []
        blocks.append(
            .paragraph([
                .text(
                    "Some cities link communities that would otherwise be far apart. They are the natural brokers for exchange across regions and fields: a partnership with one of them opens a path to its other groups. The table lists the cities with the highest "
                ), .anchor(id: "measure-betweenness", text: "bridging (betweenness)"),
                .text(" and how evenly their links spread over communities ("),
                .anchor(id: "measure-participation", text: "participation"), .text(")."),
            ]))
        blocks.append(
            .table(
                ReportTable(
                    columns: [
                        .init("Rank", numeric: true), .init("City"), .init("Country"), .init("Community"),
                        .init("Bridging", numeric: true), .init("Participation", numeric: true),
                        .init("Communities reached", numeric: true),
                    ],
                    rows: top.map { j in
                        let c = dataset.cities[j]
                        var reached = Set(graph.neighbors(of: j).map { communities.partition.labels[Int($0)] })
                        reached.insert(communities.partition.labels[j])
                        return ReportTable.Row(
                            [
                                [.text("\(betweenness.rank(of: j))")], [.city(id: c.id, name: c.name)],
                                [.text(c.country)],
                                [.text("\(communities.partition.labels[j])")], [.text(betweenness.formatted(j))],
                                [.text(participation.formatted(j))], [.text("\(reached.count)")],
                            ], highlighted: j == focusIndex)
                    })))
        if let i = focusIndex, let city = focus, !top.contains(i) {
            blocks.append(
                .paragraph([
                    .text(
                        "\(city.name): bridging \(betweenness.formatted(i)) (rank \(betweenness.rank(of: i)) of \(dataset.cities.count)), participation \(participation.formatted(i))."
                    )
                ]))
        }
        return ReportSection(id: "bridges", title: "Cities that bridge communities", blocks: blocks)
    }

    func communityDefinitions() -> [ReportDefinition] {
        guard let communities else { return [] }
        return [
            ReportDefinition(
                "Community", anchor: "def-community",
                [
                    .text(
                        "A group of cities with more cooperation links among themselves than expected by chance, found by the Leiden method (Traag, Waltman & van Eck 2019, doi:10.1038/s41598-019-41695-z) maximising modularity Q = Σ_c [L_c/m − (d_c/2m)²] (L_c links inside community c, d_c the total links of its members, m all links; resolution 1, refinement randomness 0.01, iterations until the grouping stops changing: no change or a modularity gain below \(ReportNumber.powerOfTen(Leiden.defaultTolerance)), at most \(Leiden.stableIterationLimit) iterations), on the unweighted cooperation graph with seed \(communities.seed). This run's modularity: \(ReportNumber.fixed(communities.modularity, decimals: 3)). Communities are numbered by size from 0, the largest (as `uccn clusters` and the maps number them), and named after their best-linked member (ties: the first name in alphabetical order)."
                    )
                ]),
            ReportDefinition(
                "Links inside, communities reached", anchor: "def-inside",
                [
                    .text(
                        "Links inside a community join two of its members; links to outside join a member to a city of another community. A city's communities reached are the distinct communities of the city itself and of its partners."
                    )
                ]),
            ReportDefinition(
                "Stability", anchor: "def-stability",
                [
                    .text(
                        "Leiden is randomised, so the grouping is run again with \(communities.ensembleRuns) further seeds derived from \(communities.seed). For two cities, the co-assignment is the share of those runs that put them in the same community. A city's stability is its mean co-assignment with the other members of its community; a community's stability is the mean over its members. 100% means every run found the same group."
                    )
                ]),
        ]
    }
}
