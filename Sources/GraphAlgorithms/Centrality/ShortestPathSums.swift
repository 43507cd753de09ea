import GraphCore

/// Per-source sums of shortest-path lengths, shared by closeness and harmonic
/// centrality: for a source `u`, the number of nodes reached (`u` included), the sum of
/// their distances, and the sum of `1/d` over those at a distance `d > 0`.
///
/// Both measures use distances *to* `u` (NetworkX's convention): on a directed graph the
/// search runs over in-arcs. Weights are distances.
///
/// Kernels, chosen automatically (``Kernel/automatic``): weighted graphs search one source
/// at a time (Dijkstra with Dial's buckets for whole-number lengths, a binary heap
/// otherwise); unweighted graphs of fewer than ``directionOptimizingFrom`` nodes run 64
/// breadth-first searches at once (one bit per source), larger ones the
/// direction-optimising 256-source search on a breadth-first renumbering of the graph
/// (``DirectionOptimizingMultiSourceBFS``). All give identical counts and distance sums;
/// the two bit-parallel kernels identical harmonic sums (added level by level), the
/// single-source one the same to round-off (added node by node).
///
/// With a ``RunControl``, progress counts sources, and a cancelled run stops after the
/// current source or batch, leaving the sums incomplete: callers check the control.
struct ShortestPathSums {
    var reached: [Int]
    var totalDistance: [Double]
    var harmonic: [Double]

    /// Which search computes the sums; results do not depend on it.
    enum Kernel: Sendable, CaseIterable {
        case automatic
        /// One source at a time (Dijkstra; unit lengths when unweighted).
        case singleSource
        /// 64 sources at once, one bit each (unweighted only).
        case bitParallel64
        /// 256 sources at once, direction-optimising, renumbered graph (unweighted only).
        case directionOptimizing
    }

    /// Node count from which ``Kernel/automatic`` uses the direction-optimising search.
    static let directionOptimizingFrom = 2048

    init(graph: Graph, weighted: Bool, threads: Int, kernel: Kernel = .automatic, control: RunControl? = nil) {
        let n = graph.nodeCount
        let weighted = weighted && graph.weights != nil
        control?.begin(total: n)
        var chosen = kernel
        if chosen == .automatic {
            chosen =
                weighted ? .singleSource : (n >= Self.directionOptimizingFrom ? .directionOptimizing : .bitParallel64)
        }
        if chosen == .directionOptimizing && !weighted {
            self = Self.directionOptimizingSums(graph: graph, threads: threads, control: control)
            return
        }
        let offsets = graph.isDirected ? graph.inOffsets : graph.offsets
        let targets = graph.isDirected ? graph.inSources : graph.targets
        let unitLengths = chosen == .singleSource && !weighted ? [Double](repeating: 1, count: targets.count) : nil
        let weights = weighted ? (graph.isDirected ? graph.inWeights : graph.weights) : unitLengths
        if weights == nil {
            self = Self.bitParallelSums(offsets: offsets, targets: targets, n: n, threads: threads, control: control)
            return
        }
        let reachedOut = SharedBuffer<Int>(repeating: 0, count: n)
        let totalOut = SharedBuffer<Double>(repeating: 0, count: n)
        let harmonicOut = SharedBuffer<Double>(repeating: 0, count: n)
        defer { reachedOut.deallocate(); totalOut.deallocate(); harmonicOut.deallocate() }
        let partition = BlockPartition(count: n, maxBlocks: 256)
        partition.run(threads: threads) { _, blocks in
            offsets.withUnsafeBufferPointer { o in
                targets.withUnsafeBufferPointer { t in
                    if let weights, let integer = integerLengths(weights) {
                        integer.lengths.withUnsafeBufferPointer { l in
                            var kernel = DialSums(n: n, maxLength: integer.maxLength)
                            defer { kernel.deallocate() }
                            for b in blocks {
                                for s in partition.items(ofBlock: b) {
                                    if control?.isCancelled == true { return }
                                    let r = kernel.run(
                                        source: s, offsets: o.baseAddress!, targets: t.baseAddress!,
                                        lengths: l.baseAddress!)
                                    reachedOut[s] = r.reached
                                    totalOut[s] = r.total
                                    harmonicOut[s] = r.harmonic
                                    control?.advance(by: 1)
                                }
                            }
                        }
                    } else if let weights {
                        weights.withUnsafeBufferPointer { w in
                            var kernel = DijkstraSums(n: n)
                            defer { kernel.deallocate() }
                            for b in blocks {
                                for s in partition.items(ofBlock: b) {
                                    if control?.isCancelled == true { return }
                                    let r = kernel.run(
                                        source: s, offsets: o.baseAddress!, targets: t.baseAddress!,
                                        weights: w.baseAddress!)
                                    reachedOut[s] = r.reached
                                    totalOut[s] = r.total
                                    harmonicOut[s] = r.harmonic
                                    control?.advance(by: 1)
                                }
                            }
                        }
                    }
                }
            }
        }
        reached = reachedOut.toArray()
        totalDistance = totalOut.toArray()
        harmonic = harmonicOut.toArray()
    }

