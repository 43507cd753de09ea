import Foundation
import Yams

/// One of the twenty scores combined into a partner suggestion: the twelve of the
/// `twinning` goal and eight more for the `cooperation` goal.
public enum PartnerScore: String, Sendable, CaseIterable, Codable, Comparable {
    // Network evidence, on the graph of existing cooperation (sister-city + partnership).
    /// Partners the two cities share, |Γ(u) ∩ Γ(v)|.
    case commonPartners
    /// Shared partners over all partners of either, |Γ(u) ∩ Γ(v)| / |Γ(u) ∪ Γ(v)|.
    case jaccard
    /// Shared partners weighted by 1 / ln of their partner count (Adamic–Adar).
    case adamicAdar
    /// Shared partners weighted by 1 / their partner count (resource allocation).
    case resourceAllocation
    /// The product of the two cities' partner counts.
    case preferentialAttachment
    /// 1 when both cities are in the same community of the cooperation graph.
    case sameCommunity
    /// Nearness in the cooperation network: 1 within two links, 1/(h − 1) at h links, 0 when
    /// not connected.
    case pathProximity
    // What the network's purpose says matters.
    /// 1 when both cities are in the same creative field.
    case sameField
    /// How well the two fields complement each other (``FieldComplementarity``).
    case complementaryField
    /// 1 when both cities are in the same UNESCO region.
    case sameRegion
    /// 1 − great-circle distance / half the Earth's circumference.
    case geographicProximity
    /// The candidate's years in the network, over the network's age.
    case membershipYears
    // Cooperation evidence (the `cooperation` goal): documented cooperation and partnership links.
    /// Shared partners in the graph of documented cooperation.
    case cooperationPartners
    /// Path proximity in the graph of documented cooperation.
    case cooperationPathProximity
    /// The candidate's number of documented cooperation partners (activity, not quality).
    case documentedActivity
    /// The candidate's documented cooperation partners in the city's own field (activity in
    /// the city's subnetwork).
    case subnetworkActivity
    /// How often cities of the two fields cooperate, from the documented cooperation.
    case fieldAffinity
    /// The same country.
    case sameCountry
    /// A sister-city link between the two cities (weak evidence for cooperation).
    case sisterCityLink
    /// A stated intention (a `proposed` or `planned` link) between the two cities.
    case statedIntention

    /// In declaration order: network scores first, then attribute scores.
    public static func < (a: Self, b: Self) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    /// The twelve scores of the `twinning` goal (all the scores before the cooperation goal).
    public static let twinningScores: [PartnerScore] = Array(allCases.prefix(12))

    /// Whether the score is computed from the cooperation graph (as opposed to the cities'
    /// attributes).
    public var isNetworkScore: Bool {
        switch self {
        case .commonPartners, .jaccard, .adamicAdar, .resourceAllocation, .preferentialAttachment,
            .sameCommunity, .pathProximity, .cooperationPartners, .cooperationPathProximity, .documentedActivity,
            .sisterCityLink, .statedIntention, .subnetworkActivity:
            return true
        default:
            return false
        }
    }

    /// A short label for tables.
    public var title: String {
        switch self {
        case .commonPartners: return "common partners"
        case .jaccard: return "Jaccard"
        case .adamicAdar: return "Adamic–Adar"
        case .resourceAllocation: return "resource allocation"
        case .preferentialAttachment: return "preferential attachment"
        case .sameCommunity: return "same community"
        case .pathProximity: return "path proximity"
        case .sameField: return "same field"
        case .complementaryField: return "complementary field"
        case .sameRegion: return "same region"
        case .geographicProximity: return "geographic proximity"
        case .membershipYears: return "membership years"
        case .cooperationPartners: return "shared cooperation partners"
        case .cooperationPathProximity: return "cooperation path proximity"
        case .documentedActivity: return "documented activity"
        case .subnetworkActivity: return "activity in the city's field"
        case .fieldAffinity: return "field affinity"
        case .sameCountry: return "same country"
        case .sisterCityLink: return "sister-city link"
        case .statedIntention: return "stated intention"
        }
    }
}

