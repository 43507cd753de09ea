import ArgumentParser
import CreativeCities
import Foundation
import GraphAlgorithms
import GraphCore
import GraphFormats
import GraphvizDOT

/// `uccn convert IN OUT`: reads a graph in one format and writes it in another, keeping
/// node and edge attributes, direction and weights.
struct ConvertCommand: FailureReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a graph between edge list, CSV (Gephi), GraphML, GEXF, node-link JSON and DOT.",
        discussion: """
            --with-metrics adds measures as node attributes under Gephi's column names \
            (degree, betweenesscentrality, closnesscentrality, eigencentrality, pageranks, \
            clustering, …) and --with-communities the communities as modularity_class \
            (labels 0, 1, … by size, largest first). Formats are chosen by extension (.edges/.txt/.el, .csv, .graphml/.xml, .gexf, .json, \
            .dot/.gv) unless --from/--to name them. CSV input is an edges table (Source, Target, \
            Type, Weight, …) with the nodes table from --nodes or X.nodes.csv beside X.edges.csv; \
            CSV output writes OUT and the nodes table beside it. The output is written atomically: \
            on any error nothing is written.
            """)

    @Argument(help: "The graph to read, or a Creative Cities data folder (cities.csv and links.csv, e.g. Graphs).")
    var input: String

    @Argument(help: "The file to write.")
    var output: String

    @Option(help: "Input format (edges, csv, graphml, gexf, json, dot); default: by extension.")
    var from: String?

    @Option(help: "Output format (edges, csv, graphml, gexf, json, dot); default: by extension.")
    var to: String?

    @Option(name: .customLong("gexf-version"), help: "GEXF version to write: 1.3 (Gephi) or 1.2 (NetworkX).")
    var gexfVersion: String = "1.3"

    @Option(help: "CSV input: the nodes table (Id, Label, attributes) that goes with the edges table.")
    var nodes: String?

    @Option(
        name: .customLong("nodes-out"),
        help: "CSV output: where to write the nodes table (default: OUT's stem + .nodes.csv).")
    var nodesOut: String?

    @Option(
        name: .customLong("weight-attribute"),
        help: "The edge attribute that holds weights (matched ignoring case), or 'none' to read the graph unweighted.")
    var weightAttribute: String = "weight"

    @Flag(help: "Read the edges as directed, whatever the file says.")
    var directed = false

    @Flag(help: "Read the edges as undirected, whatever the file says.")
    var undirected = false

    @Option(help: "Repeated edges: sum, max, min, first, last (merge their weights) or reject.")
    var duplicates: String = "sum"

    @Option(name: .customLong("max-nodes"), help: "Refuse inputs with more nodes than this.")
    var maxNodes: Int = GraphReadOptions().maxNodes

    @Option(name: .customLong("max-edges"), help: "Refuse inputs with more edges than this.")
    var maxEdges: Int = GraphReadOptions().maxEdges

    @Option(
        name: .customLong("max-attributes"),
        help: "Refuse inputs with more distinct node (or edge) attributes than this.")
    var maxAttributes: Int = GraphReadOptions().maxAttributes

    @Option(name: .customLong("max-depth"), help: "JSON: refuse arrays and objects nested deeper than this.")
    var maxDepth: Int = GraphReadOptions().maxNestingDepth

    @Option(
        name: .customLong("with-metrics"),
        help:
            "Add measures as node attributes under Gephi's column names: a comma-separated list of \(CentralityMeasure.allCases.map(\.rawValue).joined(separator: ", ")), or 'all' (\(CentralityMeasure.standard.map(\.rawValue).joined(separator: ", "))); with 'all', a measure undefined for the graph is left out with a note."
    )
    var withMetrics: String?

    @Option(
        name: .customLong("with-communities"),
        help:
            "Add the communities found by leiden, louvain, label-propagation or components as the node attribute modularity_class (Gephi's name)."
    )
    var withCommunities: String?

    @Option(help: "Seed for --with-communities.")
    var seed: UInt64 = 42

    @Option(help: "Resolution for --with-communities (Leiden and Louvain; 1 is classic modularity).")
    var resolution: Double = 1

    @Flag(
        name: .customLong("weighted-metrics"),
        help:
            "Let --with-metrics use the edge weights (as distances for betweenness, closeness and harmonic; as strengths otherwise)."
    )
    var weightedMetrics = false

    @Option(
        help: ArgumentHelp(
            "With a Creative Cities data folder: the link layers to convert, comma-separated (sister-city, partnership, cooperation, proposed, planned, or all; default: sister-city,partnership). Each edge keeps its kinds.",
            valueName: "layers"))
    var layers: String?

    /// The layers of a data folder's links to convert.
    private func datasetLayers() throws(CommandFailure) -> Set<LinkKind> {
        guard let layers else { return LinkKind.existing }
        do {
            return try LinkKind.layers(layers)
        } catch {
            throw .usage(error.description)
        }
    }

    static let failureWording = FailureWording(prefix: "uccn convert: ")

    /// The format `name` names (`--from`, `--to`), else the one `path`'s extension implies.
    private func fileFormat(
        named name: String?, side: String, option: String, path: String
    ) throws(CommandFailure) -> GraphFileFormat {
        if let name {
            guard let format = GraphFileFormat(name: name) else {
                throw .usage("unknown \(side) format \"\(name)\"; expected edges, csv, graphml, gexf, json or dot")
            }
            return format
        }
        guard let format = GraphFileFormat(path: path) else {
            throw .usage("cannot tell the format of \(path) from its extension; name it with \(option)")
        }
        return format
    }

    func execute() throws {
        let datasetFolder = from == nil && isCreativeCitiesFolder(input)
        let inFormat =
            datasetFolder ? .edgeList : try fileFormat(named: from, side: "input", option: "--from", path: input)
        let outFormat = try fileFormat(named: to, side: "output", option: "--to", path: output)
        guard let version = GEXFVersion(rawValue: gexfVersion) else {
            throw CommandFailure.usage("unknown GEXF version \"\(gexfVersion)\"; expected 1.2 or 1.3")
        }
        guard let duplicatePolicy = DuplicateEdgePolicy(rawValue: duplicates) else {
            throw CommandFailure.usage(
                "unknown duplicate-edge policy \"\(duplicates)\"; expected sum, max, min, first, last or reject")
        }
        if directed && undirected { throw CommandFailure.usage("--directed and --undirected cannot be used together") }
        for (name, value) in [
            ("--max-nodes", maxNodes), ("--max-edges", maxEdges), ("--max-attributes", maxAttributes),
            ("--max-depth", maxDepth),
        ] where value < 1 {
            throw CommandFailure.usage("\(name) must be at least 1")
        }

        var readOptions = GraphReadOptions(
            directed: directed ? true : (undirected ? false : nil),
            weightAttribute: weightAttribute.lowercased() == "none" ? nil : weightAttribute,
            nodesFile: nodes)
        readOptions.duplicates = duplicatePolicy
        readOptions.maxNodes = maxNodes
        readOptions.maxEdges = maxEdges
        readOptions.maxAttributes = maxAttributes
        readOptions.maxNestingDepth = maxDepth
        let writeOptions = GraphWriteOptions(
            gexfVersion: version, weightAttribute: weightAttribute.lowercased() == "none" ? "weight" : weightAttribute,
            nodesFile: nodesOut)
        var measures: [CentralityMeasure] = []
        if let withMetrics {
            for name in withMetrics.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() })
            where !name.isEmpty {
                if name == "all" {
                    for measure in CentralityMeasure.standard where !measures.contains(measure) {
                        measures.append(measure)
                    }
                } else if let measure = CentralityMeasure(rawValue: name) {
                    if !measures.contains(measure) { measures.append(measure) }
                } else {
                    throw CommandFailure.unsupported(
                        "unknown measure \"\(name)\"; expected \(CentralityMeasure.allCases.map(\.rawValue).joined(separator: ", ")) or all"
                    )
                }
            }
        }
        var communityAlgorithm: CommunityAlgorithm?
        if let withCommunities {
            guard let algorithm = CommunityAlgorithm(rawValue: withCommunities.lowercased()) else {
                throw CommandFailure.unsupported(
                    "unknown community algorithm \"\(withCommunities)\"; expected \(CommunityAlgorithm.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            communityAlgorithm = algorithm
        }
        guard resolution.isFinite, resolution >= 0 else {
            throw CommandFailure.usage("--resolution must be a finite number ≥ 0")
        }
        do {
            var graph =
                datasetFolder
                ? try creativeCitiesAttributedGraph(folder: input, layers: try datasetLayers())
                : try GraphLoader.load(path: input, format: inFormat, options: readOptions, dot: DOTFormat.codec)
            if let communityAlgorithm {
                if graph.graph.weights?.contains(where: { $0 < 0 }) == true {
                    throw CommandFailure.runtime(
                        "\(input) has negative edge weights, which community detection cannot use as strengths; read it unweighted with --weight-attribute none"
                    )
                }
                // Weights are used as strengths when the graph has them (and --weight-attribute
                // did not turn them off).
                let partition = communityAlgorithm.detector(resolution: resolution).partition(
                    of: graph.graph, seed: seed)
                graph.nodeAttributes.setColumn(
                    "modularity_class", type: .int, values: partition.labels.map { .int(Int($0)) })
            }
            if !measures.isEmpty {
                var options = CentralityOptions(
                    weighted: weightedMetrics, threads: max(1, ProcessInfo.processInfo.activeProcessorCount))
                if measures.contains(.katz) {
                    // The default every command shares, announced when 0.1 is too large.
                    let chosen = defaultKatzAlpha(of: graph.graph, weighted: weightedMetrics && graph.graph.isWeighted)
                    options.katzAlpha = chosen.alpha
                    if let lambda = chosen.lambdaMax {
                        FileHandle.standardError.write(
                            Data(
                                "uccn convert: note: katz: the default alpha 0.1 exceeds 1/λ_max (λ_max = \(String(format: "%.6g", lambda))); using alpha = 0.5/λ_max = \(String(format: "%.6g", chosen.alpha))\n"
                                    .utf8))
                    }
                }
                let all = withMetrics?.lowercased().split(separator: ",").contains {
                    $0.trimmingCharacters(in: .whitespaces) == "all"
                }
                for measure in measures {
                    let values: [Double]
                    do {
                        values = try measure.compute(on: graph.graph, options: options)
                    } catch let error as CentralityError where all == true {
                        // 'all' asks for what can be computed: leave the measure out and say why.
                        FileHandle.standardError.write(
                            Data("uccn convert: note: \(measure.rawValue) left out: \(error)\n".utf8))
                        continue
                    } catch {
                        // A measure named on its own and undefined for this graph exits with 3,
                        // as in `uccn metrics`.
                        let message = "\(measure.rawValue) on \(input): \(error)"
                        throw error is CentralityError
                            ? CommandFailure.unsupported(message) : CommandFailure.runtime(message)
                    }
                    let column = GephiColumns.name(of: measure, directed: graph.graph.isDirected)
                    if GephiColumns.isInteger(measure) {
                        graph.nodeAttributes.setColumn(
                            column, type: .int, values: values.map { $0.isFinite ? .int(Int($0)) : nil })
                    } else {
                        graph.nodeAttributes.setColumn(column, type: .double, values: values.map { .double($0) })
                    }
                }
            }
            let written = try GraphWriter.write(
                graph, to: output, format: outFormat, options: writeOptions, dot: DOTFormat.codec)
            let g = graph.graph
            print(
                "\(input) → \(written.joined(separator: ", ")): \(g.nodeCount) nodes, \(g.edgeCount) edges, \(g.isDirected ? "directed" : "undirected"), \(g.isWeighted ? "weighted" : "unweighted"); \(graph.nodeAttributes.columns.count) node and \(graph.edgeAttributes.columns.count) edge attributes"
            )
        } catch let error as FormatError {
            throw CommandFailure.runtime("\(error)")
        }
    }
}

