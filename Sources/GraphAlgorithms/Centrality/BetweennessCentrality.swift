import GraphCore

/// Betweenness centrality (Brandes' algorithm), exact.
///
/// `c_B(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st`, where `σ_st` is the number of shortest
/// `s`–`t` paths and `σ_st(v)` the number passing through `v`. Follows NetworkX's
/// `betweenness_centrality` exactly:
///
/// * **Weights** are *distances* (Dijkstra) when `weighted` is true, otherwise every edge
///   has length 1 (breadth-first search). Weighted path lengths are compared with a
///   relative tolerance of 1e-10 (as igraph does), so equal-length paths whose float
///   sums differ in the last bits still count as ties.
/// * **Normalisation** (`normalized`, default): divide by `(n − 1)(n − 2)` (by `n(n − 1)`
///   with `endpoints`), for directed and undirected graphs alike; unnormalised values of
///   an undirected graph count each unordered pair once. Nothing is rescaled when there
///   are fewer than two possible other endpoints.
/// * **endpoints**: also count `s` and `t` as lying on their own paths.
/// * **Directed** graphs follow arcs; pairs are ordered.
/// * Path counts are `Double`s (they overflow integers on large graphs).
///
/// Sources are split into fixed blocks (independent of `threads`), each block's
/// dependencies are summed into its own buffer and the blocks are added in order, so the
/// result is bit-identical for any thread count.
///
/// NetworkX equivalent: `nx.betweenness_centrality(G, normalized, weight, endpoints)`.
///
/// - Parameters:
///   - graph: the graph.
///   - weighted: use edge weights as lengths (Dijkstra).
///   - normalized: divide by the number of pairs (see above).
///   - endpoints: count a path's end nodes as on the path.
///   - threads: worker threads (the result does not depend on them).
///   - progress: called (from worker threads) after each block of sources with the
///     number of sources in that block and the total; for progress displays.
/// - Returns: one value a node.
/// - Complexity: O(n·m) time unweighted, O(n·m + n² log n) weighted; O(n + m) memory
///   per thread plus O(n) per source block (at most 64 blocks).
/// - Reference: U. Brandes, "A faster algorithm for betweenness centrality", J. Math.
///   Sociology 25(2), 2001, doi:10.1080/0022250X.2001.9990249; U. Brandes, "On variants
///   of shortest-path betweenness centrality and their generic computation", Social
///   Networks 30(2), 2008, doi:10.1016/j.socnet.2007.11.001.
public func betweennessCentrality(
    of graph: Graph, weighted: Bool = false, normalized: Bool = true, endpoints: Bool = false,
    threads: Int = 1, progress: (@Sendable (_ sourcesDone: Int, _ sourcesTotal: Int) -> Void)? = nil
) -> [Double] {
    let sources = Array(0..<graph.nodeCount)
    let raw = brandesDependencies(
        graph: graph, sources: sources, weighted: weighted, endpoints: endpoints,
        threads: threads, progress: progress)
    return rescaleBetweenness(
        raw, n: graph.nodeCount, normalized: normalized, directed: graph.isDirected,
        endpoints: endpoints, sampledSources: nil)
}

/// Exact betweenness as ``betweennessCentrality(of:weighted:normalized:endpoints:threads:progress:)``,
/// reporting progress (sources searched) to `control` and stopping when it is cancelled.
///
/// - Parameters:
///   - graph: the graph.
///   - weighted: use edge weights as distances.
///   - normalized: divide by the number of pairs, as NetworkX does by default.
///   - endpoints: count path endpoints.
///   - threads: worker threads (the result does not depend on them).
///   - control: receives the progress; cancelling it stops the computation.
/// - Throws: ``CentralityError/cancelled`` when `control` was cancelled before the end.
public func betweennessCentrality(
    of graph: Graph, weighted: Bool = false, normalized: Bool = true, endpoints: Bool = false,
    threads: Int = 1, control: RunControl
) throws(CentralityError) -> [Double] {
    let raw = brandesDependencies(
        graph: graph, sources: Array(0..<graph.nodeCount), weighted: weighted, endpoints: endpoints,
        threads: threads, progress: nil, control: control)
    if control.isCancelled { throw .cancelled }
    return rescaleBetweenness(
        raw, n: graph.nodeCount, normalized: normalized, directed: graph.isDirected,
        endpoints: endpoints, sampledSources: nil)
}

