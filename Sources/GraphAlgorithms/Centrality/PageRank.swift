import GraphCore

/// PageRank by power iteration, exactly as NetworkX's `pagerank` iterates.
///
/// `x ← α·(xᵀP + (Σ_{dangling u} x_u)·p) + (1 − α)·p`, starting from the uniform vector,
/// where `P[u][v] = A[u][v]/s(u)` (`s(u)` the out-strength, an undirected self-loop
/// counted once as in the adjacency matrix) and `p` the personalisation vector (uniform
/// by default, otherwise normalised to sum 1). Dangling nodes (no out-arcs, or zero
/// out-strength) send their mass along `p` (uniformly when there is no personalisation),
/// or along the `dangling` distribution when one is given (normalised to sum 1; NetworkX's
/// `dangling=`).
/// Iteration stops when `Σ_v |x_v − x'_v| < n · tolerance`; the scores sum to 1.
///
/// * **Weights** are *strengths*: a heavier edge carries more of the walk.
/// * **Directed** graphs follow arcs; undirected edges go both ways.
/// * One sweep is parallel over fixed chunks of nodes (each node's new score depends
///   only on the previous vector) and the error is summed chunk by chunk in order, so
///   results do not depend on `threads`.
///
/// NetworkX equivalent: `nx.pagerank(G, alpha, personalization, max_iter, tol, dangling=…)`.
///
/// - Parameters:
///   - graph: the graph.
///   - alpha: damping factor, in [0, 1].
///   - tolerance: stop when the L1 change of a sweep is below `n · tolerance`.
///   - weighted: use edge weights as strengths.
///   - personalization: one non-negative value per node, not all 0.
///   - dangling: one non-negative value per node, not all 0: where the walk goes from a
///     node without out-arcs.
///   - maxIterations: sweeps at most.
///   - threads: worker threads (the result does not depend on them).
/// - Returns: one score a node, summing to 1.
/// - Throws: ``CentralityError/invalidParameter(name:value:expected:)`` for a bad `alpha`
///   or personalisation; ``CentralityError/notConverged(measure:iterations:tolerance:)``
///   after `maxIterations` sweeps.
/// - Complexity: O(m) per iteration, O(n) extra memory.
/// - Reference: S. Brin, L. Page, "The anatomy of a large-scale hypertextual Web search
///   engine", Computer Networks 30, 1998, doi:10.1016/S0169-7552(98)00110-X;
///   A. Langville, C. Meyer, "Deeper inside PageRank", Internet Mathematics 1(3), 2004,
///   doi:10.1080/15427951.2004.10129091.
public func pageRank(
    of graph: Graph, alpha: Double = 0.85, tolerance: Double = 1e-10, weighted: Bool = false,
    personalization: [Double]? = nil, dangling: [Double]? = nil, maxIterations: Int = 10_000,
    threads: Int = 1
) throws -> [Double] {
    let n = graph.nodeCount
    guard alpha >= 0, alpha <= 1 else {
        throw CentralityError.invalidParameter(name: "alpha", value: "\(alpha)", expected: "a damping factor in [0, 1]")
    }
    guard tolerance > 0 else {
        throw CentralityError.invalidParameter(name: "tolerance", value: "\(tolerance)", expected: "a positive number")
    }
    if n == 0 { return [] }
    /// `values` normalised to sum 1, after checking them.
    func distribution(_ values: [Double], name: String) throws -> [Double] {
        guard values.count == n else {
            throw CentralityError.invalidParameter(
                name: name, value: "\(values.count) values", expected: "one value per node (\(n))")
        }
        guard values.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw CentralityError.invalidParameter(
                name: name, value: "a negative or non-finite value", expected: "non-negative finite values")
        }
        let total = values.reduce(0, +)
        guard total > 0 else {
            throw CentralityError.invalidParameter(name: name, value: "all zeros", expected: "a positive sum")
        }
        return values.map { $0 / total }
    }
    var p = [Double](repeating: 1 / Double(n), count: n)
    if let personalization { p = try distribution(personalization, name: "personalization") }
    let danglingTo = try dangling.map { try distribution($0, name: "dangling") } ?? p

    // Row sums of the adjacency matrix (out-strengths).
    let outMatrix = MatrixWeights(
        graph: graph, weighted: weighted, arcs: graph.targets, offsets: graph.offsets, weights: graph.weights)
    var inverseStrength = [Double](repeating: 0, count: n)
    var dangling: [Int32] = []
    for u in 0..<n {
        var s = 0.0
        let range = Int(graph.offsets[u])..<Int(graph.offsets[u + 1])
        if let w = outMatrix.arcWeights {
            for a in range { s += w[a] }
        } else {
            s = Double(range.count)
        }
        if s > 0 { inverseStrength[u] = 1 / s } else { dangling.append(Int32(u)) }
    }
    // Gather side: in-arcs (the arcs themselves when undirected).
    let inOffsets = graph.isDirected ? graph.inOffsets : graph.offsets
    let inSources = graph.isDirected ? graph.inSources : graph.targets
    let inMatrix =
        graph.isDirected
        ? MatrixWeights(graph: graph, weighted: weighted, arcs: inSources, offsets: inOffsets, weights: graph.inWeights)
        : outMatrix

    var x = [Double](repeating: 1 / Double(n), count: n)
    let next = SharedBuffer<Double>(repeating: 0, count: n)
    let scaled = SharedBuffer<Double>(repeating: 0, count: n)
    defer { next.deallocate(); scaled.deallocate() }
    let chunks = ChunkPartition(count: n, chunkSize: 2048)
    let errors = SharedBuffer<Double>(repeating: 0, count: max(chunks.chunkCount, 1))
    defer { errors.deallocate() }

    for _ in 0..<maxIterations {
        var danglingMass = 0.0
        for u in dangling { danglingMass += x[Int(u)] }
        let dm = danglingMass
        x.withUnsafeBufferPointer { xb in
            let xp = xb.baseAddress!
            chunks.run(threads: threads) { c in
                for u in chunks.range(ofChunk: c) { scaled[u] = xp[u] * inverseStrength[u] }
            }
            inOffsets.withUnsafeBufferPointer { ob in
                inSources.withUnsafeBufferPointer { sb in
                    p.withUnsafeBufferPointer { pb in
                        danglingTo.withUnsafeBufferPointer { db in
                            let o = ob.baseAddress!, src = sb.baseAddress!, pp = pb.baseAddress!, dd = db.baseAddress!
                            let y = scaled.base
                            chunks.run(threads: threads) { c in
                                var err = 0.0
                                if let w = inMatrix.arcWeights {
                                    w.withUnsafeBufferPointer { wb in
                                        let wp = wb.baseAddress!
                                        for v in chunks.range(ofChunk: c) {
                                            var sum = 0.0
                                            for a in Int(o[v])..<Int(o[v + 1]) { sum += y[Int(src[a])] * wp[a] }
                                            let value = alpha * (sum + dm * dd[v]) + (1 - alpha) * pp[v]
                                            next[v] = value
                                            err += abs(value - xp[v])
                                        }
                                    }
                                } else {
                                    for v in chunks.range(ofChunk: c) {
                                        var sum = 0.0
                                        for a in Int(o[v])..<Int(o[v + 1]) { sum += y[Int(src[a])] }
                                        let value = alpha * (sum + dm * dd[v]) + (1 - alpha) * pp[v]
                                        next[v] = value
                                        err += abs(value - xp[v])
                                    }
                                }
                                errors[c] = err
                            }
                        }
                    }
                }
            }
        }
        var err = 0.0
        for c in 0..<chunks.chunkCount { err += errors[c] }
        x.withUnsafeMutableBufferPointer { xb in
            xb.baseAddress!.update(from: next.base, count: n)
        }
        if err < Double(n) * tolerance { return x }
    }
    throw CentralityError.notConverged(measure: "PageRank", iterations: maxIterations, tolerance: tolerance)
}
