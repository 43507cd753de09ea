/// Output formats uccn asks Graphviz for (all drawn in-process by its plugins).
public enum OutputFormat: String, Sendable, CaseIterable, Codable {
    /// Scalable vector graphics (Graphviz's core SVG renderer): ids, classes, tooltips, links.
    case svg
    /// Bitmap through cairo.
    case png
    /// PDF through cairo.
    case pdf

    /// The format for a file name's extension (`map.PNG` → `.png`), or `nil`.
    public init?(pathExtension: String) {
        self.init(rawValue: pathExtension.lowercased())
    }
}
