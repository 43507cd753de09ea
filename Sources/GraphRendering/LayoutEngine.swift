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

extension LayoutEngine {
    /// The engine called `name` (as on Graphviz's command line: `dot`, `sfdp`, …).
    /// - Throws: ``RenderError/unknownEngine(_:available:)`` listing the engines uccn supports
    ///   that Graphviz has registered.
    public static func named(_ name: String) throws(RenderError) -> LayoutEngine {
        if let engine = LayoutEngine(rawValue: name.lowercased()) { return engine }
        let registered = Set(Graphviz.shared.availableEngines)
        throw .unknownEngine(name, available: allCases.map(\.rawValue).filter { registered.contains($0) })
    }
}
