import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file could not be written.
public struct AtomicFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file that could not be written.
    public var path: String
    /// What went wrong (the system's message).
    public var reason: String

    /// An error for `path` saying `reason`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `cannot write PATH: REASON`.
    public var description: String { "cannot write \(path): \(reason)" }
}

/// Writes files atomically: the contents go to a temporary file in the destination's
/// directory, which is flushed to disk and then renamed over the destination. Readers see
/// the old file or the complete new one, never a partial one; when anything fails (including
/// the caller's own producer) the temporary file is removed and an existing destination is
/// left untouched. A replaced file keeps its permission bits.
public enum AtomicFile {
    /// Writes `data` to `url` atomically.
    public static func write(_ data: Data, to url: URL) throws(AtomicFileError) {
        do {
            try writeUntyped(to: url) { sink in try sink.write(data) }
        } catch let error as AtomicFileError {
            throw error
        } catch {
            throw AtomicFileError(path: url.path, reason: String(describing: error))
        }
    }

    /// Writes `text` as UTF-8 to `url` atomically.
    public static func write(_ text: String, to url: URL) throws(AtomicFileError) {
        try write(Data(text.utf8), to: url)
    }

    /// An open temporary file that the producer writes into.
    public struct Sink: ~Copyable {
        fileprivate let descriptor: Int32
        fileprivate let path: String

        /// Appends `data` to the temporary file.
        public mutating func write(_ data: Data) throws(AtomicFileError) {
            var failure: Int32 = 0
            data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                guard var base = buffer.baseAddress else { return }
                var remaining = buffer.count
                while remaining > 0 {
                    let written = writeBytes(descriptor, base, remaining)
                    if written < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    remaining -= written
                    base += written
                }
            }
            if failure != 0 { throw AtomicFileError(path: path, reason: String(cString: strerror(failure))) }
        }

        /// Appends `text` as UTF-8.
        public mutating func write(_ text: String) throws(AtomicFileError) {
            try write(Data(text.utf8))
        }
    }

    /// Runs `produce` with a sink on a temporary file next to `url`, then renames it over
    /// `url`. If `produce` throws, the temporary file is removed, nothing at `url` changes,
    /// and the producer's error is rethrown unchanged; other failures throw ``AtomicFileError``.
    public static func write(to url: URL, _ produce: (inout Sink) throws -> Void) throws {
        try writeUntyped(to: url, produce)
    }

    private static func writeUntyped(to url: URL, _ produce: (inout Sink) throws -> Void) throws {
        let destination = url.standardizedFileURL.path
        let directory = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        func fail(_ reason: String) -> AtomicFileError { AtomicFileError(path: destination, reason: reason) }
        func errnoText() -> String { String(cString: strerror(errno)) }

        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory), isDirectory.boolValue {
            throw fail("it is a directory")
        }
        guard FileManager.default.fileExists(atPath: directory.isEmpty ? "." : directory, isDirectory: &isDirectory),
            isDirectory.boolValue
        else { throw fail("directory \(directory) does not exist") }

        var template = Array(((directory.isEmpty ? "." : directory) + "/." + name + ".tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw fail(errnoText()) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        var renamed = false
        defer {
            if !closed { close(descriptor) }
            if !renamed { unlink(temporary) }
        }

        // mkstemp creates the file 0600: give it the replaced file's mode, else 0666 & ~umask.
        var info = stat()
        let mode: mode_t
        if stat(destination, &info) == 0 {
            mode = info.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        guard fchmod(descriptor, mode) == 0 else { throw fail(errnoText()) }

        var sink = Sink(descriptor: descriptor, path: destination)
        try produce(&sink)
        guard fsync(descriptor) == 0 else { throw fail(errnoText()) }
        closed = true
        guard close(descriptor) == 0 else { throw fail(errnoText()) }
        guard rename(temporary, destination) == 0 else { throw fail(errnoText()) }
        renamed = true
    }
}

private func writeBytes(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(fd, buffer, count)
    #else
        return Darwin.write(fd, buffer, count)
    #endif
}
