import Foundation
import GraphAlgorithms
import GraphCore

/// Ranking quality of one way of scoring partners, averaged over cities and then over splits.
public struct PartnerMetrics: Sendable, Equatable, Codable {
    /// Probability that a held-out partner outscores a non-partner (ties count ½).
    public var auc: Double
    /// Expected share of the top 10 candidates that are held-out partners.
    public var precisionAt10: Double
    /// Expected share of the top 20 candidates that are held-out partners.
    public var precisionAt20: Double
    /// Expected share of the held-out partners found in the top 10.
    public var recallAt10: Double
    /// Expected share of the held-out partners found in the top 20.
    public var recallAt20: Double

    /// All metrics 0 (the start of a sum).
    public static let zero = PartnerMetrics(auc: 0, precisionAt10: 0, precisionAt20: 0, recallAt10: 0, recallAt20: 0)

    /// The tuning objective: AUC + recall@10 + recall@20 (how well the whole list separates
    /// partners from non-partners, plus how often a held-out partner reaches the top 10 and 20).
    public var objective: Double { auc + recallAt10 + recallAt20 }

    static func + (a: Self, b: Self) -> Self {
        PartnerMetrics(
            auc: a.auc + b.auc, precisionAt10: a.precisionAt10 + b.precisionAt10,
            precisionAt20: a.precisionAt20 + b.precisionAt20, recallAt10: a.recallAt10 + b.recallAt10,
            recallAt20: a.recallAt20 + b.recallAt20)
    }

    static func / (a: Self, d: Double) -> Self {
        PartnerMetrics(
            auc: a.auc / d, precisionAt10: a.precisionAt10 / d, precisionAt20: a.precisionAt20 / d,
            recallAt10: a.recallAt10 / d, recallAt20: a.recallAt20 / d)
    }
}

/// Link-prediction evaluation of the partner scores on held-out links.
///
/// Protocol, for each seed:
/// 1. Take the existing cooperation links (sister-city and partnership; one per linked pair)
///    and hold out a random share (`holdout`, default 10 %, at least one) chosen by a
///    Fisher–Yates shuffle driven by `SeededGenerator`(seed:).
/// 2. Build the training graph from the rest and compute the community labels on it
///    (never on the whole graph).
/// 3. **Per city**: for every city u with at least one held-out link, rank all cities not
///    linked to u in the training graph, exactly as `uccn partners` would (normalised over
///    all other cities). Positives are u's held-out partners; negatives are cities not
///    linked to u at all. Compute AUC, precision@k = (held-out partners in the top k) / k
///    and recall@k = (held-out partners in the top k) / (u's held-out partners). Ties are
///    resolved in expectation: a group of equal scores straddling position k contributes
///    its positives in proportion to the places left, so the order of ids does not matter.
/// 4. Average over those cities (each held-out link counts once from each end).
///
/// Metrics are then averaged over seeds; ``PartnerEvaluationRow/spread`` is the standard
/// deviation of the per-seed AUC.
public struct PartnerEvaluation: Sendable {
    /// One prepared split: the evidence of every evaluated city on its training graph.
    struct Split: Sendable {
        struct CityCase: Sendable {
            /// Normalised scores of each candidate (not linked in training), flattened
            /// `candidates × scores`.
            let features: [Double]
            let isPositive: [Bool]
            let positives: Int
        }
        let cases: [CityCase]
        let heldOut: Int
    }

    /// The cities and links the evaluation holds links out of.
    public let dataset: CreativeCitiesDataset
    /// The seeds of the held-out splits; metrics are averaged over them.
    public let seeds: [UInt64]
    /// The share of each city's existing links held out (e.g. 0.2).
    public let holdout: Double
    let splits: [Split]

    /// How the community labels of each training graph are computed.
    public let communities: PartnerCommunities

