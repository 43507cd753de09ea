import GraphCore

/// Per-source sums of shortest-path lengths, shared by closeness and harmonic
/// centrality: for a source `u`, the number of nodes reached (`u` included), the sum of
/// their distances, and the sum of `1/d` over those at a distance `d > 0`.
///
/// Both measures use distances *to* `u` (NetworkX's convention): on a directed graph the
/// search runs over in-arcs. Weights are distances.
struct ShortestPathSums {
    var reached: [Int]
    var totalDistance: [Double]
    var harmonic: [Double]

    init(graph: Graph, weighted: Bool, threads: Int) {
        let n = graph.nodeCount
        let offsets = graph.isDirected ? graph.inOffsets : graph.offsets
        let targets = graph.isDirected ? graph.inSources : graph.targets
        let weights = weighted ? (graph.isDirected ? graph.inWeights : graph.weights) : nil
        let reachedOut = SharedBuffer<Int>(repeating: 0, count: n)
        let totalOut = SharedBuffer<Double>(repeating: 0, count: n)
        let harmonicOut = SharedBuffer<Double>(repeating: 0, count: n)
        defer { reachedOut.deallocate(); totalOut.deallocate(); harmonicOut.deallocate() }
        let partition = BlockPartition(count: n, maxBlocks: 256)
        partition.run(threads: threads) { _, blocks in
            offsets.withUnsafeBufferPointer { o in
                targets.withUnsafeBufferPointer { t in
                    if let weights {
                        weights.withUnsafeBufferPointer { w in
                            var kernel = DijkstraSums(n: n)
                            defer { kernel.deallocate() }
                            for b in blocks {
                                for s in partition.items(ofBlock: b) {
                                    let r = kernel.run(
                                        source: s, offsets: o.baseAddress!, targets: t.baseAddress!,
                                        weights: w.baseAddress!)
                                    reachedOut[s] = r.reached
                                    totalOut[s] = r.total
                                    harmonicOut[s] = r.harmonic
                                }
                            }
                        }
                    } else {
                        let kernel = BFSSums(n: n)
                        defer { kernel.deallocate() }
                        for b in blocks {
                            for s in partition.items(ofBlock: b) {
                                let r = kernel.run(source: s, offsets: o.baseAddress!, targets: t.baseAddress!)
                                reachedOut[s] = r.reached
                                totalOut[s] = r.total
                                harmonicOut[s] = r.harmonic
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
}

/// Level-synchronous BFS from one source, summing distances level by level.
struct BFSSums {
    let seen: UnsafeMutablePointer<Int32>
    let queue: UnsafeMutablePointer<Int32>
    let n: Int

    init(n: Int) {
        self.n = n
        seen = .allocate(capacity: max(n, 1)); seen.initialize(repeating: -1, count: max(n, 1))
        queue = .allocate(capacity: max(n, 1)); queue.initialize(repeating: 0, count: max(n, 1))
    }

    func deallocate() { seen.deallocate(); queue.deallocate() }

    /// `seen[v] == source` marks nodes visited in this search (no reset needed).
    @inline(__always)
    func run(source s: Int, offsets: UnsafePointer<Int32>, targets: UnsafePointer<Int32>)
        -> (reached: Int, total: Double, harmonic: Double)
    {
        let mark = Int32(s)
        seen[s] = mark
        queue[0] = mark
        var levelStart = 0, levelEnd = 1, tail = 1
        var depth = 0
        var total = 0
        var harmonic = 0.0
        while levelStart < levelEnd {
            depth += 1
            for i in levelStart..<levelEnd {
                let v = Int(queue[i])
                for a in Int(offsets[v])..<Int(offsets[v + 1]) {
                    let w = Int(targets[a])
                    if seen[w] != mark {
                        seen[w] = mark
                        queue[tail] = Int32(w); tail += 1
                    }
                }
            }
            let found = tail - levelEnd
            if found > 0 {
                total += found * depth
                harmonic += Double(found) / Double(depth)
            }
            levelStart = levelEnd
            levelEnd = tail
        }
        return (tail, Double(total), harmonic)
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
