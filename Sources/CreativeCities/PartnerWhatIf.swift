import GraphAlgorithms
import GraphCore

/// A city's rank before and after a change to the network.
public struct RankChange: Sendable, Equatable, Codable {
    /// The rank now (1 is the highest value).
    public let before: Int
    /// The rank after the change.
    public let after: Int

    /// A change from rank `before` to rank `after`.
    public init(before: Int, after: Int) {
        self.before = before
        self.after = after
    }
}

/// How making one link would move the city in the betweenness and closeness rankings.
public struct PartnerWhatIf: Sendable, Equatable {
    /// The city's betweenness rank now and with the link.
    public let betweenness: RankChange
    /// The city's closeness rank now and with the link.
    public let closeness: RankChange

    /// The two rank changes of one new link.
    public init(betweenness: RankChange, closeness: RankChange) {
        self.betweenness = betweenness
        self.closeness = closeness
    }
}

/// Ranks of a value among values: rank = 1 + the number of nodes with a strictly higher
/// value, so tied nodes share a rank (the "competition" ranking 1, 2, 2, 4). Two values are
/// tied when they differ by at most 1e-12 · max(1, |value|), so that rounding in sums of
/// path counts does not split true ties.
public enum CentralityRank {
    /// The competition rank of `node`'s value among `values` (1 + the number of higher values).
    ///
    /// - Complexity: O(n).
    public static func rank(of node: Int, in values: [Double]) -> Int {
        let x = values[node]
        let tolerance = 1e-12 * max(1, abs(x))
        return 1 + values.reduce(0) { $0 + ($1 > x + tolerance ? 1 : 0) }
    }
}

/// What-if analysis of new links on the cooperation graph: the city's betweenness and
/// closeness ranks now, and after adding one link. Betweenness is Brandes' shortest-path
/// betweenness (normalised, endpoints excluded) and closeness the Wasserman–Faust
/// closeness of `GraphAlgorithms`, both unweighted; each what-if recomputes both on the
/// graph plus the new edge.
///
/// - Complexity: O(n·m) per candidate link.
public struct PartnerWhatIfAnalysis: Sendable {
    /// The cooperation graph without the new links.
    public let graph: Graph
    /// Betweenness of every city on ``graph``.
    public let betweenness: [Double]
    /// Closeness of every city on ``graph``.
    public let closeness: [Double]

    /// Computes betweenness and closeness on `graph` once, for the ranks "now".
    ///
    /// - Complexity: O(n·m).
    public init(graph: Graph) {
        self.graph = graph
        self.betweenness = betweennessCentrality(of: graph)
        self.closeness = closenessCentrality(of: graph)
    }

    /// The ranks of `u` before and after linking `u` and `v`.
    public func ifLinked(_ u: Int, _ v: Int) -> PartnerWhatIf {
        var builder = GraphBuilder(directed: false, weighted: false, selfLoops: .drop, duplicates: .first)
        builder.reserveCapacity(nodes: graph.nodeCount, edges: graph.edgeCount + 1)
        for id in graph.ids { _ = try? builder.addUniqueNode(id) }
        graph.forEachEdge { a, b, _ in try? builder.addEdge(a, b) }
        try? builder.addEdge(u, v)
        guard let linked = try? builder.build() else {
            let b = CentralityRank.rank(of: u, in: betweenness), c = CentralityRank.rank(of: u, in: closeness)
            return PartnerWhatIf(
                betweenness: RankChange(before: b, after: b), closeness: RankChange(before: c, after: c))
        }
        return PartnerWhatIf(
            betweenness: Self.change(of: u, before: betweenness, after: betweennessCentrality(of: linked)),
            closeness: Self.change(of: u, before: closeness, after: closenessCentrality(of: linked)))
    }

    /// The rank of `u` before and after. When `u`'s own value does not rise (a city with
    /// no links gains no betweenness from its first link, which makes it a leaf), its rank
    /// is shown unchanged: other cities' values moving around it are not an effect of the
    /// link for the city, and a link never lowers the city's own betweenness or closeness.
    static func change(of u: Int, before: [Double], after: [Double]) -> RankChange {
        let rankBefore = CentralityRank.rank(of: u, in: before)
        let tolerance = 1e-12 * max(1, abs(before[u]))
        guard after[u] > before[u] + tolerance else { return RankChange(before: rankBefore, after: rankBefore) }
        return RankChange(before: rankBefore, after: CentralityRank.rank(of: u, in: after))
    }
}
