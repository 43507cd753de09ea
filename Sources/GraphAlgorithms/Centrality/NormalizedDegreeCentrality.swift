import GraphCore

/// Degree centrality normalised by `n − 1` (NetworkX's `degree_centrality`,
/// `in_degree_centrality` and `out_degree_centrality`).
///
/// `C_D(u) = deg(u) / (n − 1)`, where `deg` is the degree counted as
/// ``degreeCentrality(of:)`` counts it (an undirected self-loop twice; on a directed graph
/// in-degree + out-degree, so values can exceed 1), the in-degree for `.in` and the
/// out-degree for `.out`. Weights are ignored. A graph of one node gives 1 for that node
/// (NetworkX's convention); an empty graph gives no values.
///
/// - Complexity: O(n).
/// - Reference: L. C. Freeman, "Centrality in social networks: conceptual
///   clarification", Social Networks 1(3), 1978, doi:10.1016/0378-8733(78)90021-7.
public func normalizedDegreeCentrality(of graph: Graph, side: DegreeSide = .total) -> [Double] {
    let n = graph.nodeCount
    if n <= 1 { return [Double](repeating: 1, count: n) }
    let raw: [Double]
    switch side {
    case .total: raw = degreeCentrality(of: graph)
    case .in: raw = inDegreeCentrality(of: graph)
    case .out: raw = outDegreeCentrality(of: graph)
    }
    let scale = 1 / Double(n - 1)
    return raw.map { $0 * scale }
}

/// Which arcs a degree counts: all of them (in + out on a directed graph), the incoming
/// ones or the outgoing ones. On an undirected graph the three are the same.
public enum DegreeSide: Sendable {
    case total, `in`, out
}
