import Foundation
import Testing

@Suite struct ReportCommandTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("uccn-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesTheFilesAndTheSameBytesTwice() throws {
        let a = try temporaryDirectory(), b = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        for dir in [a, b] {
            let result = try CommandRunner.run(["report", "--city", "Hanoi", "--output", dir.path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let names = try FileManager.default.subpathsOfDirectory(atPath: a.path).sorted()
        for required in ["report.html", "report.md", "metrics.csv", "partners.csv", "charts/growth.svg"] {
            #expect(names.contains(required), "missing \(required)")
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: b.path).sorted() == names)
        for name in names where !name.hasSuffix("/") {
            var isDirectory: ObjCBool = false
            guard
                FileManager.default.fileExists(atPath: a.appendingPathComponent(name).path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            else { continue }
            let x = try Data(contentsOf: a.appendingPathComponent(name))
            let y = try Data(contentsOf: b.appendingPathComponent(name))
            #expect(x == y, "\(name) differs between two runs")
        }
        let metrics = try String(contentsOf: a.appendingPathComponent("metrics.csv"), encoding: .utf8)
        #expect(metrics.hasPrefix("Id,Label,"))
    }

    @Test func networkReportWithoutCity() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CommandRunner.run(["report", "--output", dir.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: dir.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<h1>The UNESCO Creative Cities Network</h1>"))
    }

    @Test(arguments: [
        ["report", "--city", "Atlantis"], ["report", "--city", "Granada"], ["report", "--radius", "0"],
    ])
    func usageErrorsExitWithTwo(arguments: [String]) throws {
        let result = try CommandRunner.run(
            arguments + ["--output", FileManager.default.temporaryDirectory.appendingPathComponent("uccn-unused").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("uccn report:"))
    }
}
