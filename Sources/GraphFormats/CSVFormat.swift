import CSV
import Foundation
import GraphCore

/// Gephi's spreadsheet convention: an edges table, optionally with a nodes table.
///
/// * **Edges table** (`X.edges.csv`, or any `.csv` with `Source` and `Target` columns):
///   `Source`, `Target`, optional `Type` (`Directed`/`Undirected`), `Weight`, `Id`,
///   `Label` and any other columns as edge attributes.
/// * **Nodes table** (`X.nodes.csv`): `Id`, optional `Label`, other columns as node
///   attributes. It is read from ``GraphReadOptions/nodesFile`` (`--nodes FILE`) or, when
///   that is not given and the edges file is called `X.edges.csv`, from `X.nodes.csv` beside
///   it if that exists. With a nodes table every edge end must be one of its ids; without
///   one, nodes are created in order of first appearance.
///
/// Column names are matched without regard to case; Gephi's standard columns become the
/// attributes `label`, `weight` and `id`. The delimiter is `,` unless the header has none
/// and holds `;` or a tab. Values are typed by column: integer when every non-empty value
/// is one, else double, else boolean (`true`/`false`), else string; an empty cell is no
/// value. A graph is directed when every edge's `Type` is `Directed` or when there is no
/// `Type` column (as Gephi imports it), undirected when every `Type` is `Undirected`; mixed
/// types are refused unless the direction is forced (``GraphReadOptions/directed``).
///
/// Text must be UTF-8 (a byte-order mark is allowed; UTF-16 with a mark is converted).
///
/// Writing: `X.edges.csv` (or the given name) and the nodes table beside it (`X.nodes.csv`
/// or ``GraphWriteOptions/nodesFile``), UTF-8, comma-separated, fields quoted when they
/// hold a comma, a quote or a line break (as CSV.swift's writer quotes them).
public enum CSVFormat {
    /// A table read from a CSV file: header, rows, and each row's first line.
    struct Table {
        var file: String
        var header: [String]
        var rows: [[String]]
        var lines: [Int]

        func column(_ name: String) -> Int? {
            let lower = name.lowercased()
            return header.firstIndex { $0.lowercased() == lower }
        }
    }

    /// The nodes table that goes with the edges table at `path` when none is named.
    public static func defaultNodesPath(forEdges path: String) -> String {
        if path.lowercased().hasSuffix(".edges.csv") {
            return String(path.dropLast(".edges.csv".count)) + ".nodes.csv"
        }
        if path.lowercased().hasSuffix(".csv") {
            return String(path.dropLast(".csv".count)) + ".nodes.csv"
        }
        return path + ".nodes.csv"
    }

    /// Reads the edges table at `path` (and its nodes table, see the type's description).
    /// NetworkX has no CSV reader; `nx.from_pandas_edgelist(pd.read_csv(path), "Source",
    /// "Target", edge_attr=True)` reads the edges table the same way.
    ///
    /// - Throws: ``FormatError`` naming the file, line and column of the first problem.
    /// - Complexity: Linear in the files' size.
    public static func read(path: String, options: GraphReadOptions = .init()) throws -> AttributedGraph {
        let edges = try TextInput.read(path: path)
        var nodesPath = options.nodesFile
        if nodesPath == nil && path.lowercased().hasSuffix(".edges.csv") {
            let candidate = defaultNodesPath(forEdges: path)
            if FileManager.default.fileExists(atPath: candidate) { nodesPath = candidate }
        }
        let nodes = try nodesPath.map { (try TextInput.read(path: $0), $0) }
        return try parse(edges: edges, file: path, nodes: nodes?.0, nodesFile: nodes?.1 ?? "<nodes>", options: options)
    }

