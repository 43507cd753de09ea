import Foundation

/// Reading files and turning their bytes into text, with the checks every reader shares:
/// byte-order marks, UTF-16 without a mark, and invalid UTF-8 (located by line and column).
package enum TextInput {
    /// The bytes of the file at `path`.
    package static func read(path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw FormatError(file: path, "cannot read the file: it is a directory; give a graph file")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw FormatError(file: path, "cannot read the file: \(describe(error))")
        }
    }

    static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain,
            let message = strerror(Int32(posix.code))
        {
            return String(cString: message)
        }
        if ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadNoSuchFileError { return "no such file" }
        if ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadNoPermissionError { return "permission denied" }
        if ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadUnknownError { return "the file cannot be opened" }
        return ns.localizedDescription
    }

    /// The byte-order mark at the start of `data`, if any.
    enum Mark { case utf8, utf16LE, utf16BE, utf32LE, utf32BE }

    static func mark(of data: Data) -> Mark? {
        let b = [UInt8](data.prefix(4))
        if b.count >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0 { return .utf32LE }
        if b.count >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF { return .utf32BE }
        if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { return .utf8 }
        if b.count >= 2 && b[0] == 0xFF && b[1] == 0xFE { return .utf16LE }
        if b.count >= 2 && b[0] == 0xFE && b[1] == 0xFF { return .utf16BE }
        return nil
    }

    /// Decodes `data` as text: UTF-8 (a byte-order mark is skipped), or UTF-16/UTF-32
    /// when a byte-order mark says so. Text with NUL bytes and no mark (UTF-16 without a
    /// byte-order mark, or a binary file) and invalid UTF-8 are rejected with the line and
    /// column of the first bad byte.
    package static func decode(_ data: Data, file: String) throws -> String {
        switch mark(of: data) {
        case .utf8:
            return try decodeUTF8(data.dropFirst(3), file: file)
        case .utf16LE, .utf16BE, .utf32LE, .utf32BE:
            let encoding: String.Encoding
            switch mark(of: data) {
            case .utf16LE: encoding = .utf16LittleEndian
            case .utf16BE: encoding = .utf16BigEndian
            case .utf32LE: encoding = .utf32LittleEndian
            default: encoding = .utf32BigEndian
            }
            let skip = (encoding == .utf32LittleEndian || encoding == .utf32BigEndian) ? 4 : 2
            guard let text = String(data: data.dropFirst(skip), encoding: encoding) else {
                throw FormatError(
                    file: file, "the file starts with a \(encoding) byte-order mark but is not valid \(encoding) text")
            }
            return text
        case nil:
            return try decodeUTF8(data, file: file)
        }
    }

    private static func decodeUTF8(_ data: Data, file: String) throws -> String {
        try data.withUnsafeBytes { raw -> String in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let text = String(validating: bytes, as: UTF8.self), !text.utf8.contains(0) {
                return text
            }
            throw locateProblem(bytes, file: file)
        }
    }

    /// The error for the first NUL byte or invalid UTF-8 sequence in `bytes`.
    static func locateProblem(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> FormatError {
        var line = 1, column = 1
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                let first = encoded.first ?? 0
                if first == 0 {
                    return FormatError(
                        file: file, line: line, column: column,
                        "found a NUL byte: the file looks like UTF-16 without a byte-order mark, or is not text; save it as UTF-8"
                    )
                }
                if first == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            case .error:
                return FormatError(
                    file: file, line: line, column: column,
                    "the file is not valid UTF-8 (convert it to UTF-8, e.g. `iconv -f latin1 -t utf-8`)")
            case .emptyInput:
                return FormatError(file: file, "the file is not valid UTF-8")
            }
        }
    }

    /// Whether `data` contains `needle` (ASCII) anywhere.
    static func contains(_ data: Data, ascii needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        return data.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= pattern.count, let first = pattern.first else { return false }
            var i = 0
            let last = bytes.count - pattern.count
            while i <= last {
                if bytes[i] == first {
                    var j = 1
                    while j < pattern.count && bytes[i + j] == pattern[j] { j += 1 }
                    if j == pattern.count { return true }
                }
                i += 1
            }
            return false
        }
    }
}
