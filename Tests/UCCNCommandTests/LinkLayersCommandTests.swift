import Foundation
import Testing

@Suite struct LinkLayersCommandTests {
    @Test func convertKeepsTheKindOfEveryLink() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("uccn-layers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("all.graphml").path
        let r = try CommandRunner.run(["convert", "Graphs", out, "--layers", "all"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        // Hanoi–Seoul: one edge carrying both kinds; cooperation edges carry their types.
        #expect(text.contains(">sister-city+proposed<"))
        #expect(text.contains(">cooperation<"))
        #expect(text.contains(">event-guest<"))
        let existing = try CommandRunner.run(["convert", "Graphs", dir.appendingPathComponent("e.graphml").path])
        #expect(existing.status == 0)
        #expect(existing.stderr.contains("509 edges") || existing.stdout.contains("509 edges"))
        let bad = try CommandRunner.run(["convert", "Graphs", out, "--layers", "twins"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown link layer \"twins\""))
    }

    @Test func mapDrawsTheNamedLayers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("uccn-layers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let with = dir.appendingPathComponent("with.svg").path
        let r = try CommandRunner.run(["map", "--city", "Hanoi", "--layers", "all", "-o", with])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOfFile: with, encoding: .utf8)
        #expect(svg.contains("class=\"edge cooperation\""))
        #expect(svg.contains("documented cooperation"))
        let without = dir.appendingPathComponent("without.svg").path
        _ = try CommandRunner.run(["map", "--city", "Hanoi", "-o", without])
        #expect(!(try String(contentsOfFile: without, encoding: .utf8)).contains("class=\"edge cooperation\""))
    }

    @Test func metricsAndClustersSayAndUseTheirLayers() throws {
        let existing = try CommandRunner.run(["metrics", "--measure", "degree", "--top", "1"])
        #expect(existing.status == 0, "\(existing.stderr)")
        #expect(existing.stdout.contains("405 nodes, 509 edges; links: sister-city,partnership"))
        // cooperation.csv's 141 pairs alone.
        let cooperation = try CommandRunner.run([
            "metrics", "Graphs", "--layers", "cooperation", "--measure", "degree", "--format", "json",
        ])
        #expect(cooperation.status == 0, "\(cooperation.stderr)")
        #expect(cooperation.stdout.contains("\"busan-kr\": 9.0"))
        let clusters = try CommandRunner.run(["clusters", "--layers", "cooperation"])
        #expect(clusters.status == 0, "\(clusters.stderr)")
        #expect(clusters.stdout.contains("405 cities, 141 edges (links: cooperation)"))
        let bad = try CommandRunner.run(["clusters", "--layers", "twins"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("uccn clusters: --layers: unknown link layer \"twins\""))
    }
}
