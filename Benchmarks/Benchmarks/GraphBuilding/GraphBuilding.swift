// Reading `.edges` files and building the CSR graph (lfr10k: 10,000 nodes, 100,931 edges).
import Benchmark
import BenchmarkGraphs
import GraphCore
import GraphFormats

/// The edge list of a graph as the builder takes it: node ids in index order, then
/// edges as index pairs.
struct EdgeArrays: Sendable {
    var ids: [String]
    var sources: [Int]
    var targets: [Int]

    init(_ graph: Graph) {
        ids = graph.ids
        sources = []
        targets = []
        sources.reserveCapacity(graph.edgeCount)
        targets.reserveCapacity(graph.edgeCount)
        graph.forEachEdge { u, v, _ in
            sources.append(u)
            targets.append(v)
        }
    }

    func build() throws -> Graph {
        var builder = GraphBuilder()
        builder.reserveCapacity(nodes: ids.count, edges: sources.count)
        for id in ids { try builder.addNode(id) }
        for (u, v) in zip(sources, targets) { try builder.addEdge(u, v) }
        return try builder.build()
    }
}

let benchmarks: @Sendable () -> Void = {
    let graph = "lfr10k"

    let read = "EdgeListFormat.read lfr10k"
    if BenchmarkGraphs.available(graph, for: read) {
        Benchmark(read, configuration: graphConfiguration(iterations: 30)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try EdgeListFormat.read(path: BenchmarkGraphs.path(graph)))
            }
        }
    }

    // Building from index pairs already in memory: node table, arcs, CSR assembly.
    let build = "GraphBuilder.build lfr10k"
    if BenchmarkGraphs.available(graph, for: build) {
        Benchmark(
            build, configuration: graphConfiguration(iterations: 30),
            closure: { (benchmark: Benchmark, edges: EdgeArrays) in
                for _ in benchmark.scaledIterations {
                    do {
                        blackHole(try edges.build())
                    } catch {
                        benchmark.error("\(build) failed: \(error)")
                        return
                    }
                }
            },
            setup: { EdgeArrays(try BenchmarkGraphs.load(graph)) })
    }
}
