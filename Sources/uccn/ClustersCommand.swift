import ArgumentParser
import CreativeCities
import Dispatch
import Foundation
import GraphAlgorithms
import GraphCore
import GraphFormats

/// `uccn clusters`: community detection (Leiden, Louvain, label propagation, components).
struct ClustersCommand: FailureReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Find communities: Leiden, Louvain, label propagation or connected components.",
        discussion: """
            Without GRAPH, the bundled UNESCO Creative Cities Network (sister-city and \
            partnership links) is used and communities are shown with city names and their \
            dominant fields and regions. Nodes without any edge are listed apart as "not \
            connected" in the table (each is its own community in the labels and the JSON \
            count; they do not change modularity). --runs N repeats the algorithm with N further seeds and reports how \
            stable each community is (mean co-assignment of its member pairs). The same seed \
            prints the same bytes (the JSON's compute_seconds aside).
            """)

    @Argument(help: "Graph file (.edges). Default: the bundled UCCN network (existing links).")
    var graph: String?

    @Option(help: "leiden, louvain, label-propagation or components.")
    var algorithm: String = "leiden"

    @Option(help: "Resolution γ (modularity: 1 is classic; CPM: a density).")
    var resolution: Double = 1

    @Option(help: "Leiden's objective: modularity or cpm.")
    var objective: String = "modularity"

    @Option(help: "Leiden iterations (default: until the partition is stable, see --tolerance).")
    var maxIterations: Int?

    @Option(
        help:
            "Leiden: an iteration that raises modularity by less than this ends the run (0: only one that improves nothing; at most \(Leiden.stableIterationLimit) iterations)."
    )
    var tolerance: Double = Leiden.defaultTolerance

    @Option(help: "Seed of the random numbers.")
    var seed: UInt64 = 42

    @Option(help: "Further runs with derived seeds, to measure stability (0: none).")
    var runs: Int = 0

    @Option(help: "Runs executed at once for --runs (default: the number of processors).")
    var threads: Int?

    @Flag(help: "Use edge weights (as strengths); without it weights are ignored.")
    var weighted = false

    @Option(help: "table, csv or json.")
    var format: String = "table"

    @OptionGroup var linkLayers: LinkLayersOption

    @OptionGroup var heap: HeapPreparationOption

    static let failureWording = FailureWording(prefix: "uccn clusters: ")

    func execute() throws {
        guard let algorithmChoice = CommunityAlgorithm(rawValue: algorithm) else {
            throw CommandFailure.unsupported(
                "unknown algorithm \"\(algorithm)\"; expected one of \(CommunityAlgorithm.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        guard let objectiveChoice = Leiden.Objective(rawValue: objective) else {
            throw CommandFailure.usage("unknown objective \"\(objective)\"; expected modularity or cpm")
        }
        guard let output = ClustersOutputFormat(rawValue: format) else {
            throw CommandFailure.usage("unknown format \"\(format)\"; expected table, csv or json")
        }
        guard resolution.isFinite, resolution >= 0 else {
            throw CommandFailure.usage("--resolution must be a finite number ≥ 0, found \(resolution)")
        }
        guard runs >= 0 else { throw CommandFailure.usage("--runs must be ≥ 0, found \(runs)") }
        if let maxIterations, maxIterations < 1 {
            throw CommandFailure.usage("--max-iterations must be ≥ 1, found \(maxIterations)")
        }
        guard tolerance.isFinite, tolerance >= 0 else {
            throw CommandFailure.usage("--tolerance must be a finite number ≥ 0, found \(tolerance)")
        }
        if let threads, threads < 1 { throw CommandFailure.usage("--threads must be ≥ 1, found \(threads)") }

        let input = try loadInput()
        if weighted, input.graph.weights?.contains(where: { $0 < 0 }) == true {
            throw CommandFailure.runtime(
                "\(graph ?? "the graph") has negative edge weights, which community detection cannot use as strengths; leave out --weighted"
            )
        }
        let g = weighted ? input.graph : input.graph.unweighted()
        let detector = algorithmChoice.detector(
            resolution: resolution, objective: objectiveChoice, maxIterations: maxIterations,
            tolerance: tolerance)

        // With --prepare-heap (benchmarks only): resident heap for the working graphs
        // (about 24 bytes an arc) before the clock starts (HeapPreparationOption).
        heap.prepare(bytes: 24 * g.arcCount + 64 * g.nodeCount)
        let clock = ContinuousClock()
        let started = clock.now
        let partition: Partition
        var stability: CommunityStability?
        if runs > 0 {
            let measured = Self.blocking { [seed, runs, threads] in
                await CommunityStability.measure(
                    detector, on: g, seed: seed, runs: runs,
                    maxConcurrency: threads ?? ProcessInfo.processInfo.activeProcessorCount)
            }
            partition = measured.reference
            stability = measured
        } else {
            partition = detector.partition(of: g, seed: seed)
        }
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18

        let report = ClustersReport(
            graph: g, input: input, algorithm: algorithmChoice, objective: objectiveChoice,
            resolution: resolution, seed: seed, partition: partition, stability: stability)
        switch output {
        case .json: print(report.json(computeSeconds: seconds), terminator: "")
        case .csv: print(report.csv(), terminator: "")
        case .table: print(report.table(), terminator: "")
        }
    }

    private func loadInput() throws(CommandFailure) -> ClustersInput {
        let loaded = try loadGraph(path: graph, choices: GraphReadChoices(layers: try linkLayers.kinds()))
        linkLayers.noteIfUnused(loaded)
        guard let dataset = loaded.dataset else {
            return ClustersInput(graph: loaded.graph, names: nil, details: nil, nodeKind: "nodes")
        }
        return ClustersInput(
            graph: loaded.graph, names: loaded.names,
            details: [
                ("fields", dataset.cities.map(\.field.rawValue)),
                ("regions", dataset.cities.map(\.region.rawValue)),
            ],
            nodeKind: "cities", layers: loaded.layers)
    }

    /// Runs async work to completion from this synchronous command (the process's main
    /// thread, outside the concurrency pool, so waiting here blocks nothing it needs).
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            box.value = await work()
            done.signal()
        }
        done.wait()
        guard let value = box.value else { fatalError("async work finished without a result") }
        return value
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    // Written once by the task, read after the semaphore: the semaphore orders the two.
    var value: T?
}

