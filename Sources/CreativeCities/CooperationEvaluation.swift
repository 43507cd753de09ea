import Foundation
import GraphAlgorithms
import GraphCore

/// How well a ranking finds held-out partners: averaged over held-out (city, partner)
/// queries, then over splits.
public struct RankingMetrics: Sendable, Equatable, Codable {
    /// Share of queries whose partner is in the top 10.
    public var hitsAt10: Double
    /// Share of queries whose partner is in the top 20.
    public var hitsAt20: Double
    /// Mean of 1 / rank.
    public var meanReciprocalRank: Double
    /// Median rank of the partner.
    public var medianRank: Double
    /// Probability that the partner outscores a candidate that is not a partner (ties ½).
    public var auc: Double

    public static let zero = RankingMetrics(hitsAt10: 0, hitsAt20: 0, meanReciprocalRank: 0, medianRank: 0, auc: 0)
}

/// One line of the cooperation evaluation table.
public struct CooperationEvaluationRow: Sendable, Equatable {
    public enum Kind: String, Sendable { case signal, baseline, twinning, fitted }
    public let name: String
    public let kind: Kind
    public let metrics: RankingMetrics
    /// Standard deviation over splits of hits@20 and of MRR.
    public let hitsAt20Spread: Double
    public let reciprocalRankSpread: Double
}

/// Evaluation of partner rankings for the `cooperation` goal on held-out documented
/// cooperation, with the weights fitted on each split's training pairs only.
///
/// Protocol, for each seed:
/// 1. The documented cooperation pairs (`cooperation.csv` and partnership links, one per
///    pair) are shuffled by Fisher–Yates with `SeededGenerator(seed:)` and a share
///    (`holdout`, default 20 %) is held out.
/// 2. The training cooperation graph is the rest. Every cooperation score (shared
///    cooperation partners, paths, documented activity, field affinity) is computed on it;
///    sister-city links, stated intentions and the cities' attributes are not cooperation
///    evidence and stay. The held-out pairs are never in the training graph nor among the
///    fit's chosen partners (``Split/fitPositives``), which a test checks.
/// 3. The weights are fitted by ``ConditionalLogit`` on the training pairs: one group per
///    (city, training partner), the partner against every city the city does not cooperate
///    with in training, scored as if the pair's own link were unknown.
/// 4. Each held-out pair gives two queries, one from each end: the city ranks every city it
///    does not cooperate with in training, except its other held-out partners (filtered
///    ranking). Ties are resolved in expectation: hits@k is the probability of being in the
///    top k under a random order of equal scores, the reciprocal rank its expectation; the
///    median uses the mid-rank.
/// 5. Rankings: each signal alone, the fitted weights, today's `twinning` weights (on
///    sister-city and training partnership links) and two baselines.
///
/// Metrics are averaged over the queries of a split, then over seeds.
public struct CooperationEvaluation: Sendable {
    /// One prepared split.
    public struct Split: Sendable {
        public let seed: UInt64
        /// Held-out pairs, as ``PartnerScorer/pairKey(_:_:)``.
        public let heldOut: Set<Int>
        /// The pairs of the training cooperation graph.
        public let trainingPairs: Set<Int>
        /// The pairs chosen in the fit's groups.
        public let fitPositives: Set<Int>
        /// Weights fitted on this split's training pairs.
        public let fitted: PartnerWeights
        /// Held-out queries: normalised cooperation scores of the candidates, flattened
        /// `candidates × scores`, and the partner's position.
        let queries: [Query]
        /// The same queries scored by the twinning scorer.
        let twinningQueries: [Query]
    }

    struct Query: Sendable {
        let features: [Double]
        let positive: Int
        init(features: [Double], positive: Int) {
            self.features = features
            self.positive = positive
        }
    }

    /// The scores the `cooperation` goal fits.
    public static let fittedScores: [PartnerScore] = [
        .sameField, .fieldAffinity, .complementaryField, .cooperationPartners, .cooperationPathProximity,
        .documentedActivity, .subnetworkActivity, .sameRegion, .sameCountry, .geographicProximity, .membershipYears,
        .sisterCityLink,
        .commonPartners, .preferentialAttachment, .statedIntention,
    ]

    /// The L2 penalty of the fit.
    public static let defaultPenalty = 1.0

