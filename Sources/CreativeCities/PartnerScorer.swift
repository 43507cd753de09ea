import Foundation
import GraphCore

/// What is known about one candidate partner `v` for a city `u`: the twenty scores before
/// and after normalisation, and the facts behind them.
public struct PartnerEvidence: Sendable {
    /// Index of the candidate city.
    public let candidate: Int
    /// Partners that `u` and the candidate share, as city indices in ascending order.
    public let commonPartners: [Int]
    /// Each score before normalisation, indexed like `PartnerScore.allCases`.
    public let raw: [Double]
    /// Each score in [0, 1], indexed like `PartnerScore.allCases`.
    public internal(set) var normalized: [Double]
    /// Links between `u` and the candidate on the shortest path (`nil`: not connected).
    public let hops: Int?
    /// Great-circle distance, `nil` when either city has no coordinates.
    public let distanceKm: Double?
    /// Years from the candidate's designation to the reference year, `nil` when unknown.
    public let membershipYears: Int?
    /// The candidate's number of partners in the cooperation graph.
    public let candidateDegree: Int
    /// Whether the two cities are already linked in the scorer's `graph` (sister-city and
    /// partnership links by default: the `twinning` goal's notion of a partner).
    public let isLinked: Bool
    /// Cooperation partners that `u` and the candidate share, ascending.
    public let cooperationPartners: [Int]
    /// Links between the two in the graph of documented cooperation (`nil`: not connected),
    /// counted without a direct link between them.
    public let cooperationHops: Int?
    /// The candidate's documented cooperation partners (its degree in the cooperation graph).
    public let candidateCooperationCount: Int
    /// Whether the two have documented cooperation (an edge of the cooperation graph).
    public let isCooperating: Bool

    /// `score` before normalisation.
    public func raw(_ score: PartnerScore) -> Double { raw[score.position] }
    /// `score` in [0, 1].
    public func normalized(_ score: PartnerScore) -> Double { normalized[score.position] }

    static let position: [PartnerScore: Int] = Dictionary(
        uniqueKeysWithValues: PartnerScore.allCases.enumerated().map { ($1, $0) })

    /// Σ wᵢ·sᵢ / Σ |wᵢ| over the normalised scores.
    public func combined(_ weights: PartnerWeights) -> Double {
        let total = weights.totalMagnitude
        guard total > 0 else { return 0 }
        var sum = 0.0
        for (i, score) in PartnerScore.allCases.enumerated() { sum += weights[score] * normalized[i] }
        return sum / total
    }
}

