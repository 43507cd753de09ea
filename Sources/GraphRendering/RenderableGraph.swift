/// The value of a Graphviz attribute: plain text, or an HTML-like label (`label=<…>`).
public enum GraphvizValue: Sendable, Hashable, ExpressibleByStringLiteral,
    ExpressibleByStringInterpolation, CustomStringConvertible
{
    /// Plain text, passed to Graphviz as is (Graphviz's own escapes such as `\n` apply).
    case text(String)
    /// An HTML-like label body, without the outer `<` `>` of DOT syntax.
    case html(String)

    /// Plain text from a string literal (`"filled"`).
    public init(stringLiteral value: String) { self = .text(value) }

    /// A number in the plain decimal form Graphviz parses (at most four decimals, no exponent).
    public static func number(_ value: Double) -> GraphvizValue {
        .text(formatNumber(value))
    }

    /// The text of the value (the HTML body for `.html`).
    public var string: String {
        switch self {
        case let .text(s), let .html(s): return s
        }
    }

    /// Whether the value is an HTML-like label.
    public var isHTML: Bool {
        if case .html = self { return true }
        return false
    }

    /// The value as DOT writes it: text as is, HTML-like labels between `<` and `>`.
    public var description: String {
        switch self {
        case let .text(s): return s
        case let .html(s): return "<\(s)>"
        }
    }

    static func formatNumber(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let scaled = (value * 10_000).rounded() / 10_000
        if scaled == scaled.rounded(), abs(scaled) < 1e15 { return String(Int64(scaled)) }
        var text = String(scaled)
        if text.contains("e") {
            // String(Double) uses an exponent for tiny values; four decimals suffice here.
            text = String(Int64((scaled * 10_000).rounded()))
            let negative = text.hasPrefix("-")
            var digits = negative ? String(text.dropFirst()) : text
            while digits.count < 5 { digits = "0" + digits }
            text = (negative ? "-" : "") + digits.dropLast(4) + "." + digits.suffix(4)
            while text.hasSuffix("0") { text.removeLast() }
        }
        return text
    }
}

/// Graphviz attributes of one object (graph, node or edge): name → value.
public typealias GraphvizAttributes = [String: GraphvizValue]

/// A graph to lay out and draw, described as plain values: what Graphviz gets, node by
/// node and edge by edge, through the C API (never as DOT text).
///
/// Node names are the Graphviz node names (any string; unique). Attributes are applied
/// in key order, so two equal descriptions give the same Graphviz graph.
public struct RenderableGraph: Sendable, Hashable {
    /// One node: its unique name and its own attributes.
    public struct Node: Sendable, Hashable {
        /// The node's name (unique in the graph).
        public var name: String
        /// The node's own attributes (`label`, `fillcolor`, `pos`, …).
        public var attributes: GraphvizAttributes
        /// A node called `name` with `attributes`.
        public init(_ name: String, attributes: GraphvizAttributes = [:]) {
            self.name = name
            self.attributes = attributes
        }
    }

    /// One edge between two named nodes. `key` tells parallel edges apart (DOT's `key`).
    public struct Edge: Sendable, Hashable {
        /// The name of the node the edge starts at.
        public var tail: String
        /// The name of the node the edge ends at.
        public var head: String
        /// Tells parallel edges between the same nodes apart; `nil` for none.
        public var key: String?
        /// The edge's own attributes (`color`, `penwidth`, `style`, …).
        public var attributes: GraphvizAttributes
        /// An edge from `tail` to `head` (both node names).
        public init(_ tail: String, _ head: String, key: String? = nil, attributes: GraphvizAttributes = [:]) {
            self.tail = tail
            self.head = head
            self.key = key
            self.attributes = attributes
        }
    }

    /// A subgraph: a name (`cluster_…` draws a box with dot, neato and fdp), its own graph
    /// attributes and node/edge defaults, the names of its member nodes, and nested subgraphs.
    public struct Subgraph: Sendable, Hashable {
        /// The subgraph's name; `cluster_…` draws a box.
        public var name: String
        /// The subgraph's own graph attributes (`label`, `color`, …).
        public var attributes: GraphvizAttributes
        /// Attributes of the subgraph's nodes that do not set their own (`node [...]` inside it).
        public var nodeDefaults: GraphvizAttributes
        /// Attributes of the subgraph's edges that do not set their own (`edge [...]` inside it).
        public var edgeDefaults: GraphvizAttributes
        /// The names of its member nodes (declared in ``RenderableGraph/nodes``).
        public var nodes: [String]
        /// Subgraphs nested in this one.
        public var subgraphs: [Subgraph]
        /// A subgraph called `name` with its attributes, defaults, members and nested subgraphs.
        public init(
            _ name: String, attributes: GraphvizAttributes = [:], nodeDefaults: GraphvizAttributes = [:],
            edgeDefaults: GraphvizAttributes = [:], nodes: [String] = [], subgraphs: [Subgraph] = []
        ) {
            self.name = name
            self.attributes = attributes
            self.nodeDefaults = nodeDefaults
            self.edgeDefaults = edgeDefaults
            self.nodes = nodes
            self.subgraphs = subgraphs
        }
    }

    /// The graph's name (`G` by default); DOT's `graph NAME { … }`.
    public var name: String
    /// Whether edges are arrows (`digraph`).
    public var isDirected: Bool
    /// A strict graph merges parallel edges (and, when directed, keeps one arc per pair).
    public var isStrict: Bool
    /// Graph attributes (`overlap`, `splines`, `bgcolor`, `label`, …).
    public var graphAttributes: GraphvizAttributes
    /// Attributes of nodes that do not set their own (`node [...]`).
    public var nodeDefaults: GraphvizAttributes
    /// Attributes of edges that do not set their own (`edge [...]`).
    public var edgeDefaults: GraphvizAttributes
    /// Every node, in the order Graphviz gets them.
    public var nodes: [Node]
    /// Every edge, in the order Graphviz gets them.
    public var edges: [Edge]
    /// Subgraphs and clusters.
    public var subgraphs: [Subgraph]

    /// A graph description; everything but the name and direction can also be filled in later.
    public init(
        name: String = "G", isDirected: Bool = false, isStrict: Bool = false,
        graphAttributes: GraphvizAttributes = [:], nodeDefaults: GraphvizAttributes = [:],
        edgeDefaults: GraphvizAttributes = [:], nodes: [Node] = [], edges: [Edge] = [],
        subgraphs: [Subgraph] = []
    ) {
        self.name = name
        self.isDirected = isDirected
        self.isStrict = isStrict
        self.graphAttributes = graphAttributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.nodes = nodes
        self.edges = edges
        self.subgraphs = subgraphs
    }

    /// Appends a node called `name` with `attributes`.
    public mutating func addNode(_ name: String, _ attributes: GraphvizAttributes = [:]) {
        nodes.append(Node(name, attributes: attributes))
    }

    /// Appends an edge from `tail` to `head` with `attributes`.
    public mutating func addEdge(_ tail: String, _ head: String, _ attributes: GraphvizAttributes = [:]) {
        edges.append(Edge(tail, head, attributes: attributes))
    }
}
