import Foundation
import GraphCore

/// The twenty scores of every candidate for one city `u`, in flat arrays indexed by city
/// (row `v` holds the scores of candidate `v`; row `u` is unused): what ``PartnerScorer``
/// computes for one query, before any ``PartnerEvidence`` value is made.
///
/// A ranking reads the normalised rows and builds full evidence (shared partners as
/// lists, hops, distance, …) only for the candidates it shows. The values, their
/// normalisation and the order of every floating-point operation are those of
/// ``PartnerScorer``'s documentation, so ``evidence(of:)`` is the same value
/// ``PartnerScorer/evidence(for:)`` lists for the candidate.
///
/// - Complexity: O(n + m) time and O(20·n) memory for one city (two neighbourhood walks,
///   two breadth-first searches, one more for each documented cooperation partner of `u`).
struct PartnerCandidateScores {
    /// The city the candidates are scored for.
    let city: Int
    /// Scores before normalisation, 20 per city, indexed like `PartnerScore.allCases`.
    private(set) var raw: [Double]
    /// Scores in [0, 1], 20 per city.
    private(set) var normalized: [Double]
    /// Shortest-path links from `u` in the scorer's graph (−1: not connected).
    let hops: [Int32]
    /// Links from `u` in the cooperation graph without the direct u–v link (−1: not connected).
    let cooperationHops: [Int32]
    /// Whether `u` and `v` are linked in the scorer's graph.
    let isLinked: [Bool]
    /// Whether `u` and `v` have documented cooperation.
    let isCooperating: [Bool]

    /// Number of scores a candidate has.
    static let scoreCount = PartnerScore.allCases.count

    /// Σ wᵢ·sᵢ / Σ |wᵢ| over candidate `v`'s normalised scores, with `weights` given in
    /// `PartnerScore.allCases` order and `total` = Σ |wᵢ| (the sum taken in the same order as
    /// ``PartnerEvidence/combined(_:)``, so the values are equal).
    func combined(_ v: Int, weights: [Double], total: Double) -> Double {
        guard total > 0 else { return 0 }
        var sum = 0.0
        let base = v * Self.scoreCount
        for i in 0..<Self.scoreCount { sum += weights[i] * normalized[base + i] }
        return sum / total
    }

    /// The full evidence of candidate `v` (`v` ≠ `city`).
    func evidence(of v: Int, scorer: PartnerScorer) -> PartnerEvidence {
        let base = v * Self.scoreCount
        let facts = scorer.cityFacts
        let located = facts.hasCoordinates[city] && facts.hasCoordinates[v]
        return PartnerEvidence(
            candidate: v, commonPartners: scorer.partners.common(city, v),
            raw: Array(raw[base..<base + Self.scoreCount]),
            normalized: Array(normalized[base..<base + Self.scoreCount]),
            hops: hops[v] < 0 ? nil : Int(hops[v]), distanceKm: located ? scorer.distanceKm(city, v) : nil,
            membershipYears: scorer.cities[v].year.map { scorer.referenceYear - $0 },
            candidateDegree: scorer.graph.degree(of: v), isLinked: isLinked[v],
            cooperationPartners: scorer.cooperationPartners.common(city, v),
            cooperationHops: cooperationHops[v] < 0 ? nil : Int(cooperationHops[v]),
            candidateCooperationCount: scorer.cooperationCounts[v], isCooperating: isCooperating[v])
    }