    /// Parses an edges table and an optional nodes table.
    public static func parse(
        edges: Data, file: String = "<edges>", nodes: Data? = nil, nodesFile: String = "<nodes>",
        options: GraphReadOptions = .init()
    ) throws -> AttributedGraph {
        let edgeTable = try table(edges, file: file)
        var assembler = GraphAssembler(file: file, options: options)
        let haveNodes = nodes != nil
        if let nodes {
            var nodeAssembler = GraphAssembler(file: nodesFile, options: options)
            let nodeTable = try table(nodes, file: nodesFile)
            try readNodes(nodeTable, into: &nodeAssembler)
            // Continue with the nodes read (their errors named the nodes file).
            assembler = nodeAssembler.renamed(file)
        }
        guard let sourceColumn = edgeTable.column("Source"), let targetColumn = edgeTable.column("Target") else {
            let hint =
                edgeTable.column("Id") != nil
                ? " (this looks like a nodes table; give the edges table, and the nodes table with --nodes)" : ""
            throw FormatError(
                file: file, line: 1,
                "expected the columns Source and Target in the edges table, found \(edgeTable.header.map { "\"\($0)\"" }.joined(separator: ", "))\(hint)"
            )
        }
        let typeColumn = edgeTable.column("Type")
        var special: [Int: String] = [:]
        for (column, name) in [("Weight", "weight"), ("Label", "label"), ("Id", "id")] {
            if let c = edgeTable.column(column) { special[c] = name }
        }
        let attributeColumns = edgeTable.header.indices.filter {
            $0 != sourceColumn && $0 != targetColumn && $0 != typeColumn
        }
        let types = inferTypes(
            edgeTable, columns: attributeColumns,
            forcing: [edgeTable.column("Id") ?? -1, edgeTable.column("Label") ?? -1])
        var sawDirected = false, sawUndirected = false
        for (r, row) in edgeTable.rows.enumerated() {
            let line = edgeTable.lines[r]
            let source = row[sourceColumn], target = row[targetColumn]
            guard !source.isEmpty else { throw FormatError(file: file, line: line, "empty Source; expected a node id") }
            guard !target.isEmpty else { throw FormatError(file: file, line: line, "empty Target; expected a node id") }
            let context = "the ids of the nodes table \(nodesFile)"
            let u = try assembler.node(source, create: !haveNodes, line: line, context: context)
            let v = try assembler.node(target, create: !haveNodes, line: line, context: context)
            if let typeColumn {
                switch row[typeColumn].lowercased() {
                case "directed": sawDirected = true
                case "undirected": sawUndirected = true
                case "": break
                default:
                    throw FormatError(
                        file: file, line: line, "Type is \"\(row[typeColumn])\"; expected Directed or Undirected")
                }
            }
            let e = try assembler.addEdge(u, v, line: line)
            for c in attributeColumns where !row[c].isEmpty {
                let name = special[c] ?? edgeTable.header[c]
                try assembler.setEdge(
                    e, name, try value(row[c], type: types[c], column: edgeTable.header[c], file: file, line: line),
                    line: line)
            }
        }
        if sawDirected && sawUndirected && options.directed == nil {
            throw FormatError(
                file: file,
                "the Type column mixes Directed and Undirected edges; uccn graphs are one or the other: force one with --directed or --undirected"
            )
        }
        let directed = typeColumn == nil ? true : (sawDirected || !sawUndirected)
        return try assembler.build(directed: directed)
    }

    private static func readNodes(_ table: Table, into assembler: inout GraphAssembler) throws {
        guard let idColumn = table.column("Id") else {
            throw FormatError(
                file: table.file, line: 1,
                "expected an Id column in the nodes table, found \(table.header.map { "\"\($0)\"" }.joined(separator: ", "))"
            )
        }
        let labelColumn = table.column("Label")
        let attributeColumns = table.header.indices.filter { $0 != idColumn }
        let types = inferTypes(table, columns: attributeColumns, forcing: [labelColumn ?? -1])
        for (r, row) in table.rows.enumerated() {
            let line = table.lines[r]
            let id = row[idColumn]
            guard !id.isEmpty else {
                throw FormatError(file: table.file, line: line, "empty Id; every node needs an id")
            }
            let node = try assembler.addNode(id, line: line)
            for c in attributeColumns where !row[c].isEmpty {
                let name = c == labelColumn ? "label" : table.header[c]
                try assembler.setNode(
                    node, name,
                    try value(row[c], type: types[c], column: table.header[c], file: table.file, line: line), line: line
                )
            }
        }
    }

    private static func value(
        _ text: String, type: AttributeType, column: String, file: String, line: Int
    ) throws -> AttributeValue {
        guard let v = AttributeValue.parse(text, as: type) else {
            throw FormatError(
                file: file, line: line, "expected \(type.phrase) in column \"\(column)\", found \"\(text)\"")
        }
        return v
    }

    /// The type of each column (indexed like the header): see the type's description.
    /// Columns in `forcing` are always strings.
    private static func inferTypes(_ table: Table, columns: [Int], forcing: Set<Int>) -> [AttributeType] {
        var types = [AttributeType](repeating: .string, count: table.header.count)
        for c in columns where !forcing.contains(c) {
            var type: AttributeType?
            for row in table.rows where !row[c].isEmpty {
                let t = AttributeValue.infer(row[c])
                if let current = type {
                    if current == .bool || t == .bool {
                        type = current == t ? t : .string
                    } else {
                        type = AttributeAccumulator.widen(current, t)
                    }
                } else {
                    type = t
                }
                if type == .string { break }
            }
            types[c] = type ?? .string
        }
        return types
    }

    /// Reads a whole table: checks the encoding, finds unterminated quotes and the line of
    /// every record, then lets CSV.swift split the fields.
    static func table(_ data: Data, file: String) throws -> Table {
        let text = try TextInput.decode(data, file: file)
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let delimiter: UnicodeScalar
        if firstLine.contains(",") || !(firstLine.contains(";") || firstLine.contains("\t")) {
            delimiter = ","
        } else {
            delimiter = firstLine.contains(";") ? ";" : "\t"
        }
        let recordLines = try scanRecords(text, delimiter: delimiter, file: file)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
        } catch {
            throw FormatError(file: file, line: 1, "cannot read the CSV header: \(error)")
        }
        var records: [[String]] = []
        while let row = reader.next() { records.append(row) }
        if let error = reader.error { throw FormatError(file: file, "cannot read the CSV text: \(error)") }
        guard records.count == recordLines.count else {
            throw FormatError(
                file: file, "the CSV reader found \(records.count) records where \(recordLines.count) were expected")
        }
        // Skip blank lines (a record with one empty field).
        var kept: [[String]] = [], keptLines: [Int] = []
        for (i, record) in records.enumerated() where !(record.count == 1 && record[0].isEmpty) {
            kept.append(record)
            keptLines.append(recordLines[i])
        }
        guard let header = kept.first else { throw FormatError(file: file, "the file is empty; expected a header row") }
        let names = header.map { $0.trimmingSpaces }
        var seen = Set<String>()
        for (i, name) in names.enumerated() {
            guard !name.isEmpty else {
                throw FormatError(file: file, line: keptLines[0], "column \(i + 1) of the header has no name")
            }
            guard seen.insert(name.lowercased()).inserted else {
                throw FormatError(file: file, line: keptLines[0], "the header names column \"\(name)\" twice")
            }
        }
        for (i, record) in kept.enumerated().dropFirst() where record.count != names.count {
            throw FormatError(
                file: file, line: keptLines[i],
                "expected \(names.count) fields (as in the header), found \(record.count)")
        }
        return Table(file: file, header: names, rows: Array(kept.dropFirst()), lines: Array(keptLines.dropFirst()))
    }

    /// The first line of every record, as CSV.swift splits records (CR, LF and CRLF end
    /// a record outside quotes); rejects an unterminated quoted field and text after a
    /// closing quote.
    private static func scanRecords(_ text: String, delimiter: UnicodeScalar, file: String) throws -> [Int] {
        var lines: [Int] = []
        var line = 1
        var inQuotes = false
        var quoteLine = 0
        var atFieldStart = true
        var afterClosingQuote = false
        var recordOpen = false
        var previousCR = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: UnicodeScalar? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if previousCR {
                previousCR = false
                if c == "\n" { continue }
            }
            if inQuotes {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" { continue }
                    inQuotes = false
                    afterClosingQuote = true
                    pending = next
                    continue
                }
                if c == "\n" { line += 1 } else if c == "\r" { line += 1; previousCR = true }
                continue
            }
            if !recordOpen {
                recordOpen = true
                lines.append(line)
            }
            if c == "\n" || c == "\r" {
                recordOpen = false
                atFieldStart = true
                afterClosingQuote = false
                line += 1
                previousCR = c == "\r"
                continue
            }
            if c == delimiter {
                atFieldStart = true
                afterClosingQuote = false
                continue
            }
            if afterClosingQuote {
                throw FormatError(
                    file: file, line: line,
                    "expected a delimiter or the end of the line after a closing quote, found \"\(c)\" (a quote inside a quoted field is written \"\")"
                )
            }
            if atFieldStart && c == "\"" {
                inQuotes = true
                quoteLine = line
            }
            atFieldStart = false
        }
        if inQuotes {
            throw FormatError(
                file: file, line: quoteLine,
                "the quoted field that starts here is not closed (truncated file, or a stray \")")
        }
        return lines
    }

    // MARK: - Writing

    /// The edges and nodes tables for `graph`.
    public static func write(
        _ graph: AttributedGraph, file: String = "<output>", options: GraphWriteOptions = .init()
    ) throws -> (edges: Data, nodes: Data) {
        let g = try WritableGraph(graph, file: file, weightName: "weight")
        // RFC 4180 text, quoted as CSV.swift's CSVWriter quotes (a field with the
        // delimiter, a quote, CR or LF), built in memory: CSVWriter makes one stream
        // call per byte, which took 77 s for a million edges.
        func rows(_ header: [String], _ count: Int, _ row: (Int) -> [String]) throws -> Data {
            var out = ""
            func append(_ fields: [String]) {
                for (i, field) in fields.enumerated() {
                    if i > 0 { out += "," }
                    if field.utf8.contains(where: {
                        $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
                    }) {
                        out += "\""
                        out += field.replacingOccurrences(of: "\"", with: "\"\"")
                        out += "\""
                    } else {
                        out += field
                    }
                }
                out += "\n"
            }
            append(header)
            for i in 0..<count { append(row(i)) }
            return Data(out.utf8)
        }
        // Nodes: Id, Label, attributes.
        let nodeLabel = g.nodeColumns.first { $0.name == "label" }
        let nodeColumns = g.nodeColumns.filter { $0.name != "label" && $0.name.lowercased() != "id" }
        let nodeHeader = ["Id", "Label"] + nodeColumns.map(\.name)
        let nodes = try rows(nodeHeader, g.ids.count) { u in
            [g.ids[u], nodeLabel?.values[u]?.text ?? ""] + nodeColumns.map { $0.values[u]?.text ?? "" }
        }
        // Edges: Source, Target, Type, [Weight], [Id], [Label], attributes.
        let special = ["weight", "id", "label"]
        let edgeColumns = g.edgeColumns.filter { column in
            !special.contains(column.name) && !["source", "target", "type"].contains(column.name.lowercased())
        }
        let weightColumn = g.graph.isWeighted ? nil : g.edgeColumns.first { $0.name == "weight" }
        let idColumn = g.edgeColumns.first { $0.name == "id" }
        let labelColumn = g.edgeColumns.first { $0.name == "label" }
        var edgeHeader = ["Source", "Target", "Type"]
        if g.graph.isWeighted || weightColumn != nil { edgeHeader.append("Weight") }
        if idColumn != nil { edgeHeader.append("Id") }
        if labelColumn != nil { edgeHeader.append("Label") }
        edgeHeader += edgeColumns.map(\.name)
        let type = g.graph.isDirected ? "Directed" : "Undirected"
        let edges = try rows(edgeHeader, g.edges.count) { e in
            let edge = g.edges[e]
            var row = [g.ids[edge.source], g.ids[edge.target], type]
            if g.graph.isWeighted {
                row.append(AttributeValue.format(edge.weight))
            } else if let weightColumn {
                row.append(weightColumn.values[e]?.text ?? "")
            }
            if let idColumn { row.append(idColumn.values[e]?.text ?? "") }
            if let labelColumn { row.append(labelColumn.values[e]?.text ?? "") }
            return row + edgeColumns.map { $0.values[e]?.text ?? "" }
        }
        return (edges, nodes)
    }
}

extension GraphAssembler {
    /// The same collected graph, with later errors naming `file`.
    func renamed(_ file: String) -> GraphAssembler {
        var copy = self
        copy.rename(file)
        return copy
    }
}
