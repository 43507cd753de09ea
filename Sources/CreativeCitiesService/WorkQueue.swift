import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs jobs off Swift's cooperative threads (two on a 2-core machine), so that a request
/// waiting for a long computation does not hold one of them and quick requests (lookups,
/// cached answers) keep being answered.
///
/// The service has two: ``graphviz``, serial, for every map layout and report (Graphviz is
/// not thread-safe, and `Graphviz.shared` serialises every call under a lock: queueing the
/// jobs here keeps the waiting off the cooperative threads), and ``computations``, for
/// partner rankings with what-if ranks (several milliseconds each): jobs wait in order for
/// one of a fixed number of threads of their own (one per core), which run at a lower
/// scheduling priority (nice 10 on Linux) than the threads that answer quick requests, so
/// that a burst of rankings slows the rankings, not the lookups and cached maps.
final class WorkQueue: Sendable {
    private enum Executor {
        case dispatch(DispatchQueue)
        case threads(WorkerPool)
    }

    private let executor: Executor

    private init(_ executor: Executor) {
        self.executor = executor
    }

    deinit {
        if case let .threads(pool) = executor { pool.stop() }
    }

    /// One thread at a time: Graphviz's jobs.
    static func graphviz() -> WorkQueue {
        WorkQueue(.dispatch(DispatchQueue(label: "uccn.graphviz", qos: .userInitiated)))
    }

    /// Partner rankings: as many threads as cores (at most `maxWorkers`), at nice
    /// `niceness` (10 unless `uccn serve --ranking-niceness` says otherwise).
    static func computations(maxWorkers: Int = 2, niceness: Int32 = 10) -> WorkQueue {
        let workers = max(1, min(maxWorkers, ProcessInfo.processInfo.activeProcessorCount))
        return WorkQueue(.threads(WorkerPool(label: "uccn.computations", workers: workers, niceness: niceness)))
    }

    /// Tables filled ahead of the queries: as many threads as cores (at most
    /// `maxWorkers`), at nice 19, the lowest priority, so that they use only the time no
    /// request needs.
    static func background(maxWorkers: Int = 2) -> WorkQueue {
        let workers = max(1, min(maxWorkers, ProcessInfo.processInfo.activeProcessorCount))
        return WorkQueue(.threads(WorkerPool(label: "uccn.background", workers: workers, niceness: 19)))
    }

    /// Queues `job` without waiting for it.
    func submit(_ job: @escaping @Sendable () -> Void) {
        switch executor {
        case let .dispatch(queue): queue.async(execute: job)
        case let .threads(pool): pool.submit(job)
        }
    }

    func run<T: Sendable>(_ job: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let work: @Sendable () -> Void = { continuation.resume(with: Result { try job() }) }
            switch executor {
            case let .dispatch(queue): queue.async(execute: work)
            case let .threads(pool): pool.submit(work)
            }
        }
    }
}

/// A fixed set of threads taking jobs from one queue, first in, first out.
final class WorkerPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var head = 0
    private var stopped = false

    init(label: String, workers: Int, niceness: Int32) {
        for i in 0..<workers {
            let thread = Thread { [self] in
                #if canImport(Glibc)
                    // On Linux the nice value belongs to each thread, and `who` 0 is the
                    // calling thread: only this worker is reniced.
                    _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
                #endif
                work()
            }
            thread.name = "\(label).\(i)"
            thread.start()
        }
    }

    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the workers finish the jobs queued and exit.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while head == jobs.count && !stopped { condition.wait() }
            if head == jobs.count {
                condition.unlock()
                return
            }
            let job = jobs[head]
            head += 1
            if head > 1024 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job()
        }
    }
}
