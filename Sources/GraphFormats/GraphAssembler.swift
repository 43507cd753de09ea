import GraphCore

/// Attribute columns collected while a file is read: values arrive row by row, in any
/// column order, with types that may widen (an integer column that meets `2.5` becomes a
/// double column; one that meets text becomes a string column).
struct AttributeAccumulator {
    struct Column {
        var name: String
        var type: AttributeType
        /// Whether the file declared the type (GraphML keys, GEXF attributes).
        var declared: Bool
        var values: [AttributeValue?] = []
        var defaultValue: AttributeValue?
    }

    private(set) var columns: [Column] = []
    private var byName: [String: Int] = [:]
    let limit: Int
    let what: String

    init(limit: Int, what: String) {
        self.limit = limit
        self.what = what
    }

    func index(of name: String) -> Int? { byName[name] }

    var names: [String] { columns.map(\.name) }

    /// Declares a column with a fixed type and an optional default (applied to rows that
    /// have no value when the table is built).
    mutating func declare(
        _ name: String, type: AttributeType, default value: AttributeValue? = nil, file: String, line: Int?
    ) throws {
        if let c = byName[name] {
            columns[c].type = type
            columns[c].declared = true
            columns[c].defaultValue = value
            return
        }
        try checkLimit(file: file, line: line)
        byName[name] = columns.count
        columns.append(Column(name: name, type: type, declared: true, defaultValue: value))
    }

    private func checkLimit(file: String, line: Int?) throws {
        guard columns.count < limit else {
            throw FormatError(
                file: file, line: line,
                "more than \(limit) distinct \(what) attributes; raise the limit with --max-attributes (GraphReadOptions.maxAttributes)"
            )
        }
    }

    /// Sets `name` at `row` to `value`, widening an undeclared column's type if needed.
    mutating func set(_ value: AttributeValue, row: Int, name: String, file: String, line: Int?) throws {
        let c: Int
        if let existing = byName[name] {
            c = existing
        } else {
            try checkLimit(file: file, line: line)
            c = columns.count
            byName[name] = c
            columns.append(Column(name: name, type: value.type, declared: false))
        }
        // Readers parse declared columns to their type, so only a clash with a
        // format's own attribute (a GEXF "label" column declared as integer, say) widens
        // a declared column.
        columns[c].type = AttributeAccumulator.widen(columns[c].type, value.type)
        if columns[c].values.count <= row {
            columns[c].values.append(contentsOf: repeatElement(nil, count: row + 1 - columns[c].values.count))
        }
        columns[c].values[row] = value
    }

    func value(row: Int, column c: Int) -> AttributeValue? {
        let values = columns[c].values
        return row < values.count ? values[row] : nil
    }

    /// The smallest type that holds values of both types.
    static func widen(_ a: AttributeType, _ b: AttributeType) -> AttributeType {
        if a == b { return a }
        if (a == .int && b == .double) || (a == .double && b == .int) { return .double }
        return .string
    }

    /// The value converted to `type` (integers to doubles, anything to text).
    static func convert(_ value: AttributeValue, to type: AttributeType) -> AttributeValue {
        switch (value, type) {
        case (.int(let i), .double): return .double(Double(i))
        case (_, .string): if case .string = value { return value } else { return .string(value.description) }
        default: return value
        }
    }

    /// The columns as an ``AttributeTable`` of `count` rows, with `rowMap` placing input
    /// row `r` at output row `rowMap[r]` (`nil` keeps rows as they are; `-1` drops a row;
    /// when several input rows map to one output row, later values win).
    func table(count: Int, rowMap: [Int32]? = nil, skipping skipped: Set<String> = []) -> AttributeTable {
        var table = AttributeTable(count: count)
        for column in columns where !skipped.contains(column.name) {
            var values = [AttributeValue?](repeating: nil, count: count)
            for (r, value) in column.values.enumerated() {
                guard let value else { continue }
                let target = rowMap.map { Int($0[r]) } ?? r
                guard target >= 0 && target < count else { continue }
                values[target] = AttributeAccumulator.convert(value, to: column.type)
            }
            if let fallback = column.defaultValue {
                let converted = AttributeAccumulator.convert(fallback, to: column.type)
                for i in 0..<count where values[i] == nil { values[i] = converted }
            }
            table.setColumn(column.name, type: column.type, values: values)
        }
        return table
    }
}