/// The column names Gephi's statistics write (spelled as Gephi spells them), so that a
/// file converted with `--with-metrics` opens in Gephi with its usual columns. The values
/// are uccn's (NetworkX's definitions: see docs/metrics.md), not Gephi's.
enum GephiColumns {
    static func name(of measure: CentralityMeasure, directed: Bool) -> String {
        switch measure {
        case .degree: return directed ? "outdegree" : "degree"
        case .strength: return directed ? "weighted outdegree" : "weighted degree"
        case .betweenness: return "betweenesscentrality"
        case .closeness: return "closnesscentrality"
        case .harmonic: return "harmonicclosnesscentrality"
        case .eigenvector: return "eigencentrality"
        case .pagerank: return "pageranks"
        case .katz: return "katzcentrality"
        case .kcore: return "kcore"
        case .clustering: return "clustering"
        case .components: return "componentnumber"
        case .degreeCentrality: return "degreecentrality"
        case .inDegree: return "in_degree"
        case .outDegree: return "out_degree"
        case .inDegreeCentrality: return "indegreecentrality"
        case .outDegreeCentrality: return "outdegreecentrality"
        case .weightedClustering: return "weightedclustering"
        case .triangles: return "triangles"
        }
    }

    static func isInteger(_ measure: CentralityMeasure) -> Bool {
        [.degree, .kcore, .components, .inDegree, .outDegree, .triangles].contains(measure)
    }
}
