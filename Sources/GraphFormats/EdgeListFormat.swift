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
/// appearance, and it is weighted when its edge lines have a third column. The whole file
/// decides: a file where some edge lines have a weight and others do not is refused
/// (naming the first line of each kind), whatever their order. Weights are finite numbers;
/// negative ones are read (measures that need non-negative weights refuse them).
///
/// - Complexity: one pass over the bytes; O(n + m) memory.
public enum EdgeListFormat {
    /// Options for reading.
    public struct ReadOptions: Sendable {
        /// Treat edges as directed (overrides the header when set).
        public var directed: Bool?
        /// Ignore a third column even when present.
        public var ignoreWeights: Bool = false
        /// What to do with a line `u u` (default: keep it).
        public var selfLoops: SelfLoopPolicy = .keep
        /// What to do with an edge listed twice (default: one edge, weights summed).
        public var duplicates: DuplicateEdgePolicy = .sum
        /// Options: direction from the header unless `directed` is set; weights read unless
        /// `ignoreWeights`.
        public init(directed: Bool? = nil, ignoreWeights: Bool = false) {
            self.directed = directed
            self.ignoreWeights = ignoreWeights
        }
    }

    /// Reads the edge list at `path` (memory-mapped when possible); NetworkX:
    /// `read_edgelist` / `read_weighted_edgelist`.
    ///
    /// - Throws: ``FormatError`` naming the file, line and column of the first problem.
    /// - Complexity: Linear in the file's size.
    public static func read(path: String, options: ReadOptions = .init()) throws -> Graph {
        try parse(try TextInput.read(path: path), file: path, options: options)
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

    @inline(__always)
    private static func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 13 }

    /// A line being parsed: its bytes, number and the byte ranges of its fields.
    private struct Line {
        let bytes: UnsafeBufferPointer<UInt8>
        let start: Int
        /// End of the content (a `#` comment or the line end).
        let end: Int
        let number: Int
        let file: String

        var text: String { String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) }

        func field(_ r: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
        }

