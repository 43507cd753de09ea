import GraphCore

/// Settings shared by the centrality measures; each measure reads the ones it needs.
public struct CentralityOptions: Sendable, Equatable {
    /// Use edge weights: as distances for betweenness, closeness and harmonic centrality;
    /// as strengths for strength, eigenvector, PageRank and Katz. Ignored by degree,
    /// k-core, clustering and components.
    public var weighted: Bool = false
    /// Worker threads for betweenness, closeness, harmonic and PageRank (results do not
    /// depend on it).
    public var threads: Int = 1
    /// Betweenness: divide by the number of pairs (NetworkX's default).
    public var normalized: Bool = true
    /// Betweenness: count path endpoints.
    public var endpoints: Bool = false
    /// Betweenness: estimate from this many sampled sources instead of all nodes.
    public var samples: Int? = nil
    /// Seed for sampled betweenness.
    public var seed: UInt64 = 42
    /// Betweenness: estimate within this absolute error of the normalised values
    /// (``GuaranteedBetweenness``), with probability at least `1 − delta`.
    public var epsilon: Double? = nil
    /// Betweenness with `epsilon`: the allowed probability of a larger error.
    public var delta: Double = 0.1
    /// PageRank damping factor.
    public var damping: Double = 0.85
    /// PageRank tolerance (stop when Σ|Δx| < n·tolerance).
    public var pageRankTolerance: Double = 1e-10
    /// Katz attenuation factor α (must be below 1/λ_max).
    public var katzAlpha: Double = 0.1
    /// Katz constant term β.
    public var katzBeta: Double = 1

    public init(weighted: Bool = false, threads: Int = 1) {
        self.weighted = weighted
        self.threads = threads
    }
}

/// The node measures uccn computes, by the names the benchmark harness and the command
/// line use. Each gives one number per node, so tables and reports can treat them alike.
public enum CentralityMeasure: String, CaseIterable, Sendable, Codable {
    case degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, katz, kcore
    case clustering, components

    /// A display name.
    public var title: String {
        switch self {
        case .degree: "Degree"
        case .strength: "Strength"
        case .betweenness: "Betweenness"
        case .closeness: "Closeness"
        case .harmonic: "Harmonic"
        case .eigenvector: "Eigenvector"
        case .pagerank: "PageRank"
        case .katz: "Katz"
        case .kcore: "k-core"
        case .clustering: "Clustering"
        case .components: "Component"
        }
    }

    /// What the number says about a city in a network of cooperating cities.
    public var meaning: String {
        switch self {
        case .degree:
            "How many partner cities a city is directly linked to."
        case .strength:
            "How much cooperation a city takes part in, adding up the weight of all its links."
        case .betweenness:
            "How often a city lies on the shortest route between two other cities: a broker that connects groups which would otherwise be far apart."
        case .closeness:
            "How few steps a city needs to reach all the others it is connected to: information starting there spreads fastest."
        case .harmonic:
            "How near a city is to every other city, counting distant ones less; unlike closeness it still works when the network falls into separate parts."
        case .eigenvector:
            "How well connected a city's partners are themselves: a link to a central city counts more than a link to a peripheral one."
        case .pagerank:
            "How likely a visitor wandering from partner to partner is to be at this city: importance passed on by well-connected partners."
        case .katz:
            "How many routes of any length lead to a city, shorter ones counting more."
        case .kcore:
            "The deepest tightly knit group a city belongs to: a k-core is a group in which every city has at least k partners inside it."
        case .clustering:
            "How often a city's partners are also partners of each other: a close circle rather than a hub of separate contacts."
        case .components:
            "Which connected group of cities a city belongs to (0 is the largest); cities in different groups have no chain of links between them."
        }
    }

    /// Whether the value is a label (component number) rather than a score.
    public var isLabel: Bool { self == .components }

    /// Whether the measure reads edge weights when `options.weighted` is set.
    public var usesWeights: Bool {
        switch self {
        case .strength, .betweenness, .closeness, .harmonic, .eigenvector, .pagerank, .katz: true
        case .degree, .kcore, .clustering, .components: false
        }
    }

