import GraphCore

/// Edge betweenness centrality (NetworkX's `edge_betweenness_centrality`), exact.
///
/// `c_B(e) = Σ_{s ≠ t} σ_st(e) / σ_st`, where `σ_st` is the number of shortest `s`–`t`
/// paths and `σ_st(e)` the number that use edge `e`; pairs are ordered, so on an
/// undirected graph each unordered pair is counted from both ends before rescaling.
///
/// * **Weights** are *distances* (Dijkstra) when `weighted`; otherwise every edge has
///   length 1 (breadth-first search). Path lengths are compared with the relative
///   tolerance of ``betweennessCentrality(of:weighted:normalized:endpoints:threads:progress:)``.
/// * **Normalisation** (NetworkX's `_rescale` with endpoints counted): `normalized`
///   divides by `n(n − 1)`; unnormalised values of an undirected graph are halved (each
///   unordered pair once), of a directed graph left as they are. Graphs of fewer than two
///   nodes are not rescaled.
/// * **Self-loops** lie on no shortest path: 0. Repeated edges were merged when the graph
///   was read (see `--duplicates`), so each pair of nodes is one edge.
///
/// * **Threads**: the sources are split into fixed blocks (source `s` in block
///   `s mod B`, at most 64 blocks and about 128 MB of block sums), each block's sums per
///   arc are kept apart and the blocks are added in order, so the values do not depend on
///   `threads`.
///
/// Values are returned in the graph's stable edge order (`Graph.edges()`).
///
/// - Complexity: O(n·m) time unweighted, O(n·(m + n) log n) weighted; O(n + m) memory
///   per thread and `B·m` for the block sums.
/// - Reference: U. Brandes, "On variants of shortest-path betweenness centrality and
///   their generic computation", Social Networks 30(2), 2008,
///   doi:10.1016/j.socnet.2007.11.001; M. Girvan, M. E. J. Newman, "Community structure
///   in social and biological networks", PNAS 99(12), 2002, doi:10.1073/pnas.122653799.
public func edgeBetweennessCentrality(
    of graph: Graph, weighted: Bool = false, normalized: Bool = true, threads: Int = 1
) -> [Double] {
    edgeBetweenness(of: graph, weighted: weighted, normalized: normalized, threads: threads, control: nil)
}

/// Edge betweenness as ``edgeBetweennessCentrality(of:weighted:normalized:threads:)``,
/// reporting progress (sources searched) to `control` and stopping when it is cancelled.
///
/// - Throws: ``CentralityError/cancelled`` when `control` was cancelled before the end.
public func edgeBetweennessCentrality(
    of graph: Graph, weighted: Bool = false, normalized: Bool = true, threads: Int = 1, control: RunControl
) throws(CentralityError) -> [Double] {
    let values = edgeBetweenness(
        of: graph, weighted: weighted, normalized: normalized, threads: threads, control: control)
    if control.isCancelled { throw .cancelled }
    return values
}

