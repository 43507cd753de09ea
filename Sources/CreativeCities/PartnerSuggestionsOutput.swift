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

    /// The JSON object of `docs/partners.md`: keys sorted, two-space indentation, `/` not
    /// escaped, numbers rounded (scores to 6 decimals, distances to 0.1 km), so the same
    /// input gives the same bytes. The text is the one Foundation's `JSONEncoder` gives
    /// with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (a test compares them
    /// for every city), written directly by `PrettyJSONWriter`.
    ///
    /// - Throws: `EncodingError.invalidValue` for a weight or score that is not finite.
    /// - Complexity: O(length of the output).
    public static func json(_ s: PartnerSuggestions) throws -> String {
        try jsonWriter(s).text
    }

    /// The text of ``render(_:as:)`` as UTF-8 bytes; for JSON, the writer's bytes as they
    /// are (no `String` made and checked on the way).
    public static func utf8(_ s: PartnerSuggestions, as format: PartnerOutputFormat) throws -> [UInt8] {
        switch format {
        case .json: return try jsonWriter(s).bytes
        case .table, .csv: return Array(try render(s, as: format).utf8)
        }
    }

    /// The writer holding the JSON of ``json(_:)``.
    static func jsonWriter(_ s: PartnerSuggestions) throws -> PrettyJSONWriter {
        var w = PrettyJSONWriter(capacity: 4096 + 4096 * s.suggestions.count)
        w.beginObject()
        w.key("candidateCount"); w.int(s.candidateCount)
        w.key("centralityRanks")
        if let ranks = s.centralityRanks {
            w.beginObject()
            w.key("betweenness"); w.int(ranks.betweenness)
            w.key("closeness"); w.int(ranks.closeness)
            w.endObject()
        } else {
            w.null()
        }
        w.key("city"); cityInfo(s.city, &w)
        w.key("communitySource"); w.string(s.communitySource.rawValue)
        w.key("existingPartners"); cityRefs(s.existingPartners, &w)
        w.key("filters")
        w.beginObject()
        w.key("country"); w.string(s.query.countryISO2)
        w.key("field"); w.string(s.query.field?.rawValue)
        w.key("includeLinked"); w.bool(s.query.includeLinked)
        w.key("region"); w.string(s.query.region?.rawValue)
        w.key("top"); w.int(s.query.top)
        w.endObject()
        w.key("goal"); w.string(s.query.goal.rawValue)
        w.key("lacksNetworkEvidence"); w.bool(s.lacksNetworkEvidence)
        w.key("layers")
        w.array(LinkKind.allCases.filter { s.layers.contains($0) }) { kind, w in w.string(kind.rawValue) }
        w.key("proposedPartners"); cityRefs(s.proposedPartners, &w)
        w.key("referenceYear"); w.int(s.referenceYear)
        w.key("sisterCities"); cityRefs(s.sisterCities, &w)
        w.key("suggestions")
        try w.array(s.suggestions, suggestion)
        w.key("weights")
        w.beginObject()
        for score in PartnerScore.sortedByName {
            w.key(score.rawValue); try w.double(s.query.weights[score])
        }
        w.endObject()
        w.endObject()
        w.newline()
        return w
    }

    /// One suggestion's object, its keys sorted.
    private static func suggestion(_ p: PartnerSuggestion, _ w: inout PrettyJSONWriter) throws {
        w.beginObject()
        w.key("city"); cityInfo(p.city, &w)
        w.key("commonPartners"); cityRefs(p.commonPartners, &w)
        w.key("cooperationCount"); w.int(p.evidence.candidateCooperationCount)
        w.key("cooperationPartners")
        w.array(p.sharedCooperation) { shared, w in
            w.beginObject()
            w.key("id"); w.string(shared.city.id)
            w.key("name"); w.string(shared.city.name)
            w.key("types"); w.array(shared.types.sorted()) { type, w in w.string(type.rawValue) }
            w.endObject()
        }
        w.key("distanceKm"); try w.double(p.evidence.distanceKm.map { rounded($0, 1) })
        w.key("hops"); w.int(p.evidence.hops)
        w.key("links")
        w.array(p.links) { link, w in
            w.beginObject()
            w.key("evidence"); w.string(link.evidence)
            w.key("kind"); w.string(link.kind.rawValue)
            w.key("since"); w.int(link.since)
            w.key("type"); w.string(link.cooperationType?.rawValue)
            w.key("url"); w.string(link.url)
            w.endObject()
        }
        w.key("membershipYears"); w.int(p.evidence.membershipYears)
        w.key("partnerCount"); w.int(p.evidence.candidateDegree)
        w.key("rank"); w.int(p.rank)
        w.key("reasons")
        w.array(p.reasons) { reason, w in w.string(reason) }
        w.key("score"); try w.double(rounded(p.score, 6))
        w.key("scores")
        try w.array(p.breakdown) { c, w in
            w.beginObject()
            w.key("contribution"); try w.double(rounded(c.contribution, 6))
            w.key("normalized"); try w.double(rounded(c.normalized, 6))
            w.key("raw"); try w.double(rounded(c.raw, 6))
            w.key("score"); w.string(c.score.rawValue)
            w.key("weight"); try w.double(c.weight)
            w.endObject()
        }
        w.key("status"); w.string(p.status.rawValue)
        w.key("tiedWithRank"); w.int(p.tiedWithRank)
        w.key("whatIf")
        if let whatIf = p.whatIf {
            w.beginObject()
            w.key("betweennessRank"); rankChange(whatIf.betweenness, &w)
            w.key("closenessRank"); rankChange(whatIf.closeness, &w)
            w.endObject()
        } else {
            w.null()
        }
        w.endObject()
    }

    private static func cityInfo(_ c: City, _ w: inout PrettyJSONWriter) {
        w.beginObject()
        w.key("country"); w.string(c.country)
        w.key("field"); w.string(c.field.rawValue)
        w.key("id"); w.string(c.id)
        w.key("iso2"); w.string(c.iso2)
        w.key("name"); w.string(c.name)
        w.key("region"); w.string(c.region.rawValue)
        w.key("year"); w.int(c.year)
        w.endObject()
    }

    private static func cityRefs(_ cities: [City], _ w: inout PrettyJSONWriter) {
        w.array(cities) { c, w in
            w.beginObject()
            w.key("id"); w.string(c.id)
            w.key("name"); w.string(c.name)
            w.endObject()
        }
    }

    private static func rankChange(_ r: RankChange, _ w: inout PrettyJSONWriter) {
        w.beginObject()
        w.key("after"); w.int(r.after)
        w.key("before"); w.int(r.before)
        w.endObject()
    }
}

extension PartnerScore {
    /// The scores in the order of their names, the order of the JSON `weights` object's keys.
    static let sortedByName: [PartnerScore] = allCases.sorted { $0.rawValue < $1.rawValue }
}

/// Rounds to `places` decimals so that JSON output is short and stable.
func rounded(_ x: Double, _ places: Int) -> Double {
    let scale = pow(10.0, Double(places))
    let r = (x * scale).rounded() / scale
    return r == 0 ? 0 : r
}
