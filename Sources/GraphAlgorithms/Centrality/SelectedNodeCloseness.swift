import GraphCore

/// Closeness and harmonic centrality for chosen nodes, from chosen sources, and closeness
/// without the Wasserman–Faust correction: NetworkX's `closeness_centrality(u=,
/// wf_improved=)` and `harmonic_centrality(nbunch=, sources=)`.
///
/// * Closeness of `u`: `C(u) = (r − 1)/Σ_v d(v, u)`, times `(r − 1)/(n − 1)` when
///   `wfImproved` (the default, as ``closenessCentrality(of:weighted:threads:)``), where
///   the sum runs over the `r − 1` other nodes that reach `u`; 0 when that sum is 0.
/// * Harmonic centrality of `u`: `H(u) = Σ_{v ∈ S, d(v,u) > 0} 1/d(v, u)` over the
///   sources `S` (all nodes by default); unreachable sources add 0.
///
/// Weights are *distances* (Dijkstra) when `weighted`, otherwise every edge has length 1;
/// on a directed graph `d(v, u)` follows the arcs from `v` to `u` (distances *to* `u`).
/// Values come back in the order of `nodes` (every node, in order, when `nil`). One
/// search per chosen node (harmonic: per source when there are fewer sources than nodes),
/// so asking for a few nodes of a large graph is cheap.
///
/// - Complexity: O(k·m) unweighted, O(k·(m + n) log n) weighted, k = number of searches;
///   O(n + m) memory.
/// - Reference: S. Wasserman, K. Faust, *Social Network Analysis*, Cambridge University
///   Press, 1994, doi:10.1017/CBO9780511815478; P. Boldi, S. Vigna, "Axioms for
///   centrality", Internet Mathematics 10, 2014, doi:10.1080/15427951.2013.865686.
public func closenessCentrality(
    of graph: Graph, nodes: [Int]?, weighted: Bool = false, wfImproved: Bool = true
) -> [Double] {
    let n = graph.nodeCount
    var search = DistanceSearch(graph: graph, weighted: weighted)
    return (nodes ?? Array(0..<n)).map { u in
        let reached = search.run(from: u, towards: true)
        var total = 0.0
        for v in reached { total += search.dist[Int(v)] }
        search.reset(reached)
        guard total > 0, n > 1 else { return 0 }
        let others = Double(reached.count - 1)
        return wfImproved ? others / total * (others / Double(n - 1)) : others / total
    }
}

/// Harmonic centrality of `nodes` (all when `nil`) counting only paths from `sources`
/// (all when `nil`); see ``closenessCentrality(of:nodes:weighted:wfImproved:)``.
public func harmonicCentrality(
    of graph: Graph, nodes: [Int]?, sources: [Int]?, weighted: Bool = false
) -> [Double] {
    let n = graph.nodeCount
    let targets = nodes ?? Array(0..<n)
    let from = sources ?? Array(0..<n)
    var search = DistanceSearch(graph: graph, weighted: weighted)
    if targets.count <= from.count {
        var isSource = [Bool](repeating: false, count: n)
        for s in from { isSource[s] = true }
        return targets.map { u in
            let reached = search.run(from: u, towards: true)
            var h = 0.0
            for v in reached where isSource[Int(v)] {
                let d = search.dist[Int(v)]
                if d != 0 { h += 1 / d }
            }
            search.reset(reached)
            return h
        }
    }
    // Fewer sources than nodes: search forwards from each source.
    var position = [Int](repeating: -1, count: n)
    for (i, u) in targets.enumerated() { position[u] = i }
    var values = [Double](repeating: 0, count: targets.count)
    for s in Set(from).sorted() {
        let reached = search.run(from: s, towards: false)
        for u in reached where position[Int(u)] >= 0 {
            let d = search.dist[Int(u)]
            if d != 0 { values[position[Int(u)]] += 1 / d }
        }
        search.reset(reached)
    }
    return values
}

/// Single-source shortest-path distances (BFS, or Dijkstra on distance weights) along
/// arcs (`towards: false`) or against them (`towards: true`, distances to the source).
private struct DistanceSearch {
    let graph: Graph
    let weighted: Bool
    var dist: [Double]
    var settled: [Bool]

    init(graph: Graph, weighted: Bool) {
        self.graph = graph
        self.weighted = weighted && graph.isWeighted
        dist = [Double](repeating: .infinity, count: graph.nodeCount)
        settled = [Bool](repeating: false, count: graph.nodeCount)
    }

    /// Runs the search; returns the nodes reached (the source included), whose
    /// distances are in `dist` until ``reset(_:)``.
    mutating func run(from s: Int, towards: Bool) -> [Int32] {
        let reverse = towards && graph.isDirected
        let offsets = reverse ? graph.inOffsets : graph.offsets
        let heads = reverse ? graph.inSources : graph.targets
        let lengths = weighted ? (reverse ? graph.inWeights : graph.weights) : nil
        var reached: [Int32] = [Int32(s)]
        dist[s] = 0
        if let lengths {
            // Lazy deletion: stale entries (a longer distance than the node's current one) and
            // nodes already settled are skipped, so each node settles once.
            var heap = DistanceHeap()
            heap.push(0, Int32(s))
            reached = []
            while let (d, node) = heap.pop() {
                if settled[Int(node)] || d > dist[Int(node)] { continue }
                settled[Int(node)] = true
                reached.append(node)
                let v = Int(node)
                for a in Int(offsets[v])..<Int(offsets[v + 1]) {
                    let w = Int(heads[a])
                    let alt = d + lengths[a]
                    if !settled[w] && alt < dist[w] {
                        dist[w] = alt
                        heap.push(alt, Int32(w))
                    }
                }
            }
        } else {
            var head = 0
            while head < reached.count {
                let v = Int(reached[head]); head += 1
                let next = dist[v] + 1
                for a in Int(offsets[v])..<Int(offsets[v + 1]) {
                    let w = Int(heads[a])
                    if dist[w] == .infinity {
                        dist[w] = next
                        reached.append(Int32(w))
                    }
                }
            }
        }
        return reached
    }

    mutating func reset(_ reached: [Int32]) {
        for v in reached {
            dist[Int(v)] = .infinity
            settled[Int(v)] = false
        }
    }
}
