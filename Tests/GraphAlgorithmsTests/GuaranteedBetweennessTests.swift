import Foundation
import GraphCore
import Testing

@testable import GraphAlgorithms

/// Betweenness with an (ε, δ) guarantee: the Riondato–Kornaropoulos sample size, the
/// vertex-diameter bound, the error against exact values, determinism.
@Suite struct GuaranteedBetweennessTests {
    /// (ε, δ, VD, r) with r = ⌈(0.5/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ worked out by hand.
    static let sizes: [(Double, Double, Int, Int)] = [
        (0.01, 0.1, 15, 31_513),  // 5000 · (3 + 1 + 2.302585…) = 31,512.9…
        (0.01, 0.1, 3, 16_513),  // log₂(1) = 0: 5000 · 3.302585… = 16,512.9…
        (0.05, 0.01, 10, 1_722),  // 200 · (3 + 1 + 4.605170…) = 1,721.03…
        (0.1, 0.5, 1_000_002, 1_035),  // 50 · (19 + 1 + 0.693147…) = 1,034.66…
        (0.01, 0.1, 2, 0),  // no node lies inside a path of at most two nodes
    ]

    @Test(arguments: sizes.indices)
    func sampleSizeFollowsTheFormula(row: Int) {
        let (epsilon, delta, vd, expected) = Self.sizes[row]
        #expect(GuaranteedBetweenness.sampleSize(epsilon: epsilon, delta: delta, vertexDiameter: vd) == expected)
    }

    /// The most nodes on any shortest path, by breadth-first search from every node.
    static func vertexDiameter(_ g: Graph) -> Int {
        var best = g.nodeCount > 0 ? 1 : 0
        for s in 0..<g.nodeCount {
            var dist = [Int](repeating: -1, count: g.nodeCount)
            dist[s] = 0
            var queue = [s]
            var head = 0
            while head < queue.count {
                let v = queue[head]
                head += 1
                best = max(best, dist[v] + 1)
                for a in Int(g.offsets[v])..<Int(g.offsets[v + 1]) where dist[Int(g.targets[a])] < 0 {
                    dist[Int(g.targets[a])] = dist[v] + 1
                    queue.append(Int(g.targets[a]))
                }
            }
        }
        return best
    }

    @Test(arguments: ["karate", "lesmis", "lfr1k", "islands", "loops", "directed"])
    func vertexDiameterBoundHolds(graph: String) throws {
        let g = try Fixture.load(graph).graph.unweighted()
        let exact = Self.vertexDiameter(g)
        let bound = GuaranteedBetweenness.vertexDiameterBound(of: g)
        #expect(bound >= exact)
        if g.isDirected {
            #expect(bound == g.nodeCount)
        } else {
            #expect(bound <= 2 * exact + 1)
        }
    }

    @Test(arguments: ["karate", "lesmis", "lfr1k", "islands", "directed"], [0.05, 0.02])
    func errorIsWithinEpsilonOfExact(graph: String, epsilon: Double) throws {
        let g = try Fixture.load(graph).graph.unweighted()
        let exact = betweennessCentrality(of: g)
        let estimate = try guaranteedBetweennessCentrality(of: g, epsilon: epsilon, delta: 0.1, seed: 42, threads: 2)
        #expect(estimate.samples > 0)
        let worst = zip(exact, estimate.values).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= epsilon, "\(graph): largest error \(worst)")
        // Sampling is unbiased: the estimates add up to about the exact total.
        let total = exact.reduce(0, +)
        #expect(abs(estimate.values.reduce(0, +) - total) <= 0.1 * total + epsilon)
    }

    @Test func matchesNetworkXOnKarateWithinEpsilon() throws {
        let fixture = try Fixture.load("karate")
        let expected = try #require(fixture.measures["betweenness"])
        let estimate = try guaranteedBetweennessCentrality(of: fixture.graph, epsilon: 0.02, delta: 0.05, seed: 9)
        for v in 0..<fixture.graph.nodeCount {
            #expect(abs(estimate.values[v] - expected[v]) <= 0.02)
        }
    }

    @Test func sameSeedSameValuesForAnyThreadCount() throws {
        let g = try AllPairsKernelTests.randomGraph(n: 3000, parts: 2, directed: false, seed: 1)
        let one = try guaranteedBetweennessCentrality(of: g, epsilon: 0.05, delta: 0.1, seed: 3, threads: 1)
        let two = try guaranteedBetweennessCentrality(of: g, epsilon: 0.05, delta: 0.1, seed: 3, threads: 2)
        #expect(one == two)
        let other = try guaranteedBetweennessCentrality(of: g, epsilon: 0.05, delta: 0.1, seed: 4, threads: 2)
        #expect(other.values != one.values)
        #expect(other.samples == one.samples)
    }

    @Test func unnormalisedValuesCountUnorderedPairs() throws {
        let g = try Fixture.load("karate").graph
        let n = Double(g.nodeCount)
        let normalised = try guaranteedBetweennessCentrality(of: g, epsilon: 0.05, delta: 0.1)
        let raw = try guaranteedBetweennessCentrality(of: g, epsilon: 0.05, delta: 0.1, normalized: false)
        for v in 0..<g.nodeCount {
            let expected = normalised.values[v] * (n - 1) * (n - 2) / 2
            #expect(abs(raw.values[v] - expected) <= 1e-9 * max(1, expected))
        }
    }

    @Test(arguments: [(0.0, 0.1), (1.0, 0.1), (0.1, 0.0), (0.1, 1.0), (-0.5, 0.1)])
    func parametersOutsideTheOpenIntervalAreRejected(epsilon: Double, delta: Double) throws {
        let g = try Fixture.load("karate").graph
        #expect(throws: CentralityError.self) {
            try guaranteedBetweennessCentrality(of: g, epsilon: epsilon, delta: delta)
        }
    }

    @Test func aPathOfTwoNodesHasNothingInside() throws {
        var builder = GraphBuilder()
        _ = try builder.addNode("a")
        _ = try builder.addNode("b")
        try builder.addEdge(0, 1)
        let estimate = try guaranteedBetweennessCentrality(of: try builder.build(), epsilon: 0.1, delta: 0.1)
        #expect(estimate.samples == 0)
        #expect(estimate.values == [0, 0])
    }

    @Test func cancellationStopsSampling() throws {
        let g = try Fixture.load("lfr1k").graph
        let control = RunControl()
        control.cancel()
        #expect(throws: CentralityError.cancelled) {
            try guaranteedBetweennessCentrality(of: g, epsilon: 0.01, delta: 0.1, control: control)
        }
    }
}
