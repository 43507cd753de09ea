import CMemory
import Foundation
import GraphCore
import Testing

@testable import GraphAlgorithms

/// The all-pairs kernels (64-source and direction-optimising 256-source breadth-first
/// searches, renumbered Brandes) against the ones they replace and against NetworkX, for
/// one and two threads.
@Suite struct AllPairsKernelTests {
    static let fixtures = ["karate", "lesmis", "lfr1k", "islands", "loops", "directed"]

    /// A random graph of `n` nodes in `parts` separate parts (so some nodes reach only
    /// some others), sparse enough for long paths, with a few pendant nodes.
    static func randomGraph(n: Int, parts: Int, directed: Bool, seed: UInt64) throws -> Graph {
        var generator = SeededGenerator(seed: seed)
        var builder = GraphBuilder(directed: directed, selfLoops: .keep, duplicates: .sum)
        for v in 0..<n { _ = try builder.addNode(String(v)) }
        let size = n / parts
        for p in 0..<parts {
            let first = p * size
            let last = p == parts - 1 ? n : first + size
            for v in (first + 1)..<last {
                // A tree edge to an earlier node of the part, then a few random ones.
                try builder.addEdge(v, first + Int(generator.next() % UInt64(v - first)))
                if v % 7 != 0 {
                    for _ in 0..<2 {
                        try builder.addEdge(v, first + Int(generator.next() % UInt64(last - first)))
                    }
                }
            }
        }
        return try builder.build()
    }

    static func unweightedGraphs() throws -> [(String, Graph)] {
        var graphs: [(String, Graph)] = []
        for name in fixtures {
            graphs.append((name, try Fixture.load(name).graph.unweighted()))
        }
        graphs.append(("random3000", try randomGraph(n: 3000, parts: 3, directed: false, seed: 7)))
        graphs.append(("random2500-directed", try randomGraph(n: 2500, parts: 2, directed: true, seed: 8)))
        return graphs
    }

