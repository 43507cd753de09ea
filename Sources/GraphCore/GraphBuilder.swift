/// What ``GraphBuilder`` does with an edge from a node to itself.
public enum SelfLoopPolicy: String, Sendable, CaseIterable {
    /// Keep self-loops (an undirected self-loop adds 2 to the node's degree).
    case keep
    /// Silently drop them.
    case drop
    /// Throw ``GraphError/selfLoopRejected(node:)``.
    case reject
}

/// What ``GraphBuilder`` does when the same edge is added more than once.
public enum DuplicateEdgePolicy: String, Sendable, CaseIterable {
    /// One edge whose weight is the sum of the repeats' weights (Gephi's and igraph's
    /// `simplify(combine_edges="sum")` convention).
    case sum
    /// One edge with the largest weight.
    case max
    /// One edge with the smallest weight.
    case min
    /// One edge with the first weight seen (NetworkX's `Graph.add_edge` keeps the last;
    /// use ``last`` for that).
    case first
    /// One edge with the last weight seen (what `networkx.Graph` does).
    case last
    /// Throw ``GraphError/duplicateEdgeRejected(source:target:)``.
    case reject
}

/// Collects nodes and edges, validates them, and builds an immutable CSR ``Graph``.
///
/// Policies: self-loops are kept by default and repeated edges are merged into one whose
/// weight is the sum (``DuplicateEdgePolicy/sum``); both can be changed. Weights must be
/// finite (0 and negative weights are kept: measures that need non-negative weights refuse
/// them when they run); NaN or an infinity throws
/// ``GraphError/invalidWeight(source:target:weight:)`` when the edge is added.
///
/// - Complexity: `build()` is O(n + m) (two counting sorts), memory O(n + m).
public struct GraphBuilder: Sendable {
    /// Whether edges have a direction (`u → v`), fixed at creation.
    public let isDirected: Bool
    /// Whether the graph keeps edge weights, fixed at creation.
    public let isWeighted: Bool
    /// What happens to an edge from a node to itself (default: kept).
    public var selfLoops: SelfLoopPolicy
    /// What happens to an edge added more than once (default: weights summed).
    public var duplicates: DuplicateEdgePolicy

    /// The node ids added so far, by node index.
    public private(set) var ids: [String] = []
    /// The node index of each id.
    public private(set) var index: [String: Int32] = [:]
    private var sources: [Int32] = []
    private var destinations: [Int32] = []
    private var edgeWeights: [Double] = []
    /// For each added edge, whether it was dropped by the self-loop policy.
    private var droppedLoops: Set<Int32> = []

    /// An empty builder.
    ///
    /// - Parameters:
    ///   - directed: Whether edges have a direction.
    ///   - weighted: Whether edge weights are kept (otherwise every edge weighs 1).
    ///   - selfLoops: What to do with self-loops.
    ///   - duplicates: What to do with repeated edges.
    public init(
        directed: Bool = false, weighted: Bool = false,
        selfLoops: SelfLoopPolicy = .keep, duplicates: DuplicateEdgePolicy = .sum
    ) {
        self.isDirected = directed
        self.isWeighted = weighted
        self.selfLoops = selfLoops
        self.duplicates = duplicates
    }

    /// Number of nodes added so far.
    public var nodeCount: Int { ids.count }
    /// Number of edges added so far (before merging repeats).
    public var addedEdgeCount: Int { sources.count }

    /// Reserves room for `nodes` nodes and `edges` edges.
    public mutating func reserveCapacity(nodes: Int, edges: Int) {
        ids.reserveCapacity(nodes)
        index.reserveCapacity(nodes)
        sources.reserveCapacity(edges)
        destinations.reserveCapacity(edges)
        if isWeighted { edgeWeights.reserveCapacity(edges) }
    }

    /// Adds a node with `id` if it is new; returns its index either way.
    @discardableResult
    public mutating func addNode(_ id: String) throws -> Int {
        if let existing = index[id] { return Int(existing) }
        guard ids.count < Int(Int32.max) else { throw GraphError.tooLarge(what: "nodes", count: ids.count + 1) }
        let i = Int32(ids.count)
        ids.append(id)
        index[id] = i
        return Int(i)
    }

    /// Adds a node that must not exist yet.
    @discardableResult
    public mutating func addUniqueNode(_ id: String) throws -> Int {
        if index[id] != nil { throw GraphError.duplicateNode(id: id) }
        return try addNode(id)
    }

