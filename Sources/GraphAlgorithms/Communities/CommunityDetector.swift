import GraphCore

/// A community detection algorithm: turns a graph into a ``Partition``.
///
/// Randomised detectors draw every random number from a `SeededGenerator` seeded with
/// `seed`, so the same graph and seed always give the same partition; deterministic
/// detectors ignore the seed. Weights are used when the graph has them (as strengths);
/// pass `graph.unweighted()` to ignore them.
public protocol CommunityDetector: Sendable {
    /// A short name (`"leiden"`, `"louvain"`, …) for output.
    var name: String { get }
    /// The partition of `graph` found with random numbers drawn from `seed`.
    func partition(of graph: Graph, seed: UInt64) -> Partition
}

/// The community detection algorithms uccn offers, by command-line name.
public enum CommunityAlgorithm: String, Sendable, CaseIterable {
    /// ``Leiden``, modularity with resolution 1 by default.
    case leiden
    /// ``Louvain``.
    case louvain
    /// ``LabelPropagation`` (the resolution is ignored).
    case labelPropagation = "label-propagation"
    /// Connected components (``ComponentsDetector``; no randomness).
    case components

    /// Whether the result depends on the seed.
    public var isRandomised: Bool { self != .components }

    /// The detector for this algorithm. `resolution` is ignored by label propagation
    /// and components, `objective`, `maxIterations` and `tolerance` are Leiden's.
    public func detector(
        resolution: Double = 1, objective: Leiden.Objective = .modularity, maxIterations: Int? = nil,
        tolerance: Double = Leiden.defaultTolerance
    ) -> any CommunityDetector {
        switch self {
        case .leiden:
            Leiden(objective: objective, resolution: resolution, maxIterations: maxIterations, tolerance: tolerance)
        case .louvain: Louvain(resolution: resolution)
        case .labelPropagation: LabelPropagation()
        case .components: ComponentsDetector()
        }
    }
}

/// Connected components as a partition (the seed is ignored).
public struct ComponentsDetector: CommunityDetector {
    /// The detector (it has no settings).
    public init() {}
    /// `"components"`.
    public var name: String { "components" }
    /// The connected components of `graph` as communities; `seed` is ignored.
    public func partition(of graph: Graph, seed: UInt64) -> Partition {
        Partition(ConnectedComponents(of: graph))
    }
}
