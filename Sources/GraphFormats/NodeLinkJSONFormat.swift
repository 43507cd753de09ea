import Foundation
import GraphCore

/// NetworkX's node-link JSON (`networkx.node_link_data` / `node_link_graph`):
///
/// ```json
/// {"directed": false, "multigraph": false, "graph": {"name": "g"},
///  "nodes": [{"id": "a", "label": "A"}, …],
///  "edges": [{"source": "a", "target": "b", "weight": 2.0}, …]}
/// ```
///
/// Edges are read from `"edges"` (NetworkX 3.6's default) or `"links"` (what older
/// NetworkX wrote). Node ids may be strings or numbers (a number becomes its decimal
/// text); every edge end must be a listed node. Other members of node and edge objects
/// become attributes (strings, integers, doubles, booleans; `null` is no value; nested
/// arrays and objects are kept as their JSON text). Tuple ids (`[1, 2]`, as NetworkX
/// writes tuple nodes) become their JSON text (`[1, 2]`). A multigraph's repeated edges are
/// merged by the duplicate-edge policy and their `key` dropped. Members of `"graph"`
/// become graph attributes.
///
/// Writing: the same layout with `"edges"`; node ids are written as JSON numbers when
/// every id is a canonical integer (so NetworkX gets `int` nodes back), as strings
/// otherwise. NaN and infinite doubles are written as Python's `json` writes them.
public enum NodeLinkJSONFormat {
    /// Reads the node-link JSON file at `path` (NetworkX: `node_link_graph(json.load(f))`).
    ///
    /// - Throws: ``FormatError`` naming the file, line and column of the first problem.
    /// - Complexity: Linear in the file's size.
    public static func read(path: String, options: GraphReadOptions = .init()) throws -> AttributedGraph {
        try parse(TextInput.read(path: path), file: path, options: options)
    }

    /// Parses node-link JSON held in memory; `file` names it in errors.
    ///
    /// - Throws: ``FormatError`` naming `file`, the line and column of the first problem.
    public static func parse(
        _ data: Data, file: String = "<input>", options: GraphReadOptions = .init()
    ) throws -> AttributedGraph {
        let root = try JSONParser.parse(data, file: file, maxDepth: options.maxNestingDepth)
        guard case .object = root else {
            throw FormatError(
                file: file, line: 1, "expected a JSON object with \"nodes\" and \"edges\", found \(root.typeName)")
        }
        var assembler = GraphAssembler(file: file, options: options)
        func fail(_ p: SourcePosition, _ message: String) -> FormatError {
            FormatError(file: file, line: p.line, column: p.column, message)
        }
        var directed = false
        var multigraph = false
        if let d = root["directed"] {
            guard case let .bool(b) = d else {
                throw FormatError(file: file, "\"directed\" must be true or false, found \(d.typeName)")
            }
            directed = b
        }
        if let m = root["multigraph"] {
            guard case let .bool(b) = m else {
                throw FormatError(file: file, "\"multigraph\" must be true or false, found \(m.typeName)")
            }
            multigraph = b
        }
        if let g = root["graph"] {
            switch g {
            case let .object(attributes, _):
                for (key, value) in attributes {
                    if let v = attributeValue(value) { assembler.graphAttributes[key] = v }
                }
            case .null: break
            case let .array(pairs, _):
                // NetworkX before 2.0 wrote graph attributes as [[key, value], …].
                for pair in pairs {
                    if case let .array(kv, _) = pair, kv.count == 2, case let .string(key) = kv[0],
                        let v = attributeValue(kv[1])
                    {
                        assembler.graphAttributes[key] = v
                    }
                }
            default:
                throw FormatError(file: file, "\"graph\" must be an object, found \(g.typeName)")
            }
        }
        guard let nodesValue = root["nodes"] else {
            throw FormatError(
                file: file, "missing \"nodes\": expected node-link JSON as networkx.node_link_data writes it")
        }
        guard case let .array(nodes, _) = nodesValue else {
            throw FormatError(file: file, "\"nodes\" must be an array, found \(nodesValue.typeName)")
        }
        for node in nodes {
            guard case let .object(fields, p) = node else {
                throw FormatError(file: file, "each element of \"nodes\" must be an object, found \(node.typeName)")
            }
            guard let idValue = fields.first(where: { $0.key == "id" })?.value else {
                throw fail(p, "node without an \"id\"")
            }
            guard let id = nodeID(idValue) else {
                throw fail(p, "a node id must be a string, a number or a tuple, found \(idValue.typeName)")
            }
            let row = try assembler.addNode(id, line: p.line, column: p.column)
            for (key, value) in fields where key != "id" {
                if let v = attributeValue(value) { try assembler.setNode(row, key, v, line: p.line) }
            }
        }
        let edgesValue: JSONValue
        if let e = root["edges"] {
            edgesValue = e
        } else if let l = root["links"] {
            edgesValue = l
        } else {
            throw FormatError(file: file, "missing \"edges\" (or \"links\", as NetworkX before 3.6 wrote it)")
        }
        guard case let .array(edges, _) = edgesValue else {
            throw FormatError(file: file, "\"edges\" must be an array, found \(edgesValue.typeName)")
        }
        for edge in edges {
            guard case let .object(fields, p) = edge else {
                throw FormatError(file: file, "each edge must be an object, found \(edge.typeName)")
            }
            var source: String?, target: String?
            for (key, value) in fields where key == "source" || key == "target" {
                guard let id = nodeID(value) else {
                    throw fail(p, "edge \(key) must be a node id (string, number or tuple), found \(value.typeName)")
                }
                if key == "source" { source = id } else { target = id }
            }
            guard let source else { throw fail(p, "edge without a \"source\"") }
            guard let target else { throw fail(p, "edge without a \"target\"") }
            let u = try assembler.node(
                source, create: false, line: p.line, column: p.column, context: "the \"nodes\" list")
            let v = try assembler.node(
                target, create: false, line: p.line, column: p.column, context: "the \"nodes\" list")
            let row = try assembler.addEdge(u, v, line: p.line)
            for (key, value) in fields where key != "source" && key != "target" && !(multigraph && key == "key") {
                if let a = attributeValue(value) { try assembler.setEdge(row, key, a, line: p.line) }
            }
        }
        return try assembler.build(directed: directed)
    }

