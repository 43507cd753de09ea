import Foundation
import Testing

/// The command line's NetworkX-parity options and its refusals: each option reaches the
/// measure, nothing is changed silently, and every refusal says what to do.
@Suite struct ParityCommandTests {
    static let fixtures = CommandRunner.packageRoot.appendingPathComponent("Tests/GraphAlgorithmsTests/Fixtures")
    static let karate = fixtures.appendingPathComponent("karate.edges").path
    static let directed = fixtures.appendingPathComponent("directed.edges").path

    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("uccn-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The README's Gephi example, exactly as written there, on the bundled data.
    @Test func theReadmeGephiExampleWorksOnTheBundledData() throws {
        let readme = try String(
            contentsOf: CommandRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let command = "uccn convert Graphs uccn.gexf --with-metrics all --with-communities leiden"
        #expect(readme.contains("`\(command)`"))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("uccn-gephi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(
            at: dir.appendingPathComponent("Graphs"),
            withDestinationURL: CommandRunner.packageRoot.appendingPathComponent("Graphs"))
        let result = try CommandRunner.run(Array(command.split(separator: " ").dropFirst().map(String.init)), in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let gexf = try String(contentsOf: dir.appendingPathComponent("uccn.gexf"), encoding: .utf8)
        for column in ["betweenesscentrality", "katzcentrality", "eigencentrality", "modularity_class", "field"] {
            #expect(gexf.contains("\"\(column)\""), "no \(column) column")
        }
        #expect(gexf.contains("label=\"Hanoi\""))
    }

    @Test func withMetricsAllLeavesOutAnUndefinedMeasureWithANote() throws {
        // Two equal components: the leading eigenvector is not unique.
        let path = try Self.temporaryFile("twins.edges", "0 1\n2 3\n")
        let out = path.replacingOccurrences(of: ".edges", with: ".graphml")
        let all = try CommandRunner.run(["convert", path, out, "--with-metrics", "all"])
        #expect(all.status == 0)
        #expect(all.stderr.hasPrefix("uccn convert: note: eigenvector left out: eigenvector centrality is not unique"))
        let graphml = try String(contentsOfFile: out, encoding: .utf8)
        #expect(graphml.contains("betweenesscentrality") && !graphml.contains("eigencentrality"))
        // Named on its own, the measure is still refused with status 3.
        let named = try CommandRunner.run(["convert", path, out, "--with-metrics", "eigenvector"])
        #expect(named.status == 3)
    }

    @Test func katzSaysAlphaMustBeBelowTheInverseLargestEigenvalue() throws {
        let result = try CommandRunner.run(["metrics", Self.karate, "--measure", "katz", "--katz-alpha", "0.2"])
        #expect(result.status == 1)
        // Karate's λ_max is 6.7257.
        #expect(
            result.stderr.hasPrefix(
                "uccn metrics: katz: Katz alpha must be below 1/λ_max = 0.148683 (λ_max = 6.7257, the largest eigenvalue of the adjacency matrix); alpha = 0.2 makes the series diverge."
            ))
    }

    @Test(arguments: [
        (["--top", "-1"], "uccn metrics: --top must be at least 1\n"),
        (["--approximate", "-1"], "uccn metrics: --approximate must be at least 1\n"),
        (["--measure", "transitivity", "--nodes", "99"], "uccn metrics: --nodes: no node \"99\" in the graph\n"),
    ])
    func badNumbersAreUsageErrors(arguments: [String], line: String) throws {
        let result = try CommandRunner.run(["metrics", Self.karate] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr == line)
    }

    @Test func approximatingWithEveryNodeSaysItIsExact() throws {
        let result = try CommandRunner.run([
            "metrics", Self.karate, "--measure", "betweenness", "--approximate", "34", "--format", "json",
        ])
        #expect(result.status == 0)
        #expect(
            result.stderr
                == "uccn metrics: note: --approximate 34 is not below the 34 nodes: the exact betweenness was computed\n"
        )
    }