extension AttributeValue {
    /// The type of this value.
    var type: AttributeType {
        switch self {
        case .string: return .string
        case .int: return .int
        case .double: return .double
        case .bool: return .bool
        }
    }

    /// Parses `text` as a value of `type`; `nil` when it is not one. Booleans accept
    /// `true`/`false` in any case and `1`/`0` (what GraphML writers use).
    package static func parse(_ text: String, as type: AttributeType) -> AttributeValue? {
        switch type {
        case .string: return .string(text)
        case .int:
            let trimmed = text.trimmingSpaces
            if let i = Int(trimmed) { return .int(i) }
            return nil
        case .double:
            let trimmed = text.trimmingSpaces
            if let d = Double(trimmed) { return .double(d) }
            switch trimmed.lowercased() {
            case "inf", "+inf", "infinity": return .double(.infinity)
            case "-inf", "-infinity": return .double(-.infinity)
            case "nan": return .double(.nan)
            default: return nil
            }
        case .bool:
            switch text.trimmingSpaces.lowercased() {
            case "true", "1": return .bool(true)
            case "false", "0": return .bool(false)
            default: return nil
            }
        }
    }

    /// The narrowest type `text` parses as: integer, then double, then boolean
    /// (`true`/`false`), then string.
    package static func infer(_ text: String) -> AttributeType {
        if let i = Int(text), String(i) == text { return .int }
        // Leading zeros ("007", "0123") mark codes, not numbers.
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        if digits.count > 1, digits.first == "0", let second = digits.dropFirst().first, second.isNumber {
            return .string
        }
        if Double(text) != nil { return .double }
        switch text.lowercased() {
        case "true", "false": return .bool
        default: return .string
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}

/// Collects the nodes, edges and attributes a reader finds and builds an
/// ``AttributedGraph``: checks ids, turns the weight attribute into the graph's weights,
/// and places edge attributes in the graph's stable edge order.
package struct GraphAssembler {
    private(set) var file: String
    let options: GraphReadOptions
    private(set) var ids: [String] = []
    private(set) var index: [String: Int32] = [:]
    var nodeAttributes: AttributeAccumulator
    var edgeAttributes: AttributeAccumulator
    package var graphAttributes: [String: AttributeValue] = [:]
    private var sources: [Int32] = []
    private var targets: [Int32] = []
    /// Line of each edge in the file (0 when unknown), for error messages.
    private var edgeLines: [Int32] = []

    package init(file: String, options: GraphReadOptions) {
        self.file = file
        self.options = options
        nodeAttributes = AttributeAccumulator(limit: options.maxAttributes, what: "node")
        edgeAttributes = AttributeAccumulator(limit: options.maxAttributes, what: "edge")
    }

    var nodeCount: Int { ids.count }

    mutating func rename(_ newFile: String) { file = newFile }
    var edgeCount: Int { sources.count }

    /// Adds a node that must be new.
    @discardableResult
    package mutating func addNode(_ id: String, line: Int?, column: Int? = nil) throws -> Int {
        if index[id] != nil {
            throw FormatError(
                file: file, line: line, column: column,
                "node id \"\(id)\" appears more than once; node ids must be unique")
        }
        return try appendNode(id, line: line, column: column)
    }

    /// The index of node `id`, adding it when `create` is true; otherwise an unknown id
    /// is an error that names `context` (e.g. "the nodes table").
    package mutating func node(
        _ id: String, create: Bool, line: Int?, column: Int? = nil, context: String = "the file's nodes"
    ) throws -> Int {
        if let i = index[id] { return Int(i) }
        guard create else {
            throw FormatError(
                file: file, line: line, column: column, "edge names node \"\(id)\", which is not among \(context)")
        }
        return try appendNode(id, line: line, column: column)
    }

    private mutating func appendNode(_ id: String, line: Int?, column: Int?) throws -> Int {
        guard ids.count < options.maxNodes else {
            throw FormatError(
                file: file, line: line, column: column,
                "more than \(options.maxNodes) nodes; raise the limit with --max-nodes (GraphReadOptions.maxNodes)")
        }
        let i = ids.count
        ids.append(id)
        index[id] = Int32(i)
        return i
    }

    /// Adds an edge between two node indices; returns its input row (for attributes).
    @discardableResult
    package mutating func addEdge(_ u: Int, _ v: Int, line: Int?) throws -> Int {
        guard sources.count < options.maxEdges else {
            throw FormatError(
                file: file, line: line,
                "more than \(options.maxEdges) edges; raise the limit with --max-edges (GraphReadOptions.maxEdges)")
        }
        sources.append(Int32(u))
        targets.append(Int32(v))
        edgeLines.append(Int32(clamping: line ?? 0))
        return sources.count - 1
    }

    package mutating func setNode(_ row: Int, _ name: String, _ value: AttributeValue, line: Int?) throws {
        try nodeAttributes.set(value, row: row, name: name, file: file, line: line)
    }

    package mutating func setEdge(_ row: Int, _ name: String, _ value: AttributeValue, line: Int?) throws {
        try edgeAttributes.set(value, row: row, name: name, file: file, line: line)
    }

    /// The column of `accumulator` that holds weights, per `options.weightAttribute`.
    private func weightColumn() -> Int? {
        guard let wanted = options.weightAttribute else { return nil }
        if let exact = edgeAttributes.index(of: wanted) { return exact }
        let lower = wanted.lowercased()
        return edgeAttributes.names.firstIndex { $0.lowercased() == lower }
    }

    /// Builds the attributed graph. `directed` is what the file says; the options can
    /// override it.
    package func build(directed fileDirected: Bool) throws -> AttributedGraph {
        let directed = options.directed ?? fileDirected
        let weightColumn = self.weightColumn()
        let weightName = weightColumn.map { edgeAttributes.columns[$0].name }
        var builder = GraphBuilder(
            directed: directed, weighted: weightColumn != nil,
            selfLoops: options.selfLoops, duplicates: options.duplicates)
        builder.reserveCapacity(nodes: ids.count, edges: sources.count)
        do {
            for id in ids { try builder.addUniqueNode(id) }
        } catch let error as GraphError {
            throw FormatError(file: file, graphError: error)
        }
        for e in 0..<sources.count {
            let line = edgeLines[e] > 0 ? Int(edgeLines[e]) : nil
            var weight = 1.0
            if let weightColumn, let name = weightName, let value = edgeAttributes.value(row: e, column: weightColumn) {
                let number: Double?
                switch value {
                case let .int(i): number = Double(i)
                case let .double(d): number = d
                case let .string(s): number = AttributeValue.parse(s, as: .double)?.doubleValue
                case .bool: number = nil
                }
                guard let number else {
                    throw FormatError(
                        file: file, line: line,
                        "expected a number for the edge weight \"\(name)\", found \"\(value)\" (read it as an ordinary attribute with --weight-attribute none)"
                    )
                }
                guard number.isFinite else {
                    throw FormatError(
                        file: file, line: line,
                        "edge weight \"\(name)\" is \(value); weights must be finite numbers (read it as an ordinary attribute with --weight-attribute none)"
                    )
                }
                weight = number
            }
            do {
                try builder.addEdge(Int(sources[e]), Int(targets[e]), weight: weight)
            } catch let error as GraphError {
                throw FormatError(file: file, line: line, graphError: error)
            }
        }
        let built: (graph: Graph, edgeMap: [Int32])
        do {
            built = try builder.buildWithEdgeMap()
        } catch let error as GraphError {
            throw FormatError(file: file, graphError: error)
        }
        let graph = built.graph
        let nodes = nodeAttributes.table(count: graph.nodeCount)
        let edges = edgeAttributes.table(
            count: graph.edgeCount, rowMap: built.edgeMap, skipping: weightName.map { [$0] } ?? [])
        return AttributedGraph(
            graph: graph, nodeAttributes: nodes, edgeAttributes: edges, graphAttributes: graphAttributes)
    }
}

extension AttributeType {
    /// "an integer", "a number", … for error messages.
    var phrase: String {
        switch self {
        case .int: return "an integer"
        case .double: return "a number"
        case .bool: return "a boolean (true/false)"
        case .string: return "text"
        }
    }
}