/// Approximate betweenness from `samples` source nodes drawn uniformly without
/// replacement (seeded), scaled up to estimate the exact values.
///
/// Same definitions as ``betweennessCentrality(of:weighted:normalized:endpoints:threads:progress:)``
/// with NetworkX's rescaling for `k` sampled sources: pair counts are multiplied by
/// `n/k` (unnormalised) or divided by `k(N − 1)`; without endpoints a sampled source,
/// which cannot lie on its own paths, is divided by `(k − 1)(N − 1)` instead. With
/// `samples ≥ n` the result is exact. NetworkX equivalent:
/// `nx.betweenness_centrality(G, k=samples, seed=…)` (its own random sample, so the
/// estimates differ; the exact values agree).
///
/// - Parameters:
///   - graph: the graph.
///   - samples: how many source nodes to sample (`k`).
///   - seed: the seed of the sample (`SeededGenerator`).
///   - weighted: use edge weights as lengths (Dijkstra).
///   - normalized: divide by the number of pairs, rescaled for the sample.
///   - endpoints: count a path's end nodes as on the path.
///   - threads: worker threads (the result does not depend on them).
/// - Complexity: O(k·m) time unweighted, O(k·(m + n log n)) weighted.
/// - Reference: U. Brandes, C. Pich, "Centrality estimation in large networks", Int. J.
///   Bifurcation and Chaos 17(7), 2007, doi:10.1142/S0218127407018403.
public func approximateBetweennessCentrality(
    of graph: Graph, samples: Int, seed: UInt64 = 42, weighted: Bool = false,
    normalized: Bool = true, endpoints: Bool = false, threads: Int = 1
) -> [Double] {
    let n = graph.nodeCount
    if samples >= n {
        return betweennessCentrality(
            of: graph, weighted: weighted, normalized: normalized, endpoints: endpoints,
            threads: threads)
    }
    let sources = sampledBetweennessSources(n: n, k: max(0, samples), seed: seed)
    let raw = brandesDependencies(
        graph: graph, sources: sources, weighted: weighted, endpoints: endpoints,
        threads: threads, progress: nil)
    return rescaleBetweenness(
        raw, n: n, normalized: normalized, directed: graph.isDirected,
        endpoints: endpoints, sampledSources: sources)
}

/// The `k < n` sources of sampled betweenness, ascending: the first `k` entries of a
/// partial Fisher–Yates shuffle of `0..<n` with ``SeededGenerator``(`seed`).
func sampledBetweennessSources(n: Int, k: Int, seed: UInt64) -> [Int] {
    var generator = SeededGenerator(seed: seed)
    var pool = Array(0..<n)
    for i in 0..<k {
        let j = i + Int(generator.next() % UInt64(n - i))
        pool.swapAt(i, j)
    }
    return Array(pool[0..<k]).sorted()
}

/// NetworkX's `_rescale` for node betweenness.
func rescaleBetweenness(
    _ values: [Double], n: Int, normalized: Bool, directed: Bool, endpoints: Bool,
    sampledSources: [Int]?
) -> [Double] {
    let bigN = endpoints ? n : n - 1
    if bigN < 2 { return values }
    let k = sampledSources?.count ?? bigN
    let correction = directed ? 1 : 2
    if sampledSources == nil || endpoints {
        let scale =
            normalized
            ? 1 / Double(k * (bigN - 1))
            : Double(bigN) / Double(k * correction)
        if scale == 1 { return values }
        return values.map { $0 * scale }
    }
    let scaleSource: Double
    let scaleOther: Double
    if normalized {
        scaleSource = k > 1 ? 1 / Double((k - 1) * (bigN - 1)) : .nan
        scaleOther = 1 / Double(k * (bigN - 1))
    } else {
        scaleSource = k > 1 ? Double(bigN) / Double((k - 1) * correction) : .nan
        scaleOther = Double(bigN) / Double(k * correction)
    }
    var isSource = [Bool](repeating: false, count: n)
    for s in sampledSources ?? [] { isSource[s] = true }
    return values.indices.map { values[$0] * (isSource[$0] ? scaleSource : scaleOther) }
}

