import GraphCore

/// Louvain community detection: greedy modularity maximisation by local moving and
/// aggregation.
///
/// Each level visits the nodes in a random order (drawn from the seed) and moves each one
/// to the neighbouring community with the largest modularity gain
///
///     ΔQ(v → C) ∝ w(v, C) − γ · k_v · K_C / 2m
///
/// (`w(v, C)`: weight of the edges from `v` into `C`; `k_v`: strength of `v`; `K_C`: total
/// strength of `C` without `v`; `2m`: total arc weight), repeating sweeps until no node
/// moves, a sweep raises `Q` by less than ``tolerance`` (10⁻⁶ by default, the original
/// implementation's ε), or after ``maxSweepsPerLevel`` sweeps (32, as NetworKit's PLM:
/// on graphs without clear communities, such as Barabási–Albert graphs, hundreds of
/// sweeps would otherwise each move a few hundred nodes, and aggregating earlier gives a
/// better Q there). Then every community becomes one node of a new graph (edge weights
/// summed, inside weights kept as self-loops) and the procedure repeats until a level
/// moves no node. The result maximises `Q = Σ_c [L_c/m − γ (d_c/2m)²]` (see ``Modularity``)
/// locally; communities may be internally disconnected (``Leiden`` fixes this).
///
/// Weights are strengths (the graph's weights when it has them). Directed graphs are
/// treated as undirected with reciprocal weights summed. Isolated nodes stay alone.
///
/// - Complexity: O(m) per sweep; in practice a few sweeps per level and O(log n) levels.
/// - Reference: Blondel, Guillaume, Lambiotte & Lefebvre, "Fast unfolding of communities
///   in large networks", J. Stat. Mech. (2008) P10008, doi:10.1088/1742-5468/2008/10/P10008.
public struct Louvain: CommunityDetector {
    /// The resolution γ (1 is classic modularity).
    public var resolution: Double
    /// A level stops when a sweep raises the modularity by less than this (Blondel et
    /// al.'s ε; 0 sweeps until no node moves).
    public var tolerance: Double
    /// Upper bound on sweeps per level (a safeguard; levels normally stop earlier).
    public var maxSweepsPerLevel: Int

    /// Louvain with resolution γ (`resolution`), Blondel et al.'s stopping threshold
    /// (`tolerance`) and a safeguard on sweeps per level.
    public init(resolution: Double = 1, tolerance: Double = 1e-6, maxSweepsPerLevel: Int = 32) {
        self.resolution = resolution
        self.tolerance = tolerance
        self.maxSweepsPerLevel = maxSweepsPerLevel
    }

    /// `"louvain"`.
    public var name: String { "louvain" }

    /// The communities of the last level, found from `seed`'s visiting order.
    public func partition(of graph: Graph, seed: UInt64) -> Partition {
        var rng = SeededGenerator(seed: seed)
        var work = CommunityGraph(graph)
        let quality = QualityFunction.modularity(resolution: resolution)
        let n = work.nodeCount
        var flat = (0..<n).map { Int32($0) }
        while true {
            var membership = (0..<work.nodeCount).map { Int32($0) }
            let moved = Self.moveNodes(
                work, membership: &membership, quality: quality, rng: &rng, maxSweeps: maxSweepsPerLevel,
                tolerance: tolerance)
            if !moved { break }
            let k = renumber(&membership)
            for i in 0..<n { flat[i] = membership[Int(flat[i])] }
            if k == work.nodeCount { break }
            work = work.aggregated(by: membership, communityCount: k)
        }
        return Partition(denseLabels: flat, communityCount: max(work.nodeCount, 1))
    }

