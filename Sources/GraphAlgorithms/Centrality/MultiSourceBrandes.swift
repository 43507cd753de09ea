import CMemory
import GraphCore

/// Brandes' betweenness step for 63 sources at once on unit lengths: one
/// direction-optimising breadth-first search finds every node's distance to the 63
/// sources, then shortest-path counts and dependencies are accumulated for 7 sources at a
/// time, level by level, in SIMD lanes.
///
/// With `d_s`, `σ_s` and `δ_s` the distances, shortest-path counts and dependencies of
/// source `s` (Brandes 2001):
///
/// * `σ_s(s) = 1`, `σ_s(v) = Σ σ_s(u)` over the arcs `u → v` with `d_s(u) = d_s(v) − 1`;
/// * `δ_s(u) = σ_s(u) · Σ (1 + δ_s(v)) / σ_s(v)` over the arcs `u → v` with
///   `d_s(v) = d_s(u) + 1`; each node other than `s` adds `δ_s(u)` (`δ_s(u) + 1` with
///   endpoints) to its betweenness, and with endpoints `s` adds the number of nodes it
///   reaches.
///
/// **Search.** Every node holds three 64-bit sets over the sources (reached, in the
/// frontier, in the next frontier); a level is expanded top-down from the frontier while
/// `16 × frontier arcs < arcs of the nodes not yet reached by every source`, otherwise
/// bottom-up (each such node ORs its in-neighbours' frontier bits, stopping once it has
/// all it misses). New bits at depth `L` write `L` into the node's distance bytes: one
/// `UInt64` a node for each group of 7 sources (bytes 0…6; `0xFF` = unreached, byte 7
/// always `0xFF`). Depths stop at ``maxLevel``; a batch that goes deeper is left to the
/// single-source kernel.
///
/// **Counting.** For each group of 7 sources, the search lists the nodes of each level (a
/// node is in level `L` when one of its 7 distances is `L`) in node order (bottom-up levels
/// are found in that order, top-down ones are sorted). Each node's 64-byte cache line
/// holds its 7 values and, in the 8th lane, its distance word, so a gather reads one line
/// a neighbour. The counts of level `L` are *gathered*: a node sums its
/// in-neighbours' 7 counts, each lane masked by "this neighbour is one step closer to
/// that source": one byte comparison of the neighbour's distance word with the node's
/// key gives the lanes' answers as bits. The dependencies are gathered the same way from
/// out-neighbours one step further, in decreasing level order, and a node's count is
/// overwritten by its `(1 + δ) / σ` once its dependency is known. The lines of the
/// neighbour a fixed number of arcs ahead are prefetched. The levels are computed in C
/// (CMemory's `uccn_lanes_count` and `uccn_lanes_depend`): with AVX-512 an arc costs one
/// 64-byte load, one byte comparison into a mask register and one masked addition; a
/// portable variant gives the same bits elsewhere (each lane is summed in arc order in
/// both, and an unmatched lane adds +0.0 or nothing to a sum that is never −0.0). A node
/// takes part in as many levels as it has distinct distances to the group's sources
/// (about 2.2 for consecutive sources of a breadth-first numbering on lfr100k), so each
/// arc is read about 4.4 times for 7 sources instead of 7 times (plus once more for the
/// DAG in the single-source kernel).
///
/// **Threads.** Several threads can count one group together (a ``KernelTeam``): they
/// share the value lines, claim the nodes of each level in chunks of ``levelChunk`` and
/// wait for each other between levels. A node's lanes are computed by one thread from
/// lines finished in earlier levels, in the same order whoever computes them, so the
/// values are the same bits for any number of threads; the random reads of all threads
/// go to one array of `64n` bytes instead of one each.
///
/// Path counts are exact integers in `Double`s, as in the single-source kernel, so they
/// are identical; the dependencies are the same sums in a different order (relative
/// differences around 1e-15).
///
/// - Complexity: O(levels × m / 64) word operations for the search and O(ℓ × m) for the
///   counting of 7 sources, where ℓ is the mean number of distinct distances a node has
///   to them; `(3 + 9) n` words of 8 bytes and about `27n` node numbers (the level lists,
///   grown when a graph needs more) of memory per searching thread, and `n` lines of 64
///   bytes shared by the threads that count together.
/// - Reference: U. Brandes, "A faster algorithm for betweenness centrality", J. Math.
///   Sociology 25(2), 2001, doi:10.1080/0022250X.2001.9990249; M. Then et al., "The
///   more the merrier: efficient multi-source graph traversal", PVLDB 8(4), 2014,
///   doi:10.14778/2735496.2735507 (bit-parallel search); S. Beamer, K. Asanović,
///   D. Patterson, "Direction-optimizing breadth-first search", SC 2012,
///   doi:10.1109/SC.2012.50.
struct MultiSourceBrandes {
    /// Sources a batch (one bit each in the search): nine groups of ``groupWidth``.
    static let width = 63
    /// Sources whose counts are gathered together: 7 of a node's 8 values, the 8th holding
    /// its distance bytes to them, so one cache line has all a gather reads.
    static let groupWidth = 7
    /// Groups a batch.
    static let groups = 9
    /// Deepest level the distance bytes hold (0xFE and 0xFF are reserved).
    static let maxLevel = 253
    /// Arcs ahead whose head's lines are prefetched while gathering.
    static let prefetchDistance = 32
    /// Nodes of a level a member claims at a time.
    static let levelChunk = 32
    /// Lines a member claims at a time when it writes the group's distance words.
    static let lineChunk = 4096

