import Foundation
import GraphCore

/// GEXF 1.2 and 1.3 (https://gexf.net), as Gephi and NetworkX write them.
///
/// Reading: `<attributes class="node|edge">` declarations (types `integer`, `long`,
/// `short`, `byte`, `float`, `double`, `bigdecimal`, `boolean`, `string` and the other
/// textual types), `<default>` values, node `label`s (the `label` attribute), edge `id`,
/// `label` and `weight` (the weight, per ``GraphReadOptions/weightAttribute``), and the
/// `viz` namespace kept as node and edge attributes:
///
/// | viz element | attributes |
/// |---|---|
/// | `viz:color r g b [a]` or `hex` | `viz_color` (`#rrggbb`), `viz_alpha` (0–1) |
/// | `viz:size value` | `viz_size` |
/// | `viz:position x y [z]` | `viz_x`, `viz_y`, `viz_z` |
/// | `viz:shape value` | `viz_shape` |
/// | `viz:thickness value` (edges) | `viz_thickness` |
///
/// The direction is `defaultedgetype` (`mutual` counts as undirected); per-edge `type` is
/// ignored. Dynamic `start`/`end` values are read as static (the last value wins).
/// Hierarchies (nodes inside nodes) are refused.
///
/// Writing: GEXF 1.3 (Gephi 0.10) or 1.2 (NetworkX), with `viz_*` attributes written back
/// as `viz` elements and `int` columns declared `long`.
public enum GEXFFormat {
    /// Reads the GEXF file at `path` (NetworkX: `read_gexf`).
    ///
    /// - Throws: ``FormatError`` naming the file, line and column of the first problem.
    /// - Complexity: Linear in the file's size.
    public static func read(path: String, options: GraphReadOptions = .init()) throws -> AttributedGraph {
        try parse(TextInput.read(path: path), file: path, options: options)
    }

    /// Parses GEXF held in memory; `file` names it in errors.
    ///
    /// - Throws: ``FormatError`` naming `file`, the line and column of the first problem.
    public static func parse(
        _ data: Data, file: String = "<input>", options: GraphReadOptions = .init()
    ) throws -> AttributedGraph {
        let handler = Handler(file: file, options: options)
        try XMLEventReader.parse(data, file: file, handler: handler)
        return try handler.finish()
    }

    private struct Declared {
        var title: String
        var type: AttributeType
    }

    private final class Handler: XMLEventHandler {
        let file: String
        var assembler: GraphAssembler
        var path: [String] = []
        var sawRoot = false
        var sawGraph = false
        var directed = false
        var attributeClass: String?
        var nodeDeclared: [String: Declared] = [:]
        var edgeDeclared: [String: Declared] = [:]
        var declaringID: String?
        var collecting = false
        var text = ""
        enum Owner { case node(Int), edge(Int), none }
        var owner: Owner = .none
        struct PendingEdge { var source: String; var target: String; var line: Int; var column: Int }
        var pending: [PendingEdge] = []

        init(file: String, options: GraphReadOptions) {
            self.file = file
            assembler = GraphAssembler(file: file, options: options)
        }

        func fail(_ p: SourcePosition, _ message: String) -> FormatError {
            FormatError(file: file, line: p.line, column: p.column, message)
        }

        static func type(named name: String) -> AttributeType? {
            switch name.lowercased() {
            case "integer", "long", "short", "byte", "int": return .int
            case "float", "double", "bigdecimal": return .double
            case "boolean": return .bool
            case "string", "char", "anyuri", "date", "biginteger", "liststring", "listboolean", "listinteger",
                "listlong", "listfloat", "listdouble", "listbyte", "listshort", "listchar", "listbigdecimal",
                "listbiginteger", "listdate", "listanyuri", "timestamp":
                return .string
            default: return nil
            }
        }

        func number(
            _ attributes: [String: String], _ name: String, _ p: SourcePosition, element: String
        ) throws -> Double? {
            guard let text = attributes[name] else { return nil }
            guard let value = AttributeValue.parse(text, as: .double)?.doubleValue, value.isFinite else {
                throw fail(p, "expected a finite number for \(name) in <viz:\(element)>, found \"\(text)\"")
            }
            return value
        }

