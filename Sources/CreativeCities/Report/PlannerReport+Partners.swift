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
        case .cooperationPartners:
            "documented cooperation partners the two cities share (divided by the largest count among candidates)"
        case .cooperationPathProximity:
            "1/(h − 1) for a shortest chain of h ≥ 2 documented cooperation links between them, 0 when none"
        case .documentedActivity:
            "how many member cities the candidate has documented cooperation with, ln(1 + k) / ln(1 + largest k): documented activity, not quality"
        case .subnetworkActivity:
            "how many member cities of this city's own field the candidate has documented cooperation with, ln(1 + k) / ln(1 + largest k)"
        case .fieldAffinity:
            "how often cities of the two fields have documented cooperation (share of possible pairs, divided by the largest share)"
        case .sameCountry: "1 when both are in the same country"
        case .sisterCityLink: "1 when the two are sister cities (weak evidence for UCCN cooperation)"
        case .statedIntention: "1 when a proposed or planned cooperation between the two is stated"
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
        let goal = suggestions.query.goal
        let signals = PartnerScore.allCases.filter { suggestions.query.weights[$0] != 0 }.count
        blocks.append(.paragraph([.strong(goal.sentence)]))
        blocks.append(
            .paragraph([
                .text(
                    goal == .cooperation
                        ? "Every member city that \(city.name) has no documented cooperation with yet (\(suggestions.candidateCount) cities) is scored on \(signals) signals: the creative field and its subnetwork, shared cooperation partners and paths through documented cooperation, each city's documented activity (how much cooperation is documented, not its quality), country, region, distance, years of membership and, as a weak signal, sister-city links. The weights were fitted on documented cooperation between member cities ("
                        : "Every member city that \(city.name) has no sister-city or partnership link with yet (\(suggestions.candidateCount) cities) is scored on \(signals) signals: shared partners and how close the two cities are in the network, community, creative field, region, distance and years of membership. The score is a weighted average between 0 and 1 ("
                ), .anchor(id: "def-partner-score", text: "weights in Methods"),
                .text(
                    "). It ranks candidates; it does not measure how good a partnership would be. Each row says why the city is suggested; rows marked tied differ by less than the model's noise."
                ),
            ]))
        let cooperation = dataset.links(of: city.id, kinds: [.cooperation, .partnership]).sorted {
            ($0.since ?? 0, $0.other(than: city.id), $0.evidence) < (
                $1.since ?? 0, $1.other(than: city.id), $1.evidence
            )
        }
        if cooperation.isEmpty {
            blocks.append(
                .paragraph([
                    .text(
                        "No cooperation between \(city.name) and another member city is documented in the data (cooperation.csv lists what public sources say member cities did together; it is incomplete, see "
                    ), .anchor(id: "data-gaps", text: "data gaps"), .text(")."),
                ]))
        } else {
            blocks.append(.heading("Documented cooperation of \(city.name)", anchor: "documented-cooperation"))
            blocks.append(
                .table(
                    ReportTable(
                        caption: "What public sources say \(city.name) did with other member cities",
                        columns: [.init("With"), .init("Type"), .init("Year", numeric: true), .init("Source")],
                        rows: cooperation.map { link in
                            let other = link.other(than: city.id)
                            let name = dataset.city(withID: other)?.name ?? other
                            return ReportTable.Row([
                                [.city(id: other, name: name)],
                                [.text(link.cooperationType?.singular ?? "joint project (partnership)")],
                                [.text(link.since.map(String.init) ?? "—")],
                                [.text(link.evidence)] + (link.url.map { [.text(" "), .webAddress($0)] } ?? []),
                            ])
                        })))
        }
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
                            [.text(s.tiedWithRank.map { "\(s.rank) (tied with \($0))" } ?? "\(s.rank)")],
                            [.city(id: s.city.id, name: s.city.name)], [.text(s.city.country)],
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
        guard let suggestions else { return [] }
        let weights = suggestions.query.weights
        let used = PartnerScore.allCases.filter { weights[$0] != 0 }
        var text: ReportText = [
            .text("Score = Σ wᵢ sᵢ / Σ |wᵢ| over \(used.count) signals sᵢ, each scaled to 0–1. Weights used: ")
        ]
        text.append(
            .text(
                used.map {
                    "\($0.title) \(ReportNumber.fixed(weights[$0], decimals: weights[$0] == weights[$0].rounded() ? 0 : 2)) (\(Self.scoreDefinition($0)))"
                }.joined(separator: "; ")))
        let unused = PartnerScore.allCases.filter { weights[$0] == 0 }
        if !unused.isEmpty {
            text.append(.text("; not used (weight 0): \(unused.map(\.title).joined(separator: ", "))."))
        }
        text.append(
            .text(
                suggestions.query.goal == .cooperation
                    ? " The weights were fitted (conditional logit) on documented cooperation between member cities and checked on pairs held out of the fit (docs/partners-evaluation.md). Documented activity counts what sources report, not the quality of a city's cooperation, and some fields and regions publish more than others. Two suggestions are tied when their scores differ by less than the spread of the weights over refits; ties are listed by city id."
                    : " The weights were tuned on links held out of the data and checked on other held-out links. Network signals use existing links only; ties are broken by city id."
            ))
        return [ReportDefinition("Partner score", anchor: "def-partner-score", text)]
    }
}
