import GraphCore

/// How reproducible a randomised community detection is: an ensemble of runs with
/// different seeds, compared with a reference partition.
///
/// Definitions (`R` runs with partitions `P_1 … P_R`, reference partition `P*`):
/// * **Co-assignment frequency** of nodes `i` and `j`: the fraction of runs that put them
///   in the same community, `f(i, j) = |{r : P_r(i) = P_r(j)}| / R`.
/// * **Node stability** of `i`: the mean of `f(i, j)` over the other members `j` of its
///   reference community (how firmly `i` stays with the community it was given). For a
///   node alone in its reference community it is the fraction of runs that leave it
///   alone too.
/// * **Community stability** of a reference community `C`: the mean of `f(i, j)` over the
///   unordered pairs of its members (equivalently the mean node stability of its
///   members); for a single-node community, that node's stability. 1 means every run
///   kept `C` together; it does not penalise runs that add outside nodes to `C`.
///
/// The reference is the run with the base seed itself (the partition a single run with
/// that seed prints); the ensemble uses `R` further seeds derived from it,
/// `SeededGenerator(seed: seed, stream: r).next()` for `r = 1 … R`.
///
/// Runs execute in parallel in a task group, at most `maxConcurrency` at a time, each
/// writing only its own slot; results are combined in run order, so the numbers do not
/// depend on the number of threads or on scheduling.
///
/// - Complexity: `R + 1` detector runs, then O(R · n) to compute every stability (the
///   pair means come from per-run contingency counts, not from all pairs).
public struct CommunityStability: Sendable {
    /// The partition the stabilities refer to.
    public let reference: Partition
    /// The ensemble's partitions, in run order.
    public let runs: [Partition]
    /// The seed of each ensemble run.
    public let seeds: [UInt64]
    /// Stability of each reference community, indexed by its label.
    public let communityStability: [Double]
    /// Stability of each node.
    public let nodeStability: [Double]

    /// The seeds of an ensemble of `count` runs derived from `seed`.
    public static func ensembleSeeds(seed: UInt64, count: Int) -> [UInt64] {
        (0..<max(count, 0)).map { r in
            var generator = SeededGenerator(seed: seed, stream: UInt64(r + 1))
            return generator.next()
        }
    }

    /// Runs `detector` with `seed` (the reference) and with `runs` derived seeds.
    ///
    /// - Parameters:
    ///   - detector: the algorithm (Leiden, Louvain, …).
    ///   - graph: the graph.
    ///   - seed: the reference run's seed; the others derive from it.
    ///   - runs: how many further runs.
    ///   - maxConcurrency: how many runs may execute at once (at least 1).
    public static func measure(
        _ detector: any CommunityDetector, on graph: Graph, seed: UInt64, runs: Int, maxConcurrency: Int
    ) async -> CommunityStability {
        let seeds = ensembleSeeds(seed: seed, count: runs)
        let all = [seed] + seeds
        let partitions = await withTaskGroup(of: (Int, Partition).self) { group in
            var results = [Partition?](repeating: nil, count: all.count)
            var nextIndex = 0
            let width = max(1, maxConcurrency)
            while nextIndex < min(width, all.count) {
                let i = nextIndex, s = all[i]
                group.addTask { (i, detector.partition(of: graph, seed: s)) }
                nextIndex += 1
            }
            while let (i, partition) = await group.next() {
                results[i] = partition
                if nextIndex < all.count {
                    let j = nextIndex, s = all[j]
                    group.addTask { (j, detector.partition(of: graph, seed: s)) }
                    nextIndex += 1
                }
            }
            return results.compactMap { $0 }
        }
        return CommunityStability(reference: partitions[0], runs: Array(partitions.dropFirst()), seeds: seeds)
    }

    /// Stabilities of `reference` against already computed `runs`.
    public init(reference: Partition, runs: [Partition], seeds: [UInt64] = []) {
        self.reference = reference
        self.runs = runs
        self.seeds = seeds
        let n = reference.nodeCount
        let k = reference.count
        var nodeSum = [Double](repeating: 0, count: n)
        var pairSum = [Double](repeating: 0, count: k)
        // Per run, count the members of each reference community found in each run
        // community: node i is together with (count − 1) other members in that run.
        var counts: [Int: Int] = [:]
        for run in runs {
            counts.removeAll(keepingCapacity: true)
            for i in 0..<n {
                let key = Int(reference.labels[i]) &* run.count &+ Int(run.labels[i])
                counts[key, default: 0] += 1
            }
            for i in 0..<n {
                let c = Int(reference.labels[i])
                let size = reference.sizes[c]
                let key = c &* run.count &+ Int(run.labels[i])
                let together = Double((counts[key] ?? 1) - 1)
                if size > 1 {
                    nodeSum[i] += together / Double(size - 1)
                    pairSum[c] += together / Double(size - 1)
                } else {
                    let alone = run.sizes[Int(run.labels[i])] == 1 ? 1.0 : 0.0
                    nodeSum[i] += alone
                    pairSum[c] += alone
                }
            }
        }
        let r = Double(max(runs.count, 1))
        let empty = runs.isEmpty
        nodeStability = nodeSum.map { empty ? 1 : $0 / r }
        communityStability = (0..<k).map { c in
            empty ? 1 : pairSum[c] / r / Double(reference.sizes[c])
        }
    }

    /// Fraction of the ensemble's runs that put `i` and `j` in the same community.
    public func coAssignment(_ i: Int, _ j: Int) -> Double {
        guard !runs.isEmpty else { return reference.labels[i] == reference.labels[j] ? 1 : 0 }
        var together = 0
        for run in runs where run.labels[i] == run.labels[j] { together += 1 }
        return Double(together) / Double(runs.count)
    }

    /// Co-assignment frequency of `node` with each other member of its reference
    /// community, in ascending node order.
    public func coAssignments(of node: Int) -> [(node: Int, frequency: Double)] {
        let c = reference.labels[node]
        var result: [(node: Int, frequency: Double)] = []
        for j in 0..<reference.nodeCount where j != node && reference.labels[j] == c {
            result.append((j, coAssignment(node, j)))
        }
        return result
    }

    /// Mean community stability weighted by community size (the mean node stability).
    public var meanNodeStability: Double {
        nodeStability.isEmpty ? 1 : nodeStability.reduce(0, +) / Double(nodeStability.count)
    }

    /// Fraction of runs whose partition equals the reference exactly.
    public var identicalFraction: Double {
        runs.isEmpty ? 1 : Double(runs.filter { $0 == reference }.count) / Double(runs.count)
    }
}
