extension PlannerReport {
    /// What each partner score measures, in a planner's words (normalisation in brackets).
    static func scoreDefinition(_ score: PartnerScore) -> String {
        switch score {
        case .commonPartners: "partners the two cities share (divided by the largest count among candidates)"
        case .jaccard: "shared partners as a share of all their partners together"
        case .adamicAdar: "shared partners, each counting more when it has few partners itself (Σ 1/ln k)"
        case .resourceAllocation:
            "shared partners, each counting 1/k for a shared partner with k partners (divided by the largest value among candidates)"
        case .preferentialAttachment:
            "how well linked the candidate already is: product of the two cities' numbers of links (divided by the largest value)"
        case .sameCommunity: "1 when both cities are in the same community of this report, else 0"
        case .pathProximity: "1/(h − 1) for a shortest chain of h ≥ 2 links between them, 0 when no chain exists"
        case .sameField: "1 when both have the same creative field"
        case .complementaryField:
            "1 when the fields complement each other (for example Design and Architecture, Design and Media Arts, Design and Crafts and Folk Art)"
        case .sameRegion: "1 when both are in the same UNESCO region"
        case .geographicProximity:
            "1 − d / 20,015 km with d the great-circle distance (0.5 when coordinates are missing)"
        case .membershipYears: "years since the candidate's designation, divided by the network's age (0 when unknown)"
        }
    }

    static func statusText(_ status: PartnerStatus) -> String {
        switch status {
        case .new: "new"
        case .proposed: "proposed, not yet linked"
        case .linked: "already linked"
        }
    }

    func partnersSection() -> ReportSection? {
        guard let suggestions, let city = focus else { return nil }
        var blocks: [ReportBlock] = []
        blocks.append(
            .paragraph([
                .text(
                    "Every member city that \(city.name) has no cooperation link with yet (\(suggestions.candidateCount) cities) is scored on twelve signals: shared partners and how close the two cities are in the network, community, creative field, region, distance and years of membership. The score is a weighted average between 0 and 1 ("
                ), .anchor(id: "def-partner-score", text: "weights in Methods"),
                .text(
                    "). It ranks candidates; it does not measure how good a partnership would be. Each row says why the city is suggested."
                ),
            ]))
        blocks.append(
            .table(
                ReportTable(
                    caption: "Suggested partners for \(city.name)",
                    columns: [
                        .init("Rank", numeric: true), .init("City"), .init("Country"), .init("Field"), .init("Status"),
                        .init("Score", numeric: true), .init("Why"),
                    ],
                    rows: suggestions.suggestions.map { s in
                        ReportTable.Row([
                            [.text("\(s.rank)")], [.city(id: s.city.id, name: s.city.name)], [.text(s.city.country)],
                            [.text(s.city.field.rawValue)],
                            [.text(Self.statusText(s.status))], [.text(ReportNumber.fixed(s.score, decimals: 2))],
                            [.text(s.reasons.joined(separator: "; "))],
                        ])
                    })))
        let whatIfs = suggestions.suggestions.compactMap { s in s.whatIf.map { (s, $0) } }
        if !whatIfs.isEmpty, let now = suggestions.centralityRanks {
            blocks.append(.heading("What if \(city.name) linked with one of them?", anchor: "what-if"))
            blocks.append(
                .paragraph([
                    .text("Each new link changes the network. The table recomputes \(city.name)'s "),
                    .anchor(id: "measure-betweenness", text: "bridging"), .text(" and "),
                    .anchor(id: "measure-closeness", text: "reach"),
                    .text(
                        " ranks among the \(dataset.cities.count) cities with that one link added (today: bridging rank \(now.betweenness), reach rank \(now.closeness)). A lower number is a better position."
                    ),
                ]))
            func change(_ c: RankChange) -> String {
                c.after == c.before
                    ? "\(c.before) (no change)"
                    : "\(c.before) → \(c.after) (\(c.after < c.before ? "up" : "down") \(abs(c.before - c.after)))"
            }
            blocks.append(
                .table(
                    ReportTable(
                        columns: [
                            .init("If linked with"), .init("Bridging rank", numeric: true),
                            .init("Reach rank", numeric: true),
                        ],
                        rows: whatIfs.map { s, w in
                            ReportTable.Row([
                                [.city(id: s.city.id, name: s.city.name)], [.text(change(w.betweenness))],
                                [.text(change(w.closeness))],
                            ])
                        })))
        }
        if let ranking = fullRanking, !suggestions.proposedPartners.isEmpty {
            blocks.append(.heading("Where the proposed cities rank", anchor: "proposed-ranks"))
            var rows: [ReportTable.Row] = []
            let proposedIDs = Set(suggestions.proposedPartners.map(\.id))
            for s in ranking.suggestions where proposedIDs.contains(s.city.id) {
                let p = s.city
                rows.append(
                    ReportTable.Row([
                        [.city(id: p.id, name: p.name)], [.text(p.country)],
                        [.text("\(s.rank) of \(ranking.candidateCount)")],
                        [.text(ReportNumber.fixed(s.score, decimals: 2))], [.text(s.reasons.joined(separator: "; "))],
                    ]))
            }
            blocks.append(
                .paragraph([
                    .text(
                        "Cities proposed as partners for \(city.name) that are not linked yet, with their place in the same ranking:"
                    )
                ]))
            blocks.append(
                .table(
                    ReportTable(
                        columns: [
                            .init("City"), .init("Country"), .init("Rank", numeric: true),
                            .init("Score", numeric: true), .init("Why"),
                        ],
                        rows: rows)))
        }
        return ReportSection(id: "partners", title: "Suggested partners", blocks: blocks)
    }

    func partnerDefinitions() -> [ReportDefinition] {
        guard suggestions != nil else { return [] }
        let weights = PartnerWeights.defaults
        let used = PartnerScore.allCases.filter { weights[$0] != 0 }
        var text: ReportText = [
            .text("Score = Σ wᵢ sᵢ / Σ |wᵢ| over twelve signals sᵢ, each scaled to 0–1. Weights used: ")
        ]
        text.append(
            .text(
                used.map {
                    "\($0.title) \(ReportNumber.fixed(weights[$0], decimals: weights[$0] == weights[$0].rounded() ? 0 : 1)) (\(Self.scoreDefinition($0)))"
                }.joined(separator: "; ")))
        let unused = PartnerScore.allCases.filter { weights[$0] == 0 }
        if !unused.isEmpty {
            text.append(.text("; not used (weight 0): \(unused.map(\.title).joined(separator: ", "))."))
        }
        text.append(
            .text(
                " The weights were tuned on links held out of the data and checked on other held-out links. Network signals use existing links only; ties are broken by city id."
            ))
        return [ReportDefinition("Partner score", anchor: "def-partner-score", text)]
    }
}
