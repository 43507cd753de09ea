import Foundation
import GraphCore

/// Reads a graph file in any supported format.
public enum GraphLoader {
    /// Reads the graph at `path`, in `format` or the format its extension names
    /// (`.edges`/`.txt`/`.el` edge lists, `.csv`, `.graphml`/`.xml`, `.gexf`, `.json`,
    /// `.dot`/`.gv`).
    ///
    /// - Parameters:
    ///   - path: The file to read.
    ///   - format: The file's format; `nil` tells it from the extension.
    ///   - options: Direction, weight attribute, duplicate and self-loop policies, limits.
    ///   - dot: The reader for DOT files (`DOTFormat.codec` from GraphvizDOT, which reads
    ///     them with Graphviz's own parser); without it a DOT file is an error.
    /// - Returns: The graph with its node, edge and graph attributes.
    /// - Throws: ``FormatError`` naming the file, line and column of the first problem.
    ///
    /// Reading is linear in the file's size. NetworkX equivalents: `read_edgelist`,
    /// `read_graphml`, `read_gexf`, `node_link_graph`, `nx.nx_agraph.read_dot`.
    public static func load(
        path: String, format: GraphFileFormat? = nil, options: GraphReadOptions = .init(),
        dot: (any GraphFileCodec)? = nil
    ) throws -> AttributedGraph {
        guard let format = format ?? GraphFileFormat(path: path) else {
            throw FormatError(
                file: path,
                "cannot tell the format from the file name; name it with --from (\(GraphFileFormat.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        switch format {
        case .edgeList: return try EdgeListFormat.readAttributed(path: path, options: options)
        case .csv: return try CSVFormat.read(path: path, options: options)
        case .graphml: return try GraphMLFormat.read(path: path, options: options)
        case .gexf: return try GEXFFormat.read(path: path, options: options)
        case .json: return try NodeLinkJSONFormat.read(path: path, options: options)
        case .dot:
            guard let dot else { throw format.missingCodec(file: path) }
            return try dot.parse(TextInput.read(path: path), file: path, options: options)
        }
    }

    /// Parses in-memory bytes in `format` (`file` names them in errors). CSV reads an
    /// edges table only.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - format: Their format.
    ///   - file: The name errors give the input.
    ///   - options: Direction, weight attribute, duplicate and self-loop policies, limits.
    ///   - dot: The reader for DOT (`DOTFormat.codec` from GraphvizDOT).
    /// - Throws: ``FormatError`` naming `file`, the line and column of the first problem.
    public static func parse(
        _ data: Data, format: GraphFileFormat, file: String = "<input>", options: GraphReadOptions = .init(),
        dot: (any GraphFileCodec)? = nil
    ) throws -> AttributedGraph {
        switch format {
        case .edgeList:
            var readOptions = EdgeListFormat.ReadOptions(
                directed: options.directed, ignoreWeights: options.weightAttribute == nil)
            readOptions.selfLoops = options.selfLoops
            readOptions.duplicates = options.duplicates
            try EdgeListFormat.checkDeclaredNodeCount(data, file: file, maxNodes: options.maxNodes)
            return AttributedGraph(graph: try EdgeListFormat.parse(data, file: file, options: readOptions))
        case .csv: return try CSVFormat.parse(edges: data, file: file, options: options)
        case .graphml: return try GraphMLFormat.parse(data, file: file, options: options)
        case .gexf: return try GEXFFormat.parse(data, file: file, options: options)
        case .json: return try NodeLinkJSONFormat.parse(data, file: file, options: options)
        case .dot:
            guard let dot else { throw format.missingCodec(file: file) }
            return try dot.parse(data, file: file, options: options)
        }
    }
}

/// Writes a graph file in any supported format, atomically.
public enum GraphWriter {
    /// The files `write(_:to:format:options:)` would create for `path`.
    public static func outputPaths(
        for path: String, format: GraphFileFormat, options: GraphWriteOptions = .init()
    ) -> [String] {
        format == .csv ? [path, options.nodesFile ?? CSVFormat.defaultNodesPath(forEdges: path)] : [path]
    }

    /// The bytes of each file for `graph` in `format`: one file, or for CSV the edges
    /// table then the nodes table.
    ///
    /// - Parameters:
    ///   - graph: The graph to write.
    ///   - format: The format to write.
    ///   - file: The name errors give the output.
    ///   - options: GEXF version, weight attribute name, CSV nodes table.
    ///   - dot: The writer for DOT (`DOTFormat.codec` from GraphvizDOT).
    /// - Throws: ``FormatError`` when the graph cannot be written in `format`.
    public static func render(
        _ graph: AttributedGraph, format: GraphFileFormat, file: String = "<output>",
        options: GraphWriteOptions = .init(), dot: (any GraphFileCodec)? = nil
    ) throws -> [Data] {
        switch format {
        case .edgeList: return [try EdgeListFormat.writeAttributed(graph, file: file)]
        case .csv:
            let tables = try CSVFormat.write(graph, file: file, options: options)
            return [tables.edges, tables.nodes]
        case .graphml: return [try GraphMLFormat.write(graph, file: file, options: options)]
        case .gexf: return [try GEXFFormat.write(graph, file: file, options: options)]
        case .json: return [try NodeLinkJSONFormat.write(graph, file: file, options: options)]
        case .dot:
            guard let dot else { throw format.missingCodec(file: file) }
            return [try dot.write(graph, file: file, options: options)]
        }
    }

    /// Writes `graph` to `path` in `format` (or the format its extension names). CSV
    /// writes the edges table to `path` and the nodes table beside it. Nothing is written
    /// when an error is thrown.
    ///
    /// - Parameters:
    ///   - graph: The graph to write.
    ///   - path: The output file.
    ///   - format: The format; `nil` tells it from the extension.
    ///   - options: GEXF version, weight attribute name, CSV nodes table.
    ///   - dot: The writer for DOT (`DOTFormat.codec` from GraphvizDOT).
    /// - Returns: The paths written.
    /// - Throws: ``FormatError`` naming the file.
    @discardableResult
    public static func write(
        _ graph: AttributedGraph, to path: String, format: GraphFileFormat? = nil, options: GraphWriteOptions = .init(),
        dot: (any GraphFileCodec)? = nil
    ) throws -> [String] {
        guard let format = format ?? GraphFileFormat(path: path) else {
            throw FormatError(
                file: path,
                "cannot tell the output format from the file name; name it with --to (\(GraphFileFormat.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        let blobs = try render(graph, format: format, file: path, options: options, dot: dot)
        let paths = outputPaths(for: path, format: format, options: options)
        // Every byte is rendered before anything is written; each file is then written
        // atomically (GraphCore's AtomicFile), and when a later file cannot be written,
        // the earlier ones that did not exist before are removed again.
        var created: [String] = []
        for (data, file) in zip(blobs, paths).reversed() {
            let existed = FileManager.default.fileExists(atPath: file)
            do {
                try AtomicFile.write(data, to: URL(fileURLWithPath: file))
            } catch {
                for path in created { try? FileManager.default.removeItem(atPath: path) }
                throw FormatError(file: file, "cannot write the file: \(error.reason)")
            }
            if !existed { created.append(file) }
        }
        return paths
    }
}