    /// Whether results are computed over several threads when `options.threads > 1`.
    public var isParallel: Bool {
        switch self {
        case .betweenness, .closeness, .harmonic, .pagerank: true
        default: false
        }
    }

    /// Computes the measure for every node (indexed like `graph`'s nodes).
    ///
    /// - Throws: ``CentralityError`` when the measure is undefined for this graph or its
    ///   iteration does not converge.
    public func compute(on graph: Graph, options: CentralityOptions = .init()) throws -> [Double] {
        try compute(on: graph, options: options, control: nil)
    }

    /// Computes the measure, reporting progress of betweenness, closeness and harmonic
    /// centrality to `control` and stopping them when it is cancelled.
    ///
    /// - Throws: ``CentralityError`` when the measure is undefined for this graph, its
    ///   iteration does not converge, or `control` was cancelled
    ///   (``CentralityError/cancelled``).
    public func compute(on graph: Graph, options: CentralityOptions, control: RunControl?) throws -> [Double] {
        let weighted = options.weighted && graph.isWeighted
        if let control, isParallel, self != .pagerank {
            return try computeControlled(on: graph, options: options, weighted: weighted, control: control)
        }
        switch self {
        case .degree:
            return degreeCentrality(of: graph)
        case .strength:
            return weighted ? GraphAlgorithms.strength(of: graph) : GraphAlgorithms.strength(of: graph.unweighted())
        case .betweenness:
            if let epsilon = options.epsilon {
                if weighted {
                    throw CentralityError.invalidParameter(
                        name: "epsilon", value: "\(epsilon)",
                        expected: "an unweighted graph (sampled paths are unweighted)")
                }
                return try guaranteedBetweennessCentrality(
                    of: graph, epsilon: epsilon, delta: options.delta, seed: options.seed,
                    normalized: options.normalized, threads: options.threads
                ).values
            }
            if let samples = options.samples {
                return approximateBetweennessCentrality(
                    of: graph, samples: samples, seed: options.seed, weighted: weighted,
                    normalized: options.normalized, endpoints: options.endpoints, threads: options.threads)
            }
            return betweennessCentrality(
                of: graph, weighted: weighted, normalized: options.normalized,
                endpoints: options.endpoints, threads: options.threads)
        case .closeness:
            return closenessCentrality(of: graph, weighted: weighted, threads: options.threads)
        case .harmonic:
            return harmonicCentrality(of: graph, weighted: weighted, threads: options.threads)
        case .eigenvector:
            return try eigenvectorCentrality(of: graph, weighted: weighted)
        case .pagerank:
            return try pageRank(
                of: graph, alpha: options.damping, tolerance: options.pageRankTolerance,
                weighted: weighted, threads: options.threads)
        case .katz:
            return try katzCentrality(
                of: graph, alpha: options.katzAlpha, beta: options.katzBeta, weighted: weighted)
        case .kcore:
            return coreNumbers(of: graph)
        case .clustering:
            return localClustering(of: graph)
        case .components:
            return ConnectedComponents(of: graph).labels.map(Double.init)
        }
    }
}

extension CentralityMeasure {
    /// Betweenness, closeness and harmonic centrality under a ``RunControl``.
    fileprivate func computeControlled(
        on graph: Graph, options: CentralityOptions, weighted: Bool, control: RunControl
    ) throws -> [Double] {
        switch self {
        case .closeness:
            return try closenessCentrality(of: graph, weighted: weighted, threads: options.threads, control: control)
        case .harmonic:
            return try harmonicCentrality(of: graph, weighted: weighted, threads: options.threads, control: control)
        default:
            if let epsilon = options.epsilon {
                if weighted {
                    throw CentralityError.invalidParameter(
                        name: "epsilon", value: "\(epsilon)",
                        expected: "an unweighted graph (sampled paths are unweighted)")
                }
                return try guaranteedBetweennessCentrality(
                    of: graph, epsilon: epsilon, delta: options.delta, seed: options.seed,
                    normalized: options.normalized, threads: options.threads, control: control
                ).values
            }
            if options.samples != nil {
                return try compute(on: graph, options: options, control: nil)
            }
            return try betweennessCentrality(
                of: graph, weighted: weighted, normalized: options.normalized, endpoints: options.endpoints,
                threads: options.threads, control: control)
        }
    }
}