/// Sum over `sources` of Brandes' dependencies (raw, ordered pairs).
///
/// Unweighted graphs of ``renumberFrom`` nodes or more are searched on a breadth-first
/// renumbering (``TraversalOrder``), which keeps each search's reads of distances, path
/// counts and dependencies in fewer cache lines; the dependencies are the same up to
/// the order of floating-point additions (relative differences around 1e-15). With a
/// ``RunControl``, progress counts sources and a cancelled run returns early with partial
/// sums (callers check the control).
func brandesDependencies(
    graph: Graph, sources: [Int], weighted: Bool, endpoints: Bool, threads: Int,
    progress: (@Sendable (Int, Int) -> Void)?, control: RunControl? = nil, renumber: Bool? = nil,
    kernel: UnweightedBrandesKernel? = nil
) -> [Double] {
    let n = graph.nodeCount
    control?.begin(total: sources.count)
    guard n > 0, !sources.isEmpty else { return [Double](repeating: 0, count: n) }
    let useWeights = weighted && graph.weights != nil
    let kernel =
        kernel ?? (n >= multiSourceFrom && sources.count >= MultiSourceBrandes.width ? .multiSource : .singleSource)
    let multiSource = kernel == .multiSource
    if !useWeights && (multiSource || (renumber ?? (n >= renumberFrom))) {
        // Both kernels search a breadth-first renumbering; the sums are mapped back.
        let numbering = TraversalOrder(nodeCount: n, offsets: graph.offsets, targets: graph.targets)
        let out = numbering.renumber(offsets: graph.offsets, targets: graph.targets)
        let renumbered = sources.map { Int(numbering.position[$0]) }.sorted()
        let sums: [Double]
        if multiSource {
            let into = graph.isDirected ? numbering.renumber(offsets: graph.inOffsets, targets: graph.inSources) : out
            sums = multiSourceBrandes(
                out: out, into: into, directed: graph.isDirected, sources: renumbered, endpoints: endpoints,
                threads: threads, progress: progress, control: control)
        } else {
            sums = unweightedBrandes(
                offsets: out.offsets, targets: out.targets, sources: renumbered, endpoints: endpoints,
                threads: threads, progress: progress, control: control)
        }
        var result = [Double](repeating: 0, count: n)
        for i in 0..<n { result[Int(numbering.order[i])] = sums[i] }
        return result
    }
    if !useWeights {
        return unweightedBrandes(
            offsets: graph.offsets, targets: graph.targets, sources: sources, endpoints: endpoints,
            threads: threads, progress: progress, control: control)
    }
    // At most 64 blocks, and at most ~128 MB of block buffers.
    let maxBlocks = max(1, min(64, (1 << 24) / max(n, 1)))
    let partition = BlockPartition(count: sources.count, maxBlocks: maxBlocks)
    let partials = SharedBuffer<Double>(repeating: 0, count: partition.blockCount * n)
    defer { partials.deallocate() }
    let total = sources.count
    // Whole-number lengths (1…65536) use Dial's buckets instead of a heap.
    let integerWeights = useWeights ? graph.weights.flatMap(integerLengths) : nil

    partition.run(threads: threads) { _, blocks in
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.targets.withUnsafeBufferPointer { targets in
                if let integer = integerWeights {
                    integer.lengths.withUnsafeBufferPointer { l in
                        var kernel = DialBrandes(n: n, maxLength: integer.maxLength)
                        defer { kernel.deallocate() }
                        for b in blocks {
                            let acc = partials.base + b * n
                            var done = 0
                            for i in partition.items(ofBlock: b) {
                                if control?.isCancelled == true { return }
                                kernel.run(
                                    source: sources[i], offsets: offsets.baseAddress!,
                                    targets: targets.baseAddress!, lengths: l.baseAddress!,
                                    accumulator: acc, endpoints: endpoints)
                                done += 1
                                control?.advance(by: 1)
                            }
                            progress?(done, total)
                        }
                    }
                } else if let weights = graph.weights {
                    weights.withUnsafeBufferPointer { w in
                        var kernel = DijkstraBrandes(n: n)
                        defer { kernel.deallocate() }
                        for b in blocks {
                            let acc = partials.base + b * n
                            var done = 0
                            for i in partition.items(ofBlock: b) {
                                if control?.isCancelled == true { return }
                                kernel.run(
                                    source: sources[i], offsets: offsets.baseAddress!,
                                    targets: targets.baseAddress!, weights: w.baseAddress!,
                                    accumulator: acc, endpoints: endpoints)
                                done += 1
                                control?.advance(by: 1)
                            }
                            progress?(done, total)
                        }
                    }
                }
            }
        }
    }
    return sumOfBlocks(partials, blockCount: partition.blockCount, n: n)
}

