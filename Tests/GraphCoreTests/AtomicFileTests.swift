import Foundation
import GraphCore
import Testing

@Suite struct AtomicFileTests {
    struct ProducerFailed: Error {}

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func leftovers(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
    }

    @Test func writesAndReplaces() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("map.svg")
        try AtomicFile.write("first", to: file)
        try AtomicFile.write(Data("second".utf8), to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == "second")
        #expect(try leftovers(in: dir).isEmpty)
    }

    @Test func failingProducerLeavesTheExistingFileIntact() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("map.svg")
        try AtomicFile.write("old contents", to: file)
        #expect(throws: ProducerFailed.self) {
            try AtomicFile.write(to: file) { sink in
                try sink.write("half a new fi")
                throw ProducerFailed()
            }
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "old contents")
        #expect(try leftovers(in: dir).isEmpty)
    }

    @Test func missingDirectoryAndDirectoryTargetAreErrors() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: AtomicFileError.self) {
            try AtomicFile.write("x", to: dir.appendingPathComponent("no/such/dir/file.txt"))
        }
        #expect(throws: AtomicFileError.self) { try AtomicFile.write("x", to: dir) }
    }

    @Test func replacedFileKeepsItsPermissions() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("report.txt")
        try AtomicFile.write("v1", to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        try AtomicFile.write("v2", to: file)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }
}
