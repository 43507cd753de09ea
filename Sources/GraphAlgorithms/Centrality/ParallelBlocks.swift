import CMemory
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

/// Threads that run one computation together, phase by phase (`uccn_team` in CMemory):
/// within a phase each member claims pieces of the work from shared counters, and a
/// barrier separates the phases, so what one member wrote in a phase is read by all in
/// the next. Which member computes which piece depends on timing, so a phase must give
/// the same result whoever computes a piece (each piece written by one member only, no
/// sum across pieces whose order could vary).
struct KernelTeam: @unchecked Sendable {
    private let state: UnsafeMutablePointer<uccn_team>

    /// A team of `members` threads (at least 1).
    init(members: Int) {
        state = UnsafeMutableRawPointer.allocate(byteCount: MemoryLayout<uccn_team>.size, alignment: 64)
            .bindMemory(to: uccn_team.self, capacity: 1)
        uccn_team_init(state, Int64(max(1, members)))
    }

    func deallocate() { UnsafeMutableRawPointer(state).deallocate() }

    /// The number of members; inside ``run(_:)``, those that run (fewer than asked for
    /// only when the system cannot create a thread).
    var members: Int { Int(uccn_team_members(state)) }

    /// Runs `body(member)` on every member at the same time, each on its own thread
    /// (member 0 on the calling thread), so a barrier never waits for a member that has
    /// not started; returns when all have finished. Call once per team.
    func run(_ body: (_ member: Int) -> Void) {
        withoutActuallyEscaping(body) { body in
            var task = body
            withUnsafeMutablePointer(to: &task) { pointer in
                _ = uccn_team_run(
                    state,
                    { context, member in
                        guard let context else { return }
                        context.assumingMemoryBound(to: ((Int) -> Void).self).pointee(Int(member))
                    }, pointer)
            }
        }
    }

    /// The barrier between two phases; the next phase claims from the start again.
    @inline(__always)
    func wait() { uccn_team_wait(state) }

    /// Up to `count` of the `total` pieces of the current phase for `member`, from its own
    /// segment (pieces `total·m/k ..< total·(m+1)/k` of `k` members) while it lasts, so a
    /// member keeps to neighbouring pieces, then from the others'; `nil` once every piece
    /// is taken.
    @inline(__always)
    func claim(_ count: Int, of total: Int, near member: Int) -> Range<Int>? {
        var end: Int64 = 0
        let first = Int(uccn_team_claim_near(state, Int64(member), Int64(count), Int64(total), &end))
        return first < total ? first..<Int(end) : nil
    }

    /// Asks every member to stop: they all see it after the next barrier.
    func requestStop() { uccn_team_request_stop(state) }

    /// Whether a member asked to stop before the last barrier (the same for every member
    /// until the next barrier).
    var stopping: Bool { uccn_team_stopping(state) != 0 }
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
