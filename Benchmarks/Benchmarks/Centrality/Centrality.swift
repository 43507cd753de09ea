// Centrality measures on the LFR benchmark graphs: the all-pairs ones (betweenness on
// lfr1k with 1 and 2 threads; closeness and harmonic on lfr10k) and the near-linear ones
// on lfr100k (100,000 nodes, 1,013,987 edges).
import Benchmark
import BenchmarkGraphs
import GraphAlgorithms
import GraphCore

let benchmarks: @Sendable () -> Void = {
    for threads in [1, 2] {
        graphBenchmark(
            "Betweenness lfr1k \(threads)t", graph: "lfr1k",
            configuration: graphConfiguration(iterations: 10)
        ) { graph in
            betweennessCentrality(of: graph, threads: threads)
        }
    }

    // Seconds per run: few iterations, no warm-up.
    let allPairs = graphConfiguration(iterations: 3, seconds: 20, warmup: 0)
    graphBenchmark("Closeness lfr10k 1t", graph: "lfr10k", configuration: allPairs) { graph in
        closenessCentrality(of: graph)
    }
    graphBenchmark("Harmonic lfr10k 1t", graph: "lfr10k", configuration: allPairs) { graph in
        harmonicCentrality(of: graph)
    }

    let linear = graphConfiguration(iterations: 10)
    graphBenchmark("PageRank lfr100k", graph: "lfr100k", configuration: linear) { graph in
        try pageRank(of: graph)
    }
    graphBenchmark("Core numbers lfr100k", graph: "lfr100k", configuration: linear) { graph in
        coreNumbers(of: graph)
    }
    graphBenchmark("Local clustering lfr100k", graph: "lfr100k", configuration: linear) { graph in
        localClustering(of: graph)
    }
    graphBenchmark("Connected components lfr100k", graph: "lfr100k", configuration: linear) { graph in
        ConnectedComponents(of: graph)
    }
}