    /// A node id as text: strings as they are, integers in decimal, other numbers in
    /// their shortest form; arrays and objects (NetworkX allows tuples as nodes) and
    /// booleans as their JSON text. `null` is not an id.
    static func nodeID(_ value: JSONValue) -> String? {
        switch value {
        case let .string(s): return s
        case let .int(i): return String(i)
        case let .double(d): return d.isFinite ? String(d) : nil
        case .null: return nil
        case .bool, .array, .object: return serialize(value)
        }
    }

    static func attributeValue(_ value: JSONValue) -> AttributeValue? {
        switch value {
        case .null: return nil
        case let .bool(b): return .bool(b)
        case let .int(i): return .int(i)
        case let .double(d): return .double(d)
        case let .string(s): return .string(s)
        case .array, .object: return .string(serialize(value))
        }
    }

    static func serialize(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .double(d): return JSONText.number(d)
        case let .string(s): return JSONText.string(s)
        case let .array(elements, _): return "[" + elements.map(serialize).joined(separator: ", ") + "]"
        case let .object(members, _):
            return "{" + members.map { JSONText.string($0.key) + ": " + serialize($0.value) }.joined(separator: ", ")
                + "}"
        }
    }

    // MARK: - Writing

    static func json(_ value: AttributeValue) -> String {
        switch value {
        case let .string(s): return JSONText.string(s)
        case let .int(i): return String(i)
        case let .double(d): return JSONText.number(d)
        case let .bool(b): return b ? "true" : "false"
        }
    }

    /// Node-link JSON for `graph`.
    public static func write(
        _ graph: AttributedGraph, file: String = "<output>", options: GraphWriteOptions = .init()
    ) throws -> Data {
        let g = try WritableGraph(graph, file: file, weightName: options.weightAttribute)
        let numericIDs = g.ids.allSatisfy { id in Int(id).map { String($0) == id } ?? false }
        func idText(_ id: String) -> String { numericIDs ? id : JSONText.string(id) }
        var out = "{\n \"directed\": \(g.graph.isDirected),\n \"multigraph\": false,\n \"graph\": {"
        out += g.graphAttributes.map { JSONText.string($0.name) + ": " + json($0.value) }.joined(separator: ", ")
        out += "},\n \"nodes\": [\n"
        for (u, id) in g.ids.enumerated() {
            var fields = g.nodeColumns.compactMap { column in
                column.values[u].map { JSONText.string(column.name) + ": " + json($0) }
            }
            fields.append("\"id\": " + idText(id))
            out += "  {" + fields.joined(separator: ", ") + "}" + (u + 1 < g.ids.count ? ",\n" : "\n")
        }
        out += " ],\n \"edges\": [\n"
        for (e, edge) in g.edges.enumerated() {
            var fields = g.edgeColumns.compactMap { column in
                column.values[e].map { JSONText.string(column.name) + ": " + json($0) }
            }
            if let weightName = g.weightName {
                fields.append(JSONText.string(weightName) + ": " + JSONText.number(edge.weight))
            }
            fields.append("\"source\": " + idText(g.ids[edge.source]))
            fields.append("\"target\": " + idText(g.ids[edge.target]))
            out += "  {" + fields.joined(separator: ", ") + "}" + (e + 1 < g.edges.count ? ",\n" : "\n")
        }
        out += " ]\n}\n"
        return Data(out.utf8)
    }
}
