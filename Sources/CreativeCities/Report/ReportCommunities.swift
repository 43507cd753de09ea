import GraphAlgorithms
import GraphCore

/// Communities of the cooperation network for the report: one Leiden run with the
/// report's seed, an ensemble of further seeds to say how stable each grouping is, and
/// each city's participation coefficient (how its links spread over communities).
public struct ReportCommunities: Sendable {
    /// The reference run's communities (Leiden, modularity, resolution 1, the report's seed).
    public let partition: Partition
    /// How often pairs of cities share a community across the ensemble of seeds.
    public let stability: CommunityStability
    /// The reference partition's modularity Q.
    public let modularity: Double
    /// Each city's participation coefficient: 1 − Σ_c (k_c / k)², 0 for a city whose links all
    /// stay in one community.
    public let participation: [Double]
    /// The reference run's seed.
    public let seed: UInt64
    /// Leiden runs with derived seeds, besides the reference run.
    public let ensembleRuns: Int

    /// Leiden (modularity, resolution 1) with `seed`, and `runs` more seeds for stability.
    public init(graph: Graph, seed: UInt64, runs: Int = 20) {
        let leiden = Leiden()
        let reference = leiden.partition(of: graph, seed: seed)
        let seeds = CommunityStability.ensembleSeeds(seed: seed, count: runs)
        let ensemble = seeds.map { leiden.partition(of: graph, seed: $0) }
        partition = reference
        stability = CommunityStability(reference: reference, runs: ensemble, seeds: seeds)
        modularity = Modularity.modularity(of: graph, partition: reference)
        participation = participationCoefficients(of: graph, partition: reference)
        self.seed = seed
        ensembleRuns = runs
    }

    /// Labels of the communities with at least two cities, largest first.
    public var linkedCommunities: [Int] {
        partition.sizes.indices.filter { partition.sizes[$0] > 1 }
    }

    /// Members of community `label`, in node order.
    public func members(of label: Int) -> [Int] {
        partition.labels.indices.filter { Int(partition.labels[$0]) == label }
    }

    /// The community's best-linked member (most links, ties by name): it names the
    /// community in the report ("around Rio de Janeiro"), as the maps' legends do.
    public func hub(of label: Int, links: CityMeasure, names: [String]) -> Int? {
        members(of: label).max { a, b in
            links.values[a] != links.values[b] ? links.values[a] < links.values[b] : names[a] > names[b]
        }
    }

    /// The participation coefficient as a report measure.
    public var participationMeasure: CityMeasure {
        CityMeasure(
            key: "participation", title: "Spread over communities (participation)",
            meaning:
                "How evenly a city's links spread over different communities: a city near 0 works inside one group, a high value marks a bridge between groups.",
            definition:
                "Participation coefficient (Guimerà & Amaral 2005): P = 1 − Σ_c (k_c / k)², with k the city's links and k_c those going to members of community c. 0 when every link stays in one community or the city has none; approaches 1 − 1/C when links spread evenly over C communities.",
            values: participation, decimals: 2)
    }
}
