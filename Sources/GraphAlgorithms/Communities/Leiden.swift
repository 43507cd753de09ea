import Foundation
import GraphCore

/// Leiden community detection: local moving, refinement and aggregation, giving
/// communities that are guaranteed to be connected.
///
/// Each iteration repeats three phases until every community is a single node of the
/// current (aggregated) graph:
///
/// 1. **Fast local moving.** Nodes wait in a queue (initially all, in a random order;
///    from the second iteration on, nodes are renumbered community by community and the
///    input-level queue starts in that order, for memory locality);
///    each is moved to the community with the largest gain
///    `ΔH(v → C) = w(v, C) − s · a_v · A_C` (or to an empty community when every gain is
///    negative), and its neighbours outside the new community rejoin the queue.
/// 2. **Refinement.** Inside each community `S`, starting from singletons, a node `v` that
///    is still alone and well connected to `S` (`w(v, S − v) ≥ s · a_v (A_S − a_v)`) joins
///    a refined cluster `C ⊆ S` that is well connected to `S` and gains `ΔH ≥ 0`, chosen
///    at random with probability ∝ `exp(ΔH / θ)` (θ = ``randomness``). Merges happen only
///    along edges, so every refined cluster, and every community made of them, is
///    connected.
/// 3. **Aggregation** of the *refined* clusters into nodes, the community of each
///    aggregated node being the unrefined community it lies in.
///
/// Objective functions (see ``Modularity``; `w(v, C)` edge weight from `v` into `C`):
/// * ``Objective/modularity``: `Q = Σ_c [L_c/m − γ (d_c/2m)²]`; `a` = strength,
///   `s = γ/2m`.
/// * ``Objective/cpm``: `H = Σ_c [L_c − γ n_c(n_c−1)/2]`; `a` = node count, `s = γ`.
///   γ is then a density: communities have inside density above γ, and `γ` should be
///   below the graph's edge density scale (e.g. 0.05 for unweighted graphs).
///
/// By default iterations repeat, each starting from the previous partition, until the
/// partition is stable: an iteration leaves it unchanged or raises the quality by less
/// than ``tolerance`` (ΔQ < 10⁻⁵, a tenth of the last digit a modularity is usually
/// quoted to), at most ``stableIterationLimit`` (10) times. After the first few
/// iterations the refinement keeps finding gains of 10⁻⁸–10⁻⁵ by regrouping a few nodes
/// at random (LFR graphs of 100k nodes: 6–10 iterations with 10⁻⁶, 4–6 with 10⁻⁵);
/// tolerance 0 runs until an iteration improves nothing at all. Setting
/// ``maxIterations`` runs exactly that many iterations unless one changes nothing (the
/// paper's and leidenalg's default is 2, NetworKit's 3). The quality never decreases
/// from one iteration to the next.
///
/// Weights are strengths (the graph's weights when it has them). Directed graphs are
/// treated as undirected with reciprocal weights summed. Isolated nodes stay alone.
///
/// - Complexity: O(m) per pass of local moving (each node re-queued only when a
///   neighbour changes community), O(n + m) for refinement and aggregation; a handful of
///   levels per iteration and of iterations in practice.
/// - Reference: Traag, Waltman & van Eck, "From Louvain to Leiden: guaranteeing
///   well-connected communities", Scientific Reports 9, 5233 (2019),
///   doi:10.1038/s41598-019-41695-z.
public struct Leiden: CommunityDetector {
    /// The quality function optimised.
    public enum Objective: String, Sendable, CaseIterable {
        /// Newman–Girvan modularity with resolution γ.
        case modularity
        /// Constant Potts Model with resolution (density) γ.
        case cpm
    }

    /// The quality function optimised: modularity (default) or the Constant Potts Model.
    public var objective: Objective
    /// The resolution γ.
    public var resolution: Double
    /// Iterations to run at most; `nil` iterates until stable (see ``tolerance``), at most
    /// ``stableIterationLimit`` times.
    public var maxIterations: Int?
    /// An iteration that raises the quality by less than this counts as stable and ends
    /// the run (modularity units; for CPM, quality per unit of total edge weight). With 0
    /// the run ends only when an iteration improves nothing.
    public var tolerance: Double
    /// The refinement's randomness θ (the paper's 0.01).
    public var randomness: Double

