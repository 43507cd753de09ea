import GraphAlgorithms
import GraphCore

/// What-if analysis of several new links at once: a city's standing on every measure of
/// its report (link count and the report centralities of ``CityMeasure/reportCentralities``,
/// unweighted, on the existing-cooperation graph of sister-city and partnership links)
/// before and after adding links from it to `partners`.
///
/// Ranks are competition ranks (1 + cities with a strictly higher value, ties within 1e-12
/// relative share a rank; see ``CentralityRank``) among all member cities, recomputed on the
/// graph with the new links. A partner already linked adds nothing; the graph is otherwise
/// unchanged.
///
/// - Complexity: one computation of every report measure on the graph with the links,
///   O(n·m) for betweenness, closeness and harmonic centrality; with a prepared
///   `EdgeInsertionBetweenness`, betweenness searches again only from the cities whose
///   shortest paths the links change.
public struct StandingWhatIf: Sendable {
    /// One measure before and after.
    public struct Change: Sendable, Equatable {
        public let key: String
        public let title: String
        public let valueBefore: Double
        public let valueAfter: Double
        public let rank: RankChange
    }

    /// The city, by index.
    public let city: Int
    /// The partners whose links were added, by index, without repeats, in the given order.
    public let partners: [Int]
    /// Partners that were already linked to the city (their link changes nothing).
    public let alreadyLinked: [Int]
    /// Every measure, link count first, in the report's order.
    public let changes: [Change]

    /// The measures of `graph` that the standing shows: link count, then the report
    /// centralities (a measure that cannot be computed is left out).
    public static func measures(of graph: Graph) -> [CityMeasure] {
        measures(of: graph, betweenness: nil)
    }

    /// ``measures(of:)`` with the betweenness values given when already known.
    static func measures(of graph: Graph, betweenness: [Double]?) -> [CityMeasure] {
        let links = CityMeasure(
            key: "links", title: "Links", meaning: "Number of known cooperation links.",
            definition: "Number of sister-city and partnership links of the city.",
            values: (0..<graph.nodeCount).map { Double(graph.degree(of: $0)) }, decimals: 0)
        let given = betweenness.map { [CentralityMeasure.betweenness: $0] } ?? [:]
        return [links] + CityMeasure.centralities(of: graph, given: given).measures
    }

    /// - Parameters:
    ///   - graph: the existing-cooperation graph (``CreativeCitiesDataset/graph(including:)``).
    ///   - before: ``measures(of:)`` of `graph`, when already computed.
    ///   - city: the index of the city whose standing is compared.
    ///   - partners: the indices of the cities it would link with.
    ///   - betweenness: the betweenness of `graph` prepared for added links, when a caller
    ///     asks many what-ifs of the same graph: the betweenness after the links is then
    ///     searched again only from the cities whose shortest paths they change (the same
    ///     values).
    public init(
        graph: Graph, before: [CityMeasure]? = nil, city: Int, partners: [Int],
        betweenness: EdgeInsertionBetweenness? = nil
    ) {
        var unique: [Int] = []
        for p in partners where p != city && !unique.contains(p) { unique.append(p) }
        let linked = Set(graph.neighbors(of: city).map(Int.init))
        self.city = city
        self.partners = unique
        self.alreadyLinked = unique.filter { linked.contains($0) }

        let before = before ?? Self.measures(of: graph)
        let edges = unique.map { (city, $0) }
        let withLinks = graph.addingEdges(edges)
        let prepared = betweenness.flatMap { $0.graph.nodeCount == graph.nodeCount ? $0 : nil }
        let after = Self.measures(of: withLinks, betweenness: prepared?.afterAdding(edges))
        let afterByKey = Dictionary(after.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        changes = before.compactMap { m in
            guard let a = afterByKey[m.key] else { return nil }
            return Change(
                key: m.key, title: m.title, valueBefore: m.values[city], valueAfter: a.values[city],
                rank: RankChange(before: m.rank(of: city), after: a.rank(of: city)))
        }
    }
}