    /// Prepares the splits. `communities` says how labels are computed on each training
    /// graph (default: Leiden, seed 42, as `uccn partners`); given `.labels` are not
    /// allowed, as they would come from the whole graph, and fall back to the default.
    public init(
        dataset: CreativeCitiesDataset, seeds: [UInt64], holdout: Double = 0.1,
        communities: PartnerCommunities = .standard
    ) {
        let communities: PartnerCommunities = {
            if case .labels = communities { return .standard }
            return communities
        }()
        self.communities = communities
        self.dataset = dataset
        self.seeds = seeds
        self.holdout = holdout
        let full = dataset.graph(including: LinkKind.existing)
        let edges = full.edges().map { ($0.source, $0.target) }
        let referenceYear = PartnerScorer.latestYear(of: dataset.cities)
        let scoreCount = PartnerScore.allCases.count
        var splits: [Split] = []
        for seed in seeds {
            var rng = SeededGenerator(seed: seed)
            var order = Array(edges.indices)
            // Fisher–Yates with the project's generator (portable, unlike `shuffle(using:)`'s
            // unspecified algorithm).
            if order.count > 1 {
                for i in stride(from: order.count - 1, to: 0, by: -1) {
                    let j = Int(rng.next() % UInt64(i + 1))
                    order.swapAt(i, j)
                }
            }
            let heldCount = min(edges.count, max(1, Int((holdout * Double(edges.count)).rounded())))
            let held = order.prefix(heldCount).map { edges[$0] }
            let heldSet = Set(order.prefix(heldCount))
            var builder = GraphBuilder(directed: false, weighted: false, selfLoops: .drop, duplicates: .first)
            for c in dataset.cities { _ = try? builder.addUniqueNode(c.id) }
            for (i, e) in edges.enumerated() where !heldSet.contains(i) { try? builder.addEdge(e.0, e.1) }
            guard let training = try? builder.build() else { continue }
            let scorer = PartnerScorer(
                cities: dataset.cities, graph: training, communityLabels: communities.labels(for: training),
                referenceYear: referenceYear)
            var heldPartners: [Int: Set<Int>] = [:]
            for (a, b) in held {
                heldPartners[a, default: []].insert(b)
                heldPartners[b, default: []].insert(a)
            }
            var cases: [Split.CityCase] = []
            for u in heldPartners.keys.sorted() {
                let positives = heldPartners[u] ?? []
                var features: [Double] = []
                var isPositive: [Bool] = []
                for e in scorer.evidence(for: u) where !e.isLinked {
                    features.append(contentsOf: e.normalized)
                    isPositive.append(positives.contains(e.candidate))
                }
                precondition(features.count == isPositive.count * scoreCount)
                cases.append(Split.CityCase(features: features, isPositive: isPositive, positives: positives.count))
            }
            splits.append(Split(cases: cases, heldOut: heldCount))
        }
        self.splits = splits
    }

    /// Held-out links per split.
    public var heldOutCounts: [Int] { splits.map(\.heldOut) }
    /// Cities evaluated per split.
    public var cityCounts: [Int] { splits.map(\.cases.count) }

    /// Metrics of `weights` per split.
    public func metricsPerSplit(_ weights: PartnerWeights) -> [PartnerMetrics] {
        let w = PartnerScore.allCases.map { weights[$0] }
        let scoreCount = w.count
        return splits.map { split in
            var sum = PartnerMetrics.zero
            for c in split.cases {
                let n = c.isPositive.count
                var scores = [Double](repeating: 0, count: n)
                for i in 0..<n {
                    var s = 0.0
                    let base = i * scoreCount
                    for k in 0..<scoreCount where w[k] != 0 { s += w[k] * c.features[base + k] }
                    scores[i] = s
                }
                sum = sum + Self.metrics(scores: scores, isPositive: c.isPositive)
            }
            return split.cases.isEmpty ? .zero : sum / Double(split.cases.count)
        }
    }

    /// Mean metrics of `weights` over the splits.
    public func metrics(_ weights: PartnerWeights) -> PartnerMetrics {
        let per = metricsPerSplit(weights)
        return per.isEmpty ? .zero : per.reduce(.zero, +) / Double(per.count)
    }