    /// Index of an already-added node.
    public func node(withID id: String) -> Int? { index[id].map(Int.init) }

    /// Adds an edge between two existing node indices.
    public mutating func addEdge(_ u: Int, _ v: Int, weight: Double = 1) throws {
        guard u >= 0, u < ids.count else { throw GraphError.nodeOutOfRange(index: u, nodeCount: ids.count) }
        guard v >= 0, v < ids.count else { throw GraphError.nodeOutOfRange(index: v, nodeCount: ids.count) }
        guard weight.isFinite else {
            throw GraphError.invalidWeight(source: ids[u], target: ids[v], weight: weight)
        }
        if u == v {
            switch selfLoops {
            case .keep: break
            case .drop: droppedLoops.insert(Int32(sources.count))
            case .reject: throw GraphError.selfLoopRejected(node: ids[u])
            }
        }
        guard sources.count < Int(Int32.max) / 2 else {
            throw GraphError.tooLarge(what: "edges", count: sources.count + 1)
        }
        sources.append(Int32(u))
        destinations.append(Int32(v))
        if isWeighted { edgeWeights.append(weight) }
    }

    /// Adds an edge between two node ids, adding the nodes if they are new.
    public mutating func addEdge(from source: String, to target: String, weight: Double = 1) throws {
        let u = try addNode(source)
        let v = try addNode(target)
        try addEdge(u, v, weight: weight)
    }

    /// Builds the graph.
    public func build() throws -> Graph {
        try assemble(wantEdgeMap: false).graph
    }

    /// Builds the graph and returns, for each added edge (in the order added), the index
    /// of the edge it became in the graph's stable edge order, or `-1` when a policy
    /// dropped it. Repeated edges map to the same index.
    public func buildWithEdgeMap() throws -> (graph: Graph, edgeMap: [Int32]) {
        let result = try assemble(wantEdgeMap: true)
        return (result.graph, result.edgeMap)
    }

