import Dispatch
import Foundation
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
/// on the graph, every source's betweenness dependencies (`EdgeInsertionBetweenness`) and
/// every pair's distance (`EdgeInsertionCloseness`), so that a what-if searches again only
/// from the cities whose shortest paths the new link changes, and updates closeness from
/// the distances. A city with no link yet gains no betweenness from its first link (it
/// becomes a leaf), so its betweenness rank is shown unchanged without computing anything
/// (as ``ifLinked(_:_:)`` shows it); a partner with no link becomes the city's leaf, whose
/// effect follows from the city's own betweenness dependencies.
///
/// - Complexity: O(n·m) time and O(n²) memory for `init`; per candidate link, O(n²) for
///   closeness and the betweenness searches of the affected sources, O(n·m) at worst.
public struct PartnerWhatIfAnalysis: Sendable {
    /// The cooperation graph without the new links.
    public let graph: Graph
    /// Betweenness of every city on ``graph``.
    public let betweenness: [Double]
    /// Closeness of every city on ``graph``.
    public let closeness: [Double]
    /// Betweenness with added links, exactly and incrementally.
    let insertion: EdgeInsertionBetweenness
    /// Closeness with an added link, exactly, from every pair's distance.
    let closenessInsertion: EdgeInsertionCloseness
    /// The connected parts of ``graph`` (how many cities each city reaches).
    let components: ConnectedComponents
    /// Results already computed, when remembered (``init(graph:remembering:)``).
    let memo: WhatIfMemo?

    /// Computes betweenness and closeness on `graph` once, for the ranks "now", and keeps
    /// what the what-ifs reuse.
    ///
    /// - Complexity: O(n·m) time, O(n²) memory.
    public init(graph: Graph) {
        self.init(graph: graph, remembering: 0)
    }

    /// The analysis of `graph`, remembering the last `capacity` what-ifs it computed (first
    /// in, first out), for a program that answers the same city and partner many times.
    ///
    /// - Parameters:
    ///   - graph: the cooperation graph without the new links.
    ///   - capacity: how many what-ifs to remember (0: none); each takes about 100 bytes.
    public init(graph: Graph, remembering capacity: Int) {
        self.memo = capacity > 0 ? WhatIfMemo(capacity: capacity) : nil
        self.graph = graph
        self.insertion = EdgeInsertionBetweenness(graph: graph)
        self.components = ConnectedComponents(of: graph)
        self.betweenness = insertion.values
        self.closenessInsertion = EdgeInsertionCloseness(graph: graph)
        self.closeness = closenessInsertion.values
    }

    /// The ranks of `u` before and after linking `u` and `v`.
    public func ifLinked(_ u: Int, _ v: Int) -> PartnerWhatIf {
        let key = u * graph.nodeCount + v
        if let memo, let known = memo.value(for: key) { return known }
        let result = computeIfLinked(u, v)
        memo?.store(result, for: key)
        return result
    }

    /// ``ifLinked(_:_:)`` computed.
    func computeIfLinked(_ u: Int, _ v: Int) -> PartnerWhatIf {
        let closenessChange = Self.change(of: u, before: closeness, after: closenessInsertion.afterAdding(u, v))
        let betweennessChange: RankChange
        if graph.neighbors(of: u).allSatisfy({ Int($0) == u }) {
            // A leaf is on no shortest path between two other cities: its betweenness
            // stays exactly 0, and `change` shows the rank unchanged.
            let rank = CentralityRank.rank(of: u, in: betweenness)
            betweennessChange = RankChange(before: rank, after: rank)
        } else if let pendant = pendantBetweennessChange(u, v) {
            betweennessChange = pendant
        } else {
            betweennessChange = Self.change(of: u, before: betweenness, after: insertion.afterAdding([(u, v)]))
        }
        return PartnerWhatIf(betweenness: betweennessChange, closeness: closenessChange)
    }

    /// The betweenness rank change when `v` has no link yet, without a new search: `v`
    /// becomes a leaf of `u`, so the only new shortest paths are those from `v` (and to
    /// it), which are `v–u` followed by `u`'s own shortest paths. In raw Brandes sums (each
    /// pair both ways) `u` gains `2(r − 1)` for the `r − 1` other cities it reaches, every
    /// other city `w` gains `2·δ_u(w)`, `u`'s dependency on it, and `v` stays at 0.
    ///
    /// These values agree with a computation from scratch up to rounding (the sums are
    /// added in another order), so they are used only when every comparison the rank makes
    /// (each city against `u`'s value plus the tie tolerance, and `u`'s rise against its
    /// tolerance) is clear by `1e-9`, a million times the rounding; otherwise `nil`, and
    /// the caller computes the values exactly. The rank is then the one the exact values give.
    func pendantBetweennessChange(_ u: Int, _ v: Int) -> RankChange? {
        guard graph.neighbors(of: v).allSatisfy({ Int($0) == v }),
            let dependency = insertion.dependencies(ofSource: u)
        else { return nil }
        let scale = insertion.scale
        let reached = components.sizes[Int(components.labels[u])]
        var after = betweenness
        for w in after.indices where w != u && w != v { after[w] += 2 * dependency[w] * scale }
        after[u] += 2 * Double(reached - 1) * scale
        let margin = 1e-9
        let toleranceBefore = 1e-12 * max(1, abs(betweenness[u]))
        guard abs(after[u] - (betweenness[u] + toleranceBefore)) > margin else { return nil }
        let threshold = after[u] + 1e-12 * max(1, abs(after[u]))
        for w in after.indices where w != u && abs(after[w] - threshold) <= margin { return nil }
        return Self.change(of: u, before: betweenness, after: after)
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

/// What-if results by pair, at most `capacity`, the oldest forgotten first.
final class WhatIfMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: PartnerWhatIf] = [:]
    /// Keys in the order they were stored (a ring of `capacity` slots).
    private var order: [Int]
    private var next = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        order = []
        order.reserveCapacity(capacity)
    }

    func value(for key: Int) -> PartnerWhatIf? {
        lock.withLock { results[key] }
    }

    func store(_ result: PartnerWhatIf, for key: Int) {
        lock.withLock {
            guard results.updateValue(result, forKey: key) == nil else { return }
            if order.count < capacity {
                order.append(key)
            } else {
                results[order[next]] = nil
                order[next] = key
                next = (next + 1) % capacity
            }
        }
    }

    var count: Int { lock.withLock { results.count } }
}
