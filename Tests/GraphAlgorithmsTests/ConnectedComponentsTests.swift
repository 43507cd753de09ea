import GraphAlgorithms
import GraphCore
import Testing

@Suite struct ConnectedComponentsTests {
    @Test func labelsAreCanonicalBySizeThenSmallestMember() throws {
        var b = GraphBuilder()
        for id in ["0", "1", "2", "3", "4", "5"] { try b.addNode(id) }
        try b.addEdge(0, 5)          // {0,5}
        try b.addEdge(1, 2)
        try b.addEdge(2, 3)          // {1,2,3}
        let c = ConnectedComponents(of: try b.build())   // {4} isolated
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
}
