import GraphCore

/// The graph file formats uccn reads and writes.
public enum GraphFileFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Plain edge lists `u v [w]` with `#` comments (`.edges`, `.txt`, `.el`).
    case edgeList = "edges"
    /// Gephi's spreadsheet convention: an edges table, optionally with a nodes table (`.csv`).
    case csv
    /// GraphML with typed `<key>` declarations (`.graphml`, `.xml`).
    case graphml
    /// GEXF 1.2 / 1.3 as Gephi and NetworkX write it (`.gexf`).
    case gexf
    /// NetworkX's node-link JSON (`.json`).
    case json
    /// Graphviz DOT (`.dot`, `.gv`).
    case dot

    /// The format's name on the command line (`edges`, `csv`, `graphml`, `gexf`, `json`, `dot`).
    public var description: String { rawValue }

    /// The format named by a file's extension, or `nil` when the extension is unknown.
    /// `X.nodes.csv` and `X.edges.csv` are both CSV.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "edges", "txt", "el", "edgelist", "tsv": self = .edgeList
        case "csv": self = .csv
        case "graphml", "xml": self = .graphml
        case "gexf": self = .gexf
        case "json": self = .json
        case "dot", "gv": self = .dot
        default: return nil
        }
    }

    /// A format given by name on the command line (`edges`, `edgelist`, `csv`, `graphml`,
    /// `gexf`, `json`, `node-link`, `dot`, `gv`).
    public init?(name: String) {
        switch name.lowercased() {
        case "edges", "edgelist", "edge-list", "el", "txt": self = .edgeList
        case "csv": self = .csv
        case "graphml", "xml": self = .graphml
        case "gexf": self = .gexf
        case "json", "node-link", "nodelink": self = .json
        case "dot", "gv", "graphviz": self = .dot
        default: return nil
        }
    }
}

/// GEXF versions uccn writes.
public enum GEXFVersion: String, Sendable, CaseIterable {
    /// GEXF 1.2 (`http://www.gexf.net/1.2draft`), what NetworkX reads and writes.
    case v1_2 = "1.2"
    /// GEXF 1.3 (`http://gexf.net/1.3`), what Gephi 0.10 writes.
    case v1_3 = "1.3"
}

/// How files are read: every reader takes the same options and ignores those that do not
/// apply to its format.
public struct GraphReadOptions: Sendable {
    /// Forces edges to be directed (`true`) or undirected (`false`); `nil` keeps what the
    /// file says.
    public var directed: Bool?
    /// The edge attribute that becomes the graph's weights (matched exactly first, then
    /// ignoring case). `nil` reads the graph unweighted and keeps every attribute as an
    /// ordinary edge attribute. Default `"weight"`.
    public var weightAttribute: String?
    /// CSV only: the nodes table to read with an edges table. When `nil`, `X.nodes.csv`
    /// is read beside `X.edges.csv` if it exists.
    public var nodesFile: String?
    /// What to do with self-loops.
    public var selfLoops: SelfLoopPolicy = .keep
    /// What to do with repeated edges (multigraph files): their weights are combined by
    /// this policy and their attributes merged (a later edge's values win).
    public var duplicates: DuplicateEdgePolicy = .sum
    /// Largest number of nodes accepted (the reader stops with an error past it).
    public var maxNodes: Int = 50_000_000
    /// Largest number of edges accepted.
    public var maxEdges: Int = 500_000_000
    /// Largest number of distinct node or edge attribute columns accepted (each column
    /// takes one slot per node or edge).
    public var maxAttributes: Int = 1_000
    /// JSON: deepest nesting of arrays and objects accepted.
    public var maxNestingDepth: Int = 256

    /// Options for reading: direction from the file unless `directed` is set, weights from the
    /// attribute `weightAttribute` (`nil` for none), and for CSV the nodes table.
    public init(
        directed: Bool? = nil, weightAttribute: String? = "weight", nodesFile: String? = nil
    ) {
        self.directed = directed
        self.weightAttribute = weightAttribute
        self.nodesFile = nodesFile
    }
}

/// How files are written.
public struct GraphWriteOptions: Sendable {
    /// GEXF version to write.
    public var gexfVersion: GEXFVersion = .v1_3
    /// The name under which the graph's weights are written as an edge attribute
    /// (`Weight` in CSV, where Gephi fixes the column name; the `weight` XML attribute in
    /// GEXF).
    public var weightAttribute: String = "weight"
    /// CSV only: where the nodes table goes. When `nil`, `X.nodes.csv` beside
    /// `X.edges.csv` (or beside `X.csv`).
    public var nodesFile: String?

    /// Options for writing: the GEXF version, the weight attribute's name and, for CSV, where
    /// the nodes table goes.
    public init(gexfVersion: GEXFVersion = .v1_3, weightAttribute: String = "weight", nodesFile: String? = nil) {
        self.gexfVersion = gexfVersion
        self.weightAttribute = weightAttribute
        self.nodesFile = nodesFile
    }
}
