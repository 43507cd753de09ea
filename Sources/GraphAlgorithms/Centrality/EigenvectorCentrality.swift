import GraphCore

/// Eigenvector centrality: the principal eigenvector of the adjacency matrix, with unit
/// Euclidean norm and positive entries (NetworkX's `eigenvector_centrality_numpy`,
/// which uses ARPACK).
///
/// `λ·x_v = Σ_u A[u][v]·x_u`, `‖x‖₂ = 1`, `x ≥ 0`: a node is central when its neighbours
/// are. Computed by power iteration on the shifted matrix `A + c·I` (`c` the mean matrix
/// entry, 1 when unweighted), which has the same eigenvectors but a strictly dominant
/// leading eigenvalue even for bipartite graphs; iteration stops when no entry changes
/// by more than `tolerance`.
///
/// * **Weights** are *strengths* (`A[u][v] = w(u,v)`; an undirected self-loop is one
///   diagonal entry).
/// * **Disconnected graphs**: NetworkX refuses them. Here the eigenvector is returned
///   when it is unique: the component with the largest leading eigenvalue carries it and
///   every other node gets 0. When two components tie for the largest eigenvalue (a
///   graph with no edges, two identical components, …) it throws
///   ``CentralityError/ambiguousEigenvector(reason:)``.
/// * **Directed graphs** are not supported (throws
///   ``CentralityError/directedNotSupported(measure:)``).
///
/// - Complexity: O(m) per iteration; the number of iterations grows with
///   `log(tolerance)/log(|λ₂ + c|/(λ₁ + c))`.
/// - Reference: P. Bonacich, "Factoring and weighting approaches to status scores and
///   clique identification", J. Math. Sociology 2(1), 1972,
///   doi:10.1080/0022250X.1972.9989806.
public func eigenvectorCentrality(
    of graph: Graph, weighted: Bool = false, tolerance: Double = 1e-12, maxIterations: Int = 100_000
) throws -> [Double] {
    try principalEigenpair(of: graph, weighted: weighted, tolerance: tolerance, maxIterations: maxIterations).vector
}

/// The largest eigenvalue λ_max of the (weighted) adjacency matrix of an undirected
/// graph, e.g. to choose a Katz attenuation factor below 1/λ_max. 0 for a graph without
/// edges.
///
/// - Complexity: as ``eigenvectorCentrality(of:weighted:tolerance:maxIterations:)``.
public func largestEigenvalue(of graph: Graph, weighted: Bool = false) throws -> Double {
    guard !graph.isDirected else { throw CentralityError.directedNotSupported(measure: "largest eigenvalue") }
    if graph.edgeCount == 0 { return 0 }
    do {
        return try principalEigenpair(of: graph, weighted: weighted, tolerance: 1e-10, maxIterations: 100_000).lambda
    } catch CentralityError.ambiguousEigenvector {
        // Tied components still share one largest eigenvalue.
        return try principalEigenpair(
            of: graph, weighted: weighted, tolerance: 1e-10, maxIterations: 100_000, allowTies: true).lambda
    }
}

private func principalEigenpair(
    of graph: Graph, weighted: Bool, tolerance: Double, maxIterations: Int, allowTies: Bool = false
) throws -> (lambda: Double, vector: [Double]) {
    guard !graph.isDirected else { throw CentralityError.directedNotSupported(measure: "eigenvector centrality") }
    let n = graph.nodeCount
    if n == 0 { return (0, []) }
    let matrix = MatrixWeights(
        graph: graph, weighted: weighted, arcs: graph.targets, offsets: graph.offsets, weights: graph.weights)
    let components = ConnectedComponents(of: graph)
    let members = components.members()

    var shift = 1.0
    if let w = matrix.arcWeights, !w.isEmpty {
        shift = w.reduce(0, +) / Double(w.count)
        if !(shift > 0) { shift = 1 }
    }

    var best: (lambda: Double, label: Int, vector: [Double])? = nil
    var tie: Int? = nil
    for (label, nodes) in members.enumerated() {
        let (lambda, vector) = try leadingEigenpair(
            graph: graph, matrix: matrix, nodes: nodes, shift: shift,
            tolerance: tolerance, maxIterations: maxIterations)
        if let current = best {
            let scale = max(1, abs(current.lambda), abs(lambda))
            if abs(lambda - current.lambda) <= 1e-9 * scale {
                tie = label
            } else if lambda > current.lambda {
                best = (lambda, label, vector)
                tie = nil
            }
        } else {
            best = (lambda, label, vector)
        }
    }
    guard let best else { return (0, [Double](repeating: 0, count: n)) }
    if let tie, !allowTies {
        throw CentralityError.ambiguousEigenvector(
            reason: "components \(best.label + 1) and \(tie + 1) (by size) share the largest eigenvalue \(best.lambda)")
    }
    var result = [Double](repeating: 0, count: n)
    for (i, v) in members[best.label].enumerated() { result[v] = best.vector[i] }
    return (best.lambda, result)
}

