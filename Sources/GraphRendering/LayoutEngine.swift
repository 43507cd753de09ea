/// Graphviz layout engines uccn can drive through the C API.
public enum LayoutEngine: String, Sendable, CaseIterable, Codable {
    /// Hierarchical layers; slow beyond a few hundred nodes.
    case dot
    /// Spring model (stress majorisation); honours fixed positions (`pos="x,y!"`).
    case neato
    /// Force-directed (Fruchterman–Reingold); draws clusters.
    case fdp
    /// Multiscale force-directed; the fastest for large networks.
    case sfdp
    /// Circular layout.
    case circo
    /// Radial layout around a root node.
    case twopi
}