    @Test func helpForAnUnknownCommandIsAnError() throws {
        let result = try CommandRunner.run(["help", "metric"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("uccn help: unknown command \"metric\"; expected one of map, metrics,"))
        #expect(try CommandRunner.run(["help", "metrics"]).status == 0)
    }

    @Test func aDirectoryIsNamedAsOne() throws {
        let result = try CommandRunner.run(["metrics", "/tmp"])
        #expect(result.status == 1)
        #expect(result.stderr == "uccn metrics: /tmp: is a directory; give a graph file\n")
        let convert = try CommandRunner.run(["convert", "/tmp", "/tmp/never.gexf", "--from", "edges"])
        #expect(convert.stderr == "uccn convert: /tmp: cannot read the file: it is a directory; give a graph file\n")
    }

    @Test func aDataFolderIsReadAsTheNetwork() throws {
        let folder = CommandRunner.packageRoot.appendingPathComponent("Graphs").path
        let result = try CommandRunner.run(["metrics", folder, "--measure", "degree", "--top", "1", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("id,name,degree\n"))
        let repeated = try Self.temporaryFile("r.edges", "0 1\n1 0\n")
        let rejected = try CommandRunner.run(["metrics", repeated, "--duplicates", "reject"])
        #expect(rejected.status == 1)
        #expect(rejected.stderr.contains("appears more than once (duplicate-edge policy: reject)"))
    }

    @Test func anOptionTheMeasureDoesNotReadIsNamed() throws {
        let result = try CommandRunner.run(["metrics", Self.karate, "--measure", "closeness", "--sources", "1,2"])
        #expect(result.status == 0)
        #expect(result.stderr == "uccn metrics: note: --sources applies to harmonic only; it has no effect here\n")
        let harmonic = try CommandRunner.run(["metrics", Self.karate, "--measure", "harmonic", "--sources", "1,2"])
        #expect(harmonic.stderr.isEmpty)
        let kernel = try CommandRunner.run([
            "metrics", Self.karate, "--measure", "degree", "--betweenness-kernel", "multi-source",
        ])
        #expect(
            kernel.stderr
                == "uccn metrics: note: --betweenness-kernel applies to betweenness only; it has no effect here\n")
        // Both kernels run when forced, without a note.
        let single = try CommandRunner.run([
            "metrics", Self.karate, "--measure", "betweenness", "--betweenness-kernel", "single-source",
            "--format", "csv",
        ])
        let multi = try CommandRunner.run([
            "metrics", Self.karate, "--measure", "betweenness", "--betweenness-kernel", "multi-source",
            "--format", "csv",
        ])
        #expect(single.status == 0 && multi.status == 0)
        #expect(multi.stderr.isEmpty)
        // The same sums in another order: equal to the last few bits.
        let values = { (csv: String) in
            csv.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").last.flatMap { Double($0) } }
        }
        let a = values(single.stdout), b = values(multi.stdout)
        #expect(a.count == 34 && b.count == 34)
        for (x, y) in zip(a, b) { #expect(abs(x - y) <= 1e-12 * max(1, abs(x))) }
    }

    @Test func weightsAreIgnoredOnlyWithANote() throws {
        let path = try Self.temporaryFile("w.edges", "0 1 2\n1 2 3\n2 0 1\n2 3 1\n")
        let result = try CommandRunner.run(["metrics", path, "--measure", "clustering", "--weighted"])
        #expect(result.status == 0)
        #expect(
            result.stderr
                == "uccn metrics: note: clustering ignores weights (weighted clustering: --measure weighted-clustering)\n"
        )
    }

    @Test func directedClusteringAndCoresSayWhichDefinition() throws {
        let result = try CommandRunner.run(["metrics", Self.directed, "--measure", "kcore", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("kcore of a directed graph counts in-degree + out-degree"))
        let undirected = try CommandRunner.run([
            "metrics", Self.directed, "--measure", "kcore", "--undirected", "--format", "json",
        ])
        #expect(undirected.stderr.isEmpty)
        #expect(try Self.json(result.stdout)["values"] as? [String: Double] != nil)
    }

    @Test func negativeWeightsAreReadAndRefusedOnlyWhereTheyCannotBeUsed() throws {
        let path = try Self.temporaryFile("neg.edges", "0 1 -2\n1 2 1\n")
        let degree = try CommandRunner.run(["metrics", path, "--measure", "strength", "--weighted", "--format", "json"])
        #expect(degree.status == 0)
        #expect((try Self.json(degree.stdout)["values"] as? [String: Double])?["1"] == -1)
        let paths = try CommandRunner.run(["metrics", path, "--measure", "closeness", "--weighted"])
        #expect(paths.status == 1)
        #expect(
            paths.stderr
                == "uccn metrics: closeness: closeness reads weights as distances and the graph has negative weights; leave out --weighted, or give non-negative weights\n"
        )
        #expect(try CommandRunner.run(["metrics", path, "--measure", "closeness"]).status == 0)
        let clusters = try CommandRunner.run(["clusters", path, "--weighted"])
        #expect(clusters.status == 1)
        #expect(
            clusters.stderr
                == "uccn clusters: \(path) has negative edge weights, which community detection cannot use as strengths; leave out --weighted\n"
        )
        #expect(try CommandRunner.run(["clusters", path]).status == 0)
    }