    private func assemble(wantEdgeMap: Bool) throws -> (graph: Graph, edgeMap: [Int32]) {
        let n = ids.count
        let inputCount = sources.count
        // 1. Arcs: one per directed edge, two per undirected edge.
        let arcsPerEdge = isDirected ? 1 : 2
        var arcTail = [Int32](); arcTail.reserveCapacity(inputCount * arcsPerEdge)
        var arcHead = [Int32](); arcHead.reserveCapacity(inputCount * arcsPerEdge)
        var arcInput = [Int32](); arcInput.reserveCapacity(inputCount * arcsPerEdge)
        for e in 0..<inputCount {
            if !droppedLoops.isEmpty, droppedLoops.contains(Int32(e)) { continue }
            let u = sources[e], v = destinations[e]
            arcTail.append(u); arcHead.append(v); arcInput.append(Int32(e))
            if !isDirected {
                arcTail.append(v); arcHead.append(u); arcInput.append(Int32(e))
            }
        }
        let arcTotal = arcTail.count
        // 2. Counting sort by head, then a stable counting sort by tail: rows come out
        //    sorted by neighbour.
        func countingSort(keys: [Int32], order: [Int32]?) -> [Int32] {
            var counts = [Int32](repeating: 0, count: n + 1)
            for k in keys { counts[Int(k) + 1] += 1 }
            for i in 0..<n { counts[i + 1] += counts[i] }
            var out = [Int32](repeating: 0, count: keys.count)
            if let order {
                for a in order {
                    let k = Int(keys[Int(a)])
                    out[Int(counts[k])] = a
                    counts[k] += 1
                }
            } else {
                for a in 0..<keys.count {
                    let k = Int(keys[a])
                    out[Int(counts[k])] = Int32(a)
                    counts[k] += 1
                }
            }
            return out
        }
        let byHead = countingSort(keys: arcHead, order: nil)
        let sorted = countingSort(keys: arcTail, order: byHead)

        // 3. Merge repeated arcs row by row.
        var offsets = [Int32](repeating: 0, count: n + 1)
        var targets = [Int32](); targets.reserveCapacity(arcTotal)
        var weights: [Double] = []
        if isWeighted { weights.reserveCapacity(arcTotal) }
        // Input edge ids merged into each output arc, for the edge map.
        // Flat storage (no array per arc): arc `a` merged the input edges
        // `groupInputs[groupStart[a] ..< groupEnd[a]]`.
        var groupInputs: [Int32] = []
        var groupStart: [Int32] = []
        var groupEnd: [Int32] = []
        if wantEdgeMap {
            groupInputs.reserveCapacity(arcTotal)
            groupStart.reserveCapacity(arcTotal)
            groupEnd.reserveCapacity(arcTotal)
        }
        var position = 0
        for u in 0..<n {
            while position < arcTotal, Int(arcTail[Int(sorted[position])]) == u {
                let first = Int(sorted[position])
                let v = arcHead[first]
                var end = position + 1
                while end < arcTotal {
                    let a = Int(sorted[end])
                    if arcTail[a] != Int32(u) || arcHead[a] != v { break }
                    end += 1
                }
                let copies = (!isDirected && Int(v) == u) ? 2 : 1
                let merged: Double
                var inputs: [Int32] = []
                let groupBegin = Int32(groupInputs.count)
                if end - position == copies {
                    // The common case: one input edge, nothing to merge.
                    merged = isWeighted ? edgeWeights[Int(arcInput[first])] : 1
                    if wantEdgeMap { groupInputs.append(arcInput[first]) }
                } else {
                    // Distinct input edges in this group (an undirected self-loop gives
                    // two arcs per input edge).
                    var i = position
                    while i < end {
                        let e = arcInput[Int(sorted[i])]
                        if inputs.last != e { inputs.append(e) }
                        i += 1
                    }
                    if inputs.count > 1 && duplicates == .reject {
                        throw GraphError.duplicateEdgeRejected(source: ids[u], target: ids[Int(v)])
                    }
                    merged = isWeighted ? mergeWeights(inputs) : 1
                    if wantEdgeMap { groupInputs.append(contentsOf: inputs) }
                }
                for _ in 0..<copies {
                    targets.append(v)
                    if isWeighted { weights.append(merged) }
                    if wantEdgeMap {
                        groupStart.append(groupBegin)
                        groupEnd.append(Int32(groupInputs.count))
                    }
                }
                position = end
            }
            offsets[u + 1] = Int32(targets.count)
        }
        let edgeCount = isDirected ? targets.count : targets.count / 2

        // 4. In-arcs for directed graphs: visiting tails in order keeps rows sorted.
        var inOffsets: [Int32] = []
        var inSources: [Int32] = []
        var inWeights: [Double]? = nil
        if isDirected {
            inOffsets = [Int32](repeating: 0, count: n + 1)
            for v in targets { inOffsets[Int(v) + 1] += 1 }
            for i in 0..<n { inOffsets[i + 1] += inOffsets[i] }
            var next = inOffsets
            inSources = [Int32](repeating: 0, count: targets.count)
            var inW = isWeighted ? [Double](repeating: 0, count: targets.count) : []
            for u in 0..<n {
                for a in Int(offsets[u])..<Int(offsets[u + 1]) {
                    let v = Int(targets[a])
                    let slot = Int(next[v])
                    inSources[slot] = Int32(u)
                    if isWeighted { inW[slot] = weights[a] }
                    next[v] += 1
                }
            }
            if isWeighted { inWeights = inW }
        }

        let graph = Graph(
            isDirected: isDirected, offsets: offsets, targets: targets,
            weights: isWeighted ? weights : nil,
            inOffsets: inOffsets, inSources: inSources, inWeights: inWeights,
            ids: ids, index: index, edgeCount: edgeCount)

        var edgeMap: [Int32] = []
        if wantEdgeMap {
            edgeMap = [Int32](repeating: -1, count: inputCount)
            var edgeID: Int32 = 0
            graph.forEachEdgeArc { _, _, a in
                for g in Int(groupStart[a])..<Int(groupEnd[a]) { edgeMap[Int(groupInputs[g])] = edgeID }
                edgeID += 1
            }
        }
        return (graph, edgeMap)
    }

    private func mergeWeights(_ inputs: [Int32]) -> Double {
        guard inputs.count > 1 else { return edgeWeights[Int(inputs[0])] }
        switch duplicates {
        case .sum, .reject: return inputs.reduce(0) { $0 + edgeWeights[Int($1)] }
        case .max: return inputs.map { edgeWeights[Int($0)] }.max() ?? 0
        case .min: return inputs.map { edgeWeights[Int($0)] }.min() ?? 0
        case .first: return edgeWeights[Int(inputs.min() ?? inputs[0])]
        case .last: return edgeWeights[Int(inputs.max() ?? inputs[0])]
        }
    }
}
