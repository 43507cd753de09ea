import GraphAlgorithms
import GraphCore

extension CityMeasure {
    /// The centrality measures the report shows, in the order it shows them.
    public static let reportCentralities: [CentralityMeasure] = [
        .betweenness, .closeness, .harmonic, .eigenvector, .pagerank, .kcore, .clustering,
    ]

    /// A centrality measure of `GraphAlgorithms`, with the report's definition of it.
    public init(_ measure: CentralityMeasure, values: [Double]) {
        self.init(
            key: measure.rawValue, title: Self.reportTitle(measure), meaning: measure.meaning,
            definition: Self.definition(measure), values: values, decimals: Self.decimals(measure))
    }

    /// Every report centrality of the cooperation graph (unweighted: every link counts
    /// the same). A measure that cannot be computed on this graph is left out and named in
    /// `skipped` with the reason.
    public static func centralities(
        of graph: Graph
    ) -> (measures: [CityMeasure], skipped: [(title: String, reason: String)]) {
        centralities(of: graph, given: [:])
    }

    /// ``centralities(of:)`` taking the values in `given` as computed (default options).
    static func centralities(
        of graph: Graph, given: [CentralityMeasure: [Double]]
    ) -> (measures: [CityMeasure], skipped: [(title: String, reason: String)]) {
        var measures: [CityMeasure] = []
        var skipped: [(String, String)] = []
        for m in reportCentralities {
            do {
                let values = try given[m] ?? m.compute(on: graph, options: CentralityOptions())
                measures.append(CityMeasure(m, values: values))
            } catch {
                skipped.append((reportTitle(m), "\(error)"))
            }
        }
        return (measures, skipped)
    }

    static func reportTitle(_ m: CentralityMeasure) -> String {
        switch m {
        case .betweenness: "Bridging (betweenness)"
        case .closeness: "Reach (closeness)"
        case .harmonic: "Nearness (harmonic)"
        case .eigenvector: "Well-connected partners (eigenvector)"
        case .pagerank: "Influence (PageRank)"
        case .kcore: "Core group (k-core)"
        case .clustering: "Close circle (clustering)"
        default: m.title
        }
    }

    static func decimals(_ m: CentralityMeasure) -> Int {
        switch m {
        case .kcore, .degree, .components: 0
        case .betweenness, .pagerank: 4
        case .clustering: 2
        default: 3
        }
    }

    static func definition(_ m: CentralityMeasure) -> String {
        switch m {
        case .betweenness:
            "Betweenness centrality (Brandes 2001): for each pair of other member cities, the share of their shortest chains of links that pass through the city, summed over all pairs and divided by the number of pairs, (n − 1)(n − 2)/2; between 0 (on no shortest chain) and 1. Unweighted: every link has length 1."
        case .closeness:
            "Closeness centrality with the Wasserman–Faust correction: (r − 1)/Σ d · (r − 1)/(n − 1), where Σ d is the total number of links on the shortest chains from the city to the r − 1 cities it can reach; between 0 and 1, 0 for a city with no link. The second factor keeps cities in small separate groups from looking central."
        case .harmonic:
            "Harmonic centrality: Σ 1/d over every other member city, d being the number of links on the shortest chain (a city that cannot be reached adds 0). Not normalised: a value of 10 means as near as 10 direct partners would be; divide by n − 1 for a 0–1 scale."
        case .eigenvector:
            "Eigenvector centrality: the principal eigenvector x of the adjacency matrix A (λx = Ax), scaled so that Σ x² = 1. Computed on the whole network; cities outside the group that carries the largest eigenvalue get 0."
        case .pagerank:
            "PageRank with damping 0.85: the long-run share of time a random walk along links spends at the city, when at each step it jumps to a random member city with probability 0.15 (and always from a city with no link). Values add up to 1 over all cities, so 1/n is the average value."
        case .kcore:
            "Core number: the largest k such that the city belongs to a group in which every city has at least k links to others in the group (Batagelj–Zaversnik peeling). A whole number; 0 for a city with no link."
        case .clustering:
            "Local clustering coefficient (Watts–Strogatz): the share of pairs of the city's partners that are linked to each other, 2T / (k (k − 1)) with T triangles through the city and k partners; 0 when it has fewer than two partners."
        default:
            m.meaning
        }
    }
}
