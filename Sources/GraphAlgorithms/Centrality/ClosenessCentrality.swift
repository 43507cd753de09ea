import GraphCore

/// Closeness centrality with the Wasserman–Faust correction for disconnected graphs
/// (NetworkX's `closeness_centrality(wf_improved=True)`, the default).
///
/// `C(u) = (r − 1)/Σ_v d(v, u) · (r − 1)/(n − 1)`, where the sum runs over the `r − 1`
/// other nodes that can reach `u` (its component, for undirected graphs). A node that
/// reaches nobody (or whose distances sum to 0) gets 0; so does every node of a
/// one-node graph.
///
/// * **Weights** are *distances* (Dijkstra) when `weighted`; otherwise each edge has
///   length 1 (breadth-first search).
/// * **Directed** graphs use distances *to* `u` (incoming paths), as NetworkX does.
/// * Each node's value comes from its own search, so results do not depend on `threads`.
/// * Unweighted graphs of 2,048 nodes or more are searched 256 sources at a time,
///   direction-optimising; the values are the same.
///
/// - Parameters:
///   - graph: the graph.
///   - weighted: use edge weights as distances.
///   - threads: worker threads (the result does not depend on them).
/// - Complexity: O(n·m) unweighted, O(n·(m + n log n)) weighted; O(n + m) memory per
///   thread.
/// - Reference: S. Wasserman, K. Faust, *Social Network Analysis: Methods and
///   Applications*, Cambridge University Press, 1994, doi:10.1017/CBO9780511815478;
///   A. Bavelas, "Communication patterns in task-oriented groups", J. Acoust. Soc. Am.
///   22(6), 1950, doi:10.1121/1.1906679.
public func closenessCentrality(of graph: Graph, weighted: Bool = false, threads: Int = 1) -> [Double] {
    closeness(from: ShortestPathSums(graph: graph, weighted: weighted, threads: threads), n: graph.nodeCount)
}

/// Closeness centrality as ``closenessCentrality(of:weighted:threads:)``, reporting
/// progress (sources searched) to `control` and stopping when it is cancelled.
///
/// - Parameters:
///   - graph: the graph.
///   - weighted: use edge weights as distances.
///   - threads: worker threads (the result does not depend on them).
///   - control: receives the progress; cancelling it stops the computation.
/// - Throws: ``CentralityError/cancelled`` when `control` was cancelled before the end.
public func closenessCentrality(
    of graph: Graph, weighted: Bool = false, threads: Int = 1, control: RunControl
) throws(CentralityError) -> [Double] {
    let sums = ShortestPathSums(graph: graph, weighted: weighted, threads: threads, control: control)
    if control.isCancelled { throw .cancelled }
    return closeness(from: sums, n: graph.nodeCount)
}

/// Every node's closeness from the sums of its distances: Wasserman–Faust's when
/// `wfImproved` (the default), otherwise `(r − 1)/Σ d` alone (NetworkX's
/// `wf_improved=False`).
func closeness(from sums: ShortestPathSums, n: Int, wfImproved: Bool = true) -> [Double] {
    (0..<n).map { u in
        closeness(reached: sums.reached[u], totalDistance: sums.totalDistance[u], n: n, wfImproved: wfImproved)
    }
}

/// One node's closeness from the number of nodes it reaches (itself included) and the
/// sum of their distances: Wasserman–Faust's when `wfImproved` (the default), otherwise
/// without the `(r − 1)/(n − 1)` factor.
@inline(__always)
func closeness(reached: Int, totalDistance total: Double, n: Int, wfImproved: Bool = true) -> Double {
    guard total > 0, n > 1 else { return 0 }
    let others = Double(reached - 1)
    return wfImproved ? others / total * (others / Double(n - 1)) : others / total
}