    /// "Same field, then nearest": same field first, then by distance.
    public static let sameFieldThenNearest = PartnerWeights(values: [.sameField: 1, .geographicProximity: 0.5])
    /// "Same field, then most documented cooperation".
    public static let sameFieldThenMostActive = PartnerWeights(values: [.sameField: 1, .documentedActivity: 0.5])

    public let dataset: CreativeCitiesDataset
    public let seeds: [UInt64]
    public let holdout: Double
    public let penalty: Double
    public let splits: [Split]

    /// The documented cooperation pairs of `dataset` (cooperation and partnership links).
    public static func cooperationPairs(of dataset: CreativeCitiesDataset) -> [Int] {
        var pairs: Set<Int> = []
        for link in dataset.links where LinkKind.documentedCooperation.contains(link.kind) {
            guard let a = dataset.index(ofCity: link.sourceID), let b = dataset.index(ofCity: link.targetID), a != b
            else { continue }
            pairs.insert(PartnerScorer.pairKey(a, b))
        }
        return pairs.sorted()
    }

    public init(
        dataset: CreativeCitiesDataset, seeds: [UInt64], holdout: Double = 0.2, penalty: Double = defaultPenalty
    ) {
        self.dataset = dataset
        self.seeds = seeds
        self.holdout = holdout
        self.penalty = penalty
        let pairs = Self.cooperationPairs(of: dataset)
        let sisterLabels = Self.sisterLabels(dataset)
        var splits: [Split] = []
        for seed in seeds {
            var rng = SeededGenerator(seed: seed)
            var order = Array(pairs.indices)
            if order.count > 1 {
                for i in stride(from: order.count - 1, to: 0, by: -1) {
                    let j = Int(rng.next() % UInt64(i + 1))
                    order.swapAt(i, j)
                }
            }
            let heldCount = min(pairs.count, max(1, Int((holdout * Double(pairs.count)).rounded())))
            let held = Set(order.prefix(heldCount).map { pairs[$0] })
            splits.append(
                Self.split(dataset: dataset, seed: seed, heldOut: held, penalty: penalty, sisterLabels: sisterLabels))
        }
        self.splits = splits
    }

    /// Fits the `cooperation` weights on every documented pair (the committed defaults).
    public static func fitAll(dataset: CreativeCitiesDataset, penalty: Double = defaultPenalty) -> PartnerWeights {
        let scorer = cooperationScorer(dataset: dataset, heldOut: [], sisterLabels: sisterLabels(dataset))
        return fit(scorer: scorer, penalty: penalty).weights
    }

    /// Leiden labels (seed 42) of the sister-city graph, which no split changes.
    static func sisterLabels(_ dataset: CreativeCitiesDataset) -> [Int32] {
        PartnerCommunities.standard.labels(for: dataset.graph(including: [.sisterCity]))
    }

    /// The cooperation scorer with `heldOut` pairs left out of the cooperation graph.
    static func cooperationScorer(
        dataset: CreativeCitiesDataset, heldOut: Set<Int>, sisterLabels: [Int32]
    )
        -> PartnerScorer
    {
        let layers = Set(LinkKind.allCases)
        let context = CooperationContext(dataset: dataset, layers: layers, leavingOut: heldOut)
        let sister = dataset.graph(including: [.sisterCity])
        return PartnerScorer(
            cities: dataset.cities, graph: sister, communityLabels: sisterLabels,
            cooperationGraph: context.cooperationGraph, sisterCityPairs: context.sisterCityPairs,
            intentionPairs: context.intentionPairs)
    }

    /// Fits on every cooperation pair of `scorer`'s cooperation graph.
    static func fit(scorer: PartnerScorer, penalty: Double) -> (weights: PartnerWeights, positives: Set<Int>) {
        let positions = fittedScores.compactMap { PartnerEvidence.position[$0] }
        var groups: [ConditionalLogit.Group] = []
        var positives: Set<Int> = []
        let graph = scorer.cooperationGraph
        for u in 0..<scorer.cities.count where graph.degree(of: u) > 0 {
            let evidence = scorer.evidence(for: u)
            var negatives: [Double] = []
            var partners: [[Double]] = []
            for e in evidence {
                let x = positions.map { e.normalized[$0] }
                if e.isCooperating {
                    partners.append(x)
                    positives.insert(PartnerScorer.pairKey(u, e.candidate))
                } else {
                    negatives.append(contentsOf: x)
                }
            }
            for x in partners { groups.append(ConditionalLogit.Group(features: x + negatives, chosen: 0)) }
        }
        let w = ConditionalLogit(dimension: positions.count, penalty: penalty).fit(groups)
        var weights = PartnerWeights.zero
        for (k, score) in fittedScores.enumerated() { weights[score] = w[k] }
        return (weights, positives)
    }

