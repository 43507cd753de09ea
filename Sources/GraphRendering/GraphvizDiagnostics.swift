import CGraphviz
import Synchronization

/// One message Graphviz reported through its error channel (`agerr`).
public struct GraphvizDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a message is, as Graphviz's `agerr` levels.
    public enum Severity: String, Sendable, Hashable {
        /// `warning` (layout goes on) or `error` (the stage failed).
        case warning, error
    }

    /// Warning or error.
    public var severity: Severity
    /// The message text, without the "Error: "/"Warning: " prefix; continuation lines joined by a space.
    public var message: String

    /// A message of `severity` saying `message`.
    public init(severity: Severity, message: String) {
        self.severity = severity
        self.message = message
    }

    /// `warning: MESSAGE` or `error: MESSAGE`.
    public var description: String { "\(severity.rawValue): \(message)" }

    /// Splits the text Graphviz wrote to its error channel into messages. Graphviz writes a
    /// message in pieces ("Error", ": ", the text, then continuation text without a prefix),
    /// so a line that starts with "Error: " or "Warning: " begins a message and any other
    /// line continues the previous one.
    static func parse(_ text: String) -> [GraphvizDiagnostic] {
        var result: [GraphvizDiagnostic] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.trimmingCharacters(in: " \t\r")
            guard !line.isEmpty else { continue }
            if line.hasPrefix("Error: ") {
                result.append(.init(severity: .error, message: String(line.dropFirst(7))))
            } else if line.hasPrefix("Warning: ") {
                result.append(.init(severity: .warning, message: String(line.dropFirst(9))))
            } else if var last = result.popLast() {
                last.message += " " + line
                result.append(last)
            } else {
                result.append(.init(severity: .warning, message: line))
            }
        }
        return result
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let f = slice.first, set.contains(f) { slice.removeFirst() }
        while let l = slice.last, set.contains(l) { slice.removeLast() }
        return String(slice)
    }
}

/// What Graphviz wrote to its error channel since the last `take()`. A C function pointer
/// cannot capture context, so the callback appends to this process-wide buffer.
enum GraphvizMessages {
    private static let buffer = Mutex<String>("")

    /// Routes every Graphviz message (warnings included) to the buffer instead of stderr.
    static func install() {
        _ = agseterrf(captureGraphvizMessage)
        _ = agseterr(AGWARN)
    }

    static func append(_ text: String) {
        buffer.withLock { $0 += text }
    }

    /// Returns and clears what was captured.
    static func take() -> [GraphvizDiagnostic] {
        let text = buffer.withLock { value -> String in
            let copy = value
            value = ""
            return copy
        }
        return GraphvizDiagnostic.parse(text)
    }
}

private func captureGraphvizMessage(_ text: UnsafeMutablePointer<CChar>?) -> Int32 {
    guard let text else { return 0 }
    GraphvizMessages.append(String(cString: text))
    return 0
}