    /// Unit lengths: batches of 64 consecutive sources, one bit each (``MultiSourceBFSSums``),
    /// dealt to workers in fixed blocks. Each source's counts and sums are its own (the
    /// harmonic sum added level by level), so they do not depend on which sources share a
    /// batch.
    private static func bitParallelSums(
        offsets: [Int32], targets: [Int32], n: Int, threads: Int, control: RunControl?
    ) -> ShortestPathSums {
        let reachedOut = SharedBuffer<Int>(repeating: 0, count: n)
        let totalOut = SharedBuffer<Double>(repeating: 0, count: n)
        let harmonicOut = SharedBuffer<Double>(repeating: 0, count: n)
        defer { reachedOut.deallocate(); totalOut.deallocate(); harmonicOut.deallocate() }
        let batches = (n + 63) / 64
        let partition = BlockPartition(count: batches, maxBlocks: batches)
        partition.run(threads: threads) { _, blocks in
            offsets.withUnsafeBufferPointer { o in
                targets.withUnsafeBufferPointer { t in
                    let kernel = MultiSourceBFSSums(n: n)
                    defer { kernel.deallocate() }
                    var batch: [Int] = []
                    batch.reserveCapacity(64)
                    for b in blocks {
                        if control?.isCancelled == true { return }
                        batch.removeAll(keepingCapacity: true)
                        batch.append(contentsOf: (b * 64)..<min(n, (b + 1) * 64))
                        kernel.run(
                            sources: batch, offsets: o.baseAddress!, targets: t.baseAddress!,
                            reached: reachedOut, total: totalOut, harmonic: harmonicOut)
                        control?.advance(by: batch.count)
                    }
                }
            }
        }
        return ShortestPathSums(
            reached: reachedOut.toArray(), totalDistance: totalOut.toArray(), harmonic: harmonicOut.toArray())
    }

    private init(reached: [Int], totalDistance: [Double], harmonic: [Double]) {
        self.reached = reached
        self.totalDistance = totalDistance
        self.harmonic = harmonic
    }

