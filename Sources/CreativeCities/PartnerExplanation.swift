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
    public let goal: PartnerGoal
    /// The city's own documented cooperation partners.
    public let cityCooperationCount: Int
    /// Whether the city has no link in any layer used (its suggestions rest on attributes).
    public let lacksNetworkEvidence: Bool

    /// An explainer for suggestions to `city` ranked with `weights`.
    public init(
        city: City, weights: PartnerWeights, communitySource: CommunitySource = .leiden,
        cityPartnerCount: Int, goal: PartnerGoal = .twinning, cityCooperationCount: Int = 0,
        lacksNetworkEvidence: Bool = false
    ) {
        self.city = city
        self.weights = weights
        self.communitySource = communitySource
        self.cityPartnerCount = cityPartnerCount
        self.goal = goal
        self.cityCooperationCount = cityCooperationCount
        self.lacksNetworkEvidence = lacksNetworkEvidence
    }

    /// The sentences for `other`.
    public func reasons(
        for other: City, evidence e: PartnerEvidence, status: PartnerStatus,
        commonPartners: [City], links: [CityLink], sharedCooperation: [SharedCooperationPartner] = [],
        fieldPairCount: Int = 0
    ) -> [String] {
        if goal == .cooperation {
            return cooperationReasons(
                for: other, evidence: e, links: links, sharedCooperation: sharedCooperation,
                fieldPairCount: fieldPairCount)
        }
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

    /// The sentences of the `cooperation` goal, in a fixed order: missing network evidence,
    /// documented cooperation already there, stated intentions, shared cooperation partners
    /// (with their types) or the distance in the cooperation graph, the field's subnetwork
    /// or the fields' documented cross-field cooperation, the candidate's documented
    /// activity, sister-city link, country or region, distance and membership. A sentence
    /// about a score is given only when the score has a non-zero weight.
    func cooperationReasons(
        for other: City, evidence e: PartnerEvidence, links: [CityLink],
        sharedCooperation: [SharedCooperationPartner], fieldPairCount: Int
    ) -> [String] {
        var out: [String] = []
        func uses(_ scores: PartnerScore...) -> Bool { scores.contains { weights[$0] != 0 } }
        if lacksNetworkEvidence {
            out.append(
                "network evidence missing: \(city.name) has no documented cooperation or sister-city link, so this rests on field, region, distance, membership and \(other.name)'s own record"
            )
        }
        let cooperation = links.filter { $0.kind == .cooperation }
        if !cooperation.isEmpty {
            let items = cooperation.sorted { ($0.since ?? 0, $0.evidence) < ($1.since ?? 0, $1.evidence) }.map {
                ($0.cooperationType?.singular ?? "cooperation") + ($0.since.map { " \($0)" } ?? "")
            }
            out.append("documented cooperation already: \(Self.unique(items).joined(separator: ", "))")
        } else if links.contains(where: { $0.kind == .partnership }) {
            out.append("already a partner in a joint project")
        }
        if let proposal = links.first(where: { $0.kind == .proposed }) {
            out.append(Self.proposalSentence(proposal))
        } else if links.contains(where: { $0.kind == .planned }) {
            out.append("a planned cooperation is stated on a UNESCO city page (not yet cooperating)")
        }
        // Evidence whose fitted weight is negative is named as counting against.
        var against: [String] = []
        if uses(.cooperationPartners, .cooperationPathProximity) {
            if !sharedCooperation.isEmpty {
                let sentence = Self.sharedCooperationSentence(sharedCooperation, city: city)
                if weights.cooperationPartners < 0 { against.append(sentence) } else { out.append(sentence) }
            } else if let h = e.cooperationHops, h == 3 {
                let sentence = "\(h) cooperation links apart"
                if weights.cooperationPathProximity < 0 { against.append(sentence) } else { out.append(sentence) }
            }
        }
        if uses(.sameField, .fieldAffinity) {
            if other.field == city.field {
                out.append("in the Cities of \(other.field.rawValue) subnetwork")
            } else if fieldPairCount > 0 {
                out.append(
                    "a \(other.field.cityTitle): \(fieldPairCount) documented \(fieldPairCount == 1 ? "pair" : "pairs") of Cities of \(city.field.rawValue) and \(other.field.rawValue) cooperate"
                )
            } else if uses(.complementaryField), FieldComplementarity.complements(city.field, other.field) {
                out.append("a \(other.field.cityTitle), which complements \(city.field.rawValue)")
            } else {
                out.append("a \(other.field.cityTitle): another field's subnetwork")
            }
        }
        if uses(.documentedActivity, .subnetworkActivity) {
            let n = e.candidateCooperationCount
            let inField = Int(e.raw(.subnetworkActivity))
            var sentence =
                n == 0
                ? "no documented cooperation yet (documented activity, not quality)"
                : "documented cooperation with \(n) member \(n == 1 ? "city" : "cities")"
            if n > 0, inField > 0, other.field != city.field || inField < n {
                sentence +=
                    " (\(inField) of them \(inField == 1 ? city.field.cityTitle : "Cities of \(city.field.rawValue)"))"
            }
            out.append(sentence)
        }
        if uses(.sisterCityLink), e.raw(.sisterCityLink) > 0 {
            let sentence = "a sister city (weak evidence for UCCN cooperation)"
            if weights.sisterCityLink < 0 { against.append("a sister city") } else { out.append(sentence) }
        }
        if uses(.sameCountry), e.raw(.sameCountry) > 0 {
            out.append("also in \(other.country)")
        } else if uses(.sameRegion), other.region == city.region {
            out.append("also in \(other.region.rawValue)")
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
        if !against.isEmpty { out.append("counts against: " + against.joined(separator: "; ")) }
        return out
    }

    /// "shares 1 cooperation partner with Hanoi: Singapore (event guest)", "shares 2
    /// cooperation partners with Tartu: Kraków (residencies), Vilnius (joint projects,
    /// residencies)"; more than four are cut to the first four and "N more".
    public static func sharedCooperationSentence(_ partners: [SharedCooperationPartner], city: City) -> String {
        let items = partners.map { p -> String in
            let types = p.types.sorted().map(\.plural)
            return types.isEmpty ? p.city.name : "\(p.city.name) (\(types.joined(separator: ", ")))"
        }
        let shown =
            items.count > 4
            ? items.prefix(4).joined(separator: ", ") + " and \(items.count - 4) more" : items.joined(separator: ", ")
        let n = partners.count
        return "shares \(n == 1 ? "1 cooperation partner" : "\(n) cooperation partners") with \(city.name): \(shown)"
    }

    static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
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