    static func split(
        dataset: CreativeCitiesDataset, seed: UInt64, heldOut: Set<Int>, penalty: Double, sisterLabels: [Int32]
    ) -> Split {
        let scorer = cooperationScorer(dataset: dataset, heldOut: heldOut, sisterLabels: sisterLabels)
        let (fitted, positives) = fit(scorer: scorer, penalty: penalty)
        var training: Set<Int> = []
        scorer.cooperationGraph.forEachEdge { a, b, _ in training.insert(PartnerScorer.pairKey(a, b)) }
        // Today's twinning ranking: sister-city and training partnership links.
        var builder = GraphBuilder(directed: false, weighted: false, selfLoops: .drop, duplicates: .first)
        for c in dataset.cities { _ = try? builder.addUniqueNode(c.id) }
        for link in dataset.links where LinkKind.existing.contains(link.kind) {
            guard let a = dataset.index(ofCity: link.sourceID), let b = dataset.index(ofCity: link.targetID) else {
                continue
            }
            if link.kind == .partnership && heldOut.contains(PartnerScorer.pairKey(a, b)) { continue }
            try? builder.addEdge(a, b)
        }
        let twinningGraph =
            (try? builder.build())
            ?? Graph(isDirected: false, offsets: [0], targets: [], weights: nil, ids: [], edgeCount: 0)
        let twinning = PartnerScorer(
            cities: dataset.cities, graph: twinningGraph,
            communityLabels: PartnerCommunities.standard.labels(for: twinningGraph),
            cooperationGraph: scorer.cooperationGraph, sisterCityPairs: scorer.sisterCityPairs,
            intentionPairs: scorer.intentionPairs)
        var heldPartners: [Int: Set<Int>] = [:]
        for key in heldOut {
            let a = key >> 32, b = key & 0xFFFF_FFFF
            heldPartners[a, default: []].insert(b)
            heldPartners[b, default: []].insert(a)
        }
        var queries: [Query] = []
        var twinningQueries: [Query] = []
        for u in heldPartners.keys.sorted() {
            let partners = heldPartners[u] ?? []
            let evidence = scorer.evidence(for: u)
            let twinningEvidence = twinning.evidence(for: u)
            for v in partners.sorted() {
                // Candidates: not cooperating with u in training, not u's other held-out partners.
                func query(_ source: [PartnerEvidence]) -> Query? {
                    var features: [Double] = []
                    var positive = -1
                    var count = 0
                    for (index, e) in source.enumerated() where !evidence[index].isCooperating {
                        if e.candidate != v && partners.contains(e.candidate) { continue }
                        if e.candidate == v { positive = count }
                        features.append(contentsOf: e.normalized)
                        count += 1
                    }
                    return positive >= 0 ? Query(features: features, positive: positive) : nil
                }
                if let q = query(evidence) { queries.append(q) }
                if let q = query(twinningEvidence) { twinningQueries.append(q) }
            }
        }
        return Split(
            seed: seed, heldOut: heldOut, trainingPairs: training, fitPositives: positives, fitted: fitted,
            queries: queries, twinningQueries: twinningQueries)
    }

