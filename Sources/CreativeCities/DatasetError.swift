/// A problem in the UCCN dataset files, naming the file, the line and what was expected.
public struct DatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case unreadableFile
        case missingColumn
        case wrongColumnCount
        case emptyValue
        case duplicateID
        case unknownCity
        case unknownField
        case unknownRegion
        case unknownLinkKind
        case unknownCooperationType
        case yearOutOfRange
        case invalidNumber
        case coordinateOutOfRange
        case selfLink
        case duplicateLink
    }

    public let kind: Kind
    /// The file as named by the caller.
    public let file: String
    /// 1-based line in the file, when known.
    public let line: Int?
    /// What was wrong and what was expected.
    public let message: String

    public init(_ kind: Kind, file: String, line: Int?, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
