import Foundation
import GraphCore

/// GraphML (http://graphml.graphdrawing.org) with typed `<key>` declarations, as
/// NetworkX, igraph, Gephi and Cytoscape write it.
///
/// Reading: keys of type `boolean`, `int`, `long`, `float`, `double` and `string` (a
/// missing `attr.type` means string) for nodes, edges, the graph or all of them, with
/// `<default>` values applied to elements that have no `<data>` for the key. The
/// direction is the graph's `edgedefault` (undirected when absent); a per-edge `directed`
/// attribute is ignored, since uccn graphs are either directed or undirected. An edge's
/// `id` becomes its `id` attribute (as NetworkX reads it). yFiles graphics keys
/// (`yfiles.type`) and `<port>`s are skipped; nested graphs and hyperedges are refused.
/// Edges may name nodes declared later in the same graph, but every node must be declared.
///
/// Writing: one `<key>` per column (`int` columns as `long`, `double` as `double`, `bool`
/// as `boolean`, written `true`/`false`), keys for graph attributes, and the weights as
/// an edge key named after ``GraphWriteOptions/weightAttribute``.
public enum GraphMLFormat {
    /// Reads the GraphML file at `path` (NetworkX: `read_graphml`).
    ///
    /// - Throws: ``FormatError`` naming the file, line and column of the first problem.
    /// - Complexity: Linear in the file's size.
    public static func read(path: String, options: GraphReadOptions = .init()) throws -> AttributedGraph {
        try parse(TextInput.read(path: path), file: path, options: options)
    }

    /// Parses GraphML bytes.
    public static func parse(
        _ data: Data, file: String = "<input>", options: GraphReadOptions = .init()
    ) throws -> AttributedGraph {
        let handler = Handler(file: file, options: options)
        try XMLEventReader.parse(data, file: file, handler: handler)
        return try handler.finish()
    }

    struct Key {
        var name: String
        var domain: String
        var type: AttributeType
        var skipped: Bool
    }

    private final class Handler: XMLEventHandler {
        let file: String
        var assembler: GraphAssembler
        var keys: [String: Key] = [:]
        var path: [String] = []
        var directed = false
        var graphCount = 0
        /// The key whose `<default>` is being read.
        var keyForDefault: String?
        /// Where the current `<data>` goes.
        enum Owner { case node(Int), edge(Int), graph, none }
        var owner: Owner = .none
        var dataKey: String?
        var dataPosition = SourcePosition(line: 1, column: 1)
        var dataDepth = 0
        var text = ""
        var collecting = false
        struct PendingEdge { var source: String; var target: String; var line: Int; var column: Int }
        var pending: [PendingEdge] = []
        var sawRoot = false

        init(file: String, options: GraphReadOptions) {
            self.file = file
            assembler = GraphAssembler(file: file, options: options)
        }

        func fail(_ p: SourcePosition, _ message: String) -> FormatError {
            FormatError(file: file, line: p.line, column: p.column, message)
        }