/// Computes the twenty partner scores of every other city for a given city.
///
/// Network scores use `graph`, the graph of existing cooperation (sister-city and
/// partnership links; proposed links are not cooperation yet), and `communityLabels`, one
/// label per node (connected components or a community detection run on the same graph:
/// the caller chooses, so that an evaluation can compute them on its training graph).
///
/// Normalisation to [0, 1]:
/// - common partners, Jaccard, Adamic–Adar, resource allocation and preferential
///   attachment are divided by their largest value over all other cities (all zero stays
///   zero), so the strongest candidate on each gets 1 whatever filters are applied later;
/// - same community, same field, complementary field and same region are 1 or 0;
/// - path proximity is 1/(h − 1) for a shortest path of h ≥ 2 links (1 for friends of
///   friends, ½ for three links, …), 1 for h = 1, and 0 when the cities are not connected;
/// - geographic proximity is 1 − d/πR with d the great-circle distance and πR ≈ 20,015 km
///   half the Earth's circumference; 0.5 (a quarter of the globe) when coordinates are
///   missing, so a missing value neither rewards nor punishes much;
/// - membership years is (Y − year)/(Y − 2004), clamped to [0, 1], with Y the
///   reference year (by default the latest designation year in the data, so output does
///   not change with the calendar) and 2004 the network's founding; 0 when unknown.
///
/// The cooperation scores use `cooperationGraph`, the graph of documented cooperation
/// (`cooperation.csv` and partnership links). For a candidate that already cooperates with
/// `u`, they are computed **as if that link were unknown** (the link left out of its own
/// evidence), so a linked pair is scored the way a held-out pair is in the evaluation:
/// - shared cooperation partners |Γc(u) ∩ Γc(v)|, ÷ its maximum over the candidates;
/// - cooperation path proximity 1/(h − 1) from the hop distance h in the cooperation graph
///   without the u–v link (1 for h = 2, ½ for 3, …; 0 when not connected);
/// - documented activity ln(1 + kc(v)) / ln(1 + max kc) with kc(v) the candidate's
///   cooperation partners other than u and the maximum over the candidates;
/// - activity in the city's field ln(1 + kc_f(v)) / ln(1 + max kc_f), kc_f(v) the
///   candidate's cooperation partners of u's field f other than u, maximum over the candidates;
/// - field affinity: r(f, g) = c(f, g) / N(f, g), the share of possible pairs between
///   fields f and g (N = n_f·n_g, or n_f(n_f − 1)/2 within a field) that have documented
///   cooperation, not counting the u–v pair, ÷ the largest r over field pairs;
/// - same country, sister-city link (a `sister-city` row for the pair) and stated
///   intention (a `proposed` or `planned` row) are 1 or 0.
public struct PartnerScorer: Sendable {
    /// The member cities, node i being `cities[i]`.
    public let cities: [City]
    /// The existing-cooperation graph (sister-city and partnership links).
    public let graph: Graph
    /// The community of each city, for "same community".
    public let communityLabels: [Int32]
    /// The year membership is counted to (by default the latest designation year in the data).
    public let referenceYear: Int
    /// The graph of documented cooperation (same nodes as `graph`).
    public let cooperationGraph: Graph
    /// Pairs with a sister-city link, as ``PartnerScorer/pairKey(_:_:)``.
    public let sisterCityPairs: Set<Int>
    /// Pairs with a stated intention (proposed or planned), as ``PartnerScorer/pairKey(_:_:)``.
    public let intentionPairs: Set<Int>
    /// Documented cooperation pairs by field pair, `[f][g]` symmetric, fields by ``CreativeField/allCases`` index.
    let fieldPairLinks: [[Int]]
    /// Possible pairs by field pair, `[f][g]` symmetric.
    let fieldPairs: [[Int]]
    /// The largest r(f, g) = links / possible pairs over field pairs (0 without cooperation).
    let maxFieldRate: Double
    /// Each city's number of distinct documented cooperation partners.
    let cooperationCounts: [Int]
    /// Each city's distinct documented cooperation partners by field, `[city][field]`.
    let cooperationCountsByField: [[Int]]
    /// Each city's distinct partners in `graph`.
    let partners: PartnerLists
    /// Each city's distinct partners in `cooperationGraph`.
    let cooperationPartners: PartnerLists
    /// Each city's sister cities (from `sisterCityPairs`).
    let sisterCityPartners: PartnerLists
    /// Each city's stated intentions (from `intentionPairs`).
    let intentionPartners: PartnerLists
    /// Field, region and country of each city as small indices.
    let cityFacts: PartnerCityFacts
    /// The distance of every pair (``distanceTable(of:)``), or empty: distances are then
    /// computed when asked for. A program answering many queries fills it once.
    var distanceTable: [Double] = []

