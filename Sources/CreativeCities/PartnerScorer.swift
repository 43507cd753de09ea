import GraphCore

/// What is known about one candidate partner `v` for a city `u`: the twelve scores before
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
    /// Whether the two cities already cooperate (an edge of the cooperation graph).
    public let isLinked: Bool

    public func raw(_ score: PartnerScore) -> Double { raw[Self.position[score] ?? 0] }
    public func normalized(_ score: PartnerScore) -> Double { normalized[Self.position[score] ?? 0] }

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

/// Computes the twelve partner scores of every other city for a given city.
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
public struct PartnerScorer: Sendable {
    public let cities: [City]
    public let graph: Graph
    public let communityLabels: [Int32]
    public let referenceYear: Int

    /// - Precondition: `graph.nodeCount == cities.count == communityLabels.count`, node i
    ///   being `cities[i]`.
    public init(cities: [City], graph: Graph, communityLabels: [Int32], referenceYear: Int? = nil) {
        precondition(
            graph.nodeCount == cities.count && communityLabels.count == cities.count,
            "graph, cities and community labels must describe the same nodes")
        self.cities = cities
        self.graph = graph
        self.communityLabels = communityLabels
        self.referenceYear = referenceYear ?? Self.latestYear(of: cities)
    }

    /// The latest designation year among `cities` (2004 when none is known).
    public static func latestYear(of cities: [City]) -> Int {
        cities.compactMap(\.year).max() ?? 2004
    }

    /// Evidence for every city other than `u`, in index order.
    public func evidence(for u: Int) -> [PartnerEvidence] {
        let neighbourhood = NeighbourhoodScores(of: graph, source: u)
        let paths = ShortestPathHops(of: graph, source: u)
        let me = cities[u]
        let span = Double(max(1, referenceYear - 2004))
        var linked = [Bool](repeating: false, count: cities.count)
        for t in graph.neighbors(of: u) { linked[Int(t)] = true }
        var result: [PartnerEvidence] = []
        result.reserveCapacity(cities.count - 1)
        for v in cities.indices where v != u {
            let other = cities[v]
            let hops = paths.hops[v]
            let distance = GreatCircleDistance.kilometres(between: me, and: other)
            let years = other.year.map { referenceYear - $0 }
            let pathProximity: Double = hops.map { $0 <= 2 ? 1 : 1 / Double($0 - 1) } ?? 0
            let geographic: Double = distance.map { max(0, 1 - $0 / GreatCircleDistance.antipodalKm) } ?? 0.5
            let membership: Double = years.map { min(1, max(0, Double($0) / span)) } ?? 0
            let raw: [Double] = [
                Double(neighbourhood.commonPartners[v].count),
                neighbourhood.jaccard[v],
                neighbourhood.adamicAdar[v],
                neighbourhood.resourceAllocation[v],
                neighbourhood.preferentialAttachment[v],
                communityLabels[u] == communityLabels[v] ? 1 : 0,
                pathProximity,
                me.field == other.field ? 1 : 0,
                FieldComplementarity.complements(me.field, other.field) ? 1 : 0,
                me.region == other.region ? 1 : 0,
                geographic,
                membership,
            ]
            result.append(
                PartnerEvidence(
                    candidate: v, commonPartners: neighbourhood.commonPartners[v], raw: raw, normalized: raw,
                    hops: hops, distanceKm: distance, membershipYears: years,
                    candidateDegree: graph.degree(of: v), isLinked: linked[v]))
        }
        Self.normalize(&result)
        return result
    }

    /// The scores divided by their maximum over the candidates.
    static let maxNormalized: [PartnerScore] = [
        .commonPartners, .jaccard, .adamicAdar, .resourceAllocation, .preferentialAttachment,
    ]

    static func normalize(_ evidence: inout [PartnerEvidence]) {
        for score in maxNormalized {
            guard let i = PartnerEvidence.position[score] else { continue }
            let top = evidence.reduce(0) { max($0, $1.raw[i]) }
            for k in evidence.indices {
                evidence[k].normalized[i] = top > 0 ? evidence[k].raw[i] / top : 0
            }
        }
    }
}
