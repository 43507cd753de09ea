// Community detection on lfr10k (10,000 nodes, 222 planted communities), seed 42.
import Benchmark
import BenchmarkGraphs
import GraphAlgorithms
import GraphCore

let benchmarks: @Sendable () -> Void = {
    let configuration = graphConfiguration(iterations: 10)
    graphBenchmark("Louvain lfr10k", graph: "lfr10k", configuration: configuration) { graph in
        Louvain().partition(of: graph, seed: 42)
    }
    graphBenchmark("Leiden lfr10k", graph: "lfr10k", configuration: configuration) { graph in
        Leiden().partition(of: graph, seed: 42)
    }
}
