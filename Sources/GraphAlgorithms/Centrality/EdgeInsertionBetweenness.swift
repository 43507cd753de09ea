import GraphCore

/// Exact betweenness centrality of one graph with a few edges added, for many such
/// variants of the same graph (what-if analyses): each answer is bit for bit
/// ``betweennessCentrality(of:weighted:normalized:endpoints:threads:progress:)`` of the
/// graph with the edges (unweighted, endpoints excluded), computed again only for the
/// sources whose shortest paths the edges change.
///
/// Betweenness is `c_B(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st`, summed by Brandes' algorithm as
/// `Σ_s δ_s(v)`, the dependency of each source `s` on `v`; every link counts as length 1
/// (weights are ignored, as in the default unweighted betweenness). Normalisation as in
/// ``betweennessCentrality(of:weighted:normalized:endpoints:threads:progress:)``: divide
/// by `(n − 1)(n − 2)` when `normalized`, else count each unordered pair once.
///
/// **Which sources change.** When every added edge `a–b` joins two nodes at the same
/// distance from `s` (`d(s, a) = d(s, b)`, or both unreachable), no added edge lies on a
/// shortest path from `s`: a path that crosses one arrives one link later than the node's
/// old distance. The search from `s` then meets the same distances, path counts and
/// successors in the same order, and computes the same `δ_s`, number for number. Only the
/// other sources are searched again (Green, McColl and Bader's observation for edge
/// insertion). The per-source dependencies of the graph are kept (`n²` numbers), and the
/// sums are redone in the order of the full computation (the same fixed source blocks,
/// each summed in source order, then the blocks in order), so the floating-point result
/// is identical, not merely close.
///
/// Undirected graphs of up to ``maxIncrementalNodes`` nodes are updated this way; for a
/// directed or larger graph every call computes the betweenness of the graph with the
/// edges from scratch (the same values, without the saving).
///
/// - Complexity: O(n·m) time and O(n²) memory once; then per call O(k·m) for the `k`
///   sources whose distances to the two ends of an added edge differ, O(n²) additions to
///   redo the sums of the source blocks they fall in, one breadth-first search per end of
///   an added edge, and O(n + m) scratch memory.
/// - Reference: O. Green, R. McColl, D. A. Bader, "A fast algorithm for streaming
///   betweenness centrality", ASE/IEEE SocialCom–PASSAT 2012, doi:10.1109/SocialCom-PASSAT.2012.37;
///   U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociology 25(2),
///   2001, doi:10.1080/0022250X.2001.9990249.
public struct EdgeInsertionBetweenness: Sendable {
    /// The graph without the added edges.
    public let graph: Graph
    /// Whether values are divided by the number of pairs.
    public let normalized: Bool
    /// Betweenness of ``graph`` (identical to `betweennessCentrality(of: graph, normalized: normalized)`).
    public let values: [Double]

    /// Largest node count whose per-source dependencies are kept (`n²` doubles: 8 MiB at
    /// 1,024 nodes); larger graphs are computed from scratch on every call.
    public static let maxIncrementalNodes = 1024

    /// `dependencies[s * n + v]` is `δ_s(v)` on ``graph`` (empty when not incremental).
    private let dependencies: [Double]
    /// `blockSums[b * n + v]`: the sum of `δ_s(v)` over the sources of block `b`, in order.
    private let blockSums: [Double]
    private let blockCount: Int
    private let incremental: Bool

    /// Computes the betweenness of `graph` and, for an undirected graph of at most
    /// ``maxIncrementalNodes`` nodes, keeps every source's dependencies.
    ///
    /// - Parameters:
    ///   - graph: the graph (weights are ignored).
    ///   - normalized: divide by the number of pairs (default, as NetworkX).
    /// - Complexity: O(n·m) time, O(n²) memory.
    public init(graph: Graph, normalized: Bool = true) {
        self.graph = graph
        self.normalized = normalized
        let n = graph.nodeCount
        incremental = !graph.isDirected && n > 0 && n <= Self.maxIncrementalNodes && n < renumberFrom
        guard incremental else {
            dependencies = []
            blockSums = []
            blockCount = 0
            values = betweennessCentrality(of: graph, normalized: normalized)
            return
        }
        // The blocks of unweightedBrandes (every node a source).
        let partition = BlockPartition(count: n, maxBlocks: max(1, min(64, (1 << 24) / n)))
        blockCount = partition.blockCount
        var deps = [Double](repeating: 0, count: n * n)
        var sums = [Double](repeating: 0, count: partition.blockCount * n)
        let kernel = BFSBrandes(n: n, arcs: graph.targets.count)
        defer { kernel.deallocate() }
        graph.offsets.withUnsafeBufferPointer { o in
            graph.targets.withUnsafeBufferPointer { t in
                deps.withUnsafeMutableBufferPointer { d in
                    for s in 0..<n {
                        kernel.run(
                            source: s, offsets: o.baseAddress!, targets: t.baseAddress!,
                            accumulator: d.baseAddress! + s * n, endpoints: false)
                    }
                }
            }
        }
        deps.withUnsafeBufferPointer { d in
            sums.withUnsafeMutableBufferPointer { acc in
                for b in 0..<partition.blockCount {
                    Self.sum(block: b, partition: partition, n: n, into: acc.baseAddress! + b * n) { s in
                        d.baseAddress! + s * n
                    }
                }
            }
        }
        dependencies = deps
        blockSums = sums
        values = Self.finish(sums, blockCount: partition.blockCount, n: n, normalized: normalized)
    }

