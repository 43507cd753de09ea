import CGraphviz
import Foundation

/// How to lay out and draw a graph.
public struct RenderOptions: Sendable, Hashable {
    /// The layout engine (default sfdp, the fastest for large networks).
    public var engine: LayoutEngine
    /// What to draw: SVG (default), PNG or PDF.
    public var format: OutputFormat
    /// Seed for the random start of neato, fdp and sfdp (Graphviz's `start`), so two runs
    /// give the same bytes. Taken modulo 2³¹−1. Ignored when the graph sets `start` itself.
    public var seed: UInt64?
    /// Size limits per engine; ``LayoutLimits/unlimited`` forces any layout.
    public var limits: LayoutLimits

    /// Options with the given engine, output format, seed and size limits.
    public init(
        engine: LayoutEngine = .sfdp, format: OutputFormat = .svg, seed: UInt64? = 1, limits: LayoutLimits = .default
    ) {
        self.engine = engine
        self.format = format
        self.seed = seed
        self.limits = limits
    }
}

/// A drawn graph.
public struct RenderedGraph: Sendable {
    /// The file contents (SVG text, PNG or PDF bytes).
    public var data: Data
    /// The format of ``data``.
    public var format: OutputFormat
    /// The engine that laid the graph out.
    public var engine: LayoutEngine
    /// Warnings Graphviz reported (errors are thrown instead).
    public var warnings: [GraphvizDiagnostic]
    /// Time spent in `gvLayout`.
    public var layoutTime: Duration
    /// Time spent building the Graphviz graph and in `gvRenderData`.
    public var renderTime: Duration
}

extension Graphviz {
    /// Lays out `graph` with `options.engine` and draws it in `options.format`, in memory.
    ///
    /// Attribute values are validated first (``AttributeValidation``), then the size limit
    /// of the engine is checked, then the graph is built node by node through libcgraph,
    /// laid out (`gvLayout`) and rendered (`gvRenderData`); everything Graphviz allocated is
    /// freed before returning. For SVG, `&` in URL-like attributes is escaped, which
    /// Graphviz 2.42 does not do itself.
    ///
    /// - Parameters:
    ///   - graph: what to draw.
    ///   - options: the layout engine, output format, seed and size limits.
    /// - Throws: ``RenderError``: invalid attributes or graph, too large for the engine, unknown
    ///   engine or format, or an error Graphviz reported during layout or rendering.
    public func render(
        _ graph: RenderableGraph, options: RenderOptions = RenderOptions()
    ) throws(RenderError) -> RenderedGraph {
        let graph = try prepared(graph, options: options)
        let escapeURLs = options.format == .svg
        return try locked { (session, state) throws(RenderError) -> RenderedGraph in
            guard state.engines.contains(options.engine.rawValue) else {
                if state.engines.isEmpty { throw .pluginsNotRegistered(kind: "layout", found: []) }
                throw .unknownEngine(options.engine.rawValue, available: state.engines)
            }
            guard state.formats.contains(options.format.rawValue) else {
                throw .unsupportedFormat(options.format.rawValue, available: state.formats)
            }
            let buildStart = ContinuousClock.now
            let g = try CGraphBuilder.build(graph, escapeURLs: escapeURLs)
            defer { agclose(g) }
            var warnings = session.takeDiagnostics()
            if warnings.contains(where: { $0.severity == .error }) {
                throw .graphviz(stage: "graph construction", messages: warnings.map(\.message))
            }
            let buildTime = ContinuousClock.now - buildStart

            // Parts of Graphviz (sfdp's multilevel coarsening, among others) draw from the C
            // library's global generators before `start` reseeds them, so a layout would
            // depend on the previous layout in the process: reset them first.
            let seed = options.seed ?? 0
            srand(UInt32(truncatingIfNeeded: seed))
            srand48(Int(truncatingIfNeeded: seed))
            let layoutStart = ContinuousClock.now
            let rc = uccn_gvLayout(session.context, g, options.engine.rawValue)
            let layoutTime = ContinuousClock.now - layoutStart
            let layoutMessages = session.takeDiagnostics()
            guard rc == 0 else {
                throw .unknownEngine(options.engine.rawValue, available: state.engines)
            }
            defer { gvFreeLayout(session.context, g) }
            let layoutErrors = layoutMessages.filter { $0.severity == .error }
            if !layoutErrors.isEmpty {
                throw .graphviz(stage: "layout (\(options.engine.rawValue))", messages: layoutErrors.map(\.message))
            }
            warnings += layoutMessages

            let renderStart = ContinuousClock.now
            var result: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let renderRC = uccn_gvRenderData(session.context, g, options.format.rawValue, &result, &length)
            var data = Data()
            if let result {
                data = Data(bytes: result, count: Int(length))
                gvFreeRenderData(result)
            }
            let renderMessages = session.takeDiagnostics()
            let renderErrors = renderMessages.filter { $0.severity == .error }
            guard renderRC == 0, renderErrors.isEmpty else {
                throw .graphviz(stage: "rendering (\(options.format.rawValue))", messages: renderErrors.map(\.message))
            }
            warnings += renderMessages
            let renderTime = buildTime + (ContinuousClock.now - renderStart)
            return RenderedGraph(
                data: data, format: options.format, engine: options.engine, warnings: warnings,
                layoutTime: layoutTime, renderTime: renderTime)
        }
    }
}

extension Graphviz {
    /// What ``render(_:options:)`` and ``layout(_:options:)`` check and set before taking the
    /// lock: valid attributes, the engine's size limit, and the seed as `start` for the
    /// force-directed engines (unless the graph sets `start` itself).
    func prepared(_ graph: RenderableGraph, options: RenderOptions) throws(RenderError) -> RenderableGraph {
        try AttributeValidation.validate(graph)
        try options.limits.check(graph, engine: options.engine)
        var graph = graph
        if let seed = options.seed, [.neato, .fdp, .sfdp].contains(options.engine),
            graph.graphAttributes["start"] == nil
        {
            graph.graphAttributes["start"] = .text(String(seed % 2_147_483_647))
        }
        return graph
    }
}
