import Foundation

/// Turns a suggestion's evidence into plain sentences a planner can read out, in a fixed
/// order: the link status, shared partners (or how far apart the cities are in the
/// network), the candidate's own connections, community, field, region, distance and
/// length of membership. A sentence about a score is given only when that score has a
/// non-zero weight; facts the scores did not use are left out.
public struct PartnerExplanation: Sendable {
    /// The city the suggestions are for.
    public let city: City
    /// The weights of the ranking: scores with weight 0 are not explained.
    public let weights: PartnerWeights
    /// Where the communities came from (worded in the community sentence).
    public let communitySource: CommunitySource
    /// The city's own number of partners (with none, distances in the network say nothing).
    public let cityPartnerCount: Int

    /// An explainer for suggestions to `city` ranked with `weights`.
    public init(
        city: City, weights: PartnerWeights, communitySource: CommunitySource = .leiden,
        cityPartnerCount: Int
    ) {
        self.city = city
        self.weights = weights
        self.communitySource = communitySource
        self.cityPartnerCount = cityPartnerCount
    }

    /// The sentences for `other`.
    public func reasons(
        for other: City, evidence e: PartnerEvidence, status: PartnerStatus,
        commonPartners: [City], links: [CityLink]
    ) -> [String] {
        var out: [String] = []
        func uses(_ scores: PartnerScore...) -> Bool { scores.contains { weights[$0] != 0 } }

        // Link status.
        let existing = links.filter { LinkKind.existing.contains($0.kind) }
        if !existing.isEmpty {
            let kinds = Set(existing.map(\.kind)).sorted()
            let words = kinds.map { $0 == .sisterCity ? "a sister city" : "a partner in a joint project" }
            out.append("already \(words.joined(separator: " and "))")
        }
        if let proposal = links.first(where: { $0.kind == .proposed }) {
            out.append(Self.proposalSentence(proposal))
        }

        // Network evidence.
        let networkUsed = uses(.commonPartners, .jaccard, .adamicAdar, .resourceAllocation, .pathProximity)
        if networkUsed {
            if !commonPartners.isEmpty {
                out.append(Self.sharedPartnersSentence(commonPartners))
            } else if let h = e.hops, h >= 3 {
                out.append("no shared partners; \(h) links apart in the known network")
            } else if e.hops == nil, uses(.pathProximity), cityPartnerCount > 0 {
                out.append("not connected to \(city.name) through known links")
            }
        }
        if uses(.preferentialAttachment) {
            out.append(
                e.candidateDegree == 0
                    ? "no known partners yet"
                    : e.candidateDegree == 1 ? "has 1 known partner" : "has \(e.candidateDegree) known partners")
        }
        if uses(.sameCommunity), e.normalized(.sameCommunity) > 0, e.candidateDegree > 0 {
            out.append(communitySource.sentence)
        }

        // What the network's purpose says matters.
        if uses(.sameField), other.field == city.field {
            out.append("also a \(other.field.cityTitle)")
        } else if uses(.complementaryField), FieldComplementarity.complements(city.field, other.field) {
            out.append("a \(other.field.cityTitle), which complements \(city.field.rawValue)")
        }
        if uses(.sameRegion) {
            if other.region == city.region {
                out.append("also in \(other.region.rawValue)")
            } else if weights.sameRegion < 0 {
                out.append("in another UNESCO region (\(other.region.rawValue))")
            }
        }
        if uses(.geographicProximity) {
            if let d = e.distanceKm {
                out.append("\(Self.thousands(Int(d.rounded()))) km away")
            } else {
                let missing = [city, other].filter { $0.coordinates == nil }.map(\.name)
                out.append("distance unknown (no coordinates for \(missing.joined(separator: " and ")))")
            }
        }
        if uses(.membershipYears) {
            if let y = other.year { out.append("member since \(y)") } else { out.append("designation year unknown") }
        }
        return out
    }

    /// "shares 1 partner (Seoul)", "shares 2 partners (Bangkok, Seoul)"; more than four are
    /// cut to the first four and "N more".
    public static func sharedPartnersSentence(_ partners: [City]) -> String {
        let names = partners.map(\.name)
        let shown =
            names.count > 4
            ? names.prefix(4).joined(separator: ", ") + " and \(names.count - 4) more"
            : names.joined(separator: ", ")
        return "shares \(partners.count) partner\(partners.count == 1 ? "" : "s") (\(shown))"
    }

    /// "proposed in 2020 by UNESCO's office in Viet Nam" when the evidence names a UNESCO
    /// office, else "proposed in 2020 (not yet cooperating)".
    public static func proposalSentence(_ link: CityLink) -> String {
        let when = link.since.map { " in \($0)" } ?? ""
        if let range = link.evidence.range(of: "UNESCO Office in ") {
            let rest = link.evidence[range.upperBound...]
            let place = rest.prefix { $0 != "," && $0 != ";" && $0 != "(" && $0 != ")" && $0 != "\"" }
                .trimmingCharacters(in: .whitespaces)
            if !place.isEmpty { return "proposed\(when) by UNESCO's office in \(place)" }
        }
        return "proposed\(when) (not yet cooperating)"
    }

    /// 1650 → "1,650".
    public static func thousands(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}
