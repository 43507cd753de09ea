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
/// * libxml2 only ever sees checked UTF-8: UTF-16/32 with a byte-order mark, ISO-8859-1 and
///   windows-1252 are converted first; invalid UTF-8, UTF-16 without a byte-order mark and
///   other encodings are rejected with a located message.
/// * Element names reach the handler without their namespace prefix (`viz:color` →
///   `color` with prefix `viz` kept in ``prefix(of:)``).
///
/// Errors carry the file, line and column that libxml2 reports.
enum XMLEventReader {
    static func parse(_ data: Data, file: String, handler: any XMLEventHandler) throws {
        let data = try screen(data, file: file)
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

    /// What libxml2 gets: always UTF-8, checked, with the XML declaration saying so.
    ///
    /// UTF-16/32 with a byte-order mark, ISO-8859-1 and Windows-1252 (as declared) are
    /// converted; any other declared encoding, UTF-16 without a byte-order mark and invalid
    /// UTF-8 are refused. (Found by fuzzing: a document that declares an encoding libxml2
    /// does not know reaches FoundationXML's callbacks with invalid UTF-8 names, and
    /// FoundationXML traps on them.) Then the markup is screened: entity declarations
    /// (unbounded expansion, XXE), and constructs that crash FoundationXML on Linux (a NULL
    /// string passed to `strlen`, found by fuzzing and by trying every kind of
    /// declaration): a processing instruction without data (`<?pi?>`), a notation
    /// declaration, and any DTD internal subset (`<!ATTLIST g a CDATA #IMPLIED>` crashes).
    static func screen(_ data: Data, file: String) throws -> Data {
        if data.isEmpty { throw FormatError(file: file, "the file is empty; expected an XML document") }
        let text: String
        if let mark = TextInput.mark(of: data), mark != .utf8 {
            text = try TextInput.decode(data, file: file)
        } else {
            let body = TextInput.mark(of: data) == .utf8 ? data.dropFirst(3) : data
            let declared = declaredEncoding(body)
            switch declared?.lowercased() {
            case nil, "utf-8", "utf8", "us-ascii", "ascii":
                // Already what libxml2 should get: check it without keeping a copy.
                _ = try TextInput.decode(body, file: file)
                try data.withUnsafeBytes { raw in try screenMarkup(raw.bindMemory(to: UInt8.self), file: file) }
                return data
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "iso_8859-1", "l1":
                guard !body.contains(0), let t = String(data: body, encoding: .isoLatin1) else {
                    throw FormatError(file: file, "the file declares ISO-8859-1 but holds NUL bytes")
                }
                text = t
            case "windows-1252", "cp1252":
                guard !body.contains(0), let t = String(data: body, encoding: .windowsCP1252) else {
                    throw FormatError(file: file, "the file declares windows-1252 but is not valid windows-1252 text")
                }
                text = t
            case let other?:
                if other.hasPrefix("utf-16") || other.hasPrefix("utf-32") || other.hasPrefix("ucs") {
                    throw FormatError(
                        file: file,
                        "the file declares \(declared ?? other) but has no byte-order mark; save it as UTF-8 (or UTF-16 with a byte-order mark)"
                    )
                }
                throw FormatError(
                    file: file, line: 1,
                    "the XML declaration names the encoding \"\(declared ?? other)\"; uccn reads UTF-8, UTF-16 (with a byte-order mark), ISO-8859-1 and windows-1252: convert the file to UTF-8"
                )
            }
        }
        var bytes = Array(text.utf8)
        try bytes.withUnsafeBufferPointer { try screenMarkup($0, file: file) }
        rewriteDeclaredEncoding(&bytes)
        return Data(bytes)
    }

    /// The `encoding` of the XML declaration at the start of `data`, if any.
    static func declaredEncoding(_ data: Data) -> String? {
        let head = String(decoding: data.prefix(300), as: UTF8.self)
        guard head.hasPrefix("<?xml"), let end = head.range(of: "?>") else { return nil }
        let declaration = head[..<end.lowerBound]
        guard let r = declaration.range(of: "encoding") else { return nil }
        var rest = declaration[r.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// Replaces the XML declaration's encoding by `UTF-8` (the bytes now are UTF-8).
    static func rewriteDeclaredEncoding(_ bytes: inout [UInt8]) {
        let prefix = String(decoding: bytes.prefix(300), as: UTF8.self)
        guard prefix.hasPrefix("<?xml"), let end = prefix.range(of: "?>") else { return }
        let declaration = String(prefix[..<end.upperBound])
        guard declaration.contains("encoding") else { return }
        var rewritten = "<?xml version=\"1.0\" encoding=\"UTF-8\""
        if let s = declaration.range(of: "standalone") {
            rewritten +=
                " "
                + declaration[s.lowerBound..<declaration.index(declaration.endIndex, offsetBy: -2)].trimmingCharacters(
                    in: .whitespaces)
        }
        rewritten += "?>"
        // Keep line numbers: the declaration stays on one line only if it was on one.
        let newlines = declaration.filter { $0 == "\n" }.count
        rewritten += String(repeating: "\n", count: newlines)
        bytes.replaceSubrange(0..<declaration.utf8.count, with: Array(rewritten.utf8))
    }

    /// The markup checks of ``screen(_:file:)`` on ASCII-compatible bytes.
    static func screenMarkup(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws {
        let entity = Array("<!ENTITY".utf8), notation = Array("<!NOTATION".utf8), doctype = Array("<!DOCTYPE".utf8)
        func matches(_ pattern: [UInt8], at i: Int) -> Bool {
            guard i + pattern.count <= bytes.count else { return false }
            for k in 0..<pattern.count where bytes[i + k] != pattern[k] { return false }
            return true
        }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        // Entities first, so that attacks get the message that names them.
        var line = 1
        for i in bytes.indices {
            if bytes[i] == 0x0A { line += 1 }
            if bytes[i] == UInt8(ascii: "<") && matches(entity, at: i) { throw entityError(file: file, line: line) }
        }
        line = 1
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1 }
            if b == UInt8(ascii: "<") && i + 1 < bytes.count {
                if matches(notation, at: i) {
                    throw FormatError(
                        file: file, line: line,
                        "the document declares an XML notation (<!NOTATION …>), which graph files never need and which Foundation's XML parser cannot read safely"
                    )
                }
                if matches(doctype, at: i) {
                    // An internal subset (`<!DOCTYPE g [ … ]>`): attribute-list declarations
                    // with #IMPLIED or #REQUIRED values crash FoundationXML.
                    var j = i + doctype.count
                    var quote: UInt8? = nil
                    while j < bytes.count {
                        let c = bytes[j]
                        if let q = quote {
                            if c == q { quote = nil }
                        } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                            quote = c
                        } else if c == UInt8(ascii: ">") {
                            break
                        } else if c == UInt8(ascii: "[") {
                            throw FormatError(
                                file: file, line: line,
                                "the document type declaration has an internal subset (<!DOCTYPE … [ … ]>); graph files never need one and Foundation's XML parser cannot read all of them safely: remove it"
                            )
                        }
                        j += 1
                    }
                }
                if bytes[i + 1] == UInt8(ascii: "?") {
                    // <?target?> with nothing (or only blanks) after the target.
                    var j = i + 2
                    while j < bytes.count && !isSpace(bytes[j]) && bytes[j] != UInt8(ascii: "?") { j += 1 }
                    while j < bytes.count && isSpace(bytes[j]) { j += 1 }
                    if j + 1 < bytes.count && bytes[j] == UInt8(ascii: "?") && bytes[j + 1] == UInt8(ascii: ">") {
                        let target = String(decoding: bytes[(i + 2)..<j], as: UTF8.self).trimmingCharacters(
                            in: .whitespacesAndNewlines)
                        throw FormatError(
                            file: file, line: line,
                            "the processing instruction <?\(target)?> has no data; uccn refuses it because Foundation's XML parser crashes on it"
                        )
                    }
                }
            }
            i += 1
        }
    }

    private static func entityError(file: String, line: Int) -> FormatError {
        FormatError(
            file: file, line: line,
            "the document declares an XML entity (<!ENTITY …>); entity declarations are refused because they can expand without bound or read other files (\"billion laughs\", XXE), and graph files never need them"
        )
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

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
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
                        "the text \"\(text.debugDescription)\" holds the control character U+\(String(u.value, radix: 16, uppercase: true)), which XML 1.0 cannot store; choose another output format"
                    )
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