    /// Betweenness of ``graph`` with the edges `a–b` of `edges` added (node indices; a
    /// self-loop or an edge already there adds nothing): bit for bit
    /// `betweennessCentrality(of: graph.addingEdges(edges), normalized: normalized)`.
    ///
    /// Safe to call from several threads at once (each call has its own scratch space).
    ///
    /// - Parameter edges: the edges to add, as node index pairs in `0..<n`.
    /// - Returns: one value a node.
    public func afterAdding(_ edges: [(Int, Int)]) -> [Double] {
        let linked = graph.addingEdges(edges)
        if linked.edgeCount == graph.edgeCount { return values }
        guard incremental else { return betweennessCentrality(of: linked, normalized: normalized) }
        let n = graph.nodeCount
        let affected = affectedSources(by: edges)
        let partition = BlockPartition(count: n, maxBlocks: blockCount)
        var touchedBlocks = [Bool](repeating: false, count: blockCount)
        for s in 0..<n where affected[s] { touchedBlocks[s % blockCount] = true }

        // Scratch: one source's new dependencies, and one block's new sum.
        let kernel = BFSBrandes(n: n, arcs: linked.targets.count)
        let fresh = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let block = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer {
            kernel.deallocate()
            fresh.deallocate()
            block.deallocate()
        }
        var raw = [Double](repeating: 0, count: n)
        linked.offsets.withUnsafeBufferPointer { o in
            linked.targets.withUnsafeBufferPointer { t in
                dependencies.withUnsafeBufferPointer { d in
                    blockSums.withUnsafeBufferPointer { sums in
                        for b in 0..<partition.blockCount {
                            var sum = sums.baseAddress! + b * n
                            if touchedBlocks[b] {
                                // The block's sum again, in source order, with the affected
                                // sources' new dependencies.
                                block.initialize(repeating: 0, count: n)
                                for s in partition.items(ofBlock: b) {
                                    var row = d.baseAddress! + s * n
                                    if affected[s] {
                                        fresh.initialize(repeating: 0, count: n)
                                        kernel.run(
                                            source: s, offsets: o.baseAddress!, targets: t.baseAddress!,
                                            accumulator: fresh, endpoints: false)
                                        row = UnsafePointer(fresh)
                                    }
                                    for v in 0..<n { block[v] += row[v] }
                                }
                                sum = UnsafePointer(block)
                            }
                            for v in 0..<n { raw[v] += sum[v] }
                        }
                    }
                }
            }
        }
        return rescaleBetweenness(
            raw, n: n, normalized: normalized, directed: false, endpoints: false, sampledSources: nil)
    }

    /// Betweenness of ``graph`` with the one edge `u–v` added, searched again from the
    /// sources on one side of it only: equal to ``afterAdding(_:)`` up to rounding (the
    /// changes are added in another order), for callers that compare values with a margin
    /// far above rounding, such as ranks, and ask ``afterAdding(_:)`` when a comparison is
    /// too close to call. `nil` when the graph is not kept for incremental updates.
    ///
    /// **Which pairs change.** Let `U` be the nodes strictly closer to `u` than to `v`
    /// (`d(s, u) < d(s, v)`, an unreachable node being infinitely far) and `V` those
    /// strictly closer to `v`. A shortest path through the new edge from `s` to `t` runs
    /// `s … u – v … t` with `s ∈ U` and `t ∈ V` (or the reverse): if `d(t, v) ≥ d(t, u)`,
    /// the route `s … u – v … t` is longer than `s … u … t`. So only the pairs of `U × V`
    /// change, the dependencies of a source in `U` change only through its targets in `V`,
    /// and since `σ_st(w)/σ_st = σ_ts(w)/σ_ts` on an undirected graph, the pairs counted
    /// from the sources in `V` change by as much as those counted from the sources in `U`:
    ///
    /// `c′_B(w) = c_B(w) + 2 · scale · Σ_{s ∈ S} (δ′_s(w) − δ_s(w))`
    ///
    /// with `S` the smaller of `U` and `V`, `δ′_s` a search on the graph with the edge and
    /// `δ_s` the kept dependencies (``scale``: the normalisation). On the UCCN graph the
    /// smaller side holds about 34 of the largest component's 261 cities on average,
    /// against about 187 sources whose distances to the two ends differ.
    ///
    /// - Parameters:
    ///   - u: one end of the new edge.
    ///   - v: the other end.
    /// - Complexity: O(n + m) for the two searches from `u` and `v`, then O(|S| · (n + m)).
    public func afterAddingFromNearerSide(_ u: Int, _ v: Int) -> [Double]? {
        guard incremental else { return nil }
        let linked = graph.addingEdges([(u, v)])
        if linked.edgeCount == graph.edgeCount { return values }
        let n = graph.nodeCount
        let fromU = breadthFirstDistances(from: u), fromV = breadthFirstDistances(from: v)
        var nearU: [Int] = [], nearV: [Int] = []
        for s in 0..<n {
            let su = fromU[s] < 0 ? Int32.max : fromU[s]
            let sv = fromV[s] < 0 ? Int32.max : fromV[s]
            if su < sv { nearU.append(s) } else if sv < su { nearV.append(s) }
        }
        let side = nearU.count <= nearV.count ? nearU : nearV
        var change = [Double](repeating: 0, count: n)
        let kernel = BFSBrandes(n: n, arcs: linked.targets.count)
        let fresh = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer {
            kernel.deallocate()
            fresh.deallocate()
        }
        linked.offsets.withUnsafeBufferPointer { o in
            linked.targets.withUnsafeBufferPointer { t in
                dependencies.withUnsafeBufferPointer { d in
                    for s in side {
                        fresh.initialize(repeating: 0, count: n)
                        kernel.run(
                            source: s, offsets: o.baseAddress!, targets: t.baseAddress!,
                            accumulator: fresh, endpoints: false)
                        let old = d.baseAddress! + s * n
                        for w in 0..<n { change[w] += fresh[w] - old[w] }
                    }
                }
            }
        }
        let factor = 2 * scale
        return (0..<n).map { values[$0] + factor * change[$0] }
    }

