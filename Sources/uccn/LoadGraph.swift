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
}

/// Reads the graph file at `path`, choosing the reader by extension. This is the one
/// place that maps file types to readers: add new formats here. A missing file, an unknown
/// extension or a reader's `FormatError` is a runtime failure naming the file.
func loadGraph(path: String) throws(CommandFailure) -> LoadedGraph {
    guard FileManager.default.fileExists(atPath: path) else {
        throw .runtime("\(path): no such file")
    }
    let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
    do {
        switch ext {
        case "edges", "txt", "edgelist", "el":
            return LoadedGraph(graph: try EdgeListFormat.read(path: path), names: nil, source: path)
        default:
            // Every other format through the format module's one dispatcher (CSV, GraphML,
            // GEXF, node-link JSON, DOT); node labels, when the file has them, become the names.
            guard let format = GraphFileFormat(path: path) else {
                throw CommandFailure.runtime(
                    "\(path): unknown graph format \".\(ext)\"; expected .edges, .txt, .csv, .graphml, .gexf, .json or .dot"
                )
            }
            let attributed = try GraphLoader.load(path: path, format: format, dot: DOTFormat.codec)
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

/// The bundled UNESCO Creative Cities Network (existing links), with city names.
func loadDefaultNetwork() throws(CommandFailure) -> LoadedGraph {
    let directory = CreativeCitiesDataset.defaultDirectory()
    let dataset = try loadCreativeCities(directory: directory)
    return LoadedGraph(
        graph: dataset.graph(), names: dataset.cities.map(\.name), source: directory.path, dataset: dataset)
}

/// `loadGraph(path:)` for a given path, the bundled network otherwise.
func loadGraph(path: String?) throws(CommandFailure) -> LoadedGraph {
    if let path { return try loadGraph(path: path) }
    return try loadDefaultNetwork()
}
