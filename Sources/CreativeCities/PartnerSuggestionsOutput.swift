import Foundation

/// Output formats of `uccn partners`.
public enum PartnerOutputFormat: String, Sendable, CaseIterable {
    /// A table to read, CSV for spreadsheets, JSON for programs.
    case table, csv, json
}

/// Renders ``PartnerSuggestions`` as a table for reading, CSV for spreadsheets, or JSON
/// for programs (shape documented in `docs/partners.md`).
public enum PartnerSuggestionsOutput {
    /// The suggestions as text in `format`.
    public static func render(_ s: PartnerSuggestions, as format: PartnerOutputFormat) throws -> String {
        switch format {
        case .table: return table(s)
        case .csv: return csv(s)
        case .json: return try json(s)
        }
    }

    // MARK: Table

    /// A table to read: the city, its partners, then each suggestion with its score, reasons
    /// and score breakdown.
    public static func table(_ s: PartnerSuggestions) -> String {
        var out = ""
        let c = s.city
        out += "Partner suggestions for \(c.displayName), \(c.field.cityTitle)\(c.year.map { " since \($0)" } ?? "")\n"
        out += s.query.goal.sentence + "\n"
        out += "Link layers: \(LinkKind.names(s.layers).replacingOccurrences(of: ",", with: ", "))\n"
        if s.query.goal == .cooperation {
            out +=
                "Documented cooperation (\(s.existingPartners.count)): "
                + (s.existingPartners.isEmpty
                    ? "none documented" : s.existingPartners.map(\.name).joined(separator: ", "))
                + "\n"
            out +=
                "Sister cities (\(s.sisterCities.count)): "
                + (s.sisterCities.isEmpty ? "none known" : s.sisterCities.map(\.name).joined(separator: ", ")) + "\n"
        } else {
            out +=
                "Existing partners (\(s.existingPartners.count)): "
                + (s.existingPartners.isEmpty ? "none known" : s.existingPartners.map(\.name).joined(separator: ", "))
                + "\n"
        }
        if !s.proposedPartners.isEmpty {
            out +=
                "Proposed, not yet partners (\(s.proposedPartners.count)): "
                + s.proposedPartners.map(\.name).joined(separator: ", ") + "\n"
        }
        var filters: [String] = []
        if let f = s.query.field { filters.append("field \(f.rawValue)") }
        if let r = s.query.region { filters.append("region \(r.rawValue)") }
        if let i = s.query.countryISO2 { filters.append("country \(i)") }
        filters.append(s.query.includeLinked ? "existing partners included" : "existing partners excluded")
        out += "Candidates: \(s.candidateCount) (\(filters.joined(separator: ", ")))\n"
        if s.lacksNetworkEvidence {
            out +=
                "Network evidence missing: \(c.name) has no known link, so the ranking rests on field, region, distance, membership and each candidate's own record.\n"
        }
        if let ranks = s.centralityRanks {
            out +=
                "\(c.name) now: betweenness rank \(ranks.betweenness), closeness rank \(ranks.closeness) of \(s.cityCount)"
            out += " (rank = 1 + cities with a higher value; ties share a rank)\n"
        }
        out += "\n"
        guard !s.suggestions.isEmpty else { return out + "No candidate matches the filters.\n" }
        let header = ["#", "city", "country", "field", "score", "status"]
        let rows = s.suggestions.map { p in
            [
                String(p.rank), p.city.name, p.city.country, p.city.field.rawValue,
                String(format: "%.3f", p.score), p.status.rawValue,
            ]
        }
        let widths = header.indices.map { i in max(header[i].count, rows.map { $0[i].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i == 0 || i == 4 ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let indent = String(repeating: " ", count: widths[0] + 2)
        out += line(header) + "\n"
        for (p, row) in zip(s.suggestions, rows) {
            out += line(row) + "\n"
            out += indent + "why: " + p.reasons.joined(separator: "; ") + "\n"
            let parts = p.breakdown.filter { $0.contribution != 0 }
                .sorted {
                    abs($0.contribution) != abs($1.contribution)
                        ? abs($0.contribution) > abs($1.contribution) : $0.score < $1.score
                }
                .map { "\($0.score.title) \(String(format: "%.3f", $0.contribution))" }
            out += indent + "score = " + (parts.isEmpty ? "0" : parts.joined(separator: " + ")) + "\n"
            if let w = p.whatIf {
                out += indent + "if linked: \(c.name) betweenness rank \(w.betweenness.before) → \(w.betweenness.after)"
                out += ", closeness rank \(w.closeness.before) → \(w.closeness.after)\n"
            }
        }
        return out
    }

    // MARK: CSV

    /// One row a suggestion, with every score's raw and normalised value.
    public static func csv(_ s: PartnerSuggestions) -> String {
        var header = ["rank", "id", "city", "country", "field", "region", "status", "score"]
        header += PartnerScore.twinningScores.map { $0.rawValue }
        header += [
            "common_partners", "hops", "distance_km", "member_since",
            "betweenness_rank_before", "betweenness_rank_after", "closeness_rank_before", "closeness_rank_after",
            "reasons",
        ]
        let later = PartnerScore.allCases.filter { !PartnerScore.twinningScores.contains($0) }
        header += later.map(\.rawValue) + ["cooperation_partners", "cooperation_count", "tied_with_rank", "goal"]
        var out = header.joined(separator: ",") + "\n"
        for p in s.suggestions {
            var cells = [
                String(p.rank), p.city.id, p.city.name, p.city.country, p.city.field.rawValue,
                p.city.region.rawValue, p.status.rawValue, format(p.score),
            ]
            cells += PartnerScore.twinningScores.map { format(p.evidence.normalized($0)) }
            cells += [
                p.commonPartners.map(\.id).joined(separator: ";"),
                p.evidence.hops.map(String.init) ?? "",
                p.evidence.distanceKm.map { String(format: "%.1f", $0) } ?? "",
                p.city.year.map(String.init) ?? "",
                p.whatIf.map { String($0.betweenness.before) } ?? "",
                p.whatIf.map { String($0.betweenness.after) } ?? "",
                p.whatIf.map { String($0.closeness.before) } ?? "",
                p.whatIf.map { String($0.closeness.after) } ?? "",
                p.reasons.joined(separator: "; "),
            ]
            cells += later.map { format(p.evidence.normalized($0)) }
            cells += [
                p.evidence.cooperationPartners.map { s.dataset.cities[$0].id }.joined(separator: ";"),
                String(p.evidence.candidateCooperationCount), p.tiedWithRank.map(String.init) ?? "",
                s.query.goal.rawValue,
            ]
            out += cells.map(quote).joined(separator: ",") + "\n"
        }
        return out
    }

    static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func format(_ x: Double) -> String { String(format: "%.4f", x) }

    // MARK: JSON

    /// The JSON object of `docs/partners.md` (sorted keys, so the same input gives the same bytes).
    public static func json(_ s: PartnerSuggestions) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(PartnerSuggestionsJSON(s))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Rounds to `places` decimals so that JSON output is short and stable.
func rounded(_ x: Double, _ places: Int) -> Double {
    let scale = pow(10.0, Double(places))
    let r = (x * scale).rounded() / scale
    return r == 0 ? 0 : r
}

/// The JSON document of `uccn partners --format json` (see `docs/partners.md`).
struct PartnerSuggestionsJSON: Encodable {
    struct CityRef: Encodable {
        let id: String
        let name: String
    }
    struct CityInfo: Encodable {
        let id, name, country, iso2, region, field: String
        let year: Int?
        init(_ c: City) {
            id = c.id; name = c.name; country = c.country; iso2 = c.iso2
            region = c.region.rawValue; field = c.field.rawValue; year = c.year
        }
        func encode(to encoder: Encoder) throws {
            var k = encoder.container(keyedBy: CodingKeys.self)
            try k.encode(id, forKey: .id); try k.encode(name, forKey: .name)
            try k.encode(country, forKey: .country); try k.encode(iso2, forKey: .iso2)
            try k.encode(region, forKey: .region); try k.encode(field, forKey: .field)
            try k.encode(year, forKey: .year)
        }
        enum CodingKeys: String, CodingKey { case id, name, country, iso2, region, field, year }
    }
    struct Filters: Encodable {
        let field: String?, region: String?, country: String?
        let includeLinked: Bool
        let top: Int?
        func encode(to encoder: Encoder) throws {
            var k = encoder.container(keyedBy: CodingKeys.self)
            try k.encode(field, forKey: .field); try k.encode(region, forKey: .region)
            try k.encode(country, forKey: .country); try k.encode(includeLinked, forKey: .includeLinked)
            try k.encode(top, forKey: .top)
        }
        enum CodingKeys: String, CodingKey { case field, region, country, includeLinked, top }
    }
    struct Score: Encodable {
        let score: String
        let raw, normalized, weight, contribution: Double
    }
    struct Link: Encodable {
        let kind: String
        let since: Int?
        let evidence: String
        let type: String?
        let url: String?
        func encode(to encoder: Encoder) throws {
            var k = encoder.container(keyedBy: CodingKeys.self)
            try k.encode(kind, forKey: .kind); try k.encode(since, forKey: .since)
            try k.encode(evidence, forKey: .evidence); try k.encode(type, forKey: .type)
            try k.encode(url, forKey: .url)
        }
        enum CodingKeys: String, CodingKey { case kind, since, evidence, type, url }
    }
    struct SharedPartner: Encodable {
        let id: String
        let name: String
        let types: [String]
    }
    struct Ranks: Encodable {
        let betweenness: Int
        let closeness: Int
    }
    struct WhatIf: Encodable {
        let betweennessRank: RankChange
        let closenessRank: RankChange
    }
    struct Suggestion: Encodable {
        let rank: Int
        let city: CityInfo
        let status: String
        let score: Double
        let scores: [Score]
        let commonPartners: [CityRef]
        let hops: Int?
        let distanceKm: Double?
        let membershipYears: Int?
        let partnerCount: Int
        let links: [Link]
        let reasons: [String]
        let whatIf: WhatIf?
        let cooperationPartners: [SharedPartner]
        let cooperationCount: Int
        let tiedWithRank: Int?
        func encode(to encoder: Encoder) throws {
            var k = encoder.container(keyedBy: CodingKeys.self)
            try k.encode(rank, forKey: .rank); try k.encode(city, forKey: .city)
            try k.encode(status, forKey: .status); try k.encode(score, forKey: .score)
            try k.encode(scores, forKey: .scores); try k.encode(commonPartners, forKey: .commonPartners)
            try k.encode(hops, forKey: .hops); try k.encode(distanceKm, forKey: .distanceKm)
            try k.encode(membershipYears, forKey: .membershipYears)
            try k.encode(partnerCount, forKey: .partnerCount)
            try k.encode(links, forKey: .links); try k.encode(reasons, forKey: .reasons)
            try k.encode(whatIf, forKey: .whatIf)
            try k.encode(cooperationPartners, forKey: .cooperationPartners)
            try k.encode(cooperationCount, forKey: .cooperationCount)
            try k.encode(tiedWithRank, forKey: .tiedWithRank)
        }
        enum CodingKeys: String, CodingKey {
            case rank, city, status, score, scores, commonPartners, hops, distanceKm, membershipYears,
                partnerCount, links, reasons, whatIf, cooperationPartners, cooperationCount, tiedWithRank
        }
    }

    let city: CityInfo
    let communitySource: String
    let referenceYear: Int
    let filters: Filters
    let weights: PartnerWeights
    let existingPartners: [CityRef]
    let proposedPartners: [CityRef]
    let candidateCount: Int
    let centralityRanks: Ranks?
    let suggestions: [Suggestion]
    let goal: String
    let layers: [String]
    let sisterCities: [CityRef]
    let lacksNetworkEvidence: Bool

    func encode(to encoder: Encoder) throws {
        var k = encoder.container(keyedBy: CodingKeys.self)
        try k.encode(city, forKey: .city); try k.encode(communitySource, forKey: .communitySource)
        try k.encode(referenceYear, forKey: .referenceYear); try k.encode(filters, forKey: .filters)
        try k.encode(weights, forKey: .weights); try k.encode(existingPartners, forKey: .existingPartners)
        try k.encode(proposedPartners, forKey: .proposedPartners); try k.encode(candidateCount, forKey: .candidateCount)
        try k.encode(centralityRanks, forKey: .centralityRanks); try k.encode(suggestions, forKey: .suggestions)
        try k.encode(goal, forKey: .goal); try k.encode(layers, forKey: .layers)
        try k.encode(sisterCities, forKey: .sisterCities)
        try k.encode(lacksNetworkEvidence, forKey: .lacksNetworkEvidence)
    }
    enum CodingKeys: String, CodingKey {
        case city, communitySource, referenceYear, filters, weights, existingPartners, proposedPartners,
            candidateCount, centralityRanks, suggestions, goal, layers, sisterCities, lacksNetworkEvidence
    }

    init(_ s: PartnerSuggestions) {
        city = CityInfo(s.city)
        communitySource = s.communitySource.rawValue
        referenceYear = s.referenceYear
        filters = Filters(
            field: s.query.field?.rawValue, region: s.query.region?.rawValue,
            country: s.query.countryISO2, includeLinked: s.query.includeLinked, top: s.query.top)
        weights = s.query.weights
        existingPartners = s.existingPartners.map { CityRef(id: $0.id, name: $0.name) }
        proposedPartners = s.proposedPartners.map { CityRef(id: $0.id, name: $0.name) }
        candidateCount = s.candidateCount
        centralityRanks = s.centralityRanks.map { Ranks(betweenness: $0.betweenness, closeness: $0.closeness) }
        goal = s.query.goal.rawValue
        layers = LinkKind.allCases.filter { s.layers.contains($0) }.map(\.rawValue)
        sisterCities = s.sisterCities.map { CityRef(id: $0.id, name: $0.name) }
        lacksNetworkEvidence = s.lacksNetworkEvidence
        suggestions = s.suggestions.map { p in
            Suggestion(
                rank: p.rank, city: CityInfo(p.city), status: p.status.rawValue, score: rounded(p.score, 6),
                scores: p.breakdown.map {
                    Score(
                        score: $0.score.rawValue, raw: rounded($0.raw, 6), normalized: rounded($0.normalized, 6),
                        weight: $0.weight, contribution: rounded($0.contribution, 6))
                },
                commonPartners: p.commonPartners.map { CityRef(id: $0.id, name: $0.name) },
                hops: p.evidence.hops, distanceKm: p.evidence.distanceKm.map { rounded($0, 1) },
                membershipYears: p.evidence.membershipYears, partnerCount: p.evidence.candidateDegree,
                links: p.links.map {
                    Link(
                        kind: $0.kind.rawValue, since: $0.since, evidence: $0.evidence,
                        type: $0.cooperationType?.rawValue, url: $0.url)
                },
                reasons: p.reasons,
                whatIf: p.whatIf.map { WhatIf(betweennessRank: $0.betweenness, closenessRank: $0.closeness) },
                cooperationPartners: p.sharedCooperation.map {
                    SharedPartner(id: $0.city.id, name: $0.city.name, types: $0.types.sorted().map(\.rawValue))
                },
                cooperationCount: p.evidence.candidateCooperationCount, tiedWithRank: p.tiedWithRank)
        }
    }
}
