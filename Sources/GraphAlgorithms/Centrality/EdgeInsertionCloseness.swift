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
/// Only the nodes strictly closer to one end, `U = {s : d(s, u) < d(s, v)}` and `V`
/// likewise, change: from `s ∈ U` the edge shortens only the routes to targets in `V`
/// (for another `t`, `d(t, v) ≥ d(t, u)` makes `s … u – v … t` longer than `s … u … t`),
/// so each of them is updated from its old count and sum over the other side alone.
///
/// - Complexity: O(n·m) time and O(n²) memory (2-byte distances) once; then O(n + |U|·|V|)
///   per call.
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
        var result = values
        distances.withUnsafeBufferPointer { d in
            let fromU = d.baseAddress! + u * n
            let fromV = d.baseAddress! + v * n
            // Distances are symmetric: `fromU[s]` is `d(s, u)`. The unreachable mark is the
            // largest value, so it compares as infinitely far.
            var nearU: [Int] = [], nearV: [Int] = []
            for s in 0..<n {
                if fromU[s] < fromV[s] { nearU.append(s) } else if fromV[s] < fromU[s] { nearV.append(s) }
            }
            // From `s` nearer `u`, only the targets nearer `v` can come closer (through
            // `s … u – v … t`), and the other way round; both ends of the new route are
            // then finite.
            func update(_ sources: [Int], near: UnsafePointer<UInt16>, targets: [Int], far other: UnsafePointer<UInt16>)
            {
                for s in sources {
                    let row = d.baseAddress! + s * n
                    let via = Int(near[s]) + 1
                    var count = reached[s], total = totals[s]
                    for t in targets {
                        let route = via + Int(other[t])
                        let old = row[t]
                        if old == Self.unreachable {
                            count += 1
                            total += route
                        } else if route < Int(old) {
                            total -= Int(old) - route
                        }
                    }
                    result[s] = closeness(reached: count, totalDistance: Double(total), n: n)
                }
            }
            update(nearU, near: fromU, targets: nearV, far: fromV)
            update(nearV, near: fromV, targets: nearU, far: fromU)
        }
        return result
    }
}
