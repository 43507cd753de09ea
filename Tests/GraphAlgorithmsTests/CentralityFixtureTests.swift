import Foundation
import GraphAlgorithms
import GraphCore
import Testing

/// Every measure on every fixture graph against NetworkX (see make_fixtures.py):
/// exact measures to 1e-9, iterative ones (eigenvector, PageRank, Katz) to 1e-6,
/// relative to the expected value (absolute below 1e-3).
@Suite struct CentralityFixtureTests {
    static let graphs = [
        "karate", "lesmis", "lfr1k", "lfr1k_w", "islands", "ties_w", "loops", "directed", "directed_w",
    ]

    static let families = [
        "degree", "in_degree", "out_degree", "strength", "betweenness", "betweenness.endpoints",
        "betweenness.raw", "betweenness.raw.endpoints", "closeness", "harmonic", "eigenvector",
        "pagerank", "pagerank.personalized", "katz", "kcore", "clustering", "components",
    ]

    /// Families that a fixture of this kind must contain.
    static func required(_ family: String, directed: Bool, hasEdges: Bool) -> Bool {
        switch family {
        case "in_degree", "out_degree": return directed
        case "kcore", "clustering", "components": return !directed
        case "eigenvector": return !directed && hasEdges
        default: return true
        }
    }

    static func tolerance(_ family: String) -> Double {
        switch family {
        case "eigenvector", "pagerank", "pagerank.personalized", "katz": return 1e-6
        default: return 1e-9
        }
    }

    static func compute(
        _ family: String, key: String, weighted: Bool, fixture: Fixture, threads: Int
    ) throws -> [Double] {
        let g = fixture.graph
        switch family {
        case "degree": return degreeCentrality(of: g)
        case "in_degree": return inDegreeCentrality(of: g)
        case "out_degree": return outDegreeCentrality(of: g)
        case "strength": return strength(of: weighted ? g : g.unweighted())
        case "betweenness":
            return betweennessCentrality(of: g, weighted: weighted, threads: threads)
        case "betweenness.endpoints":
            return betweennessCentrality(of: g, weighted: weighted, endpoints: true, threads: threads)
        case "betweenness.raw":
            return betweennessCentrality(of: g, weighted: weighted, normalized: false, threads: threads)
        case "betweenness.raw.endpoints":
            return betweennessCentrality(
                of: g, weighted: weighted, normalized: false, endpoints: true, threads: threads)
        case "closeness": return closenessCentrality(of: g, weighted: weighted, threads: threads)
        case "harmonic": return harmonicCentrality(of: g, weighted: weighted, threads: threads)
        case "eigenvector": return try eigenvectorCentrality(of: g, weighted: weighted)
        case "pagerank": return try pageRank(of: g, weighted: weighted, threads: threads)
        case "pagerank.personalized":
            let p = try #require(fixture.parameters["personalization"] as? [Double])
            return try pageRank(of: g, weighted: weighted, personalization: p, threads: threads)
        case "katz":
            let name = weighted || !g.isWeighted ? "katz_alpha" : "katz_alpha.unweighted"
            let alpha = try #require(fixture.parameters[name] as? Double)
            return try katzCentrality(of: g, alpha: alpha, weighted: weighted)
        case "kcore": return coreNumbers(of: g)
        case "clustering": return localClustering(of: g)
        case "components": return ConnectedComponents(of: g).labels.map(Double.init)
        default: throw FixtureError.missing("family \(family)")
        }
    }

    @Test(arguments: graphs, families)
    func agreesWithNetworkX(graph: String, family: String) throws {
        let fixture = try Fixture.load(graph)
        let keys = fixture.keys(for: family)
        if Self.required(family, directed: fixture.graph.isDirected, hasEdges: fixture.graph.edgeCount > 0) {
            #expect(!keys.isEmpty, "fixture \(graph) has no \(family) values")
        }
        for (key, weighted) in keys {
            let expected = try #require(fixture.measures[key])
            let actual = try Self.compute(family, key: key, weighted: weighted, fixture: fixture, threads: 1)
            let worst = worstDifference(actual, expected, tolerance: Self.tolerance(family))
            #expect(
                worst == nil,
                "\(graph) \(key): node \(worst?.node ?? -1) is \(worst?.actual ?? .nan), NetworkX \(worst?.expected ?? .nan)"
            )
        }
    }

    @Test(arguments: ["karate", "lesmis", "islands", "ties_w", "directed_w"])
    func transitivityAndThreadsAgree(graph: String) throws {
        let fixture = try Fixture.load(graph)
        if let expected = fixture.scalars["transitivity"] {
            #expect(abs(transitivity(of: fixture.graph) - expected) <= 1e-12)
        }
        // Parallel kernels give bit-identical results for any thread count.
        for family in ["betweenness", "closeness", "harmonic", "pagerank"] {
            let weighted = fixture.graph.isWeighted
            let one = try Self.compute(family, key: family, weighted: weighted, fixture: fixture, threads: 1)
            let three = try Self.compute(family, key: family, weighted: weighted, fixture: fixture, threads: 3)
            #expect(one == three, "\(graph) \(family) differs between 1 and 3 threads")
        }
    }
}