/// The per-block dependency buffers (`blockCount` runs of `n`) added in block order, so
/// the sum does not depend on which worker ran which block.
func sumOfBlocks(_ partials: SharedBuffer<Double>, blockCount: Int, n: Int) -> [Double] {
    var result = [Double](repeating: 0, count: n)
    for b in 0..<blockCount {
        let acc = partials.base + b * n
        for v in 0..<n { result[v] += acc[v] }
    }
    return result
}

/// Node count from which unweighted betweenness searches a breadth-first renumbering.
let renumberFrom = 2048

/// Node count from which unweighted betweenness uses ``MultiSourceBrandes`` (when there
/// are at least 63 sources).
let multiSourceFrom = 2048

/// Which search betweenness on unit lengths uses (weighted graphs always search one
/// source at a time with Dijkstra).
public enum BetweennessKernel: String, Sendable, CaseIterable, Codable {
    /// ``multiSource`` from 2,048 nodes and 63 sources, ``singleSource`` below.
    case automatic
    /// Brandes' breadth-first search from one source at a time.
    case singleSource = "single-source"
    /// 63 sources searched together, path counts and dependencies 7 sources at a time.
    case multiSource = "multi-source"
}

/// The two kernels for unit lengths (tests choose one; otherwise by size).
enum UnweightedBrandesKernel: Sendable {
    /// ``BFSBrandes``, one source at a time.
    case singleSource
    /// ``MultiSourceBrandes``, 63 sources at a time, on a breadth-first renumbering.
    case multiSource
}

