import CGraphviz
import Foundation

/// Where Graphviz put each node: positions in points (1/72 inch), y growing upwards, as
/// in Graphviz's own coordinates (`pos`), and the bounding box of the drawing.
public struct GraphLayout: Sendable, Hashable {
    /// A point in Graphviz coordinates.
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// Node name → centre of the node.
    public var positions: [String: Point]
    /// Lower-left and upper-right corners of the drawing (Graphviz's `bb`).
    public var lowerLeft: Point
    public var upperRight: Point
}

extension Graphviz {
    /// Lays out `graph` with `options.engine` and returns the node positions, without
    /// drawing anything (`options.format` is not used). The same validation, size limits and
    /// seeding as ``render(_:options:)``, so a layout followed by a drawing of the same graph
    /// with every node pinned at these positions (`pos="x,y!"`) gives the same picture.
    ///
    /// - Throws: ``RenderError`` as ``render(_:options:)`` does.
    public func layout(
        _ graph: RenderableGraph, options: RenderOptions = RenderOptions()
    ) throws(RenderError) -> GraphLayout {
        let graph = try prepared(graph, options: options)
        return try locked { (session, state) throws(RenderError) -> GraphLayout in
            guard state.engines.contains(options.engine.rawValue) else {
                if state.engines.isEmpty { throw .pluginsNotRegistered(kind: "layout", found: []) }
                throw .unknownEngine(options.engine.rawValue, available: state.engines)
            }
            let g = try CGraphBuilder.build(graph, escapeURLs: false)
            defer { agclose(g) }
            let built = session.takeDiagnostics()
            if built.contains(where: { $0.severity == .error }) {
                throw .graphviz(stage: "graph construction", messages: built.map(\.message))
            }
            let seed = options.seed ?? 0
            srand(UInt32(truncatingIfNeeded: seed))
            srand48(Int(truncatingIfNeeded: seed))
            let rc = uccn_gvLayout(session.context, g, options.engine.rawValue)
            let messages = session.takeDiagnostics()
            guard rc == 0 else { throw .unknownEngine(options.engine.rawValue, available: state.engines) }
            defer { gvFreeLayout(session.context, g) }
            let errors = messages.filter { $0.severity == .error }
            if !errors.isEmpty {
                throw .graphviz(stage: "layout (\(options.engine.rawValue))", messages: errors.map(\.message))
            }
            var positions: [String: GraphLayout.Point] = [:]
            var node = agfstnode(g)
            while let n = node {
                var x = 0.0
                var y = 0.0
                uccn_node_coord(n, &x, &y)
                positions[String(cString: agnameof(UnsafeMutableRawPointer(n)))] = GraphLayout.Point(x: x, y: y)
                node = agnxtnode(g, n)
            }
            var llx = 0.0
            var lly = 0.0
            var urx = 0.0
            var ury = 0.0
            uccn_graph_bb(g, &llx, &lly, &urx, &ury)
            return GraphLayout(
                positions: positions, lowerLeft: GraphLayout.Point(x: llx, y: lly),
                upperRight: GraphLayout.Point(x: urx, y: ury))
        }
    }
}
