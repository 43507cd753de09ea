import Foundation
import GraphCore

/// Plain edge lists: one edge per line, `u v` or `u v w`, separated by spaces or tabs;
/// `#` starts a comment. This is what the benchmark harness writes
/// (`make_graphs.py`), with an optional header comment
/// `# n=34 m=78 directed=false weighted=false` that fixes the node count (nodes
/// `0..<n`, isolated ones included), the direction and whether a third column is a
/// weight.
///
/// Without that header the graph is undirected, nodes are numbered in order of first
/// appearance, and it is weighted when any line has a third column (then every line
/// must have one).
///
/// - Complexity: one pass over the bytes; O(n + m) memory.
public enum EdgeListFormat {
    /// Options for reading.
    public struct ReadOptions: Sendable {
        /// Treat edges as directed (overrides the header when set).
        public var directed: Bool?
        /// Ignore a third column even when present.
        public var ignoreWeights: Bool = false
        public var selfLoops: SelfLoopPolicy = .keep
        public var duplicates: DuplicateEdgePolicy = .sum
        public init(directed: Bool? = nil, ignoreWeights: Bool = false) {
            self.directed = directed
            self.ignoreWeights = ignoreWeights
        }
    }

    /// Reads the edge list at `path`.
    public static func read(path: String, options: ReadOptions = .init()) throws -> Graph {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FormatError(file: path, "cannot read the file: \(error.localizedDescription)")
        }
        return try parse(data, file: path, options: options)
    }

    /// Parses edge-list text.
    public static func parse(_ data: Data, file: String = "<input>", options: ReadOptions = .init()) throws -> Graph {
        try data.withUnsafeBytes { raw -> Graph in
            let bytes = raw.bindMemory(to: UInt8.self)
            return try parse(bytes: bytes, file: file, options: options)
        }
    }

    private struct Header {
        var n: Int?
        var directed: Bool?
        var weighted: Bool?
    }

    private static func parseHeader(_ line: Substring, into header: inout Header) {
        for token in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "#" }) {
            let parts = token.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "n": header.n = Int(parts[1])
            case "directed": header.directed = parts[1] == "true"
            case "weighted": header.weighted = parts[1] == "true"
            default: break
            }
        }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>, file: String, options: ReadOptions) throws -> Graph {
        let count = bytes.count
        // Pass 1: header comments before the first edge line, and the column count.
        var header = Header()
        var position = 0
        var sawThirdColumn = false
        do {
            var p = 0
            while p < count {
                var end = p
                while end < count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let lineBytes = UnsafeBufferPointer(rebasing: bytes[p..<end])
                let text = String(decoding: lineBytes, as: UTF8.self)
                let trimmed = text.drop { $0 == " " || $0 == "\t" }
                if trimmed.hasPrefix("#") {
                    parseHeader(trimmed, into: &header)
                } else if !trimmed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    sawThirdColumn = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).count >= 3
                    break
                }
                p = end + 1
            }
        }
        let directed = options.directed ?? header.directed ?? false
        let weighted = !options.ignoreWeights && (header.weighted ?? sawThirdColumn)
        var builder = GraphBuilder(
            directed: directed, weighted: weighted,
            selfLoops: options.selfLoops, duplicates: options.duplicates)
        let numericIDs = header.n != nil
        if let n = header.n {
            guard n >= 0, n < Int(Int32.max) else {
                throw FormatError(file: file, line: 1, "header says n=\(n); expected 0 ≤ n < \(Int32.max)")
            }
            builder.reserveCapacity(nodes: n, edges: 0)
            for i in 0..<n { try builder.addNode(String(i)) }
        }

        // Pass 2: edges.
        var line = 0
        position = 0
        var fields: [Substring] = []
        while position < count {
            line += 1
            var end = position
            while end < count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            defer { position = end + 1 }
            // Fast path for `int int [number]` lines; anything else goes through Strings.
            var p = position
            func skipBlanks() { while p < end && (bytes[p] == 32 || bytes[p] == 9 || bytes[p] == 13) { p += 1 } }
            skipBlanks()
            if p == end || bytes[p] == UInt8(ascii: "#") { continue }
            let lineBytes = UnsafeBufferPointer(rebasing: bytes[position..<end])
            guard let text = String(validating: lineBytes, as: UTF8.self) else {
                throw FormatError(file: file, line: line, "the line is not valid UTF-8")
            }
            let content = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { continue }
            guard fields.count >= 2 else {
                throw FormatError(file: file, line: line, "expected two node ids (and an optional weight), found \"\(content)\"")
            }
            if weighted && fields.count < 3 {
                throw FormatError(file: file, line: line, "expected a weight in the third column (the file is weighted)")
            }
            if fields.count > 3 {
                throw FormatError(file: file, line: line, "expected at most three columns (u v weight), found \(fields.count)")
            }
            var weight = 1.0
            if weighted {
                guard let w = Double(fields[2]) else {
                    throw FormatError(file: file, line: line, column: columnOf(fields[2], in: text),
                                      "expected a number for the weight, found \"\(fields[2])\"")
                }
                guard w.isFinite, w >= 0 else {
                    throw FormatError(file: file, line: line, column: columnOf(fields[2], in: text),
                                      "weight \(fields[2]) is not allowed; weights must be finite and not negative")
                }
                weight = w
            }
            let u: Int, v: Int
            if numericIDs {
                guard let a = Int(fields[0]), a >= 0, a < builder.nodeCount else {
                    throw FormatError(file: file, line: line, column: columnOf(fields[0], in: text),
                                      "expected a node id between 0 and \(builder.nodeCount - 1) (the header says n=\(builder.nodeCount)), found \"\(fields[0])\"")
                }
                guard let b = Int(fields[1]), b >= 0, b < builder.nodeCount else {
                    throw FormatError(file: file, line: line, column: columnOf(fields[1], in: text),
                                      "expected a node id between 0 and \(builder.nodeCount - 1) (the header says n=\(builder.nodeCount)), found \"\(fields[1])\"")
                }
                u = a; v = b
            } else {
                do {
                    u = try builder.addNode(String(fields[0]))
                    v = try builder.addNode(String(fields[1]))
                } catch let error as GraphError {
                    throw FormatError(file: file, line: line, graphError: error)
                }
            }
            do {
                try builder.addEdge(u, v, weight: weight)
            } catch let error as GraphError {
                throw FormatError(file: file, line: line, graphError: error)
            }
        }
        do {
            return try builder.build()
        } catch let error as GraphError {
            throw FormatError(file: file, graphError: error)
        }
    }

    private static func columnOf(_ field: Substring, in text: String) -> Int {
        text.distance(from: text.startIndex, to: field.startIndex) + 1
    }

    /// Writes `graph` as an edge list with the harness's header.
    public static func write(_ graph: Graph, name: String = "graph") -> String {
        var out = "# graph: \(name)\n"
        out += "# n=\(graph.nodeCount) m=\(graph.edgeCount) directed=\(graph.isDirected) weighted=\(graph.isWeighted)\n"
        let numeric = graph.ids.enumerated().allSatisfy { $0.element == String($0.offset) }
        if !numeric {
            out += "# ids: node indices; the id of node i is on line 'node i ID' below\n"
            for (i, id) in graph.ids.enumerated() { out += "# node \(i) \(id)\n" }
        }
        graph.forEachEdge { u, v, w in
            if graph.isWeighted {
                out += "\(u) \(v) \(w)\n"
            } else {
                out += "\(u) \(v)\n"
            }
        }
        return out
    }
}