    /// The scores of every city for `u` on `scorer`'s graphs.
    init(for u: Int, scorer: PartnerScorer) {
        let n = scorer.cities.count
        let k = Self.scoreCount
        city = u
        let neighbourhood = scorer.partners.scores(from: u)
        let cooperation = scorer.cooperationPartners.scores(from: u)
        let paths = ShortestPathHops.distances(in: scorer.graph, from: u)
        let cooperationPaths = ShortestPathHops.distances(in: scorer.cooperationGraph, from: u)
        var linked = [Bool](repeating: false, count: n)
        for t in scorer.graph.neighbors(of: u) { linked[Int(t)] = true }
        var cooperating = [Bool](repeating: false, count: n)
        for t in scorer.cooperationGraph.neighbors(of: u) where Int(t) != u { cooperating[Int(t)] = true }
        var sister = [Bool](repeating: false, count: n)
        for t in scorer.sisterCityPartners.neighbours(of: u) { sister[Int(t)] = true }
        var intention = [Bool](repeating: false, count: n)
        for t in scorer.intentionPartners.neighbours(of: u) { intention[Int(t)] = true }
        // Cooperation hops without the u–v link, for each cooperating v.
        var cooperationHops = cooperationPaths
        for v in 0..<n where cooperating[v] && v != u {
            cooperationHops[v] = ShortestPathHops.distances(in: scorer.cooperationGraph, from: u, excludingEdgeTo: v)[v]
        }
        let facts = scorer.cityFacts
        let myField = facts.field[u]
        let myRegion = facts.region[u]
        let span = Double(max(1, scorer.referenceYear - 2004))
        let myDegree = neighbourhood.degree[u]
        let fieldCount = CreativeField.allCases.count
        var raw = [Double](repeating: 0, count: n * k)
        for v in 0..<n where v != u {
            let base = v * k
            let common = neighbourhood.count[v]
            let union = myDegree + neighbourhood.degree[v] - common
            let hops = paths[v]
            let pathProximity: Double = hops < 0 ? 0 : hops <= 2 ? 1 : 1 / Double(hops - 1)
            let geographic: Double =
                facts.hasCoordinates[u] && facts.hasCoordinates[v]
                ? max(0, 1 - scorer.distanceKm(u, v) / GreatCircleDistance.antipodalKm) : 0.5
            let membership: Double =
                scorer.cities[v].year.map { min(1, max(0, Double(scorer.referenceYear - $0) / span)) } ?? 0
            let isCooperating = cooperating[v]
            let coopHops = cooperationHops[v]
            let cooperationProximity: Double = coopHops < 0 ? 0 : coopHops <= 2 ? 1 : 1 / Double(coopHops - 1)
            let activity = scorer.cooperationCounts[v] - (isCooperating ? 1 : 0)
            let otherField = facts.field[v]
            let fieldActivity = scorer.cooperationCountsByField[v][myField] - (isCooperating ? 1 : 0)
            let possible = scorer.fieldPairs[myField][otherField]
            let fieldLinks = scorer.fieldPairLinks[myField][otherField] - (isCooperating ? 1 : 0)
            let fieldRate = possible > 0 ? Double(max(0, fieldLinks)) / Double(possible) : 0
            let coopCommon = cooperation.count[v]
            raw[base + 0] = Double(common)
            raw[base + 1] = union > 0 ? Double(common) / Double(union) : 0
            raw[base + 2] = neighbourhood.adamicAdar[v]
            raw[base + 3] = neighbourhood.resourceAllocation[v]
            raw[base + 4] = Double(myDegree * neighbourhood.degree[v])
            raw[base + 5] = scorer.communityLabels[u] == scorer.communityLabels[v] ? 1 : 0
            raw[base + 6] = pathProximity
            raw[base + 7] = myField == otherField ? 1 : 0
            raw[base + 8] = facts.complements[myField * fieldCount + otherField] ? 1 : 0
            raw[base + 9] = myRegion == facts.region[v] ? 1 : 0
            raw[base + 10] = geographic
            raw[base + 11] = membership
            raw[base + 12] = Double(coopCommon)
            raw[base + 13] = cooperationProximity
            raw[base + 14] = Double(activity)
            raw[base + 15] = Double(fieldActivity)
            raw[base + 16] = fieldRate
            raw[base + 17] = facts.sameCountry(u, v) ? 1 : 0
            raw[base + 18] = sister[v] ? 1 : 0
            raw[base + 19] = intention[v] ? 1 : 0
        }
        self.raw = raw
        self.normalized = raw
        self.hops = paths
        self.cooperationHops = cooperationHops
        self.isLinked = linked
        self.isCooperating = cooperating
        normalize(maxFieldRate: scorer.maxFieldRate)
    }