    /// The most iterations `maxIterations == nil` allows. Graphs with communities settle
    /// sooner (LFR benchmark graphs of 1k–100k nodes: 3–8 iterations); on graphs without
    /// (e.g. Barabási–Albert) every iteration still gains ~10⁻⁴ in modularity after
    /// dozens, and this bounds the time.
    public static let stableIterationLimit = 10

    /// The default ``tolerance``: 10⁻⁵ in modularity.
    public static let defaultTolerance = 1e-5

    /// Leiden with the given quality function and stopping rule.
    ///
    /// - Parameters:
    ///   - objective: Modularity (as NetworkX's and leidenalg's default) or CPM.
    ///   - resolution: γ; 1 is classic modularity, for CPM a density.
    ///   - maxIterations: Iterations at most; `nil` iterates until stable.
    ///   - tolerance: The gain in quality below which an iteration counts as stable.
    ///   - randomness: The refinement's θ.
    public init(
        objective: Objective = .modularity, resolution: Double = 1,
        maxIterations: Int? = nil, tolerance: Double = Leiden.defaultTolerance, randomness: Double = 0.01
    ) {
        self.objective = objective
        self.resolution = resolution
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.randomness = randomness
    }

    /// `"leiden"`.
    public var name: String { "leiden" }

    var qualityFunction: QualityFunction {
        switch objective {
        case .modularity: .modularity(resolution: resolution)
        case .cpm: .cpm(resolution: resolution)
        }
    }

    /// The communities found from `seed` (the same seed gives the same labels).
    public func partition(of graph: Graph, seed: UInt64) -> Partition {
        run(on: graph, seed: seed).partition
    }

    /// The partition and the number of iterations it took.
    public func run(on graph: Graph, seed: UInt64) -> (partition: Partition, iterations: Int) {
        var rng = SeededGenerator(seed: seed)
        var base = CommunityGraph(graph)
        let quality = qualityFunction
        let n = base.nodeCount
        // Labels are kept numbered in order of first appearance, so two memberships
        // describe the same partition exactly when they are equal.
        var membership = (0..<n).map { Int32($0) }
        var communityCount = n
        var currentQuality = Self.objectiveValue(base, membership: membership, quality: quality)
        // After the first iteration nodes are renumbered community by community, so later
        // iterations find most neighbours close in memory; `inputOf` maps back.
        var inputOf: [Int32]? = nil
        var iterations = 0
        let limit = maxIterations ?? Self.stableIterationLimit
        // Objective values are Σ_c [in_c − s·A_c²] = 2m·Q for modularity.
        let threshold =
            maxIterations == nil
            ? max(tolerance * base.totalArcWeight, moveTolerance(base)) : moveTolerance(base)
        while iterations < limit {
            iterations += 1
            var next = membership
            let nextQuality = Self.iterate(
                base, membership: &next, quality: quality, randomness: randomness, rng: &rng,
                baseInCommunityOrder: inputOf != nil)
            let k = renumber(&next)
            if next == membership { break }
            // Round-off can make an equally good partition look better; stop there.
            if nextQuality < currentQuality + threshold {
                if nextQuality > currentQuality { membership = next; communityCount = k }
                break
            }
            membership = next
            communityCount = k
            currentQuality = nextQuality
            if inputOf == nil && iterations < limit {
                let order = Self.communityOrder(membership, communityCount: k)
                base = base.permuted(by: order)
                membership = order.map { membership[Int($0)] }
                renumber(&membership)
                inputOf = order
            }
        }
        var labels = membership
        if let inputOf {
            for (i, old) in inputOf.enumerated() { labels[Int(old)] = membership[i] }
        }
        return (Partition(denseLabels: labels, communityCount: communityCount), iterations)
    }

    /// Nodes sorted by community (stable: ascending node index within each).
    static func communityOrder(_ membership: [Int32], communityCount k: Int) -> [Int32] {
        var start = [Int](repeating: 0, count: k + 1)
        for c in membership { start[Int(c) + 1] += 1 }
        for c in 0..<k { start[c + 1] += start[c] }
        var order = [Int32](repeating: 0, count: membership.count)
        for (v, c) in membership.enumerated() {
            order[start[Int(c)]] = Int32(v)
            start[Int(c)] += 1
        }
        return order
    }

