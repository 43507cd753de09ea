import GraphCore

/// A problem in an input file, located as precisely as the format allows.
///
/// The message always names the file, and the line (and column) where the reader can
/// know them, then says what was expected: `links.csv:12:3: expected a number for
/// "weight", found "abc"`.
public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (as the user named it), or `<input>` for in-memory text.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// What was wrong and what was expected.
    public var message: String

    /// An error in `file` at `line` and `column` (when known) saying `message`.
    public init(file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COLUMN: MESSAGE`, without the parts that are not known.
    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(message)"
    }
}

extension FormatError {
    /// Wraps a `GraphError` raised while building the graph read from `file`.
    public init(file: String, line: Int? = nil, graphError: GraphError) {
        self.init(file: file, line: line, graphError.description)
    }
}
