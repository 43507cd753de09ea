import CreativeCities
import Foundation
import GraphCore
import GraphFormats
import GraphvizDOT

/// A graph to analyse, with a display name per node when one is known.
struct LoadedGraph {
    var graph: Graph
    /// Human-readable node names (city names for the UCCN network), or `nil`.
    var names: [String]?
    /// Where it came from, for messages.
    var source: String
    /// The Creative Cities dataset the graph was built from (the bundled network), or `nil`
    /// for a graph file.
    var dataset: CreativeCitiesDataset? = nil
    /// The link layers that made the edges of a Creative Cities network, `nil` for a graph file.
    var layers: Set<LinkKind>? = nil

    /// "405 nodes, 509 edges" with ", weighted", ", directed" and, for the Creative Cities
    /// network, the link layers that made its edges ("; links: sister-city,partnership").
    var summary: String {
        var text = "\(graph.nodeCount) nodes, \(graph.edgeCount) edges"
        if graph.isWeighted { text += ", weighted" }
        if graph.isDirected { text += ", directed" }
        if let layers { text += "; links: \(LinkKind.names(layers))" }
        return text
    }
}

/// How to read a graph file where the file leaves a choice: direction and repeated edges.
struct GraphReadChoices {
    /// Read the edges as directed (`true`) or undirected (`false`) whatever the file says.
    var directed: Bool? = nil
    /// How repeated edges between the same two nodes are merged.
    var duplicates: DuplicateEdgePolicy = .sum
    /// The link layers of a Creative Cities data folder (or the bundled network) that make
    /// its edges; other graph files ignore it.
    var layers: Set<LinkKind> = LinkKind.existing
}

/// Reads the graph file at `path`, choosing the reader by extension, or the Creative
/// Cities data folder at `path` (cities.csv and links.csv). This is the one place that
/// maps file types to readers: add new formats here. A missing file, another directory,
/// an unknown extension or a reader's `FormatError` is a runtime failure naming the file.
func loadGraph(path: String, choices: GraphReadChoices = .init()) throws(CommandFailure) -> LoadedGraph {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw .runtime("\(path): no such file")
    }
    if isDirectory.boolValue {
        guard isCreativeCitiesFolder(path) else { throw .runtime("\(path): is a directory; give a graph file") }
        let dataset = try loadCreativeCities(directory: URL(fileURLWithPath: path))
        return LoadedGraph(
            graph: dataset.graph(including: choices.layers), names: dataset.cities.map(\.name), source: path,
            dataset: dataset, layers: choices.layers)
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
        throw .runtime("\(path): cannot read the file: permission denied")
    }
    let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
    do {
        switch ext {
        case "edges", "txt", "edgelist", "el":
            var options = EdgeListFormat.ReadOptions(directed: choices.directed)
            options.duplicates = choices.duplicates
            return LoadedGraph(graph: try EdgeListFormat.read(path: path, options: options), names: nil, source: path)
        default:
            // Every other format through the format module's one dispatcher (CSV, GraphML,
            // GEXF, node-link JSON, DOT); node labels, when the file has them, become the names.
            guard let format = GraphFileFormat(path: path) else {
                throw CommandFailure.runtime(
                    "\(path): unknown graph format \".\(ext)\"; expected .edges, .txt, .csv, .graphml, .gexf, .json or .dot"
                )
            }
            var options = GraphReadOptions(directed: choices.directed)
            options.duplicates = choices.duplicates
            let attributed = try GraphLoader.load(path: path, format: format, options: options, dot: DOTFormat.codec)
            let labels = attributed.nodeAttributes.column("label")?.values
            let names = labels.map { values in
                values.enumerated().map { $0.element?.description ?? attributed.graph.ids[$0.offset] }
            }
            return LoadedGraph(graph: attributed.graph, names: names, source: path)
        }
    } catch let failure as CommandFailure {
        throw failure
    } catch {
        throw .runtime("\(error)")
    }
}

/// The bundled UNESCO Creative Cities Network on the link layers `layers` (by default the
/// existing links), with city names.
func loadDefaultNetwork(layers: Set<LinkKind> = LinkKind.existing) throws(CommandFailure) -> LoadedGraph {
    let directory = CreativeCitiesDataset.defaultDirectory()
    let dataset = try loadCreativeCities(directory: directory)
    return LoadedGraph(
        graph: dataset.graph(including: layers), names: dataset.cities.map(\.name), source: directory.path,
        dataset: dataset, layers: layers)
}

/// `loadGraph(path:choices:)` for a given path, the bundled network otherwise.
func loadGraph(path: String?, choices: GraphReadChoices = .init()) throws(CommandFailure) -> LoadedGraph {
    if let path { return try loadGraph(path: path, choices: choices) }
    return try loadDefaultNetwork(layers: choices.layers)
}