    let n: Int
    let seen: UnsafeMutablePointer<UInt64>
    let visit: UnsafeMutablePointer<UInt64>
    let visitNext: UnsafeMutablePointer<UInt64>
    let frontier: UnsafeMutablePointer<Int32>
    let nextFrontier: UnsafeMutablePointer<Int32>
    let candidates: UnsafeMutablePointer<Int32>
    /// Group `g`'s distance bytes of node `v`: `distance[g * n + v]`, byte `b < 7` = source
    /// `7g + b`, byte 7 always `0xFF`.
    let distance: UnsafeMutablePointer<UInt64>
    /// Each group's level lists, filled by the search in node order: group `g`'s level
    /// `L` is `listNodes[g][listStart[g * levelSlots + L] ..< listStart[g * levelSlots + L + 1]]`;
    /// `listDeepest[g]` is its deepest level. The node buffers grow when needed.
    let listNodes: UnsafeMutablePointer<UnsafeMutablePointer<Int32>>
    let listCapacity: UnsafeMutablePointer<Int>
    let listCount: UnsafeMutablePointer<Int>
    let listStart: UnsafeMutablePointer<Int>
    let listDeepest: UnsafeMutablePointer<Int>
    static let levelSlots = maxLevel + 3

    init(n: Int) {
        self.n = n
        let c = max(n, 1)
        seen = .allocate(capacity: c); seen.initialize(repeating: 0, count: c)
        visit = .allocate(capacity: c); visit.initialize(repeating: 0, count: c)
        visitNext = .allocate(capacity: c); visitNext.initialize(repeating: 0, count: c)
        frontier = .allocate(capacity: c); frontier.initialize(repeating: 0, count: c)
        nextFrontier = .allocate(capacity: c); nextFrontier.initialize(repeating: 0, count: c)
        candidates = .allocate(capacity: c); candidates.initialize(repeating: 0, count: c)
        // Read at random: one cache line a node's values.
        distance = .allocate(capacity: Self.groups * c)
        distance.initialize(repeating: ~0, count: Self.groups * c)
        listNodes = .allocate(capacity: Self.groups)
        listCapacity = .allocate(capacity: Self.groups)
        listCount = .allocate(capacity: Self.groups)
        listDeepest = .allocate(capacity: Self.groups)
        listStart = .allocate(capacity: Self.groups * Self.levelSlots)
        listStart.initialize(repeating: 0, count: Self.groups * Self.levelSlots)
        for g in 0..<Self.groups {
            // A node is in about 2–3 of a group's levels; the lists grow beyond 3n if needed.
            let capacity = 3 * c
            listNodes[g] = .allocate(capacity: capacity)
            listCapacity[g] = capacity
            listCount[g] = 0
            listDeepest[g] = 0
        }
    }