        func start(_ name: String, attributes: [String: String], at p: SourcePosition) throws {
            defer { path.append(name) }
            if !sawRoot {
                sawRoot = true
                guard name == "graphml" else { throw fail(p, "expected a <graphml> root element, found <\(name)>") }
                return
            }
            if dataKey != nil {
                // Markup inside <data> (yFiles graphics and the like): skipped.
                dataDepth += 1
                return
            }
            switch name {
            case "key":
                guard let id = attributes["id"] else { throw fail(p, "<key> without an id attribute") }
                let domain = attributes["for"] ?? "all"
                let typeName = attributes["attr.type"] ?? "string"
                let skipped = attributes["yfiles.type"] != nil
                let type: AttributeType
                switch typeName.lowercased() {
                case "boolean": type = .bool
                case "int", "long", "integer": type = .int
                case "float", "double": type = .double
                case "string": type = .string
                default:
                    if skipped { type = .string; break }
                    throw fail(
                        p,
                        "unknown GraphML key type \"\(typeName)\" for key \"\(id)\"; expected boolean, int, long, float, double or string"
                    )
                }
                guard keys[id] == nil else { throw fail(p, "key id \"\(id)\" is declared twice") }
                let attrName = attributes["attr.name"] ?? id
                keys[id] = Key(name: attrName, domain: domain, type: type, skipped: skipped)
                if !skipped {
                    if domain == "node" || domain == "all" {
                        try assembler.nodeAttributes.declare(attrName, type: type, file: file, line: p.line)
                    }
                    if domain == "edge" || domain == "all" {
                        try assembler.edgeAttributes.declare(attrName, type: type, file: file, line: p.line)
                    }
                }
                keyForDefault = id
            case "default":
                guard path.last == "key", keyForDefault != nil else { throw fail(p, "<default> outside a <key>") }
                text = ""
                collecting = true
            case "graph":
                if path.last != "graphml" {
                    throw fail(p, "nested graphs (a <graph> inside <\(path.last ?? "?")>) are not supported")
                }
                graphCount += 1
                guard graphCount == 1 else {
                    throw fail(p, "the file holds more than one <graph>; uccn reads one graph a file")
                }
                switch attributes["edgedefault"]?.lowercased() {
                case "directed": directed = true
                case "undirected", nil: directed = false
                case let other?: throw fail(p, "edgedefault is \"\(other)\"; expected \"directed\" or \"undirected\"")
                }
                owner = .graph
            case "node":
                guard path.last == "graph" else { throw fail(p, "<node> outside a <graph>") }
                guard let id = attributes["id"] else { throw fail(p, "<node> without an id attribute") }
                let row = try assembler.addNode(id, line: p.line, column: p.column)
                owner = .node(row)
            case "edge":
                guard path.last == "graph" else { throw fail(p, "<edge> outside a <graph>") }
                guard let s = attributes["source"] else { throw fail(p, "<edge> without a source attribute") }
                guard let t = attributes["target"] else { throw fail(p, "<edge> without a target attribute") }
                guard pending.count < assembler.options.maxEdges else {
                    throw fail(
                        p,
                        "more than \(assembler.options.maxEdges) edges; raise the limit with --max-edges (GraphReadOptions.maxEdges)"
                    )
                }
                pending.append(PendingEdge(source: s, target: t, line: p.line, column: p.column))
                let row = pending.count - 1
                owner = .edge(row)
                if let id = attributes["id"] {
                    try assembler.setEdge(row, "id", .string(id), line: p.line)
                }
            case "data":
                guard let key = attributes["key"] else { throw fail(p, "<data> without a key attribute") }
                guard keys[key] != nil else {
                    throw fail(p, "<data> refers to key \"\(key)\", which no <key> declares")
                }
                dataKey = key
                dataPosition = p
                dataDepth = 0
                text = ""
                collecting = true
            case "hyperedge":
                throw fail(p, "hyperedges are not supported")
            case "port", "desc", "locator", "endpoint":
                break
            default:
                break
            }
        }

        func end(_ name: String, at p: SourcePosition) throws {
            path.removeLast()
            if let key = dataKey {
                if dataDepth > 0 { dataDepth -= 1; return }
                guard name == "data" else { return }
                dataKey = nil
                collecting = false
                try store(key: key, text: text, at: dataPosition)
                return
            }
            switch name {
            case "default":
                collecting = false
                if let id = keyForDefault, let key = keys[id], !key.skipped {
                    guard let value = AttributeValue.parse(text, as: key.type) else {
                        throw fail(p, "expected \(key.type.phrase) for the default of key \"\(id)\", found \"\(text)\"")
                    }
                    if key.domain == "node" || key.domain == "all" {
                        try assembler.nodeAttributes.declare(
                            key.name, type: key.type, default: value, file: file, line: p.line)
                    }
                    if key.domain == "edge" || key.domain == "all" {
                        try assembler.edgeAttributes.declare(
                            key.name, type: key.type, default: value, file: file, line: p.line)
                    }
                }
            case "key": keyForDefault = nil
            case "node", "edge": owner = .graph
            case "graph": owner = .none
            default: break
            }
        }

        func text(_ string: String) throws {
            if collecting { text += string }
        }

        private func store(key id: String, text: String, at p: SourcePosition) throws {
            guard let key = keys[id], !key.skipped else { return }
            guard let value = AttributeValue.parse(text, as: key.type) else {
                let kind = key.type == .bool ? "a boolean (true/false)" : key.type == .int ? "an integer" : "a number"
                throw fail(p, "expected \(kind) for \"\(key.name)\" (key \(id)), found \"\(text)\"")
            }
            switch owner {
            case let .node(row):
                guard key.domain == "node" || key.domain == "all" else {
                    throw fail(p, "key \"\(id)\" is declared for \(key.domain), but used on a node")
                }
                try assembler.setNode(row, key.name, value, line: p.line)
            case let .edge(row):
                guard key.domain == "edge" || key.domain == "all" else {
                    throw fail(p, "key \"\(id)\" is declared for \(key.domain), but used on an edge")
                }
                try assembler.setEdge(row, key.name, value, line: p.line)
            case .graph:
                assembler.graphAttributes[key.name] = value
            case .none:
                break
            }
        }

