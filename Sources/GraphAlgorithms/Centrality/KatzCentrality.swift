import GraphCore

/// Katz centrality (NetworkX's `katz_centrality` definition).
///
/// `x_v = α·Σ_u A[u][v]·x_u + β`: every walk reaching `v` counts, a walk of length `k`
/// weighted by `αᵏ`. Solved by fixed-point iteration from `x = 0`, stopping when
/// `Σ_v |x_v − x'_v| < n · tolerance`; with `normalized` the result is scaled to unit
/// Euclidean norm (NetworkX's default). The series converges only when
/// `α < 1/λ_max` (λ_max the largest eigenvalue of `A`, see ``spectralRadius(of:weighted:)``);
/// when the iteration fails and `α ≥ 1/λ_max` this throws
/// ``CentralityError/katzAlphaTooLarge(alpha:lambdaMax:)`` with λ_max, otherwise
/// ``CentralityError/notConverged(measure:iterations:tolerance:)``.
/// ``defaultKatzAlpha(of:weighted:)`` is the default every command uses.
///
/// * **Weights** are *strengths* (`A[u][v] = w(u,v)`; an undirected self-loop is one
///   diagonal entry).
/// * **Directed** graphs count walks arriving at `v` (in-arcs), as NetworkX does.
///
/// - Parameters:
///   - graph: the graph.
///   - alpha: the attenuation factor α, below 1/λ_max.
///   - beta: the constant term β every node gets.
///   - weighted: use edge weights as strengths.
///   - normalized: scale the result to unit Euclidean norm.
///   - tolerance: stop when the L1 change of an iteration is below `n · tolerance`.
///   - maxIterations: iterations at most.
/// - Complexity: O(m) per iteration.
/// - Reference: L. Katz, "A new status index derived from sociometric analysis",
///   Psychometrika 18(1), 1953, doi:10.1007/BF02289026.
public func katzCentrality(
    of graph: Graph, alpha: Double = 0.1, beta: Double = 1, weighted: Bool = false,
    normalized: Bool = true, tolerance: Double = 1e-12, maxIterations: Int = 10_000
) throws -> [Double] {
    guard alpha.isFinite, alpha >= 0 else {
        throw CentralityError.invalidParameter(
            name: "alpha", value: "\(alpha)", expected: "a non-negative attenuation factor below 1/λ_max")
    }
    guard beta.isFinite else {
        throw CentralityError.invalidParameter(name: "beta", value: "\(beta)", expected: "a finite number")
    }
    let n = graph.nodeCount
    if n == 0 { return [] }
    let offsets = graph.isDirected ? graph.inOffsets : graph.offsets
    let sources = graph.isDirected ? graph.inSources : graph.targets
    let matrix = MatrixWeights(
        graph: graph, weighted: weighted, arcs: sources, offsets: offsets,
        weights: graph.isDirected ? graph.inWeights : graph.weights)
    var x = [Double](repeating: 0, count: n)
    var next = [Double](repeating: 0, count: n)
    for _ in 0..<maxIterations {
        var err = 0.0
        for v in 0..<n {
            var sum = 0.0
            let range = Int(offsets[v])..<Int(offsets[v + 1])
            if let w = matrix.arcWeights {
                for a in range { sum += w[a] * x[Int(sources[a])] }
            } else {
                for a in range { sum += x[Int(sources[a])] }
            }
            let value = alpha * sum + beta
            next[v] = value
            err += abs(value - x[v])
        }
        swap(&x, &next)
        guard err.isFinite else { break }
        if err < Double(n) * tolerance {
            guard normalized else { return x }
            var norm2 = 0.0
            for value in x { norm2 += value * value }
            let norm = norm2.squareRoot()
            return norm > 0 ? x.map { $0 / norm } : x
        }
    }
    if let lambda = try? spectralRadius(of: graph, weighted: weighted), alpha * lambda >= 1 - 1e-9 {
        throw CentralityError.katzAlphaTooLarge(alpha: alpha, lambdaMax: lambda)
    }
    throw CentralityError.notConverged(measure: "Katz centrality", iterations: maxIterations, tolerance: tolerance)
}

/// The attenuation factor uccn uses when none is given: NetworkX's default `α = 0.1` when
/// it is below `1/λ_max`, otherwise `α = 0.5/λ_max` (half the bound), so that Katz
/// centrality is defined on any graph. `λ_max` is ``spectralRadius(of:weighted:)`` with
/// the same weights as the Katz computation.
///
/// - Parameters:
///   - graph: the graph.
///   - weighted: whether the Katz computation uses weights.
/// - Returns: the factor and, when 0.1 was too large, the `λ_max` that set it.
/// - Complexity: that of ``spectralRadius(of:weighted:)``.
public func defaultKatzAlpha(of graph: Graph, weighted: Bool = false) -> (alpha: Double, lambdaMax: Double?) {
    guard let lambda = try? spectralRadius(of: graph, weighted: weighted), lambda * 0.1 >= 1 else {
        return (0.1, nil)
    }
    return (0.5 / lambda, lambda)
}