    func deallocate() {
        seen.deallocate(); visit.deallocate(); visitNext.deallocate()
        frontier.deallocate(); nextFrontier.deallocate(); candidates.deallocate()
        distance.deallocate()
        for g in 0..<Self.groups { listNodes[g].deallocate() }
        listNodes.deallocate(); listCapacity.deallocate(); listCount.deallocate(); listStart.deallocate()
        listDeepest.deallocate()
    }

    /// The bit-parallel search from `sources` (at most ``width`` distinct nodes): fills the
    /// distance bytes and level lists of every group and returns the deepest level
    /// reached, or `nil` when a source reaches a node deeper than ``maxLevel``.
    ///
    /// `out` is the adjacency the paths follow, `into` its reverse (the same arrays for an
    /// undirected graph).
    func search(
        sources: UnsafeBufferPointer<Int>,
        out: (offsets: UnsafePointer<Int32>, targets: UnsafePointer<Int32>),
        into: (offsets: UnsafePointer<Int32>, targets: UnsafePointer<Int32>)
    ) -> Int? {
        let n = self.n
        let bytes = UnsafeMutableRawPointer(distance).assumingMemoryBound(to: UInt8.self)
        let w = Self.groupWidth
        let groups = (sources.count + w - 1) / w
        seen.update(repeating: 0, count: n)
        distance.update(repeating: ~0, count: groups * n)
        let full: UInt64 = sources.count == 64 ? ~0 : (1 << UInt64(sources.count)) - 1
        var frontierCount = 0
        for (i, s) in sources.enumerated() {
            let bit: UInt64 = 1 << UInt64(i)
            if seen[s] == 0 {
                frontier[frontierCount] = Int32(s)
                frontierCount += 1
            }
            seen[s] |= bit
            visit[s] |= bit
            bytes[8 * ((i / w) * n + s) + i % w] = 0
        }
        // Level 0 of each group: its sources, ascending.
        for g in 0..<groups {
            listCount[g] = 0
            listDeepest[g] = 0
            listStart[g * Self.levelSlots] = 0
        }
        for (i, s) in sources.enumerated() { append(Int32(s), toGroup: i / w) }
        for g in 0..<groups { listStart[g * Self.levelSlots + 1] = listCount[g] }
        var remaining = Int(into.offsets[n])
        var candidateCount = -1
        var level = 0
        var current = frontier, next = nextFrontier
        while frontierCount > 0 {
            var frontierArcs = 0
            for i in 0..<frontierCount {
                let u = Int(current[i])
                frontierArcs += Int(out.offsets[u + 1] - out.offsets[u])
            }
            var nextCount = 0
            let topDown = 16 * frontierArcs < remaining
            if topDown {
                for i in 0..<frontierCount {
                    let u = Int(current[i])
                    let f = visit[u]
                    for a in Int(out.offsets[u])..<Int(out.offsets[u + 1]) {
                        let v = Int(out.targets[a])
                        let new = f & ~seen[v]
                        if new != 0 {
                            if visitNext[v] == 0 {
                                next[nextCount] = Int32(v)
                                nextCount += 1
                            }
                            visitNext[v] |= new
                        }
                    }
                }
            } else {
                if candidateCount < 0 {
                    candidateCount = 0
                    for v in 0..<n where seen[v] != full {
                        candidates[candidateCount] = Int32(v)
                        candidateCount += 1
                    }
                }
                var kept = 0
                remaining = 0
                for i in 0..<candidateCount {
                    let v = Int(candidates[i])
                    let missing = full & ~seen[v]
                    if missing == 0 { continue }
                    candidates[kept] = Int32(v)
                    kept += 1
                    remaining += Int(into.offsets[v + 1] - into.offsets[v])
                    var got: UInt64 = 0
                    for a in Int(into.offsets[v])..<Int(into.offsets[v + 1]) {
                        got |= visit[Int(into.targets[a])]
                        if got & missing == missing { break }
                    }
                    got &= missing
                    if got != 0 {
                        visitNext[v] = got
                        next[nextCount] = Int32(v)
                        nextCount += 1
                    }
                }
                candidateCount = kept
            }
            for i in 0..<frontierCount { visit[Int(current[i])] = 0 }
            if nextCount == 0 { break }
            level += 1
            if level > Self.maxLevel {
                for i in 0..<nextCount { visitNext[Int(next[i])] = 0 }
                return nil
            }
            let depth = repeatedByte(UInt8(level))
            for i in 0..<nextCount {
                let v = Int(next[i])
                var bits = visitNext[v]
                visitNext[v] = 0
                visit[v] = bits
                seen[v] |= bits
                if seen[v] == full { remaining -= Int(into.offsets[v + 1] - into.offsets[v]) }
                // Each group with new bits: its 7 bits spread to 7 bytes of depth, and the node
                // joins the group's list of this level.
                while bits != 0 {
                    let g = bits.trailingZeroBitCount / w
                    let shift = UInt64(g * w)
                    let spread = byteSpread[Int((bits >> shift) & 0x7F)]
                    let word = distance + (g * n + v)
                    word.pointee = (word.pointee & ~spread) | (depth & spread)
                    append(Int32(v), toGroup: g)
                    bits &= ~(0x7F << shift)
                }
            }
            for g in 0..<groups {
                let first = listStart[g * Self.levelSlots + level]
                let count = listCount[g]
                listStart[g * Self.levelSlots + level + 1] = count
                if count > first {
                    listDeepest[g] = level
                    // Bottom-up levels are found in node order; top-down ones are sorted so the
                    // gathers read neighbouring lines one after another.
                    if topDown {
                        var segment = UnsafeMutableBufferPointer(start: listNodes[g] + first, count: count - first)
                        segment.sort()
                    }
                }
            }
            swap(&current, &next)
            frontierCount = nextCount
        }
        return level
    }