    /// AUC, precision@10/20 and recall@10/20 of one ranking, ties resolved in expectation.
    static func metrics(scores: [Double], isPositive: [Bool]) -> PartnerMetrics {
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        let positives = isPositive.filter { $0 }.count
        let negatives = isPositive.count - positives
        guard positives > 0 else { return .zero }
        // Walk groups of equal score from the top.
        var seen = 0, positivesAbove = 0, negativesBelowSum = 0.0
        var hits10 = 0.0, hits20 = 0.0
        var i = 0
        while i < order.count {
            var j = i
            var groupPositives = 0
            while j < order.count && scores[order[j]] == scores[order[i]] {
                if isPositive[order[j]] { groupPositives += 1 }
                j += 1
            }
            let size = j - i
            let groupNegatives = size - groupPositives
            // AUC: each positive beats negatives below it, ties with its group's negatives.
            let negativesBelow = negatives - (seen - positivesAbove) - groupNegatives
            negativesBelowSum += Double(groupPositives) * (Double(negativesBelow) + 0.5 * Double(groupNegatives))
            for (k, hits) in [(10, 0), (20, 1)] {
                let room = max(0, min(size, k - seen))
                let expected = Double(groupPositives) * Double(room) / Double(size)
                if hits == 0 { hits10 += expected } else { hits20 += expected }
            }
            seen += size
            positivesAbove += groupPositives
            i = j
        }
        let auc = negatives > 0 ? negativesBelowSum / (Double(positives) * Double(negatives)) : 1
        return PartnerMetrics(
            auc: auc, precisionAt10: hits10 / 10, precisionAt20: hits20 / 20,
            recallAt10: hits10 / Double(positives), recallAt20: hits20 / Double(positives))
    }

    /// Coordinate ascent on the weights, maximising ``PartnerMetrics/objective`` over these
    /// splits: for each score in turn, try each value of `grid` and keep the best (the
    /// current value wins ties); repeat `rounds` times or until nothing changes. Scores in
    /// `fixed` keep their starting weight. Deterministic.
    public func tune(
        from start: PartnerWeights = .defaults, fixed: Set<PartnerScore> = [],
        grid: [Double] = [0, 0.25, 0.5, 1, 2, 4, 8], rounds: Int = 3
    ) -> (weights: PartnerWeights, metrics: PartnerMetrics) {
        var best = start
        var bestObjective = metrics(best).objective
        for _ in 0..<rounds {
            var changed = false
            for score in PartnerScore.allCases where !fixed.contains(score) {
                for value in grid where value != best[score] {
                    var trial = best
                    trial[score] = value
                    guard trial.totalMagnitude > 0 else { continue }
                    let objective = metrics(trial).objective
                    if objective > bestObjective + 1e-12 {
                        best = trial
                        bestObjective = objective
                        changed = true
                    }
                }
            }
            if !changed { break }
        }
        return (best, metrics(best))
    }

    /// The evaluation table: every score on its own, then the combined `weights`.
    public func table(weights: PartnerWeights = .defaults) -> [PartnerEvaluationRow] {
        var rows: [PartnerEvaluationRow] = []
        for score in PartnerScore.allCases {
            rows.append(
                row(name: score.title, kind: score.isNetworkScore ? .network : .attribute, weights: .only(score)))
        }
        rows.append(row(name: "combined", kind: .combined, weights: weights))
        return rows
    }

    func row(name: String, kind: PartnerEvaluationRow.Kind, weights: PartnerWeights) -> PartnerEvaluationRow {
        let per = metricsPerSplit(weights)
        let mean = per.isEmpty ? .zero : per.reduce(.zero, +) / Double(per.count)
        let variance =
            per.isEmpty ? 0 : per.reduce(0) { $0 + ($1.auc - mean.auc) * ($1.auc - mean.auc) } / Double(per.count)
        return PartnerEvaluationRow(name: name, kind: kind, metrics: mean, spread: variance.squareRoot())
    }
}

/// One line of the evaluation table.
public struct PartnerEvaluationRow: Sendable, Equatable, Codable {
    /// Whether the row is one network score, one attribute score, or the weighted combination.
    public enum Kind: String, Sendable, Codable { case network, attribute, combined }
    /// The score's name (`common-partners`, …, or `combined`).
    public let name: String
    /// Network score, attribute score or the combination.
    public let kind: Kind
    /// AUC, precision and recall averaged over the seeds.
    public let metrics: PartnerMetrics
    /// Standard deviation of the per-seed AUC.
    public let spread: Double
}
