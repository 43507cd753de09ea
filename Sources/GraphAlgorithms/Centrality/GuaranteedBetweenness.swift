import Foundation
import GraphCore

/// Betweenness centrality estimated within `epsilon` of the exact values with
/// probability at least `1 − delta` (Riondato–Kornaropoulos sampling).
///
/// Draws `r` ordered pairs `(u, v)`, `u ≠ v`, uniformly at random, picks one shortest
/// `u`–`v` path uniformly at random (if `v` is reachable) and adds `1/r` to every node
/// strictly inside it. The result estimates `b(w) = Σ_{u ≠ v} σ_uv(w)/σ_uv / (n(n − 1))`
/// and, with probability at least `1 − δ`, every node's estimate is within `ε` of `b(w)`
/// when
///
/// `r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉`, `c = 0.5`,
///
/// where `VD` bounds the vertex diameter (the most nodes on any shortest path). `VD` is
/// bounded by `2·ecc + 1` with `ecc` the eccentricity of each component's first node
/// (one breadth-first search per component) on undirected graphs, and by `n` on directed
/// ones. When `VD ≤ 2` no node lies inside a shortest path and every value is 0.
///
/// * **Scale.** `epsilon` is an error on NetworkX's normalised betweenness
///   (`Σ_{u≠v} σ_uv(w)/σ_uv ÷ ((n − 1)(n − 2))`, which is `b(w)·n/(n − 2)`): sampling uses
///   `ε' = epsilon·(n − 2)/n`. Unnormalised values (`normalized == false`) are rescaled
///   like the exact ones (unordered pairs on undirected graphs), their error bound with them.
/// * **Paths** are sampled with a balanced bidirectional breadth-first search: the side
///   whose frontier has fewer arcs grows by one level until the two balls meet; a path is
///   drawn through a meeting node with probability `σ_u(x)σ_v(x)/σ_uv`, then backwards to
///   each end choosing predecessors in proportion to their path counts (so every shortest
///   path has probability `1/σ_uv`). Unweighted graphs only; directed graphs follow arcs.
/// * **Deterministic**: sample `i` draws from `SeededGenerator` stream `i` of `seed`,
///   counts are integers summed over workers, so the values depend only on the seed, never
///   on `threads`.
///
/// - Complexity: O(r · (cost of one bidirectional search)), at most O(r·m); O(n) memory
///   per worker.
/// - Reference: M. Riondato, E. M. Kornaropoulos, "Fast approximation of betweenness
///   centrality through sampling", Data Mining and Knowledge Discovery 30(2), 2016,
///   doi:10.1007/s10618-015-0423-0; M. Borassi, E. Natale, "KADABRA is an ADaptive
///   Algorithm for Betweenness via Random Approximation", ESA 2016,
///   doi:10.4230/LIPIcs.ESA.2016.20 (balanced bidirectional search).
public struct GuaranteedBetweenness: Sendable, Equatable {
    /// One value per node, normalised as requested.
    public let values: [Double]
    /// Number of sampled pairs `r`.
    public let samples: Int
    /// The vertex-diameter bound `VD` used for `r`.
    public let vertexDiameterBound: Int
    public let epsilon: Double
    public let delta: Double

    /// The constant `c` of the sample size (Löffler and Phillips' estimate, as in the paper).
    public static let sampleSizeConstant = 0.5

    /// `⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉` for `VD ≥ 3`, 0 below (no interior nodes).
    public static func sampleSize(epsilon: Double, delta: Double, vertexDiameter: Int) -> Int {
        guard vertexDiameter >= 3 else { return 0 }
        let logTerm = Double(Int.bitWidth - 1 - (vertexDiameter - 2).leadingZeroBitCount)
        let factor: Double = sampleSizeConstant / (epsilon * epsilon)
        let r: Double = factor * (logTerm + 1 + log(1 / delta))
        return Int(r.rounded(.up))
    }

    /// An upper bound on the vertex diameter: `2·ecc + 1` of each undirected component's
    /// first node (the largest over components), `n` for directed graphs.
    public static func vertexDiameterBound(of graph: Graph) -> Int {
        let n = graph.nodeCount
        if graph.isDirected { return n }
        var dist = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: max(n, 1))
        var bound = n > 0 ? 1 : 0
        for root in 0..<n where dist[root] < 0 {
            dist[root] = 0
            queue[0] = Int32(root)
            var head = 0, tail = 1
            var eccentricity: Int32 = 0
            while head < tail {
                let v = Int(queue[head])
                head += 1
                let d = dist[v]
                eccentricity = max(eccentricity, d)
                for a in Int(graph.offsets[v])..<Int(graph.offsets[v + 1]) {
                    let w = Int(graph.targets[a])
                    if dist[w] < 0 {
                        dist[w] = d + 1
                        queue[tail] = Int32(w)
                        tail += 1
                    }
                }
            }
            bound = max(bound, 2 * Int(eccentricity) + 1)
        }
        return min(bound, n)
    }
}