    /// Path counts and dependencies of group `g`'s (at most 7) sources, from the distance
    /// bytes and level lists of the last ``search(sources:out:into:)``; adds the
    /// dependencies to `acc`. Every member of `team` calls it with the same arguments
    /// (its own `member`): they share `values` (one line a node, see below) and claim the
    /// nodes of each level in chunks, with a barrier between levels. A node's lanes are
    /// written only by the member that claimed it, from lines finished in an earlier
    /// level, so the values do not depend on the members or their timing.
    ///
    /// `values`: node `v`'s 8 lanes, 7 path counts then `(1 + δ) / σ` as bit patterns, and
    /// in lane 7 the group's distance word. `reached` has one slot a member (used with
    /// `endpoints`). Both `targets` arrays must be readable ``prefetchDistance`` entries
    /// past their last arc.
    func accumulate(
        group g: Int, sources: UnsafeBufferPointer<Int>, values: UnsafeMutablePointer<SIMD8<UInt64>>,
        out: (offsets: UnsafePointer<Int32>, targets: UnsafePointer<Int32>),
        into: (offsets: UnsafePointer<Int32>, targets: UnsafePointer<Int32>),
        accumulator acc: UnsafeMutablePointer<Double>, endpoints: Bool,
        team: KernelTeam, member: Int, reached slots: UnsafeMutablePointer<SIMD8<Double>>
    ) {
        let n = self.n
        let dist = UnsafePointer(distance + g * n)
        let deepest = listDeepest[g]
        let levelNodes = UnsafePointer(listNodes[g])
        let levelStart = listStart + g * Self.levelSlots
        let chunk = Self.levelChunk
        let lines = UnsafeMutableRawPointer(values).assumingMemoryBound(to: UInt64.self)
        // Each node's line carries its distances to the group's sources in lane 7 (byte 7
        // is 0xFF, never a level, so lane 7 is never matched, summed or overwritten); the
        // sources' own lanes start at one path.
        let one = (1.0).bitPattern
        while let piece = team.claim(Self.lineChunk, of: n, near: member) {
            for v in piece { values[v][7] = dist[v] }
            for (b, s) in sources.enumerated() where piece.contains(s) { values[s][b] = one }
        }
        team.wait()
        func level(
            _ l: Int, _ neighbour: Int, _ adjacency: (offsets: UnsafePointer<Int32>, targets: UnsafePointer<Int32>)
        )
            -> uccn_lanes_level
        {
            uccn_lanes_level(
                lines: lines, distance: dist, nodes: levelNodes, offsets: adjacency.offsets,
                targets: adjacency.targets, here: repeatedByte(UInt8(l)), neighbour: repeatedByte(UInt8(neighbour)),
                ahead: Int64(Self.prefetchDistance))
        }
        // Path counts, level by level away from the sources (CMemory's `uccn_lanes_count`).
        if deepest >= 1 {
            for l in 1...deepest {
                var step = level(l, l - 1, into)
                let start = levelStart[l], end = levelStart[l + 1]
                while let piece = team.claim(chunk, of: end - start, near: member) {
                    uccn_lanes_count(&step, Int64(start + piece.lowerBound), Int64(start + piece.upperBound))
                }
                team.wait()
            }
        }
        // Dependencies, level by level towards the sources (`uccn_lanes_depend`).
        var reached = SIMD8<Double>()
        var l = deepest
        while l >= 1 {
            var step = level(l, l + 1, out)
            let start = levelStart[l], end = levelStart[l + 1]
            while let piece = team.claim(chunk, of: end - start, near: member) {
                withUnsafeMutableBytes(of: &reached) { raw in
                    uccn_lanes_depend(
                        &step, Int64(start + piece.lowerBound), Int64(start + piece.upperBound), l < deepest ? 1 : 0,
                        endpoints ? 1 : 0, acc, raw.baseAddress?.assumingMemoryBound(to: Double.self))
                }
            }
            if l == 1 { slots[member] = reached }
            team.wait()
            l -= 1
        }
        guard endpoints else { return }
        if deepest < 1 {
            slots[member] = reached
            team.wait()
        }
        // With endpoints a source also gains the nodes it reaches: whole numbers, so the
        // members' counts add up to the same sum in any order.
        if member == 0 {
            var all = slots[0]
            for m in 1..<team.members { all += slots[m] }
            for (b, s) in sources.enumerated() { acc[s] += all[b] }
        }
    }