enum ClustersOutputFormat: String {
    case table, csv, json
}

/// The graph and, for the UCCN data, how to describe its nodes.
struct ClustersInput {
    var graph: Graph
    /// Display name of each node (city names), or `nil` to show node ids.
    var names: [String]?
    /// Labelled categories of each node (e.g. field, region) summarised per community.
    var details: [(title: String, values: [String])]?
    /// What the nodes are, for headings ("cities", "nodes").
    var nodeKind: String
    /// The link layers that made the edges of a Creative Cities network, `nil` for a graph file.
    var layers: Set<LinkKind>? = nil
}

/// Formats a partition as a table, CSV or the harness's JSON.
struct ClustersReport {
    var graph: Graph
    var input: ClustersInput
    var algorithm: CommunityAlgorithm
    var objective: Leiden.Objective
    var resolution: Double
    var seed: UInt64
    var partition: Partition
    var stability: CommunityStability?

    var modularity: Double { Modularity.modularity(of: graph, partition: partition) }

    func json(computeSeconds: Double) -> String {
        var out = "{\"algorithm\": \"\(algorithm.rawValue)\", \"modularity\": \(number(modularity)), "
        out += "\"communities\": \(partition.count), \"labels\": {"
        for (i, label) in partition.labels.enumerated() {
            if i > 0 { out += ", " }
            out += "\(JSONText.string(graph.ids[i])): \(label)"
        }
        out += "}"
        if let stability {
            out += ", \"runs\": \(stability.runs.count), \"community_stability\": ["
            out += stability.communityStability.map(number).joined(separator: ", ")
            out += "]"
        }
        out += ", \"compute_seconds\": \(number(computeSeconds))}\n"
        return out
    }

    func csv() -> String {
        var out = stability == nil ? "node,community\n" : "node,community,node_stability,community_stability\n"
        for (i, label) in partition.labels.enumerated() {
            out += "\(csvField(graph.ids[i])),\(label)"
            if let stability {
                out += ",\(fixed(stability.nodeStability[i], 4)),\(fixed(stability.communityStability[Int(label)], 4))"
            }
            out += "\n"
        }
        return out
    }