    /// `Σ_c [in_c − s·A_c²]`, proportional to the objective (up to a constant for CPM).
    static func objectiveValue(_ g: CommunityGraph, membership: [Int32], quality: QualityFunction) -> Double {
        let k = (membership.max().map { Int($0) } ?? -1) + 1
        let inside = Modularity.insideWeights(of: g, labels: membership, communityCount: k)
        let a = quality.nodeWeights(of: g)
        let s = quality.scale(for: g)
        var total = [Double](repeating: 0, count: k)
        for v in 0..<g.nodeCount { total[Int(membership[v])] += a[v] }
        var h = 0.0
        for c in 0..<k { h += inside[c] - s * total[c] * total[c] }
        return h
    }

    /// One Leiden iteration from `membership` (labels `0..<k`, k ≤ n) on `base`.
    /// Returns the objective `Σ_c [in_c − s·A_c²]` of the result, read off the final
    /// aggregate graph (one node per community).
    @discardableResult
    static func iterate(
        _ base: CommunityGraph, membership: inout [Int32], quality: QualityFunction,
        randomness: Double, rng: inout SeededGenerator, baseInCommunityOrder: Bool = false
    ) -> Double {
        let n = base.nodeCount
        var g = base
        var memb = membership
        // Node of the current aggregate graph that each input node belongs to.
        var nodeOf = (0..<n).map { Int32($0) }
        while true {
            moveNodesFast(
                g, membership: &memb, quality: quality, rng: &rng,
                inOrder: baseInCommunityOrder && g.nodeCount == n)
            let k = renumber(&memb)
            if k == g.nodeCount { break }
            var refined = refine(
                g, membership: memb, communityCount: k, quality: quality,
                randomness: randomness, rng: &rng)
            var r = renumber(&refined)
            if r == g.nodeCount {
                // Nothing merged inside any community: aggregate by the communities.
                refined = memb
                r = k
            }
            var aggregateMembership = [Int32](repeating: 0, count: r)
            for v in 0..<g.nodeCount { aggregateMembership[Int(refined[v])] = memb[v] }
            for i in 0..<n { nodeOf[i] = refined[Int(nodeOf[i])] }
            g = g.aggregated(by: refined, communityCount: r)
            memb = aggregateMembership
        }
        for i in 0..<n { membership[i] = memb[Int(nodeOf[i])] }
        let a = quality.nodeWeights(of: g)
        let s = quality.scale(for: g)
        var objective = 0.0
        for v in 0..<g.nodeCount { objective += g.selfWeight[v] - s * a[v] * a[v] }
        return objective
    }