/// The weights of the combined partner score, one per ``PartnerScore``: the combined score
/// is Σ wᵢ·sᵢ / Σ |wᵢ| over the normalised scores sᵢ ∈ [0, 1], so with non-negative weights
/// it lies in [0, 1]. A negative weight turns a preference into an aversion (for example
/// `sameRegion: -1` favours partners in other UNESCO regions); a zero weight ignores the score.
///
/// The defaults were tuned on held-out links of tuning seeds 1–10 and are evaluated on
/// seeds 1001–1010 (see `docs/partners.md`).
///
/// A weights file (JSON or YAML) is a mapping from score names to numbers; names not in the
/// file keep their defaults, unknown names are an error.
public struct PartnerWeights: Sendable, Equatable, Codable {
    /// Weight of ``PartnerScore/commonPartners``.
    public var commonPartners: Double
    /// Weight of ``PartnerScore/jaccard``.
    public var jaccard: Double
    /// Weight of ``PartnerScore/adamicAdar``.
    public var adamicAdar: Double
    /// Weight of ``PartnerScore/resourceAllocation``.
    public var resourceAllocation: Double
    /// Weight of ``PartnerScore/preferentialAttachment``.
    public var preferentialAttachment: Double
    /// Weight of ``PartnerScore/sameCommunity``.
    public var sameCommunity: Double
    /// Weight of ``PartnerScore/pathProximity``.
    public var pathProximity: Double
    /// Weight of ``PartnerScore/sameField``.
    public var sameField: Double
    /// Weight of ``PartnerScore/complementaryField``.
    public var complementaryField: Double
    /// Weight of ``PartnerScore/sameRegion``.
    public var sameRegion: Double
    /// Weight of ``PartnerScore/geographicProximity``.
    public var geographicProximity: Double
    /// Weight of ``PartnerScore/membershipYears``.
    public var membershipYears: Double
    public var cooperationPartners: Double
    public var cooperationPathProximity: Double
    public var documentedActivity: Double
    public var subnetworkActivity: Double
    public var fieldAffinity: Double
    public var sameCountry: Double
    public var sisterCityLink: Double
    public var statedIntention: Double

    /// All weights zero.
    public static let zero = PartnerWeights(values: [:])

    /// The tuned defaults (see `docs/partners.md`, "Defaults and why").
    public static let defaults = PartnerWeights(values: [
        .commonPartners: 2,
        .jaccard: 0,
        .adamicAdar: 0,
        .resourceAllocation: 0,
        .preferentialAttachment: 8,
        .sameCommunity: 0,
        .pathProximity: 2,
        .sameField: 1,
        .complementaryField: 0.5,
        .sameRegion: 2,
        .geographicProximity: 4,
        .membershipYears: 2,
    ])

    /// Weights with the given values, zero for the scores not named.
    public init(values: [PartnerScore: Double]) {
        commonPartners = values[.commonPartners] ?? 0
        jaccard = values[.jaccard] ?? 0
        adamicAdar = values[.adamicAdar] ?? 0
        resourceAllocation = values[.resourceAllocation] ?? 0
        preferentialAttachment = values[.preferentialAttachment] ?? 0
        sameCommunity = values[.sameCommunity] ?? 0
        pathProximity = values[.pathProximity] ?? 0
        sameField = values[.sameField] ?? 0
        complementaryField = values[.complementaryField] ?? 0
        sameRegion = values[.sameRegion] ?? 0
        geographicProximity = values[.geographicProximity] ?? 0
        membershipYears = values[.membershipYears] ?? 0
        cooperationPartners = values[.cooperationPartners] ?? 0
        cooperationPathProximity = values[.cooperationPathProximity] ?? 0
        documentedActivity = values[.documentedActivity] ?? 0
        subnetworkActivity = values[.subnetworkActivity] ?? 0
        fieldAffinity = values[.fieldAffinity] ?? 0
        sameCountry = values[.sameCountry] ?? 0
        sisterCityLink = values[.sisterCityLink] ?? 0
        statedIntention = values[.statedIntention] ?? 0
    }

    /// Only `score`, with weight 1 (to evaluate one score on its own).
    public static func only(_ score: PartnerScore) -> PartnerWeights {
        PartnerWeights(values: [score: 1])
    }

