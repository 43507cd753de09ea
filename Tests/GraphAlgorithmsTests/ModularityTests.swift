import Foundation
import GraphAlgorithms
import GraphCore
import Testing

/// Modularity and CPM quality against NetworkX / leidenalg (make_community_fixtures.py).
@Suite struct ModularityTests {
    struct ModularityCase: Decodable, CustomTestStringConvertible, Sendable {
        var graph: String
        var weighted: Bool
        var partition: String
        var resolution: Double
        var labels: [Int]
        var modularity: Double?
        var quality: Double?
        var testDescription: String { "\(graph) weighted=\(weighted) \(partition) γ=\(resolution)" }
    }

    struct Fixture: Decodable {
        var modularity: [ModularityCase]
        var cpm: [ModularityCase]
    }

    static let fixture: Fixture = {
        guard let url = try? CommunityTestSupport.fixtureURL("modularity.json"),
            let data = try? Data(contentsOf: url),
            let decoded = try? JSONDecoder().decode(Fixture.self, from: data)
        else { return Fixture(modularity: [], cpm: []) }
        return decoded
    }()

    @Test func fixturesLoaded() {
        #expect(Self.fixture.modularity.count == 60)
        #expect(Self.fixture.cpm.count == 20)
    }

    @Test(arguments: fixture.modularity)
    func matchesNetworkX(_ c: ModularityCase) throws {
        let g = try CommunityTestSupport.fixtureGraph(c.graph, weighted: c.weighted)
        let q = Modularity.modularity(of: g, labels: c.labels, resolution: c.resolution)
        let expected = try #require(c.modularity)
        #expect(abs(q - expected) < 1e-12, "uccn \(q), networkx \(expected)")
    }

    @Test(arguments: fixture.cpm)
    func cpmMatchesLeidenalg(_ c: ModularityCase) throws {
        let g = try CommunityTestSupport.fixtureGraph(c.graph, weighted: c.weighted)
        let h = Modularity.cpmQuality(of: g, partition: Partition(rawLabels: c.labels), resolution: c.resolution)
        let expected = try #require(c.quality)
        #expect(abs(h - expected) < 1e-9 * max(1, abs(expected)), "uccn \(h), leidenalg \(expected)")
    }

    @Test func isolatedNodesDoNotChangeModularity() throws {
        var b = GraphBuilder()
        for id in ["a", "b", "c", "d", "lonely"] { try b.addNode(id) }
        try b.addEdge(0, 1); try b.addEdge(1, 2); try b.addEdge(2, 3)
        let g = try b.build()
        let alone = Modularity.modularity(of: g, labels: [0, 0, 1, 1, 2])
        let joined = Modularity.modularity(of: g, labels: [0, 0, 1, 1, 1])
        #expect(alone == joined)
        // Path a–b–c–d split in halves: each holds 1 of 3 edges and strength 3 of 6.
        #expect(abs(alone - (2.0 / 3.0 - 2 * 0.25)) < 1e-15)
    }

    @Test func directedGraphsAreScoredAsUndirectedWithSummedWeights() throws {
        var d = GraphBuilder(directed: true, weighted: true)
        try d.addEdge(from: "0", to: "1", weight: 2)
        try d.addEdge(from: "1", to: "0", weight: 3)
        try d.addEdge(from: "1", to: "2", weight: 1)
        try d.addEdge(from: "2", to: "3", weight: 4)
        var u = GraphBuilder(weighted: true)
        try u.addEdge(from: "0", to: "1", weight: 5)
        try u.addEdge(from: "1", to: "2", weight: 1)
        try u.addEdge(from: "2", to: "3", weight: 4)
        let labels = [0, 0, 1, 1]
        let directed = Modularity.modularity(of: try d.build(), labels: labels)
        let undirected = Modularity.modularity(of: try u.build(), labels: labels)
        #expect(abs(directed - undirected) < 1e-15)
    }

    @Test func emptyGraphHasZeroModularity() throws {
        var b = GraphBuilder()
        try b.addNode("x")
        #expect(Modularity.modularity(of: try b.build(), labels: [0]) == 0)
    }
}
