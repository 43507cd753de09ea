import Foundation
import GraphCore
import GraphFormats
import GraphRendering

/// Graphviz DOT, read and written by Graphviz's own cgraph library (`agmemread` and
/// `agwrite`) through GraphRendering's `Graphviz.shared`, the process's one serialised
/// owner of Graphviz (Graphviz is not thread-safe).
///
/// Reading: nodes in the order cgraph lists them, with their attributes (a node or edge
/// default such as `node [shape=box]` counts as the attribute of every node that does not
/// set its own); edges with theirs; graph attributes. DOT values are text: each attribute
/// column is typed like a CSV column (integer, double, boolean `true`/`false`, else text).
/// `weight` (per `GraphReadOptions.weightAttribute`) becomes the graph's weights; a
/// `strict` graph's merged edges and repeated edges of other graphs are merged by the
/// duplicate-edge policy; subgraph membership is not kept. HTML-like labels are kept as
/// their text between `<` and `>`. Syntax errors carry Graphviz's line number.
///
/// Writing: `graph`/`digraph` named after the `name` graph attribute, every node with
/// its attributes, every edge with its attributes and weight, written by `agwrite` (which
/// quotes as needed). Values that Graphviz would misread for attributes it knows
/// (`width=abc`, `penwidth=-1`) are refused with the attribute and node named.
///
/// NetworkX equivalents: `nx.nx_agraph.read_dot` and `write_dot` (through pygraphviz,
/// the same cgraph library).
public enum DOTFormat {
    /// DOT as a `GraphFileCodec`, for `GraphLoader` and
    /// `GraphWriter`'s `dot:` parameter.
    public static let codec: any GraphFileCodec = Codec()

    struct Codec: GraphFileCodec {
        func parse(_ data: Data, file: String, options: GraphReadOptions) throws -> AttributedGraph {
            try DOTFormat.parse(data, file: file, options: options)
        }

        func write(_ graph: AttributedGraph, file: String, options: GraphWriteOptions) throws -> Data {
            try DOTFormat.write(graph, file: file, options: options)
        }
    }

    /// Reads the DOT file at `path`.
    ///
    /// - Parameters:
    ///   - path: The file to read.
    ///   - options: Direction, weight attribute, duplicate and self-loop policies, limits.
    /// - Returns: The graph with its node, edge and graph attributes.
    /// - Throws: `FormatError` naming the file, and the line Graphviz gives
    ///   for a syntax error.
    ///
    /// Linear in the file's size (cgraph's parser, then one pass over its nodes and edges).
    public static func read(path: String, options: GraphReadOptions = .init()) throws -> AttributedGraph {
        try parse(TextInput.read(path: path), file: path, options: options)
    }

    /// Parses DOT text held in memory.
    ///
    /// - Parameters:
    ///   - data: UTF-8 text (or UTF-16/32 with a byte-order mark) of one DOT graph.
    ///   - file: The name errors give the input.
    ///   - options: Direction, weight attribute, duplicate and self-loop policies, limits.
    /// - Throws: `FormatError` naming `file`.
    public static func parse(
        _ data: Data, file: String = "<input>", options: GraphReadOptions = .init()
    ) throws -> AttributedGraph {
        let text = try TextInput.decode(data, file: file)
        if text.allSatisfy({ $0.isWhitespace }) {
            throw FormatError(file: file, "the file is empty; expected a DOT graph (graph { … } or digraph { … })")
        }
        try checkSingleGraph(text, file: file)
        let parsed: RenderableGraph
        switch Result(catching: { () throws(RenderError) -> RenderableGraph in try Graphviz.shared.parseDOT(text) }) {
        case let .success(graph): parsed = graph
        case let .failure(error): throw formatError(error, file: file)
        }
        var assembler = GraphAssembler(file: file, options: options)
        for (name, value) in parsed.graphAttributes {
            assembler.graphAttributes[name] = typed(value)
        }
        if !parsed.name.isEmpty && !parsed.name.hasPrefix("%") {
            assembler.graphAttributes["name"] = .string(parsed.name)
        }
        for node in parsed.nodes {
            let row = try assembler.addNode(node.name, line: nil)
            for (name, value) in merged(parsed.nodeDefaults, node.attributes) {
                try assembler.setNode(row, name, typed(value), line: nil)
            }
        }
        for edge in parsed.edges {
            let u = try assembler.node(edge.tail, create: false, line: nil, context: "the graph's nodes")
            let v = try assembler.node(edge.head, create: false, line: nil, context: "the graph's nodes")
            let row = try assembler.addEdge(u, v, line: nil)
            for (name, value) in merged(parsed.edgeDefaults, edge.attributes) {
                try assembler.setEdge(row, name, typed(value), line: nil)
            }
        }
        return try assembler.build(directed: parsed.isDirected)
    }

