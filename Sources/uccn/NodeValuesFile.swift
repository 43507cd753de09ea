import Foundation
import GraphCore

/// A file of per-node values, one `node,value` pair a line (a comma, tab or spaces between
/// them; `#` starts a comment; a first line whose value is not a number is a header), as
/// `uccn metrics --personalization` and `--dangling` read it. Nodes the file does not name
/// get 0 (NetworkX's convention for a personalisation dict).
enum NodeValuesFile {
    /// The values of `path` indexed like `graph`'s nodes.
    ///
    /// - Throws: a runtime ``CommandFailure`` naming the file and line: unreadable file, a
    ///   line without two fields, an unknown node, a value that is not a finite number ≥ 0,
    ///   a node named twice, or a file without any value.
    static func read(_ path: String, option: String, graph: Graph) throws(CommandFailure) -> [Double] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .runtime("\(option) \(path): no such file")
        }
        if isDirectory.boolValue {
            throw .runtime("\(option) \(path): is a directory; give a file of node,value lines")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .runtime("\(option) \(path): cannot read the file: permission denied")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .runtime("\(option) \(path): the file is not UTF-8 text")
        }
        var values = [Double](repeating: 0, count: graph.nodeCount)
        var seen = [Int: Int]()
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let fields = line.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { continue }
            let place = "\(option) \(path):\(lineNumber)"
            guard fields.count == 2 else {
                throw .runtime("\(place): expected a node id and a value (node,value), found \"\(line)\"")
            }
            let id = String(fields[0])
            guard let value = Double(fields[1]) else {
                if seen.isEmpty && lineNumber == 1 { continue }  // a header line
                throw .runtime("\(place): expected a number for node \(id), found \"\(fields[1])\"")
            }
            guard value.isFinite, value >= 0 else {
                throw .runtime("\(place): value \(fields[1]) for node \(id) is not allowed; expected a number ≥ 0")
            }
            guard let node = graph.node(withID: id) else {
                throw .runtime("\(place): no node \"\(id)\" in the graph")
            }
            if let first = seen[node] {
                throw .runtime("\(place): node \(id) is already given on line \(first)")
            }
            seen[node] = lineNumber
            values[node] = value
        }
        guard !seen.isEmpty else { throw .runtime("\(option) \(path): the file has no node,value lines") }
        return values
    }
}