        func finish() throws -> AttributedGraph {
            guard graphCount == 1 else {
                throw FormatError(file: file, "the file holds no <graph> element")
            }
            for edge in pending {
                let u = try assembler.node(
                    edge.source, create: false, line: edge.line, column: edge.column,
                    context: "the file's <node> elements")
                let v = try assembler.node(
                    edge.target, create: false, line: edge.line, column: edge.column,
                    context: "the file's <node> elements")
                try assembler.addEdge(u, v, line: edge.line)
            }
            return try assembler.build(directed: directed)
        }
    }

    // MARK: - Writing

    /// GraphML text for `graph`.
    public static func write(
        _ graph: AttributedGraph, file: String = "<output>", options: GraphWriteOptions = .init()
    ) throws -> Data {
        let g = try WritableGraph(graph, file: file, weightName: options.weightAttribute)
        let xml = XMLTextWriter(file: file)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        func typeName(_ t: AttributeType) -> String {
            switch t {
            case .bool: return "boolean"
            case .int: return "long"
            case .double: return "double"
            case .string: return "string"
            }
        }
        var graphKeys: [String: String] = [:]
        for (i, attribute) in g.graphAttributes.enumerated() {
            let id = "g\(i)"
            graphKeys[attribute.name] = id
            out +=
                "  <key id=\"\(id)\" for=\"graph\" attr.name=\"\(try xml.escape(attribute.name))\" attr.type=\"\(typeName(attribute.value.type))\"/>\n"
        }
        for (i, column) in g.nodeColumns.enumerated() {
            out +=
                "  <key id=\"n\(i)\" for=\"node\" attr.name=\"\(try xml.escape(column.name))\" attr.type=\"\(typeName(column.type))\"/>\n"
        }
        let edgeColumns = g.edgeColumns.filter { $0.name != "id" }
        let edgeIDs = g.edgeColumns.first { $0.name == "id" }
        for (i, column) in edgeColumns.enumerated() {
            out +=
                "  <key id=\"e\(i)\" for=\"edge\" attr.name=\"\(try xml.escape(column.name))\" attr.type=\"\(typeName(column.type))\"/>\n"
        }
        if let weightName = g.weightName {
            out += "  <key id=\"w\" for=\"edge\" attr.name=\"\(try xml.escape(weightName))\" attr.type=\"double\"/>\n"
        }
        out += "  <graph edgedefault=\"\(g.graph.isDirected ? "directed" : "undirected")\">\n"
        for attribute in g.graphAttributes {
            out +=
                "    <data key=\"\(graphKeys[attribute.name] ?? "")\">\(try xml.escape(attribute.value.text))</data>\n"
        }
        for (u, id) in g.ids.enumerated() {
            var children = ""
            for (i, column) in g.nodeColumns.enumerated() {
                if let value = column.values[u] {
                    children += "      <data key=\"n\(i)\">\(try xml.escape(value.text))</data>\n"
                }
            }
            if children.isEmpty {
                out += "    <node id=\"\(try xml.escape(id))\"/>\n"
            } else {
                out += "    <node id=\"\(try xml.escape(id))\">\n\(children)    </node>\n"
            }
        }
        for (e, edge) in g.edges.enumerated() {
            var children = ""
            for (i, column) in edgeColumns.enumerated() {
                if let value = column.values[e] {
                    children += "      <data key=\"e\(i)\">\(try xml.escape(value.text))</data>\n"
                }
            }
            if g.weightName != nil {
                children += "      <data key=\"w\">\(AttributeValue.format(edge.weight))</data>\n"
            }
            var open = "    <edge"
            if let id = edgeIDs?.values[e] { open += " id=\"\(try xml.escape(id.text))\"" }
            open += " source=\"\(try xml.escape(g.ids[edge.source]))\" target=\"\(try xml.escape(g.ids[edge.target]))\""
            out += children.isEmpty ? open + "/>\n" : open + ">\n\(children)    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return Data(out.utf8)
    }
}
