import GraphCore
import Testing

@testable import GraphAlgorithms

/// `EdgeInsertionCloseness` gives, bit for bit, the closeness computed from scratch on the
/// graph with the added edge.
@Suite struct EdgeInsertionClosenessTests {
    @Test func matchesAComputationFromScratch() throws {
        for (name, g) in try EdgeInsertionBetweennessTests.graphs() {
            let insertion = EdgeInsertionCloseness(graph: g)
            #expect(insertion.values == closenessCentrality(of: g), "\(name)")
            for edges in EdgeInsertionBetweennessTests.edgeSets(of: g, seed: 9) {
                for (u, v) in edges {
                    let expected = closenessCentrality(of: g.addingEdges([(u, v)]))
                    #expect(insertion.afterAdding(u, v) == expected, "\(name) + \(u)–\(v)")
                }
            }
        }
    }

    @Test func everyPairOfASmallGraphWithSeveralParts() throws {
        let g = try AllPairsKernelTests.randomGraph(n: 40, parts: 4, directed: false, seed: 21)
        let insertion = EdgeInsertionCloseness(graph: g)
        for u in 0..<g.nodeCount {
            for v in stride(from: u + 1, to: g.nodeCount, by: 3) {
                #expect(insertion.afterAdding(u, v) == closenessCentrality(of: g.addingEdges([(u, v)])), "\(u)–\(v)")
            }
        }
    }
}
