import Foundation

/// Progress and cancellation of a long computation (all-pairs shortest paths, sampled
/// betweenness), shared between the computation's workers and whoever watches it.
///
/// The computation announces its total amount of work (sources to search, samples to
/// draw) with ``begin(total:)``, adds to ``progress`` as work completes, and polls
/// ``isCancelled`` between units of work; a cancelled computation stops within one unit
/// per worker and throws ``CentralityError/cancelled``. Watching costs nothing: reading
/// the progress takes a lock for a few nanoseconds.
public final class RunControl: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var total = 0
    private var cancelled = false

    public init() {}

    /// Asks the computation to stop as soon as possible.
    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Units of work done and in all (sources, or sampled pairs); `total` is 0 until the
    /// computation has started.
    public var progress: (done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (done, total)
    }

    /// Starts counting a computation of `total` units.
    public func begin(total: Int) {
        lock.lock()
        done = 0
        self.total = total
        lock.unlock()
    }

    /// Records `count` more units done.
    public func advance(by count: Int) {
        lock.lock()
        done += count
        lock.unlock()
    }
}
