import Dispatch
import GraphCore

/// Fixed, thread-count-independent splitting of work, so parallel results are identical
/// for any number of threads.
///
/// Work items `0..<count` are dealt into `blockCount` blocks (block `b` holds the items
/// `i` with `i % blockCount == b`, which balances work when cost varies smoothly with the
/// item index). The number of blocks depends only on the problem, never on the number of
/// threads; workers take blocks `w, w + T, w + 2T, …`; anything summed across items is
/// summed per block and the block partials are added in block order.
struct BlockPartition: Sendable {
    let count: Int
    let blockCount: Int

    /// `maxBlocks` caps the number of blocks (each block may own an `O(n)` buffer).
    init(count: Int, maxBlocks: Int = 64) {
        self.count = count
        self.blockCount = max(1, min(maxBlocks, count))
    }

    /// Items of block `b`, ascending.
    func items(ofBlock b: Int) -> StrideTo<Int> {
        stride(from: b, to: count, by: blockCount)
    }

    /// Runs `worker(w, blocks)` on `min(threads, blockCount)` workers; worker `w` gets
    /// blocks `w, w + T, …`. Returns when every worker has finished.
    func run(threads: Int, _ worker: (_ worker: Int, _ blocks: StrideTo<Int>) -> Void) {
        let t = max(1, min(threads, blockCount))
        if t == 1 {
            worker(0, stride(from: 0, to: blockCount, by: 1))
            return
        }
        // Workers write disjoint data or their own buffers (see SharedBuffer).
        nonisolated(unsafe) let worker = worker
        let blockCount = blockCount
        DispatchQueue.concurrentPerform(iterations: t) { w in
            worker(w, stride(from: w, to: blockCount, by: t))
        }
    }
}

/// Contiguous ranges of `0..<count` in fixed chunks (node-parallel loops such as one
/// PageRank sweep); chunk boundaries depend only on `count`.
struct ChunkPartition: Sendable {
    let count: Int
    let chunkSize: Int
    var chunkCount: Int { count == 0 ? 0 : (count + chunkSize - 1) / chunkSize }

    init(count: Int, chunkSize: Int = 4096) {
        self.count = count
        self.chunkSize = max(1, chunkSize)
    }

    func range(ofChunk c: Int) -> Range<Int> {
        (c * chunkSize)..<min(count, (c + 1) * chunkSize)
    }

    /// Runs `body(chunk)` for every chunk on up to `threads` workers (chunk `c` on worker
    /// `c % T`).
    func run(threads: Int, _ body: (_ chunk: Int) -> Void) {
        let chunks = chunkCount
        let t = max(1, min(threads, chunks))
        if t <= 1 {
            for c in 0..<chunks { body(c) }
            return
        }
        nonisolated(unsafe) let body = body
        DispatchQueue.concurrentPerform(iterations: t) { w in
            var c = w
            while c < chunks { body(c); c += t }
        }
    }
}

/// A raw buffer shared by parallel workers that write disjoint positions.
struct SharedBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(repeating value: Element, count: Int) {
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: value, count: max(count, 1))
        self.count = count
    }

    subscript(i: Int) -> Element {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }

    func toArray() -> [Element] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    func deallocate() {
        base.deinitialize(count: max(count, 1))
        base.deallocate()
    }
}

/// Adjacency for the matrix-based measures (eigenvector, PageRank, Katz): the matrix
/// entry `A[u][v]` as NetworkX's `to_scipy_sparse_array` builds it, where an undirected
/// self-loop is one diagonal entry (CSR stores it as two arcs, so each counts half).
struct MatrixWeights: Sendable {
    /// Per-arc matrix contribution, or `nil` when every arc contributes its stored weight
    /// (1 when unweighted): no self-loops to halve.
    let arcWeights: [Double]?
    let weighted: Bool

    init(graph: Graph, weighted: Bool, arcs: [Int32], offsets: [Int32], weights: [Double]?) {
        self.weighted = weighted && weights != nil
        var hasLoop = false
        if !graph.isDirected {
            outer: for u in 0..<graph.nodeCount {
                for a in Int(offsets[u])..<Int(offsets[u + 1]) where Int(arcs[a]) == u {
                    hasLoop = true
                    break outer
                }
            }
        }
        if hasLoop {
            var w = [Double](repeating: 1, count: arcs.count)
            for u in 0..<graph.nodeCount {
                for a in Int(offsets[u])..<Int(offsets[u + 1]) {
                    let base = self.weighted ? (weights?[a] ?? 1) : 1
                    w[a] = Int(arcs[a]) == u ? base / 2 : base
                }
            }
            arcWeights = w
        } else if self.weighted {
            arcWeights = weights
        } else {
            arcWeights = nil
        }
    }
}
