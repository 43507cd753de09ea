import GraphCore

/// Breadth-first search from `Word.scalarCount × 64` sources at once (256 with
/// `SIMD4<UInt64>`), direction-optimising, for the per-source distance sums behind
/// closeness and harmonic centrality on unweighted graphs.
///
/// Every node holds three bit sets over the batch's sources: `seen` (sources that have
/// reached it), `visit` (sources whose frontier it is in) and `visitNext`. A level is
/// expanded in one of two directions:
///
/// * **top-down** (small frontier): each frontier node ORs its `visit` bits into
///   `visitNext` of its neighbours; a node's new bits are `visitNext & ~seen`;
/// * **bottom-up** (large frontier): each node not yet reached by every source ORs the
///   `visit` bits of its neighbours (along the reversed arcs) until it holds all its
///   missing bits; reads only, one write per node.
///
/// The direction is chosen per level by comparing the arcs the frontier would scan with
/// the arcs of the nodes still missing a source (top-down while `16 × frontier arcs <
/// remaining arcs`). The number of nodes each source reaches at each depth is counted
/// with bit-sliced (vertical) counters: a node's new bits are added to `K` bit planes
/// with a ripple carry, `O(1)` amortised word operations per node, and the per-source
/// counts are read out of the planes once per level. Sums are accumulated exactly as the
/// 64-source kernel does (count·depth into an integer total, count/depth into the
/// harmonic sum, level by level in increasing depth), so the results are identical.
///
/// - Complexity: O(levels × m / 256) word operations per source in the worst case;
///   `3n` words of `Word` plus `n` node lists of memory per worker.
/// - Reference: M. Then, M. Kaufmann, F. Chirigati, T.-A. Hoang-Vu, K. Pham, A. Kemper,
///   T. Neumann, H. T. Vo, "The more the merrier: efficient multi-source graph
///   traversal", PVLDB 8(4), 2014, doi:10.14778/2735496.2735507; S. Beamer, K. Asanović,
///   D. Patterson, "Direction-optimizing breadth-first search", SC 2012,
///   doi:10.1109/SC.2012.50.
struct DirectionOptimizingMultiSourceBFS<Word: SIMD> where Word.Scalar == UInt64 {
    static var width: Int { Word.scalarCount * 64 }

    /// Top-down while `alpha × frontier arcs < arcs of nodes missing a source`.
    static var alpha: Int { 16 }

    let n: Int
    let seen: UnsafeMutablePointer<Word>
    let visitA: UnsafeMutablePointer<Word>
    let visitB: UnsafeMutablePointer<Word>
    let listA: UnsafeMutablePointer<Int32>
    let listB: UnsafeMutablePointer<Int32>
    let candidates: UnsafeMutablePointer<Int32>
    let planes: UnsafeMutablePointer<Word>
    let planeCount: Int

    init(n: Int) {
        self.n = n
        let c = max(n, 1)
        seen = .allocate(capacity: c); seen.initialize(repeating: Word(), count: c)
        visitA = .allocate(capacity: c); visitA.initialize(repeating: Word(), count: c)
        visitB = .allocate(capacity: c); visitB.initialize(repeating: Word(), count: c)
        listA = .allocate(capacity: c); listA.initialize(repeating: 0, count: c)
        listB = .allocate(capacity: c); listB.initialize(repeating: 0, count: c)
        candidates = .allocate(capacity: c); candidates.initialize(repeating: 0, count: c)
        var k = 1
        while (1 << k) <= n { k += 1 }
        planeCount = k
        planes = .allocate(capacity: k); planes.initialize(repeating: Word(), count: k)
    }

    func deallocate() {
        seen.deallocate(); visitA.deallocate(); visitB.deallocate()
        listA.deallocate(); listB.deallocate(); candidates.deallocate(); planes.deallocate()
    }

