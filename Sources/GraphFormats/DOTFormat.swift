import Foundation
import GraphCore

/// Graphviz DOT, read and written through Graphviz's cgraph library.
public enum DOTFormat {
    public static func read(path: String, options: GraphReadOptions = .init()) throws -> AttributedGraph {
        try parse(TextInput.read(path: path), file: path, options: options)
    }

    public static func parse(_ data: Data, file: String = "<input>", options: GraphReadOptions = .init()) throws -> AttributedGraph {
        throw FormatError(file: file, "DOT is not available yet")
    }

    public static func write(_ graph: AttributedGraph, file: String = "<output>", options: GraphWriteOptions = .init()) throws -> Data {
        throw FormatError(file: file, "DOT is not available yet")
    }
}
