import Foundation
import Testing

@Suite struct ConvertCommandTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("uccn-convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let fixtures = CommandRunner.packageRoot.appendingPathComponent("Tests/GraphFormatsTests/Fixtures/networkx")

    @Test func convertsThroughEveryFormatAndBack() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var previous = Self.fixtures.appendingPathComponent("directed.graphml").path
        for name in ["a.gexf", "b.json", "c.edges.csv", "d.graphml"] {
            let out = directory.appendingPathComponent(name).path
            let result = try CommandRunner.run(["convert", previous, out])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(result.stdout.contains("5 nodes, 5 edges, directed, weighted"), "\(name): \(result.stdout)")
            previous = out
        }
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("c.nodes.csv").path))
        let final = try String(contentsOfFile: previous, encoding: .utf8)
        #expect(final.contains(">Quote &quot;this&quot; &lt;tag&gt;, comma</data>"))
        let gexf12 = directory.appendingPathComponent("e.gexf").path
        let result = try CommandRunner.run(["convert", previous, gexf12, "--gexf-version", "1.2"])
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: gexf12, encoding: .utf8).contains("http://www.gexf.net/1.2draft"))
    }

    @Test func aBadInputWritesNothingAndExitsWithOne() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("bad.json")
        try "{\"nodes\": [{\"id\": \"a\"}],\n \"edges\": [{\"source\": \"a\", \"target\": \"b\"}]}".write(
            to: input, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out.graphml").path
        let result = try CommandRunner.run(["convert", input.path, output])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.json:2:12: edge names node \"b\", which is not among the \"nodes\" list"))
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["bad.json"])
    }

    @Test func anExistingOutputSurvivesAFailedConversion() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.json")
        try "previous".write(to: output, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run([
            "convert", directory.appendingPathComponent("missing.graphml").path, output.path,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("missing.graphml: cannot read the file"))
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous")
    }

    @Test(arguments: [
        (["--to", "xls"], "unknown output format \"xls\""),
        (["--gexf-version", "2.0"], "unknown GEXF version \"2.0\""),
        (["--directed", "--undirected"], "--directed and --undirected cannot be used together"),
    ])
    func usageErrorsExitWithTwo(extra: [String], message: String) throws {
        let input = Self.fixtures.appendingPathComponent("undirected.json").path
        let result = try CommandRunner.run(["convert", input, "/nonexistent/out.graphml"] + extra)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message))
    }

    @Test func csvWithANamedNodesTableAndForcedDirection() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("g.json").path
        let result = try CommandRunner.run([
            "convert", Self.fixtures.appendingPathComponent("directed.edges.csv").path, out,
            "--nodes", Self.fixtures.appendingPathComponent("directed.nodes.csv").path, "--undirected",
            "--weight-attribute", "none",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("5 nodes, 5 edges, undirected, unweighted"))
    }

    @Test func metricsBecomeNodeAttributesUnderGephisNames() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("m.json").path
        let result = try CommandRunner.run([
            "convert", Self.fixtures.appendingPathComponent("undirected.graphml").path, out,
            "--with-metrics", "degree,betweenness,pagerank",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        // lyon: kyoto, a&b and a self-loop (counted twice, as NetworkX counts it).
        #expect(text.contains("\"degree\": 4, \"betweenesscentrality\": "))
        #expect(text.contains("\"pageranks\": "))
        let unknown = try CommandRunner.run([
            "convert", Self.fixtures.appendingPathComponent("undirected.graphml").path, out, "--with-metrics", "fame",
        ])
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("unknown measure \"fame\""))
    }

    @Test func communitiesBecomeModularityClass() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("c.gexf").path
        let karate = CommandRunner.packageRoot.appendingPathComponent("Fuzz/corpus/graphml/karate.graphml").path
        let result = try CommandRunner.run(["convert", karate, out, "--with-communities", "leiden", "--seed", "7"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("<attribute id=\"modularity_class\" title=\"modularity_class\" type=\"long\"/>"))
        #expect(text.contains("<attvalue for=\"modularity_class\" value=\"0\"/>"))
        let again = directory.appendingPathComponent("c2.gexf").path
        _ = try CommandRunner.run(["convert", karate, again, "--with-communities", "leiden", "--seed", "7"])
        #expect(try String(contentsOfFile: again, encoding: .utf8) == text)
        let unknown = try CommandRunner.run(["convert", karate, out, "--with-communities", "magic"])
        #expect(unknown.status == 3)
    }
}