/// Betweenness within `epsilon` of the exact normalised values with probability at least
/// `1 − delta`; see ``GuaranteedBetweenness`` for the method and the sample size.
///
/// - Parameters:
///   - graph: the graph (its weights are not read).
///   - epsilon: the largest error allowed on NetworkX's normalised betweenness, in (0, 1).
///   - delta: the probability allowed for a larger error, in (0, 1).
///   - seed: seed of the sampled pairs and paths.
///   - normalized: divide by the number of pairs, as NetworkX does by default.
///   - threads: worker threads (the result does not depend on them).
///   - control: receives the progress (sampled paths); cancelling it stops the sampling.
/// - Throws: ``CentralityError/invalidParameter(name:value:expected:)`` when `epsilon` or
///   `delta` is not in (0, 1); ``CentralityError/cancelled`` when `control` is cancelled.
public func guaranteedBetweennessCentrality(
    of graph: Graph, epsilon: Double, delta: Double, seed: UInt64 = 42, normalized: Bool = true,
    threads: Int = 1, control: RunControl? = nil
) throws(CentralityError) -> GuaranteedBetweenness {
    guard epsilon > 0, epsilon < 1 else {
        throw .invalidParameter(name: "epsilon", value: "\(epsilon)", expected: "a number between 0 and 1")
    }
    guard delta > 0, delta < 1 else {
        throw .invalidParameter(name: "delta", value: "\(delta)", expected: "a number between 0 and 1")
    }
    let n = graph.nodeCount
    let bound = GuaranteedBetweenness.vertexDiameterBound(of: graph)
    // The guarantee is asked on NetworkX's normalisation, n/(n − 2) times the sampled scale.
    let sampledEpsilon = n > 2 ? epsilon * Double(n - 2) / Double(n) : epsilon
    let r = n > 2 ? GuaranteedBetweenness.sampleSize(epsilon: sampledEpsilon, delta: delta, vertexDiameter: bound) : 0
    control?.begin(total: r)
    var counts = [Int](repeating: 0, count: n)
    if r > 0 {
        let blocks = BlockPartition(count: r, maxBlocks: 256)
        let perWorker = SharedBuffer<Int>(repeating: 0, count: max(1, min(threads, blocks.blockCount)) * n)
        defer { perWorker.deallocate() }
        let workers = max(1, min(threads, blocks.blockCount))
        blocks.run(threads: threads) { w, blockList in
            var search = BidirectionalPathSampler(graph: graph)
            defer { search.deallocate() }
            let mine = perWorker.base + w * n
            for b in blockList {
                if control?.isCancelled == true { return }
                var done = 0
                for i in blocks.items(ofBlock: b) {
                    var generator = SeededGenerator(seed: seed, stream: UInt64(i))
                    let u = Int.random(in: 0..<n, using: &generator)
                    var v = Int.random(in: 0..<(n - 1), using: &generator)
                    if v >= u { v += 1 }
                    search.samplePath(from: u, to: v, using: &generator) { mine[$0] += 1 }
                    done += 1
                }
                control?.advance(by: done)
            }
        }
        if control?.isCancelled == true { throw .cancelled }
        for w in 0..<workers {
            let row = perWorker.base + w * n
            for v in 0..<n { counts[v] += row[v] }
        }
    }
    // counts/r estimates b = Σ_{u≠v} σ_uv(w)/σ_uv / (n(n − 1)).
    let scale: Double
    if r == 0 {
        scale = 0
    } else if normalized {
        scale = Double(n) / Double(n - 2) / Double(r)
    } else {
        scale = Double(n) * Double(n - 1) / (graph.isDirected ? 1 : 2) / Double(r)
    }
    return GuaranteedBetweenness(
        values: counts.map { Double($0) * scale }, samples: r, vertexDiameterBound: bound, epsilon: epsilon,
        delta: delta)
}

/// One uniformly random shortest path between two nodes, by balanced bidirectional
/// breadth-first search (see ``GuaranteedBetweenness``).
struct BidirectionalPathSampler {
    let outOffsets: [Int32], outTargets: [Int32]
    let inOffsets: [Int32], inTargets: [Int32]
    let distU: UnsafeMutablePointer<Int32>, distV: UnsafeMutablePointer<Int32>
    let sigmaU: UnsafeMutablePointer<Double>, sigmaV: UnsafeMutablePointer<Double>
    var touchedU: [Int32] = [], touchedV: [Int32] = []

    init(graph: Graph) {
        let n = max(graph.nodeCount, 1)
        outOffsets = graph.offsets
        outTargets = graph.targets
        inOffsets = graph.isDirected ? graph.inOffsets : graph.offsets
        inTargets = graph.isDirected ? graph.inSources : graph.targets
        distU = .allocate(capacity: n); distU.initialize(repeating: -1, count: n)
        distV = .allocate(capacity: n); distV.initialize(repeating: -1, count: n)
        sigmaU = .allocate(capacity: n); sigmaU.initialize(repeating: 0, count: n)
        sigmaV = .allocate(capacity: n); sigmaV.initialize(repeating: 0, count: n)
    }

