import GraphCore

/// Exact closeness centrality of one graph with one more edge, for many candidate edges of
/// the same graph (what-if analyses): each answer is bit for bit
/// ``closenessCentrality(of:weighted:threads:)`` of the graph with the edge (unweighted,
/// Wasserman–Faust), from the graph's hop distances between every pair of nodes.
///
/// Closeness is `C(s) = (r − 1)/Σ_t d(s, t) · (r − 1)/(n − 1)` over the `r − 1` other nodes
/// `s` reaches; a node that reaches nobody gets 0. With the edge `u–v` added, a distance
/// can only shrink through it:
/// `d′(s, t) = min(d(s, t), d(s, u) + 1 + d(v, t), d(s, v) + 1 + d(u, t))`,
/// and when `d(s, u) = d(s, v)` no distance from `s` changes. Counts and distance sums are
/// whole numbers, computed exactly whatever their order, and the value is the same
/// expression of them as in ``closenessCentrality(of:weighted:threads:)``, so the results
/// are identical.
///
/// Undirected graphs of up to ``maxIncrementalNodes`` nodes are updated this way; for a
/// directed or larger graph every call computes the closeness of the graph with the edge
/// from scratch (the same values, without the saving).
///
/// - Complexity: O(n·m) time and O(n²) memory (2-byte distances) once; then O(k·n) per
///   call for the `k` nodes whose distances to `u` and `v` differ.
/// - Reference: S. Wasserman, K. Faust, *Social Network Analysis: Methods and
///   Applications*, Cambridge University Press, 1994, doi:10.1017/CBO9780511815478.
public struct EdgeInsertionCloseness: Sendable {
    /// The graph without the added edge.
    public let graph: Graph
    /// Closeness of ``graph`` (identical to `closenessCentrality(of: graph)`).
    public let values: [Double]

    /// Largest node count whose distance table is kept (`n²` 2-byte distances: 2 MiB at
    /// 1,024 nodes); larger graphs are computed from scratch on every call.
    public static let maxIncrementalNodes = 1024

    /// `distances[s * n + t]`, `unreachable` when `t` cannot be reached (empty when not
    /// incremental).
    private let distances: [UInt16]
    /// Nodes each node reaches (itself included) and the sum of their distances.
    private let reached: [Int]
    private let totals: [Int]
    private let incremental: Bool
    private static let unreachable = UInt16.max

    /// Computes the closeness of `graph` and, for an undirected graph of at most
    /// ``maxIncrementalNodes`` nodes, keeps every pair's distance.
    ///
    /// - Parameter graph: the graph (weights are ignored).
    /// - Complexity: O(n·m) time, O(n²) memory.
    public init(graph: Graph) {
        self.graph = graph
        let n = graph.nodeCount
        incremental = !graph.isDirected && n > 0 && n <= Self.maxIncrementalNodes
        guard incremental else {
            distances = []
            reached = []
            totals = []
            values = closenessCentrality(of: graph)
            return
        }
        var table = [UInt16](repeating: Self.unreachable, count: n * n)
        var reached = [Int](repeating: 0, count: n)
        var totals = [Int](repeating: 0, count: n)
        var queue = [Int32](repeating: 0, count: n)
        for s in 0..<n {
            let row = s * n
            table[row + s] = 0
            queue[0] = Int32(s)
            var head = 0, tail = 1, total = 0
            while head < tail {
                let x = Int(queue[head])
                head += 1
                let next = table[row + x] + 1
                for y in graph.neighbors(of: x) where table[row + Int(y)] == Self.unreachable {
                    table[row + Int(y)] = next
                    total += Int(next)
                    queue[tail] = y
                    tail += 1
                }
            }
            reached[s] = tail
            totals[s] = total
        }
        distances = table
        self.reached = reached
        self.totals = totals
        values = (0..<n).map { closeness(reached: reached[$0], totalDistance: Double(totals[$0]), n: n) }
    }

    /// Closeness of ``graph`` with the edge `u–v` added (a self-loop or an edge already
    /// there adds nothing): bit for bit `closenessCentrality(of: graph.addingEdges([(u, v)]))`.
    ///
    /// - Parameters:
    ///   - u: one end of the new edge.
    ///   - v: the other end.
    /// - Returns: one value a node.
    public func afterAdding(_ u: Int, _ v: Int) -> [Double] {
        let linked = graph.addingEdges([(u, v)])
        if linked.edgeCount == graph.edgeCount { return values }
        guard incremental else { return closenessCentrality(of: linked) }
        let n = graph.nodeCount
        let far = Int(Self.unreachable)
        var result = values
        distances.withUnsafeBufferPointer { d in
            let fromU = d.baseAddress! + u * n
            let fromV = d.baseAddress! + v * n
            for s in 0..<n {
                let row = d.baseAddress! + s * n
                let su = Int(row[u]), sv = Int(row[v])
                if su == sv { continue }
                // Through the new edge: s … u – v … t, or s … v – u … t.
                let viaU = su == far ? far : su + 1
                let viaV = sv == far ? far : sv + 1
                var count = 0, total = 0
                for t in 0..<n {
                    var best = Int(row[t])
                    let tv = Int(fromV[t]), tu = Int(fromU[t])
                    if viaU < far && tv < far { best = min(best, viaU + tv) }
                    if viaV < far && tu < far { best = min(best, viaV + tu) }
                    if best < far {
                        count += 1
                        total += best
                    }
                }
                result[s] = closeness(reached: count, totalDistance: Double(total), n: n)
            }
        }
        return result
    }
}