    /// Fast local moving (queue-based). `membership` holds labels `< g.nodeCount`.
    ///
    /// The queue starts with every node in a random order, or in node order when
    /// `inOrder` (used once nodes are numbered community by community: consecutive
    /// nodes then share most neighbours, which keeps memory access local).
    static func moveNodesFast(
        _ g: CommunityGraph, membership: inout [Int32], quality: QualityFunction,
        rng: inout SeededGenerator, inOrder: Bool = false
    ) {
        let n = g.nodeCount
        guard n > 1 else { return }
        let nodeWeight = quality.nodeWeights(of: g)
        let scale = quality.scale(for: g)
        let epsilon = moveTolerance(g)
        let unit = g.unitWeights
        var communityWeight = [Double](repeating: 0, count: n)
        var communitySize = [Int32](repeating: 0, count: n)
        for v in 0..<n {
            communityWeight[Int(membership[v])] += nodeWeight[v]
            communitySize[Int(membership[v])] += 1
        }
        var empty: [Int32] = []
        for c in stride(from: n - 1, through: 0, by: -1) where communitySize[c] == 0 { empty.append(Int32(c)) }
        var neighbourWeight = [Double](repeating: -1, count: n)
        var touched = [Int32](repeating: 0, count: n)
        var queue = inOrder ? (0..<n).map { Int32($0) } : rng.permutation(n)
        var inQueue = [Bool](repeating: true, count: n)
        membership.withUnsafeMutableBufferPointer { memb in
            communityWeight.withUnsafeMutableBufferPointer { commW in
                communitySize.withUnsafeMutableBufferPointer { commN in
                    neighbourWeight.withUnsafeMutableBufferPointer { nbrW in
                        touched.withUnsafeMutableBufferPointer { touchedList in
                            queue.withUnsafeMutableBufferPointer { q in
                                inQueue.withUnsafeMutableBufferPointer { queued in
                                    g.offsets.withUnsafeBufferPointer { off in
                                        g.targets.withUnsafeBufferPointer { tgt in
                                            g.weights.withUnsafeBufferPointer { wts in
                                                nodeWeight.withUnsafeBufferPointer { a in
                                                    // Ring buffer: `count` nodes from `head`.
                                                    var head = 0
                                                    var count = n
                                                    while count > 0 {
                                                        let v = Int(q[head])
                                                        head += 1
                                                        if head == n { head = 0 }
                                                        count -= 1
                                                        // Start loading the next node's arcs and the
                                                        // offsets of the one after.
                                                        if count > 0 {
                                                            prefetchArcs(
                                                                of: Int(q[head]), offsets: off, targets: tgt,
                                                                andOffsetsOf: count > 1
                                                                    ? Int(q[head + 1 == n ? 0 : head + 1]) : nil)
                                                        }
                                                        queued[v] = false
                                                        let cv = Int(memb[v])
                                                        let touchedCount = gatherCommunityWeights(
                                                            of: v, in: cv, offsets: off, targets: tgt, weights: wts,
                                                            unit: unit, membership: UnsafeBufferPointer(memb),
                                                            into: nbrW, touched: touchedList)
                                                        let av = a[v]
                                                        let fa = scale * av
                                                        commW[cv] -= av
                                                        commN[cv] -= 1
                                                        var best = cv
                                                        var bestGain = nbrW[cv] - fa * commW[cv]
                                                        for t in 0..<touchedCount {
                                                            let c = Int(touchedList[t])
                                                            let gain = nbrW[c] - fa * commW[c]
                                                            if gain > bestGain + epsilon {
                                                                best = c
                                                                bestGain = gain
                                                            }
                                                            nbrW[c] = -1
                                                        }
                                                        // An empty community gains 0.
                                                        if bestGain < -epsilon && commN[cv] > 0, let e = empty.last {
                                                            best = Int(e)
                                                            empty.removeLast()
                                                        }
                                                        commW[best] += av
                                                        commN[best] += 1
                                                        if best != cv {
                                                            memb[v] = Int32(best)
                                                            if commN[cv] == 0 { empty.append(Int32(cv)) }
                                                            for arc in off[v]..<off[v + 1] {
                                                                let u = Int(tgt[arc])
                                                                if !queued[u] && Int(memb[u]) != best {
                                                                    queued[u] = true
                                                                    var tail = head + count
                                                                    if tail >= n { tail -= n }
                                                                    q[tail] = Int32(u)
                                                                    count += 1
                                                                }
                                                            }
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Refinement: merges, inside each community, well-connected singletons into
    /// well-connected refined clusters. Returns refined labels (cluster ids are node ids,
    /// not dense).
    static func refine(
        _ g: CommunityGraph, membership: [Int32], communityCount k: Int, quality: QualityFunction,
        randomness: Double, rng: inout SeededGenerator
    ) -> [Int32] {
        let n = g.nodeCount
        let nodeWeight = quality.nodeWeights(of: g)
        let scale = quality.scale(for: g)
        let unit = g.unitWeights
        var refined = (0..<n).map { Int32($0) }
        // Scratch, indexed by node (= refined cluster id: cluster ids are node ids).
        let clusterWeight = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let clusterSize = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        // Weight of the edges from each refined cluster to the rest of its community.
        let clusterExternal = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        // One spare slot (`n`) collects the weight to other communities.
        let neighbourWeight = UnsafeMutableBufferPointer<Double>.allocate(capacity: n + 1)
        let touched = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n + 1)
        let candidates = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        let gains = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        defer {
            clusterWeight.deallocate(); clusterSize.deallocate(); clusterExternal.deallocate()
            neighbourWeight.deallocate(); touched.deallocate(); candidates.deallocate(); gains.deallocate()
        }
        _ = clusterWeight.initialize(from: nodeWeight)
        clusterSize.initialize(repeating: 1)
        neighbourWeight.initialize(repeating: -1)
        var communityWeight = [Double](repeating: 0, count: k)
        // Nodes grouped by community, in random order within each.
        let order = rng.permutation(n)
        var start = [Int](repeating: 0, count: k + 1)
        for v in 0..<n { start[Int(membership[v]) + 1] += 1 }
        for c in 0..<k { start[c + 1] += start[c] }
        var grouped = [Int32](repeating: 0, count: n)
        do {
            var fill = start
            for v in order {
                let c = Int(membership[Int(v)])
                grouped[fill[c]] = v
                fill[c] += 1
            }
        }
        membership.withUnsafeBufferPointer { memb in
            g.offsets.withUnsafeBufferPointer { off in
                g.targets.withUnsafeBufferPointer { tgt in
                    g.weights.withUnsafeBufferPointer { wts in
                        nodeWeight.withUnsafeBufferPointer { a in
                            refined.withUnsafeMutableBufferPointer { ref in
                                for v in 0..<n {
                                    let c = memb[v]
                                    communityWeight[Int(c)] += a[v]
                                    var ext = 0.0
                                    for arc in off[v]..<off[v + 1] {
                                        ext += memb[Int(tgt[arc])] == c ? (unit ? 1 : wts[arc]) : 0
                                    }
                                    clusterExternal[v] = ext
                                }
                                for c in 0..<k where start[c + 1] - start[c] > 1 {
                                    let total = communityWeight[c]
                                    for p in start[c]..<start[c + 1] {
                                        let v = Int(grouped[p])
                                        if p + 1 < n {
                                            prefetchArcs(of: Int(grouped[p + 1]), offsets: off, targets: tgt)
                                        }
                                        // Only nodes still alone may move.
                                        guard ref[v] == Int32(v), clusterSize[v] == 1 else { continue }
                                        let av = a[v]
                                        guard clusterExternal[v] >= scale * av * (total - av) else { continue }
                                        // Arcs leaving the community all go to the spare slot
                                        // `n`, which is never a candidate.
                                        var touchedCount = 0
                                        for arc in off[v]..<off[v + 1] {
                                            let u = Int(tgt[arc])
                                            let inside = memb[u] == Int32(c)
                                            let r = inside ? Int(ref[u]) : n
                                            if neighbourWeight[r] < 0 {
                                                neighbourWeight[r] = 0
                                                touched[touchedCount] = Int32(r)
                                                touchedCount += 1
                                            }
                                            neighbourWeight[r] += unit ? 1 : wts[arc]
                                        }
                                        // Staying alone gains 0.
                                        var candidateCount = 0
                                        var maxGain = 0.0
                                        for t in 0..<touchedCount {
                                            let r = Int(touched[t])
                                            guard r != n else { continue }
                                            let rw = clusterWeight[r]
                                            guard clusterExternal[r] >= scale * rw * (total - rw) else { continue }
                                            let gain = neighbourWeight[r] - scale * av * rw
                                            guard gain >= 0 else { continue }
                                            candidates[candidateCount] = Int32(r)
                                            gains[candidateCount] = gain
                                            candidateCount += 1
                                            if gain > maxGain { maxGain = gain }
                                        }
                                        if candidateCount > 0 {
                                            var chosen = v
                                            if randomness > 0 {
                                                // Probabilities ∝ exp(ΔH/θ), shifted by the largest ΔH;
                                                // terms below e^-50 relative are dropped.
                                                let stay = exp(-maxGain / randomness)
                                                var sum = stay
                                                for i in 0..<candidateCount {
                                                    let x = (gains[i] - maxGain) / randomness
                                                    gains[i] = x < -50 ? 0 : exp(x)
                                                    sum += gains[i]
                                                }
                                                var pick = rng.nextUnit() * sum - stay
                                                if pick >= 0 {
                                                    var i = 0
                                                    while i < candidateCount - 1 {
                                                        pick -= gains[i]
                                                        if pick < 0 && gains[i] > 0 { break }
                                                        i += 1
                                                    }
                                                    chosen = Int(candidates[i])
                                                }
                                            } else if maxGain > 0 {
                                                for i in 0..<candidateCount where gains[i] == maxGain {
                                                    chosen = Int(candidates[i])
                                                    break
                                                }
                                            }
                                            if chosen != v {
                                                ref[v] = Int32(chosen)
                                                clusterWeight[chosen] += av
                                                clusterSize[chosen] += 1
                                                clusterSize[v] = 0
                                                clusterWeight[v] = 0
                                                clusterExternal[chosen] +=
                                                    clusterExternal[v] - 2 * neighbourWeight[chosen]
                                            }
                                        }
                                        for t in 0..<touchedCount { neighbourWeight[Int(touched[t])] = -1 }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return refined
    }
}