    /// A scorer over `cities` and their cooperation `graph`.
    ///
    /// - Precondition: `graph.nodeCount == cities.count == communityLabels.count`, node i
    ///   being `cities[i]`; `cooperationGraph`, when given, has the same nodes.
    public init(
        cities: [City], graph: Graph, communityLabels: [Int32], referenceYear: Int? = nil,
        cooperationGraph: Graph? = nil, sisterCityPairs: Set<Int> = [], intentionPairs: Set<Int> = []
    ) {
        precondition(
            graph.nodeCount == cities.count && communityLabels.count == cities.count,
            "graph, cities and community labels must describe the same nodes")
        self.cities = cities
        self.graph = graph
        self.communityLabels = communityLabels
        self.referenceYear = referenceYear ?? Self.latestYear(of: cities)
        let coop =
            cooperationGraph
            ?? Graph(
                isDirected: false, offsets: [Int32](repeating: 0, count: cities.count + 1), targets: [],
                weights: nil, ids: cities.map(\.id), edgeCount: 0)
        precondition(coop.nodeCount == cities.count, "the cooperation graph must have the cities as nodes")
        self.cooperationGraph = coop
        self.sisterCityPairs = sisterCityPairs
        self.intentionPairs = intentionPairs
        let fields = CreativeField.allCases
        var fieldIndex: [CreativeField: Int] = [:]
        for (i, f) in fields.enumerated() { fieldIndex[f] = i }
        var counts = [Int](repeating: 0, count: fields.count)
        for c in cities { counts[fieldIndex[c.field] ?? 0] += 1 }
        var links = [[Int]](repeating: [Int](repeating: 0, count: fields.count), count: fields.count)
        coop.forEachEdge { a, b, _ in
            guard a != b else { return }
            let f = fieldIndex[cities[a].field] ?? 0, g = fieldIndex[cities[b].field] ?? 0
            links[f][g] += 1
            if f != g { links[g][f] += 1 }
        }
        var pairs = links
        var best = 0.0
        for f in fields.indices {
            for g in fields.indices {
                pairs[f][g] = f == g ? counts[f] * (counts[f] - 1) / 2 : counts[f] * counts[g]
                if pairs[f][g] > 0 { best = max(best, Double(links[f][g]) / Double(pairs[f][g])) }
            }
        }
        let partnerSets = cities.indices.map { v in Set(coop.neighbors(of: v).map(Int.init)).subtracting([v]) }
        self.cooperationCounts = partnerSets.map(\.count)
        self.cooperationCountsByField = partnerSets.map { partners in
            var byField = [Int](repeating: 0, count: fields.count)
            for z in partners { byField[fieldIndex[cities[z].field] ?? 0] += 1 }
            return byField
        }
        self.fieldPairLinks = links
        self.fieldPairs = pairs
        self.maxFieldRate = best
        self.partners = PartnerLists(graph)
        self.cooperationPartners = PartnerLists(coop)
        self.sisterCityPartners = PartnerLists(pairs: sisterCityPairs, nodeCount: cities.count)
        self.intentionPartners = PartnerLists(pairs: intentionPairs, nodeCount: cities.count)
        self.cityFacts = PartnerCityFacts(cities)
    }

    /// The documented cooperation pairs between cities of fields `a` and `b`.
    public func cooperationPairs(between a: CreativeField, and b: CreativeField) -> Int {
        let fields = CreativeField.allCases
        guard let f = fields.firstIndex(of: a), let g = fields.firstIndex(of: b) else { return 0 }
        return fieldPairLinks[f][g]
    }

    /// A key for the unordered pair of city indices a and b.
    public static func pairKey(_ a: Int, _ b: Int) -> Int { min(a, b) << 32 | max(a, b) }

    /// The latest designation year among `cities` (2004 when none is known).
    public static func latestYear(of cities: [City]) -> Int {
        cities.compactMap(\.year).max() ?? 2004
    }

    /// Evidence for every city other than `u`, in index order.
    ///
    /// - Complexity: O(n + m) plus one breadth-first search for each documented
    ///   cooperation partner of `u` (see `PartnerCandidateScores`).
    public func evidence(for u: Int) -> [PartnerEvidence] {
        let scores = PartnerCandidateScores(for: u, scorer: self)
        var result: [PartnerEvidence] = []
        result.reserveCapacity(cities.count - 1)
        for v in cities.indices where v != u { result.append(scores.evidence(of: v, scorer: self)) }
        return result
    }

    /// Great-circle distance between cities `u` and `v` in km, NaN when either has no
    /// coordinates (``PartnerCityFacts/hasCoordinates`` tells which; from
    /// ``distanceTable`` when it is filled).
    func distanceKm(_ u: Int, _ v: Int) -> Double {
        if !distanceTable.isEmpty { return distanceTable[u * cities.count + v] }
        return GreatCircleDistance.kilometres(between: cities[u], and: cities[v]) ?? .nan
    }

    /// The distance of every pair of `cities`, row `u` column `v` (NaN without coordinates).
    ///
    /// - Complexity: O(n²) time and memory (1.25 MiB for 405 cities).
    static func distanceTable(of cities: [City]) -> [Double] {
        var table = [Double](repeating: .nan, count: cities.count * cities.count)
        for (u, a) in cities.enumerated() {
            for (v, b) in cities.enumerated() {
                table[u * cities.count + v] = GreatCircleDistance.kilometres(between: a, and: b) ?? .nan
            }
        }
        return table
    }