    /// Searches from the sources `first ..< first + count` (numbers in the adjacency
    /// given, at most ``width``) and writes each one's sums to `original[source]`'s slot.
    ///
    /// `push` is the adjacency the search follows; `pull` its reverse (the same arrays
    /// for an undirected graph); `degree[v]` is `v`'s number of `push` arcs.
    func run(
        first: Int, count: Int, push: (offsets: UnsafePointer<Int32>, targets: UnsafePointer<Int32>),
        pull: (offsets: UnsafePointer<Int32>, targets: UnsafePointer<Int32>), arcCount: Int,
        original: UnsafePointer<Int32>, reached: SharedBuffer<Int>, total: SharedBuffer<Double>,
        harmonic: SharedBuffer<Double>
    ) {
        let zero = Word()
        var full = Word()
        for i in 0..<count { full[i >> 6] |= UInt64(1) << UInt64(i & 63) }
        var reachedCount = [Int](repeating: 1, count: count)
        var totals = [Int](repeating: 0, count: count)
        var harmonics = [Double](repeating: 0, count: count)

        var visit = visitA, visitNext = visitB
        var frontier = listA, upcoming = listB
        var frontierSize = 0
        var frontierArcs = 0
        for i in 0..<count {
            let s = first + i
            var bits = zero
            bits[i >> 6] = UInt64(1) << UInt64(i & 63)
            visit[s] = bits
            seen[s] = bits
            frontier[frontierSize] = Int32(s)
            frontierSize += 1
            frontierArcs += Int(push.offsets[s + 1] - push.offsets[s])
        }
        var remainingArcs = arcCount
        var depth = 0
        while frontierSize > 0 {
            depth += 1
            var nextSize = 0
            var nextArcs = 0
            if frontierArcs * Self.alpha < remainingArcs {
                // Top-down: scatter the frontier's bits to its neighbours.
                var candidateCount = 0
                for i in 0..<frontierSize {
                    let v = Int(frontier[i])
                    let f = visit[v]
                    for a in Int(push.offsets[v])..<Int(push.offsets[v + 1]) {
                        let w = Int(push.targets[a])
                        let x = visitNext[w]
                        if x == zero {
                            candidates[candidateCount] = Int32(w)
                            candidateCount += 1
                        }
                        visitNext[w] = x | f
                    }
                }
                for i in 0..<frontierSize { visit[Int(frontier[i])] = zero }
                for i in 0..<candidateCount {
                    let w = Int(candidates[i])
                    let s = seen[w]
                    let fresh = visitNext[w] & ~s
                    if fresh == zero {
                        visitNext[w] = zero
                        continue
                    }
                    visitNext[w] = fresh
                    let now = s | fresh
                    seen[w] = now
                    let degree = Int(push.offsets[w + 1] - push.offsets[w])
                    if now == full { remainingArcs -= degree }
                    upcoming[nextSize] = Int32(w)
                    nextSize += 1
                    nextArcs += degree
                    tally(fresh)
                }
            } else {
                // Bottom-up: every node still missing a source gathers from its neighbours.
                for w in 0..<n {
                    let s = seen[w]
                    if s == full { continue }
                    let missing = full & ~s
                    var gathered = zero
                    var a = Int(pull.offsets[w])
                    let end = Int(pull.offsets[w + 1])
                    while a < end {
                        gathered |= visit[Int(pull.targets[a])]
                        a += 1
                        if gathered & missing == missing { break }
                    }
                    let fresh = gathered & missing
                    if fresh == zero { continue }
                    visitNext[w] = fresh
                    let now = s | fresh
                    seen[w] = now
                    let degree = Int(push.offsets[w + 1] - push.offsets[w])
                    if now == full { remainingArcs -= degree }
                    upcoming[nextSize] = Int32(w)
                    nextSize += 1
                    nextArcs += degree
                    tally(fresh)
                }
                for i in 0..<frontierSize { visit[Int(frontier[i])] = zero }
            }
            if nextSize > 0 {
                let d = Double(depth)
                for i in 0..<count {
                    let word = i >> 6
                    let shift = UInt64(i & 63)
                    var c = 0
                    for k in 0..<planeCount { c |= Int((planes[k][word] >> shift) & 1) << k }
                    if c > 0 {
                        reachedCount[i] += c
                        totals[i] += c * depth
                        harmonics[i] += Double(c) / d
                    }
                }
                for k in 0..<planeCount { planes[k] = zero }
            }
            swap(&visit, &visitNext)
            swap(&frontier, &upcoming)
            frontierSize = nextSize
            frontierArcs = nextArcs
        }
        seen.update(repeating: zero, count: n)
        for i in 0..<count {
            let v = Int(original[first + i])
            reached[v] = reachedCount[i]
            total[v] = Double(totals[i])
            harmonic[v] = harmonics[i]
        }
    }

    /// Adds one to the level count of every source whose bit is set in `bits`.
    @inline(__always)
    private func tally(_ bits: Word) {
        var carry = bits
        var k = 0
        while k < planeCount {
            let plane = planes[k]
            planes[k] = plane ^ carry
            carry = plane & carry
            if carry == Word() { return }
            k += 1
        }
    }
}
