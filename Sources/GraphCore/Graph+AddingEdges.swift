/// Adding edges to a built graph without building it again.
extension Graph {
    /// The graph with the edges `u–v` of `edges` added (arcs `u → v` on a directed graph),
    /// each inserted at its place in the sorted rows: the same CSR arrays a ``GraphBuilder``
    /// fed with this graph's edges and then `edges` would build with
    /// ``SelfLoopPolicy/drop`` and ``DuplicateEdgePolicy/first``. A self-loop, an edge
    /// already in the graph and a repeat within `edges` add nothing. New edges of a weighted
    /// graph have weight `weight`. Node ids and the id index are shared with this graph
    /// (no string is hashed again), which is what makes it cheap to try many single-edge
    /// variants of one graph (what-if analyses).
    ///
    /// - Parameters:
    ///   - edges: node index pairs, each in `0..<nodeCount`.
    ///   - weight: the weight of every new edge of a weighted graph.
    /// - Returns: the graph with the new edges; this graph itself when none is new.
    /// - Precondition: every index is in `0..<nodeCount`.
    /// - Complexity: O(n + m + k log k) for k new edges.
    public func addingEdges(_ edges: [(Int, Int)], weight: Double = 1) -> Graph {
        let n = nodeCount
        // Out-arcs to insert: (row, column); undirected edges give both arcs.
        var newArcs: [(row: Int32, column: Int32)] = []
        var newInArcs: [(row: Int32, column: Int32)] = []
        var added = 0
        var seen = Set<Int>()
        for (u, v) in edges {
            precondition(u >= 0 && u < n && v >= 0 && v < n, "node index out of range")
            if u == v || hasArc(from: u, to: v) { continue }
            let key = isDirected ? u * n + v : min(u, v) * n + max(u, v)
            guard seen.insert(key).inserted else { continue }
            added += 1
            newArcs.append((Int32(u), Int32(v)))
            if isDirected {
                newInArcs.append((Int32(v), Int32(u)))
            } else {
                newArcs.append((Int32(v), Int32(u)))
            }
        }
        guard added > 0 else { return self }
        let out = Self.inserting(newArcs, into: offsets, targets, weights, weight: weight)
        let inArcs =
            isDirected
            ? Self.inserting(newInArcs, into: inOffsets, inSources, inWeights, weight: weight)
            : (offsets: inOffsets, columns: inSources, weights: inWeights)
        return Graph(
            isDirected: isDirected, offsets: out.offsets, targets: out.columns, weights: out.weights,
            inOffsets: inArcs.offsets, inSources: inArcs.columns, inWeights: inArcs.weights,
            ids: ids, index: index, edgeCount: edgeCount + added)
    }

    /// Whether the arc `u → v` is in the graph (binary search in `u`'s sorted row).
    func hasArc(from u: Int, to v: Int) -> Bool {
        var low = Int(offsets[u]), high = Int(offsets[u + 1])
        let target = Int32(v)
        while low < high {
            let mid = (low + high) / 2
            if targets[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low < Int(offsets[u + 1]) && targets[low] == target
    }

    /// CSR arrays with `arcs` merged into their rows at their sorted places.
    private static func inserting(
        _ arcs: [(row: Int32, column: Int32)], into offsets: [Int32], _ columns: [Int32], _ weights: [Double]?,
        weight: Double
    ) -> (offsets: [Int32], columns: [Int32], weights: [Double]?) {
        let sorted = arcs.sorted { $0.row != $1.row ? $0.row < $1.row : $0.column < $1.column }
        let n = offsets.count - 1
        var newOffsets = [Int32](repeating: 0, count: n + 1)
        var newColumns: [Int32] = []
        newColumns.reserveCapacity(columns.count + sorted.count)
        var newWeights: [Double]? = weights.map { w in
            var a: [Double] = []
            a.reserveCapacity(w.count + sorted.count)
            return a
        }
        var next = 0
        for row in 0..<n {
            var a = Int(offsets[row])
            let end = Int(offsets[row + 1])
            while next < sorted.count && Int(sorted[next].row) == row {
                let column = sorted[next].column
                while a < end && columns[a] < column {
                    newColumns.append(columns[a])
                    if let w = weights { newWeights?.append(w[a]) }
                    a += 1
                }
                newColumns.append(column)
                newWeights?.append(weight)
                next += 1
            }
            while a < end {
                newColumns.append(columns[a])
                if let w = weights { newWeights?.append(w[a]) }
                a += 1
            }
            newOffsets[row + 1] = Int32(newColumns.count)
        }
        return (newOffsets, newColumns, newWeights)
    }
}
