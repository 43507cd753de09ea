/// The query string of a request, decoded strictly: `+` is a space, `%XX` a byte, and the
/// decoded bytes must be UTF-8. Each name may appear once and must be one the route knows;
/// anything else is a 400 naming the parameter.
struct QueryParameters: Sendable {
    private(set) var values: [String: String] = [:]

    /// Longest query string accepted (bytes, before decoding).
    static let maxLength = 4096

    /// - Throws: ``APIError`` 400 for a malformed escape, bytes that are not UTF-8, a
    ///   repeated or unknown name, or a query longer than ``maxLength``.
    init(query: String, allowed: Set<String>) throws(APIError) {
        guard query.utf8.count <= Self.maxLength else {
            throw .badParameter("the query string is longer than \(Self.maxLength) bytes")
        }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(Substring(parts[0]), what: "parameter name")
            let value = parts.count > 1 ? try Self.decode(parts[1], what: "value of \"\(name)\"") : ""
            guard allowed.contains(name) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw .badParameter(
                    "unknown parameter \"\(name)\"; this route takes " + (known.isEmpty ? "none" : known))
            }
            guard values[name] == nil else { throw .badParameter("parameter \"\(name)\" is given more than once") }
            values[name] = value
        }
    }

    subscript(name: String) -> String? { values[name] }

    /// A whole number in `range`, `defaultValue` when absent.
    func integer(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int) throws(APIError) -> Int {
        guard let text = values[name] else { return defaultValue }
        guard let n = Int(text), range.contains(n) else {
            throw .badParameter(
                "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"")
        }
        return n
    }

    /// `true`/`false` (also `1`/`0`, `yes`/`no`; the name alone is `true`).
    func boolean(_ name: String, default defaultValue: Bool) throws(APIError) -> Bool {
        guard let text = values[name] else { return defaultValue }
        switch text.lowercased() {
        case "", "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw .badParameter("\(name) must be true or false, got \"\(text)\"")
        }
    }

    /// A non-empty text value, `nil` when absent or empty.
    func text(_ name: String) -> String? {
        guard let v = values[name], !v.isEmpty else { return nil }
        return v
    }

    /// Percent-decodes `text` (and `+` as a space) and checks the bytes are UTF-8.
    static func decode(_ text: Substring, what: String) throws(APIError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let b = iterator.next() {
            switch b {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let h = iterator.next(), let l = iterator.next(), let hi = hexValue(h), let lo = hexValue(l)
                else {
                    throw .badParameter("the \(what) has a \"%\" that is not followed by two hexadecimal digits")
                }
                bytes.append(hi << 4 | lo)
            default:
                bytes.append(b)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw .badParameter("the \(what) is not valid UTF-8 text")
        }
        return decoded
    }

    /// Percent-decodes one path segment (no `+` rule) and checks it is UTF-8.
    static func decodePathSegment(_ text: String) throws(APIError) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let b = iterator.next() {
            if b == UInt8(ascii: "%") {
                guard let h = iterator.next(), let l = iterator.next(), let hi = hexValue(h), let lo = hexValue(l)
                else {
                    throw .badParameter(
                        "the city in the path has a \"%\" that is not followed by two hexadecimal digits")
                }
                bytes.append(hi << 4 | lo)
            } else {
                bytes.append(b)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw .badParameter("the city in the path is not valid UTF-8 text")
        }
        return decoded
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