/// Sum over `sources` of Brandes' dependencies on unit lengths with
/// ``MultiSourceBrandes``: batches of 63 consecutive sources (of a breadth-first
/// numbering), summed by fixed blocks of batches (batch `i` into block `i mod blocks`); a
/// batch deeper than the distance bytes hold is searched one source at a time with
/// ``BFSBrandes``.
///
/// The workers form one ``KernelTeam`` and take the batches in rounds: in a round each
/// worker searches one batch with its own search arrays, then all of them compute the
/// round's batches one after another, sharing one array of value lines and splitting
/// each level's nodes (``MultiSourceBrandes/accumulate(group:sources:values:out:into:accumulator:endpoints:team:member:reached:)``).
/// The gathers of all workers then read the same 64 bytes a node instead of one copy
/// each, so more of what they read is in the shared cache. Every block adds its batches
/// in increasing order and a node's sum within a batch does not depend on who computed
/// it, so the result is the same bits for any number of threads.
func multiSourceBrandes(
    out: (offsets: [Int32], targets: [Int32]), into: (offsets: [Int32], targets: [Int32]), directed: Bool,
    sources: [Int], endpoints: Bool, threads: Int, progress: (@Sendable (Int, Int) -> Void)?,
    control: RunControl?
) -> [Double] {
    let n = out.offsets.count - 1
    let width = MultiSourceBrandes.width
    let batches = (sources.count + width - 1) / width
    let maxBlocks = max(1, min(64, (1 << 24) / max(n, 1)))
    let blockCount = BlockPartition(count: batches, maxBlocks: maxBlocks).blockCount
    let partials = SharedBuffer<Double>(repeating: 0, count: blockCount * n)
    defer { partials.deallocate() }
    // The gathers prefetch the lines of the node a fixed number of arcs ahead.
    let padding = [Int32](repeating: 0, count: MultiSourceBrandes.prefetchDistance)
    let outTargets = out.targets + padding
    let intoTargets = directed ? into.targets + padding : outTargets
    let total = sources.count
    let team = KernelTeam(members: max(1, min(threads, batches)))
    defer { team.deallocate() }
    let asked = team.members
    let kernels = (0..<asked).map { _ in MultiSourceBrandes(n: n) }
    defer { for kernel in kernels { kernel.deallocate() } }
    let values = lineAligned(SIMD8<UInt64>.self, count: max(n, 1))
    values.initialize(repeating: SIMD8(), count: max(n, 1))
    defer { UnsafeMutableRawPointer(values).deallocate() }
    // Per worker: the deepest level of its batch's search (-1: too deep, fall back), and
    // its count of reached nodes (endpoints).
    let deepest = SharedBuffer<Int>(repeating: 0, count: asked)
    defer { deepest.deallocate() }
    let reached = SharedBuffer<SIMD8<Double>>(repeating: SIMD8(), count: asked)
    defer { reached.deallocate() }
    let w = MultiSourceBrandes.groupWidth
    out.offsets.withUnsafeBufferPointer { oo in
        outTargets.withUnsafeBufferPointer { ot in
            into.offsets.withUnsafeBufferPointer { io in
                intoTargets.withUnsafeBufferPointer { it in
                    sources.withUnsafeBufferPointer { src in
                        let outArcs = (oo.baseAddress!, ot.baseAddress!)
                        let intoArcs = (io.baseAddress!, it.baseAddress!)
                        team.run { member in
                            let members = team.members
                            let rounds = (batches + members - 1) / members
                            var fallback: BFSBrandes?
                            defer { fallback?.deallocate() }
                            func sourcesOf(_ batch: Int) -> UnsafeBufferPointer<Int> {
                                UnsafeBufferPointer(rebasing: src[(batch * width)..<min(batch * width + width, total)])
                            }
                            for round in 0..<rounds {
                                if control?.isCancelled == true { team.requestStop() }
                                team.wait()
                                if team.stopping { return }
                                let mine = round * members + member
                                if mine < batches {
                                    deepest[member] =
                                        kernels[member].search(sources: sourcesOf(mine), out: outArcs, into: intoArcs)
                                        ?? -1
                                }
                                team.wait()
                                for j in 0..<members {
                                    let batch = round * members + j
                                    if batch >= batches { break }
                                    let acc = partials.base + (batch % blockCount) * n
                                    let batchSources = sourcesOf(batch)
                                    if deepest[j] >= 0 {
                                        let groups = (batchSources.count + w - 1) / w
                                        for g in 0..<groups {
                                            let lanes = min(w, batchSources.count - w * g)
                                            kernels[j].accumulate(
                                                group: g,
                                                sources: UnsafeBufferPointer(
                                                    rebasing: batchSources[(w * g)..<(w * g + lanes)]),
                                                values: values, out: outArcs, into: intoArcs, accumulator: acc,
                                                endpoints: endpoints, team: team, member: member,
                                                reached: reached.base)
                                        }
                                    } else {
                                        // After the last batch's own additions (the endpoints' are
                                        // made after its last barrier), one worker alone.
                                        team.wait()
                                        if member == j {
                                            let single = fallback ?? BFSBrandes(n: n, arcs: out.targets.count)
                                            fallback = single
                                            for s in batchSources {
                                                single.run(
                                                    source: s, offsets: oo.baseAddress!, targets: ot.baseAddress!,
                                                    accumulator: acc, endpoints: endpoints)
                                            }
                                        }
                                        team.wait()
                                    }
                                    if member == j {
                                        control?.advance(by: batchSources.count)
                                        progress?(batchSources.count, total)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    return sumOfBlocks(partials, blockCount: blockCount, n: n)
}

/// Sum over `sources` of Brandes' dependencies on unit lengths, over the CSR arcs given
/// (the graph's own or a renumbering), by fixed source blocks as ``brandesDependencies``.
func unweightedBrandes(
    offsets: [Int32], targets: [Int32], sources: [Int], endpoints: Bool, threads: Int,
    progress: (@Sendable (Int, Int) -> Void)?, control: RunControl?
) -> [Double] {
    let n = offsets.count - 1
    let maxBlocks = max(1, min(64, (1 << 24) / max(n, 1)))
    let partition = BlockPartition(count: sources.count, maxBlocks: maxBlocks)
    let partials = SharedBuffer<Double>(repeating: 0, count: partition.blockCount * n)
    defer { partials.deallocate() }
    let total = sources.count
    partition.run(threads: threads) { _, blocks in
        offsets.withUnsafeBufferPointer { o in
            targets.withUnsafeBufferPointer { t in
                let kernel = BFSBrandes(n: n, arcs: targets.count)
                defer { kernel.deallocate() }
                for b in blocks {
                    let acc = partials.base + b * n
                    var done = 0
                    for i in partition.items(ofBlock: b) {
                        if control?.isCancelled == true { return }
                        kernel.run(
                            source: sources[i], offsets: o.baseAddress!, targets: t.baseAddress!,
                            accumulator: acc, endpoints: endpoints)
                        done += 1
                        control?.advance(by: 1)
                    }
                    progress?(done, total)
                }
            }
        }
    }
    return sumOfBlocks(partials, blockCount: partition.blockCount, n: n)
}

/// Single-source Brandes step for unit lengths: breadth-first search counting shortest
/// paths, recording the shortest-path DAG (each node's successors, contiguously in BFS
/// order), then dependencies gathered from successors in reverse BFS order.
struct BFSBrandes {
    let dist: UnsafeMutablePointer<Int32>
    let sigma: UnsafeMutablePointer<Double>
    let coeff: UnsafeMutablePointer<Double>
    let order: UnsafeMutablePointer<Int32>
    /// Successor lists: those of `order[i]` are `dag[dagStart[i] ..< dagStart[i + 1]]`.
    let dag: UnsafeMutablePointer<Int32>
    let dagStart: UnsafeMutablePointer<Int32>

    init(n: Int, arcs: Int) {
        dist = .allocate(capacity: n); dist.initialize(repeating: -1, count: n)
        sigma = .allocate(capacity: n); sigma.initialize(repeating: 0, count: n)
        coeff = .allocate(capacity: n); coeff.initialize(repeating: 0, count: n)
        order = .allocate(capacity: n); order.initialize(repeating: 0, count: n)
        dag = .allocate(capacity: arcs + 1); dag.initialize(repeating: 0, count: arcs + 1)
        dagStart = .allocate(capacity: n + 1); dagStart.initialize(repeating: 0, count: n + 1)
    }

    func deallocate() {
        dist.deallocate(); sigma.deallocate(); coeff.deallocate(); order.deallocate()
        dag.deallocate(); dagStart.deallocate()
    }

    @inline(__always)
    func run(
        source s: Int, offsets: UnsafePointer<Int32>, targets: UnsafePointer<Int32>,
        accumulator acc: UnsafeMutablePointer<Double>, endpoints: Bool
    ) {
        dist[s] = 0
        sigma[s] = 1
        order[0] = Int32(s)
        var head = 0, tail = 1
        var dagCount = 0
        while head < tail {
            let v = Int(order[head])
            dagStart[head] = Int32(dagCount)
            head += 1
            let next = dist[v] + 1
            let sv = sigma[v]
            for a in Int(offsets[v])..<Int(offsets[v + 1]) {
                let w = Int(targets[a])
                let dw = dist[w]
                if dw < 0 {
                    dist[w] = next
                    sigma[w] = sv
                    order[tail] = Int32(w); tail += 1
                    dag[dagCount] = Int32(w); dagCount += 1
                } else if dw == next {
                    sigma[w] += sv
                    dag[dagCount] = Int32(w); dagCount += 1
                }
            }
        }
        dagStart[tail] = Int32(dagCount)
        var i = tail - 1
        while i >= 0 {
            let v = Int(order[i])
            var sum = 0.0
            for a in Int(dagStart[i])..<Int(dagStart[i + 1]) { sum += coeff[Int(dag[a])] }
            let sv = sigma[v]
            let delta = sv * sum
            coeff[v] = (1 + delta) / sv
            if v != s { acc[v] += endpoints ? delta + 1 : delta }
            i -= 1
        }
        if endpoints { acc[s] += Double(tail - 1) }
        for j in 0..<tail { dist[Int(order[j])] = -1 }
    }
}

/// Single-source Brandes step for weighted lengths: Dijkstra with an indexed heap,
/// counting equal-length paths within ``pathLengthTolerance``; dependencies gathered from
/// successors (out-neighbours settled later at the matching distance).
struct DijkstraBrandes {
    let dist: UnsafeMutablePointer<Double>
    let sigma: UnsafeMutablePointer<Double>
    let coeff: UnsafeMutablePointer<Double>
    let order: UnsafeMutablePointer<Int32>
    let rank: UnsafeMutablePointer<Int32>
    var heap: IndexedMinHeap

    init(n: Int) {
        dist = .allocate(capacity: n); dist.initialize(repeating: .infinity, count: n)
        sigma = .allocate(capacity: n); sigma.initialize(repeating: 0, count: n)
        coeff = .allocate(capacity: n); coeff.initialize(repeating: 0, count: n)
        order = .allocate(capacity: n); order.initialize(repeating: 0, count: n)
        rank = .allocate(capacity: n); rank.initialize(repeating: -1, count: n)
        heap = IndexedMinHeap(capacity: n)
    }

    func deallocate() {
        dist.deallocate(); sigma.deallocate(); coeff.deallocate(); order.deallocate()
        rank.deallocate(); heap.deallocate()
    }

    @inline(__always)
    mutating func run(
        source s: Int, offsets: UnsafePointer<Int32>, targets: UnsafePointer<Int32>,
        weights: UnsafePointer<Double>, accumulator acc: UnsafeMutablePointer<Double>,
        endpoints: Bool
    ) {
        dist[s] = 0
        sigma[s] = 1
        heap.push(Int32(s), keys: dist)
        var settled = 0
        while heap.count > 0 {
            let v = Int(heap.pop(keys: dist))
            rank[v] = Int32(settled)
            order[settled] = Int32(v)
            settled += 1
            let dv = dist[v]
            let sv = sigma[v]
            for a in Int(offsets[v])..<Int(offsets[v + 1]) {
                let w = Int(targets[a])
                if rank[w] >= 0 { continue }
                let alt = dv + weights[a]
                let dw = dist[w]
                if dw == .infinity {
                    dist[w] = alt
                    sigma[w] = sv
                    heap.push(Int32(w), keys: dist)
                } else if lengthsEqual(alt, dw) {
                    sigma[w] += sv
                } else if alt < dw {
                    dist[w] = alt
                    sigma[w] = sv
                    heap.decreased(Int32(w), keys: dist)
                }
            }
        }
        var i = settled - 1
        while i >= 0 {
            let v = Int(order[i])
            let dv = dist[v]
            let rv = rank[v]
            var sum = 0.0
            for a in Int(offsets[v])..<Int(offsets[v + 1]) {
                let w = Int(targets[a])
                if rank[w] > rv && lengthsEqual(dv + weights[a], dist[w]) { sum += coeff[w] }
            }
            let delta = sigma[v] * sum
            coeff[v] = (1 + delta) / sigma[v]
            if v != s { acc[v] += endpoints ? delta + 1 : delta }
            i -= 1
        }
        if endpoints { acc[s] += Double(settled - 1) }
        for j in 0..<settled {
            let v = Int(order[j])
            dist[v] = .infinity
            rank[v] = -1
        }
    }
}

/// Single-source Brandes step for whole-number lengths ≥ 1: Dijkstra with Dial's bucket
/// queue. Lengths are exact integers, so ties are exact; every predecessor of a node is
/// strictly closer and settled before it.
struct DialBrandes {
    let dist: UnsafeMutablePointer<Int>
    let sigma: UnsafeMutablePointer<Double>
    let coeff: UnsafeMutablePointer<Double>
    let order: UnsafeMutablePointer<Int32>
    let settledFlag: UnsafeMutablePointer<Bool>
    var queue: BucketQueue

    init(n: Int, maxLength: Int) {
        dist = .allocate(capacity: n); dist.initialize(repeating: Int.max, count: n)
        sigma = .allocate(capacity: n); sigma.initialize(repeating: 0, count: n)
        coeff = .allocate(capacity: n); coeff.initialize(repeating: 0, count: n)
        order = .allocate(capacity: n); order.initialize(repeating: 0, count: n)
        settledFlag = .allocate(capacity: n); settledFlag.initialize(repeating: false, count: n)
        queue = BucketQueue(maxLength: maxLength)
    }

    func deallocate() {
        dist.deallocate(); sigma.deallocate(); coeff.deallocate(); order.deallocate()
        settledFlag.deallocate()
    }

    @inline(__always)
    mutating func run(
        source s: Int, offsets: UnsafePointer<Int32>, targets: UnsafePointer<Int32>,
        lengths: UnsafePointer<Int32>, accumulator acc: UnsafeMutablePointer<Double>,
        endpoints: Bool
    ) {
        queue.reset()
        dist[s] = 0
        sigma[s] = 1
        queue.insert(Int32(s), distance: 0)
        var settled = 0
        while let (node, d) = queue.pop() {
            let v = Int(node)
            if settledFlag[v] || dist[v] != d { continue }
            settledFlag[v] = true
            order[settled] = node
            settled += 1
            let sv = sigma[v]
            for a in Int(offsets[v])..<Int(offsets[v + 1]) {
                let w = Int(targets[a])
                if settledFlag[w] { continue }
                let alt = d + Int(lengths[a])
                let dw = dist[w]
                if alt < dw {
                    dist[w] = alt
                    sigma[w] = sv
                    queue.insert(Int32(w), distance: alt)
                } else if alt == dw {
                    sigma[w] += sv
                }
            }
        }
        var i = settled - 1
        while i >= 0 {
            let v = Int(order[i])
            let dv = dist[v]
            var sum = 0.0
            for a in Int(offsets[v])..<Int(offsets[v + 1]) {
                let w = Int(targets[a])
                if dist[w] == dv + Int(lengths[a]) { sum += coeff[w] }
            }
            let sv = sigma[v]
            let delta = sv * sum
            coeff[v] = (1 + delta) / sv
            if v != s { acc[v] += endpoints ? delta + 1 : delta }
            i -= 1
        }
        if endpoints { acc[s] += Double(settled - 1) }
        for j in 0..<settled {
            let v = Int(order[j])
            dist[v] = Int.max
            settledFlag[v] = false
        }
    }
}
