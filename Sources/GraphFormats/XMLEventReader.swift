import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A position in a file: 1-based line and column.
struct SourcePosition {
    var line: Int
    var column: Int
}

/// What a format reader does with the events of a streaming XML parse. Throwing from
/// any method stops the parse; the error is what the caller sees.
protocol XMLEventHandler: AnyObject {
    func start(_ name: String, attributes: [String: String], at position: SourcePosition) throws
    func end(_ name: String, at position: SourcePosition) throws
    func text(_ text: String) throws
}

/// Streams an XML document to an ``XMLEventHandler`` through Foundation's `XMLParser`
/// (libxml2), hardened for untrusted input:
///
/// * External entities are never resolved (`shouldResolveExternalEntities = false`) and,
///   before parsing, any document that declares an entity (`<!ENTITY`, the building block
///   of "billion laughs" and XXE attacks) is rejected: graph formats never need one. Only
///   the five predefined entities and character references are accepted.
/// * Text that is not UTF-8 (unless the XML declaration names another encoding) and
///   UTF-16 without a byte-order mark are rejected with a located message.
/// * Element names reach the handler without their namespace prefix (`viz:color` →
///   `color` with prefix `viz` kept in ``prefix(of:)``).
///
/// Errors carry the file, line and column that libxml2 reports.
enum XMLEventReader {
    static func parse(_ data: Data, file: String, handler: any XMLEventHandler) throws {
        try screen(data, file: file)
        // Fed as a stream: libxml2 then gets the document in chunks. Given as one chunk
        // (`XMLParser(data:)`), documents over about 10 MB fail at their end with an
        // internal error.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        let delegate = Delegate(parser: parser, handler: handler)
        parser.delegate = delegate
        let ok = parser.parse()
        if let error = delegate.failure { throw error }
        if !ok || parser.parserError != nil {
            let code = (parser.parserError as NSError?)?.code ?? 0
            throw FormatError(
                file: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1),
                "malformed XML: \(describe(code: code))")
        }
        if !delegate.sawRoot {
            throw FormatError(file: file, "the file holds no XML element (empty or truncated file)")
        }
    }

    /// Rejects entity declarations and text in an encoding we do not accept, before
    /// libxml2 sees the bytes.
    static func screen(_ data: Data, file: String) throws {
        if data.isEmpty { throw FormatError(file: file, "the file is empty; expected an XML document") }
        let mark = TextInput.mark(of: data)
        if let mark, mark != .utf8 {
            // A UTF-16/32 document: look for entity declarations in its decoded text.
            let text = try TextInput.decode(data, file: file)
            if let range = text.range(of: "<!ENTITY") {
                throw entityError(file: file, line: text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 })
            }
            return
        }
        let declaresOtherEncoding: Bool = {
            let head = String(decoding: data.prefix(200), as: UTF8.self).lowercased()
            guard head.hasPrefix("<?xml") || head.hasPrefix("\u{FEFF}<?xml"),
                let r = head.range(of: "encoding=") else { return false }
            let rest = head[r.upperBound...].dropFirst()
            return !(rest.hasPrefix("utf-8") || rest.hasPrefix("utf8") || rest.hasPrefix("us-ascii"))
        }()
        if !declaresOtherEncoding {
            _ = try TextInput.decode(data, file: file)
        } else if data.contains(0) {
            throw FormatError(file: file, "found a NUL byte: the file looks like UTF-16 without a byte-order mark, or is not text")
        }
        if TextInput.contains(data, ascii: "<!ENTITY") {
            var line = 1
            let bytes = [UInt8](data)
            let pattern = Array("<!ENTITY".utf8)
            var i = 0
            while i + pattern.count <= bytes.count {
                if bytes[i] == UInt8(ascii: "\n") { line += 1 }
                if bytes[i..<(i + pattern.count)].elementsEqual(pattern) { break }
                i += 1
            }
            throw entityError(file: file, line: line)
        }
    }

    private static func entityError(file: String, line: Int) -> FormatError {
        FormatError(
            file: file, line: line,
            "the document declares an XML entity (<!ENTITY …>); entity declarations are refused because they can expand without bound or read other files (\"billion laughs\", XXE), and graph files never need them")
    }

    /// A readable name for a libxml2 error code (as `XMLParser.ErrorCode` numbers them).
    static func describe(code: Int) -> String {
        switch code {
        case 4: return "the document is empty"
        case 5: return "the document ends too early (truncated file, or an element is not closed)"
        case 9: return "invalid character (the text is not in the declared encoding)"
        case 26: return "reference to an undeclared entity (only &amp; &lt; &gt; &quot; &apos; are known)"
        case 38, 39, 40, 41: return "expected a quoted attribute value"
        case 23: return "an attribute is missing its closing quote"
        case 64: return "expected a well-formed XML declaration"
        case 65: return "expected a name"
        case 68: return "expected a name for the element or attribute"
        case 73: return "expected '>' to end the tag"
        case 76: return "closing tag does not match the open element (unbalanced tags)"
        case 77: return "expected the closing tag of the open element (unbalanced tags)"
        case 85: return "extra content after the end of the document, or unbalanced tags"
        case 89: return "entity reference loop"
        case 111: return "a character reference names an invalid character"
        case 201: return "an element or attribute uses a namespace prefix that no xmlns declares"
        case 0: return "the parser stopped"
        default: return "XML syntax error (libxml2 code \(code))"
        }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let parser: XMLParser
        let handler: any XMLEventHandler
        var failure: (any Error)?
        var sawRoot = false

        init(parser: XMLParser, handler: any XMLEventHandler) {
            self.parser = parser
            self.handler = handler
        }

        var position: SourcePosition {
            SourcePosition(line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1))
        }

        private func run(_ body: () throws -> Void) {
            guard failure == nil else { return }
            do { try body() } catch {
                failure = error
                parser.abortParsing()
            }
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            sawRoot = true
            run { try handler.start(XMLEventReader.localName(elementName), attributes: attributes, at: position) }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            run { try handler.end(XMLEventReader.localName(elementName), at: position) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            run { try handler.text(string) }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            run { try handler.text(String(decoding: CDATABlock, as: UTF8.self)) }
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
            nil
        }
    }

    /// `viz:color` → `color`.
    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}

/// Writes XML text with escaping, refusing characters XML 1.0 cannot hold.
struct XMLTextWriter {
    var out = ""
    let file: String

    init(file: String) { self.file = file }

    /// `text` escaped for element content and attribute values.
    func escape(_ text: String) throws -> String {
        var needs = false
        for u in text.unicodeScalars {
            switch u {
            case "&", "<", ">", "\"", "'", "\r", "\t", "\n": needs = true
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF {
                    throw FormatError(
                        file: file,
                        "the text \"\(text.debugDescription)\" holds the control character U+\(String(u.value, radix: 16, uppercase: true)), which XML 1.0 cannot store; choose another output format")
                }
            }
        }
        guard needs else { return text }
        var s = ""
        s.reserveCapacity(text.utf8.count + 16)
        for u in text.unicodeScalars {
            switch u {
            case "&": s += "&amp;"
            case "<": s += "&lt;"
            case ">": s += "&gt;"
            case "\"": s += "&quot;"
            case "'": s += "&apos;"
            case "\r": s += "&#13;"
            case "\t": s += "&#9;"
            case "\n": s += "&#10;"
            default: s.unicodeScalars.append(u)
            }
        }
        return s
    }
}
