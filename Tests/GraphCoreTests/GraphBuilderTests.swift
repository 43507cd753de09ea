import GraphCore
import Testing

@Suite struct GraphBuilderTests {
    @Test func undirectedArcsAreSortedAndSymmetric() throws {
        var b = GraphBuilder()
        try b.addEdge(from: "a", to: "c")
        try b.addEdge(from: "a", to: "b")
        try b.addEdge(from: "c", to: "b")
        let g = try b.build()
        #expect(g.nodeCount == 3)
        #expect(g.edgeCount == 3)
        #expect(Array(g.neighbors(of: 0)) == [1, 2])
        #expect(Array(g.neighbors(of: 1)) == [0, 2])
        #expect(g.edges().map { [$0.source, $0.target] } == [[0, 1], [0, 2], [1, 2]])
    }

    @Test func selfLoopCountsTwiceInDegreeAndOnceAsEdge() throws {
        var b = GraphBuilder()
        try b.addEdge(from: "a", to: "a")
        try b.addEdge(from: "a", to: "b")
        let g = try b.build()
        #expect(g.degree(of: 0) == 3)
        #expect(g.edgeCount == 2)
        #expect(g.edges().count == 2)
    }

    @Test(arguments: [
        (DuplicateEdgePolicy.sum, 5.0), (.max, 3.0), (.min, 2.0), (.first, 2.0), (.last, 3.0),
    ])
    func repeatedEdgesMergeByPolicy(policy: DuplicateEdgePolicy, expected: Double) throws {
        var b = GraphBuilder(weighted: true, duplicates: policy)
        try b.addEdge(from: "a", to: "b", weight: 2)
        try b.addEdge(from: "b", to: "a", weight: 3)
        let (g, map) = try b.buildWithEdgeMap()
        #expect(g.edgeCount == 1)
        #expect(g.weights == [expected, expected])
        #expect(map == [0, 0])
    }

    @Test(arguments: [false, true])
    func edgeMapPlacesEveryInputEdge(directed: Bool) throws {
        var b = GraphBuilder(directed: directed, selfLoops: .keep)
        try b.addEdge(from: "c", to: "a")  // 0
        try b.addEdge(from: "a", to: "a")  // 1: self-loop
        try b.addEdge(from: "a", to: "b")  // 2
        try b.addEdge(from: "c", to: "a")  // 3: repeat of 0
        try b.addEdge(from: "b", to: "c")  // 4
        let (g, map) = try b.buildWithEdgeMap()
        // Stable order: by source index (c=0, a=1, b=2), then target.
        let edges = g.edges().map { "\(g.ids[$0.source])\(g.ids[$0.target])" }
        #expect(edges == (directed ? ["ca", "aa", "ab", "bc"] : ["ca", "cb", "aa", "ab"]))
        let mapped = map.map { edges[Int($0)] }
        #expect(mapped == (directed ? ["ca", "aa", "ab", "ca", "bc"] : ["ca", "aa", "ab", "ca", "cb"]))
        var dropping = GraphBuilder(directed: directed, selfLoops: .drop)
        try dropping.addEdge(from: "a", to: "a")
        try dropping.addEdge(from: "a", to: "b")
        #expect(try dropping.buildWithEdgeMap().edgeMap == [-1, 0])
    }

    @Test func rejectPoliciesThrow() throws {
        var loops = GraphBuilder(selfLoops: .reject)
        #expect(throws: GraphError.selfLoopRejected(node: "a")) { try loops.addEdge(from: "a", to: "a") }
        var dups = GraphBuilder(duplicates: .reject)
        try dups.addEdge(from: "a", to: "b")
        try dups.addEdge(from: "a", to: "b")
        #expect(throws: GraphError.duplicateEdgeRejected(source: "a", target: "b")) { try dups.build() }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func badWeightsAreRejected(weight: Double) throws {
        var b = GraphBuilder(weighted: true)
        #expect(throws: GraphError.self) { try b.addEdge(from: "a", to: "b", weight: weight) }
    }

    /// Negative weights are data: measures that cannot use them refuse them when they run.
    @Test func negativeWeightsAreKept() throws {
        var b = GraphBuilder(weighted: true)
        try b.addEdge(from: "a", to: "b", weight: -1.5)
        #expect(try b.build().weights == [-1.5, -1.5])
    }

    @Test func directedGraphKeepsInArcs() throws {
        var b = GraphBuilder(directed: true)
        try b.addEdge(from: "a", to: "b")
        try b.addEdge(from: "c", to: "b")
        let g = try b.build()
        #expect(g.degree(of: 1) == 0)
        #expect(Array(g.inNeighbors(of: 1)) == [0, 2])
        #expect(g.edgeCount == 2)
    }

    @Test func structureUsesEightBytesPerUndirectedEdge() throws {
        var b = GraphBuilder()
        for i in 0..<1000 { try b.addEdge(from: String(i), to: String((i * 7 + 1) % 1000)) }
        let g = try b.build()
        #expect(g.structureBytes == 4 * (g.nodeCount + 1) + 8 * g.edgeCount)
    }

    @Test func seededGeneratorIsReproducible() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let xs = (0..<5).map { _ in a.next() }
        #expect(xs == (0..<5).map { _ in b.next() })
        #expect(xs != (0..<5).map { _ in c.next() })
    }
}
