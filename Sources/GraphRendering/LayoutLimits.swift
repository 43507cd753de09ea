/// The largest graph each engine is allowed to lay out. A Graphviz layout cannot be
/// interrupted once started, so a graph too big for an engine is refused up front with a
/// suggestion, rather than left running for minutes or hours.
///
/// Defaults come from timings on a 2-core machine (Graphviz 2.42, layout plus SVG):
/// sfdp with overlap removal takes about 0.3 s for 400 nodes / 2 000 edges and about 20 s
/// for 5 000 / 25 000; fdp 1.8 s and neato 2.8 s at 400 / 2 000; dot 2 s on the sparse
/// 410-node UCCN map but minutes on a dense 400-node graph; circo grows about with the cube
/// of the size (2 s at 100 nodes, 17 s at 200, 200 s for the 410-node map).
public struct LayoutLimits: Sendable, Hashable {
    /// The largest graph one engine lays out: both counts must be within the limit.
    public struct Limit: Sendable, Hashable {
        /// The most nodes.
        public var maxNodes: Int
        /// The most edges.
        public var maxEdges: Int
        /// A limit of `maxNodes` nodes and `maxEdges` edges.
        public init(maxNodes: Int, maxEdges: Int) {
            self.maxNodes = maxNodes
            self.maxEdges = maxEdges
        }
    }

    /// The limit of each engine; an engine without one lays out any size.
    public var limits: [LayoutEngine: Limit]

    /// Limits per engine.
    public init(limits: [LayoutEngine: Limit]) { self.limits = limits }

    /// Limits at which a layout takes about 20 s or less on a 2-core machine (see above).
    public static let `default` = LayoutLimits(limits: [
        .dot: Limit(maxNodes: 800, maxEdges: 1_200),
        .circo: Limit(maxNodes: 150, maxEdges: 300),
        .neato: Limit(maxNodes: 1_500, maxEdges: 4_000),
        .fdp: Limit(maxNodes: 2_000, maxEdges: 6_000),
        .sfdp: Limit(maxNodes: 10_000, maxEdges: 50_000),
        .twopi: Limit(maxNodes: 50_000, maxEdges: 250_000),
    ])

    /// No limits (the caller accepts a layout that may run for a very long time).
    public static let unlimited = LayoutLimits(limits: [:])

    /// Throws ``RenderError/graphTooLarge(engine:nodes:edges:maxNodes:maxEdges:suggestion:)`` when `graph` exceeds the limit for `engine`.
    public func check(_ graph: RenderableGraph, engine: LayoutEngine) throws(RenderError) {
        guard let limit = limits[engine] else { return }
        let nodes = graph.nodes.count, edges = graph.edges.count
        guard nodes > limit.maxNodes || edges > limit.maxEdges else { return }
        let faster = LayoutEngine.allCases.filter { candidate in
            guard candidate != engine else { return false }
            guard let other = limits[candidate] else { return true }
            return nodes <= other.maxNodes && edges <= other.maxEdges
        }
        let suggestion =
            faster.isEmpty
            ? "Reduce the graph, or force the layout if you accept the wait."
            : "Use \(faster.map(\.rawValue).joined(separator: " or ")), or force the layout if you accept the wait."
        throw .graphTooLarge(
            engine: engine.rawValue, nodes: nodes, edges: edges, maxNodes: limit.maxNodes,
            maxEdges: limit.maxEdges, suggestion: suggestion)
    }
}
