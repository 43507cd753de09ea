import ArgumentParser
import CMemory
import Foundation

/// `--prepare-heap` of `uccn metrics` and `uccn clusters`: makes the heap the computation
/// will allocate from resident before its clock starts.
///
/// A fresh process pays a page fault (about 2 µs on a VM) on every new 4 KiB page of its
/// first large arrays, which can dwarf an O(n) measure on a big graph. Preparing the heap
/// costs about 0.5 ms a MiB of the whole command's time and moves those faults out of
/// `compute_seconds`; it does not make the command faster for a user, so it is off unless
/// asked for: by this flag, or by `UCCN_PREPARE_HEAP=1` in the environment (for benchmark
/// harnesses that call `uccn` with fixed arguments). BENCHMARKS.md says which numbers used it.
struct HeapPreparationOption: ParsableArguments {
    @Flag(
        name: .customLong("prepare-heap"),
        help:
            "Benchmarking: make the heap resident before the clock starts, so compute_seconds excludes first-touch page faults (also UCCN_PREPARE_HEAP=1)."
    )
    var prepareHeap = false

    /// Whether the heap is prepared: the flag, or `UCCN_PREPARE_HEAP=1`.
    var isEnabled: Bool {
        prepareHeap || ProcessInfo.processInfo.environment["UCCN_PREPARE_HEAP"] == "1"
    }

    /// Prepares `bytes` of resident heap (clamped to 1–64 MiB) when enabled.
    func prepare(bytes: Int) {
        guard isEnabled else { return }
        _ = uccn_heap_prepare(min(max(bytes, 1 << 20), 64 << 20))
    }
}
