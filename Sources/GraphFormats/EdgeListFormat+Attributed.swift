import Foundation
import GraphCore

extension EdgeListFormat {
    /// Reads an edge list as an `AttributedGraph` (edge lists carry no attributes).
    /// `options.directed` forces the direction; `options.weightAttribute == nil` ignores a
    /// third column.
    public static func readAttributed(path: String, options: GraphReadOptions = .init()) throws -> AttributedGraph {
        let data = try TextInput.read(path: path)
        if let mark = TextInput.mark(of: data), mark != .utf8 {
            throw FormatError(file: path, "the file is \(mark) text; edge lists must be UTF-8 or ASCII")
        }
        var readOptions = ReadOptions(directed: options.directed, ignoreWeights: options.weightAttribute == nil)
        readOptions.selfLoops = options.selfLoops
        readOptions.duplicates = options.duplicates
        try checkDeclaredNodeCount(data, file: path, maxNodes: options.maxNodes)
        let graph = try parse(data, file: path, options: readOptions)
        guard graph.nodeCount <= options.maxNodes else {
            throw FormatError(
                file: path,
                "more than \(options.maxNodes) nodes; raise the limit with --max-nodes (GraphReadOptions.maxNodes)")
        }
        return AttributedGraph(graph: graph)
    }

    /// Refuses a header whose `n=` exceeds `maxNodes` before the reader creates that many
    /// nodes (a corrupted `# n=355555554` would otherwise allocate hundreds of millions
    /// of ids).
    static func checkDeclaredNodeCount(_ data: Data, file: String, maxNodes: Int) throws {
        var line = 0
        for rawLine in data.prefix(1 << 20).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            line += 1
            // Blanks as the reader skips them (spaces, tabs, carriage returns).
            let content = rawLine.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            guard let first = content.first else { continue }
            guard first == UInt8(ascii: "#") else { return }
            let text = String(decoding: content, as: UTF8.self)
            for token in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "#" || $0 == "\r" }) {
                let parts = token.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0] == "n", let n = Int(parts[1]) else { continue }
                if n > maxNodes {
                    throw FormatError(
                        file: file, line: line,
                        "the header says n=\(n), more than the limit of \(maxNodes) nodes; raise it with --max-nodes (GraphReadOptions.maxNodes)"
                    )
                }
            }
        }
    }

    /// Edge-list text for `graph`. Graphs whose ids are `0..<n` in order get the
    /// `# n=… m=…` header (so isolated nodes survive); others are written with their ids,
    /// which must then be free of spaces, tabs and `#`. Attributes are not written: an
    /// edge list holds only structure and weights.
    public static func writeAttributed(_ graph: AttributedGraph, file: String = "<output>") throws -> Data {
        let g = graph.graph
        let numeric = g.ids.enumerated().allSatisfy { $0.element == String($0.offset) }
        if numeric { return Data(write(g, name: graph.graphAttributes["name"]?.text ?? "graph").utf8) }
        for id in g.ids where id.isEmpty || id.contains(where: { $0 == " " || $0 == "\t" || $0 == "#" || $0.isNewline })
        {
            throw FormatError(
                file: file,
                "node id \(id.debugDescription) cannot be written in an edge list (it is empty or holds a space, tab, newline or #); choose CSV, GraphML, GEXF or JSON"
            )
        }
        var out = "# directed=\(g.isDirected) weighted=\(g.isWeighted)\n"
        let isolated = (0..<g.nodeCount).filter { g.degree(of: $0) == 0 && g.inDegree(of: $0) == 0 }
        if !isolated.isEmpty {
            out +=
                "# \(isolated.count) isolated node(s) are not written: an edge list without node numbers cannot hold them\n"
        }
        g.forEachEdge { u, v, w in
            if g.isWeighted {
                out += "\(g.ids[u]) \(g.ids[v]) \(AttributeValue.format(w))\n"
            } else {
                out += "\(g.ids[u]) \(g.ids[v])\n"
            }
        }
        return Data(out.utf8)
    }
}