    /// Sweeps over the nodes in one random order until no node moves. Returns whether
    /// any node moved.
    static func moveNodes(
        _ g: CommunityGraph, membership: inout [Int32], quality: QualityFunction,
        rng: inout SeededGenerator, maxSweeps: Int, tolerance: Double
    ) -> Bool {
        let n = g.nodeCount
        guard n > 1 else { return false }
        let nodeWeight = quality.nodeWeights(of: g)
        let scale = quality.scale(for: g)
        let epsilon = moveTolerance(g)
        let unit = g.unitWeights
        // A move's gain in ΔH units becomes ΔQ = 2·gain / 2m.
        let gainToQuality = g.totalArcWeight > 0 ? 2 / g.totalArcWeight : 0
        var communityWeight = [Double](repeating: 0, count: n)
        for v in 0..<n { communityWeight[Int(membership[v])] += nodeWeight[v] }
        var neighbourWeight = [Double](repeating: -1, count: n)
        var touched = [Int32](repeating: 0, count: n)
        let order = rng.permutation(n)
        var anyMove = false
        membership.withUnsafeMutableBufferPointer { memb in
            communityWeight.withUnsafeMutableBufferPointer { commW in
                neighbourWeight.withUnsafeMutableBufferPointer { nbrW in
                    touched.withUnsafeMutableBufferPointer { touchedList in
                        g.offsets.withUnsafeBufferPointer { off in
                            g.targets.withUnsafeBufferPointer { tgt in
                                g.weights.withUnsafeBufferPointer { wts in
                                    nodeWeight.withUnsafeBufferPointer { a in
                                        var sweep = 0
                                        while sweep < maxSweeps {
                                            sweep += 1
                                            var moves = 0
                                            var sweepGain = 0.0
                                            for i in 0..<n {
                                                let v = Int(order[i])
                                                // Start loading the next node's arcs and the
                                                // offsets of the one after.
                                                if i + 1 < n {
                                                    prefetchArcs(
                                                        of: Int(order[i + 1]), offsets: off, targets: tgt,
                                                        andOffsetsOf: i + 2 < n ? Int(order[i + 2]) : nil)
                                                }
                                                let cv = Int(memb[v])
                                                let touchedCount = gatherCommunityWeights(
                                                    of: v, in: cv, offsets: off, targets: tgt, weights: wts,
                                                    unit: unit, membership: UnsafeBufferPointer(memb),
                                                    into: nbrW, touched: touchedList)
                                                let av = a[v]
                                                let fa = scale * av
                                                commW[cv] -= av
                                                var best = cv
                                                let stayGain = nbrW[cv] - fa * commW[cv]
                                                var bestGain = stayGain
                                                for t in 0..<touchedCount {
                                                    let c = Int(touchedList[t])
                                                    let gain = nbrW[c] - fa * commW[c]
                                                    if gain > bestGain + epsilon {
                                                        best = c
                                                        bestGain = gain
                                                    }
                                                    nbrW[c] = -1
                                                }
                                                commW[best] += av
                                                if best != cv {
                                                    memb[v] = Int32(best)
                                                    moves += 1
                                                    sweepGain += bestGain - stayGain
                                                }
                                            }
                                            if moves == 0 { break }
                                            anyMove = true
                                            if sweepGain * gainToQuality < tolerance { break }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return anyMove
    }
}

/// The smallest gain counted as an improvement: far below any real gain (weights are
/// at least of the order of the mean arc weight) and far above round-off, so a node
/// never moves back and forth between two equally good communities.
func moveTolerance(_ g: CommunityGraph) -> Double {
    let arcs = max(1, g.targets.count)
    return 1e-10 * max(g.totalArcWeight / Double(arcs), 1e-300)
}

/// Renumbers labels in place to `0..<k` in order of first appearance; returns `k`.
@discardableResult
func renumber(_ labels: inout [Int32]) -> Int {
    var map = [Int32](repeating: -1, count: labels.count + 1)
    var next: Int32 = 0
    for i in labels.indices {
        let l = Int(labels[i])
        if l >= map.count { map.append(contentsOf: repeatElement(-1, count: l - map.count + 1)) }
        if map[l] < 0 { map[l] = next; next += 1 }
        labels[i] = map[l]
    }
    return Int(next)
}