        func setViz(_ name: String, _ value: AttributeValue, _ p: SourcePosition) throws {
            switch owner {
            case let .node(row): try assembler.setNode(row, name, value, line: p.line)
            case let .edge(row): try assembler.setEdge(row, name, value, line: p.line)
            case .none: break
            }
        }

        func start(_ name: String, attributes: [String: String], at p: SourcePosition) throws {
            let parent = path.last
            path.append(name)
            if !sawRoot {
                sawRoot = true
                guard name == "gexf" else { throw fail(p, "expected a <gexf> root element, found <\(name)>") }
                return
            }
            switch name {
            case "graph":
                guard parent == "gexf" else { throw fail(p, "<graph> must be a child of <gexf>") }
                guard !sawGraph else {
                    throw fail(p, "the file holds more than one <graph>; uccn reads one graph a file")
                }
                sawGraph = true
                switch attributes["defaultedgetype"]?.lowercased() {
                case "directed": directed = true
                case "undirected", "mutual", nil: directed = false
                case let other?:
                    throw fail(p, "defaultedgetype is \"\(other)\"; expected directed, undirected or mutual")
                }
                if let name = attributes["name"] { assembler.graphAttributes["name"] = .string(name) }
            case "attributes":
                guard let c = attributes["class"]?.lowercased(), c == "node" || c == "edge" else {
                    throw fail(
                        p, "<attributes> needs class=\"node\" or class=\"edge\", found \"\(attributes["class"] ?? "")\""
                    )
                }
                attributeClass = c
            case "attribute":
                guard parent == "attributes", let c = attributeClass else {
                    throw fail(p, "<attribute> outside <attributes>")
                }
                guard let id = attributes["id"] else { throw fail(p, "<attribute> without an id") }
                // Gephi gives columns an identifier id ("modularity_class") and a display
                // title ("Modularity Class"); NetworkX numbers the ids and puts the name
                // in the title. Keep the identifier when there is one.
                let title = (Int(id) == nil ? id : nil) ?? attributes["title"] ?? id
                let typeName = attributes["type"] ?? "string"
                guard let type = Handler.type(named: typeName) else {
                    throw fail(
                        p,
                        "unknown GEXF attribute type \"\(typeName)\" for attribute \"\(title)\"; expected integer, long, float, double, boolean, string or another GEXF type"
                    )
                }
                if c == "node" {
                    guard nodeDeclared[id] == nil else {
                        throw fail(p, "node attribute id \"\(id)\" is declared twice")
                    }
                    nodeDeclared[id] = Declared(title: title, type: type)
                    try assembler.nodeAttributes.declare(title, type: type, file: file, line: p.line)
                } else {
                    guard edgeDeclared[id] == nil else {
                        throw fail(p, "edge attribute id \"\(id)\" is declared twice")
                    }
                    edgeDeclared[id] = Declared(title: title, type: type)
                    try assembler.edgeAttributes.declare(title, type: type, file: file, line: p.line)
                }
                declaringID = id
            case "default":
                guard parent == "attribute" else { break }
                collecting = true
                text = ""
            case "node":
                guard parent == "nodes" else {
                    throw fail(
                        p,
                        parent == "node" || parent == "nodes"
                            ? "nested nodes (hierarchical GEXF) are not supported" : "<node> outside <nodes>")
                }
                if path.count > 4 { throw fail(p, "nested nodes (hierarchical GEXF) are not supported") }
                guard let id = attributes["id"] else { throw fail(p, "<node> without an id attribute") }
                let row = try assembler.addNode(id, line: p.line, column: p.column)
                owner = .node(row)
                if let label = attributes["label"] { try assembler.setNode(row, "label", .string(label), line: p.line) }
            case "nodes":
                if parent == "node" { throw fail(p, "nested nodes (hierarchical GEXF) are not supported") }
            case "edge":
                guard parent == "edges" else { throw fail(p, "<edge> outside <edges>") }
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
                // GEXF requires edge ids; ids that only number the edges in file order
                // (what Gephi, NetworkX and uccn write) carry nothing and are dropped.
                if let id = attributes["id"], id != String(row) {
                    try assembler.setEdge(row, "id", .string(id), line: p.line)
                }
                if let label = attributes["label"] { try assembler.setEdge(row, "label", .string(label), line: p.line) }
                if let w = attributes["weight"] {
                    guard let value = AttributeValue.parse(w, as: .double) else {
                        throw fail(p, "expected a number for the edge weight, found \"\(w)\"")
                    }
                    try assembler.setEdge(row, "weight", value, line: p.line)
                }
            case "attvalue":
                guard parent == "attvalues" else { throw fail(p, "<attvalue> outside <attvalues>") }
                guard let key = attributes["for"] ?? attributes["id"] else {
                    throw fail(p, "<attvalue> without a for attribute")
                }
                guard let raw = attributes["value"] else { throw fail(p, "<attvalue for=\"\(key)\"> without a value") }
                switch owner {
                case let .node(row):
                    guard let d = nodeDeclared[key] else {
                        throw fail(
                            p,
                            "<attvalue> refers to node attribute \"\(key)\", which <attributes class=\"node\"> does not declare"
                        )
                    }
                    guard let value = AttributeValue.parse(raw, as: d.type) else {
                        throw fail(p, "expected \(d.type.phrase) for \"\(d.title)\", found \"\(raw)\"")
                    }
                    try assembler.setNode(row, d.title, value, line: p.line)
                case let .edge(row):
                    guard let d = edgeDeclared[key] else {
                        throw fail(
                            p,
                            "<attvalue> refers to edge attribute \"\(key)\", which <attributes class=\"edge\"> does not declare"
                        )
                    }
                    guard let value = AttributeValue.parse(raw, as: d.type) else {
                        throw fail(p, "expected \(d.type.phrase) for \"\(d.title)\", found \"\(raw)\"")
                    }
                    try assembler.setEdge(row, d.title, value, line: p.line)
                case .none:
                    throw fail(p, "<attvalue> outside a node or an edge")
                }
            case "color":
                guard parent == "node" || parent == "edge" else { break }
                if let hex = attributes["hex"] {
                    try setViz("viz_color", .string(hex.lowercased()), p)
                } else {
                    var channels: [Int] = []
                    for c in ["r", "g", "b"] {
                        guard let t = attributes[c], let v = Int(t.trimmingSpaces), (0...255).contains(v) else {
                            throw fail(
                                p, "expected an integer 0–255 for \(c) in <viz:color>, found \"\(attributes[c] ?? "")\""
                            )
                        }
                        channels.append(v)
                    }
                    let hex = "#" + channels.map { String(format: "%02x", $0) }.joined()
                    try setViz("viz_color", .string(hex), p)
                }
                if let a = try number(attributes, "a", p, element: "color") { try setViz("viz_alpha", .double(a), p) }
            case "size":
                guard parent == "node" else { break }
                if let v = try number(attributes, "value", p, element: "size") { try setViz("viz_size", .double(v), p) }
            case "thickness":
                guard parent == "edge" else { break }
                if let v = try number(attributes, "value", p, element: "thickness") {
                    try setViz("viz_thickness", .double(v), p)
                }
            case "position":
                guard parent == "node" else { break }
                for axis in ["x", "y", "z"] {
                    if let v = try number(attributes, axis, p, element: "position") {
                        try setViz("viz_\(axis)", .double(v), p)
                    }
                }
            case "shape":
                guard parent == "node" || parent == "edge" else { break }
                if let v = attributes["value"] { try setViz("viz_shape", .string(v), p) }
            case "parents", "parent", "spells", "spell":
                if name == "parent" || name == "parents" {
                    throw fail(p, "hierarchical GEXF (<parents>) is not supported")
                }
            default:
                break
            }
        }

