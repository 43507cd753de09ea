import CGraphviz
import Foundation
import Synchronization

/// The one owner of Graphviz in the process.
///
/// Graphviz is not thread-safe (two threads with separate contexts and graphs crash), and
/// freeing a context and creating another is a use-after-free in its pango plugin. So
/// `Graphviz.shared` creates one `GVC_t` on first use, never frees it, and runs every call
/// into libgvc/libcgraph — layout, rendering, DOT reading and writing — under one lock.
/// Graphviz's messages are captured (never printed) and returned as warnings or thrown as
/// ``RenderError/graphviz(stage:messages:)``.
public final class Graphviz: Sendable {
    /// The process-wide instance.
    public static let shared = Graphviz()

    struct State {
        var gvc: OpaquePointer?
        var engines: [String]
        var formats: [String]
    }

    private let state: Mutex<State>
    /// Layout engines registered in Graphviz's plugin configuration (sorted).
    public let availableEngines: [String]
    /// Output formats registered in Graphviz's plugin configuration (sorted).
    public let availableFormats: [String]

    private init() {
        GraphvizMessages.install()
        let gvc = gvContext()
        var engines: [String] = []
        var formats: [String] = []
        if let gvc {
            engines = Self.pluginList(gvc, kind: "layout")
            formats = Self.pluginList(gvc, kind: "device")
        }
        _ = GraphvizMessages.take()
        availableEngines = engines
        availableFormats = formats
        state = Mutex(State(gvc: gvc, engines: engines, formats: formats))
    }

    /// Names of the plugins of one kind (`layout`, `device`, …), without their `:package` suffix.
    private static func pluginList(_ gvc: OpaquePointer, kind: String) -> [String] {
        var count: Int32 = 0
        guard let list = uccn_gvPluginList(gvc, kind, &count) else { return [] }
        var names = Set<String>()
        for i in 0..<Int(count) {
            if let item = list[i] {
                let name = String(cString: item)
                names.insert(String(name.split(separator: ":").first ?? Substring(name)))
                free(item)
            }
        }
        free(list)
        return names.sorted()
    }

    /// Throws ``RenderError/pluginsNotRegistered(kind:found:)`` unless every engine in `engines` (and the
    /// context itself) is available: Graphviz's plugin configuration is written when its
    /// package is installed (or by `dot -c`); without it no engine is found.
    public func requirePlugins(_ engines: [LayoutEngine] = LayoutEngine.allCases) throws(RenderError) {
        let missing = engines.filter { !availableEngines.contains($0.rawValue) }
        let hasContext = state.withLock { $0.gvc != nil }
        guard hasContext else { throw .contextUnavailable }
        if !missing.isEmpty {
            throw .pluginsNotRegistered(kind: "layout", found: availableEngines)
        }
    }

    /// Runs `body` with exclusive use of Graphviz: the process-wide `GVC_t` and every
    /// libcgraph/libgvc function. Messages Graphviz reports during `body` are collected by
    /// ``GraphvizSession/takeDiagnostics()``. Do not call back into `Graphviz.shared` from
    /// `body` (the lock is not recursive).
    public func withSession<R: Sendable>(_ body: (GraphvizSession) throws -> R) throws -> R {
        try state.withLock { (state: inout State) throws -> R in
            guard let gvc = state.gvc else { throw RenderError.contextUnavailable }
            _ = GraphvizMessages.take()
            _ = agreseterrors()
            return try body(GraphvizSession(context: gvc))
        }
    }

    /// The typed-throwing core of the public entry points.
    func locked<R: Sendable>(_ body: (GraphvizSession, State) throws(RenderError) -> R) throws(RenderError) -> R {
        try state.withLock { (state: inout State) throws(RenderError) -> R in
            guard let gvc = state.gvc else { throw RenderError.contextUnavailable }
            _ = GraphvizMessages.take()
            _ = agreseterrors()
            return try body(GraphvizSession(context: gvc), state)
        }
    }
}

/// Exclusive access to Graphviz, valid only inside ``Graphviz/withSession(_:)``.
public struct GraphvizSession {
    /// The process-wide `GVC_t *`.
    public let context: OpaquePointer

    /// The messages Graphviz reported since the session began (or since the last call).
    public func takeDiagnostics() -> [GraphvizDiagnostic] {
        GraphvizMessages.take()
    }
}
