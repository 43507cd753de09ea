import Testing

@Suite struct HelpTests {
    @Test func helpListsTheCommand() throws {
        let result = try CommandRunner.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: uccn"))
    }
}

@Suite struct MetricsHelpTests {
    /// `uccn help metrics` names every measure and the NetworkX-parameter options.
    @Test func metricsHelpListsTheMeasuresAndOptions() throws {
        let result = try CommandRunner.run(["help", "metrics"])
        #expect(result.status == 0)
        let text = result.stdout.replacingOccurrences(of: "\n", with: " ")
        for name in [
            "degree-centrality", "in-degree-centrality", "weighted-clustering", "triangles", "edge-betweenness",
            "transitivity", "average-clustering", "--no-wf-improved", "--personalization", "--dangling", "--sources",
            "--nodes", "--duplicates", "--undirected",
        ] {
            #expect(text.contains(name), "uccn help metrics does not mention \(name)")
        }
    }
}
