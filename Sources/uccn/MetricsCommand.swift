import ArgumentParser
import Foundation
import GraphAlgorithms
import GraphCore
import GraphFormats

/// `uccn metrics`: centrality and other node measures of a graph.
struct MetricsCommand: FailureReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Compute centrality and other node, edge and graph measures (NetworkX definitions) for a graph.",
        discussion: """
            Node measures: \(CentralityMeasure.allCases.map(\.rawValue).joined(separator: ", ")); \
            'all' computes \(CentralityMeasure.standard.map(\.rawValue).joined(separator: ", ")). \
            Edge measure: edge-betweenness (one row per edge). Graph measures: \
            \(GraphMeasure.allCases.map(\.rawValue).joined(separator: ", ")) (one number).
            With --weighted, weights are distances for betweenness, edge-betweenness, closeness \
            and harmonic centrality and strengths for strength, eigenvector, PageRank, Katz and \
            average-clustering; weighted-clustering always uses them; degree, k-core, clustering, \
            triangles and components ignore them (a note says so). On a directed graph, clustering \
            is Fagiolo's directed clustering and kcore counts in- plus out-degree (NetworkX's \
            DiGraph definitions); --undirected reads the graph as undirected.
            Without GRAPH, the bundled UNESCO Creative Cities Network is used.
            Exit status 3: unknown measure, or a measure undefined for this graph.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Argument(help: "Graph file (.edges or .txt edge list). Default: the bundled UCCN network.")
    var graph: String?

    @Option(name: .long, help: "Measure name (listed above), or 'all'.")
    var measure: String = "all"

    @Flag(name: .long, help: "Read the edges as directed, whatever the file says.")
    var directed = false

    @Flag(name: .long, help: "Read the edges as undirected, whatever the file says.")
    var undirected = false

    @Option(
        help:
            "Repeated edges between two nodes: sum (default), min, max, first or last weight, as one edge (min gives NetworkX's shortest paths on a MultiGraph, sum its weighted degree)."
    )
    var duplicates: String = "sum"

    @Flag(name: .long, help: "Use edge weights.")
    var weighted = false

    @Option(
        name: .long, parsing: .unconditional,
        help:
            "Worker threads for betweenness, edge betweenness, closeness, harmonic and PageRank (results do not depend on it)."
    )
    var threads: Int = 1

    @Option(name: .long, help: "Output format: table, csv or json.")
    var format: Format = .table

    @Option(name: .long, parsing: .unconditional, help: "Only the N highest values (sorted descending).")
    var top: Int?

    @Option(
        name: [.customLong("approximate"), .customLong("samples")], parsing: .unconditional,
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

    @Option(
        name: .long,
        help:
            "Betweenness on unweighted graphs: automatic, single-source or multi-source search (the values agree to about 1e-15; automatic picks by size)."
    )
    var betweennessKernel: BetweennessKernel = .automatic

    @Flag(name: .long, help: "Betweenness: raw pair counts instead of dividing by the number of pairs.")
    var unnormalized = false

    @Option(name: .long, help: "PageRank damping factor.")
    var damping: Double = 0.85

    @Option(help: "PageRank: personalisation vector, a file of node,value lines (NetworkX's personalization=).")
    var personalization: String?

    @Option(help: "PageRank: where dangling nodes send their score, a file of node,value lines (NetworkX's dangling=).")
    var dangling: String?

    @Flag(
        name: .customLong("wf-improved"), inversion: .prefixedNo,
        help: "Closeness: scale by the share of nodes reached (Wasserman–Faust, NetworkX's wf_improved).")
    var wfImproved = true

    @Option(
        help:
            "Closeness and harmonic: compute only these nodes (comma-separated ids; NetworkX's u=/nbunch=); every measure then shows only these rows."
    )
    var nodes: String?

    @Option(help: "Harmonic: count only paths from these nodes (comma-separated ids; NetworkX's sources=).")
    var sources: String?

    @Flag(
        name: .customLong("count-zeros"), inversion: .prefixedNo,
        help: "average-clustering: include nodes whose clustering is 0 (NetworkX's count_zeros).")
    var countZeros = true

    @Option(
        name: .customLong("katz-alpha"),
        help:
            "Katz attenuation factor, below 1/largest eigenvalue (default 0.1, or 0.5/largest eigenvalue when 0.1 is too large)."
    )
    var katzAlpha: Double?

    @Option(name: .long, help: "Sort the 'all' table by this measure.")
    var sort: String = "degree"

    @OptionGroup var linkLayers: LinkLayersOption

    @OptionGroup var heap: HeapPreparationOption

    static let failureWording = FailureWording(prefix: "uccn metrics: ")

    func execute() throws {
        let measures: [CentralityMeasure]
        let name = measure.lowercased()
        if name == "all" {
            measures = CentralityMeasure.standard
        } else if let m = CentralityMeasure(rawValue: name) {
            measures = [m]
        } else if name == "edge-betweenness" || GraphMeasure(rawValue: name) != nil {
            measures = []
        } else {
            throw CommandFailure.unsupported(
                "unknown measure \"\(measure)\"; expected one of \((CentralityMeasure.allCases.map(\.rawValue) + ["edge-betweenness"] + GraphMeasure.allCases.map(\.rawValue)).joined(separator: ", ")), all"
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

        if directed && undirected { throw CommandFailure.usage("--directed and --undirected cannot be used together") }
        guard let duplicatePolicy = DuplicateEdgePolicy(rawValue: duplicates) else {
            throw CommandFailure.usage(
                "unknown duplicate-edge policy \"\(duplicates)\"; expected sum, min, max, first, last or reject")
        }
        let choices = GraphReadChoices(
            directed: directed ? true : (undirected ? false : nil), duplicates: duplicatePolicy,
            layers: try linkLayers.kinds())
        let loaded = try loadGraph(path: graph, choices: choices)
        linkLayers.noteIfUnused(loaded)
        let g = loaded.graph
        if weighted && !g.isWeighted {
            printError("note: \(loaded.source) has no weights; --weighted has no effect")
        }
        if g.nodeCount == 0 {
            printError(
                "note: \(loaded.source) has no nodes: every node and edge measure is empty, and transitivity and average-clustering are 0"
            )
        }
        // Options that only some measures read: say so rather than ignore them silently.
        let applies: [(given: Bool, option: String, measures: [String])] = [
            (sources != nil, "--sources", ["harmonic"]),
            (personalization != nil, "--personalization", ["pagerank"]),
            (dangling != nil, "--dangling", ["pagerank"]),
            (!wfImproved, "--no-wf-improved", ["closeness"]),
            (!countZeros, "--no-count-zeros", ["average-clustering"]),
            (betweennessKernel != .automatic, "--betweenness-kernel", ["betweenness"]),
        ]
        let asked = measures.isEmpty ? [name] : measures.map(\.rawValue)
        for rule in applies where rule.given && !asked.contains(where: rule.measures.contains) {
            printError(
                "note: \(rule.option) applies to \(rule.measures.joined(separator: ", ")) only; it has no effect here")
        }
        if betweennessKernel != .automatic && weighted && g.isWeighted && asked.contains("betweenness") {
            printError(
                "note: --betweenness-kernel chooses between unweighted searches; weighted betweenness uses Dijkstra")
        }
        if betweennessKernel != .automatic && epsilon != nil && asked.contains("betweenness") {
            printError("note: --betweenness-kernel has no effect with --epsilon (sampled paths)")
        }
        let selected = try nodes.map { try nodeList($0, option: "--nodes", graph: g) }
        let sourceNodes = try sources.map { try nodeList($0, option: "--sources", graph: g) }

        if measures.isEmpty {
            try graphOrEdgeMeasure(name, loaded: loaded)
            return
        }
        if weighted && g.isWeighted {
            let ignoring = measures.filter { !$0.usesWeights }
            if !ignoring.isEmpty {
                printError(
                    "note: \(ignoring.map(\.rawValue).joined(separator: ", ")) \(ignoring.count == 1 ? "ignores" : "ignore") weights\(ignoring.contains(.clustering) ? " (weighted clustering: --measure weighted-clustering)" : "")"
                )
            }
        }
        if g.isDirected {
            if measures.contains(.clustering) || measures.contains(.weightedClustering) {
                printError(
                    "note: clustering of a directed graph is Fagiolo's directed clustering (NetworkX's clustering of a DiGraph); --undirected for the undirected graph's"
                )
            }
            if measures.contains(.kcore) {
                printError(
                    "note: kcore of a directed graph counts in-degree + out-degree (NetworkX's core_number of a DiGraph); --undirected for the undirected graph's"
                )
            }
        }
        if let samples, measures.contains(.betweenness), samples >= g.nodeCount {
            printError(
                "note: --approximate \(samples) is not below the \(g.nodeCount) nodes: the exact betweenness was computed"
            )
        }

        var options = CentralityOptions(weighted: weighted, threads: threads)
        options.samples = samples
        options.seed = seed
        options.epsilon = epsilon
        options.delta = delta
        options.endpoints = endpoints
        options.betweennessKernel = betweennessKernel
        options.normalized = !unnormalized
        options.damping = damping
        options.wfImproved = wfImproved
        options.nodes = selected
        options.sources = sourceNodes
        if let personalization {
            options.personalization = try NodeValuesFile.read(personalization, option: "--personalization", graph: g)
        }
        if let dangling { options.dangling = try NodeValuesFile.read(dangling, option: "--dangling", graph: g) }
        if let katzAlpha {
            options.katzAlpha = katzAlpha
        } else if measures.contains(.katz) {
            let chosen = defaultKatzAlpha(of: g, weighted: options.weighted && g.isWeighted)
            options.katzAlpha = chosen.alpha
            if let lambda = chosen.lambdaMax {
                printError(
                    "note: katz: the default alpha 0.1 exceeds 1/λ_max (λ_max = \(String(format: "%.6g", lambda))); using alpha = 0.5/λ_max = \(String(format: "%.6g", chosen.alpha))"
                )
            }
        }

        // With --prepare-heap (benchmarks only): the output arrays' pages resident before
        // the clock starts (HeapPreparationOption).
        heap.prepare(bytes: 32 * g.nodeCount)

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
                    values = try m.compute(on: g, options: options, control: control)
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
                    measures[0], values: results[measures[0]] ?? [], seconds: seconds[measures[0]] ?? 0, graph: g,
                    only: selected)
                : jsonAll(measures, results: results, seconds: seconds, graph: g, only: selected)
        case .csv:
            output = csv(
                measures, results: results, loaded: loaded, sortBy: measures.count == 1 ? measures[0] : sortMeasure,
                only: selected)
        case .table:
            output = table(
                measures, results: results, loaded: loaded, sortBy: measures.count == 1 ? measures[0] : sortMeasure,
                only: selected)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    // MARK: Output

    /// Node order for display: by `sortBy` descending (ties by node index), cut to
    /// `--top`; node order when neither a sort nor a cut applies.
    private func rows(
        _ results: [CentralityMeasure: [Double]], n: Int, sortBy: CentralityMeasure, sorted: Bool,
        only: [Int]? = nil
    ) -> [Int] {
        var order = only.map { Set($0).sorted() } ?? Array(0..<n)
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

    private func jsonSingle(
        _ m: CentralityMeasure, values: [Double], seconds: Double, graph g: Graph, only: [Int]?
    ) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 30 + 64)
        out.append(contentsOf: "{\"measure\": \"\(m.rawValue)\", \"values\": {".utf8)
        var first = true
        for u in rows([m: values], n: values.count, sortBy: m, sorted: false, only: only) {
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
        seconds: [CentralityMeasure: Double], graph g: Graph, only: [Int]?
    ) -> String {
        var parts: [String] = []
        for m in measures {
            guard let values = results[m] else { continue }
            var s = "\"\(m.rawValue)\": {"
            s += (only.map { Set($0).sorted() } ?? Array(0..<g.nodeCount)).map {
                JSONText.string(g.ids[$0]) + ": " + jsonNumber(values[$0])
            }.joined(
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
        loaded: LoadedGraph, sortBy: CentralityMeasure, only: [Int]?
    ) -> String {
        let shown = measures.filter { results[$0] != nil }
        var header = ["id"]
        if loaded.names != nil { header.append("name") }
        header += shown.map(\.rawValue)
        var lines = [header.joined(separator: ",")]
        for u in rows(results, n: loaded.graph.nodeCount, sortBy: sortBy, sorted: false, only: only) {
            var fields = [csvField(loaded.graph.ids[u])]
            if let names = loaded.names { fields.append(csvField(names[u])) }
            for m in shown { fields.append(plainNumber(results[m]![u])) }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func table(
        _ measures: [CentralityMeasure], results: [CentralityMeasure: [Double]],
        loaded: LoadedGraph, sortBy: CentralityMeasure, only: [Int]?
    ) -> String {
        let g = loaded.graph
        let shown = measures.filter { results[$0] != nil }
        var header = ["#", "id"]
        if loaded.names != nil { header.append("name") }
        header += shown.map(\.title)
        var body: [[String]] = []
        let order = rows(results, n: g.nodeCount, sortBy: sortBy, sorted: true, only: only)
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
            "\(loaded.summary)"
        if let top, top < g.nodeCount { out += "; top \(top) by \(sortBy.title)" }
        out += "\n"
        return out
    }

    /// Comma-separated node ids, as node indices.
    private func nodeList(_ text: String, option: String, graph g: Graph) throws(CommandFailure) -> [Int] {
        var result: [Int] = []
        for id in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !id.isEmpty {
            guard let node = g.node(withID: id) else {
                throw .usage("\(option): no node \"\(id)\" in the graph")
            }
            result.append(node)
        }
        guard !result.isEmpty else { throw .usage("\(option) needs at least one node id") }
        return result
    }

    /// `--measure edge-betweenness` and the graph measures: their computation and output.
    private func graphOrEdgeMeasure(_ name: String, loaded: LoadedGraph) throws {
        let g = loaded.graph
        let useWeights = weighted && g.isWeighted
        let start = DispatchTime.now().uptimeNanoseconds
        var output: String
        if let scalar = GraphMeasure(rawValue: name) {
            if weighted && g.isWeighted && scalar == .transitivity {
                printError("note: transitivity ignores weights")
            }
            let value: Double
            do {
                value = try scalar.compute(on: g, weighted: useWeights, countZeros: countZeros)
            } catch let error as CentralityError {
                throw CommandFailure.unsupported("\(name): \(error)")
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            switch format {
            case .json:
                output =
                    "{\"measure\": \"\(name)\", \"value\": \(jsonNumber(value)), \"compute_seconds\": \(seconds)}\n"
            case .csv:
                output = "measure,value\n\(name),\(plainNumber(value))\n"
            case .table:
                output = "\(scalar.title): \(String(format: "%.6g", value))\n\n\(scalar.title): \(scalar.meaning)\n"
                output +=
                    "\(loaded.summary)\n"
            }
        } else {
            if useWeights, g.weights?.contains(where: { $0 < 0 }) == true {
                throw CommandFailure.runtime(
                    "edge-betweenness: \(CentralityError.negativeWeights(measure: "edge-betweenness", use: "distances"))"
                )
            }
            let interruption = Interruption()
            defer { interruption.restore() }
            let control = interruption.control
            let reporter = ProgressReporter(name: "edge-betweenness", unit: "sources", control: control)
            let values: [Double]
            do {
                values = try edgeBetweennessCentrality(
                    of: g, weighted: useWeights, normalized: !unnormalized, threads: threads, control: control)
                reporter.finish()
            } catch {
                reporter.finish()
                guard case .cancelled = error else { throw CommandFailure.runtime("edge-betweenness: \(error)") }
                let (done, total) = control.progress
                throw CommandFailure.interrupted(
                    "edge-betweenness stopped by Ctrl-C after \(done) of \(total) sources; nothing was written")
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let edges = g.edges()
            var order = Array(edges.indices)
            if format == .table || top != nil {
                order.sort { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
            }
            if let top { order = Array(order.prefix(top)) }
            switch format {
            case .json:
                let items = order.map {
                    "[\(JSONText.string(g.ids[edges[$0].source])), \(JSONText.string(g.ids[edges[$0].target])), \(jsonNumber(values[$0]))]"
                }
                output =
                    "{\"measure\": \"edge-betweenness\", \"values\": [\(items.joined(separator: ", "))], \"compute_seconds\": \(seconds)}\n"
            case .csv:
                output =
                    "source,target,edge-betweenness\n"
                    + order.map {
                        "\(csvField(g.ids[edges[$0].source])),\(csvField(g.ids[edges[$0].target])),\(plainNumber(values[$0]))\n"
                    }.joined()
            case .table:
                let name = { (u: Int) in loaded.names?[u] ?? g.ids[u] }
                let rows = order.enumerated().map { rank, e in
                    ["\(rank + 1)", name(edges[e].source), name(edges[e].target), String(format: "%.6g", values[e])]
                }
                let header = ["#", "source", "target", "Edge betweenness"]
                var widths = header.map(\.count)
                for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
                func line(_ cells: [String]) -> String {
                    cells.enumerated().map { i, cell in
                        let pad = String(repeating: " ", count: widths[i] - cell.count)
                        return (i == 0 || i == 3) ? pad + cell : cell + pad
                    }.joined(separator: "  ")
                }
                output =
                    line(header) + "\n" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
                    + "\n"
                for row in rows { output += line(row) + "\n" }
                output +=
                    unnormalized
                    ? "\nEdge betweenness: how many shortest paths between two cities run along the link (each pair once on an undirected network).\n"
                    : "\nEdge betweenness: how many shortest paths between two cities run along the link, as a share of all ordered pairs, n(n − 1).\n"
                output +=
                    "\(loaded.summary)\n"
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    private func tableNumber(_ x: Double, measure: CentralityMeasure) -> String {
        if x.isNaN { return "–" }
        switch measure {
        case .degree, .kcore, .components, .inDegree, .outDegree, .triangles:
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
    private let name: String
    private let control: RunControl
    private let start = DispatchTime.now().uptimeNanoseconds
    private let terminal = isatty(STDERR_FILENO) != 0
    private var timer: DispatchSourceTimer?
    private var printed = false
    private let lock = NSLock()

    /// Progress of a node measure: shown for betweenness, closeness and harmonic
    /// centrality (the others are fast and report nothing).
    convenience init(measure: CentralityMeasure, sampled: Bool, control: RunControl) {
        self.init(
            name: measure.rawValue, unit: sampled ? "sampled paths" : "sources", control: control,
            shown: [.betweenness, .closeness, .harmonic].contains(measure))
    }

    /// Progress of the computation called `name` (the first word of each line), counted in
    /// `unit`.
    init(name: String, unit: String, control: RunControl, shown: Bool = true) {
        self.name = name
        self.control = control
        self.unit = unit
        guard shown else { return }
        // A queue of its own: the computation's workers fill the global queue's threads
        // (one a core), and a timer there would not fire until one of them finished.
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "uccn.progress"))
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
            "\(name): \(done) of \(total) \(unit) (\(done * 100 / total)%), \(Self.clock(elapsed)) elapsed"
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
        // Its own queue, like the progress display's: never waiting for a busy worker thread.
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "uccn.interrupt"))
        source.setEventHandler { [control] in control.cancel() }
        source.resume()
    }

    /// Gives SIGINT its default meaning back.
    func restore() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}

/// Measures of the whole graph, one number each.
enum GraphMeasure: String, CaseIterable {
    case transitivity
    case averageClustering = "average-clustering"

    var title: String {
        switch self {
        case .transitivity: "Transitivity"
        case .averageClustering: "Average clustering"
        }
    }

    var meaning: String {
        switch self {
        case .transitivity:
            "the share of connected triples (two links sharing a city) that close into a triangle, 3 × triangles / triples."
        case .averageClustering:
            "the mean of the cities' clustering coefficients."
        }
    }

    func compute(on g: Graph, weighted: Bool, countZeros: Bool) throws -> Double {
        switch self {
        case .transitivity:
            guard !g.isDirected else { throw CentralityError.directedNotSupported(measure: "transitivity") }
            return GraphAlgorithms.transitivity(of: g)
        case .averageClustering:
            return GraphAlgorithms.averageClustering(of: g, weighted: weighted, countZeros: countZeros)
        }
    }
}

extension BetweennessKernel: ExpressibleByArgument {}
