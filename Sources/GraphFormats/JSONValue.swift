import Foundation

/// A JSON value with the position of objects and arrays kept for error messages, and
/// object members kept in file order.
indirect enum JSONValue {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue], SourcePosition)
    case object([(key: String, value: JSONValue)], SourcePosition)

    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The member `key` of an object.
    subscript(key: String) -> JSONValue? {
        guard case let .object(members, _) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}

/// A strict JSON parser (RFC 8259) that reports the line and column of the first error,
/// bounds nesting depth, and accepts the `NaN`, `Infinity` and `-Infinity` tokens that
/// Python's `json` module writes.
struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String
    private let maxDepth: Int
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0

    /// Parses `data` (UTF-8, with or without a byte-order mark; UTF-16/32 with one).
    static func parse(_ data: Data, file: String, maxDepth: Int) throws -> JSONValue {
        var text = try TextInput.decode(data, file: file)
        return try text.withUTF8 { buffer in
            var parser = JSONParser(bytes: buffer, file: file, maxDepth: maxDepth)
            parser.skipWhitespace()
            guard parser.position < buffer.count else {
                throw parser.error("the file is empty; expected a JSON value")
            }
            let value = try parser.parseValue()
            parser.skipWhitespace()
            guard parser.position == buffer.count else {
                throw parser.error("unexpected text after the JSON value")
            }
            return value
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, file: String, maxDepth: Int) {
        self.bytes = bytes
        self.file = file
        self.maxDepth = maxDepth
    }

    private var here: SourcePosition {
        // Columns count characters, not bytes.
        let column =
            String(
                decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<min(position, bytes.count)]), as: UTF8.self
            ).count + 1
        return SourcePosition(line: line, column: column)
    }

    /// The position of the next byte, with the column counted in bytes (cheap; used for
    /// the positions kept with objects and arrays).
    private var mark: SourcePosition {
        SourcePosition(line: line, column: position - lineStart + 1)
    }

    private func error(_ message: String) -> FormatError {
        let p = here
        return FormatError(file: file, line: p.line, column: p.column, message)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0D: position += 1
            case 0x0A:
                position += 1
                line += 1
                lineStart = position
            default: return
            }
        }
    }

    private func describeNext() -> String {
        guard position < bytes.count else { return "the end of the file" }
        let end = min(position + 12, bytes.count)
        let snippet = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
        return "\"\(snippet.prefix(10))\""
    }

    private mutating func parseValue() throws -> JSONValue {
        skipWhitespace()
        guard position < bytes.count else {
            throw error("expected a value, found the end of the file (truncated file?)")
        }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "N"): try expectWord("NaN"); return .double(.nan)
        case UInt8(ascii: "I"): try expectWord("Infinity"); return .double(.infinity)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default:
            throw error(
                "expected a value (object, array, string, number, true, false or null), found \(describeNext())")
        }
    }

    private mutating func expectWord(_ word: String) throws {
        for b in word.utf8 {
            guard position < bytes.count, bytes[position] == b else {
                throw error("expected \(word), found \(describeNext())")
            }
            position += 1
        }
    }

    private mutating func enter() throws {
        depth += 1
        guard depth <= maxDepth else {
            throw error(
                "arrays and objects are nested more than \(maxDepth) deep; raise the limit with --max-depth (GraphReadOptions.maxNestingDepth)"
            )
        }
    }

    private mutating func parseObject() throws -> JSONValue {
        let start = mark
        try enter()
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(members, start)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count else {
                throw error("the object opened at line \(start.line) is not closed (truncated file?)")
            }
            guard bytes[position] == UInt8(ascii: "\"") else {
                throw error("expected a quoted member name, found \(describeNext())")
            }
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw error("expected ':' after the member name \"\(key)\", found \(describeNext())")
            }
            position += 1
            let value = try parseValue()
            members.append((key, value))
            skipWhitespace()
            guard position < bytes.count else {
                throw error("the object opened at line \(start.line) is not closed (truncated file?)")
            }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") { position += 1; break }
            throw error("expected ',' or '}' in the object, found \(describeNext())")
        }
        depth -= 1
        return .object(members, start)
    }

    private mutating func parseArray() throws -> JSONValue {
        let start = mark
        try enter()
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(elements, start)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else {
                throw error("the array opened at line \(start.line) is not closed (truncated file?)")
            }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") { position += 1; break }
            throw error("expected ',' or ']' in the array, found \(describeNext())")
        }
        depth -= 1
        return .array(elements, start)
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = position
        if bytes[position] == UInt8(ascii: "-") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "I") {
                try expectWord("Infinity")
                return .double(-.infinity)
            }
        }
        func digits() -> Int {
            let s = position
            while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
                position += 1
            }
            return position - s
        }
        let intStart = position
        let intDigits = digits()
        guard intDigits > 0 else { throw error("expected digits in the number") }
        if intDigits > 1 && bytes[intStart] == UInt8(ascii: "0") {
            position = intStart
            throw error("numbers must not have leading zeros")
        }
        var isInteger = true
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            isInteger = false
            guard digits() > 0 else { throw error("expected digits after the decimal point") }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            isInteger = false
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() > 0 else { throw error("expected digits in the exponent") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isInteger, let i = Int(text) { return .int(i) }
        guard let d = Double(text) else { throw error("cannot read the number \(text)") }
        return .double(d)
    }

    private mutating func parseHex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("expected four hexadecimal digits after \\u") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[position]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("expected four hexadecimal digits after \\u")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    private mutating func parseString() throws -> String {
        let startLine = line
        position += 1
        var out = [UInt8]()
        var runStart = position
        while true {
            guard position < bytes.count else {
                throw error("the string that starts on line \(startLine) is not closed (truncated file?)")
            }
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                position += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 {
                throw error("control character U+\(String(format: "%04X", b)) inside a string; it must be escaped")
            }
            if b != UInt8(ascii: "\\") {
                position += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            position += 1
            guard position < bytes.count else { throw error("the string ends inside an escape (truncated file?)") }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                        bytes[position + 1] == UInt8(ascii: "u")
                    else {
                        throw error("a \\u escape holds a lone UTF-16 high surrogate")
                    }
                    position += 2
                    let low = try parseHex4()
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw error("a \\u escape holds a lone UTF-16 high surrogate")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw error("a \\u escape holds a lone UTF-16 low surrogate")
                }
                guard let u = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                position -= 1
                throw error("invalid escape \\\(String(decoding: [escape], as: UTF8.self)) in a string")
            }
            runStart = position
        }
    }
}

/// Writes JSON text.
public enum JSONText {
    /// `s` as a quoted JSON string, with quotes, backslashes and control characters escaped.
    public static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    out += String(format: "\\u%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// A double as Python's `json` writes it (`NaN`, `Infinity`, `-Infinity` for the
    /// values JSON itself cannot hold).
    static func number(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
        // Always with a decimal point or exponent, so it reads back as a double.
        let s = String(d)
        return s.contains(".") || s.contains("e") ? s : s + ".0"
    }
}
