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
    /// Results already computed, when remembered (``init(graph:remembering:tabulating:)``).
    let memo: WhatIfMemo?
    /// Every pair's result once ``fillTable(row:)`` has computed it, when tabulating.
    let table: WhatIfTable?
    /// Each city's betweenness and closeness rank on ``graph``.
    let betweennessRanks: [Int]
    let closenessRanks: [Int]

    /// Computes betweenness and closeness on `graph` once, for the ranks "now", and keeps
    /// what the what-ifs reuse.
    ///
    /// - Complexity: O(n·m) time, O(n²) memory.
    public init(graph: Graph) {
        self.init(graph: graph, remembering: 0)
    }

    /// Largest graph whose what-ifs can be tabulated (4 bytes a pair of cities).
    public static let maxTabulatedNodes = 1024

    /// The analysis of `graph`, remembering the last `capacity` what-ifs it computed (first
    /// in, first out), for a program that answers the same city and partner many times,
    /// and with room for every pair's what-if when `tabulating` (filled by
    /// ``fillTable(row:)``, for a program that can compute them all ahead of its queries).
    ///
    /// - Parameters:
    ///   - graph: the cooperation graph without the new links.
    ///   - capacity: how many what-ifs to remember (0: none); each takes about 100 bytes.
    ///   - tabulating: keep a table of every pair's what-if (4 bytes a pair: 0.6 MiB for
    ///     the 405 cities); ignored above ``maxTabulatedNodes`` cities.
    public init(graph: Graph, remembering capacity: Int, tabulating: Bool = false) {
        self.memo = capacity > 0 ? WhatIfMemo(capacity: capacity) : nil
        self.graph = graph
        self.insertion = EdgeInsertionBetweenness(graph: graph)
        self.components = ConnectedComponents(of: graph)
        self.betweenness = insertion.values
        self.closenessInsertion = EdgeInsertionCloseness(graph: graph)
        self.closeness = closenessInsertion.values
        let n = graph.nodeCount
        let values = (betweenness, closeness)
        betweennessRanks = (0..<n).map { CentralityRank.rank(of: $0, in: values.0) }
        closenessRanks = (0..<n).map { CentralityRank.rank(of: $0, in: values.1) }
        table = tabulating && n <= Self.maxTabulatedNodes ? WhatIfTable(n: n) : nil
    }

    /// The ranks of `u` before and after linking `u` and `v`.
    public func ifLinked(_ u: Int, _ v: Int) -> PartnerWhatIf {
        if let table, let after = table.afterRanks(u, v) {
            return PartnerWhatIf(
                betweenness: RankChange(before: betweennessRanks[u], after: after.betweenness),
                closeness: RankChange(before: closenessRanks[u], after: after.closeness))
        }
        let key = u * graph.nodeCount + v
        if let memo, let known = memo.value(for: key) { return known }
        let (result, other) = computeIfLinked(u, v)
        memo?.store(result, for: key)
        table?.store(u, v, result)
        table?.store(v, u, other)
        return result
    }

    /// Computes the what-ifs of every pair `(row, v)` with `v > row` not in the table yet,
    /// for both cities of the pair (one computation serves both: the graph with the link is
    /// the same). Filling every row, in any order and on any threads at once (each pair is
    /// computed once, by whoever reaches it first), tabulates every pair; without a table
    /// (``init(graph:remembering:tabulating:)``) it does nothing.
    ///
    /// - Parameter u: a city index in `0..<n`.
    /// - Complexity: O(n) what-ifs.
    public func fillTable(row u: Int) {
        guard let table else { return }
        for v in (u + 1)..<graph.nodeCount where table.afterRanks(u, v) == nil {
            let (mine, theirs) = computeIfLinked(u, v)
            table.store(u, v, mine)
            table.store(v, u, theirs)
        }
    }

    /// How far the table is filled: pairs of cities computed, and all pairs (both 0
    /// without a table).
    public var tableProgress: (done: Int, total: Int) {
        guard let table else { return (0, 0) }
        return (table.filledPairs, graph.nodeCount * (graph.nodeCount - 1))
    }

    /// How many betweenness ranks were computed from exact values since the start, because
    /// the update from the nearer side left a comparison too close to call.
    public var exactRecomputations: Int { table?.exactRecomputations ?? 0 }

    /// ``ifLinked(_:_:)`` computed, for `u` and for `v` (the same new link).
    ///
    /// Closeness comes exactly from the distance table (`EdgeInsertionCloseness`).
    /// Betweenness: a city with no link becomes a leaf and keeps 0 (its rank is shown
    /// unchanged); a partner with no link becomes a leaf of the city (the closed form of
    /// ``pendantBetweennessChange(_:_:)``); otherwise the values are updated from the
    /// smaller side of the link (`EdgeInsertionBetweenness.afterAddingFromNearerSide`),
    /// which agrees with a computation from scratch up to rounding. A rank compares each
    /// city's value with the city's own plus the tie tolerance `τ = 1e-12 · max(1, |x|)`;
    /// the updated values decide it only when every difference is below `τ/4` (a tie) or
    /// above `7τ/4` (higher), and the city's own rise likewise, margins that are more than a
    /// thousand times the rounding of these sums. Otherwise the values are computed exactly
    /// (`afterAdding`) and the rank is theirs, so the ranks are always those of the exact
    /// values.
    func computeIfLinked(_ u: Int, _ v: Int) -> (PartnerWhatIf, PartnerWhatIf) {
        let closenessAfter = closenessInsertion.afterAdding(u, v)
        let closenessU = Self.change(of: u, before: closeness, after: closenessAfter)
        let closenessV = Self.change(of: v, before: closeness, after: closenessAfter)
        var exact: [Double]? = nil
        func exactChange(of x: Int) -> RankChange {
            table?.countExactRecomputation()
            if exact == nil { exact = insertion.afterAdding([(u, v)]) }
            return Self.change(of: x, before: betweenness, after: exact ?? betweenness)
        }
        let aloneU = hasNoLink(u), aloneV = hasNoLink(v)
        let betweennessU: RankChange, betweennessV: RankChange
        switch (aloneU, aloneV) {
        case (true, true):
            betweennessU = unchanged(u)
            betweennessV = unchanged(v)
        case (true, false):
            betweennessU = unchanged(u)
            betweennessV = pendantBetweennessChange(v, u) ?? exactChange(of: v)
        case (false, true):
            betweennessU = pendantBetweennessChange(u, v) ?? exactChange(of: u)
            betweennessV = unchanged(v)
        case (false, false):
            let updated = insertion.afterAddingFromNearerSide(u, v)
            betweennessU =
                updated.flatMap { Self.decidedChange(of: u, before: betweenness, after: $0) } ?? exactChange(of: u)
            betweennessV =
                updated.flatMap { Self.decidedChange(of: v, before: betweenness, after: $0) } ?? exactChange(of: v)
        }
        return (
            PartnerWhatIf(betweenness: betweennessU, closeness: closenessU),
            PartnerWhatIf(betweenness: betweennessV, closeness: closenessV)
        )
    }

    /// A city with no link: on no shortest path between two others after its first link,
    /// so its betweenness stays exactly 0 and ``change(of:before:after:)`` shows the rank unchanged.
    private func hasNoLink(_ x: Int) -> Bool {
        graph.neighbors(of: x).allSatisfy { Int($0) == x }
    }

    private func unchanged(_ x: Int) -> RankChange {
        RankChange(before: betweennessRanks[x], after: betweennessRanks[x])
    }

    /// ``change(of:before:after:)`` from values that agree with the exact ones up to
    /// rounding, or `nil` when a comparison is within the margins of ``computeIfLinked(_:_:)``.
    static func decidedChange(of u: Int, before: [Double], after: [Double]) -> RankChange? {
        /// `true` (above) or `false` (a tie or below) when `difference` is clear of `tolerance`.
        func above(_ difference: Double, _ tolerance: Double) -> Bool? {
            difference > 1.75 * tolerance ? true : difference < 0.25 * tolerance ? false : nil
        }
        let rankBefore = CentralityRank.rank(of: u, in: before)
        guard let rises = above(after[u] - before[u], 1e-12 * max(1, abs(before[u]))) else { return nil }
        guard rises else { return RankChange(before: rankBefore, after: rankBefore) }
        let x = after[u]
        let tolerance = 1e-12 * max(1, abs(x))
        var higher = 0
        for w in after.indices where w != u {
            guard let isHigher = above(after[w] - x, tolerance) else { return nil }
            if isHigher { higher += 1 }
        }
        return RankChange(before: rankBefore, after: 1 + higher)
    }

    /// The betweenness rank change when `v` has no link yet, without a new search: `v`
    /// becomes a leaf of `u`, so the only new shortest paths are those from `v` (and to
    /// it), which are `v–u` followed by `u`'s own shortest paths. In raw Brandes sums (each
    /// pair both ways) `u` gains `2(r − 1)` for the `r − 1` other cities it reaches, every
    /// other city `w` gains `2·δ_u(w)`, `u`'s dependency on it, and `v` stays at 0.
    ///
    /// These values agree with a computation from scratch up to rounding (the sums are
    /// added in another order), so they decide the rank only within the margins of
    /// ``decidedChange(of:before:after:)``; otherwise `nil`, and the caller computes the
    /// values exactly. The rank is then the one the exact values give.
    func pendantBetweennessChange(_ u: Int, _ v: Int) -> RankChange? {
        guard graph.neighbors(of: v).allSatisfy({ Int($0) == v }),
            let dependency = insertion.dependencies(ofSource: u)
        else { return nil }
        let scale = insertion.scale
        let reached = components.sizes[Int(components.labels[u])]
        var after = betweenness
        for w in after.indices where w != u && w != v { after[w] += 2 * dependency[w] * scale }
        after[u] += 2 * Double(reached - 1) * scale
        return Self.decidedChange(of: u, before: betweenness, after: after)
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

/// Every ordered pair's what-if ranks after the link, for `n` cities: 4 bytes a pair (the
/// betweenness and closeness ranks after, 0 while not computed yet), guarded by a lock.
final class WhatIfTable: @unchecked Sendable {
    private let lock = NSLock()
    private var ranks: [UInt32]
    private var filled = 0
    private var exact = 0
    let n: Int

    init(n: Int) {
        self.n = n
        ranks = [UInt32](repeating: 0, count: n * n)
    }

    /// The ranks after linking `u` and `v`, seen from `u`, when computed.
    func afterRanks(_ u: Int, _ v: Int) -> (betweenness: Int, closeness: Int)? {
        let packed = lock.withLock { ranks[u * n + v] }
        guard packed != 0 else { return nil }
        return (Int(packed >> 16), Int(packed & 0xFFFF))
    }

    func store(_ u: Int, _ v: Int, _ result: PartnerWhatIf) {
        let packed = UInt32(result.betweenness.after) << 16 | UInt32(result.closeness.after)
        lock.withLock {
            if ranks[u * n + v] == 0 { filled += 1 }
            ranks[u * n + v] = packed
        }
    }

    func countExactRecomputation() { lock.withLock { exact += 1 } }

    var filledPairs: Int { lock.withLock { filled } }
    var exactRecomputations: Int { lock.withLock { exact } }
}
