import Foundation
import GraphCore

/// A reader and writer of one graph file format that lives outside GraphFormats.
///
/// GraphFormats reads and writes its formats over graph storage alone. DOT is read and
/// written by Graphviz's own cgraph library, which belongs to GraphRendering; the module
/// `GraphvizDOT` provides it as `DOTFormat.codec`, and ``GraphLoader`` and ``GraphWriter``
/// take it through their `dot:` parameter.
public protocol GraphFileCodec: Sendable {
    /// Parses `data` (`file` names it in errors).
    ///
    /// - Throws: ``FormatError`` naming `file`, and the line when the format tells it.
    func parse(_ data: Data, file: String, options: GraphReadOptions) throws -> AttributedGraph

    /// The bytes of `graph` in this format (`file` names the output in errors).
    ///
    /// - Throws: ``FormatError`` when the graph cannot be written in this format.
    func write(_ graph: AttributedGraph, file: String, options: GraphWriteOptions) throws -> Data
}

extension GraphFileFormat {
    /// The error for a DOT file read or written without a DOT codec.
    func missingCodec(file: String) -> FormatError {
        FormatError(
            file: file,
            "\(self) files are read and written through Graphviz: pass `dot: DOTFormat.codec` (module GraphvizDOT)")
    }
}