    /// The normalisation of ``PartnerScorer``: activity scores on a log scale against their
    /// largest value, field affinity against the largest field-pair rate, the neighbourhood
    /// counts and sums against their largest value; the others are already in [0, 1].
    private mutating func normalize(maxFieldRate: Double) {
        let n = raw.count / Self.scoreCount
        let k = Self.scoreCount
        func top(_ i: Int) -> Double {
            var best = 0.0
            for v in 0..<n where v != city { best = max(best, raw[v * k + i]) }
            return best
        }
        for score in [PartnerScore.documentedActivity, .subnetworkActivity] {
            let i = score.position
            let best = top(i)
            let scale = log1p(best)
            for v in 0..<n where v != city {
                normalized[v * k + i] = best > 0 ? log1p(raw[v * k + i]) / scale : 0
            }
        }
        do {
            let i = PartnerScore.fieldAffinity.position
            for v in 0..<n where v != city {
                normalized[v * k + i] = maxFieldRate > 0 ? min(1, raw[v * k + i] / maxFieldRate) : 0
            }
        }
        for score in PartnerScorer.maxNormalized {
            let i = score.position
            let best = top(i)
            for v in 0..<n where v != city {
                normalized[v * k + i] = best > 0 ? raw[v * k + i] / best : 0
            }
        }
    }
}

/// Each node's distinct partners (neighbours other than itself) of an undirected graph, in
/// compact rows, for the neighbourhood scores of ``NeighbourhoodScores`` without building
/// them anew for every query.
struct PartnerLists: Sendable {
    /// Row `x` is `targets[offsets[x]..<offsets[x + 1]]`, ascending.
    let offsets: [Int32]
    let targets: [Int32]
    /// Each node's number of partners.
    let degree: [Int]

    /// The partners of every node of `graph` (self-loops and repeated neighbours dropped).
    init(_ graph: Graph) {
        var offsets: [Int32] = [0]
        var targets: [Int32] = []
        offsets.reserveCapacity(graph.nodeCount + 1)
        targets.reserveCapacity(graph.arcCount)
        for x in 0..<graph.nodeCount {
            var last: Int32 = -1
            for t in graph.neighbors(of: x) where Int(t) != x && t != last {
                targets.append(t); last = t
            }
            offsets.append(Int32(targets.count))
        }
        self.offsets = offsets
        self.targets = targets
        self.degree = (0..<offsets.count - 1).map { Int(offsets[$0 + 1] - offsets[$0]) }
    }

    /// The rows of a symmetric set of pairs given as ``PartnerScorer/pairKey(_:_:)`` keys.
    init(pairs: Set<Int>, nodeCount n: Int) {
        var rows = [[Int32]](repeating: [], count: n)
        for key in pairs {
            let a = key >> 32, b = key & 0xFFFF_FFFF
            guard a < n, b < n else { continue }
            rows[a].append(Int32(b))
            if a != b { rows[b].append(Int32(a)) }
        }
        var offsets: [Int32] = [0]
        var targets: [Int32] = []
        for row in rows {
            targets.append(contentsOf: row.sorted())
            offsets.append(Int32(targets.count))
        }
        self.offsets = offsets
        self.targets = targets
        self.degree = (0..<offsets.count - 1).map { Int(offsets[$0 + 1] - offsets[$0]) }
    }

    /// The partners of `x`.
    func neighbours(of x: Int) -> ArraySlice<Int32> {
        targets[Int(offsets[x])..<Int(offsets[x + 1])]
    }

    /// The partners `u` and `v` share, ascending.
    func common(_ u: Int, _ v: Int) -> [Int] {
        // Both rows are ascending: one merge.
        let a = neighbours(of: u), b = neighbours(of: v)
        var result: [Int] = []
        var i = a.startIndex, j = b.startIndex
        while i < a.endIndex && j < b.endIndex {
            if a[i] == b[j] {
                if Int(a[i]) != u && Int(a[i]) != v { result.append(Int(a[i])) }
                i += 1; j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }

    /// Common-partner counts, Adamic–Adar and resource-allocation sums of every node with
    /// `u`, and every node's number of partners, from the walk u → z → v (also what
    /// ``NeighbourhoodScores`` reports).
    func scores(from u: Int) -> (count: [Int], adamicAdar: [Double], resourceAllocation: [Double], degree: [Int]) {
        let n = offsets.count - 1
        var count = [Int](repeating: 0, count: n)
        var aa = [Double](repeating: 0, count: n)
        var ra = [Double](repeating: 0, count: n)
        for z in neighbours(of: u) {
            let kz = Double(degree[Int(z)])
            for v in neighbours(of: Int(z)) where Int(v) != u {
                count[Int(v)] += 1
                aa[Int(v)] += 1 / log(kz)
                ra[Int(v)] += 1 / kz
            }
        }
        return (count, aa, ra, degree)
    }
}
