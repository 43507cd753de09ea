/// An immutable graph in compressed sparse row (CSR) form.
///
/// Nodes are the integers `0..<nodeCount`; each has a string id (`ids[i]`) and the
/// dictionary `index` maps ids back to indices. For node `u`, its out-neighbours are
/// `targets[offsets[u] ..< offsets[u + 1]]` (sorted ascending), with matching
/// `weights` when the graph is weighted.
///
/// * **Undirected** graphs store each edge `{u, v}` as the two arcs `u→v` and `v→u`; a
///   self-loop `{u, u}` is stored as two arcs `u→u`, so `degree(u)` counts it twice, as
///   NetworkX and igraph do.
/// * **Directed** graphs store out-arcs in `offsets/targets` and in-arcs in
///   `inOffsets/inSources`.
///
/// Structure memory: `4·(n+1)` bytes of offsets plus `8` bytes per undirected edge (two
/// `Int32` arcs); weights add `16` bytes per undirected edge (one `Double` per arc). Node
/// ids are kept apart from the structure, and node and edge attributes live in
/// ``AttributeTable``s outside the graph (see ``AttributedGraph``).
///
/// Edges have stable indices `0..<edgeCount`: the order of ``edges()``, which visits
/// `u` ascending and, for each `u`, its arcs in CSR order (undirected: only `v ≥ u`, each
/// self-loop once).
public struct Graph: Sendable {
    /// Whether edges have a direction.
    public let isDirected: Bool
    /// CSR row offsets, `nodeCount + 1` entries.
    public let offsets: [Int32]
    /// CSR column indices (arc heads), sorted ascending within each row.
    public let targets: [Int32]
    /// Arc weights parallel to `targets`, or `nil` for an unweighted graph.
    public let weights: [Double]?
    /// In-arc offsets (directed graphs only; empty for undirected ones).
    public let inOffsets: [Int32]
    /// In-arc tails (directed graphs only).
    public let inSources: [Int32]
    /// In-arc weights (directed, weighted graphs only).
    public let inWeights: [Double]?
    /// Node ids, indexed by node.
    public let ids: [String]
    /// Node id → node index.
    public let index: [String: Int32]
    /// Number of edges (an undirected edge counts once; a self-loop counts once).
    public let edgeCount: Int

    /// Creates a graph from already-built CSR arrays. Prefer ``GraphBuilder``, which
    /// validates input and sorts and merges arcs; this initialiser trusts its arguments.
    public init(
        isDirected: Bool, offsets: [Int32], targets: [Int32], weights: [Double]?,
        inOffsets: [Int32] = [], inSources: [Int32] = [], inWeights: [Double]? = nil,
        ids: [String], index: [String: Int32]? = nil, edgeCount: Int
    ) {
        self.isDirected = isDirected
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.inOffsets = inOffsets
        self.inSources = inSources
        self.inWeights = inWeights
        self.ids = ids
        if let index {
            self.index = index
        } else {
            var built = [String: Int32](minimumCapacity: ids.count)
            for (i, id) in ids.enumerated() { built[id] = Int32(i) }
            self.index = built
        }
        self.edgeCount = edgeCount
    }

    /// Number of nodes.
    @inlinable public var nodeCount: Int { offsets.count - 1 }
    /// Whether edges carry weights.
    @inlinable public var isWeighted: Bool { weights != nil }
    /// Number of stored arcs (`2·edgeCount` for undirected graphs, `edgeCount` for directed).
    @inlinable public var arcCount: Int { targets.count }

    /// Out-neighbours of `node` (all neighbours when undirected), with repeats for
    /// self-loops as stored.
    @inlinable public func neighbors(of node: Int) -> ArraySlice<Int32> {
        targets[Int(offsets[node])..<Int(offsets[node + 1])]
    }

    /// In-neighbours of `node` (directed graphs); the neighbours for undirected graphs.
    @inlinable public func inNeighbors(of node: Int) -> ArraySlice<Int32> {
        guard isDirected else { return neighbors(of: node) }
        return inSources[Int(inOffsets[node])..<Int(inOffsets[node + 1])]
    }

    /// Number of arcs leaving `node`; for undirected graphs, the degree (self-loops twice).
    @inlinable public func degree(of node: Int) -> Int {
        Int(offsets[node + 1] - offsets[node])
    }

    /// Number of arcs entering `node` (directed); the degree for undirected graphs.
    @inlinable public func inDegree(of node: Int) -> Int {
        guard isDirected else { return degree(of: node) }
        return Int(inOffsets[node + 1] - inOffsets[node])
    }

    /// Sum of the weights of arcs leaving `node` (the degree when unweighted).
    public func strength(of node: Int) -> Double {
        guard let weights else { return Double(degree(of: node)) }
        var s = 0.0
        for a in Int(offsets[node])..<Int(offsets[node + 1]) { s += weights[a] }
        return s
    }

    /// Weight of the arc at CSR position `arc` (1 when unweighted).
    @inlinable public func weight(atArc arc: Int) -> Double {
        weights?[arc] ?? 1
    }

    /// Node index for an id, or `nil`.
    @inlinable public func node(withID id: String) -> Int? {
        index[id].map(Int.init)
    }

    /// The edges in their stable order: `(source, target, weight)` with, for undirected
    /// graphs, `source ≤ target`.
    public func edges() -> [(source: Int, target: Int, weight: Double)] {
        var result: [(source: Int, target: Int, weight: Double)] = []
        result.reserveCapacity(edgeCount)
        forEachEdge { u, v, w in result.append((u, v, w)) }
        return result
    }

    /// Calls `body(source, target, weight)` for each edge in the stable edge order.
    public func forEachEdge(_ body: (Int, Int, Double) throws -> Void) rethrows {
        try forEachEdgeArc { u, v, arc in try body(u, v, weights?[arc] ?? 1) }
    }

    /// Calls `body(source, target, arc)` for each edge in the stable edge order, where
    /// `arc` is the CSR position that represents the edge (for undirected graphs the arc
    /// with `source ≤ target`; for a self-loop the first of its two arcs).
    public func forEachEdgeArc(_ body: (Int, Int, Int) throws -> Void) rethrows {
        for u in 0..<nodeCount {
            var skipNextLoop = false
            for a in Int(offsets[u])..<Int(offsets[u + 1]) {
                let v = Int(targets[a])
                if !isDirected {
                    if v < u { continue }
                    if v == u {
                        // A self-loop is stored as two adjacent arcs; report it once.
                        if skipNextLoop { skipNextLoop = false; continue }
                        skipNextLoop = true
                    }
                }
                try body(u, v, a)
            }
        }
    }

    /// Total weight of all edges (the edge count when unweighted).
    public var totalWeight: Double {
        var total = 0.0
        forEachEdge { _, _, w in total += w }
        return total
    }

    /// Bytes held by the structure arrays (offsets and targets, both directions), not
    /// counting weights or the id table.
    public var structureBytes: Int {
        (offsets.count + targets.count + inOffsets.count + inSources.count) * MemoryLayout<Int32>.stride
    }

    /// Bytes held by the weight arrays.
    public var weightBytes: Int {
        ((weights?.count ?? 0) + (inWeights?.count ?? 0)) * MemoryLayout<Double>.stride
    }

    /// The same structure without weights.
    public func unweighted() -> Graph {
        Graph(
            isDirected: isDirected, offsets: offsets, targets: targets, weights: nil,
            inOffsets: inOffsets, inSources: inSources, inWeights: nil,
            ids: ids, index: index, edgeCount: edgeCount)
    }
}
