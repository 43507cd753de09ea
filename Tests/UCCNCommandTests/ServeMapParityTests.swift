import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The service's maps are the files `uccn map` writes with the same options, byte for byte.
extension ServeCommandTests {
    @Test(arguments: [
        ("api/v1/cities/hanoi-vn/map.svg?radius=1&suggest=5", ["--city", "Hanoi", "--radius", "1", "--suggest", "5"]),
        ("api/v1/cities/da-lat-vn/map.svg?radius=2", ["--city", "Da Lat", "--radius", "2"]),
        ("api/v1/map.svg", []),
        ("api/v1/map.svg?geo=true", ["--geo"]),
    ])
    func serviceMapIsTheFileOfUCCNMap(path: String, mapArguments: [String]) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "uccn-map-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("map.svg")
        let written = try CommandRunner.run(["map"] + mapArguments + ["--output", file.path])
        #expect(written.status == 0, "\(written.stderr)")
        let expected = try Data(contentsOf: file)

        var served = Data()
        var status = 0
        let result = try await withServer(signal: SIGTERM) { address in
            let url = try #require(URL(string: address.absoluteString + "/" + path))
            let (data, response) = try await URLSession.shared.data(from: url)
            status = (response as? HTTPURLResponse)?.statusCode ?? 0
            served = data
        }
        #expect(result.status == 0)
        #expect(status == 200)
        #expect(served.count == expected.count, "\(path): \(served.count) bytes served, \(expected.count) written")
        #expect(served == expected, "\(path) differs from uccn map \(mapArguments.joined(separator: " "))")
    }
}
