import Foundation
import Testing

@Suite struct MetricsCommandTests {
    static let karate = CommandRunner.packageRoot
        .appendingPathComponent("Tests/GraphAlgorithmsTests/Fixtures/karate.edges").path

    @Test func unknownMeasureExitsWithThree() throws {
        let result = try CommandRunner.run(["metrics", Self.karate, "--measure", "nonsense"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("unknown measure \"nonsense\""))
    }

    @Test func jsonIsWhatTheBenchmarkHarnessReads() throws {
        let result = try CommandRunner.run(["metrics", Self.karate, "--measure", "degree", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["measure"] as? String == "degree")
        #expect(object["compute_seconds"] is Double)
        let values = try #require(object["values"] as? [String: Double])
        #expect(values.count == 34)
        #expect(values["0"] == 16)
        #expect(values["33"] == 17)
    }

    /// `--prepare-heap` (benchmarks' opt-in) changes when pages are touched, never a value.
    @Test(arguments: ["pagerank", "betweenness"])
    func preparedHeapGivesTheSameValues(measure: String) throws {
        func values(_ extra: [String]) throws -> [String: Double] {
            let result = try CommandRunner.run(
                ["metrics", Self.karate, "--measure", measure, "--format", "json"] + extra)
            #expect(result.status == 0)
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            return try #require(object["values"] as? [String: Double])
        }
        let plain = try values([])
        #expect(plain.count == 34)
        #expect(try values(["--prepare-heap"]) == plain)
    }

    @Test func tableIsSortedDescendingAndCut() throws {
        let result = try CommandRunner.run(["metrics", Self.karate, "--measure", "betweenness", "--top", "3"])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").dropFirst(2).prefix(3).map {
            $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        }
        // Karate's brokers: node 0, then 33, then 32 (NetworkX values 0.4376, 0.3041, 0.1452).
        #expect(rows.map { $0[1] } == ["0", "33", "32"])
        #expect(result.stdout.contains("Betweenness:"))
    }

    @Test func csvListsEveryMeasureWithAll() throws {
        let result = try CommandRunner.run(["metrics", Self.karate, "--measure", "all", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(
            lines.first
                == "id,degree,strength,betweenness,closeness,harmonic,eigenvector,pagerank,katz,kcore,clustering,components"
        )
        #expect(lines.count == 35)
    }

    @Test func missingFileIsARuntimeError() throws {
        let result = try CommandRunner.run(["metrics", "/nonexistent/graph.edges", "--measure", "degree"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/graph.edges"))
    }

    @Test func defaultGraphIsTheBundledNetwork() throws {
        let result = try CommandRunner.run(["metrics", "--measure", "degree", "--top", "1", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("id,name,degree\n"))
    }
}
