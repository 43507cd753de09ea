import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `uccn serve` as a process: it prints where it listens, answers, logs one line per
/// request and stops cleanly on SIGTERM and SIGINT.
@Suite struct ServeCommandTests {
    /// Starts `uccn serve --port 0`, waits for its address, runs `body`, then sends `signal`.
    func withServer(
        signal: Int32, _ body: (URL) async throws -> Void
    ) async throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = CommandRunner.productsDirectory.appendingPathComponent("uccn")
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = CommandRunner.packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        var printed = Data()
        var address: URL?
        let deadline = Date().addingTimeInterval(120)
        while address == nil, Date() < deadline, process.isRunning {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed.append(chunk)
            let text = String(decoding: printed, as: UTF8.self)
            if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                address = URL(string: String(text[range]))
            }
        }
        guard let address else {
            process.terminate()
            process.waitUntilExit()
            Issue.record("uccn serve printed no address: \(String(decoding: printed, as: UTF8.self))")
            return (process.terminationStatus, "", "")
        }
        do {
            try await body(address)
        } catch {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw error
        }
        kill(process.processIdentifier, signal)
        let rest = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: printed + rest, as: UTF8.self),
            String(decoding: errors, as: UTF8.self)
        )
    }

    func get(_ url: URL) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func servesAndStopsOnSignal(signal: Int32) async throws {
        let result = try await withServer(signal: signal) { address in
            let (status, body) = try await get(address.appendingPathComponent("healthz"))
            #expect(status == 200)
            #expect(body == #"{"status":"ok"}"#)
            let (missing, _) = try await get(address.appendingPathComponent("api/v1/cities/atlantis"))
            #expect(missing == 404)
        }
        #expect(result.status == 0)
        #expect(result.stdout.contains("listening on http://127.0.0.1:"))
        #expect(result.stdout.contains("stopped"))
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("GET /healthz 200 ") && $0.hasSuffix(" ms") })
        #expect(lines.contains { $0.hasPrefix("GET /api/v1/cities/atlantis 404 ") })
    }

    @Test func badPortIsAUsageError() throws {
        let result = try CommandRunner.run(["serve", "--port", "70000"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--port must be 0 to 65535"))
    }

    @Test func badRankingNicenessIsAUsageError() throws {
        let result = try CommandRunner.run(["serve", "--ranking-niceness", "25"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--ranking-niceness must be 0 to 19, got 25"))
    }
}
