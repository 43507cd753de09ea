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
    /// Betweenness on unit lengths: which search kernel (the values agree to about 1e-15
    /// relative; ``BetweennessKernel/automatic`` picks the faster one by graph size).
    public var betweennessKernel: BetweennessKernel = .automatic
    /// Betweenness: estimate within this absolute error of the normalised values
    /// (``GuaranteedBetweenness``), with probability at least `1 − delta`.
    public var epsilon: Double? = nil
    /// Betweenness with `epsilon`: the allowed probability of a larger error.
    public var delta: Double = 0.1
    /// PageRank damping factor.
    public var damping: Double = 0.85
    /// PageRank tolerance (stop when Σ|Δx| < n·tolerance).
    public var pageRankTolerance: Double = 1e-10
    /// Katz attenuation factor α (must be below 1/λ_max); `nil` for
    /// ``defaultKatzAlpha(of:weighted:)``.
    public var katzAlpha: Double? = nil
    /// Katz constant term β.
    public var katzBeta: Double = 1

    /// Closeness: apply the Wasserman–Faust correction (NetworkX's `wf_improved`, default).
    public var wfImproved: Bool = true
    /// Closeness and harmonic: compute only these nodes (NetworkX's `u=`/`nbunch=`); the
    /// others get NaN. `nil` for every node.
    public var nodes: [Int]? = nil
    /// Harmonic: count only paths from these sources (NetworkX's `sources=`).
    public var sources: [Int]? = nil
    /// PageRank personalisation vector (one non-negative value per node).
    public var personalization: [Double]? = nil
    /// PageRank dangling distribution (one non-negative value per node).
    public var dangling: [Double]? = nil

    /// Options with NetworkX's defaults, weights used or not, on `threads` threads.
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
    case degreeCentrality = "degree-centrality"
    case inDegree = "in-degree"
    case outDegree = "out-degree"
    case inDegreeCentrality = "in-degree-centrality"
    case outDegreeCentrality = "out-degree-centrality"
    case weightedClustering = "weighted-clustering"
    case triangles

    /// The measures `all` computes (`uccn metrics`, `uccn convert --with-metrics`): the
    /// eleven standard ones, one number per node each.
    public static let standard: [CentralityMeasure] = [
        .degree, .strength, .betweenness, .closeness, .harmonic, .eigenvector, .pagerank, .katz, .kcore,
        .clustering, .components,
    ]

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
        case .degreeCentrality: "Degree centrality"
        case .inDegree: "In-degree"
        case .outDegree: "Out-degree"
        case .inDegreeCentrality: "In-degree centrality"
        case .outDegreeCentrality: "Out-degree centrality"
        case .weightedClustering: "Weighted clustering"
        case .triangles: "Triangles"
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
        case .degreeCentrality:
            "The share of the other cities a city is directly linked to: its number of links divided by n − 1."
        case .inDegree:
            "How many links arrive at a city (on an undirected network, its number of links)."
        case .outDegree:
            "How many links leave a city (on an undirected network, its number of links)."
        case .inDegreeCentrality:
            "The links arriving at a city as a share of the other cities (in-degree divided by n − 1)."
        case .outDegreeCentrality:
            "The links leaving a city as a share of the other cities (out-degree divided by n − 1)."
        case .weightedClustering:
            "How strongly a city's partners cooperate with each other: clustering where each triangle counts by the geometric mean of its link weights, relative to the strongest link."
        case .triangles:
            "How many closed triangles of partner cities a city is part of."
        }
    }

    /// Whether the value is a label (component number) rather than a score.
    public var isLabel: Bool { self == .components }

    /// Whether the measure reads edge weights when `options.weighted` is set
    /// (weighted clustering always reads them).
    public var usesWeights: Bool {
        switch self {
        case .strength, .betweenness, .closeness, .harmonic, .eigenvector, .pagerank, .katz, .weightedClustering: true
        case .degree, .kcore, .clustering, .components, .degreeCentrality, .inDegree, .outDegree,
            .inDegreeCentrality, .outDegreeCentrality, .triangles:
            false
        }
    }

    /// What the weights mean to the measure when they must not be negative: lengths of
    /// shortest paths, or the shares a random walk follows. `nil` when any weight works.
    public var nonNegativeWeightUse: String? {
        switch self {
        case .betweenness, .closeness, .harmonic: "distances"
        case .pagerank: "transition strengths"
        case .eigenvector: "strengths (the leading eigenvector needs non-negative entries)"
        default: nil
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
    /// centrality over all nodes to `control` and stopping them when it is cancelled.
    ///
    /// - Throws: ``CentralityError`` when the measure is undefined for this graph, its
    ///   iteration does not converge, or `control` was cancelled
    ///   (``CentralityError/cancelled``).
    public func compute(on graph: Graph, options: CentralityOptions, control: RunControl?) throws -> [Double] {
        let weighted = (options.weighted || self == .weightedClustering) && graph.isWeighted
        if weighted, let use = nonNegativeWeightUse, graph.weights?.contains(where: { $0 < 0 }) == true {
            throw CentralityError.negativeWeights(measure: rawValue, use: use)
        }
        if let control,
            let result = try computeControlled(
                on: graph, options: options, weighted: weighted, control: control)
        {
            return result
        }
        switch self {
        case .degree:
            return GraphAlgorithms.degreeCentrality(of: graph)
        case .degreeCentrality:
            return normalizedDegreeCentrality(of: graph)
        case .inDegree:
            return GraphAlgorithms.inDegreeCentrality(of: graph)
        case .outDegree:
            return GraphAlgorithms.outDegreeCentrality(of: graph)
        case .inDegreeCentrality:
            return normalizedDegreeCentrality(of: graph, side: .in)
        case .outDegreeCentrality:
            return normalizedDegreeCentrality(of: graph, side: .out)
        case .strength:
            return weighted ? GraphAlgorithms.strength(of: graph) : GraphAlgorithms.strength(of: graph.unweighted())
        case .betweenness:
            if options.epsilon != nil {
                return try guaranteedBetweenness(on: graph, options: options, weighted: weighted, control: nil)
            }
            if options.betweennessKernel != .automatic {
                return try betweennessWithChosenKernel(on: graph, options: options, weighted: weighted, control: nil)
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
            if options.nodes == nil {
                // Every node: the all-pairs kernels, whichever normalisation.
                let sums = ShortestPathSums(graph: graph, weighted: weighted, threads: options.threads)
                return GraphAlgorithms.closeness(from: sums, n: graph.nodeCount, wfImproved: options.wfImproved)
            }
            return spread(
                closenessCentrality(
                    of: graph, nodes: options.nodes, weighted: weighted, wfImproved: options.wfImproved),
                over: options.nodes, count: graph.nodeCount)
        case .harmonic:
            if options.nodes == nil && options.sources == nil {
                return harmonicCentrality(of: graph, weighted: weighted, threads: options.threads)
            }
            return spread(
                harmonicCentrality(of: graph, nodes: options.nodes, sources: options.sources, weighted: weighted),
                over: options.nodes, count: graph.nodeCount)
        case .eigenvector:
            return try eigenvectorCentrality(of: graph, weighted: weighted)
        case .pagerank:
            return try pageRank(
                of: graph, alpha: options.damping, tolerance: options.pageRankTolerance,
                weighted: weighted, personalization: options.personalization, dangling: options.dangling,
                threads: options.threads)
        case .katz:
            let alpha = options.katzAlpha ?? defaultKatzAlpha(of: graph, weighted: weighted).alpha
            return try katzCentrality(of: graph, alpha: alpha, beta: options.katzBeta, weighted: weighted)
        case .kcore:
            return coreNumbers(of: graph)
        case .clustering:
            return clusteringCoefficient(of: graph, weighted: false)
        case .weightedClustering:
            return clusteringCoefficient(of: graph, weighted: true)
        case .triangles:
            return try GraphAlgorithms.triangles(of: graph)
        case .components:
            return ConnectedComponents(of: graph).labels.map(Double.init)
        }
    }
}

extension CentralityMeasure {
    /// Betweenness, closeness and harmonic centrality of every node from every source under
    /// a ``RunControl``; `nil` for other measures and options (computed without it).
    fileprivate func computeControlled(
        on graph: Graph, options: CentralityOptions, weighted: Bool, control: RunControl
    ) throws -> [Double]? {
        switch self {
        case .closeness where options.nodes == nil:
            let sums = ShortestPathSums(graph: graph, weighted: weighted, threads: options.threads, control: control)
            if control.isCancelled { throw CentralityError.cancelled }
            return GraphAlgorithms.closeness(from: sums, n: graph.nodeCount, wfImproved: options.wfImproved)
        case .harmonic where options.nodes == nil && options.sources == nil:
            return try harmonicCentrality(of: graph, weighted: weighted, threads: options.threads, control: control)
        case .betweenness where options.epsilon != nil:
            return try guaranteedBetweenness(on: graph, options: options, weighted: weighted, control: control)
        case .betweenness where options.betweennessKernel != .automatic || options.samples != nil:
            return try betweennessWithChosenKernel(on: graph, options: options, weighted: weighted, control: control)
        case .betweenness:
            return try betweennessCentrality(
                of: graph, weighted: weighted, normalized: options.normalized, endpoints: options.endpoints,
                threads: options.threads, control: control)
        default:
            return nil
        }
    }

    /// Exact or sampled betweenness with the kernel the options name, or the one chosen by
    /// size (`automatic`), under a control: the same sources, sample and rescaling as
    /// ``approximateBetweennessCentrality(of:samples:seed:weighted:normalized:endpoints:threads:)``,
    /// so the same values, with progress and Ctrl-C.
    fileprivate func betweennessWithChosenKernel(
        on graph: Graph, options: CentralityOptions, weighted: Bool, control: RunControl?
    ) throws -> [Double] {
        let n = graph.nodeCount
        let sampled = options.samples.flatMap {
            $0 < n ? sampledBetweennessSources(n: n, k: $0, seed: options.seed) : nil
        }
        let raw = brandesDependencies(
            graph: graph, sources: sampled ?? Array(0..<n), weighted: weighted, endpoints: options.endpoints,
            threads: options.threads, progress: nil, control: control,
            kernel: options.betweennessKernel == .automatic
                ? nil : options.betweennessKernel == .multiSource ? .multiSource : .singleSource)
        if control?.isCancelled == true { throw CentralityError.cancelled }
        return rescaleBetweenness(
            raw, n: n, normalized: options.normalized, directed: graph.isDirected, endpoints: options.endpoints,
            sampledSources: sampled)
    }

    /// ``guaranteedBetweennessCentrality(of:epsilon:delta:seed:normalized:threads:control:)``
    /// with the options' settings; weighted graphs are refused.
    fileprivate func guaranteedBetweenness(
        on graph: Graph, options: CentralityOptions, weighted: Bool, control: RunControl?
    ) throws -> [Double] {
        let epsilon = options.epsilon ?? 0
        if weighted {
            throw CentralityError.invalidParameter(
                name: "epsilon", value: "\(epsilon)", expected: "an unweighted graph (sampled paths are unweighted)")
        }
        return try guaranteedBetweennessCentrality(
            of: graph, epsilon: epsilon, delta: options.delta, seed: options.seed, normalized: options.normalized,
            threads: options.threads, control: control
        ).values
    }
}

/// Values computed for `nodes` placed at their nodes' positions, NaN elsewhere.
private func spread(_ values: [Double], over nodes: [Int]?, count: Int) -> [Double] {
    guard let nodes else { return values }
    var result = [Double](repeating: .nan, count: count)
    for (i, u) in nodes.enumerated() { result[u] = values[i] }
    return result
}
