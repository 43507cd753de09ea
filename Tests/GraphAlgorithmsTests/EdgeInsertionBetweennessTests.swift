import GraphCore
import Testing

@testable import GraphAlgorithms

/// `EdgeInsertionBetweenness` gives, bit for bit, the betweenness computed from scratch on
/// the graph with the added edges.
@Suite struct EdgeInsertionBetweennessTests {
    static func graphs() throws -> [(String, Graph)] {
        var graphs: [(String, Graph)] = []
        for name in ["karate", "lesmis", "islands", "loops", "directed"] {
            graphs.append((name, try Fixture.load(name).graph))
        }
        graphs.append(("random300", try AllPairsKernelTests.randomGraph(n: 300, parts: 3, directed: false, seed: 11)))
        return graphs
    }

    /// Edge sets to try: random single edges, a pair of edges, an edge already there, a
    /// self-loop, and an edge to a node no other node reaches.
    static func edgeSets(of g: Graph, seed: UInt64) -> [[(Int, Int)]] {
        let n = g.nodeCount
        var generator = SeededGenerator(seed: seed)
        func node() -> Int { Int(generator.next() % UInt64(n)) }
        var sets: [[(Int, Int)]] = (0..<6).map { _ in [(node(), node())] }
        sets.append([(node(), node()), (node(), node())])
        if let (u, v) = g.edges().first.map({ ($0.source, $0.target) }) { sets.append([(v, u)]) }
        sets.append([(3, 3)])
        if let isolated = (0..<n).first(where: { g.degree(of: $0) == 0 }) { sets.append([(0, isolated)]) }
        return sets
    }

    @Test(arguments: [true, false])
    func matchesAComputationFromScratch(normalized: Bool) throws {
        for (name, g) in try Self.graphs() {
            let insertion = EdgeInsertionBetweenness(graph: g, normalized: normalized)
            #expect(insertion.values == betweennessCentrality(of: g, normalized: normalized), "\(name)")
            for edges in Self.edgeSets(of: g, seed: 5) {
                let expected = betweennessCentrality(of: g.addingEdges(edges), normalized: normalized)
                #expect(insertion.afterAdding(edges) == expected, "\(name) + \(edges)")
            }
        }
    }

    @Test func searchesAgainOnlyFromSourcesWhosePathsChange() throws {
        // A path 0–1–2–3–4 and a node 5 hanging from 2: linking 1 and 3 (both at distance 1
        // from 2 and from 5) leaves the searches from 2 and 5 unchanged.
        var b = GraphBuilder(directed: false, weighted: false)
        for (u, v) in [(0, 1), (1, 2), (2, 3), (3, 4), (2, 5)] {
            try b.addEdge(from: String(u), to: String(v))
        }
        let g = try b.build()
        let insertion = EdgeInsertionBetweenness(graph: g)
        let one = try #require(g.node(withID: "1")), three = try #require(g.node(withID: "3"))
        let affected = insertion.affectedSources(by: [(one, three)])
        let unchanged = (0..<g.nodeCount).filter { !affected[$0] }.map { g.ids[$0] }
        #expect(Set(unchanged) == ["2", "5"])
        #expect(insertion.afterAdding([(one, three)]) == betweennessCentrality(of: g.addingEdges([(one, three)])))
    }

    @Test func callsFromSeveralThreadsAgree() async throws {
        let g = try AllPairsKernelTests.randomGraph(n: 200, parts: 2, directed: false, seed: 3)
        let insertion = EdgeInsertionBetweenness(graph: g)
        let pairs = (0..<8).map { ($0 * 17 % 200, ($0 * 31 + 5) % 200) }
        let expected = pairs.map { betweennessCentrality(of: g.addingEdges([$0])) }
        let results = await withTaskGroup(of: (Int, [Double]).self) { group in
            for (i, pair) in pairs.enumerated() {
                group.addTask { (i, insertion.afterAdding([pair])) }
            }
            var byIndex: [Int: [Double]] = [:]
            for await (i, values) in group { byIndex[i] = values }
            return byIndex
        }
        for i in pairs.indices { #expect(results[i] == expected[i]) }
    }
}