    /// Appends `node` to group `g`'s list (its current level), doubling the buffer when full.
    @inline(__always)
    private func append(_ node: Int32, toGroup g: Int) {
        if listCount[g] == listCapacity[g] {
            let capacity = 2 * listCapacity[g]
            let grown = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
            grown.update(from: listNodes[g], count: listCount[g])
            listNodes[g].deallocate()
            listNodes[g] = grown
            listCapacity[g] = capacity
        }
        listNodes[g][listCount[g]] = node
        listCount[g] += 1
    }
}

/// `byteSpread[m]` has `0xFF` in byte `b` when bit `b` of the 7-bit `m` is set.
nonisolated(unsafe) private let byteSpread: UnsafePointer<UInt64> = {
    let table = UnsafeMutablePointer<UInt64>.allocate(capacity: 128)
    for m in 0..<128 {
        var word: UInt64 = 0
        for b in 0..<7 where m & (1 << b) != 0 { word |= 0xFF << UInt64(8 * b) }
        table[m] = word
    }
    return UnsafePointer(table)
}()

/// `count` elements aligned to a 64-byte cache line (the SIMD types ask for 16 only).
func lineAligned<T>(_: T.Type, count: Int) -> UnsafeMutablePointer<T> {
    UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<T>.stride, alignment: 64)
        .bindMemory(to: T.self, capacity: count)
}

@inline(__always)
private func repeatedByte(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }
