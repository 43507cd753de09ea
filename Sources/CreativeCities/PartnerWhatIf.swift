import Dispatch
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
/// closeness of `GraphAlgorithms`, both unweighted; each what-if gives exactly the values
/// of both measures computed again on the graph plus the new edge.
///
/// The work that is the same for every candidate is done once, in `init`: both measures
/// on the graph, and every source's betweenness dependencies (`EdgeInsertionBetweenness`),
/// so that a what-if searches again only from the cities whose shortest paths the new link
/// changes. The graph with the link shares the node ids (no rebuild from strings). A city
/// with no link yet gains no betweenness from its first link (it becomes a leaf), so its
/// betweenness rank is shown unchanged without computing anything (see
/// ``change(of:before:after:)``).
///
/// - Complexity: O(n·m) time and O(n²) memory for `init`; per candidate link, one
///   closeness pass (64 breadth-first searches at a time) and the betweenness searches of
///   the affected sources, O(n·m) at worst.
public struct PartnerWhatIfAnalysis: Sendable {
    /// The cooperation graph without the new links.
    public let graph: Graph
    /// Betweenness of every city on ``graph``.
    public let betweenness: [Double]
    /// Closeness of every city on ``graph``.
    public let closeness: [Double]
    /// Betweenness with added links, exactly and incrementally.
    let insertion: EdgeInsertionBetweenness

    /// Computes betweenness and closeness on `graph` once, for the ranks "now", and keeps
    /// what the what-ifs reuse.
    ///
    /// - Complexity: O(n·m) time, O(n²) memory.
    public init(graph: Graph) {
        self.graph = graph
        self.insertion = EdgeInsertionBetweenness(graph: graph)
        self.betweenness = insertion.values
        self.closeness = closenessCentrality(of: graph)
    }

    /// The ranks of `u` before and after linking `u` and `v`.
    public func ifLinked(_ u: Int, _ v: Int) -> PartnerWhatIf {
        let linked = graph.addingEdges([(u, v)])
        let closenessChange = Self.change(of: u, before: closeness, after: closenessCentrality(of: linked))
        let betweennessChange: RankChange
        if graph.neighbors(of: u).allSatisfy({ Int($0) == u }) {
            // A leaf is on no shortest path between two other cities: its betweenness
            // stays exactly 0, and `change` shows the rank unchanged.
            let rank = CentralityRank.rank(of: u, in: betweenness)
            betweennessChange = RankChange(before: rank, after: rank)
        } else {
            betweennessChange = Self.change(of: u, before: betweenness, after: insertion.afterAdding([(u, v)]))
        }
        return PartnerWhatIf(betweenness: betweennessChange, closeness: closenessChange)
    }

    /// ``ifLinked(_:_:)`` for every candidate in `candidates`, in their order, on up to
    /// `threads` threads (the results do not depend on `threads`).
    ///
    /// - Parameters:
    ///   - u: the city.
    ///   - candidates: the cities it would link with, one what-if each.
    ///   - threads: how many candidates are computed at once.
    public func ifLinked(_ u: Int, each candidates: [Int], threads: Int = 1) -> [PartnerWhatIf] {
        let workers = max(1, min(threads, candidates.count))
        if workers == 1 { return candidates.map { ifLinked(u, $0) } }
        // Each worker writes only its own slots (i ≡ w mod workers).
        let slots = UnsafeMutableBufferPointer<PartnerWhatIf?>.allocate(capacity: candidates.count)
        slots.initialize(repeating: nil)
        defer { slots.deallocate() }
        nonisolated(unsafe) let shared = slots
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var i = w
            while i < candidates.count {
                shared[i] = ifLinked(u, candidates[i])
                i += workers
            }
        }
        return candidates.indices.map { slots[$0] ?? ifLinked(u, candidates[$0]) }
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
