/// A problem in the UCCN dataset files, naming the file, the line and what was expected.
public struct DatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is (for code that reacts to it; people read ``message``).
    public enum Kind: Sendable, Equatable {
        /// The file cannot be read.
        case unreadableFile
        /// A required column is missing from the header.
        case missingColumn
        /// A row has more or fewer fields than the header.
        case wrongColumnCount
        /// A required value is empty.
        case emptyValue
        /// Two cities have the same id.
        case duplicateID
        /// A link names a city id that is not in `cities.csv`.
        case unknownCity
        /// A creative field that is not one of the eight.
        case unknownField
        /// A region that is not one of UNESCO's five.
        case unknownRegion
        /// A link kind the file does not allow.
        case unknownLinkKind
        /// A designation year outside 2004…now, or a link's start year outside 1900…now.
        /// A cooperation type that is not one of the eight in `Graphs/README.md`.
        case unknownCooperationType
        case yearOutOfRange
        /// A value that should be a number is not one.
        case invalidNumber
        /// A latitude outside ±90° or a longitude outside ±180°.
        case coordinateOutOfRange
        /// A link from a city to itself.
        case selfLink
        /// The same pair of cities linked twice with the same kind.
        case duplicateLink
    }

    /// What kind of problem it is.
    public let kind: Kind
    /// The file as named by the caller.
    public let file: String
    /// 1-based line in the file, when known.
    public let line: Int?
    /// What was wrong and what was expected.
    public let message: String

    /// A problem of `kind` in `file` at `line` (when known) saying `message`.
    public init(_ kind: Kind, file: String, line: Int?, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: MESSAGE` (without the line when it is not known).
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