        func end(_ name: String, at p: SourcePosition) throws {
            path.removeLast()
            switch name {
            case "default":
                guard collecting else { break }
                collecting = false
                if let id = declaringID, let c = attributeClass {
                    let d = (c == "node" ? nodeDeclared : edgeDeclared)[id]
                    if let d {
                        guard let value = AttributeValue.parse(text, as: d.type) else {
                            throw fail(
                                p, "expected \(d.type.phrase) for the default of \"\(d.title)\", found \"\(text)\"")
                        }
                        if c == "node" {
                            try assembler.nodeAttributes.declare(
                                d.title, type: d.type, default: value, file: file, line: p.line)
                        } else {
                            try assembler.edgeAttributes.declare(
                                d.title, type: d.type, default: value, file: file, line: p.line)
                        }
                    }
                }
            case "attribute": declaringID = nil
            case "attributes": attributeClass = nil
            case "node", "edge": owner = .none
            default: break
            }
        }

        func text(_ string: String) throws {
            if collecting { text += string }
        }

        func finish() throws -> AttributedGraph {
            guard sawGraph else { throw FormatError(file: file, "the file holds no <graph> element") }
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

    static let vizNodeColumns: Set<String> = [
        "viz_color", "viz_alpha", "viz_size", "viz_x", "viz_y", "viz_z", "viz_shape",
    ]
    static let vizEdgeColumns: Set<String> = ["viz_color", "viz_alpha", "viz_thickness", "viz_shape"]

    /// GEXF text for `graph`.
    public static func write(
        _ graph: AttributedGraph, file: String = "<output>", options: GraphWriteOptions = .init()
    ) throws -> Data {
        let g = try WritableGraph(graph, file: file, weightName: "weight")
        let xml = XMLTextWriter(file: file)
        let (namespace, viz, version) =
            options.gexfVersion == .v1_3
            ? ("http://gexf.net/1.3", "http://gexf.net/1.3/viz", "1.3")
            : ("http://www.gexf.net/1.2draft", "http://www.gexf.net/1.2draft/viz", "1.2")
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"\(namespace)\" xmlns:viz=\"\(viz)\" version=\"\(version)\">\n"
        out += "  <meta>\n    <creator>uccn</creator>\n"
        if case let .string(description)? = graph.graphAttributes["description"] {
            out += "    <description>\(try xml.escape(description))</description>\n"
        }
        out += "  </meta>\n"
        var graphOpen = "  <graph defaultedgetype=\"\(g.graph.isDirected ? "directed" : "undirected")\" mode=\"static\""
        if let name = graph.graphAttributes["name"] { graphOpen += " name=\"\(try xml.escape(name.text))\"" }
        out += graphOpen + ">\n"
        func typeName(_ t: AttributeType) -> String {
            switch t {
            case .bool: return "boolean"
            case .int: return "long"
            case .double: return "double"
            case .string: return "string"
            }
        }
        let nodeColumns = g.nodeColumns.filter { $0.name != "label" && !vizNodeColumns.contains($0.name) }
        let edgeColumns = g.edgeColumns.filter {
            !["id", "label"].contains($0.name) && !vizEdgeColumns.contains($0.name)
                && !($0.name == "weight" && $0.type != .string && $0.type != .bool)
        }
        let nodeLabels = g.nodeColumns.first { $0.name == "label" }
        let edgeIDs = g.edgeColumns.first { $0.name == "id" }
        let edgeLabels = g.edgeColumns.first { $0.name == "label" }
        // An unweighted graph read with its weights kept as an ordinary attribute.
        let weightColumn =
            g.graph.isWeighted
            ? nil : g.edgeColumns.first { $0.name == "weight" && $0.type != .string && $0.type != .bool }
        func declarations(_ columns: [AttributeTable.Column], _ c: String) throws {
            guard !columns.isEmpty else { return }
            out += "    <attributes class=\"\(c)\" mode=\"static\">\n"
            for column in columns {
                let name = try xml.escape(column.name)
                out += "      <attribute id=\"\(name)\" title=\"\(name)\" type=\"\(typeName(column.type))\"/>\n"
            }
            out += "    </attributes>\n"
        }
        try declarations(nodeColumns, "node")
        try declarations(edgeColumns, "edge")
        func vizElements(_ table: AttributeTable, row: Int, node: Bool) -> String {
            var s = ""
            if case let .string(hex)? = table[row, "viz_color"], let rgb = parseHex(hex) {
                s += "        <viz:color r=\"\(rgb.0)\" g=\"\(rgb.1)\" b=\"\(rgb.2)\""
                if let a = table[row, "viz_alpha"]?.doubleValue { s += " a=\"\(AttributeValue.format(a))\"" }
                s += "/>\n"
            }
            if node {
                let x = table[row, "viz_x"]?.doubleValue, y = table[row, "viz_y"]?.doubleValue,
                    z = table[row, "viz_z"]?.doubleValue
                if x != nil || y != nil || z != nil {
                    s +=
                        "        <viz:position x=\"\(AttributeValue.format(x ?? 0))\" y=\"\(AttributeValue.format(y ?? 0))\""
                    if let z { s += " z=\"\(AttributeValue.format(z))\"" }
                    s += "/>\n"
                }
                if let size = table[row, "viz_size"]?.doubleValue {
                    s += "        <viz:size value=\"\(AttributeValue.format(size))\"/>\n"
                }
            } else if let t = table[row, "viz_thickness"]?.doubleValue {
                s += "        <viz:thickness value=\"\(AttributeValue.format(t))\"/>\n"
            }
            if case let .string(shape)? = table[row, "viz_shape"], let escaped = try? xml.escape(shape) {
                s += "        <viz:shape value=\"\(escaped)\"/>\n"
            }
            return s
        }
        func attvalues(_ columns: [AttributeTable.Column], row: Int) throws -> String {
            var s = ""
            for column in columns {
                if let value = column.values[row] {
                    s +=
                        "          <attvalue for=\"\(try xml.escape(column.name))\" value=\"\(try xml.escape(value.text))\"/>\n"
                }
            }
            return s.isEmpty ? "" : "        <attvalues>\n\(s)        </attvalues>\n"
        }
        let hasNodeViz = g.nodeColumns.contains { vizNodeColumns.contains($0.name) }
        let hasEdgeViz = g.edgeColumns.contains { vizEdgeColumns.contains($0.name) }
        out += "    <nodes>\n"
        for (u, id) in g.ids.enumerated() {
            var open = "      <node id=\"\(try xml.escape(id))\""
            if let label = nodeLabels?.values[u] { open += " label=\"\(try xml.escape(label.text))\"" }
            let body =
                try attvalues(nodeColumns, row: u)
                + (hasNodeViz ? vizElements(graph.nodeAttributes, row: u, node: true) : "")
            out += body.isEmpty ? open + "/>\n" : open + ">\n" + body + "      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (e, edge) in g.edges.enumerated() {
            var open = "      <edge id=\"\(try xml.escape(edgeIDs?.values[e]?.text ?? String(e)))\""
            open += " source=\"\(try xml.escape(g.ids[edge.source]))\" target=\"\(try xml.escape(g.ids[edge.target]))\""
            if g.graph.isWeighted {
                open += " weight=\"\(AttributeValue.format(edge.weight))\""
            } else if let w = weightColumn?.values[e]?.doubleValue {
                open += " weight=\"\(AttributeValue.format(w))\""
            }
            if let label = edgeLabels?.values[e] { open += " label=\"\(try xml.escape(label.text))\"" }
            let body =
                try attvalues(edgeColumns, row: e)
                + (hasEdgeViz ? vizElements(graph.edgeAttributes, row: e, node: false) : "")
            out += body.isEmpty ? open + "/>\n" : open + ">\n" + body + "      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return Data(out.utf8)
    }

    /// `#rrggbb` → (r, g, b).
    static func parseHex(_ text: String) -> (Int, Int, Int)? {
        var s = Substring(text)
        if s.hasPrefix("#") { s = s.dropFirst() }
        guard s.count == 6, let v = Int(s, radix: 16) else { return nil }
        return ((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF)
    }
}
