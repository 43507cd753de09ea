import GraphCore

/// Connected components of an undirected graph (weakly connected components of a
/// directed one).
///
/// Labels are canonical: components are numbered by size, largest first, ties broken by
/// the smallest node index they contain, so the same graph always gives the same labels.
///
/// - Complexity: O(n + m) time (breadth-first search), O(n) memory.
/// - Reference: Hopcroft & Tarjan, "Algorithm 447: efficient algorithms for graph
///   manipulation", CACM 16(6), 1973, doi:10.1145/362248.362272.
public struct ConnectedComponents: Sendable {
    /// Component label of each node, `0..<count`.
    public let labels: [Int32]
    /// Size of each component, indexed by label (non-increasing).
    public let sizes: [Int]

    /// Number of components.
    public var count: Int { sizes.count }

    /// Computes the components of `graph`.
    public init(of graph: Graph) {
        let n = graph.nodeCount
        var raw = [Int32](repeating: -1, count: n)
        var rawSizes: [Int] = []
        var queue = [Int32](repeating: 0, count: n)
        // Weak components of a directed graph follow in-arcs too.
        let directed = graph.isDirected
        let inOffsets = directed ? graph.inOffsets : graph.offsets
        let inSources = directed ? graph.inSources : graph.targets
        graph.offsets.withUnsafeBufferPointer { o in
        graph.targets.withUnsafeBufferPointer { t in
        inOffsets.withUnsafeBufferPointer { io in
        inSources.withUnsafeBufferPointer { it in
        raw.withUnsafeMutableBufferPointer { label in
        queue.withUnsafeMutableBufferPointer { queue in
            for start in 0..<n where label[start] < 0 {
                let current = Int32(rawSizes.count)
                label[start] = current
                var head = 0, tail = 0
                queue[tail] = Int32(start); tail += 1
                while head < tail {
                    let u = Int(queue[head]); head += 1
                    for a in Int(o[u])..<Int(o[u + 1]) {
                        let v = Int(t[a])
                        if label[v] < 0 {
                            label[v] = current
                            queue[tail] = Int32(v); tail += 1
                        }
                    }
                    if directed {
                        for a in Int(io[u])..<Int(io[u + 1]) {
                            let v = Int(it[a])
                            if label[v] < 0 {
                                label[v] = current
                                queue[tail] = Int32(v); tail += 1
                            }
                        }
                    }
                }
                rawSizes.append(tail)
            }
        }
        }
        }
        }
        }
        }
        // Raw labels are already in order of smallest member; a stable sort by size
        // (descending) gives the canonical numbering.
        let order = rawSizes.indices.sorted { a, b in
            rawSizes[a] != rawSizes[b] ? rawSizes[a] > rawSizes[b] : a < b
        }
        var relabel = [Int32](repeating: 0, count: rawSizes.count)
        for (newLabel, old) in order.enumerated() { relabel[old] = Int32(newLabel) }
        labels = raw.map { relabel[Int($0)] }
        sizes = order.map { rawSizes[$0] }
    }

    /// Members of each component, each list in ascending node order.
    public func members() -> [[Int]] {
        var result = [[Int]](repeating: [], count: count)
        for (node, label) in labels.enumerated() { result[Int(label)].append(node) }
        return result
    }
}