    /// The sums from ``DirectionOptimizingMultiSourceBFS`` on a breadth-first renumbering:
    /// batches of consecutive numbers, dealt to workers in fixed blocks.
    private static func directionOptimizingSums(graph: Graph, threads: Int, control: RunControl?) -> ShortestPathSums {
        let n = graph.nodeCount
        // The search follows arcs into each node (distances to it); the bottom-up step pulls
        // along the reverse arcs.
        let pushOffsets = graph.isDirected ? graph.inOffsets : graph.offsets
        let pushTargets = graph.isDirected ? graph.inSources : graph.targets
        let numbering = TraversalOrder(nodeCount: n, offsets: pushOffsets, targets: pushTargets)
        let push = numbering.renumber(offsets: pushOffsets, targets: pushTargets)
        let pull = graph.isDirected ? numbering.renumber(offsets: graph.offsets, targets: graph.targets) : push
        let reachedOut = SharedBuffer<Int>(repeating: 0, count: n)
        let totalOut = SharedBuffer<Double>(repeating: 0, count: n)
        let harmonicOut = SharedBuffer<Double>(repeating: 0, count: n)
        defer { reachedOut.deallocate(); totalOut.deallocate(); harmonicOut.deallocate() }
        func runBatches<Word: SIMD>(_: Word.Type) where Word.Scalar == UInt64 {
            let width = DirectionOptimizingMultiSourceBFS<Word>.width
            let batches = (n + width - 1) / width
            let partition = BlockPartition(count: batches, maxBlocks: batches)
            partition.run(threads: threads) { _, blocks in
                let kernel = DirectionOptimizingMultiSourceBFS<Word>(n: n)
                defer { kernel.deallocate() }
                push.offsets.withUnsafeBufferPointer { po in
                    push.targets.withUnsafeBufferPointer { pt in
                        pull.offsets.withUnsafeBufferPointer { qo in
                            pull.targets.withUnsafeBufferPointer { qt in
                                numbering.order.withUnsafeBufferPointer { order in
                                    for b in blocks {
                                        if control?.isCancelled == true { return }
                                        let first = b * width
                                        let count = min(width, n - first)
                                        kernel.run(
                                            first: first, count: count, push: (po.baseAddress!, pt.baseAddress!),
                                            pull: (qo.baseAddress!, qt.baseAddress!), arcCount: push.targets.count,
                                            original: order.baseAddress!, reached: reachedOut, total: totalOut,
                                            harmonic: harmonicOut)
                                        control?.advance(by: count)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if n <= 128 {
            runBatches(SIMD2<UInt64>.self)
        } else {
            runBatches(SIMD4<UInt64>.self)
        }
        return ShortestPathSums(
            reached: reachedOut.toArray(), totalDistance: totalOut.toArray(), harmonic: harmonicOut.toArray())
    }
}

/// Dijkstra from one source, summing distances of settled nodes.
struct DijkstraSums {
    let dist: UnsafeMutablePointer<Double>
    let done: UnsafeMutablePointer<Bool>
    let order: UnsafeMutablePointer<Int32>
    var heap: IndexedMinHeap

    init(n: Int) {
        dist = .allocate(capacity: max(n, 1)); dist.initialize(repeating: .infinity, count: max(n, 1))
        done = .allocate(capacity: max(n, 1)); done.initialize(repeating: false, count: max(n, 1))
        order = .allocate(capacity: max(n, 1)); order.initialize(repeating: 0, count: max(n, 1))
        heap = IndexedMinHeap(capacity: n)
    }

    func deallocate() { dist.deallocate(); done.deallocate(); order.deallocate(); heap.deallocate() }

    @inline(__always)
    mutating func run(
        source s: Int, offsets: UnsafePointer<Int32>, targets: UnsafePointer<Int32>,
        weights: UnsafePointer<Double>
    ) -> (reached: Int, total: Double, harmonic: Double) {
        dist[s] = 0
        heap.push(Int32(s), keys: dist)
        var settled = 0
        var total = 0.0
        var harmonic = 0.0
        while heap.count > 0 {
            let v = Int(heap.pop(keys: dist))
            done[v] = true
            order[settled] = Int32(v); settled += 1
            let dv = dist[v]
            total += dv
            if dv != 0 { harmonic += 1 / dv }
            for a in Int(offsets[v])..<Int(offsets[v + 1]) {
                let w = Int(targets[a])
                if done[w] { continue }
                let alt = dv + weights[a]
                let dw = dist[w]
                if dw == .infinity {
                    dist[w] = alt
                    heap.push(Int32(w), keys: dist)
                } else if alt < dw {
                    dist[w] = alt
                    heap.decreased(Int32(w), keys: dist)
                }
            }
        }
        for j in 0..<settled {
            let v = Int(order[j])
            dist[v] = .infinity
            done[v] = false
        }
        return (settled, total, harmonic)
    }
}

/// Breadth-first search from up to 64 sources at once (bit `i` of a node's word says
/// whether source `i` has reached it), summing each source's distances level by level.
/// Each node is expanded once per level in which some source reaches it, so the cost
/// per batch is usually a small multiple of `m` rather than `64·m`.
///
/// Reference: M. Then et al., "The more the merrier: efficient multi-source graph
/// traversal", PVLDB 8(4), 2014, doi:10.14778/2735496.2735507.
struct MultiSourceBFSSums {
    let seen: UnsafeMutablePointer<UInt64>
    let frontier: UnsafeMutablePointer<UInt64>
    let next: UnsafeMutablePointer<UInt64>
    let frontierList: UnsafeMutablePointer<Int32>
    let nextList: UnsafeMutablePointer<Int32>
    let touched: UnsafeMutablePointer<Int32>
    let n: Int

    init(n: Int) {
        self.n = n
        let c = max(n, 1)
        seen = .allocate(capacity: c); seen.initialize(repeating: 0, count: c)
        frontier = .allocate(capacity: c); frontier.initialize(repeating: 0, count: c)
        next = .allocate(capacity: c); next.initialize(repeating: 0, count: c)
        frontierList = .allocate(capacity: c); frontierList.initialize(repeating: 0, count: c)
        nextList = .allocate(capacity: c); nextList.initialize(repeating: 0, count: c)
        touched = .allocate(capacity: c); touched.initialize(repeating: 0, count: c)
    }

    func deallocate() {
        seen.deallocate(); frontier.deallocate(); next.deallocate()
        frontierList.deallocate(); nextList.deallocate(); touched.deallocate()
    }

    func run(
        sources: [Int], offsets: UnsafePointer<Int32>, targets: UnsafePointer<Int32>,
        reached: SharedBuffer<Int>, total: SharedBuffer<Double>, harmonic: SharedBuffer<Double>
    ) {
        var reachedCount = [Int](repeating: 1, count: 64)
        var totals = [Int](repeating: 0, count: 64)
        var harmonics = [Double](repeating: 0, count: 64)
        var levelCount = [Int](repeating: 0, count: 64)
        var frontierSize = 0
        var touchedCount = 0
        for (i, s) in sources.enumerated() {
            let bit = UInt64(1) << UInt64(i)
            if seen[s] == 0 {
                frontierList[frontierSize] = Int32(s); frontierSize += 1
                touched[touchedCount] = Int32(s); touchedCount += 1
            }
            seen[s] |= bit
            frontier[s] |= bit
        }
        var depth = 0
        var current = frontierList, upcoming = nextList
        var currentFrontier = frontier, upcomingFrontier = next
        while frontierSize > 0 {
            depth += 1
            var nextSize = 0
            for i in 0..<frontierSize {
                let v = Int(current[i])
                let f = currentFrontier[v]
                currentFrontier[v] = 0
                for a in Int(offsets[v])..<Int(offsets[v + 1]) {
                    let w = Int(targets[a])
                    let sw = seen[w]
                    let fresh = f & ~sw
                    if fresh != 0 {
                        if upcomingFrontier[w] == 0 {
                            upcoming[nextSize] = Int32(w); nextSize += 1
                            if sw == 0 { touched[touchedCount] = Int32(w); touchedCount += 1 }
                        }
                        upcomingFrontier[w] |= fresh
                        seen[w] = sw | fresh
                    }
                }
            }
            for i in 0..<nextSize {
                var bits = upcomingFrontier[Int(upcoming[i])]
                while bits != 0 {
                    levelCount[bits.trailingZeroBitCount] += 1
                    bits &= bits - 1
                }
            }
            if nextSize > 0 {
                let d = Double(depth)
                for i in 0..<sources.count where levelCount[i] > 0 {
                    reachedCount[i] += levelCount[i]
                    totals[i] += levelCount[i] * depth
                    harmonics[i] += Double(levelCount[i]) / d
                    levelCount[i] = 0
                }
            }
            swap(&current, &upcoming)
            swap(&currentFrontier, &upcomingFrontier)
            frontierSize = nextSize
        }
        for i in 0..<touchedCount { seen[Int(touched[i])] = 0 }
        for (i, s) in sources.enumerated() {
            reached[s] = reachedCount[i]
            total[s] = Double(totals[i])
            harmonic[s] = harmonics[i]
        }
    }
}

/// Dijkstra with Dial's bucket queue for integer lengths: settles nodes in the same
/// nondecreasing distance order as the heap version, so the sums are identical.
struct DialSums {
    let dist: UnsafeMutablePointer<Int>
    let done: UnsafeMutablePointer<Bool>
    let order: UnsafeMutablePointer<Int32>
    var queue: BucketQueue

    init(n: Int, maxLength: Int) {
        dist = .allocate(capacity: max(n, 1)); dist.initialize(repeating: Int.max, count: max(n, 1))
        done = .allocate(capacity: max(n, 1)); done.initialize(repeating: false, count: max(n, 1))
        order = .allocate(capacity: max(n, 1)); order.initialize(repeating: 0, count: max(n, 1))
        queue = BucketQueue(maxLength: maxLength)
    }

    func deallocate() { dist.deallocate(); done.deallocate(); order.deallocate() }

    @inline(__always)
    mutating func run(
        source s: Int, offsets: UnsafePointer<Int32>, targets: UnsafePointer<Int32>,
        lengths: UnsafePointer<Int32>
    ) -> (reached: Int, total: Double, harmonic: Double) {
        queue.reset()
        dist[s] = 0
        queue.insert(Int32(s), distance: 0)
        var settled = 0
        var total = 0
        var harmonic = 0.0
        while let (node, d) = queue.pop() {
            let v = Int(node)
            if done[v] || dist[v] != d { continue }
            done[v] = true
            order[settled] = node; settled += 1
            total += d
            if d != 0 { harmonic += 1 / Double(d) }
            for a in Int(offsets[v])..<Int(offsets[v + 1]) {
                let w = Int(targets[a])
                if done[w] { continue }
                let alt = d + Int(lengths[a])
                if alt < dist[w] {
                    dist[w] = alt
                    queue.insert(Int32(w), distance: alt)
                }
            }
        }
        for j in 0..<settled {
            let v = Int(order[j])
            dist[v] = Int.max
            done[v] = false
        }
        return (settled, Double(total), harmonic)
    }
}
