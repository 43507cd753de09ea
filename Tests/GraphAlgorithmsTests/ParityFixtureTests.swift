import Foundation
import GraphAlgorithms
import GraphCore
import GraphFormats
import Testing

/// The measures and options that mirror NetworkX parameters, against NetworkX's values
/// (Fixtures/parity/NAME.json, written by make_parity_fixtures.py): exact measures to
/// 1e-9, PageRank to 1e-6, relative (absolute below 1e-3).
@Suite struct ParityFixtureTests {
    struct Expected {
        let graph: Graph
        let measures: [String: [Double]]
        let edges: [String: [[Double]]]
        let scalars: [String: Double]
        let parameters: [String: Any]

        static func load(_ name: String, duplicates: DuplicateEdgePolicy = .sum) throws -> Expected {
            let directory = try #require(Fixture.directory)
            var options = EdgeListFormat.ReadOptions()
            options.duplicates = duplicates
            let graph = try EdgeListFormat.read(
                path: directory.appendingPathComponent(name + ".edges").path, options: options)
            let data = try Data(contentsOf: directory.appendingPathComponent("parity/\(name).json"))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            return Expected(
                graph: graph, measures: object["measures"] as? [String: [Double]] ?? [:],
                edges: object["edges"] as? [String: [[Double]]] ?? [:],
                scalars: object["scalars"] as? [String: Double] ?? [:],
                parameters: object["parameters"] as? [String: Any] ?? [:])
        }

        func ints(_ key: String) throws -> [Int] { try #require(parameters[key] as? [Int]) }
        func doubles(_ key: String) throws -> [Double] { try #require(parameters[key] as? [Double]) }
    }

    static let graphs = ["karate", "lesmis", "islands", "ties_w", "loops", "directed", "directed_w", "lfr1k_w"]

    func check(_ actual: [Double], _ expected: [Double]?, _ label: String, tolerance: Double = 1e-9) {
        guard let expected else {
            Issue.record("no NetworkX values for \(label)")
            return
        }
        let worst = worstDifference(actual, expected, tolerance: tolerance)
        #expect(
            worst == nil,
            "\(label): node \(worst?.node ?? -1) is \(worst?.actual ?? .nan), NetworkX \(worst?.expected ?? .nan)")
    }

    @Test(arguments: graphs)
    func nodeMeasuresAgreeWithNetworkX(name: String) throws {
        let e = try Expected.load(name)
        let g = e.graph
        check(normalizedDegreeCentrality(of: g), e.measures["degree_centrality"], "\(name) degree_centrality")
        check(
            try CentralityMeasure.degreeCentrality.compute(on: g), e.measures["degree_centrality"],
            "\(name) degree-centrality")
        if g.isDirected {
            check(normalizedDegreeCentrality(of: g, side: .in), e.measures["in_degree_centrality"], "\(name) in")
            check(normalizedDegreeCentrality(of: g, side: .out), e.measures["out_degree_centrality"], "\(name) out")
        } else {
            check(try triangles(of: g), e.measures["triangles"], "\(name) triangles")
            #expect(abs(transitivity(of: g) - (e.scalars["transitivity"] ?? .nan)) <= 1e-12)
        }
        check(coreNumbers(of: g), e.measures["kcore"], "\(name) kcore")
        let nodes = try e.ints("nodes")
        let sources = try e.ints("sources")
        for weighted in g.isWeighted ? [false, true] : [false] {
            let suffix = weighted ? ".weighted" : ""
            check(
                clusteringCoefficient(of: g, weighted: weighted), e.measures["clustering" + suffix],
                "\(name) clustering\(suffix)")
            let average = averageClustering(of: g, weighted: weighted)
            #expect(abs(average - (e.scalars["average_clustering" + suffix] ?? .nan)) <= 1e-9, "\(name)\(suffix)")
            let nonzero = averageClustering(of: g, weighted: weighted, countZeros: false)
            #expect(abs(nonzero - (e.scalars["average_clustering.nonzero" + suffix] ?? .nan)) <= 1e-9)
            check(
                closenessCentrality(of: g, nodes: nil, weighted: weighted, wfImproved: false),
                e.measures["closeness.nowf" + suffix], "\(name) closeness.nowf\(suffix)")
            check(
                closenessCentrality(of: g, nodes: nodes, weighted: weighted),
                e.measures["closeness.nodes" + suffix], "\(name) closeness.nodes\(suffix)")
            check(
                closenessCentrality(of: g, nodes: nodes, weighted: weighted, wfImproved: false),
                e.measures["closeness.nodes.nowf" + suffix], "\(name) closeness.nodes.nowf\(suffix)")
            check(
                harmonicCentrality(of: g, nodes: nil, sources: sources, weighted: weighted),
                e.measures["harmonic.sources" + suffix], "\(name) harmonic.sources\(suffix)")
            check(
                harmonicCentrality(of: g, nodes: nodes, sources: sources, weighted: weighted),
                e.measures["harmonic.nodes.sources" + suffix], "\(name) harmonic.nodes.sources\(suffix)")
            check(
                try pageRank(of: g, weighted: weighted, dangling: try e.doubles("dangling")),
                e.measures["pagerank.dangling" + suffix], "\(name) pagerank.dangling\(suffix)", tolerance: 1e-6)
            check(
                try pageRank(
                    of: g, weighted: weighted, personalization: try e.doubles("personalization"),
                    dangling: try e.doubles("dangling")),
                e.measures["pagerank.personalized.dangling" + suffix],
                "\(name) pagerank.personalized.dangling\(suffix)",
                tolerance: 1e-6)
        }
    }

    @Test(arguments: graphs)
    func edgeBetweennessAgreesWithNetworkX(name: String) throws {
        let e = try Expected.load(name)
        let g = e.graph
        let edges = g.edges()
        for (key, expected) in e.edges.sorted(by: { $0.key < $1.key }) {
            let weighted = key.hasSuffix(".weighted")
            let normalized = !key.contains(".raw")
            let values = edgeBetweennessCentrality(of: g, weighted: weighted, normalized: normalized)
            var byEdge: [String: Double] = [:]
            for (i, edge) in edges.enumerated() { byEdge["\(edge.source) \(edge.target)"] = values[i] }
            #expect(byEdge.count == expected.count, "\(name) \(key): \(byEdge.count) edges, NetworkX \(expected.count)")
            for triple in expected {
                let label = "\(Int(triple[0])) \(Int(triple[1]))"
                let actual = byEdge[label] ?? .nan
                #expect(abs(actual - triple[2]) <= 1e-9 * max(abs(triple[2]), 1e-3), "\(name) \(key) edge \(label)")
            }
        }
        if g.edgeCount > 0 && name != "lfr1k_w" { #expect(!e.edges.isEmpty) }
    }

    /// Repeated edges merged by `--duplicates` give NetworkX's MultiGraph answers: the sum
    /// for the weighted degree, the minimum for shortest paths.
    @Test func duplicatePoliciesGiveTheMultigraphAnswers() throws {
        let summed = try Expected.load("multi_w", duplicates: .sum)
        check(strength(of: summed.graph), summed.measures["strength.sum"], "multi_w strength (sum)")
        let lightest = try Expected.load("multi_w", duplicates: .min)
        let g = lightest.graph
        check(betweennessCentrality(of: g, weighted: true), lightest.measures["betweenness.min"], "betweenness (min)")
        check(closenessCentrality(of: g, weighted: true), lightest.measures["closeness.min"], "closeness (min)")
        check(harmonicCentrality(of: g, weighted: true), lightest.measures["harmonic.min"], "harmonic (min)")
    }
}
