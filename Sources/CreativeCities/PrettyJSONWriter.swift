import Foundation

/// Writes JSON text byte for byte as Foundation's `JSONEncoder` does with the output
/// formatting `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, without building an
/// encoder's container tree: a caller writes keys in sorted order itself.
///
/// The layout it reproduces: two spaces of indentation a level, `"key" : value`, elements
/// separated by `,` and a newline, an empty array or object as the bracket, an empty line and
/// the closing bracket at the container's own indentation. Strings escape `"` and `\` with a
/// backslash, backspace, form feed, newline, carriage return and tab as `\b \f \n \r \t`, the
/// other control characters below U+0020 as `\u00xx` (lowercase hexadecimal), and keep `/`,
/// DEL and every non-ASCII character as UTF-8. A `Double` is its shortest round-trip
/// `description` without a trailing `.0` (`3`, `0.25`, `1e-06`, `1e+20`); integers are
/// decimal.
///
/// - Complexity: O(length of the output).
struct PrettyJSONWriter {
    /// The UTF-8 text written so far.
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the innermost open container has no element yet.
    private var empty = true

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Containers

    /// Opens an object (as a value: after ``key(_:)``, ``element()`` or at the top).
    mutating func beginObject() { open(UInt8(ascii: "{")) }
    /// Closes the innermost object.
    mutating func endObject() { close(UInt8(ascii: "}")) }
    /// Opens an array (as a value).
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    /// Closes the innermost array.
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts the next member of the innermost object: `"key" : `. `key` needs no escaping.
    mutating func key(_ key: StaticString) {
        newElement()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
    }

    /// Starts the next member of the innermost object with a key known only at run time.
    mutating func key(_ key: String) {
        newElement()
        string(key)
        bytes.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
    }

    /// Starts the next element of the innermost array.
    mutating func element() { newElement() }

    /// An array with one element for each of `items`, each written by `write`.
    mutating func array<Items: Sequence>(
        _ items: Items, _ write: (Items.Element, inout PrettyJSONWriter) throws -> Void
    ) rethrows {
        beginArray()
        for item in items {
            newElement()
            try write(item, &self)
        }
        endArray()
    }

    // MARK: Values

    /// A string, escaped as `JSONEncoder` escapes it.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for (i, byte) in utf8.enumerated()
            where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                start = i + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    append("u00")
                    bytes.append(Self.hexDigit(byte >> 4))
                    bytes.append(Self.hexDigit(byte & 0x0F))
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The lowercase hexadecimal digit of `nibble` (0…15).
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// A string, or `null`.
    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// An integer in decimal.
    mutating func int(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        // Digits from the last; the magnitude as UInt so that Int.min has one too.
        var rest = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        )
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0 && count < buffer.count
        }
        if rest > 0 {
            bytes.append(contentsOf: String(rest).utf8)
        }
        withUnsafeBytes(of: &digits) { buffer in
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    /// An integer, or `null`.
    mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    /// A finite number: its shortest round-trip form without a trailing `.0`.
    ///
    /// - Throws: `EncodingError.invalidValue` for NaN and infinities, as `JSONEncoder` does.
    mutating func double(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(
                    codingPath: [], debugDescription: "Unable to encode Double.\(value) directly in JSON."))
        }
        if value == 0 {
            if value.sign == .minus { bytes.append(UInt8(ascii: "-")) }
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var text = value.description
        text.withUTF8 { utf8 in
            var count = utf8.count
            if count >= 2 && utf8[count - 1] == UInt8(ascii: "0") && utf8[count - 2] == UInt8(ascii: ".") {
                count -= 2
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[0..<count]))
        }
    }

    /// A number, or `null`.
    mutating func double(_ value: Double?) throws {
        if let value { try double(value) } else { null() }
    }

    /// `true` or `false`.
    mutating func bool(_ value: Bool) {
        append(value ? "true" : "false")
    }

    /// `null`.
    mutating func null() {
        append("null")
    }

    /// A newline after the top-level value (`JSONEncoder` writes none; the commands end
    /// their output with one).
    mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    // MARK: Layout

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if empty { bytes.append(UInt8(ascii: "\n")) }
        lineBreak(comma: false)
        bytes.append(bracket)
        // The container just closed was an element of its parent, which is not empty.
        empty = false
    }

    private mutating func newElement() {
        lineBreak(comma: !empty)
        empty = false
    }

    /// An optional comma, a newline and the indentation of the current depth, appended at once.
    private mutating func lineBreak(comma: Bool) {
        if depth < Self.lineBreaks.count {
            let line = Self.lineBreaks[depth]
            bytes.append(contentsOf: comma ? line[...] : line[1...])
            return
        }
        if comma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<(2 * depth) { bytes.append(UInt8(ascii: " ")) }
    }

    /// `,`, a newline and 2·d spaces, for the depths d most documents use.
    private static let lineBreaks: [[UInt8]] = (0..<16).map { d in
        [UInt8(ascii: ","), UInt8(ascii: "\n")] + [UInt8](repeating: UInt8(ascii: " "), count: 2 * d)
    }
}
