import Foundation
import GraphCore
import GraphFormats
import Testing

/// uccn → file → uccn keeps everything the format can hold.
@Suite struct RoundTripTests {
    /// A graph with every attribute type, text that needs escaping in every format,
    /// non-ASCII ids, a self-loop and an isolated node.
    static func sample(directed: Bool, weighted: Bool) throws -> AttributedGraph {
        var builder = GraphBuilder(directed: directed, weighted: weighted)
        let ids = ["lyon", "kyōto", "a&b <c>", "quote\"d", "comma, semi; tab\tend", "isolated", "12"]
        for id in ids { try builder.addUniqueNode(id) }
        let edges: [(Int, Int, Double)] = [
            (0, 1, 2.5), (1, 2, 0.125), (2, 3, 1), (3, 0, 4), (0, 0, 1.5), (4, 6, 1e-5), (6, 1, 123456.75),
        ]
        for (u, v, w) in edges { try builder.addEdge(u, v, weight: w) }
        let (graph, map) = try builder.buildWithEdgeMap()
        var nodes = AttributeTable(count: graph.nodeCount)
        nodes.setColumn(
            "label", type: .string,
            values: ["Lyon", "京都", "A & B", "“Quoted” \"text\"", "multi\nline", nil, "twelve"].map {
                $0.map(AttributeValue.string)
            })
        nodes.setColumn(
            "year", type: .int,
            values: [2008, 2014, nil, -5, 0, 1999, Int(Int32.max) + 7].map { $0.map(AttributeValue.int) })
        nodes.setColumn(
            "score", type: .double,
            values: [0.75, -2.25, 3, 1e-300, nil, 0.1, 6.02e23].map { $0.map(AttributeValue.double) })
        nodes.setColumn(
            "member", type: .bool,
            values: [true, false, true, nil, false, true, false].map { $0.map(AttributeValue.bool) })
        var edgeTable = AttributeTable(count: graph.edgeCount)
        let kinds = ["sister-city", "partnership", "proposed", "sister-city", "self", "x,y", "é"]
        let since = [1959, 2015, 2020, 1990, 2000, 1, 2]
        var kindValues = [AttributeValue?](repeating: nil, count: graph.edgeCount)
        var sinceValues = [AttributeValue?](repeating: nil, count: graph.edgeCount)
        for (input, e) in map.enumerated() where e >= 0 {
            kindValues[Int(e)] = .string(kinds[input])
            if input != 2 { sinceValues[Int(e)] = .int(since[input]) }
        }
        edgeTable.setColumn("kind", type: .string, values: kindValues)
        edgeTable.setColumn("since", type: .int, values: sinceValues)
        return AttributedGraph(
            graph: graph, nodeAttributes: nodes, edgeAttributes: edgeTable,
            graphAttributes: ["name": .string("sample & co")])
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var format: GraphFileFormat
        var fileName: String
        var gexfVersion: GEXFVersion = .v1_3
        var keepsGraphAttributes: Bool
        var testDescription: String { fileName }
    }

    static let cases: [Case] = [
        Case(format: .graphml, fileName: "g.graphml", keepsGraphAttributes: true),
        Case(format: .gexf, fileName: "g13.gexf", keepsGraphAttributes: true),
        Case(format: .gexf, fileName: "g12.gexf", gexfVersion: .v1_2, keepsGraphAttributes: true),
        Case(format: .json, fileName: "g.json", keepsGraphAttributes: true),
        Case(format: .csv, fileName: "g.edges.csv", keepsGraphAttributes: false),
    ]

