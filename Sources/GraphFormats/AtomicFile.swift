import Foundation

/// Writes files atomically: the bytes go to a temporary file in the same directory,
/// which is then renamed over the destination, so a reader never sees a half-written
/// file and a failed write leaves the old file (or no file) in place.
public enum AtomicFile {
    /// Writes `data` to `path` atomically.
    public static func write(_ data: Data, to path: String) throws {
        try write([(data, path)])
    }

    /// Writes several files: every temporary file is written before any is renamed, so
    /// an error while writing leaves all destinations untouched.
    public static func write(_ files: [(data: Data, path: String)]) throws {
        var temporaries: [(temp: String, path: String)] = []
        defer { for t in temporaries { unlink(t.temp) } }
        for (data, path) in files {
            let url = URL(fileURLWithPath: path)
            let directory = url.deletingLastPathComponent().path
            var template = Array("\(directory)/.\(url.lastPathComponent).XXXXXX".utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else {
                throw FormatError(file: path, "cannot create a temporary file in \(directory): \(String(cString: strerror(errno)))")
            }
            let temp = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
            temporaries.append((temp, path))
            var failure: Int32 = 0
            data.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    offset += n
                }
            }
            if failure == 0 && fsync(fd) != 0 { failure = errno }
            // mkstemp creates 0600; give the file the usual permissions.
            let mask = umask(0)
            umask(mask)
            fchmod(fd, 0o666 & ~mask)
            close(fd)
            if failure != 0 {
                throw FormatError(file: path, "cannot write the file: \(String(cString: strerror(failure)))")
            }
        }
        for (i, t) in temporaries.enumerated() {
            guard rename(t.temp, t.path) == 0 else {
                let reason = String(cString: strerror(errno))
                temporaries.removeFirst(i)
                throw FormatError(file: t.path, "cannot move the written file into place: \(reason)")
            }
        }
        temporaries.removeAll()
    }
}
