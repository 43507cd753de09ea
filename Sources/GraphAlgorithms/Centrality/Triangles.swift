import GraphCore

/// Number of triangles through each node (NetworkX's `triangles`).
///
/// `T(u) = |{{v, w} : u–v, v–w, w–u are edges}|`, counted on the simple undirected graph
/// (self-loops and repeated edges ignored, weights ignored). Each triangle adds 1 to each
/// of its three corners, so `Σ_u T(u) = 3 × (number of triangles)`.
///
/// Defined for undirected graphs only (NetworkX refuses directed ones too): a directed
/// graph throws ``CentralityError/directedNotSupported(measure:)``; read it as
/// undirected to count the triangles of its undirected version.
///
/// - Complexity: O(m^{3/2}) time, O(n + m) memory (degree-ordered forward counting).
/// - Reference: T. Schank, D. Wagner, "Finding, counting and listing all triangles in
///   large graphs, an experimental study", WEA 2005, doi:10.1007/11427186_54.
public func triangles(of graph: Graph) throws -> [Double] {
    guard !graph.isDirected else { throw CentralityError.directedNotSupported(measure: "triangles") }
    return TriangleCount(of: graph).triangles.map(Double.init)
}