/// Leading eigenpair of `A` restricted to one connected component (`nodes`, ascending).
private func leadingEigenpair(
    graph: Graph, matrix: MatrixWeights, nodes: [Int], shift: Double,
    tolerance: Double, maxIterations: Int
) throws -> (Double, [Double]) {
    let size = nodes.count
    if size == 1 {
        let u = nodes[0]
        var diagonal = 0.0
        for a in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) {
            diagonal += matrix.arcWeights?[a] ?? 1
        }
        return (diagonal, [1])
    }
    // The component as its own CSR (the graph's arrays when it spans the graph).
    let offsets: [Int32]
    let targets: [Int32]
    let weights: [Double]?
    if size == graph.nodeCount {
        offsets = graph.offsets
        targets = graph.targets
        weights = matrix.arcWeights
    } else {
        var local = [Int32](repeating: -1, count: graph.nodeCount)
        for (i, v) in nodes.enumerated() { local[v] = Int32(i) }
        var o = [Int32](repeating: 0, count: size + 1)
        var t: [Int32] = []
        var w: [Double] = []
        for (i, v) in nodes.enumerated() {
            for a in Int(graph.offsets[v])..<Int(graph.offsets[v + 1]) {
                t.append(local[Int(graph.targets[a])])
                if let mw = matrix.arcWeights { w.append(mw[a]) }
            }
            o[i + 1] = Int32(t.count)
        }
        offsets = o
        targets = t
        weights = matrix.arcWeights == nil ? nil : w
    }
    var x = [Double](repeating: 1 / Double(size).squareRoot(), count: size)
    var y = [Double](repeating: 0, count: size)
    /// y = (A + shift·I)·x; returns ‖y‖².
    func multiply() -> Double {
        offsets.withUnsafeBufferPointer { ob in
            targets.withUnsafeBufferPointer { tb in
                x.withUnsafeBufferPointer { xb in
                    y.withUnsafeMutableBufferPointer { yb in
                        let o = ob.baseAddress!, t = tb.baseAddress!, xp = xb.baseAddress!, yp = yb.baseAddress!
                        var norm2 = 0.0
                        if let weights {
                            weights.withUnsafeBufferPointer { wb in
                                let w = wb.baseAddress!
                                for v in 0..<size {
                                    var sum = shift * xp[v]
                                    for a in Int(o[v])..<Int(o[v + 1]) { sum += w[a] * xp[Int(t[a])] }
                                    yp[v] = sum
                                    norm2 += sum * sum
                                }
                            }
                        } else {
                            for v in 0..<size {
                                var sum = shift * xp[v]
                                for a in Int(o[v])..<Int(o[v + 1]) { sum += xp[Int(t[a])] }
                                yp[v] = sum
                                norm2 += sum * sum
                            }
                        }
                        return norm2
                    }
                }
            }
        }
    }
    for _ in 0..<maxIterations {
        let norm = multiply().squareRoot()
        guard norm > 0, norm.isFinite else { break }
        var change = 0.0
        let inverse = 1 / norm
        for i in 0..<size {
            let value = y[i] * inverse
            change = max(change, abs(value - x[i]))
            x[i] = value
        }
        if change < tolerance {
            // Rayleigh quotient xᵀ(A + cI)x − c of the unit vector x.
            _ = multiply()
            var lambda = 0.0
            for i in 0..<size { lambda += x[i] * y[i] }
            return (lambda - shift, x)
        }
    }
    throw CentralityError.notConverged(measure: "eigenvector centrality", iterations: maxIterations, tolerance: tolerance)
}