    @Test func personalizationAndDanglingFilesReachPageRank() throws {
        let values = try Self.temporaryFile("p.csv", "node,value\n0,1\n33,3\n")
        let plain = try CommandRunner.run(["metrics", Self.karate, "--measure", "pagerank", "--format", "json"])
        let personal = try CommandRunner.run([
            "metrics", Self.karate, "--measure", "pagerank", "--personalization", values, "--format", "json",
        ])
        #expect(personal.status == 0)
        let a = try #require(try Self.json(plain.stdout)["values"] as? [String: Double])
        let b = try #require(try Self.json(personal.stdout)["values"] as? [String: Double])
        #expect(b["33"]! > a["33"]!)
        let empty = try Self.temporaryFile("e.csv", "# nothing\n")
        let refused = try CommandRunner.run(["metrics", Self.karate, "--measure", "pagerank", "--dangling", empty])
        #expect(refused.status == 1)
        #expect(refused.stderr == "uccn metrics: --dangling \(empty): the file has no node,value lines\n")
        let bad = try Self.temporaryFile("b.csv", "0,1\n99,2\n")
        let unknown = try CommandRunner.run([
            "metrics", Self.karate, "--measure", "pagerank", "--personalization", bad,
        ])
        #expect(unknown.stderr == "uccn metrics: --personalization \(bad):2: no node \"99\" in the graph\n")
    }

    @Test func edgeAndGraphMeasuresHaveTheirOwnShapes() throws {
        let edges = try CommandRunner.run([
            "metrics", Self.karate, "--measure", "edge-betweenness", "--format", "json", "--top", "1",
        ])
        #expect(edges.status == 0)
        let top = try #require(try Self.json(edges.stdout)["values"] as? [[Any]])
        // NetworkX: edge (0, 31) has the largest edge betweenness, 0.1272599949070482.
        #expect(top.count == 1 && top[0][0] as? String == "0" && top[0][1] as? String == "31")
        #expect(abs((top[0][2] as? Double ?? 0) - 0.1272599949070482) < 1e-12)
        let transitivity = try CommandRunner.run([
            "metrics", Self.karate, "--measure", "transitivity", "--format", "json",
        ])
        #expect(abs((try Self.json(transitivity.stdout)["value"] as? Double ?? 0) - 0.2556818181818182) < 1e-12)
        let directedTransitivity = try CommandRunner.run(["metrics", Self.directed, "--measure", "transitivity"])
        #expect(directedTransitivity.status == 3)
        #expect(directedTransitivity.stderr.contains("read the graph as undirected (--undirected)"))
    }

    @Test(arguments: ["all", "degree", "eigenvector", "katz", "edge-betweenness", "transitivity", "triangles"])
    func anEmptyGraphGetsTheSameAnswerFromEveryMeasure(measure: String) throws {
        let path = try Self.temporaryFile("empty.edges", "# no edges\n")
        let result = try CommandRunner.run(["metrics", path, "--measure", measure, "--format", "json"])
        #expect(result.status == 0)
        #expect(
            result.stderr
                == "uccn metrics: note: \(path) has no nodes: every node and edge measure is empty, and transitivity and average-clustering are 0\n"
        )
        let object = try Self.json(result.stdout)
        if let value = object["value"] as? Double {
            #expect(value == 0)
        } else if let values = object["values"] as? [String: Double] {
            #expect(values.isEmpty)
        } else if let values = object["values"] as? [Any] {
            #expect(values.isEmpty)
        } else {
            let measures = try #require(object["measures"] as? [String: [String: Double]])
            let allEmpty = measures.values.allSatisfy { $0.isEmpty }
            #expect(allEmpty)
        }
    }

    @Test func closenessOptionsMatchNetworkX() throws {
        let result = try CommandRunner.run([
            "metrics", Self.karate, "--measure", "closeness", "--no-wf-improved", "--nodes", "0,33", "--format", "json",
        ])
        let values = try #require(try Self.json(result.stdout)["values"] as? [String: Double])
        // nx.closeness_centrality(G, u=0, wf_improved=False) on the connected karate graph.
        #expect(values.count == 2)
        #expect(abs(values["0"]! - 0.5689655172413793) < 1e-12)
    }

    @Test func repeatedEdgesFollowDuplicates() throws {
        let path = try Self.temporaryFile("m.edges", "0 1 2\n0 1 0.5\n1 2 1\n")
        let summed = try CommandRunner.run(["metrics", path, "--measure", "strength", "--weighted", "--format", "json"])
        #expect((try Self.json(summed.stdout)["values"] as? [String: Double])?["0"] == 2.5)
        let lightest = try CommandRunner.run([
            "metrics", path, "--measure", "strength", "--weighted", "--duplicates", "min", "--format", "json",
        ])
        #expect((try Self.json(lightest.stdout)["values"] as? [String: Double])?["0"] == 0.5)
    }
}
