import Foundation
import GraphCore
import GraphFormats
import Testing

/// Reads the files NetworkX 3.6 wrote (`make_format_fixtures.py`) and checks nodes,
/// edges, weights and attributes against the plain description it wrote beside them.
@Suite struct NetworkXFixtureTests {
    struct Expected {
        var directed: Bool
        var nodes: [(id: String, attributes: [String: AttributeValue])]
        var edges: [(source: String, target: String, attributes: [String: AttributeValue])]
    }

    static func attributes(_ value: Any?) throws -> [String: AttributeValue] {
        let tagged = try #require(value as? [String: [Any]])
        var result: [String: AttributeValue] = [:]
        for (name, pair) in tagged {
            let tag = try #require(pair.first as? String)
            switch tag {
            case "bool": result[name] = .bool(try #require(pair[1] as? Bool))
            case "int": result[name] = .int(try #require((pair[1] as? NSNumber)?.intValue))
            case "double": result[name] = .double(try #require((pair[1] as? NSNumber)?.doubleValue))
            default: result[name] = .string(try #require(pair[1] as? String))
            }
        }
        return result
    }

    static func expected(_ variant: String) throws -> Expected {
        let data = try Data(
            contentsOf: URL(fileURLWithPath: try TestSupport.fixture("networkx/expected_\(variant).json")))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let directed = try #require(root["directed"] as? Bool)
        var nodes: [(String, [String: AttributeValue])] = []
        for node in try #require(root["nodes"] as? [[String: Any]]) {
            nodes.append((try #require(node["id"] as? String), try attributes(node["attributes"])))
        }
        var edges: [(String, String, [String: AttributeValue])] = []
        for edge in try #require(root["edges"] as? [[String: Any]]) {
            edges.append(
                (
                    try #require(edge["source"] as? String), try #require(edge["target"] as? String),
                    try attributes(edge["attributes"])
                ))
        }
        return Expected(directed: directed, nodes: nodes, edges: edges)
    }

    static let files: [(file: String, variant: String)] = ["undirected", "directed"].flatMap { v in
        ["graphml", "gexf", "json", "links.json", "edges.csv"].map { ("networkx/\(v).\($0)", v) }
    }

    @Test(arguments: files)
    func readsWhatNetworkXWrote(file: String, variant: String) throws {
        let g = try GraphLoader.load(path: try TestSupport.fixture(file))
        let expected = try Self.expected(variant)
        #expect(g.graph.isDirected == expected.directed)
        #expect(g.graph.isWeighted)
        #expect(g.graph.ids == expected.nodes.map(\.id))
        let nodes = TestSupport.nodeMap(g)
        for node in expected.nodes {
            #expect(nodes[node.id] == node.attributes, "node \(node.id) in \(file)")
        }
        #expect(g.graph.edgeCount == expected.edges.count)
        let edges = TestSupport.edgeMap(g)
        for edge in expected.edges {
            var (a, b) = (edge.source, edge.target)
            if !expected.directed && b < a { swap(&a, &b) }
            let found = try #require(edges["\(a)\u{1}\(b)"], "edge \(a)–\(b) in \(file)")
            var attributes = edge.attributes
            let weight = attributes.removeValue(forKey: "weight")
            #expect(found.weight == weight?.doubleValue, "weight of \(a)–\(b) in \(file)")
            var got = found.attributes
            got.removeValue(forKey: "id")  // GEXF edges carry NetworkX's edge ids
            #expect(got == attributes, "attributes of \(a)–\(b) in \(file)")
        }
        // Column types survive where the format declares them; CSV infers the same ones.
        #expect(g.nodeAttributes.column("year")?.type == .int)
        #expect(g.nodeAttributes.column("score")?.type == .double)
        #expect(g.nodeAttributes.column("member")?.type == .bool)
        #expect(g.edgeAttributes.column("since")?.type == .int)
        if !file.hasSuffix(".csv") {
            #expect(g.graphAttributes["name"] == .string("fixture-\(variant)"))
        }
    }

    @Test func weightAttributeNoneKeepsWeightsAsAnAttribute() throws {
        var options = GraphReadOptions()
        options.weightAttribute = nil
        let g = try GraphLoader.load(path: try TestSupport.fixture("networkx/undirected.graphml"), options: options)
        #expect(!g.graph.isWeighted)
        #expect(g.edgeAttributes.column("weight")?.type == .double)
    }

    @Test func anotherAttributeCanBeTheWeight() throws {
        var options = GraphReadOptions()
        options.weightAttribute = "SINCE"
        let g = try GraphLoader.load(path: try TestSupport.fixture("networkx/directed.json"), options: options)
        #expect(g.graph.isWeighted)
        #expect(g.graph.totalWeight == 1959 + 2000 + 2015 + 2020 + 1990)
        #expect(g.edgeAttributes.column("since") == nil)
        #expect(g.edgeAttributes.column("weight")?.type == .double)
    }
}
