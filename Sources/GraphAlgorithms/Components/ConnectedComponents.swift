import GraphCore

/// Connected components of an undirected graph (weakly connected components of a
/// directed one).
///
/// Union–find with Afforest's subgraph sampling: first every node is joined with its
/// first two neighbours, which already gathers most of a large component; the component
/// most of 1,024 evenly spaced nodes belong to is then taken as the large one, and only
/// the nodes outside it join the rest of their neighbours. This is exact: an edge from a
/// node of the large component to one outside it is processed from the outside end
/// (undirected graphs store every edge as two arcs). Joins link the larger root under the
/// smaller one, finds halve their paths. Directed graphs join along every out-arc.
///
/// Labels are canonical: components are numbered by size, largest first, ties broken by
/// the smallest node index they contain, so the same graph always gives the same labels.
///
/// - Complexity: O((n + m) α(n)) time in the worst case, close to O(n) when one component
///   holds most nodes; O(n) memory.
/// - References: R. E. Tarjan, "Efficiency of a good but not linear set union algorithm",
///   J. ACM 22(2), 1975, doi:10.1145/321879.321884; M. Sutton, T. Ben-Nun, A. Barak,
///   "Optimizing parallel graph connectivity computation via subgraph sampling", IPDPS
///   2018, doi:10.1109/IPDPS.2018.00012.
public struct ConnectedComponents: Sendable {
    /// Component label of each node, `0..<count`.
    public let labels: [Int32]
    /// Size of each component, indexed by label (non-increasing).
    public let sizes: [Int]

    /// Number of components.
    public var count: Int { sizes.count }

    /// Neighbours each node joins before the large component is identified.
    static let sampledNeighbours = 2
    /// Nodes looked at to identify the large component.
    static let sampleSize = 1024

    /// Computes the components of `graph`.
    public init(of graph: Graph) {
        let n = graph.nodeCount
        var parent = [Int32](unsafeUninitializedCapacity: n) { buffer, count in
            for i in 0..<n { buffer[i] = Int32(i) }
            count = n
        }
        var raw = [Int32](repeating: -1, count: n)
        var rawSizes: [Int] = []
        parent.withUnsafeMutableBufferPointer { p in
            @inline(__always) func find(_ node: Int) -> Int {
                var x = node
                while Int(p[x]) != x {
                    let up = Int(p[x])
                    p[x] = p[up]
                    x = Int(p[up])
                }
                return x
            }
            @inline(__always) func join(_ u: Int, _ v: Int) {
                let ru = find(u), rv = find(v)
                if ru < rv { p[rv] = Int32(ru) } else if rv < ru { p[ru] = Int32(rv) }
            }
            graph.offsets.withUnsafeBufferPointer { o in
                graph.targets.withUnsafeBufferPointer { t in
                    if graph.isDirected {
                        for u in 0..<n {
                            for a in Int(o[u])..<Int(o[u + 1]) { join(u, Int(t[a])) }
                        }
                        return
                    }
                    let r = Self.sampledNeighbours
                    for u in 0..<n {
                        for a in Int(o[u])..<min(Int(o[u]) + r, Int(o[u + 1])) { join(u, Int(t[a])) }
                    }
                    // The root most of the evenly spaced sample belongs to (ties: the
                    // smallest root).
                    let step = max(1, n / Self.sampleSize)
                    var roots = stride(from: 0, to: n, by: step).map { find($0) }
                    roots.sort()
                    var large = -1, largeCount = 0, runStart = 0
                    for i in 1..<(roots.count + 1) where i == roots.count || roots[i] != roots[runStart] {
                        if i - runStart > largeCount { large = roots[runStart]; largeCount = i - runStart }
                        runStart = i
                    }
                    for u in 0..<n where find(u) != large {
                        for a in min(Int(o[u]) + r, Int(o[u + 1]))..<Int(o[u + 1]) { join(u, Int(t[a])) }
                    }
                }
            }
            // Components numbered in order of their smallest node (first appearance).
            var rootLabel = [Int32](repeating: -1, count: n)
            var sizeOf = [Int](repeating: 0, count: n)
            var k = 0
            raw.withUnsafeMutableBufferPointer { label in
                rootLabel.withUnsafeMutableBufferPointer { rootLabel in
                    sizeOf.withUnsafeMutableBufferPointer { sizeOf in
                        for i in 0..<n {
                            let r = find(i)
                            var l = rootLabel[r]
                            if l < 0 {
                                l = Int32(k)
                                rootLabel[r] = l
                                k += 1
                            }
                            label[i] = l
                            sizeOf[Int(l)] += 1
                        }
                    }
                }
            }
            rawSizes = Array(sizeOf.prefix(k))
        }
        // Raw labels are already in order of smallest member; a stable sort by size
        // (descending) gives the canonical numbering.
        let order = rawSizes.indices.sorted { a, b in
            rawSizes[a] != rawSizes[b] ? rawSizes[a] > rawSizes[b] : a < b
        }
        if order.elementsEqual(rawSizes.indices) {
            labels = raw
        } else {
            var relabel = [Int32](repeating: 0, count: rawSizes.count)
            for (newLabel, old) in order.enumerated() { relabel[old] = Int32(newLabel) }
            labels = raw.map { relabel[Int($0)] }
        }
        sizes = order.map { rawSizes[$0] }
    }

    /// Members of each component, each list in ascending node order.
    public func members() -> [[Int]] {
        var result = [[Int]](repeating: [], count: count)
        for (node, label) in labels.enumerated() { result[Int(label)].append(node) }
        return result
    }
}
