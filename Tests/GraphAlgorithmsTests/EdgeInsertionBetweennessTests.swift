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

    /// The update from the nearer side agrees with the exact values to rounding: on every
    /// fixture (undirected ones; a directed graph has no such update) and on every pair of
    /// a small graph with several parts, including pairs in different parts, with a node
    /// no other reaches, and edges already there.
    @Test(arguments: [true, false])
    func nearerSideUpdateAgreesToRounding(normalized: Bool) throws {
        var cases = try Self.graphs().filter { !$0.1.isDirected }.map { name, g in
            (name, g, Self.edgeSets(of: g, seed: 7).compactMap { $0.count == 1 ? $0[0] : nil })
        }
        let small = try AllPairsKernelTests.randomGraph(n: 40, parts: 4, directed: false, seed: 21)
        cases.append(
            ("random40", small, (0..<40).flatMap { u in stride(from: u + 1, to: 40, by: 2).map { (u, $0) } }))
        var checked = 0
        for (name, g, pairs) in cases {
            let insertion = EdgeInsertionBetweenness(graph: g, normalized: normalized)
            for (u, v) in pairs where u != v {
                let updated = try #require(insertion.afterAddingFromNearerSide(u, v), "\(name)")
                let exact = betweennessCentrality(of: g.addingEdges([(u, v)]), normalized: normalized)
                let scale = max(1, exact.map(abs).max() ?? 0)
                let worst = zip(updated, exact).map { abs($0 - $1) }.max() ?? 0
                #expect(worst <= 1e-13 * scale, "\(name) + \(u)–\(v): \(worst)")
                checked += 1
            }
        }
        #expect(checked > 300)
        // A directed graph is not kept for updates.
        let directed = try Fixture.load("directed").graph
        #expect(EdgeInsertionBetweenness(graph: directed).afterAddingFromNearerSide(0, 1) == nil)
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
