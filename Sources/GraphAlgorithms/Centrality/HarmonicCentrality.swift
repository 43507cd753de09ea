import GraphCore

/// Harmonic centrality: the sum of inverse distances, not normalised (NetworkX's
/// `harmonic_centrality`).
///
/// `H(u) = Σ_{v ≠ u, d(v,u) > 0} 1/d(v, u)`; unreachable nodes add 0 (1/∞), so the
/// measure is defined on disconnected graphs. Divide by `n − 1` for igraph's or
/// NetworKit's normalised value.
///
/// * **Weights** are *distances* when `weighted` (Dijkstra); nodes at distance 0 through
///   zero-weight edges are skipped, as in NetworkX.
/// * **Directed** graphs use distances *to* `u`.
///
/// Unweighted graphs of 2,048 nodes or more are searched 256 sources at a time,
/// direction-optimising; the values are the same.
///
/// - Parameters:
///   - graph: the graph.
///   - weighted: use edge weights as distances.
///   - threads: worker threads (the result does not depend on them).
/// - Complexity: O(n·m) unweighted, O(n·(m + n log n)) weighted; O(n + m) memory per
///   thread. Results do not depend on `threads`.
/// - Reference: M. Marchiori, V. Latora, "Harmony in the small-world", Physica A 285,
///   2000, doi:10.1016/S0378-4371(00)00311-3; P. Boldi, S. Vigna, "Axioms for
///   centrality", Internet Mathematics 10, 2014, doi:10.1080/15427951.2013.865686.
public func harmonicCentrality(of graph: Graph, weighted: Bool = false, threads: Int = 1) -> [Double] {
    ShortestPathSums(graph: graph, weighted: weighted, threads: threads).harmonic
}

/// Harmonic centrality as ``harmonicCentrality(of:weighted:threads:)``, reporting
/// progress (sources searched) to `control` and stopping when it is cancelled.
///
/// - Parameters:
///   - graph: the graph.
///   - weighted: use edge weights as distances.
///   - threads: worker threads (the result does not depend on them).
///   - control: receives the progress; cancelling it stops the computation.
/// - Throws: ``CentralityError/cancelled`` when `control` was cancelled before the end.
public func harmonicCentrality(
    of graph: Graph, weighted: Bool = false, threads: Int = 1, control: RunControl
) throws(CentralityError) -> [Double] {
    let sums = ShortestPathSums(graph: graph, weighted: weighted, threads: threads, control: control)
    if control.isCancelled { throw .cancelled }
    return sums.harmonic
}
