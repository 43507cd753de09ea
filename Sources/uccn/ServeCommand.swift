import ArgumentParser
import CreativeCities
import CreativeCitiesService
import Foundation

/// `uccn serve`: the partner query service and the planners' web page over HTTP.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the planners' web page and the partner query API over HTTP (see docs/service.md).",
        discussion: """
            Loads the dataset once, computes the measures, communities and partner model once, \
            and answers from memory: the page at / (search, standing, suggested partners, \
            what-if, map, report and CSV downloads) and the JSON API under /api/v1 \
            (/api/v1/openapi.json describes it). Listens on 127.0.0.1 unless --host says \
            otherwise; writes one line per request (method, path, status, milliseconds) to \
            standard error; stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
            """)

    @OptionGroup var data: DatasetOptions<ReportDataFolderOption>

    @Option(help: "Address to listen on (127.0.0.1: this machine only; 0.0.0.0: every network).")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port, printed at start).")
    var port: Int = 8080

    @Flag(help: "Do not log each request.")
    var quiet = false

    @Flag(
        inversion: .prefixedNo,
        help:
            "Compute every pair of cities' what-if ranks in the background after start (a few seconds at the lowest priority), so that partner queries read them instead of computing them."
    )
    var precomputeWhatIfs = true

    @Option(
        help:
            "Scheduling priority (nice value, 0–19) of the threads partner rankings run on; higher runs them after lookups, city pages and cached maps."
    )
    var rankingNiceness: Int = 10

    static let failureWording = FailureWording(prefix: "uccn serve: ", usageSuffix: " (see uccn serve --help)")

    func validate() throws {
        try Self.failureWording.reporting(validateOptions)
    }

    private func validateOptions() throws(CommandFailure) {
        guard (0...65535).contains(port) else { throw .usage("--port must be 0 to 65535, got \(port)") }
        guard !host.isEmpty else { throw .usage("--host must not be empty") }
        guard (0...19).contains(rankingNiceness) else {
            throw .usage("--ranking-niceness must be 0 to 19, got \(rankingNiceness)")
        }
    }

    private func loadService() throws(CommandFailure) -> PlannerService {
        let dataset = try data.load()
        return PlannerService(
            dataset: dataset, dataDirectory: data.folder, notes: DatasetNotes.load(directory: data.folder),
            dataLabel: data.directory ?? "Graphs/ (bundled UCCN data)", rankingNiceness: Int32(rankingNiceness))
    }

    func run() async throws {
        let start = ContinuousClock.now
        let service = try Self.failureWording.reporting(loadService)
        let elapsed = (ContinuousClock.now - start).components
        let ready = String(format: "%.1f s", Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
        let summary = "\(service.dataset.cities.count) cities, \(service.dataset.links.count) links"
        let quiet = quiet
        let precompute = precomputeWhatIfs
        do {
            try await ServiceServer.run(
                service, configuration: .init(host: host, port: port),
                listening: { address in
                    let line = "uccn serve: listening on \(address) (\(summary); ready in \(ready)); Ctrl-C stops\n"
                    FileHandle.standardOutput.write(Data(line.utf8))
                    if precompute {
                        service.precomputeWhatIfs { elapsed, pairs, exact in
                            let seconds =
                                Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                            let line = String(
                                format:
                                    "uccn serve: what-if ranks precomputed in %.1f s (%d city–partner pairs; %d betweenness ranks from exact values)\n",
                                seconds, pairs, exact)
                            FileHandle.standardOutput.write(Data(line.utf8))
                        }
                    }
                },
                log: { line in
                    if !quiet { FileHandle.standardError.write(Data((line + "\n").utf8)) }
                })
        } catch {
            let failure = CommandFailure.runtime("cannot serve on \(host):\(port): \(error)")
            FileHandle.standardError.write(Data((Self.failureWording.line(for: failure) + "\n").utf8))
            throw failure.kind.exitCode
        }
        FileHandle.standardOutput.write(Data("uccn serve: stopped\n".utf8))
    }
}
