/// A value in a node or edge attribute column.
public enum AttributeValue: Sendable, Hashable, CustomStringConvertible {
    /// Text.
    case string(String)
    /// A whole number.
    case int(Int)
    /// A floating-point number.
    case double(Double)
    /// `true` or `false`.
    case bool(Bool)

    /// The value as text: numbers in Swift's shortest form, booleans as `true`/`false`.
    public var description: String {
        switch self {
        case let .string(s): return s
        case let .int(i): return String(i)
        case let .double(d): return String(d)
        case let .bool(b): return b ? "true" : "false"
        }
    }

    /// The value as a `Double`, when it is numeric (or a numeric string).
    public var doubleValue: Double? {
        switch self {
        case let .double(d): return d
        case let .int(i): return Double(i)
        case let .bool(b): return b ? 1 : 0
        case let .string(s): return Double(s)
        }
    }
}

/// The declared type of an attribute column.
public enum AttributeType: String, Sendable, Hashable, CaseIterable {
    /// Text, whole numbers, floating-point numbers, booleans (GraphML's `string`, `int`/`long`,
    /// `double`/`float`, `boolean`).
    case string, int, double, bool
}

/// Attribute columns for nodes or edges, kept apart from the graph structure: each
/// column has a name, a type and one optional value per node (or edge) index.
public struct AttributeTable: Sendable, Equatable {
    /// One attribute column: a name, a type and one optional value a row.
    public struct Column: Sendable, Equatable {
        /// The attribute's name, as in the file (`label`, `weight`, `Latitude`).
        public var name: String
        /// The type every value of the column has.
        public var type: AttributeType
        /// One value a row; `nil` where the node or edge has none.
        public var values: [AttributeValue?]
        /// A column called `name` of `type` with `values` (one a row).
        public init(name: String, type: AttributeType, values: [AttributeValue?]) {
            self.name = name; self.type = type; self.values = values
        }
    }

    /// Number of rows (nodes or edges).
    public private(set) var count: Int
    /// Columns in insertion order.
    public private(set) var columns: [Column] = []

    /// An empty table (no columns) of `count` rows.
    public init(count: Int) { self.count = count }

    /// Column names in order.
    public var names: [String] { columns.map(\.name) }

    /// The column called `name`.
    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }

    /// The value of `name` at `row`.
    public subscript(row: Int, name: String) -> AttributeValue? {
        guard let c = columns.firstIndex(where: { $0.name == name }) else { return nil }
        return columns[c].values[row]
    }

    /// Adds a column (or replaces one with the same name); `values` must have `count` entries.
    public mutating func setColumn(_ name: String, type: AttributeType, values: [AttributeValue?]) {
        precondition(values.count == count, "attribute column \(name) has \(values.count) values for \(count) rows")
        let column = Column(name: name, type: type, values: values)
        if let c = columns.firstIndex(where: { $0.name == name }) {
            columns[c] = column
        } else {
            columns.append(column)
        }
    }

    /// Sets one value, creating the column (all `nil`) if needed.
    public mutating func set(_ value: AttributeValue?, row: Int, name: String, type: AttributeType) {
        if let c = columns.firstIndex(where: { $0.name == name }) {
            columns[c].values[row] = value
        } else {
            var values = [AttributeValue?](repeating: nil, count: count)
            values[row] = value
            columns.append(Column(name: name, type: type, values: values))
        }
    }

    /// Removes the column called `name`.
    public mutating func removeColumn(_ name: String) {
        columns.removeAll { $0.name == name }
    }
}

/// A graph with its node and edge attributes and graph-level properties: what a file
/// format reads and writes.
public struct AttributedGraph: Sendable {
    /// The graph structure, with its weights.
    public var graph: Graph
    /// One row per node index.
    public var nodeAttributes: AttributeTable
    /// One row per edge, in the graph's stable edge order.
    public var edgeAttributes: AttributeTable
    /// Graph-level attributes (name, description, …).
    public var graphAttributes: [String: AttributeValue]

    /// A graph with its attributes; a missing table is an empty one with a row for each node
    /// (or edge).
    ///
    /// - Parameters:
    ///   - graph: The structure.
    ///   - nodeAttributes: One row a node index; `nil` for none.
    ///   - edgeAttributes: One row an edge, in the graph's stable edge order; `nil` for none.
    ///   - graphAttributes: Graph-level attributes (`name`, …).
    public init(
        graph: Graph, nodeAttributes: AttributeTable? = nil, edgeAttributes: AttributeTable? = nil,
        graphAttributes: [String: AttributeValue] = [:]
    ) {
        self.graph = graph
        self.nodeAttributes = nodeAttributes ?? AttributeTable(count: graph.nodeCount)
        self.edgeAttributes = edgeAttributes ?? AttributeTable(count: graph.edgeCount)
        self.graphAttributes = graphAttributes
    }
}
