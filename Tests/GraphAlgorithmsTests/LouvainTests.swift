import GraphAlgorithms
import GraphCore
import Testing

@Suite struct LouvainTests {
    @Test(arguments: [UInt64(1), 2, 3, 42, 1234])
    func karateReachesKnownModularity(seed: UInt64) throws {
        let g = try CommunityTestSupport.fixtureGraph("karate.edges")
        let p = Louvain().partition(of: g, seed: seed)
        // The best known value is 0.4198 (4 communities); Louvain gets within 0.02.
        #expect(Modularity.modularity(of: g, partition: p) >= 0.40)
        #expect((3...5).contains(p.count))
    }

    @Test func lesMiserablesWeighted() throws {
        let g = try CommunityTestSupport.fixtureGraph("lesmis.edges")
        let p = Louvain().partition(of: g, seed: 7)
        #expect(Modularity.modularity(of: g, partition: p) >= 0.555)
    }

    @Test func sameSeedSameLabels() throws {
        let g = try CommunityTestSupport.plantedPartition(groups: 8, size: 25, pIn: 0.3, pOut: 0.02, seed: 5)
        let a = Louvain().partition(of: g, seed: 99)
        let b = Louvain().partition(of: g, seed: 99)
        #expect(a.labels == b.labels)
    }

    @Test func recoversCliquesJoinedInARing() throws {
        let g = try CommunityTestSupport.cliques(count: 6, size: 6, bridges: 1, ring: true)
        let p = Louvain().partition(of: g, seed: 3)
        #expect(p == Partition(rawLabels: (0..<36).map { $0 / 6 }))
    }

    @Test func higherResolutionGivesMoreCommunities() throws {
        let g = try CommunityTestSupport.fixtureGraph("lesmis.edges")
        let coarse = Louvain(resolution: 0.5).partition(of: g, seed: 1)
        let fine = Louvain(resolution: 2).partition(of: g, seed: 1)
        #expect(fine.count > coarse.count)
    }

    @Test func isolatedNodesStayAlone() throws {
        var b = GraphBuilder()
        for i in 0..<5 { try b.addNode(String(i)) }
        try b.addEdge(0, 1); try b.addEdge(1, 2); try b.addEdge(0, 2)
        let p = Louvain().partition(of: try b.build(), seed: 1)
        #expect(p.labels == [0, 0, 0, 1, 2])
    }
}
