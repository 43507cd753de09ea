import GraphCore

/// What every writer needs from an ``AttributedGraph``: its columns, with the graph's
/// weights presented as one more edge column.
package struct WritableGraph {
    let source: AttributedGraph
    let file: String
    /// Name of the weight column (when the graph is weighted).
    package let weightName: String?
    /// Node columns in order.
    package let nodeColumns: [AttributeTable.Column]
    /// Edge columns in order, without any column that the weights replace.
    package let edgeColumns: [AttributeTable.Column]
    /// Edges in the stable order.
    package let edges: [(source: Int, target: Int, weight: Double)]

    package init(_ graph: AttributedGraph, file: String, weightName: String) throws {
        source = graph
        self.file = file
        self.weightName = graph.graph.isWeighted ? weightName : nil
        nodeColumns = graph.nodeAttributes.columns
        edgeColumns = graph.edgeAttributes.columns.filter { !(graph.graph.isWeighted && $0.name == weightName) }
        edges = graph.graph.edges()
        guard graph.nodeAttributes.count == graph.graph.nodeCount else {
            throw FormatError(
                file: file,
                "the node attribute table has \(graph.nodeAttributes.count) rows for \(graph.graph.nodeCount) nodes")
        }
        guard graph.edgeAttributes.count == graph.graph.edgeCount else {
            throw FormatError(
                file: file,
                "the edge attribute table has \(graph.edgeAttributes.count) rows for \(graph.graph.edgeCount) edges")
        }
    }

    package var graph: Graph { source.graph }
    package var ids: [String] { source.graph.ids }

    /// Graph-level attributes in name order (for stable output).
    package var graphAttributes: [(name: String, value: AttributeValue)] {
        source.graphAttributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

extension AttributeValue {
    /// The value as text for formats that store text (XML, CSV, DOT): integers and
    /// doubles in Swift's shortest round-trip form, booleans as `true`/`false`.
    package var text: String {
        switch self {
        case let .string(s): return s
        case let .int(i): return String(i)
        case let .double(d): return AttributeValue.format(d)
        case let .bool(b): return b ? "true" : "false"
        }
    }

    /// Shortest text that reads back as the same double (`2.5`, `1e-05`, `inf`, `nan`).
    package static func format(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "INF" : "-INF" }
        return String(d)
    }
}
