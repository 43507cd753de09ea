import GraphCore

/// Core number (k-core index) of every node: the largest `k` such that the node belongs
/// to a subgraph where every node has degree ≥ `k`.
///
/// Peeling in the order of Batagelj–Zaversnik: repeatedly remove the nodes of least
/// remaining degree; a node's core number is the level k at which it is removed. Weights
/// are ignored. Self-loops are ignored (NetworkX refuses graphs with self-loops).
///
/// * **Undirected**: the degree is the number of distinct neighbours.
/// * **Directed** (NetworkX's `core_number` on a `DiGraph`): the degree is in-degree +
///   out-degree, so a pair linked both ways counts twice, and removing a node lowers each
///   neighbour's degree once per arc between them.
///
/// - Complexity: O(m + Σ_k r_k) time, where r_k is the number of nodes left at level k
///   (at most n times the number of distinct core numbers); O(n) extra memory.
/// - Reference: V. Batagelj, M. Zaversnik, "An O(m) algorithm for cores decomposition of
///   networks", arXiv:cs/0310049, 2003, doi:10.48550/arXiv.cs/0310049;
///   S. B. Seidman, "Network structure and minimum degree", Social Networks 5(3), 1983,
///   doi:10.1016/0378-8733(83)90028-X.
public func coreNumbers(of graph: Graph) -> [Double] {
    let adjacency = graph.isDirected ? CoreAdjacency(arcsOf: graph) : CoreAdjacency(SimpleAdjacency(graph))
    let n = adjacency.offsets.count - 1
    if n == 0 { return [] }
    // Level-by-level peeling (the order of Batagelj–Zaversnik, without their bucket
    // bookkeeping): at level k, remove every node whose remaining degree is ≤ k, which
    // lowers its neighbours' degrees; a neighbour reaching k joins the level. The core
    // number of a node is the level at which it is removed.
    var degree = [Int32](repeating: 0, count: n)
    var core = [Double](repeating: 0, count: n)
    var remaining = [Int32](repeating: 0, count: n)
    var frontier = [Int32](repeating: 0, count: n)
    var removed = [Bool](repeating: false, count: n)
    adjacency.offsets.withUnsafeBufferPointer { offsets in
        adjacency.targets.withUnsafeBufferPointer { targets in
            degree.withUnsafeMutableBufferPointer { degree in
                core.withUnsafeMutableBufferPointer { core in
                    remaining.withUnsafeMutableBufferPointer { remaining in
                        frontier.withUnsafeMutableBufferPointer { frontier in
                            removed.withUnsafeMutableBufferPointer { removed in
                                var minDegree = Int32.max
                                for u in 0..<n {
                                    let d = offsets[u + 1] - offsets[u]
                                    degree[u] = d
                                    remaining[u] = Int32(u)
                                    minDegree = min(minDegree, d)
                                }
                                var remainingCount = n
                                var k = minDegree
                                while remainingCount > 0 {
                                    // Nodes at or below level k start the level; the rest stay for later.
                                    var frontierCount = 0
                                    var kept = 0
                                    var nextMin = Int32.max
                                    for i in 0..<remainingCount {
                                        let u = Int(remaining[i])
                                        if removed[u] { continue }
                                        if degree[u] <= k {
                                            frontier[frontierCount] = Int32(u); frontierCount += 1
                                            removed[u] = true
                                        } else {
                                            remaining[kept] = Int32(u); kept += 1
                                        }
                                    }
                                    var head = 0
                                    while head < frontierCount {
                                        let v = Int(frontier[head]); head += 1
                                        core[v] = Double(k)
                                        for a in Int(offsets[v])..<Int(offsets[v + 1]) {
                                            let u = Int(targets[a])
                                            if removed[u] { continue }
                                            let du = degree[u]
                                            if du > k {
                                                degree[u] = du - 1
                                                if du - 1 == k {
                                                    removed[u] = true
                                                    frontier[frontierCount] = Int32(u); frontierCount += 1
                                                }
                                            }
                                        }
                                    }
                                    remainingCount = kept
                                    for i in 0..<kept {
                                        let u = Int(remaining[i])
                                        if !removed[u] { nextMin = min(nextMin, degree[u]) }
                                    }
                                    k = max(k + 1, nextMin == Int32.max ? k + 1 : nextMin)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    return core
}

/// The neighbour lists the peeling walks: the simple undirected graph, or for a directed
/// graph every in- and out-arc (a reciprocal pair twice), self-loops left out.
private struct CoreAdjacency {
    let offsets: [Int32]
    let targets: [Int32]

    init(_ simple: SimpleAdjacency) {
        offsets = simple.offsets
        targets = simple.targets
    }

    init(arcsOf graph: Graph) {
        let n = graph.nodeCount
        var offsets = [Int32](repeating: 0, count: n + 1)
        var targets: [Int32] = []
        targets.reserveCapacity(2 * graph.arcCount)
        for u in 0..<n {
            for v in graph.neighbors(of: u) where Int(v) != u { targets.append(v) }
            for v in graph.inNeighbors(of: u) where Int(v) != u { targets.append(v) }
            offsets[u + 1] = Int32(targets.count)
        }
        self.offsets = offsets
        self.targets = targets
    }
}