    /// Metrics of one ranking on one split's queries.
    static func metrics(_ queries: [Query], score: ([Double], Int) -> Double) -> RankingMetrics {
        let d = PartnerScore.allCases.count
        var hits10 = 0.0, hits20 = 0.0, reciprocal = 0.0, auc = 0.0
        var midRanks: [Double] = []
        for q in queries {
            let n = q.features.count / d
            let s = (0..<n).map { score(q.features, $0 * d) }
            let target = s[q.positive]
            var higher = 0, ties = 0
            for (c, value) in s.enumerated() where c != q.positive {
                if value > target { higher += 1 } else if value == target { ties += 1 }
            }
            let negatives = n - 1
            let lower = negatives - higher - ties
            // Rank is uniform on higher+1 … higher+ties+1.
            let first = higher + 1, last = higher + ties + 1
            let size = Double(last - first + 1)
            func share(atMost k: Int) -> Double { Double(max(0, min(last, k) - first + 1)) / size }
            hits10 += share(atMost: 10)
            hits20 += share(atMost: 20)
            var rr = 0.0
            for r in first...last { rr += 1 / Double(r) }
            reciprocal += rr / size
            midRanks.append(Double(first + last) / 2)
            auc += negatives > 0 ? (Double(lower) + 0.5 * Double(ties)) / Double(negatives) : 1
        }
        guard !queries.isEmpty else { return .zero }
        let m = Double(queries.count)
        midRanks.sort()
        let median =
            midRanks.count % 2 == 1
            ? midRanks[midRanks.count / 2] : (midRanks[midRanks.count / 2 - 1] + midRanks[midRanks.count / 2]) / 2
        return RankingMetrics(
            hitsAt10: hits10 / m, hitsAt20: hits20 / m, meanReciprocalRank: reciprocal / m, medianRank: median,
            auc: auc / m)
    }

    static func linear(_ weights: PartnerWeights) -> ([Double], Int) -> Double {
        let w = PartnerScore.allCases.map { weights[$0] }
        return { x, base in
            var s = 0.0
            for k in w.indices where w[k] != 0 { s += w[k] * x[base + k] }
            return s
        }
    }

    /// A row from per-split metrics.
    static func row(
        _ name: String, _ kind: CooperationEvaluationRow.Kind, _ per: [RankingMetrics]
    )
        -> CooperationEvaluationRow
    {
        let n = Double(max(1, per.count))
        func mean(_ key: KeyPath<RankingMetrics, Double>) -> Double { per.reduce(0) { $0 + $1[keyPath: key] } / n }
        func sd(_ key: KeyPath<RankingMetrics, Double>) -> Double {
            let m = mean(key)
            return (per.reduce(0) { $0 + ($1[keyPath: key] - m) * ($1[keyPath: key] - m) } / n).squareRoot()
        }
        return CooperationEvaluationRow(
            name: name, kind: kind,
            metrics: RankingMetrics(
                hitsAt10: mean(\.hitsAt10), hitsAt20: mean(\.hitsAt20), meanReciprocalRank: mean(\.meanReciprocalRank),
                medianRank: mean(\.medianRank), auc: mean(\.auc)),
            hitsAt20Spread: sd(\.hitsAt20), reciprocalRankSpread: sd(\.meanReciprocalRank))
    }

    /// Metrics of fixed `weights` on the cooperation scores, per split.
    public func metricsPerSplit(_ weights: PartnerWeights) -> [RankingMetrics] {
        splits.map { Self.metrics($0.queries, score: Self.linear(weights)) }
    }

    /// Metrics of each split's own fitted weights, per split.
    public func fittedMetricsPerSplit() -> [RankingMetrics] {
        splits.map { Self.metrics($0.queries, score: Self.linear($0.fitted)) }
    }

    /// The table: each signal alone, the two baselines, today's twinning ranking, then the
    /// fitted ranking.
    public func table() -> [CooperationEvaluationRow] {
        var rows: [CooperationEvaluationRow] = []
        for score in Self.fittedScores {
            rows.append(Self.row(score.title, .signal, metricsPerSplit(.only(score))))
        }
        rows.append(Self.row("same field, then nearest", .baseline, metricsPerSplit(Self.sameFieldThenNearest)))
        rows.append(
            Self.row(
                "same field, then most documented cooperation", .baseline,
                metricsPerSplit(Self.sameFieldThenMostActive)))
        rows.append(
            Self.row(
                "twinning weights (the previous default)", .twinning,
                splits.map { Self.metrics($0.twinningQueries, score: Self.linear(.defaults)) }))
        rows.append(Self.row("fitted (cooperation)", .fitted, fittedMetricsPerSplit()))
        return rows
    }

    /// The standard deviation of each fitted weight over the splits.
    public func weightSpread() -> PartnerWeights {
        var spread = PartnerWeights.zero
        let n = Double(max(1, splits.count))
        for score in Self.fittedScores {
            let values = splits.map { $0.fitted[score] }
            let mean = values.reduce(0, +) / n
            spread[score] = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
        }
        return spread
    }
}