    func table() -> String {
        let degree = (0..<graph.nodeCount).map { graph.degree(of: $0) }
        let members = partition.members()
        let isolated = members.indices.filter { members[$0].count == 1 && degree[members[$0][0]] == 0 }
        let isolatedSet = Set(isolated)
        let shown = members.indices.filter { !isolatedSet.contains($0) }
        var out = "\(title())\(algorithm.isRandomised ? ", seed \(seed)" : "")\n"
        out += "\(graph.nodeCount) \(input.nodeKind), \(graph.edgeCount) edges"
        if let layers = input.layers { out += " (links: \(LinkKind.names(layers)))" }
        out += "; "
        out += "\(shown.count) communit\(shown.count == 1 ? "y" : "ies") of connected \(input.nodeKind)"
        if !isolated.isEmpty { out += ", \(isolated.count) not connected" }
        out += "\n"
        out += "modularity Q = \(fixed(modularity, 4)) (γ = 1; nodes without edges do not change it)\n"
        if algorithm == .leiden && (objective == .cpm || resolution != 1) || algorithm == .louvain && resolution != 1 {
            let q: Double =
                objective == .cpm && algorithm == .leiden
                ? Modularity.cpmQuality(of: graph, partition: partition, resolution: resolution)
                : Modularity.modularity(of: graph, partition: partition, resolution: resolution)
            out +=
                "\(objective == .cpm && algorithm == .leiden ? "CPM quality" : "modularity") at γ = \(shortNumber(resolution)): \(fixed(q, 4))\n"
        }
        if let stability {
            let connectedNodes = shown.flatMap { members[$0] }
            let mean =
                connectedNodes.isEmpty
                ? 1 : connectedNodes.map { stability.nodeStability[$0] }.reduce(0, +) / Double(connectedNodes.count)
            out += "stability over \(stability.runs.count) further seeds: mean node stability \(fixed(mean, 3)) "
            out += "(connected nodes), \(fixed(stability.identicalFraction * 100, 0))% of runs identical\n"
        }
        out += "\n"
        var header = ["community", "size"]
        if stability != nil { header.append("stability") }
        if let details = input.details { header += details.map(\.title) }
        header.append("members (best connected first)")
        var rows: [[String]] = []
        for c in shown {
            let nodes = members[c].sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }
            var row = ["\(c)", "\(nodes.count)"]
            if let stability { row.append(fixed(stability.communityStability[c], 3)) }
            if let details = input.details {
                for detail in details { row.append(dominant(detail.values, among: nodes)) }
            }
            row.append(memberList(nodes, limit: input.names == nil ? 12 : 8))
            rows.append(row)
        }
        out += formatTable(header: header, rows: rows)
        if !isolated.isEmpty {
            let nodes = isolated.map { members[$0][0] }
            out += "\nnot connected (\(nodes.count) \(input.nodeKind) without any edge, each its own community): "
            out += memberList(nodes, limit: 20) + "\n"
        }
        return out
    }

    private func title() -> String {
        switch algorithm {
        case .leiden: "Leiden (\(objective.rawValue), γ = \(shortNumber(resolution)))"
        case .louvain: "Louvain (modularity, γ = \(shortNumber(resolution)))"
        case .labelPropagation: "Label propagation"
        case .components: "Connected components"
        }
    }

    private func name(_ node: Int) -> String { input.names?[node] ?? graph.ids[node] }

    private func memberList(_ nodes: [Int], limit: Int) -> String {
        let head = nodes.prefix(limit).map(name).joined(separator: ", ")
        return nodes.count > limit ? "\(head), … (+\(nodes.count - limit))" : head
    }

    /// The most common values of a category among `nodes`, with their shares.
    private func dominant(_ values: [String], among nodes: [Int]) -> String {
        var counts: [String: Int] = [:]
        for v in nodes { counts[values[v], default: 0] += 1 }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return ranked.prefix(2).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}

private func formatTable(header: [String], rows: [[String]]) -> String {
    var widths = header.map(\.count)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    func line(_ cells: [String]) -> String {
        var parts: [String] = []
        for (i, cell) in cells.enumerated() {
            let isLast = i == cells.count - 1
            let numeric = i < 3 && Double(cell) != nil
            let pad = String(repeating: " ", count: widths[i] - cell.count)
            parts.append(isLast ? cell : numeric ? pad + cell : cell + pad)
        }
        return parts.joined(separator: "  ") + "\n"
    }
    return line(header) + rows.map(line).joined()
}

private func fixed(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
}

/// Shortest round-trip decimal (what Swift prints), valid JSON for finite values.
private func number(_ value: Double) -> String {
    value.isFinite ? "\(value)" : "null"
}

private func shortNumber(_ value: Double) -> String {
    String(format: "%g", value)
}
