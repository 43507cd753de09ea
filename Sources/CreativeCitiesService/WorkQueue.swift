import Dispatch

/// Runs jobs off Swift's cooperative threads (two on a 2-core machine), so that a request
/// waiting for a long computation does not hold one of them and quick requests (lookups,
/// cached answers) keep being answered.
///
/// The service has two: ``graphviz``, serial, for every map layout and report (Graphviz is
/// not thread-safe, and `Graphviz.shared` serialises every call under a lock: queueing the
/// jobs here keeps the waiting off the cooperative threads), and ``computations``, for
/// partner rankings with what-if ranks and what-if analyses (a few to a hundred
/// milliseconds each).
final class WorkQueue: Sendable {
    private let queue: DispatchQueue

    init(label: String, concurrent: Bool) {
        queue = DispatchQueue(label: label, qos: .userInitiated, attributes: concurrent ? [.concurrent] : [])
    }

    /// One thread at a time: Graphviz's jobs.
    static func graphviz() -> WorkQueue { WorkQueue(label: "uccn.graphviz", concurrent: false) }
    /// Partner rankings and what-if analyses.
    static func computations() -> WorkQueue { WorkQueue(label: "uccn.computations", concurrent: true) }

    func run<T: Sendable>(_ job: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try job() })
            }
        }
    }
}