    /// The scores divided by their maximum over the candidates.
    static let maxNormalized: [PartnerScore] = [
        .commonPartners, .jaccard, .adamicAdar, .resourceAllocation, .preferentialAttachment, .cooperationPartners,
    ]
}

/// The facts of each city a score compares, as small indices: field (in
/// `CreativeField.allCases` order), region, and country (one index per distinct ISO code as
/// written, with the case-insensitive comparison of the codes computed once).
struct PartnerCityFacts: Sendable {
    /// Each city's field index.
    let field: [Int]
    /// Each city's region.
    let region: [UNESCORegion]
    /// Each city's index in ``countryCodes``.
    let country: [Int]
    /// The distinct ISO codes as written.
    let countryCodes: [String]
    /// Whether codes `a` and `b` are equal ignoring case, at `a · countryCodes.count + b`.
    let sameCountryTable: [Bool]
    /// Whether fields `f` and `g` complement each other, at `f · fieldCount + g`.
    let complements: [Bool]
    /// Whether each city has both coordinates.
    let hasCoordinates: [Bool]

    init(_ cities: [City]) {
        let fields = CreativeField.allCases
        var fieldIndex: [CreativeField: Int] = [:]
        for (i, f) in fields.enumerated() { fieldIndex[f] = i }
        field = cities.map { fieldIndex[$0.field] ?? 0 }
        region = cities.map(\.region)
        hasCoordinates = cities.map { $0.coordinates != nil }
        var codeIndex: [String: Int] = [:]
        var codes: [String] = []
        var country: [Int] = []
        for c in cities {
            if let i = codeIndex[c.iso2] {
                country.append(i)
            } else {
                codeIndex[c.iso2] = codes.count
                country.append(codes.count)
                codes.append(c.iso2)
            }
        }
        self.country = country
        countryCodes = codes
        // ASCII codes (all real ones) are compared by their upper-case bytes, the others
        // with Foundation's case-insensitive comparison.
        let ascii: [[UInt8]?] = codes.map { code in
            code.utf8.allSatisfy { $0 < 0x80 }
                ? code.utf8.map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") ? $0 - 32 : $0 } : nil
        }
        var same = [Bool](repeating: false, count: codes.count * codes.count)
        for (a, x) in codes.enumerated() where !x.isEmpty {
            for (b, y) in codes.enumerated() {
                if let p = ascii[a], let q = ascii[b] {
                    same[a * codes.count + b] = p == q
                } else {
                    same[a * codes.count + b] = x.caseInsensitiveCompare(y) == .orderedSame
                }
            }
        }
        sameCountryTable = same
        var complements = [Bool](repeating: false, count: fields.count * fields.count)
        for (f, a) in fields.enumerated() {
            for (g, b) in fields.enumerated() {
                complements[f * fields.count + g] = FieldComplementarity.complements(a, b)
            }
        }
        self.complements = complements
    }

    /// Whether cities `u` and `v` are in the same country (false when `u` has no code).
    func sameCountry(_ u: Int, _ v: Int) -> Bool {
        sameCountryTable[country[u] * countryCodes.count + country[v]]
    }
}

extension PartnerScore {
    /// The score's position in `allCases`: the index of its value in
    /// ``PartnerEvidence/raw`` and ``PartnerEvidence/normalized`` (a switch, not a hash of
    /// the name).
    var position: Int {
        switch self {
        case .commonPartners: return 0
        case .jaccard: return 1
        case .adamicAdar: return 2
        case .resourceAllocation: return 3
        case .preferentialAttachment: return 4
        case .sameCommunity: return 5
        case .pathProximity: return 6
        case .sameField: return 7
        case .complementaryField: return 8
        case .sameRegion: return 9
        case .geographicProximity: return 10
        case .membershipYears: return 11
        case .cooperationPartners: return 12
        case .cooperationPathProximity: return 13
        case .documentedActivity: return 14
        case .subnetworkActivity: return 15
        case .fieldAffinity: return 16
        case .sameCountry: return 17
        case .sisterCityLink: return 18
        case .statedIntention: return 19
        }
    }
}
