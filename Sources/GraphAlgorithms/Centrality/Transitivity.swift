import GraphCore

/// Transitivity (global clustering coefficient) of the graph (NetworkX's `transitivity`).
///
/// `T = 3 × triangles / connected triples = Σ_u 2·T(u) / Σ_u d(u)·(d(u) − 1)`, 0 when
/// there is no triangle. Unweighted; self-loops ignored; a directed graph is treated as
/// undirected.
///
/// - Complexity: O(m^{3/2}) time, O(n + m) memory.
/// - Reference: M. E. J. Newman, S. H. Strogatz, D. J. Watts, "Random graphs with
///   arbitrary degree distributions and their applications", Phys. Rev. E 64, 2001,
///   doi:10.1103/PhysRevE.64.026118.
public func transitivity(of graph: Graph) -> Double {
    let count = TriangleCount(of: graph)
    var triangles = 0
    var triples = 0
    for u in count.triangles.indices {
        triangles += 2 * count.triangles[u]
        triples += count.degrees[u] * (count.degrees[u] - 1)
    }
    return triangles == 0 ? 0 : Double(triangles) / Double(triples)
}