    /// The weight of `score`.
    public subscript(score: PartnerScore) -> Double {
        get {
            switch score {
            case .commonPartners: return commonPartners
            case .jaccard: return jaccard
            case .adamicAdar: return adamicAdar
            case .resourceAllocation: return resourceAllocation
            case .preferentialAttachment: return preferentialAttachment
            case .sameCommunity: return sameCommunity
            case .pathProximity: return pathProximity
            case .sameField: return sameField
            case .complementaryField: return complementaryField
            case .sameRegion: return sameRegion
            case .geographicProximity: return geographicProximity
            case .membershipYears: return membershipYears
            case .cooperationPartners: return cooperationPartners
            case .cooperationPathProximity: return cooperationPathProximity
            case .documentedActivity: return documentedActivity
            case .subnetworkActivity: return subnetworkActivity
            case .fieldAffinity: return fieldAffinity
            case .sameCountry: return sameCountry
            case .sisterCityLink: return sisterCityLink
            case .statedIntention: return statedIntention
            }
        }
        set {
            switch score {
            case .commonPartners: commonPartners = newValue
            case .jaccard: jaccard = newValue
            case .adamicAdar: adamicAdar = newValue
            case .resourceAllocation: resourceAllocation = newValue
            case .preferentialAttachment: preferentialAttachment = newValue
            case .sameCommunity: sameCommunity = newValue
            case .pathProximity: pathProximity = newValue
            case .sameField: sameField = newValue
            case .complementaryField: complementaryField = newValue
            case .sameRegion: sameRegion = newValue
            case .geographicProximity: geographicProximity = newValue
            case .membershipYears: membershipYears = newValue
            case .cooperationPartners: cooperationPartners = newValue
            case .cooperationPathProximity: cooperationPathProximity = newValue
            case .documentedActivity: documentedActivity = newValue
            case .subnetworkActivity: subnetworkActivity = newValue
            case .fieldAffinity: fieldAffinity = newValue
            case .sameCountry: sameCountry = newValue
            case .sisterCityLink: sisterCityLink = newValue
            case .statedIntention: statedIntention = newValue
            }
        }
    }

    /// Σ |wᵢ|, the divisor that keeps the combined score in [−1, 1].
    public var totalMagnitude: Double {
        PartnerScore.allCases.reduce(0) { $0 + abs(self[$1]) }
    }

    // MARK: Codable

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The weights that a weights file's missing names keep while decoding (the defaults
    /// of the goal being read for). Set only inside ``parse(_:file:over:)``.
    @TaskLocal static var decodingBase: PartnerWeights = .defaults

