import GraphCore
import Testing

/// `Graph.addingEdges` gives the arrays a full rebuild with `GraphBuilder` gives.
@Suite struct GraphAddingEdgesTests {
    /// A seeded random graph of `n` nodes and about `m` edges (some repeated, some loops).
    static func randomEdges(n: Int, m: Int, seed: UInt64) -> [(Int, Int)] {
        var generator = SeededGenerator(seed: seed)
        return (0..<m).map { _ in (Int(generator.next() % UInt64(n)), Int(generator.next() % UInt64(n))) }
    }

    static func build(
        n: Int, _ edges: [(Int, Int)], directed: Bool, weighted: Bool, weight: (Int) -> Double
    ) throws -> Graph {
        var b = GraphBuilder(directed: directed, weighted: weighted, selfLoops: .drop, duplicates: .first)
        for i in 0..<n { _ = try b.addUniqueNode("n\(i)") }
        for (i, (u, v)) in edges.enumerated() { try b.addEdge(u, v, weight: weight(i)) }
        return try b.build()
    }

    static func expectSameArrays(_ a: Graph, _ b: Graph) {
        #expect(a.offsets == b.offsets)
        #expect(a.targets == b.targets)
        #expect(a.weights == b.weights)
        #expect(a.inOffsets == b.inOffsets)
        #expect(a.inSources == b.inSources)
        #expect(a.inWeights == b.inWeights)
        #expect(a.edgeCount == b.edgeCount)
        #expect(a.ids == b.ids)
    }

    @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
    func matchesARebuild(directed: Bool, weighted: Bool) throws {
        let n = 60
        for seed in UInt64(1)...8 {
            let base = Self.randomEdges(n: n, m: 150, seed: seed)
            let extra = Self.randomEdges(n: n, m: 5, seed: seed + 100) + [(3, 3), base[0]]
            let weight: (Int) -> Double = { Double($0 % 7) + 0.5 }
            let graph = try Self.build(n: n, base, directed: directed, weighted: weighted, weight: weight)
            let rebuilt = try Self.build(
                n: n, base + extra, directed: directed, weighted: weighted,
                weight: { $0 < base.count ? weight($0) : 2.25 })
            Self.expectSameArrays(graph.addingEdges(extra, weight: 2.25), rebuilt)
        }
    }

    @Test func existingEdgesLoopsAndRepeatsAddNothing() throws {
        let graph = try Self.build(n: 4, [(0, 1), (1, 2)], directed: false, weighted: false, weight: { _ in 1 })
        let same = graph.addingEdges([(1, 0), (2, 2), (2, 1)])
        Self.expectSameArrays(same, graph)
        let one = graph.addingEdges([(3, 0), (0, 3), (3, 0)])
        #expect(one.edgeCount == 3)
        #expect(Array(one.neighbors(of: 0)) == [1, 3])
        #expect(Array(one.neighbors(of: 3)) == [0])
        #expect(one.node(withID: "n3") == 3)
    }
}
