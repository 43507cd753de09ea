import CreativeCities
import GraphCore
import Testing

/// Link-prediction scores checked against NetworkX on Zachary's karate club; the values
/// come from scripts/partners_link_prediction_fixture.py (NetworkX 3.6.1).
@Suite struct NeighbourhoodScoresTests {
    enum Karate {
        static let edges: [(Int, Int)] = [
            (0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6), (0, 7), (0, 8), (0, 10), (0, 11), (0, 12), (0, 13), (0, 17),
            (0, 19), (0, 21), (0, 31), (1, 2), (1, 3), (1, 7), (1, 13), (1, 17), (1, 19), (1, 21), (1, 30), (2, 3),
            (2, 7), (2, 8), (2, 9), (2, 13), (2, 27), (2, 28), (2, 32), (3, 7), (3, 12), (3, 13), (4, 6), (4, 10),
            (5, 6), (5, 10), (5, 16), (6, 16), (8, 30), (8, 32), (8, 33), (9, 33), (13, 33), (14, 32), (14, 33),
            (15, 32), (15, 33), (18, 32), (18, 33), (19, 33), (20, 32), (20, 33), (22, 32), (22, 33), (23, 25),
            (23, 27), (23, 29), (23, 32), (23, 33), (24, 25), (24, 27), (24, 31), (25, 31), (26, 29), (26, 33),
            (27, 33), (28, 31), (28, 33), (29, 32), (29, 33), (30, 32), (30, 33), (31, 32), (31, 33), (32, 33),
        ]
        static let commonNeighbours: [Double] = [
            7.0, 5.0, 5.0, 2.0, 2.0, 2.0, 3.0, 1.0, 1.0, 2.0, 0.0, 1.0, 3.0, 0.0, 0.0, 2.0, 1.0, 0.0, 1.0, 0.0, 1.0,
            0.0, 0.0, 1.0, 1.0, 0.0, 1.0, 2.0, 0.0, 2.0, 0.0, 3.0, 4.0,
        ]
        static let jaccard: [Double] = [
            0.3888888888888889, 0.23809523809523808, 0.29411764705882354, 0.11764705882352941, 0.1111111111111111,
            0.1111111111111111, 0.17647058823529413, 0.05, 0.058823529411764705, 0.11764705882352941, 0.0,
            0.058823529411764705, 0.16666666666666666, 0.0, 0.0, 0.125, 0.058823529411764705, 0.0, 0.05555555555555555,
            0.0, 0.058823529411764705, 0.0, 0.0, 0.05555555555555555, 0.05555555555555555, 0.0, 0.05263157894736842,
            0.11764705882352941, 0.0, 0.1111111111111111, 0.0, 0.12, 0.13793103448275862,
        ]
        static let adamicAdar: [Double] = [
            6.130716871863356, 2.9772476294283714, 3.6747915911097273, 1.631586747071319, 1.631586747071319,
            1.631586747071319, 1.4475247217679177, 0.43429448190325176, 0.43429448190325176, 1.631586747071319, 0.0,
            0.5581106265512472, 1.4475247217679177, 0.0, 0.0, 1.4426950408889634, 0.45511961331341866, 0.0,
            0.45511961331341866, 0.0, 0.45511961331341866, 0.0, 0.0, 0.5581106265512472, 0.5581106265512472, 0.0,
            0.43429448190325176, 0.9924051084544989, 0.0, 1.0764545478730305, 0.0, 1.613740043014111,
            2.7110197222973085,
        ]
        static let resourceAllocation: [Double] = [
            2.05, 0.9277777777777778, 1.1611111111111112, 0.5833333333333333, 0.5833333333333333, 0.5833333333333333,
            0.37777777777777777, 0.1, 0.1, 0.5833333333333333, 0.0, 0.16666666666666666, 0.37777777777777777, 0.0, 0.0,
            0.5, 0.1111111111111111, 0.0, 0.1111111111111111, 0.0, 0.1111111111111111, 0.0, 0.0, 0.16666666666666666,
            0.16666666666666666, 0.0, 0.1, 0.26666666666666666, 0.0, 0.3111111111111111, 0.0, 0.4666666666666667, 0.9,
        ]
        static let preferentialAttachment: [Double] = [
            144.0, 160.0, 96.0, 48.0, 64.0, 64.0, 64.0, 80.0, 32.0, 48.0, 16.0, 32.0, 80.0, 32.0, 32.0, 32.0, 32.0,
            32.0, 48.0, 32.0, 32.0, 32.0, 80.0, 48.0, 48.0, 32.0, 64.0, 48.0, 64.0, 64.0, 96.0, 192.0, 272.0,
        ]
    }

    static func karate() throws -> Graph {
        var b = GraphBuilder(directed: false, weighted: false)
        for i in 0..<34 { _ = try b.addUniqueNode(String(i)) }
        for (u, v) in Karate.edges { try b.addEdge(u, v) }
        return try b.build()
    }

    @Test func matchesNetworkXOnTheKarateClub() throws {
        let g = try Self.karate()
        let s = NeighbourhoodScores(of: g, source: 0)
        for v in 1..<34 {
            #expect(Double(s.commonPartners[v].count) == Karate.commonNeighbours[v - 1], "CN(0, \(v))")
            #expect(abs(s.jaccard[v] - Karate.jaccard[v - 1]) < 1e-12, "Jaccard(0, \(v))")
            #expect(abs(s.adamicAdar[v] - Karate.adamicAdar[v - 1]) < 1e-12, "AA(0, \(v))")
            #expect(abs(s.resourceAllocation[v] - Karate.resourceAllocation[v - 1]) < 1e-12, "RA(0, \(v))")
            #expect(s.preferentialAttachment[v] == Karate.preferentialAttachment[v - 1], "PA(0, \(v))")
        }
    }

    @Test func hopsCountLinksAndMarkUnreachableNodes() throws {
        var b = GraphBuilder(directed: false, weighted: false)
        for i in 0..<5 { _ = try b.addUniqueNode(String(i)) }
        try b.addEdge(0, 1); try b.addEdge(1, 2); try b.addEdge(3, 4)
        let hops = ShortestPathHops(of: try b.build(), source: 0).hops
        #expect(hops == [0, 1, 2, nil, nil])
    }
}
