import Foundation
import Testing

@Suite struct ClustersCommandTests {
    static let karate = "Tests/GraphAlgorithmsTests/Fixtures/karate.edges"

    @Test(arguments: ["leiden", "louvain", "label-propagation", "components"])
    func jsonHasTheHarnessKeys(algorithm: String) throws {
        let result = try CommandRunner.run([
            "clusters", Self.karate, "--algorithm", algorithm, "--seed", "42", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["algorithm"] as? String == algorithm)
        let labels = try #require(object["labels"] as? [String: Int])
        #expect(labels.count == 34)
        #expect(Set(labels.values).count == object["communities"] as? Int)
        #expect(object["modularity"] is Double)
        #expect(object["compute_seconds"] is Double)
        if algorithm == "leiden" {
            #expect((object["modularity"] as? Double ?? 0) >= 0.41)
        }
    }

    @Test func unknownAlgorithmExitsWithThree() throws {
        let result = try CommandRunner.run(["clusters", Self.karate, "--algorithm", "spectral"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("unknown algorithm"))
    }

    @Test func missingFileIsARuntimeError() throws {
        let result = try CommandRunner.run(["clusters", "no-such-graph.edges"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no-such-graph.edges"))
    }

    @Test func sameSeedSameBytes() throws {
        for format in ["table", "csv"] {
            let args = [
                "clusters", Self.karate, "--algorithm", "louvain", "--seed", "7", "--runs", "4", "--format", format,
            ]
            let a = try CommandRunner.run(args)
            let b = try CommandRunner.run(args + ["--threads", "1"])
            #expect(a.status == 0)
            #expect(a.stdout == b.stdout)
        }
    }

    /// `--prepare-heap` (benchmarks' opt-in) changes when pages are touched, never a label.
    @Test func preparedHeapGivesTheSameLabels() throws {
        let args = ["clusters", Self.karate, "--algorithm", "leiden", "--seed", "7", "--format", "csv"]
        let plain = try CommandRunner.run(args)
        let prepared = try CommandRunner.run(args + ["--prepare-heap"])
        #expect(plain.status == 0)
        #expect(prepared.status == 0)
        #expect(!plain.stdout.isEmpty)
        #expect(prepared.stdout == plain.stdout)
    }

    @Test func runsAddStabilityPerCommunity() throws {
        let result = try CommandRunner.run(["clusters", Self.karate, "--runs", "5"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("stability"))
        #expect(result.stdout.contains("stability over 5 further seeds"))
    }

    @Test func bundledNetworkShowsCitiesAndTheUnconnected() throws {
        let result = try CommandRunner.run(["clusters", "--algorithm", "leiden"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("405 cities"))
        #expect(result.stdout.contains("not connected"))
        #expect(result.stdout.contains("fields"))
    }

    @Test func cpmObjectiveReportsItsQuality() throws {
        let result = try CommandRunner.run(["clusters", Self.karate, "--objective", "cpm", "--resolution", "0.1"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("CPM quality at γ = 0.1"))
    }
}