    /// Decodes a mapping from score names to numbers over the defaults; an unknown name or
    /// a non-finite number throws ``PartnerWeightsError``.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        var weights = PartnerWeights.decodingBase
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            guard let score = PartnerScore(rawValue: key.stringValue) else {
                throw PartnerWeightsError.unknownKey(file: nil, key: key.stringValue)
            }
            let value: Double
            do {
                value = try container.decode(Double.self, forKey: key)
            } catch {
                throw PartnerWeightsError.notANumber(file: nil, key: key.stringValue)
            }
            guard value.isFinite else { throw PartnerWeightsError.notANumber(file: nil, key: key.stringValue) }
            weights[score] = value
        }
        guard weights.totalMagnitude > 0 else { throw PartnerWeightsError.allZero(file: nil) }
        self = weights
    }

    /// Writes every weight under its score's name (the weights-file format).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        for score in PartnerScore.allCases {
            try container.encode(self[score], forKey: AnyKey(stringValue: score.rawValue))
        }
    }

    /// Reads weights from a JSON or YAML file (YAML is a superset of JSON) over `base` (by
    /// default the `twinning` defaults).
    public static func load(
        from url: URL, over base: PartnerWeights = .defaults
    ) throws(PartnerWeightsError)
        -> PartnerWeights
    {
        let file = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw .unreadable(file: file, message: "no such file")
        }
        if isDirectory.boolValue { throw .unreadable(file: file, message: "it is a directory, not a file") }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw .unreadable(file: file, message: "permission denied")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: file, message: "not UTF-8 text")
        }
        return try parse(text, file: file, over: base)
    }

    /// Parses weights from JSON or YAML text over `base`; `file` names the source in errors,
    /// with the line of the offending key (or of the syntax error) where there is one. A file
    /// with no weights at all (empty, or only comments) is an error, not the defaults.
    public static func parse(
        _ text: String, file: String, over base: PartnerWeights = .defaults
    ) throws(PartnerWeightsError) -> PartnerWeights {
        let content = text.split(separator: "\n").filter {
            let line = $0.trimmingCharacters(in: .whitespaces)
            return !line.isEmpty && !line.hasPrefix("#")
        }
        if content.isEmpty { throw .empty(file: file) }
        do {
            return try PartnerWeights.$decodingBase.withValue(base) {
                try YAMLDecoder().decode(PartnerWeights.self, from: text)
            }
        } catch let error as PartnerWeightsError {
            throw error.in(file: file, text: text)
        } catch let DecodingError.dataCorrupted(context) where context.underlyingError is PartnerWeightsError {
            // Yams wraps errors thrown by `init(from:)`.
            throw (context.underlyingError as? PartnerWeightsError ?? .allZero(file: nil)).in(file: file, text: text)
        } catch let DecodingError.typeMismatch(_, context) {
            throw .malformed(
                file: file, message: "expected a mapping from score names to numbers (\(context.debugDescription))")
        } catch let DecodingError.dataCorrupted(context) where context.underlyingError != nil {
            throw syntaxError(context.underlyingError.map { "\($0)" } ?? "", file: file)
        } catch {
            throw .malformed(file: file, message: "\(error)")
        }
    }

    /// A YAML/JSON syntax error as `file:line:column: not valid YAML or JSON: problem`, from
    /// the parser's `line:column: error: …` text.
    private static func syntaxError(_ text: String, file: String) -> PartnerWeightsError {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let first = lines.first else { return .malformed(file: file, message: "not valid YAML or JSON") }
        let parts = first.split(separator: ":", maxSplits: 2)
        if parts.count == 3, let line = Int(parts[0]), let column = Int(parts[1]) {
            var problem = parts[2].trimmingCharacters(in: .whitespaces)
            if problem.hasPrefix("error: ") { problem.removeFirst("error: ".count) }
            if lines.count > 1 { problem += "; " + lines[1].trimmingCharacters(in: CharacterSet(charactersIn: " :")) }
            return .malformed(file: "\(file):\(line):\(column)", message: "not valid YAML or JSON: \(problem)")
        }
        return .malformed(file: file, message: "not valid YAML or JSON: \(first)")
    }
}

/// A problem with a weights file.
public enum PartnerWeightsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be read.
    case unreadable(file: String, message: String)
    /// The file is not a JSON or YAML mapping of names to numbers.
    case malformed(file: String, message: String)
    /// A name that is not one of the twelve scores.
    case unknownKey(file: String?, key: String)
    /// A weight that is not a finite number.
    case notANumber(file: String?, key: String)
    /// Every weight is zero, so nothing would be ranked.
    case allZero(file: String?)
    case empty(file: String)

    /// The error with `file` (and, for a key, `file:line` of the key's line in `text`).
    func `in`(file: String, text: String) -> PartnerWeightsError {
        func place(of key: String) -> String {
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: CharacterSet(charactersIn: " \t{,"))
                if trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\"") || trimmed.hasPrefix("'\(key)'") {
                    return "\(file):\(i + 1)"
                }
            }
            return file
        }
        switch self {
        case let .unknownKey(_, key): return .unknownKey(file: place(of: key), key: key)
        case let .notANumber(_, key): return .notANumber(file: place(of: key), key: key)
        case .allZero: return .allZero(file: file)
        default: return self
        }
    }

    /// A sentence naming the file and the key, and what was expected.
    public var description: String {
        let names = PartnerScore.allCases.map(\.rawValue).joined(separator: ", ")
        func prefix(_ file: String?) -> String { file.map { "\($0): " } ?? "" }
        switch self {
        case let .unreadable(file, message):
            return "\(file): cannot read the weights file (\(message))"
        case let .malformed(file, message):
            return "\(file): not a weights file: \(message)"
        case let .unknownKey(file, key):
            return "\(prefix(file))unknown weight \"\(key)\"; expected one of \(names)"
        case let .notANumber(file, key):
            return "\(prefix(file))weight \"\(key)\" is not a finite number"
        case let .allZero(file):
            return "\(prefix(file))every weight is zero; at least one score must count"
        case let .empty(file):
            return
                "\(file): the weights file is empty; give at least one weight (score: number), or leave out --weights for the defaults"
        }
    }
}