        /// 1-based column (in characters) of byte offset `p`.
        func column(_ p: Int) -> Int {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<p]), as: UTF8.self).count + 1
        }

        func error(_ message: String, at p: Int? = nil) -> FormatError {
            FormatError(file: file, line: number, column: p.map(column), message)
        }
    }

    /// Parses a non-negative decimal integer (optional `+`), or `nil`.
    @inline(__always)
    private static func parseIndex(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        var p = r.lowerBound
        if p < r.upperBound && bytes[p] == UInt8(ascii: "+") { p += 1 }
        guard p < r.upperBound, r.upperBound - p <= 18 else { return nil }
        var value = 0
        while p < r.upperBound {
            let d = Int(bytes[p]) &- 48
            guard d >= 0 && d <= 9 else { return nil }
            value = value &* 10 &+ d
            p += 1
        }
        return value
    }

    /// Parses a number the way `Double(String)` does: integers directly, anything else
    /// through `strtod` on a NUL-terminated copy.
    @inline(__always)
    private static func parseNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Double? {
        if r.count <= 15, let i = parseIndex(bytes, r) { return Double(i) }
        let length = r.count
        guard length > 0, length < 256 else {
            return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self))
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer -> Double? in
            for i in 0..<length { buffer[i] = CChar(bitPattern: bytes[r.lowerBound + i]) }
            buffer[length] = 0
            var end: UnsafeMutablePointer<CChar>? = nil
            let value = strtod(buffer.baseAddress!, &end)
            guard let end, end == buffer.baseAddress! + length else { return nil }
            // strtod skips leading blanks; a field never starts with one.
            return value
        }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>, file: String, options: ReadOptions) throws -> Graph {
        let count = bytes.count
        let newline = UInt8(ascii: "\n"), hash = UInt8(ascii: "#")
        // Pass 1: header comments, and which edge lines have a third column (the first line
        // with two columns and the first with three or more).
        var header = Header()
        var firstWithWeight: Int?
        var firstWithoutWeight: Int?
        do {
            var p = 0
            var lineNumber = 0
            var seenEdge = false
            while p < count {
                lineNumber += 1
                var end = p
                while end < count && bytes[end] != newline { end += 1 }
                var q = p
                while q < end && isBlank(bytes[q]) { q += 1 }
                if q < end && bytes[q] == hash {
                    // Header comments count before the first edge line only.
                    if !seenEdge {
                        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[q..<end]), as: UTF8.self)
                        parseHeader(Substring(text), into: &header)
                    }
                } else if q < end {
                    var fields = 0
                    while q < end && bytes[q] != hash && fields < 3 {
                        while q < end && isBlank(bytes[q]) { q += 1 }
                        if q >= end || bytes[q] == hash { break }
                        fields += 1
                        while q < end && !isBlank(bytes[q]) && bytes[q] != hash { q += 1 }
                    }
                    if fields > 0 {
                        seenEdge = true
                        if fields >= 3 {
                            if firstWithWeight == nil { firstWithWeight = lineNumber }
                        } else if firstWithoutWeight == nil {
                            firstWithoutWeight = lineNumber
                        }
                        if header.weighted != nil || (firstWithWeight != nil && firstWithoutWeight != nil) { break }
                    }
                }
                p = end + 1
            }
        }
        if header.weighted == nil, !options.ignoreWeights, let with = firstWithWeight, let without = firstWithoutWeight
        {
            throw FormatError(
                file: file, line: max(with, without),
                "line \(with) has a weight in the third column but line \(without) has none; give every edge a weight, or none"
            )
        }
        let sawThirdColumn = firstWithWeight != nil
        let directed = options.directed ?? header.directed ?? false
        let weighted = !options.ignoreWeights && (header.weighted ?? sawThirdColumn)
        let numericIDs = header.n != nil
        var ids: [String] = []
        var index: [String: Int32] = [:]
        var nodeCount = 0
        if let n = header.n {
            guard n >= 0, n < Int(Int32.max) else {
                throw FormatError(file: file, line: 1, "header says n=\(n); expected 0 ≤ n < \(Int32.max)")
            }
            nodeCount = n
        }

        // Pass 2: edges, straight from the bytes.
        var sources: [Int32] = []
        var destinations: [Int32] = []
        var edgeWeights: [Double] = []
        let estimate = min(count / 4, Int(Int32.max))
        sources.reserveCapacity(estimate / 2)
        destinations.reserveCapacity(estimate / 2)
        if weighted { edgeWeights.reserveCapacity(estimate / 2) }

        var lineNumber = 0
        var position = 0
        while position < count {
            lineNumber += 1
            var end = position
            while end < count && bytes[end] != newline { end += 1 }
            let lineStart = position
            position = end + 1
            var p = lineStart
            while p < end && isBlank(bytes[p]) { p += 1 }
            if p == end || bytes[p] == hash { continue }
            // Field ranges (at most four kept; a fourth is an error).
            var contentEnd = p
            while contentEnd < end && bytes[contentEnd] != hash { contentEnd += 1 }
            var f0 = 0..<0, f1 = 0..<0, f2 = 0..<0
            var fieldCount = 0
            var q = p
            while q < contentEnd {
                while q < contentEnd && isBlank(bytes[q]) { q += 1 }
                if q >= contentEnd { break }
                let s = q
                while q < contentEnd && !isBlank(bytes[q]) { q += 1 }
                switch fieldCount {
                case 0: f0 = s..<q
                case 1: f1 = s..<q
                case 2: f2 = s..<q
                default: break
                }
                fieldCount += 1
            }
            let line = Line(bytes: bytes, start: lineStart, end: contentEnd, number: lineNumber, file: file)
            if fieldCount == 0 { continue }
            guard fieldCount >= 2 else {
                throw line.error("expected two node ids (and an optional weight), found \"\(line.text)\"")
            }
            if weighted && fieldCount < 3 {
                throw line.error("expected a weight in the third column (the file is weighted)")
            }
            if fieldCount > 3 {
                throw line.error("expected at most three columns (u v weight), found \(fieldCount)")
            }
            if weighted {
                guard let w = parseNumber(bytes, f2) else {
                    if String(validating: UnsafeBufferPointer(rebasing: bytes[f2]), as: UTF8.self) == nil {
                        throw line.error("the line is not valid UTF-8")
                    }
                    throw line.error("expected a number for the weight, found \"\(line.field(f2))\"", at: f2.lowerBound)
                }
                guard w.isFinite else {
                    throw line.error(
                        "weight \(line.field(f2)) is not allowed; weights must be finite numbers",
                        at: f2.lowerBound)
                }
                edgeWeights.append(w)
            }
            if numericIDs {
                for r in [f0, f1] {
                    guard let a = parseIndex(bytes, r), a < nodeCount else {
                        throw line.error(
                            "expected a node id between 0 and \(nodeCount - 1) (the header says n=\(nodeCount)), found \"\(line.field(r))\"",
                            at: r.lowerBound)
                    }
                }
                sources.append(Int32(parseIndex(bytes, f0) ?? 0))
                destinations.append(Int32(parseIndex(bytes, f1) ?? 0))
            } else {
                for (k, r) in [f0, f1].enumerated() {
                    guard let id = String(validating: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self) else {
                        throw line.error("the line is not valid UTF-8")
                    }
                    let node: Int32
                    if let existing = index[id] {
                        node = existing
                    } else {
                        guard ids.count < Int(Int32.max) else {
                            throw line.error(GraphError.tooLarge(what: "nodes", count: ids.count + 1).description)
                        }
                        node = Int32(ids.count)
                        ids.append(id)
                        index[id] = node
                    }
                    if k == 0 { sources.append(node) } else { destinations.append(node) }
                }
            }
            guard sources.count < Int(Int32.max) / 2 else {
                throw line.error(GraphError.tooLarge(what: "edges", count: sources.count).description)
            }
            if options.selfLoops == .reject, sources.last == destinations.last {
                throw line.error(GraphError.selfLoopRejected(node: line.field(f0)).description)
            }
        }
        if numericIDs {
            ids = (0..<nodeCount).map { String($0) }
            index = [:]
        } else {
            nodeCount = ids.count
        }

        if options.selfLoops == .keep && options.duplicates == .sum {
            return assembleCSR(
                nodeCount: nodeCount, directed: directed, sources: &sources, destinations: &destinations,
                weights: weighted ? edgeWeights : nil, ids: ids, index: numericIDs ? nil : index)
        }
        // Other policies: the general builder.
        var builder = GraphBuilder(
            directed: directed, weighted: weighted, selfLoops: options.selfLoops, duplicates: options.duplicates)
        builder.reserveCapacity(nodes: nodeCount, edges: sources.count)
        do {
            for id in ids { try builder.addNode(id) }
            for e in sources.indices {
                try builder.addEdge(Int(sources[e]), Int(destinations[e]), weight: weighted ? edgeWeights[e] : 1)
            }
            return try builder.build()
        } catch let error as GraphError {
            throw FormatError(file: file, graphError: error)
        }
    }

    /// Builds the CSR graph directly (self-loops kept, repeated edges merged with summed
    /// weights: `GraphBuilder`'s defaults) without the builder's per-edge bookkeeping.
    private static func assembleCSR(
        nodeCount n: Int, directed: Bool, sources: inout [Int32], destinations: inout [Int32],
        weights: [Double]?, ids: [String], index: [String: Int32]?
    ) -> Graph {
        let m = sources.count
        var offsets = [Int32](repeating: 0, count: n + 1)
        for e in 0..<m {
            offsets[Int(sources[e]) + 1] += 1
            if !directed { offsets[Int(destinations[e]) + 1] += 1 }
        }
        for u in 0..<n { offsets[u + 1] += offsets[u] }
        let arcTotal = Int(offsets[n])
        var targets = [Int32](repeating: 0, count: arcTotal)
        var arcWeights: [Double] = weights == nil ? [] : [Double](repeating: 0, count: arcTotal)
        do {
            var cursor = offsets
            for e in 0..<m {
                let u = Int(sources[e]), v = Int(destinations[e])
                let a = Int(cursor[u]); cursor[u] += 1
                targets[a] = Int32(v)
                if let weights { arcWeights[a] = weights[e] }
                if !directed {
                    let b = Int(cursor[v]); cursor[v] += 1
                    targets[b] = Int32(u)
                    if let weights { arcWeights[b] = weights[e] }
                }
            }
        }
        sources = []
        destinations = []
        // Sort each row by target, then merge repeats in place.
        var write = 0
        var newOffsets = [Int32](repeating: 0, count: n + 1)
        var pairs: [(Int32, Double)] = []
        targets.withUnsafeMutableBufferPointer { t in
            arcWeights.withUnsafeMutableBufferPointer { w in
                let hasWeights = weights != nil
                for u in 0..<n {
                    let lo = Int(offsets[u]), hi = Int(offsets[u + 1])
                    var sorted = true
                    if hi - lo > 1 {
                        for a in (lo + 1)..<hi where t[a] < t[a - 1] { sorted = false; break }
                    }
                    if !sorted {
                        if hasWeights {
                            pairs.removeAll(keepingCapacity: true)
                            for a in lo..<hi { pairs.append((t[a], w[a])) }
                            pairs.sort { $0.0 < $1.0 }
                            for (i, pair) in pairs.enumerated() { t[lo + i] = pair.0; w[lo + i] = pair.1 }
                        } else {
                            var row = UnsafeMutableBufferPointer(rebasing: t[lo..<hi])
                            row.sort()
                        }
                    }
                    var a = lo
                    while a < hi {
                        let v = t[a]
                        var b = a + 1
                        var sum = hasWeights ? w[a] : 0
                        while b < hi && t[b] == v {
                            if hasWeights { sum += w[b] }
                            b += 1
                        }
                        // An undirected self-loop is two arcs per input edge.
                        let loop = !directed && Int(v) == u
                        let copies = loop ? 2 : 1
                        let merged = loop ? sum / 2 : sum
                        for _ in 0..<copies {
                            t[write] = v
                            if hasWeights { w[write] = merged }
                            write += 1
                        }
                        a = b
                    }
                    newOffsets[u + 1] = Int32(write)
                }
            }
        }
        if write < arcTotal {
            targets.removeLast(arcTotal - write)
            if weights != nil { arcWeights.removeLast(arcTotal - write) }
        }
        let edgeCount = directed ? write : write / 2

        var inOffsets: [Int32] = []
        var inSources: [Int32] = []
        var inWeights: [Double]? = nil
        if directed {
            inOffsets = [Int32](repeating: 0, count: n + 1)
            for v in targets { inOffsets[Int(v) + 1] += 1 }
            for i in 0..<n { inOffsets[i + 1] += inOffsets[i] }
            var next = inOffsets
            inSources = [Int32](repeating: 0, count: targets.count)
            var inW = weights != nil ? [Double](repeating: 0, count: targets.count) : []
            for u in 0..<n {
                for a in Int(newOffsets[u])..<Int(newOffsets[u + 1]) {
                    let v = Int(targets[a])
                    let slot = Int(next[v])
                    inSources[slot] = Int32(u)
                    if weights != nil { inW[slot] = arcWeights[a] }
                    next[v] += 1
                }
            }
            if weights != nil { inWeights = inW }
        }
        return Graph(
            isDirected: directed, offsets: newOffsets, targets: targets,
            weights: weights != nil ? arcWeights : nil,
            inOffsets: inOffsets, inSources: inSources, inWeights: inWeights,
            ids: ids, index: index, edgeCount: edgeCount)
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
