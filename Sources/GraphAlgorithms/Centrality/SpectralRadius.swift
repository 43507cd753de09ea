import GraphCore

/// Spectral radius `λ_max` of the adjacency matrix `A` (weighted: `A[u][v] = w(u,v)`),
/// the bound Katz centrality's attenuation factor must stay below (`α < 1/λ_max`).
///
/// * **Undirected**: the largest eigenvalue, from ``largestEigenvalue(of:weighted:)``.
/// * **Directed**: the Perron root of the non-negative matrix `A`, by power iteration on
///   `A + I` (whose dominant eigenvalue `λ_max + 1` is reached even when cycles make `A`
///   periodic) from the all-ones vector, stopping when the norm ratio changes by less
///   than `1e-12` relative, or after 100 000 steps.
///
/// An undirected self-loop is one diagonal entry (as in NetworkX's adjacency matrix).
/// Negative weights are outside Perron–Frobenius theory: the directed result is then
/// only an estimate.
///
/// - Complexity: O(m) per iteration.
/// - Reference: R. von Mises, H. Pollaczek-Geiringer, "Praktische Verfahren der
///   Gleichungsauflösung", ZAMM 9, 1929, doi:10.1002/zamm.19290090105.
public func spectralRadius(of graph: Graph, weighted: Bool = false) throws -> Double {
    guard graph.isDirected else { return try largestEigenvalue(of: graph, weighted: weighted) }
    let n = graph.nodeCount
    if n == 0 || graph.edgeCount == 0 { return 0 }
    let useWeights = weighted && graph.isWeighted
    var x = [Double](repeating: 1 / Double(n).squareRoot(), count: n)
    var next = [Double](repeating: 0, count: n)
    var ratio = 0.0
    for _ in 0..<100_000 {
        for v in 0..<n {
            var sum = x[v]
            for a in Int(graph.inOffsets[v])..<Int(graph.inOffsets[v + 1]) {
                let w = useWeights ? (graph.inWeights?[a] ?? 1) : 1
                sum += w * x[Int(graph.inSources[a])]
            }
            next[v] = sum
        }
        var norm2 = 0.0
        for value in next { norm2 += value * value }
        let norm = norm2.squareRoot()
        guard norm > 0, norm.isFinite else { return 0 }
        for v in 0..<n { x[v] = next[v] / norm }
        let previous = ratio
        ratio = norm
        if abs(ratio - previous) <= 1e-12 * ratio { break }
    }
    return max(ratio - 1, 0)
}
