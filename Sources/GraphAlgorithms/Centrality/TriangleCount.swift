import GraphCore

/// Number of triangles at each node of the simple undirected graph under `graph`
/// (self-loops and direction ignored), with its simple degree.
///
/// Degree-ordered forward counting: each edge is oriented from the lower- to the
/// higher-ranked end (rank = degree, ties by index) and each triangle is found once,
/// from its lowest-ranked corner, by intersecting forward lists through a marker array.
///
/// - Complexity: O(m^{3/2}) time, O(n + m) memory.
/// - Reference: T. Schank, D. Wagner, "Finding, counting and listing all triangles in
///   large graphs, an experimental study", WEA 2005, doi:10.1007/11427186_54.
struct TriangleCount: Sendable {
    let triangles: [Int]
    let degrees: [Int]

    init(of graph: Graph) {
        let adjacency = SimpleAdjacency(graph)
        let n = adjacency.nodeCount
        var degrees = [Int](repeating: 0, count: n)
        for u in 0..<n { degrees[u] = adjacency.degree(of: u) }
        self.degrees = degrees
        @inline(__always) func ranksBelow(_ a: Int, _ b: Int) -> Bool {
            degrees[a] < degrees[b] || (degrees[a] == degrees[b] && a < b)
        }
        // Forward adjacency: neighbours of higher rank.
        var forwardOffsets = [Int32](repeating: 0, count: n + 1)
        var forward: [Int32] = []
        forward.reserveCapacity(adjacency.targets.count / 2)
        for u in 0..<n {
            for a in Int(adjacency.offsets[u])..<Int(adjacency.offsets[u + 1]) {
                let v = Int(adjacency.targets[a])
                if ranksBelow(u, v) { forward.append(Int32(v)) }
            }
            forwardOffsets[u + 1] = Int32(forward.count)
        }
        var counts = [Int](repeating: 0, count: n)
        var mark = [Int32](repeating: -1, count: n)
        forwardOffsets.withUnsafeBufferPointer { fo in
            forward.withUnsafeBufferPointer { f in
                counts.withUnsafeMutableBufferPointer { t in
                    mark.withUnsafeMutableBufferPointer { m in
                        for u in 0..<n {
                            let start = Int(fo[u]), end = Int(fo[u + 1])
                            if end - start < 2 { continue }
                            for a in start..<end { m[Int(f[a])] = Int32(u) }
                            for a in start..<end {
                                let v = Int(f[a])
                                for b in Int(fo[v])..<Int(fo[v + 1]) {
                                    let w = Int(f[b])
                                    if m[w] == Int32(u) {
                                        t[u] += 1; t[v] += 1; t[w] += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        triangles = counts
    }
}
