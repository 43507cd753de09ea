import GraphCore

/// Degree centrality: the number of edges at each node.
///
/// `degree(u) = |{arcs at u}|`; an undirected self-loop counts twice (NetworkX's and
/// igraph's convention). For a directed graph the degree is in-degree + out-degree (as
/// NetworkX's `DiGraph.degree`); use ``inDegreeCentrality(of:)`` and
/// ``outDegreeCentrality(of:)`` for either side. Weights are ignored (see
/// ``strength(of:)``). Values are raw counts, not divided by `n − 1` (NetworkX's
/// `degree_centrality` divides; the benchmark's canonical definition does not).
///
/// - Complexity: O(n).
/// - Reference: L. C. Freeman, "Centrality in social networks: conceptual
///   clarification", Social Networks 1(3), 1978, doi:10.1016/0378-8733(78)90021-7.
public func degreeCentrality(of graph: Graph) -> [Double] {
    let out = rowLengths(graph.offsets)
    guard graph.isDirected else { return out }
    let inn = rowLengths(graph.inOffsets)
    return (0..<out.count).map { out[$0] + inn[$0] }
}

/// `offsets[u + 1] − offsets[u]` for every row, as `Double`s.
private func rowLengths(_ offsets: [Int32]) -> [Double] {
    let n = max(offsets.count - 1, 0)
    return [Double](unsafeUninitializedCapacity: n) { buffer, count in
        offsets.withUnsafeBufferPointer { o in
            for u in 0..<n { buffer[u] = Double(o[u + 1] &- o[u]) }
        }
        count = n
    }
}

/// In-degree of every node (the degree for undirected graphs).
///
/// - Complexity: O(n).
public func inDegreeCentrality(of graph: Graph) -> [Double] {
    rowLengths(graph.isDirected ? graph.inOffsets : graph.offsets)
}

/// Out-degree of every node (the degree for undirected graphs).
///
/// - Complexity: O(n).
public func outDegreeCentrality(of graph: Graph) -> [Double] {
    rowLengths(graph.offsets)
}

/// Strength (weighted degree): the sum of the weights of the edges at each node.
///
/// `s(u) = Σ_{arcs u→v} w(u,v)`; weights are strengths (tie intensities), an undirected
/// self-loop counts twice, and a directed graph sums in- and out-arcs (NetworkX's
/// `G.degree(weight="weight")`). On an unweighted graph the strength is the degree.
///
/// - Complexity: O(n + m).
/// - Reference: A. Barrat, M. Barthélemy, R. Pastor-Satorras, A. Vespignani, "The
///   architecture of complex weighted networks", PNAS 101(11), 2004,
///   doi:10.1073/pnas.0400087101.
public func strength(of graph: Graph) -> [Double] {
    (0..<graph.nodeCount).map { u in
        var s = graph.strength(of: u)
        if graph.isDirected {
            if let inWeights = graph.inWeights {
                for a in Int(graph.inOffsets[u])..<Int(graph.inOffsets[u + 1]) { s += inWeights[a] }
            } else {
                s += Double(graph.inDegree(of: u))
            }
        }
        return s
    }
}
