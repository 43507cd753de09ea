import GraphAlgorithms
import GraphCore
import Testing

@Suite struct ConnectedComponentsTests {
    @Test func labelsAreCanonicalBySizeThenSmallestMember() throws {
        var b = GraphBuilder()
        for id in ["0", "1", "2", "3", "4", "5"] { try b.addNode(id) }
        try b.addEdge(0, 5)  // {0,5}
        try b.addEdge(1, 2)
        try b.addEdge(2, 3)  // {1,2,3}
        let c = ConnectedComponents(of: try b.build())  // {4} isolated
        #expect(c.count == 3)
        #expect(c.sizes == [3, 2, 1])
        #expect(c.labels == [1, 0, 0, 0, 2, 1])
        #expect(c.members() == [[1, 2, 3], [0, 5], [4]])
    }

    @Test func directedGraphsGiveWeakComponents() throws {
        var b = GraphBuilder(directed: true)
        try b.addEdge(from: "a", to: "b")
        try b.addEdge(from: "c", to: "b")
        #expect(ConnectedComponents(of: try b.build()).count == 1)
    }

    /// Components by breadth-first search over the edge list: the definition, slowly.
    static func referenceComponents(_ g: Graph) -> [[Int]] {
        var adjacency = [[Int]](repeating: [], count: g.nodeCount)
        g.forEachEdge { u, v, _ in
            adjacency[u].append(v)
            adjacency[v].append(u)
        }
        var seen = [Bool](repeating: false, count: g.nodeCount)
        var components: [[Int]] = []
        for start in 0..<g.nodeCount where !seen[start] {
            seen[start] = true
            var members = [start]
            var i = 0
            while i < members.count {
                for v in adjacency[members[i]] where !seen[v] {
                    seen[v] = true
                    members.append(v)
                }
                i += 1
            }
            components.append(members.sorted())
        }
        // Canonical order: size, then smallest member.
        return components.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
    }

    /// Random graphs with one large component (not holding node 0), many small ones and
    /// isolated nodes, so that both the sampled joins and the joins outside the large
    /// component matter; undirected and directed.
    @Test(arguments: [(false, UInt64(1)), (false, 2), (false, 3), (true, 4), (true, 5)])
    func agreeWithBreadthFirstSearch(directed: Bool, seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let n = 3_000
        var b = GraphBuilder(directed: directed, duplicates: .first)
        for i in 0..<n { try b.addNode(String(i)) }
        // Nodes 1000..<2600: a large sparse component (a random tree plus extra edges).
        for v in 1001..<2600 {
            try b.addEdge(v, 1000 + Int(rng.next() % UInt64(v - 1000)))
        }
        for _ in 0..<2_000 {
            let u = 1000 + Int(rng.next() % 1600), v = 1000 + Int(rng.next() % 1600)
            if u != v { try b.addEdge(u, v) }
        }
        // Nodes below 1000 and from 2600: pairs, paths and stars, some isolated nodes.
        for _ in 0..<700 {
            let u = Int(rng.next() % 1000), v = Int(rng.next() % 1000)
            if u != v { try b.addEdge(u, v) }
        }
        for v in 2601..<2900 where v % 3 != 0 { try b.addEdge(v, v - 1) }
        let g = try b.build()
        let c = ConnectedComponents(of: g)
        #expect(c.members() == Self.referenceComponents(g))
        #expect(c.sizes == Self.referenceComponents(g).map(\.count))
    }

    @Test func emptyAndEdgelessGraphs() throws {
        #expect(ConnectedComponents(of: try GraphBuilder().build()).count == 0)
        var b = GraphBuilder()
        for id in ["a", "b", "c"] { try b.addNode(id) }
        let c = ConnectedComponents(of: try b.build())
        #expect(c.sizes == [1, 1, 1])
        #expect(c.labels == [0, 1, 2])
    }
}
