import GraphCore

/// Local clustering coefficient of every node, unweighted (NetworkX's `clustering`).
///
/// `C(u) = 2·T(u) / (d(u)·(d(u) − 1))`, where `T(u)` is the number of triangles through
/// `u` and `d(u)` its number of distinct neighbours other than itself; 0 when
/// `d(u) < 2`. Weights are ignored, self-loops are ignored, and a directed graph is
/// treated as undirected (each adjacent pair once).
///
/// - Complexity: O(m^{3/2}) time (see `TriangleCount`), O(n + m) memory.
/// - Reference: D. J. Watts, S. H. Strogatz, "Collective dynamics of 'small-world'
///   networks", Nature 393, 1998, doi:10.1038/30918.
public func localClustering(of graph: Graph) -> [Double] {
    let count = TriangleCount(of: graph)
    return count.triangles.indices.map { u in
        let t = 2 * count.triangles[u]
        let d = count.degrees[u]
        return t == 0 ? 0 : Double(t) / Double(d * (d - 1))
    }
}