/// The computation of both; a cancelled control stops each worker after its current
/// source.
private func edgeBetweenness(
    of graph: Graph, weighted: Bool, normalized: Bool, threads: Int, control: RunControl?
) -> [Double] {
    let n = graph.nodeCount
    control?.begin(total: n)
    let useWeights = weighted && graph.isWeighted
    // Arcs arriving at w: (tail, arc position in the tail's out-row).
    let inOffsets = graph.isDirected ? graph.inOffsets : graph.offsets
    let inTails = graph.isDirected ? graph.inSources : graph.targets
    let inLengths = useWeights ? (graph.isDirected ? graph.inWeights : graph.weights) : nil

    /// The out-arc `v → w` (its position in row `v`), by binary search in the sorted row.
    func arc(from v: Int, to w: Int) -> Int {
        var lo = Int(graph.offsets[v]), hi = Int(graph.offsets[v + 1])
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(graph.targets[mid]) < w { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
    // Out-arc positions of the arcs arriving at each node.
    var inArc = [Int32](repeating: 0, count: inTails.count)
    for w in 0..<n {
        for j in Int(inOffsets[w])..<Int(inOffsets[w + 1]) { inArc[j] = Int32(arc(from: Int(inTails[j]), to: w)) }
    }

    // Sources in fixed blocks (source s in block s mod blocks), each block's arc sums in a
    // buffer of its own, the buffers added in block order: the same bits for any number of
    // threads. At most 64 blocks and about 128 MB of buffers.
    let arcs = graph.arcCount
    let partition = BlockPartition(count: n, maxBlocks: max(1, min(64, (1 << 24) / max(arcs, 1))))
    let partials = SharedBuffer<Double>(repeating: 0, count: partition.blockCount * arcs)
    defer { partials.deallocate() }
    partition.run(threads: threads) { _, blocks in
        var dist = [Double](repeating: .infinity, count: n)
        var sigma = [Double](repeating: 0, count: n)
        var delta = [Double](repeating: 0, count: n)
        var order: [Int32] = []
        order.reserveCapacity(n)
        var queue: [Int32] = []
        var rank = [Int32](repeating: -1, count: n)
        var heap = DistanceHeap()

        for block in blocks {
            let perArc = partials.base + block * arcs
            for s in partition.items(ofBlock: block) {
                if control?.isCancelled == true { return }
                defer { control?.advance(by: 1) }
                order.removeAll(keepingCapacity: true)
                dist[s] = 0
                sigma[s] = 1
                if let lengths = useWeights ? graph.weights : nil {
                    heap.push(0, Int32(s))
                    while let (d, node) = heap.pop() {
                        let v = Int(node)
                        if rank[v] >= 0 || d > dist[v] { continue }
                        rank[v] = Int32(order.count)
                        order.append(node)
                        for a in Int(graph.offsets[v])..<Int(graph.offsets[v + 1]) {
                            let w = Int(graph.targets[a])
                            if rank[w] >= 0 { continue }
                            let alt = d + lengths[a]
                            if dist[w] == .infinity || lengthLess(alt, dist[w]) {
                                dist[w] = alt
                                sigma[w] = sigma[v]
                                heap.push(alt, Int32(w))
                            } else if lengthsEqual(alt, dist[w]) {
                                sigma[w] += sigma[v]
                            }
                        }
                    }
                } else {
                    queue.removeAll(keepingCapacity: true)
                    queue.append(Int32(s))
                    var head = 0
                    while head < queue.count {
                        let v = Int(queue[head]); head += 1
                        rank[v] = Int32(order.count)
                        order.append(Int32(v))
                        let next = dist[v] + 1
                        for a in Int(graph.offsets[v])..<Int(graph.offsets[v + 1]) {
                            let w = Int(graph.targets[a])
                            if dist[w] == .infinity {
                                dist[w] = next
                                queue.append(Int32(w))
                            }
                            if dist[w] == next { sigma[w] += sigma[v] }
                        }
                    }
                }
                // Dependencies, farthest nodes first.
                for node in order.reversed() {
                    let w = Int(node)
                    let coefficient = (1 + delta[w]) / sigma[w]
                    for j in Int(inOffsets[w])..<Int(inOffsets[w + 1]) {
                        let v = Int(inTails[j])
                        if v == w || dist[v] == .infinity { continue }
                        // A predecessor was settled before w and lies on a shortest path to it.
                        guard rank[v] >= 0, rank[v] < rank[w] else { continue }
                        let isPredecessor =
                            inLengths.map { lengthsEqual(dist[v] + $0[j], dist[w]) } ?? (dist[v] + 1 == dist[w])
                        guard isPredecessor else { continue }
                        let c = sigma[v] * coefficient
                        perArc[Int(inArc[j])] += c
                        delta[v] += c
                    }
                }
                for node in order {
                    let v = Int(node)
                    dist[v] = .infinity
                    sigma[v] = 0
                    delta[v] = 0
                    rank[v] = -1
                }
            }
        }
    }
    let perArc = sumOfBlocks(partials, blockCount: partition.blockCount, n: arcs)

    var values: [Double] = []
    values.reserveCapacity(graph.edgeCount)
    graph.forEachEdgeArc { u, v, a in
        if u == v {
            values.append(0)
        } else if graph.isDirected {
            values.append(perArc[a])
        } else {
            values.append(perArc[a] + perArc[arc(from: v, to: u)])
        }
    }
    if n >= 2 {
        let scale = normalized ? 1 / Double(n * (n - 1)) : (graph.isDirected ? 1 : 0.5)
        if scale != 1 { values = values.map { $0 * scale } }
    }
    return values
}

/// A binary min-heap of (distance, node) with lazy deletion (stale entries are skipped
/// by the caller).
struct DistanceHeap {
    private var items: [(Double, Int32)] = []

    mutating func push(_ d: Double, _ node: Int32) {
        items.append((d, node))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if items[parent].0 <= items[i].0 { break }
            items.swapAt(parent, i)
            i = parent
        }
    }

    mutating func pop() -> (Double, Int32)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var smallest = i
                if l < items.count && items[l].0 < items[smallest].0 { smallest = l }
                if r < items.count && items[r].0 < items[smallest].0 { smallest = r }
                if smallest == i { break }
                items.swapAt(i, smallest)
                i = smallest
            }
        }
        return top
    }
}
