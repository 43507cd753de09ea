import CMemory
import GraphCore

/// The undirected, weighted working graph shared by the community algorithms: CSR
/// adjacency without self-loops, each node's self-loop weight and strength kept apart,
/// plus a node size (the number of original nodes it stands for after aggregation).
///
/// Arc weights are strengths. A self-loop of weight `w` on an input node counts `2w`
/// towards its strength and `w` towards the weight inside its community, as NetworkX and
/// igraph count it. Directed graphs are made undirected first: the weights of `u→v` and
/// `v→u` are summed into one edge `{u, v}` (see ``Modularity``).
struct CommunityGraph: Sendable {
    var nodeCount: Int
    /// CSR offsets (`nodeCount + 1`).
    var offsets: [Int]
    var targets: [Int32]
    var weights: [Double]
    /// Sum of the weights of the node's self-loop arcs (twice the loop's edge weight).
    var selfWeight: [Double]
    /// Sum of the weights of all arcs at the node, self-loop arcs included.
    var strength: [Double]
    /// Number of input nodes the node stands for.
    var size: [Double]
    /// Sum of all arc weights (twice the total edge weight).
    var totalArcWeight: Double
    /// Whether every arc weighs 1 (kernels then skip reading `weights`).
    var unitWeights: Bool

    /// The working graph of `graph`; weights are used when present.
    init(_ graph: Graph) {
        let source: Graph
        if graph.isDirected {
            source = Self.symmetrised(graph)
        } else {
            source = graph
        }
        let n = source.nodeCount
        let arcCapacity = source.arcCount
        nodeCount = n
        var offsets = [Int](repeating: 0, count: n + 1)
        var selfWeight = [Double](repeating: 0, count: n)
        var strength = [Double](repeating: 0, count: n)
        var total = 0.0
        var kept = 0
        var unit = true
        // Self-loop arcs are left out of the adjacency, so rows are copied arc by arc
        // into scratch sized for every arc, and the used prefix is kept.
        let outT = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(arcCapacity, 1))
        let outW = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(arcCapacity, 1))
        defer { outT.deallocate(); outW.deallocate() }
        source.offsets.withUnsafeBufferPointer { off in
            source.targets.withUnsafeBufferPointer { tgt in
                if let sourceWeights = source.weights {
                    sourceWeights.withUnsafeBufferPointer { wts in
                        for u in 0..<n {
                            var s = 0.0
                            for a in Int(off[u])..<Int(off[u + 1]) {
                                let v = tgt[a]
                                let w = wts[a]
                                s += w
                                if Int(v) == u {
                                    selfWeight[u] += w
                                } else {
                                    outT[kept] = v
                                    outW[kept] = w
                                    kept += 1
                                    if w != 1 { unit = false }
                                }
                            }
                            strength[u] = s
                            total += s
                            offsets[u + 1] = kept
                        }
                    }
                } else {
                    for u in 0..<n {
                        var loops = 0.0
                        for a in Int(off[u])..<Int(off[u + 1]) {
                            let v = tgt[a]
                            if Int(v) == u {
                                loops += 1
                            } else {
                                outT[kept] = v
                                outW[kept] = 1
                                kept += 1
                            }
                        }
                        let s = Double(off[u + 1] - off[u])
                        selfWeight[u] = loops
                        strength[u] = s
                        total += s
                        offsets[u + 1] = kept
                    }
                }
            }
        }
        self.offsets = offsets
        self.targets = Array(UnsafeBufferPointer(rebasing: outT[0..<kept]))
        self.weights = Array(UnsafeBufferPointer(rebasing: outW[0..<kept]))
        self.selfWeight = selfWeight
        self.strength = strength
        self.size = [Double](repeating: 1, count: n)
        self.totalArcWeight = total
        self.unitWeights = unit
    }

    init(
        nodeCount: Int, offsets: [Int], targets: [Int32], weights: [Double],
        selfWeight: [Double], strength: [Double], size: [Double], totalArcWeight: Double
    ) {
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.selfWeight = selfWeight
        self.strength = strength
        self.size = size
        self.totalArcWeight = totalArcWeight
        self.unitWeights = false
    }

    /// The same graph with nodes renumbered: new node `i` is old node `order[i]`.
    ///
    /// - Complexity: O(n + m).
    func permuted(by order: [Int32]) -> CommunityGraph {
        let n = nodeCount
        var newIndex = [Int32](repeating: 0, count: n)
        for (i, old) in order.enumerated() { newIndex[Int(old)] = Int32(i) }
        var newOffsets = [Int](repeating: 0, count: n + 1)
        var newTargets = [Int32](repeating: 0, count: targets.count)
        var newWeights = [Double](repeating: 0, count: weights.count)
        var p = 0
        for i in 0..<n {
            let old = Int(order[i])
            for a in offsets[old]..<offsets[old + 1] {
                newTargets[p] = newIndex[Int(targets[a])]
                newWeights[p] = weights[a]
                p += 1
            }
            newOffsets[i + 1] = p
        }
        var result = CommunityGraph(
            nodeCount: n, offsets: newOffsets, targets: newTargets, weights: newWeights,
            selfWeight: order.map { selfWeight[Int($0)] }, strength: order.map { strength[Int($0)] },
            size: order.map { size[Int($0)] }, totalArcWeight: totalArcWeight)
        result.unitWeights = unitWeights
        return result
    }

    /// `graph` as an undirected graph whose edge `{u, v}` weighs `w(u→v) + w(v→u)`.
    static func symmetrised(_ graph: Graph) -> Graph {
        var builder = GraphBuilder(directed: false, weighted: true, selfLoops: .keep, duplicates: .sum)
        builder.reserveCapacity(nodes: graph.nodeCount, edges: graph.edgeCount)
        for id in graph.ids { _ = try? builder.addNode(id) }
        graph.forEachEdge { u, v, w in try? builder.addEdge(u, v, weight: w) }
        // Inputs come from a valid Graph (finite, non-negative weights, nodes in range),
        // so building cannot fail; fall back to the structure alone if it ever did.
        return (try? builder.build()) ?? graph
    }

    /// Contracts each community of `membership` (dense labels `0..<k`) into one node.
    /// Edges between communities are summed; edges inside become the new node's
    /// self-loop weight. New node `c` stands for community `c`.
    ///
    /// - Complexity: O(n + m).
    func aggregated(by membership: [Int32], communityCount k: Int) -> CommunityGraph {
        let n = nodeCount
        // Members of each community (counting sort, ascending node order).
        var start = [Int](repeating: 0, count: k + 1)
        for u in 0..<n { start[Int(membership[u]) + 1] += 1 }
        for c in 0..<k { start[c + 1] += start[c] }
        var members = [Int32](repeating: 0, count: n)
        do {
            var fill = start
            for u in 0..<n {
                let c = Int(membership[u])
                members[fill[c]] = Int32(u)
                fill[c] += 1
            }
        }
        var newOffsets = [Int](repeating: 0, count: k + 1)
        // Rows of the aggregate are at most as long as the input's arcs; write them into
        // uninitialised scratch and copy out only what was used.
        let outT = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(targets.count, 1))
        let outW = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(targets.count, 1))
        defer { outT.deallocate(); outW.deallocate() }
        var newSelf = [Double](repeating: 0, count: k)
        var newStrength = [Double](repeating: 0, count: k)
        var newSize = [Double](repeating: 0, count: k)
        var acc = [Double](repeating: -1, count: k)
        var touched = [Int32](repeating: 0, count: k)
        var arcCount = 0
        let unit = unitWeights
        membership.withUnsafeBufferPointer { memb in
            offsets.withUnsafeBufferPointer { off in
                targets.withUnsafeBufferPointer { tgt in
                    weights.withUnsafeBufferPointer { wts in
                        selfWeight.withUnsafeBufferPointer { selfW in
                            strength.withUnsafeBufferPointer { str in
                                size.withUnsafeBufferPointer { sz in
                                    members.withUnsafeBufferPointer { mem in
                                        acc.withUnsafeMutableBufferPointer { accW in
                                            touched.withUnsafeMutableBufferPointer { touchedList in
                                                for c in 0..<k {
                                                    var inside = 0.0
                                                    var strengthSum = 0.0
                                                    var sizeSum = 0.0
                                                    var touchedCount = 0
                                                    for p in start[c]..<start[c + 1] {
                                                        let u = Int(mem[p])
                                                        if p + 1 < n {
                                                            prefetchArcs(
                                                                of: Int(mem[p + 1]), offsets: off, targets: tgt)
                                                        }
                                                        inside += selfW[u]
                                                        strengthSum += str[u]
                                                        sizeSum += sz[u]
                                                        // Arcs inside `c` accumulate in accW[c] too (no
                                                        // branch on it); they become the self weight.
                                                        for a in off[u]..<off[u + 1] {
                                                            let d = Int(memb[Int(tgt[a])])
                                                            if accW[d] < 0 {
                                                                accW[d] = 0
                                                                touchedList[touchedCount] = Int32(d)
                                                                touchedCount += 1
                                                            }
                                                            accW[d] += unit ? 1 : wts[a]
                                                        }
                                                    }
                                                    // Rows in order of first appearance: deterministic, as
                                                    // members and arcs are visited in a fixed order.
                                                    for t in 0..<touchedCount {
                                                        let d = Int(touchedList[t])
                                                        if d == c {
                                                            inside += accW[d]
                                                        } else {
                                                            outT[arcCount] = Int32(d)
                                                            outW[arcCount] = accW[d]
                                                            arcCount += 1
                                                        }
                                                        accW[d] = -1
                                                    }
                                                    newSelf[c] = inside
                                                    newStrength[c] = strengthSum
                                                    newSize[c] = sizeSum
                                                    newOffsets[c + 1] = arcCount
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
        let newTargets = Array(UnsafeBufferPointer(rebasing: outT[0..<arcCount]))
        let newWeights = Array(UnsafeBufferPointer(rebasing: outW[0..<arcCount]))
        return CommunityGraph(
            nodeCount: k, offsets: newOffsets, targets: newTargets, weights: newWeights,
            selfWeight: newSelf, strength: newStrength, size: newSize,
            totalArcWeight: totalArcWeight)
    }
}

/// Asks the processor to start loading node `v`'s row of arcs and, when given, the
/// offsets of node `later` (a hint: results do not depend on it). The community kernels
/// visit nodes in an order they know in advance, often random; without the hint most of
/// their time goes into waiting for each row.
@inline(__always)
func prefetchArcs(
    of v: Int, offsets off: UnsafeBufferPointer<Int>, targets tgt: UnsafeBufferPointer<Int32>,
    andOffsetsOf later: Int? = nil
) {
    if let base = tgt.baseAddress { uccn_prefetch(base + off[v]) }
    if let later, let base = off.baseAddress { uccn_prefetch(base + later) }
}

/// The local-moving step shared by Louvain and Leiden: the weight of the arcs from node
/// `v` (in community `cv`) into each community it touches, `w(v, C)`, accumulated in
/// `weight[C]`. Returns how many communities were touched; they are listed in
/// `touched[0..<count]`, `cv` first (with weight 0 when `v` has no arc into it).
///
/// `weight` must hold −1 for every community on entry (−1 marks "not yet touched"); the
/// caller resets the touched entries to −1 after reading them.
@inline(__always)
func gatherCommunityWeights(
    of v: Int, in cv: Int, offsets off: UnsafeBufferPointer<Int>, targets tgt: UnsafeBufferPointer<Int32>,
    weights wts: UnsafeBufferPointer<Double>, unit: Bool, membership memb: UnsafeBufferPointer<Int32>,
    into weight: UnsafeMutableBufferPointer<Double>, touched: UnsafeMutableBufferPointer<Int32>
) -> Int {
    var count = 1
    touched[0] = Int32(cv)
    weight[cv] = 0
    for arc in off[v]..<off[v + 1] {
        let c = Int(memb[Int(tgt[arc])])
        if weight[c] < 0 {
            weight[c] = 0
            touched[count] = Int32(c)
            count += 1
        }
        weight[c] += unit ? 1 : wts[arc]
    }
    return count
}

/// How a move of one node between communities is scored: the gain of moving node `v`
/// into community `C` (with `v` removed from its own) is
/// `w(v, C) − scale · a_v · A_C`, where `w(v, C)` is the weight of the edges from `v`
/// into `C`, `a` a node's weight and `A_C` the sum of `a` over `C`.
///
/// * modularity: `a` = strength, `scale = γ / 2m` (2m = total arc weight);
/// * CPM: `a` = node size (number of input nodes), `scale = γ`.
enum QualityFunction: Sendable, Equatable {
    case modularity(resolution: Double)
    case cpm(resolution: Double)

    func nodeWeights(of graph: CommunityGraph) -> [Double] {
        switch self {
        case .modularity: graph.strength
        case .cpm: graph.size
        }
    }

    func scale(for graph: CommunityGraph) -> Double {
        switch self {
        case .modularity(let gamma): graph.totalArcWeight > 0 ? gamma / graph.totalArcWeight : 0
        case .cpm(let gamma): gamma
        }
    }
}

extension SeededGenerator {
    /// A uniform integer in `0..<bound` (Lemire's nearly-divisionless method), defined
    /// here rather than through the standard library so shuffles are the same on every
    /// platform and Swift version.
    mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0)
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold {
                product = next().multipliedFullWidth(by: b)
            }
        }
        return Int(product.high)
    }

    /// Fisher–Yates shuffle with ``nextIndex(below:)``.
    mutating func shuffle<T>(_ array: inout [T]) {
        var i = array.count - 1
        while i > 0 {
            let j = nextIndex(below: i + 1)
            array.swapAt(i, j)
            i -= 1
        }
    }

    /// `0..<n` in random order.
    mutating func permutation(_ n: Int) -> [Int32] {
        var order = (0..<n).map { Int32($0) }
        shuffle(&order)
        return order
    }
}
