import ArgumentParser
import CMemory
import Foundation
import GraphAlgorithms
import GraphCore
import GraphFormats

/// `uccn metrics`: centrality and other node measures of a graph.
struct MetricsCommand: FailureReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Compute node centrality measures (NetworkX definitions) for a graph.",
        discussion: """
            Measures: \(CentralityMeasure.allCases.map(\.rawValue).joined(separator: ", ")), or all.
            With --weighted, weights are distances for betweenness, closeness and harmonic
            centrality and strengths for strength, eigenvector, PageRank and Katz.
            Without GRAPH, the bundled UNESCO Creative Cities Network is used.
            Exit status 3: unknown measure, or a measure undefined for this graph.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Argument(help: "Graph file (.edges or .txt edge list). Default: the bundled UCCN network.")
    var graph: String?

    @Option(name: .long, help: "Measure name, or 'all'.")
    var measure: String = "all"

    @Flag(name: .long, help: "Use edge weights.")
    var weighted = false

    @Option(
        name: .long,
        help: "Worker threads for betweenness, closeness, harmonic and PageRank (results do not depend on it).")
    var threads: Int = 1

    @Option(name: .long, help: "Output format: table, csv or json.")
    var format: Format = .table

    @Option(name: .long, help: "Only the N highest values (sorted descending).")
    var top: Int?

    @Option(
        name: [.customLong("approximate"), .customLong("samples")],
        help: "Betweenness from K sampled source nodes (faster estimate on large graphs).")
    var samples: Int?

    @Option(name: .long, help: "Seed for sampled betweenness.")
    var seed: UInt64 = 42

    @Option(
        name: .long,
        help:
            "Betweenness within E of the exact normalised values (probability at least 1 - delta), from Riondato-Kornaropoulos path samples; unweighted graphs."
    )
    var epsilon: Double?

    @Option(name: .long, help: "With --epsilon: allowed probability of a larger error.")
    var delta: Double = 0.1

    @Flag(name: .long, help: "Betweenness: count path endpoints.")
    var endpoints = false

    @Flag(name: .long, help: "Betweenness: raw pair counts instead of dividing by the number of pairs.")
    var unnormalized = false

    @Option(name: .long, help: "PageRank damping factor.")
    var damping: Double = 0.85

    @Option(
        name: .customLong("katz-alpha"),
        help:
            "Katz attenuation factor, below 1/largest eigenvalue (default 0.1, or 0.5/largest eigenvalue when 0.1 is too large)."
    )
    var katzAlpha: Double?

    @Option(name: .long, help: "Sort the 'all' table by this measure.")
    var sort: String = "degree"

    static let failureWording = FailureWording(prefix: "uccn: ")

    func execute() throws {
        let measures: [CentralityMeasure]
        if measure == "all" {
            measures = CentralityMeasure.allCases
        } else if let m = CentralityMeasure(rawValue: measure.lowercased()) {
            measures = [m]
        } else {
            throw CommandFailure.unsupported(
                "unknown measure \"\(measure)\"; expected one of \(CentralityMeasure.allCases.map(\.rawValue).joined(separator: ", ")), all"
            )
        }
        guard threads >= 1 else { throw CommandFailure.usage("--threads must be at least 1") }
        if let top, top < 1 { throw CommandFailure.usage("--top must be at least 1") }
        if let samples, samples < 1 { throw CommandFailure.usage("--approximate must be at least 1") }
        if let epsilon {
            guard epsilon > 0, epsilon < 1 else { throw CommandFailure.usage("--epsilon must be between 0 and 1") }
            guard delta > 0, delta < 1 else { throw CommandFailure.usage("--delta must be between 0 and 1") }
            if samples != nil {
                throw CommandFailure.usage("--epsilon and --approximate are two different estimates; give one")
            }
            if endpoints { throw CommandFailure.usage("--epsilon counts inner nodes of paths only; drop --endpoints") }
        }
        guard let sortMeasure = CentralityMeasure(rawValue: sort.lowercased()) else {
            throw CommandFailure.usage("--sort: unknown measure \"\(sort)\"")
        }

        let loaded = try loadGraph(path: graph)
        let g = loaded.graph
        if weighted && !g.isWeighted {
            printError("note: \(loaded.source) has no weights; --weighted has no effect")
        }

        var options = CentralityOptions(weighted: weighted, threads: threads)
        options.samples = samples
        options.seed = seed
        options.epsilon = epsilon
        options.delta = delta
        options.endpoints = endpoints
        options.normalized = !unnormalized
        options.damping = damping
        if let katzAlpha {
            options.katzAlpha = katzAlpha
        } else if measures.contains(.katz), !g.isDirected,
            let lambda = try? largestEigenvalue(of: g, weighted: options.weighted && g.isWeighted),
            lambda * 0.1 >= 1
        {
            options.katzAlpha = 0.5 / lambda
            printError(
                "note: katz: the default alpha 0.1 exceeds 1/λ_max (λ_max = \(String(format: "%.6g", lambda))); using alpha = 0.5/λ_max = \(String(format: "%.6g", options.katzAlpha))"
            )
        }

        // Make the heap the computations will allocate from resident first: a fresh process
        // otherwise pays a page fault (about 2 µs on a VM) on every new 4 KiB page of its
        // first output arrays, which would dwarf an O(n) measure. This costs about 0.5 ms per
        // MiB, counted in the whole command's time, not in compute_seconds.
        _ = uccn_heap_prepare(min(max(32 * g.nodeCount, 1 << 20), 64 << 20))

        var results: [CentralityMeasure: [Double]] = [:]
        var seconds: [CentralityMeasure: Double] = [:]
        let interruption = Interruption()
        defer { interruption.restore() }
        for m in measures {
            let control = interruption.control
            let reporter = ProgressReporter(measure: m, sampled: m == .betweenness && epsilon != nil, control: control)
            // The clock covers the computation alone (as the peers' library calls are timed),
            // not storing or printing the result.
            var values: [Double]?
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                if m == .betweenness, let epsilon {
                    if options.weighted && g.isWeighted {
                        throw CentralityError.invalidParameter(
                            name: "epsilon", value: "\(epsilon)",
                            expected: "an unweighted graph (sampled paths are unweighted)")
                    }
                    let estimate = try guaranteedBetweennessCentrality(
                        of: g, epsilon: epsilon, delta: delta, seed: seed, normalized: options.normalized,
                        threads: threads, control: control)
                    values = estimate.values
                    reporter.finish()
                    printError(
                        "note: betweenness from \(estimate.samples) sampled shortest paths (vertex-diameter bound \(estimate.vertexDiameterBound), seed \(seed)): within \(epsilon) of the exact normalised values with probability at least \(1 - delta)"
                    )
                } else {
                    values = try m.compute(on: g, options: options, control: m.isParallel ? control : nil)
                }
            } catch CentralityError.cancelled {
                reporter.finish()
                let (done, total) = control.progress
                throw CommandFailure.interrupted(
                    "\(m.rawValue) stopped by Ctrl-C after \(done) of \(total) \(reporter.unit); nothing was written")
            } catch let error as CentralityError {
                reporter.finish()
                if measures.count == 1 {
                    if case .directedNotSupported = error {
                        throw CommandFailure.unsupported("\(m.rawValue): \(error)")
                    }
                    throw CommandFailure.runtime("\(m.rawValue): \(error)")
                }
                printError("note: \(m.rawValue) skipped: \(error)")
            }
            seconds[m] = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            reporter.finish()
            results[m] = values
        }
        if interruption.control.isCancelled {
            throw CommandFailure.interrupted("stopped by Ctrl-C; nothing was written")
        }

        let output: String
        switch format {
        case .json:
            output =
                measures.count == 1
                ? jsonSingle(
                    measures[0], values: results[measures[0]] ?? [], seconds: seconds[measures[0]] ?? 0, graph: g)
                : jsonAll(measures, results: results, seconds: seconds, graph: g)
        case .csv:
            output = csv(
                measures, results: results, loaded: loaded, sortBy: measures.count == 1 ? measures[0] : sortMeasure)
        case .table:
            output = table(
                measures, results: results, loaded: loaded, sortBy: measures.count == 1 ? measures[0] : sortMeasure)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    // MARK: Output

    /// Node order for display: by `sortBy` descending (ties by node index), cut to
    /// `--top`; node order when neither a sort nor a cut applies.
    private func rows(
        _ results: [CentralityMeasure: [Double]], n: Int, sortBy: CentralityMeasure, sorted: Bool
    ) -> [Int] {
        var order = Array(0..<n)
        if sorted || top != nil, let key = results[sortBy] {
            order.sort { a, b in
                let x = key[a].isNaN ? -Double.infinity : key[a]
                let y = key[b].isNaN ? -Double.infinity : key[b]
                return x != y ? x > y : a < b
            }
        }
        if let top { order = Array(order.prefix(top)) }
        return order
    }

    private func jsonSingle(_ m: CentralityMeasure, values: [Double], seconds: Double, graph g: Graph) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 30 + 64)
        out.append(contentsOf: "{\"measure\": \"\(m.rawValue)\", \"values\": {".utf8)
        var first = true
        for u in rows([m: values], n: values.count, sortBy: m, sorted: false) {
            if !first { out.append(contentsOf: ", ".utf8) }
            first = false
            appendJSONString(g.ids[u], to: &out)
            out.append(contentsOf: ": ".utf8)
            out.append(contentsOf: jsonNumber(values[u]).utf8)
        }
        out.append(contentsOf: "}, \"compute_seconds\": \(seconds)}\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    private func jsonAll(
        _ measures: [CentralityMeasure], results: [CentralityMeasure: [Double]],
        seconds: [CentralityMeasure: Double], graph g: Graph
    ) -> String {
        var parts: [String] = []
        for m in measures {
            guard let values = results[m] else { continue }
            var s = "\"\(m.rawValue)\": {"
            s += (0..<g.nodeCount).map { JSONText.string(g.ids[$0]) + ": " + jsonNumber(values[$0]) }.joined(
                separator: ", ")
            s += "}"
            parts.append(s)
        }
        let times = measures.compactMap { m in seconds[m].map { "\"\(m.rawValue)\": \($0)" } }
        return
            "{\"measure\": \"all\", \"measures\": {\(parts.joined(separator: ", "))}, \"compute_seconds\": {\(times.joined(separator: ", "))}}\n"
    }

    private func csv(
        _ measures: [CentralityMeasure], results: [CentralityMeasure: [Double]],
        loaded: LoadedGraph, sortBy: CentralityMeasure
    ) -> String {
        let shown = measures.filter { results[$0] != nil }
        var header = ["id"]
        if loaded.names != nil { header.append("name") }
        header += shown.map(\.rawValue)
        var lines = [header.joined(separator: ",")]
        for u in rows(results, n: loaded.graph.nodeCount, sortBy: sortBy, sorted: false) {
            var fields = [csvField(loaded.graph.ids[u])]
            if let names = loaded.names { fields.append(csvField(names[u])) }
            for m in shown { fields.append(plainNumber(results[m]![u])) }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func table(
        _ measures: [CentralityMeasure], results: [CentralityMeasure: [Double]],
        loaded: LoadedGraph, sortBy: CentralityMeasure
    ) -> String {
        let g = loaded.graph
        let shown = measures.filter { results[$0] != nil }
        var header = ["#", "id"]
        if loaded.names != nil { header.append("name") }
        header += shown.map(\.title)
        var body: [[String]] = []
        let order = rows(results, n: g.nodeCount, sortBy: sortBy, sorted: true)
        for (rank, u) in order.enumerated() {
            var row = ["\(rank + 1)", g.ids[u]]
            if let names = loaded.names { row.append(names[u]) }
            for m in shown { row.append(tableNumber(results[m]![u], measure: m)) }
            body.append(row)
        }
        let numericFrom = loaded.names == nil ? 2 : 3
        var widths = header.map(\.count)
        for row in body { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return (i == 0 || i >= numericFrom) ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
        var out = line(header) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in body { out += line(row) + "\n" }
        if shown.count == 1, let m = shown.first {
            out += "\n\(m.title): \(m.meaning)\n"
        }
        out +=
            "\(g.nodeCount) nodes, \(g.edgeCount) edges\(g.isWeighted ? ", weighted" : "")\(g.isDirected ? ", directed" : "")"
        if let top, top < g.nodeCount { out += "; top \(top) by \(sortBy.title)" }
        out += "\n"
        return out
    }

    private func tableNumber(_ x: Double, measure: CentralityMeasure) -> String {
        if x.isNaN { return "–" }
        switch measure {
        case .degree, .kcore, .components:
            return String(Int(x))
        case .strength where !weighted:
            return String(Int(x))
        default:
            return String(format: "%.6g", x)
        }
    }
}

/// Prints a message (a note, or a failure inside the measures' loop) on standard error,
/// worded as `uccn metrics` words its failures.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((MetricsCommand.failureWording.prefix + message + "\n").utf8))
}

/// Shortest round-trip text of a number; JSON has no NaN or infinity, so those are null.
func jsonNumber(_ x: Double) -> String {
    x.isFinite ? "\(x)" : "null"
}

func plainNumber(_ x: Double) -> String {
    x.isNaN ? "" : "\(x)"
}

/// Appends `s` as a JSON string literal (plain ASCII ids are copied as they are).
func appendJSONString(_ s: String, to out: inout [UInt8]) {
    var plain = true
    for byte in s.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte >= 0x80 {
        plain = false
        break
    }
    if plain {
        out.append(0x22)
        out.append(contentsOf: s.utf8)
        out.append(0x22)
    } else {
        out.append(contentsOf: JSONText.string(s).utf8)
    }
}

func csvField(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// Progress of a long computation on standard error: sources (or sampled paths) done of
/// the total, elapsed time and an estimate of the rest, first after 3 seconds, then
/// every half second on a terminal (one line rewritten in place) or every 10 seconds
/// otherwise (one line each). Standard output is never touched.
final class ProgressReporter: @unchecked Sendable {
    let unit: String
    private let measure: CentralityMeasure
    private let control: RunControl
    private let start = DispatchTime.now().uptimeNanoseconds
    private let terminal = isatty(STDERR_FILENO) != 0
    private var timer: DispatchSourceTimer?
    private var printed = false
    private let lock = NSLock()

    init(measure: CentralityMeasure, sampled: Bool, control: RunControl) {
        self.measure = measure
        self.control = control
        unit = sampled ? "sampled paths" : "sources"
        guard [.betweenness, .closeness, .harmonic].contains(measure) else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        let interval: DispatchTimeInterval = terminal ? .milliseconds(500) : .seconds(10)
        timer.schedule(deadline: .now() + .seconds(3), repeating: interval)
        timer.setEventHandler { [weak self] in self?.show() }
        timer.resume()
        self.timer = timer
    }

    private func show() {
        let (done, total) = control.progress
        guard total > 0, done < total else { return }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var line =
            "\(measure.rawValue): \(done) of \(total) \(unit) (\(done * 100 / total)%), \(Self.clock(elapsed)) elapsed"
        if done > 0 {
            line += ", about \(Self.clock(elapsed / Double(done) * Double(total - done))) left"
        }
        lock.lock()
        defer { lock.unlock() }
        guard timer != nil else { return }
        printed = true
        FileHandle.standardError.write(Data((terminal ? "\r\(line)\u{1B}[K" : line + "\n").utf8))
    }

    /// Stops the display (ending the terminal line if one was shown).
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard let timer else { return }
        timer.cancel()
        self.timer = nil
        if printed && terminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// `m:ss`, or `h:mm:ss` from an hour.
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        let (h, m, r) = (s / 3600, s / 60 % 60, s % 60)
        let two = { (x: Int) in x < 10 ? "0\(x)" : "\(x)" }
        return h > 0 ? "\(h):\(two(m)):\(two(r))" : "\(m):\(two(r))"
    }
}

/// Ctrl-C during a computation: SIGINT no longer ends the process at once but cancels
/// the ``RunControl`` the computations poll, so they stop within one source or batch and
/// the command exits with status 130 before writing anything.
final class Interruption: @unchecked Sendable {
    let control = RunControl()
    private let source: DispatchSourceSignal

    init() {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [control] in control.cancel() }
        source.resume()
    }

    /// Gives SIGINT its default meaning back.
    func restore() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
