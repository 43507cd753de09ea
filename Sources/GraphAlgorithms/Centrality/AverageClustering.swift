import GraphCore

/// Average clustering coefficient of the graph (NetworkX's `average_clustering`).
///
/// `C̄ = (1/n) Σ_u C(u)` with `C(u)` from ``clusteringCoefficient(of:weighted:)`` (so
/// weighted and directed graphs use those definitions). With `countZeros` false, nodes
/// with `C(u) = 0` are left out of the mean (NetworkX's `count_zeros=False`). An empty
/// graph (or, without zeros, a graph where every `C(u)` is 0) gives 0, where NetworkX
/// divides by zero.
///
/// - Complexity: that of ``clusteringCoefficient(of:weighted:)``.
/// - Reference: D. J. Watts, S. H. Strogatz, "Collective dynamics of 'small-world'
///   networks", Nature 393, 1998, doi:10.1038/30918.
public func averageClustering(of graph: Graph, weighted: Bool = false, countZeros: Bool = true) -> Double {
    let values = clusteringCoefficient(of: graph, weighted: weighted)
    let kept = countZeros ? values : values.filter { $0 != 0 }
    guard !kept.isEmpty else { return 0 }
    return kept.reduce(0, +) / Double(kept.count)
}