    /// The dependencies `δ_s(v)` of source `s` on every node `v` of ``graph`` (Brandes'
    /// single-source sums, before normalisation: `Σ_t σ_st(v)/σ_st` over targets `t`), or
    /// `nil` when they are not kept (a directed or large graph).
    ///
    /// - Parameter s: the source, in `0..<n`.
    public func dependencies(ofSource s: Int) -> [Double]? {
        guard incremental else { return nil }
        let n = graph.nodeCount
        return Array(dependencies[(s * n)..<((s + 1) * n)])
    }

    /// The factor ``values`` are the raw sums times: `1/((n − 1)(n − 2))` normalised, `1/2`
    /// otherwise (undirected pairs counted once), 1 when there are fewer than three nodes.
    public var scale: Double {
        let n = graph.nodeCount
        guard n > 2 else { return 1 }
        let correction = graph.isDirected ? 1.0 : 2.0
        return normalized ? 1 / Double((n - 1) * (n - 2)) : Double(n - 1) / (Double(n - 1) * correction)
    }

    /// Sources `s` for which some added edge `a–b` has `d(s, a) ≠ d(s, b)` (distances on
    /// ``graph``; an undirected graph, so they are those from `a` and `b`).
    func affectedSources(by edges: [(Int, Int)]) -> [Bool] {
        let n = graph.nodeCount
        var affected = [Bool](repeating: false, count: n)
        var distances: [Int: [Int32]] = [:]
        func from(_ x: Int) -> [Int32] {
            if let d = distances[x] { return d }
            let d = breadthFirstDistances(from: x)
            distances[x] = d
            return d
        }
        for (a, b) in edges where a != b {
            let da = from(a), db = from(b)
            for s in 0..<n where da[s] != db[s] { affected[s] = true }
        }
        return affected
    }

    /// Hop distances from `source` on ``graph`` (-1: unreachable).
    private func breadthFirstDistances(from source: Int) -> [Int32] {
        var dist = [Int32](repeating: -1, count: graph.nodeCount)
        var queue = [Int32](repeating: 0, count: graph.nodeCount)
        dist[source] = 0
        queue[0] = Int32(source)
        var head = 0, tail = 1
        while head < tail {
            let v = Int(queue[head])
            head += 1
            for w in graph.neighbors(of: v) where dist[Int(w)] < 0 {
                dist[Int(w)] = dist[v] + 1
                queue[tail] = w
                tail += 1
            }
        }
        return dist
    }

    /// Adds the rows of block `b`'s sources, in source order, into `out` (as the full
    /// computation's accumulator does: adding a zero leaves a sum unchanged).
    private static func sum(
        block b: Int, partition: BlockPartition, n: Int, into out: UnsafeMutablePointer<Double>,
        row: (Int) -> UnsafePointer<Double>
    ) {
        for s in partition.items(ofBlock: b) {
            let r = row(s)
            for v in 0..<n { out[v] += r[v] }
        }
    }

    /// The blocks added in order, then rescaled as the full computation does.
    private static func finish(_ sums: [Double], blockCount: Int, n: Int, normalized: Bool) -> [Double] {
        var raw = [Double](repeating: 0, count: n)
        for b in 0..<blockCount {
            for v in 0..<n { raw[v] += sums[b * n + v] }
        }
        return rescaleBetweenness(
            raw, n: n, normalized: normalized, directed: false, endpoints: false, sampledSources: nil)
    }
}
