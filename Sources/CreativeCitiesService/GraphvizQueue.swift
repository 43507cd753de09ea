import Dispatch

/// Runs the service's Graphviz work (map layouts, reports) one job at a time on a thread of
/// its own. Graphviz is not thread-safe and `Graphviz.shared` serialises every call under
/// a lock; queueing the jobs here keeps waiting requests off Swift's cooperative threads
/// (two on this machine), so partner queries keep being answered while a map is laid out.
final class GraphvizQueue: Sendable {
    private let queue = DispatchQueue(label: "uccn.graphviz", qos: .userInitiated)

    func run<T: Sendable>(_ job: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try job() })
            }
        }
    }
}
