import GraphAlgorithms
import GraphCore
import Testing

@Suite struct LabelPropagationTests {
    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func twoDisjointCliques(seed: UInt64) throws {
        let g = try CommunityTestSupport.cliques(count: 2, size: 6)
        let p = LabelPropagation().partition(of: g, seed: seed)
        #expect(p.labels == [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1])
    }

    @Test func sameSeedSameLabels() throws {
        let g = try CommunityTestSupport.fixtureGraph("lesmis.edges")
        let a = LabelPropagation().run(on: g, seed: 8)
        let b = LabelPropagation().run(on: g, seed: 8)
        #expect(a.partition.labels == b.partition.labels)
        #expect(a.sweeps == b.sweeps)
    }

    @Test func stopsWithEveryNodeHoldingAMostFrequentLabel() throws {
        let g = try CommunityTestSupport.fixtureGraph("karate.edges")
        let p = LabelPropagation().partition(of: g, seed: 3)
        for v in 0..<g.nodeCount {
            var counts: [Int32: Int] = [:]
            for u in g.neighbors(of: v) where Int(u) != v { counts[p.labels[Int(u)], default: 0] += 1 }
            let best = counts.values.max() ?? 0
            #expect(counts[p.labels[v], default: 0] == best, "node \(v)")
        }
    }

    @Test func isolatedNodesKeepTheirOwnLabel() throws {
        var b = GraphBuilder()
        for i in 0..<4 { try b.addNode(String(i)) }
        try b.addEdge(1, 2)
        let p = LabelPropagation().partition(of: try b.build(), seed: 1)
        #expect(p.labels == [1, 0, 0, 2])
    }
}