    func deallocate() {
        distU.deallocate(); distV.deallocate(); sigmaU.deallocate(); sigmaV.deallocate()
    }

    /// Calls `inside` for every node strictly inside one shortest `u`–`v` path drawn
    /// uniformly at random; nothing when `v` is unreachable from `u`.
    mutating func samplePath(
        from u: Int, to v: Int, using generator: inout SeededGenerator, inside: (Int) -> Void
    ) {
        distU[u] = 0; sigmaU[u] = 1; touchedU.append(Int32(u))
        distV[v] = 0; sigmaV[v] = 1; touchedV.append(Int32(v))
        var frontierU: [Int32] = [Int32(u)], frontierV: [Int32] = [Int32(v)]
        var arcsU = Int(outOffsets[u + 1] - outOffsets[u]), arcsV = Int(inOffsets[v + 1] - inOffsets[v])
        var meeting: [Int32] = []
        while meeting.isEmpty && !frontierU.isEmpty && !frontierV.isEmpty {
            if arcsU <= arcsV {
                (frontierU, arcsU) = Self.expand(
                    frontierU, offsets: outOffsets, targets: outTargets, dist: distU, sigma: sigmaU,
                    touched: &touchedU)
                meeting = frontierU.filter { distV[Int($0)] >= 0 }
            } else {
                (frontierV, arcsV) = Self.expand(
                    frontierV, offsets: inOffsets, targets: inTargets, dist: distV, sigma: sigmaV,
                    touched: &touchedV)
                meeting = frontierV.filter { distU[Int($0)] >= 0 }
            }
        }
        if !meeting.isEmpty {
            // A meeting node with probability σ_u(x)σ_v(x)/σ_uv.
            var total = 0.0
            for x in meeting { total += sigmaU[Int(x)] * sigmaV[Int(x)] }
            var pick = generator.nextUnit() * total
            var x = Int(meeting[meeting.count - 1])
            for m in meeting {
                let weight = sigmaU[Int(m)] * sigmaV[Int(m)]
                if pick < weight {
                    x = Int(m)
                    break
                }
                pick -= weight
            }
            if x != u && x != v { inside(x) }
            // Back to u over in-arcs, to v over out-arcs, each step ∝ path counts.
            var y = x
            while distU[y] > 0 {
                y = Self.predecessor(
                    of: y, offsets: inOffsets, targets: inTargets, dist: distU, sigma: sigmaU, using: &generator)
                if y != u { inside(y) }
            }
            y = x
            while distV[y] > 0 {
                y = Self.predecessor(
                    of: y, offsets: outOffsets, targets: outTargets, dist: distV, sigma: sigmaV, using: &generator)
                if y != v { inside(y) }
            }
        }
        for t in touchedU { distU[Int(t)] = -1; sigmaU[Int(t)] = 0 }
        for t in touchedV { distV[Int(t)] = -1; sigmaV[Int(t)] = 0 }
        touchedU.removeAll(keepingCapacity: true)
        touchedV.removeAll(keepingCapacity: true)
    }

    /// One breadth-first level: the next frontier and the number of arcs leaving it.
    private static func expand(
        _ frontier: [Int32], offsets: [Int32], targets: [Int32], dist: UnsafeMutablePointer<Int32>,
        sigma: UnsafeMutablePointer<Double>, touched: inout [Int32]
    ) -> ([Int32], Int) {
        var next: [Int32] = []
        var arcs = 0
        let d = dist[Int(frontier[0])] + 1
        for x in frontier {
            let sx = sigma[Int(x)]
            for a in Int(offsets[Int(x)])..<Int(offsets[Int(x) + 1]) {
                let y = Int(targets[a])
                let dy = dist[y]
                if dy < 0 {
                    dist[y] = d
                    sigma[y] = sx
                    touched.append(Int32(y))
                    next.append(Int32(y))
                    arcs += Int(offsets[y + 1] - offsets[y])
                } else if dy == d {
                    sigma[y] += sx
                }
            }
        }
        return (next, arcs)
    }

    /// A neighbour `p` of `y` (over `offsets`/`targets`) one step closer to the search's
    /// root, with probability `σ(p)/σ(y)`.
    private static func predecessor(
        of y: Int, offsets: [Int32], targets: [Int32], dist: UnsafeMutablePointer<Int32>,
        sigma: UnsafeMutablePointer<Double>, using generator: inout SeededGenerator
    ) -> Int {
        let want = dist[y] - 1
        var pick = generator.nextUnit() * sigma[y]
        var last = -1
        for a in Int(offsets[y])..<Int(offsets[y + 1]) {
            let p = Int(targets[a])
            guard dist[p] == want else { continue }
            last = p
            if pick < sigma[p] { return p }
            pick -= sigma[p]
        }
        return last
    }
}
