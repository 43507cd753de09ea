/// Why a graph could not be laid out, drawn, read or written through Graphviz.
public enum RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Graphviz's plugin configuration lists no layout engine (or not the needed ones).
    case pluginsNotRegistered(kind: String, found: [String])
    /// The Graphviz context could not be created.
    case contextUnavailable
    /// The engine is not among the registered layout plugins.
    case unknownEngine(String, available: [String])
    /// The output format is not among the registered device plugins.
    case unsupportedFormat(String, available: [String])
    /// An attribute value Graphviz would silently ignore or misread.
    case invalidAttribute(owner: String, name: String, value: String, expected: String)
    /// The description itself is inconsistent (unknown edge end, repeated node, …).
    case invalidGraph(String)
    /// The graph is too big for the engine to finish in reasonable time.
    case graphTooLarge(engine: String, nodes: Int, edges: Int, maxNodes: Int, maxEdges: Int, suggestion: String)
    /// Graphviz reported errors while doing `stage` (layout, render, parse, write).
    case graphviz(stage: String, messages: [String])

    /// A sentence saying what failed and, where there is one, what to do instead.
    public var description: String {
        switch self {
        case let .pluginsNotRegistered(kind, found):
            let list = found.isEmpty ? "none" : found.joined(separator: ", ")
            return "Graphviz's \(kind) plugins are not registered (found: \(list)). "
                + "Register them by running `dot -c` as root, or reinstall the package "
                + "that provides them (`apt-get install --reinstall libgvc6` on Debian/Ubuntu)."
        case .contextUnavailable:
            return "Graphviz could not create its context (gvContext returned NULL)."
        case let .unknownEngine(name, available):
            return "unknown layout engine \"\(name)\"; available: \(available.joined(separator: ", "))"
        case let .unsupportedFormat(name, available):
            return "unsupported output format \"\(name)\"; available: \(available.joined(separator: ", "))"
        case let .invalidAttribute(owner, name, value, expected):
            return "invalid value \"\(value)\" for attribute \(name) of \(owner): expected \(expected)"
        case let .invalidGraph(message):
            return "invalid graph: \(message)"
        case let .graphTooLarge(engine, nodes, edges, maxNodes, maxEdges, suggestion):
            return "graph too large for \(engine) (\(nodes) nodes, \(edges) edges; limit \(maxNodes) nodes, "
                + "\(maxEdges) edges): a layout cannot be interrupted once started. \(suggestion)"
        case let .graphviz(stage, messages):
            let text = messages.isEmpty ? "no message" : messages.joined(separator: "; ")
            return "Graphviz \(stage) failed: \(text)"
        }
    }
}