    /// Refuses text after the first graph. Graphviz's parser keeps such text buffered
    /// for its next call, and when that text is an unfinished string (`graph { a }"`) the
    /// next file read in the process fails with its syntax error (found by fuzzing).
    /// The scan knows DOT's strings, HTML strings, comments and braces.
    static func checkSingleGraph(_ text: String, file: String) throws {
        let b = Array(text.utf8)
        var i = 0, depth = 0, opened = false, line = 1
        var atLineStart = true
        func skipComment() -> Bool {
            guard i < b.count else { return false }
            if b[i] == UInt8(ascii: "/") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "/")
                || b[i] == UInt8(ascii: "#") && atLineStart
            {
                while i < b.count && b[i] != 0x0A { i += 1 }
                return true
            }
            if b[i] == UInt8(ascii: "/") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "*") {
                i += 2
                while i + 1 < b.count && !(b[i] == UInt8(ascii: "*") && b[i + 1] == UInt8(ascii: "/")) {
                    if b[i] == 0x0A { line += 1 }
                    i += 1
                }
                i = min(i + 2, b.count)
                return true
            }
            return false
        }
        while i < b.count {
            let c = b[i]
            if c == 0x0A { line += 1; atLineStart = true; i += 1; continue }
            if c == 0x20 || c == 0x09 || c == 0x0D { i += 1; continue }
            if skipComment() { continue }
            atLineStart = false
            if opened && depth == 0 {
                throw FormatError(
                    file: file, line: line,
                    "unexpected text after the end of the graph; a DOT file holds one graph")
            }
            switch c {
            case UInt8(ascii: "\""):
                i += 1
                while i < b.count && b[i] != UInt8(ascii: "\"") {
                    if b[i] == UInt8(ascii: "\\") { i += 1 }
                    if i < b.count && b[i] == 0x0A { line += 1 }
                    i += 1
                }
                i += 1
            case UInt8(ascii: "<"):
                var nesting = 0
                while i < b.count {
                    if b[i] == UInt8(ascii: "<") { nesting += 1 }
                    if b[i] == UInt8(ascii: ">") { nesting -= 1; if nesting == 0 { break } }
                    if b[i] == 0x0A { line += 1 }
                    i += 1
                }
                i += 1
            case UInt8(ascii: "{"):
                depth += 1
                opened = true
                i += 1
            case UInt8(ascii: "}"):
                depth -= 1
                i += 1
            default:
                i += 1
            }
        }
    }

    /// Own attributes over defaults, without empty values, in name order (so columns
    /// come out in the same order on every run).
    static func merged(_ defaults: GraphvizAttributes, _ own: GraphvizAttributes) -> [(String, GraphvizValue)] {
        var all = defaults
        for (k, v) in own { all[k] = v }
        return all.filter { !$0.value.string.isEmpty }.sorted { $0.key < $1.key }
    }

    static func typed(_ value: GraphvizValue) -> AttributeValue {
        switch value {
        case let .html(s): return .string("<\(s)>")
        case let .text(s):
            let type = AttributeValue.infer(s)
            return AttributeValue.parse(s, as: type) ?? .string(s)
        }
    }

    /// A ``FormatError`` for what Graphviz reported, with the line when it gave one
    /// ("syntax error in line 3 near 'x'").
    static func formatError(_ error: RenderError, file: String) -> FormatError {
        let text: String
        if case let .graphviz(_, messages) = error {
            text = messages.joined(separator: "; ")
        } else {
            text = error.description
        }
        var line: Int?
        if let range = text.range(of: "line ") {
            let digits = text[range.upperBound...].prefix { $0.isNumber }
            line = Int(digits)
        }
        let cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return FormatError(file: file, line: line, "DOT: \(cleaned.isEmpty ? "syntax error" : cleaned)")
    }

    // MARK: - Writing

    /// The DOT text of `graph`, written by Graphviz's `agwrite`.
    ///
    /// - Parameters:
    ///   - graph: The graph to write.
    ///   - file: The name errors give the output.
    ///   - options: The weight attribute's name.
    /// - Throws: `FormatError` when a value is one Graphviz would misread.
    public static func write(
        _ graph: AttributedGraph, file: String = "<output>", options: GraphWriteOptions = .init()
    ) throws -> Data {
        let g = try WritableGraph(graph, file: file, weightName: options.weightAttribute)
        var out = RenderableGraph(name: graph.graphAttributes["name"]?.text ?? "G", isDirected: g.graph.isDirected)
        for (name, value) in g.graphAttributes where name != "name" {
            out.graphAttributes[name] = .text(value.text)
        }
        out.nodes.reserveCapacity(g.ids.count)
        for (u, id) in g.ids.enumerated() {
            var attributes: GraphvizAttributes = [:]
            for column in g.nodeColumns {
                if let value = column.values[u] { attributes[column.name] = .text(value.text) }
            }
            out.nodes.append(.init(id, attributes: attributes))
        }
        out.edges.reserveCapacity(g.edges.count)
        for (e, edge) in g.edges.enumerated() {
            var attributes: GraphvizAttributes = [:]
            for column in g.edgeColumns {
                if let value = column.values[e] { attributes[column.name] = .text(value.text) }
            }
            if let weightName = g.weightName { attributes[weightName] = .text(AttributeValue.format(edge.weight)) }
            out.edges.append(.init(g.ids[edge.source], g.ids[edge.target], attributes: attributes))
        }
        let result: Result<String, RenderError> = Result { () throws(RenderError) -> String in
            try Graphviz.shared.writeDOT(out)
        }
        switch result {
        case let .success(text):
            return Data(text.utf8)
        case let .failure(.invalidAttribute(owner, name, value, expected)):
            throw FormatError(
                file: file,
                "\(owner) has \(name)=\"\(value)\", which Graphviz would misread (expected \(expected)); rename the attribute or choose another format"
            )
        case let .failure(error):
            throw FormatError(file: file, "cannot write DOT: \(error)")
        }
    }
}
