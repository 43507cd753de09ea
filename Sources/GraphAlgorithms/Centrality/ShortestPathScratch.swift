/// Relative tolerance for comparing weighted path lengths (igraph's choice): two lengths
/// `a`, `b` are equal when `|a − b| ≤ 1e-10 · (|a| + |b|)`, so sums of the same
/// floating-point weights taken in different orders still tie.
let pathLengthTolerance = 1e-10

@inline(__always)
func lengthsEqual(_ a: Double, _ b: Double) -> Bool {
    a == b || abs(a - b) <= pathLengthTolerance * (abs(a) + abs(b))
}

@inline(__always)
func lengthLess(_ a: Double, _ b: Double) -> Bool {
    a < b && !lengthsEqual(a, b)
}

/// A binary min-heap of node indices keyed by a distance array, with decrease-key.
/// `position[v]` is `v`'s slot in the heap, or −1.
struct IndexedMinHeap {
    var heap: UnsafeMutablePointer<Int32>
    var position: UnsafeMutablePointer<Int32>
    var count = 0

    init(capacity: Int) {
        heap = .allocate(capacity: max(capacity, 1))
        position = .allocate(capacity: max(capacity, 1))
        position.initialize(repeating: -1, count: max(capacity, 1))
    }

    func deallocate() {
        heap.deallocate()
        position.deallocate()
    }

    @inline(__always)
    mutating func push(_ v: Int32, keys: UnsafeMutablePointer<Double>) {
        heap[count] = v
        position[Int(v)] = Int32(count)
        count += 1
        siftUp(count - 1, keys: keys)
    }

    @inline(__always)
    mutating func decreased(_ v: Int32, keys: UnsafeMutablePointer<Double>) {
        siftUp(Int(position[Int(v)]), keys: keys)
    }

    @inline(__always)
    mutating func pop(keys: UnsafeMutablePointer<Double>) -> Int32 {
        let top = heap[0]
        position[Int(top)] = -1
        count -= 1
        if count > 0 {
            let last = heap[count]
            heap[0] = last
            position[Int(last)] = 0
            siftDown(0, keys: keys)
        }
        return top
    }

    @inline(__always)
    private func siftUp(_ start: Int, keys: UnsafeMutablePointer<Double>) {
        var i = start
        let v = heap[i]
        let key = keys[Int(v)]
        while i > 0 {
            let parent = (i - 1) >> 1
            let p = heap[parent]
            if keys[Int(p)] <= key { break }
            heap[i] = p
            position[Int(p)] = Int32(i)
            i = parent
        }
        heap[i] = v
        position[Int(v)] = Int32(i)
    }

    @inline(__always)
    private func siftDown(_ start: Int, keys: UnsafeMutablePointer<Double>) {
        var i = start
        let v = heap[i]
        let key = keys[Int(v)]
        while true {
            let left = 2 * i + 1
            if left >= count { break }
            var child = left
            var childKey = keys[Int(heap[left])]
            let right = left + 1
            if right < count {
                let rk = keys[Int(heap[right])]
                if rk < childKey { child = right; childKey = rk }
            }
            if key <= childKey { break }
            let c = heap[child]
            heap[i] = c
            position[Int(c)] = Int32(i)
            i = child
        }
        heap[i] = v
        position[Int(v)] = Int32(i)
    }
}

/// Integer arc lengths for Dial's bucket queue, when every weight is a whole number in
/// `1…65536` (the benchmark's weights are 1…100); `nil` otherwise (use the heap).
func integerLengths(_ weights: [Double]) -> (lengths: [Int32], maxLength: Int)? {
    var lengths = [Int32](repeating: 0, count: weights.count)
    var maxLength = 1
    for (a, w) in weights.enumerated() {
        guard w >= 1, w <= 65536, w == w.rounded(.towardZero) else { return nil }
        let l = Int(w)
        lengths[a] = Int32(l)
        if l > maxLength { maxLength = l }
    }
    return (lengths, maxLength)
}

/// Dial's bucket queue for Dijkstra with integer lengths in `1…C`: `C + 1` circular
/// buckets, entries inserted lazily (a node whose distance drops is inserted again and
/// its stale entry skipped when popped).
///
/// Reference: R. B. Dial, "Algorithm 360: shortest-path forest with topological
/// ordering", CACM 12(11), 1969, doi:10.1145/363269.363610.
struct BucketQueue {
    var buckets: [[Int32]]
    var pending = 0
    var current = 0

    init(maxLength: Int) {
        buckets = [[Int32]](repeating: [], count: maxLength + 1)
    }

    @inline(__always)
    mutating func insert(_ v: Int32, distance: Int) {
        buckets[distance % buckets.count].append(v)
        pending += 1
    }

    /// Next entry at the smallest distance (possibly stale), with that distance.
    @inline(__always)
    mutating func pop() -> (node: Int32, distance: Int)? {
        guard pending > 0 else { return nil }
        while true {
            let b = current % buckets.count
            if let v = buckets[b].popLast() {
                pending -= 1
                return (v, current)
            }
            current += 1
        }
    }

    mutating func reset() {
        current = 0
        pending = 0
    }
}
