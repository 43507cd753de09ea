import Benchmark
import Foundation
import GraphCore
import GraphFormats

/// The benchmark graphs made by `Benchmarks/peers/make_graphs.py` (`NAME.edges`).
///
/// The directory is `$UCCN_BENCH_GRAPHS`, or `Benchmarks/graphs` of this checkout (where
/// `make_graphs.py` writes by default) when it is unset.
/// A suite asks ``available(_:)`` before it registers a benchmark, so a missing graph
/// skips that benchmark with a message on standard error instead of failing the run.
public enum BenchmarkGraphs {
    /// The directory holding the `.edges` files.
    public static var directory: String {
        let value = ProcessInfo.processInfo.environment["UCCN_BENCH_GRAPHS"] ?? ""
        if !value.isEmpty { return value }
        // #filePath is Benchmarks/Sources/BenchmarkGraphs/BenchmarkGraphs.swift.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("graphs").path
    }

    /// The path of graph `name` (`lfr10k` → `<directory>/lfr10k.edges`).
    public static func path(_ name: String) -> String {
        (directory as NSString).appendingPathComponent("\(name).edges")
    }

    /// Whether graph `name` exists; if not, says which benchmark is skipped and how to
    /// make the graph.
    public static func available(_ name: String, for benchmark: String) -> Bool {
        let file = path(name)
        if FileManager.default.isReadableFile(atPath: file) { return true }
        let message = """
            skipping benchmark "\(benchmark)": \(file) not found (set UCCN_BENCH_GRAPHS, or make \
            it with: python3 Benchmarks/peers/make_graphs.py --only lfr1k lfr10k lfr100k)

            """
        FileHandle.standardError.write(Data(message.utf8))
        return false
    }

    /// Reads graph `name`; `weighted: false` drops any weights in the file.
    public static func load(_ name: String, weighted: Bool = false) throws -> Graph {
        try EdgeListFormat.read(path: path(name), options: .init(ignoreWeights: !weighted))
    }
}

/// What every suite measures: wall clock, CPU time (user + system), peak resident memory
/// of the process, and the allocations made through malloc (count and bytes, counted by
/// the benchmark package's malloc interposer).
public let graphMetrics: [BenchmarkMetric] = [
    .wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal, .mallocBytesCount,
]

/// A benchmark configuration with ``graphMetrics``, one warm-up run, and at most
/// `iterations` measured runs or `seconds` of measuring, whichever ends first.
public func graphConfiguration(iterations: Int, seconds: Int = 10, warmup: Int = 1) -> Benchmark.Configuration {
    .init(
        metrics: graphMetrics, warmupIterations: warmup,
        maxDuration: .seconds(seconds), maxIterations: iterations)
}

/// Registers benchmark `name`, which runs `work` on graph `graph`.
///
/// The graph is read once in the benchmark's setup (not measured); each measured
/// iteration runs `work` once. If the graph's file is missing the benchmark is not
/// registered and a message on standard error says so. An error thrown by `work` fails
/// the benchmark with its message.
public func graphBenchmark<Result>(
    _ name: String, graph: String, weighted: Bool = false, configuration: Benchmark.Configuration,
    _ work: @escaping (Graph) throws -> Result
) {
    guard BenchmarkGraphs.available(graph, for: name) else { return }
    Benchmark(
        name, configuration: configuration,
        closure: { (benchmark: Benchmark, loaded: Graph) in
            for _ in benchmark.scaledIterations {
                do {
                    blackHole(try work(loaded))
                } catch {
                    benchmark.error("\(name) failed: \(error)")
                    return
                }
            }
        },
        setup: { try BenchmarkGraphs.load(graph, weighted: weighted) })
}
