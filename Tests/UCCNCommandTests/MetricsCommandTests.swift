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

    @Test func epsilonGivesBetweennessWithinItsBound() throws {
        let result = try CommandRunner.run([
            "metrics", Self.karate, "--measure", "betweenness", "--epsilon", "0.03", "--delta", "0.05", "--format",
            "json",
        ])
        #expect(result.status == 0)
        #expect(result.stderr.contains("sampled shortest paths"))
        #expect(result.stderr.contains("within 0.03 of the exact normalised values with probability at least 0.95"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let values = try #require(object["values"] as? [String: Double])
        #expect(values.count == 34)
        // NetworkX: node 0 0.4376, node 33 0.3041.
        #expect(abs((values["0"] ?? 0) - 0.43763528138528146) <= 0.03)
        #expect(abs((values["33"] ?? 0) - 0.30407497594997596) <= 0.03)
        let again = try CommandRunner.run([
            "metrics", Self.karate, "--measure", "betweenness", "--epsilon", "0.03", "--delta", "0.05", "--format",
            "json", "--threads", "2",
        ])
        let strip = { (s: String) in
            s.replacingOccurrences(of: #""compute_seconds": [0-9.e-]+"#, with: "", options: .regularExpression)
        }
        #expect(strip(again.stdout) == strip(result.stdout))
    }

    @Test(arguments: [
        (["--epsilon", "0"], "--epsilon must be between 0 and 1"),
        (["--epsilon", "1.5"], "--epsilon must be between 0 and 1"),
        (["--epsilon", "0.1", "--delta", "1"], "--delta must be between 0 and 1"),
        (["--epsilon", "0.1", "--approximate", "5"], "two different estimates"),
        (["--epsilon", "0.1", "--endpoints"], "drop --endpoints"),
    ])
    func epsilonUsageErrorsExitWithTwo(extra: [String], message: String) throws {
        let result = try CommandRunner.run(["metrics", Self.karate, "--measure", "betweenness"] + extra)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message))
    }

    /// A connected random graph whose exact betweenness runs for minutes in a debug build.
    static func largeGraph(tag: String = "") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "uccn-interrupt-\(getpid())\(tag).edges")
        var state: UInt64 = 12345
        var lines = ["# 30,000 nodes, a random tree plus 120,000 random edges"]
        for v in 1..<30_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            lines.append("\(v) \(Int(state >> 33) % v)")
        }
        for _ in 0..<120_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let u = Int(state >> 33) % 30_000
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let v = Int(state >> 33) % 30_000
            if u != v { lines.append("\(u) \(v)") }
        }
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Exact betweenness (two threads) and edge betweenness: progress lines, then Ctrl-C.
    @Test(arguments: [["betweenness", "--threads", "2"], ["edge-betweenness"]])
    func ctrlCStopsALongRunWithStatus130AndWritesNothing(measure: [String]) throws {
        let graph = try Self.largeGraph(tag: measure[0])
        defer { try? FileManager.default.removeItem(at: graph) }
        let process = Process()
        process.executableURL = CommandRunner.productsDirectory.appendingPathComponent("uccn")
        process.arguments = ["metrics", graph.path, "--measure"] + measure + ["--format", "json"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // The first progress line (after 3 seconds) shows the computation is under way, with
        // Ctrl-C handled; then interrupt it.
        var stderr = Data()
        while !String(decoding: stderr, as: UTF8.self).contains(" sources (") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            stderr.append(chunk)
        }
        process.interrupt()
        stderr.append(err.fileHandleForReading.readDataToEndOfFile())
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: stderr, as: UTF8.self)
        #expect(text.contains("\(measure[0]): "))
        // The first line may come before the first batch of sources is done (no estimate yet).
        #expect(text.contains(" elapsed"))
        #expect(process.terminationStatus == 130)
        #expect(text.contains("\(measure[0]) stopped by Ctrl-C after"))
        #expect(text.contains("nothing was written"))
        #expect(stdout.isEmpty)
    }
}