    @Test(arguments: cases, [(false, true), (true, true), (false, false), (true, false)])
    func roundTripIsLossless(_ c: Case, variant: (directed: Bool, weighted: Bool)) throws {
        let original = try Self.sample(directed: variant.directed, weighted: variant.weighted)
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(c.fileName).path
        var options = GraphWriteOptions()
        options.gexfVersion = c.gexfVersion
        try GraphWriter.write(original, to: path, options: options)
        let back = try GraphLoader.load(path: path)
        if !variant.weighted && c.format == .csv {
            // Gephi's CSV has no "unweighted": Type says the direction, a missing Weight is 1.
            #expect(!back.graph.isWeighted)
        }
        TestSupport.expectSame(original, back, graphAttributes: c.keepsGraphAttributes)
        // Writing what was read gives the same bytes.
        let again = directory.appendingPathComponent("again-" + c.fileName).path
        try GraphWriter.write(back, to: again, options: options)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: URL(fileURLWithPath: again)))
    }

    @Test(arguments: [false, true])
    func edgeListKeepsStructureAndWeights(directed: Bool) throws {
        let original = try Self.sample(directed: directed, weighted: true)
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Ids with spaces cannot be written in an edge list.
        let path = directory.appendingPathComponent("g.edges").path
        let error = TestSupport.formatError { try GraphWriter.write(original, to: path) }
        #expect(error?.message.contains("cannot be written in an edge list") == true)
        #expect(!FileManager.default.fileExists(atPath: path))
        // Numbered nodes (0..<n) keep isolated nodes through the header.
        let numbered = AttributedGraph(graph: try GraphBuilder.numbered(original.graph))
        try GraphWriter.write(numbered, to: path)
        let back = try GraphLoader.load(path: path)
        TestSupport.expectSame(numbered, back)
    }

    @Test func gephiVizAttributesSurviveGEXF() throws {
        let g = try GraphLoader.load(path: try TestSupport.fixture("gephi/viz13.gexf"))
        #expect(g.nodeAttributes[0, "viz_color"] == .string("#f55b5b"))
        #expect(g.nodeAttributes[0, "viz_size"] == .double(28.685715))
        #expect(g.nodeAttributes[0, "viz_x"] == .double(-12.5))
        #expect(g.nodeAttributes[1, "viz_alpha"] == .double(0.5))
        #expect(g.nodeAttributes[0, "modularity_class"] == .int(0))
        #expect(g.edgeAttributes[0, "viz_thickness"] == .double(2))
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for version in GEXFVersion.allCases {
            let path = directory.appendingPathComponent("viz\(version.rawValue).gexf").path
            try GraphWriter.write(g, to: path, options: GraphWriteOptions(gexfVersion: version))
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("<viz:color r=\"245\" g=\"91\" b=\"91\"/>"))
            #expect(
                text.contains(
                    version == .v1_3 ? "xmlns=\"http://gexf.net/1.3\"" : "xmlns=\"http://www.gexf.net/1.2draft\""))
            TestSupport.expectSame(g, try GraphLoader.load(path: path))
        }
    }

    @Test func csvInfersColumnTypes() throws {
        let edges = "Source;Target;Weight;code;ratio;flag\na;b;1;007;1;TRUE\nb;c;2.5;12;2.5;false\n"
        let g = try CSVFormat.parse(edges: Data(edges.utf8))
        #expect(g.graph.isDirected)  // no Type column: directed, as Gephi imports it
        #expect(g.graph.totalWeight == 3.5)
        #expect(g.edgeAttributes.column("code")?.type == .string)  // "007" is not a canonical integer
        #expect(g.edgeAttributes.column("ratio")?.type == .double)
        #expect(g.edgeAttributes.column("flag")?.type == .bool)
    }

    @Test func csvNodesTableBesideTheEdgesTable() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "Id,Label\nx,Ex\ny,Why\nz,Zed\n".write(
            to: directory.appendingPathComponent("t.nodes.csv"), atomically: true, encoding: .utf8)
        try "Source,Target,Type\ny,x,Undirected\n".write(
            to: directory.appendingPathComponent("t.edges.csv"), atomically: true, encoding: .utf8)
        let g = try GraphLoader.load(path: directory.appendingPathComponent("t.edges.csv").path)
        #expect(g.graph.ids == ["x", "y", "z"])
        #expect(!g.graph.isDirected)
        #expect(g.nodeAttributes[2, "label"] == .string("Zed"))
    }

    @Test func multigraphEdgesAreMergedByThePolicy() throws {
        let json = """
            {"directed": false, "multigraph": true, "graph": {}, "nodes": [{"id": 1}, {"id": 2}],
             "links": [{"source": 1, "target": 2, "key": 0, "weight": 2, "tag": "a"},
                       {"source": 2, "target": 1, "key": 1, "weight": 3, "tag": "b"}]}
            """
        let g = try NodeLinkJSONFormat.parse(Data(json.utf8))
        #expect(g.graph.edgeCount == 1)
        #expect(g.graph.totalWeight == 5)
        #expect(g.edgeAttributes[0, "tag"] == .string("b"))
        #expect(g.edgeAttributes.column("key") == nil)
        var options = GraphReadOptions()
        options.duplicates = .max
        #expect(try NodeLinkJSONFormat.parse(Data(json.utf8), options: options).graph.totalWeight == 3)
        // Integer ids are written back as JSON numbers.
        let text = String(decoding: try NodeLinkJSONFormat.write(g), as: UTF8.self)
        #expect(text.contains("\"source\": 1, \"target\": 2"))
    }

    /// libxml2 given a document over about 10 MB in one piece fails at its end; the
    /// reader feeds it in chunks.
    @Test func xmlDocumentsOverTenMegabytesAreRead() throws {
        let filler = String(repeating: "x", count: 1_000)
        var xml = "<graphml><key id=\"t\" for=\"node\" attr.name=\"text\" attr.type=\"string\"/><graph>\n"
        for i in 0..<11_000 { xml += "<node id=\"\(i)\"><data key=\"t\">\(filler)</data></node>\n" }
        xml += "<edge source=\"0\" target=\"10999\"/></graph></graphml>\n"
        #expect(xml.utf8.count > 11_000_000)
        let g = try GraphMLFormat.parse(Data(xml.utf8))
        #expect(g.graph.nodeCount == 11_000)
        #expect(g.graph.edgeCount == 1)
        #expect(g.nodeAttributes[10_999, "text"] == .string(filler))
    }

    @Test func graphMLDefaultsAndAllKeys() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
              <key id="c" for="all" attr.name="color" attr.type="string"><default>grey</default></key>
              <key id="w" for="edge" attr.name="weight" attr.type="float"/>
              <key id="g" for="node" yfiles.type="nodegraphics"/>
              <graph edgedefault="directed">
                <edge source="a" target="b" id="e0"><data key="w">2</data></edge>
                <node id="a"><data key="c">red</data><data key="g"><y:ShapeNode><y:Fill color="#FFCC00"/></y:ShapeNode></data></node>
                <node id="b"/>
              </graph>
            </graphml>
            """
        let g = try GraphMLFormat.parse(Data(xml.utf8))
        #expect(g.graph.isDirected)
        #expect(g.graph.ids == ["a", "b"])
        #expect(g.nodeAttributes[0, "color"] == .string("red"))
        #expect(g.nodeAttributes[1, "color"] == .string("grey"))
        #expect(g.edgeAttributes[0, "color"] == .string("grey"))
        #expect(g.edgeAttributes[0, "id"] == .string("e0"))
        #expect(g.graph.totalWeight == 2)
    }
}

extension GraphBuilder {
    /// The same structure with nodes renamed `0..<n`.
    static func numbered(_ g: Graph) throws -> Graph {
        var b = GraphBuilder(directed: g.isDirected, weighted: g.isWeighted)
        for i in 0..<g.nodeCount { try b.addUniqueNode(String(i)) }
        try g.forEachEdge { u, v, w in try b.addEdge(u, v, weight: w) }
        return try b.build()
    }
}