    @Test(arguments: [1, 2])
    func directionOptimizingSumsEqualTheOtherKernels(threads: Int) throws {
        for (name, g) in try Self.unweightedGraphs() {
            let old = ShortestPathSums(graph: g, weighted: false, threads: 1, kernel: .bitParallel64)
            let new = ShortestPathSums(graph: g, weighted: false, threads: threads, kernel: .directionOptimizing)
            #expect(new.reached == old.reached, "\(name)")
            #expect(new.totalDistance == old.totalDistance, "\(name)")
            #expect(new.harmonic == old.harmonic, "\(name): harmonic sums must be bit-identical")
            let single = ShortestPathSums(graph: g, weighted: false, threads: threads, kernel: .singleSource)
            #expect(single.reached == old.reached, "\(name)")
            #expect(single.totalDistance == old.totalDistance, "\(name)")
            for v in 0..<g.nodeCount {
                #expect(
                    abs(single.harmonic[v] - old.harmonic[v]) <= 1e-12 * max(1, old.harmonic[v]), "\(name) node \(v)")
            }
        }
    }

    @Test func theAutomaticChoiceDependsOnSizeAndWeights() throws {
        #expect(ShortestPathSums.directionOptimizingFrom == 2048)
        let big = try Self.randomGraph(n: 3000, parts: 1, directed: false, seed: 3)
        let automatic = ShortestPathSums(graph: big, weighted: false, threads: 2)
        let forced = ShortestPathSums(graph: big, weighted: false, threads: 1, kernel: .directionOptimizing)
        #expect(automatic.harmonic == forced.harmonic)
        #expect(closenessCentrality(of: big, threads: 1) == closenessCentrality(of: big, threads: 2))
        #expect(harmonicCentrality(of: big, threads: 1) == harmonicCentrality(of: big, threads: 2))
    }

    @Test(arguments: ["karate", "lesmis", "lfr1k", "islands", "loops", "directed"], [1, 2])
    func directionOptimizingMatchesNetworkX(graph: String, threads: Int) throws {
        let fixture = try Fixture.load(graph)
        let g = fixture.graph.unweighted()
        let sums = ShortestPathSums(graph: g, weighted: false, threads: threads, kernel: .directionOptimizing)
        let key = { (family: String) in
            fixture.measures[family + ".unweighted"] ?? (fixture.graph.isWeighted ? nil : fixture.measures[family])
        }
        let closenessExpected = try #require(key("closeness"), "\(graph) closeness fixture")
        let harmonicExpected = try #require(key("harmonic"), "\(graph) harmonic fixture")
        let closenessValues = closeness(from: sums, n: g.nodeCount)
        for v in 0..<g.nodeCount {
            #expect(abs(closenessValues[v] - closenessExpected[v]) <= 1e-9 * max(1, closenessExpected[v]))
            #expect(abs(sums.harmonic[v] - harmonicExpected[v]) <= 1e-9 * max(1, harmonicExpected[v]))
        }
    }

    @Test(arguments: [1, 2])
    func renumberedBrandesEqualsTheOriginalOrder(threads: Int) throws {
        for (name, g) in try Self.unweightedGraphs() {
            let sources = Array(0..<g.nodeCount)
            for endpoints in [false, true] {
                let plain = brandesDependencies(
                    graph: g, sources: sources, weighted: false, endpoints: endpoints, threads: 1, progress: nil,
                    renumber: false)
                let renumbered = brandesDependencies(
                    graph: g, sources: sources, weighted: false, endpoints: endpoints, threads: threads,
                    progress: nil, renumber: true, kernel: .singleSource)
                for v in 0..<g.nodeCount {
                    #expect(abs(renumbered[v] - plain[v]) <= 1e-12 * max(1, plain[v]), "\(name) node \(v)")
                }
            }
        }
    }

    /// A path of `n` nodes with a triangle at one end: deeper than the multi-source
    /// kernel's distance bytes hold, so its batches fall back to single sources.
    static func longPath(n: Int) throws -> Graph {
        var builder = GraphBuilder(directed: false)
        for v in 0..<n { _ = try builder.addNode(String(v)) }
        for v in 1..<n { try builder.addEdge(v - 1, v) }
        try builder.addEdge(0, 2)
        return try builder.build()
    }

    @Test(arguments: [1, 2])
    func multiSourceBrandesEqualsTheSingleSourceKernel(threads: Int) throws {
        var graphs = try Self.unweightedGraphs()
        graphs.append(("path300", try Self.longPath(n: 300)))
        for (name, g) in graphs {
            let all = Array(0..<g.nodeCount)
            // Every third node: sampled sources, a last batch that is not full.
            let some = stride(from: 1, to: g.nodeCount, by: 3).map { $0 }
            // The large random graphs (slow in debug builds) with the sampled sources only.
            for sources in g.nodeCount > 2000 ? [some] : [all, some] {
                for endpoints in [false, true] {
                    let single = brandesDependencies(
                        graph: g, sources: sources, weighted: false, endpoints: endpoints, threads: 1,
                        progress: nil, renumber: false, kernel: .singleSource)
                    let multi = brandesDependencies(
                        graph: g, sources: sources, weighted: false, endpoints: endpoints, threads: threads,
                        progress: nil, kernel: .multiSource)
                    #expect(multi.count == single.count)
                    for v in 0..<g.nodeCount {
                        #expect(
                            abs(multi[v] - single[v]) <= 1e-12 * max(1, single[v]),
                            "\(name) node \(v) endpoints \(endpoints) sources \(sources.count)")
                    }
                }
            }
        }
    }

    /// The multi-source kernel's counting runs in CMemory's `uccn_lanes` kernels, with
    /// AVX-512 where the processor has it and a portable variant elsewhere: both must give
    /// the same bits, on one and two threads, with and without endpoints, on undirected,
    /// directed and partial batches and next to the single-source fallback (the long
    /// path). Forcing the portable variant while other tests run changes none of their
    /// results, by the same property.
    @Test func multiSourceBrandesIsTheSameBitsWithEitherLaneVariant() throws {
        let graphs: [(String, Graph)] = [
            ("random3000", try Self.randomGraph(n: 3000, parts: 3, directed: false, seed: 11)),
            ("random2500-directed", try Self.randomGraph(n: 2500, parts: 2, directed: true, seed: 12)),
            ("path300", try Self.longPath(n: 300)),
            ("lfr1k", try Fixture.load("lfr1k").graph.unweighted()),
        ]
        defer { uccn_lanes_force_portable(0) }
        for (name, g) in graphs {
            let some = stride(from: 1, to: g.nodeCount, by: 3).map { $0 }
            for endpoints in [false, true] {
                for threads in [1, 2] {
                    uccn_lanes_force_portable(1)
                    #expect(uccn_lanes_vectorised() == 0)
                    let portable = brandesDependencies(
                        graph: g, sources: some, weighted: false, endpoints: endpoints, threads: threads,
                        progress: nil, kernel: .multiSource)
                    uccn_lanes_force_portable(0)
                    let best = brandesDependencies(
                        graph: g, sources: some, weighted: false, endpoints: endpoints, threads: threads,
                        progress: nil, kernel: .multiSource)
                    #expect(
                        portable.map(\.bitPattern) == best.map(\.bitPattern),
                        "\(name) endpoints \(endpoints) threads \(threads) (AVX-512: \(uccn_lanes_vectorised()))")
                    #expect(portable.contains { $0 > 0 }, "\(name): some node lies on shortest paths")
                }
            }
        }
    }

    /// The workers of the multi-source kernel share one array of value lines and split
    /// each level's nodes: the sums must be the same bits for any number of them, with and
    /// without endpoints, on a partial last batch, a directed graph, and batches that fall
    /// back to single sources (the long path) next to batches that do not.
    @Test(arguments: [2, 3])
    func multiSourceBrandesIsTheSameBitsForAnyThreadCount(threads: Int) throws {
        let graphs: [(String, Graph)] = [
            ("random3000", try Self.randomGraph(n: 3000, parts: 3, directed: false, seed: 7)),
            ("random2500-directed", try Self.randomGraph(n: 2500, parts: 2, directed: true, seed: 8)),
            ("path300", try Self.longPath(n: 300)),
            ("lfr1k", try Fixture.load("lfr1k").graph.unweighted()),
        ]
        for (name, g) in graphs {
            let some = stride(from: 2, to: g.nodeCount, by: 5).map { $0 }
            for endpoints in [false, true] {
                let one = brandesDependencies(
                    graph: g, sources: some, weighted: false, endpoints: endpoints, threads: 1, progress: nil,
                    kernel: .multiSource)
                let many = brandesDependencies(
                    graph: g, sources: some, weighted: false, endpoints: endpoints, threads: threads, progress: nil,
                    kernel: .multiSource)
                #expect(one == many, "\(name) endpoints \(endpoints)")
                #expect(one.contains { $0 > 0 }, "\(name): some node lies on shortest paths")
            }
        }
    }

    @Test(arguments: ["karate", "lesmis", "lfr1k", "islands", "loops", "directed"], [1, 2])
    func multiSourceBrandesMatchesNetworkX(graph: String, threads: Int) throws {
        let fixture = try Fixture.load(graph)
        let g = fixture.graph.unweighted()
        let expected = try #require(
            fixture.measures["betweenness.unweighted"]
                ?? (fixture.graph.isWeighted ? nil : fixture.measures["betweenness"]), "\(graph) betweenness fixture")
        let raw = brandesDependencies(
            graph: g, sources: Array(0..<g.nodeCount), weighted: false, endpoints: false, threads: threads,
            progress: nil, kernel: .multiSource)
        let values = rescaleBetweenness(
            raw, n: g.nodeCount, normalized: true, directed: g.isDirected, endpoints: false, sampledSources: nil)
        for v in 0..<g.nodeCount {
            #expect(abs(values[v] - expected[v]) <= 1e-9 * max(1, expected[v]), "\(graph) node \(v)")
        }
    }

    @Test func multiSourceBetweennessIsTheSameForAnyThreadCountAndChosenBySize() throws {
        #expect(multiSourceFrom == 2048)
        let g = try Self.randomGraph(n: 3000, parts: 2, directed: false, seed: 12)
        let forced = brandesDependencies(
            graph: g, sources: Array(0..<g.nodeCount), weighted: false, endpoints: false, threads: 1,
            progress: nil, kernel: .multiSource)
        let automatic = brandesDependencies(
            graph: g, sources: Array(0..<g.nodeCount), weighted: false, endpoints: false, threads: 2, progress: nil)
        #expect(forced == automatic)
    }

    @Test func renumberedBetweennessIsTheSameForAnyThreadCount() throws {
        let g = try Self.randomGraph(n: 3000, parts: 2, directed: false, seed: 11)
        #expect(betweennessCentrality(of: g, threads: 1) == betweennessCentrality(of: g, threads: 2))
        let sampled1 = approximateBetweennessCentrality(of: g, samples: 300, seed: 5, threads: 1)
        let sampled2 = approximateBetweennessCentrality(of: g, samples: 300, seed: 5, threads: 2)
        #expect(sampled1 == sampled2)
    }

    @Test(arguments: CentralityMeasure.allCases.filter { [.betweenness, .closeness, .harmonic].contains($0) })
    func aCancelledRunThrowsAndCountsNothingMore(measure: CentralityMeasure) throws {
        let g = try Self.randomGraph(n: 3000, parts: 1, directed: false, seed: 2)
        let control = RunControl()
        control.cancel()
        #expect(throws: CentralityError.cancelled) {
            try measure.compute(on: g, options: CentralityOptions(threads: 2), control: control)
        }
        #expect(control.progress.done == 0)
        #expect(control.progress.total == g.nodeCount)
    }

    @Test func progressCountsEverySource() throws {
        let g = try Self.randomGraph(n: 3000, parts: 2, directed: false, seed: 4)
        for measure in [CentralityMeasure.closeness, .harmonic, .betweenness] {
            let control = RunControl()
            let values = try measure.compute(on: g, options: CentralityOptions(threads: 2), control: control)
            #expect(values == (try measure.compute(on: g, options: CentralityOptions(threads: 1))))
            #expect(control.progress.done == g.nodeCount)
            #expect(control.progress.total == g.nodeCount)
        }
    }

    /// Closeness without the Wasserman–Faust factor (`--no-wf-improved`) over every node
    /// runs on the all-pairs kernels, with progress and Ctrl-C, and gives the values of one
    /// search a node (the same bits unweighted, where the sums are whole numbers).
    @Test func closenessWithoutTheCorrectionUsesTheAllPairsKernels() throws {
        let graphs: [(String, Graph)] = [
            ("random3000", try Self.randomGraph(n: 3000, parts: 3, directed: false, seed: 21)),
            ("random2500-directed", try Self.randomGraph(n: 2500, parts: 2, directed: true, seed: 22)),
            ("lesmis", try Fixture.load("lesmis").graph),
        ]
        for (name, g) in graphs {
            for weighted in g.isWeighted ? [false, true] : [false] {
                var options = CentralityOptions(weighted: weighted, threads: 2)
                options.wfImproved = false
                let control = RunControl()
                let values = try CentralityMeasure.closeness.compute(on: g, options: options, control: control)
                let expected = closenessCentrality(of: g, nodes: nil, weighted: weighted, wfImproved: false)
                #expect(control.progress.done == g.nodeCount, "\(name)")
                for v in 0..<g.nodeCount {
                    if weighted {
                        #expect(abs(values[v] - expected[v]) <= 1e-12 * max(1, expected[v]), "\(name) node \(v)")
                    } else {
                        #expect(values[v] == expected[v], "\(name) node \(v)")
                    }
                }
                // The random graphs have several parts, where the correction changes values
                // (Les Misérables is connected: there it is a factor of 1).
                let corrected = try CentralityMeasure.closeness.compute(
                    on: g, options: CentralityOptions(weighted: weighted))
                #expect((values != corrected) == name.hasPrefix("random"), "\(name): the correction's effect")
                let cancelled = RunControl()
                cancelled.cancel()
                #expect(throws: CentralityError.cancelled) {
                    try CentralityMeasure.closeness.compute(on: g, options: options, control: cancelled)
                }
            }
        }
    }

    /// Edge betweenness under a control counts every source, gives the uncontrolled
    /// values, and stops when cancelled.
    @Test func edgeBetweennessReportsProgressAndStops() throws {
        let g = try Self.randomGraph(n: 800, parts: 2, directed: false, seed: 31)
        let control = RunControl()
        let values = try edgeBetweennessCentrality(of: g, threads: 2, control: control)
        #expect(values == edgeBetweennessCentrality(of: g))
        #expect(control.progress.done == g.nodeCount)
        #expect(control.progress.total == g.nodeCount)
        let cancelled = RunControl()
        cancelled.cancel()
        #expect(throws: CentralityError.cancelled) { try edgeBetweennessCentrality(of: g, control: cancelled) }
        #expect(cancelled.progress.done == 0)
    }

    /// Edge betweenness sums each fixed block of sources apart and adds the blocks in
    /// order: the same bits for any number of threads, weighted or not, directed or not.
    @Test func edgeBetweennessIsTheSameBitsForAnyThreadCount() throws {
        let graphs: [(String, Graph)] = [
            ("random600", try Self.randomGraph(n: 600, parts: 2, directed: false, seed: 41)),
            ("random500-directed", try Self.randomGraph(n: 500, parts: 2, directed: true, seed: 42)),
            ("lesmis", try Fixture.load("lesmis").graph),
        ]
        for (name, g) in graphs {
            for weighted in g.isWeighted ? [false, true] : [false] {
                let one = edgeBetweennessCentrality(of: g, weighted: weighted, threads: 1)
                #expect(one.contains { $0 > 0 }, "\(name)")
                for threads in [2, 3] {
                    let many = edgeBetweennessCentrality(of: g, weighted: weighted, threads: threads)
                    #expect(
                        one.map(\.bitPattern) == many.map(\.bitPattern),
                        "\(name) weighted \(weighted) threads \(threads)")
                }
            }
        }
    }

    /// `--approximate K` with the automatic kernel reports its K sources and stops when
    /// cancelled, with the values of the uncontrolled computation.
    @Test func sampledBetweennessReportsProgressAndStops() throws {
        let g = try Self.randomGraph(n: 3000, parts: 2, directed: false, seed: 6)
        var options = CentralityOptions(threads: 2)
        options.samples = 500
        options.seed = 9
        let control = RunControl()
        let values = try CentralityMeasure.betweenness.compute(on: g, options: options, control: control)
        #expect(values == approximateBetweennessCentrality(of: g, samples: 500, seed: 9, threads: 1))
        #expect(control.progress.done == 500)
        #expect(control.progress.total == 500)
        let cancelled = RunControl()
        cancelled.cancel()
        #expect(throws: CentralityError.cancelled) {
            try CentralityMeasure.betweenness.compute(on: g, options: options, control: cancelled)
        }
        #expect(cancelled.progress.done == 0)
    }
}
