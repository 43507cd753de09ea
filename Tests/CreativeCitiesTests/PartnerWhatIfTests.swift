import CreativeCities
import GraphAlgorithms
import GraphCore
import Testing

@Suite struct PartnerWhatIfTests {
    @Test func tiedValuesShareARank() {
        let values = [3.0, 1, 3, 2, 3 + 1e-15]
        #expect(CentralityRank.rank(of: 0, in: values) == 1)
        #expect(CentralityRank.rank(of: 2, in: values) == 1)
        #expect(CentralityRank.rank(of: 4, in: values) == 1)
        #expect(CentralityRank.rank(of: 3, in: values) == 4)
        #expect(CentralityRank.rank(of: 1, in: values) == 5)
    }

    /// Expected ranks from scripts/partners_what_if_fixture.py (NetworkX 3.6.1).
    @Test(arguments: [
        ("shanghai-cn", 90, 53),
        ("rio-de-janeiro-br", 92, 38),
        ("ulaanbaatar-mn", 89, 58),
    ])
    func hanoiRanksMatchNetworkX(_ id: String, _ betweenness: Int, _ closeness: Int) throws {
        let data = try #require(bundledDataset)
        let analysis = PartnerWhatIfAnalysis(graph: data.graph())
        let hanoi = try #require(data.index(ofCity: "hanoi-vn"))
        let other = try #require(data.index(ofCity: id))
        let w = analysis.ifLinked(hanoi, other)
        #expect(w.betweenness == RankChange(before: 97, after: betweenness))
        #expect(w.closeness == RankChange(before: 63, after: closeness))
    }

    /// The what-if as it was first written: the graph rebuilt with the link, betweenness
    /// and closeness computed from scratch.
    static func fromScratch(_ graph: Graph, _ u: Int, _ v: Int) throws -> PartnerWhatIf {
        var builder = GraphBuilder(directed: false, weighted: false, selfLoops: .drop, duplicates: .first)
        for id in graph.ids { _ = try builder.addUniqueNode(id) }
        try graph.forEachEdge { a, b, _ in try builder.addEdge(a, b) }
        try builder.addEdge(u, v)
        let linked = try builder.build()
        func change(_ before: [Double], _ after: [Double]) -> RankChange {
            let rankBefore = CentralityRank.rank(of: u, in: before)
            guard after[u] > before[u] + 1e-12 * max(1, abs(before[u])) else {
                return RankChange(before: rankBefore, after: rankBefore)
            }
            return RankChange(before: rankBefore, after: CentralityRank.rank(of: u, in: after))
        }
        return PartnerWhatIf(
            betweenness: change(betweennessCentrality(of: graph), betweennessCentrality(of: linked)),
            closeness: change(closenessCentrality(of: graph), closenessCentrality(of: linked)))
    }

    /// The incremental what-if (new searches only from the sources the link affects, the
    /// closed form for a partner with no link, none for a city with no link) gives the
    /// ranks of a computation from scratch: cities with and without links, partners with
    /// and without links, on the graphs of both goals.
    @Test(arguments: ["hanoi-vn", "da-lat-vn", "kobe-jp", "granada-es", "seoul-kr"])
    func incrementalWhatIfEqualsAComputationFromScratch(city: String) throws {
        let data = try #require(bundledDataset)
        let suggester = PartnerSuggester(dataset: data)
        let u = try #require(data.index(ofCity: city))
        for goal in PartnerGoal.allCases {
            let graph = suggester.whatIfGraph(for: goal)
            let analysis = PartnerWhatIfAnalysis(graph: graph)
            let unlinked = (0..<graph.nodeCount).filter { graph.degree(of: $0) == 0 && $0 != u }
            let linked = (0..<graph.nodeCount).filter { graph.degree(of: $0) > 0 && $0 != u }
            let candidates = Array(unlinked.prefix(6)) + stride(from: 0, to: linked.count, by: 23).map { linked[$0] }
            let batch = analysis.ifLinked(u, each: candidates, threads: 2)
            for (v, result) in zip(candidates, batch) {
                let expected = try Self.fromScratch(graph, u, v)
                #expect(analysis.ifLinked(u, v) == expected, "\(city) + \(data.cities[v].id) (\(goal))")
                #expect(result == expected, "\(city) + \(data.cities[v].id) (\(goal), batch)")
            }
        }
    }

    /// A row of the table (one computation a pair, for both of its cities, with
    /// betweenness updated from the nearer side of the link) gives both cities the ranks of
    /// a computation from scratch, and ``PartnerWhatIfAnalysis/ifLinked(_:_:)`` reads them
    /// from the table: a city with links, one without, and the first city, on both goals'
    /// graphs.
    @Test func tabulatedWhatIfsEqualAComputationFromScratch() throws {
        let data = try #require(bundledDataset)
        let suggester = PartnerSuggester(dataset: data)
        let rows = try ["hanoi-vn", "da-lat-vn", "seoul-kr"].map { try #require(data.index(ofCity: $0)) } + [0]
        for goal in PartnerGoal.allCases {
            let graph = suggester.whatIfGraph(for: goal)
            let n = graph.nodeCount
            let analysis = PartnerWhatIfAnalysis(graph: graph, remembering: 0, tabulating: true)
            #expect(analysis.tableProgress.done == 0)
            for row in rows { analysis.fillTable(row: row) }
            let filled = Set(rows.flatMap { u in ((u + 1)..<n).flatMap { [u * n + $0, $0 * n + u] } })
            #expect(analysis.tableProgress == (filled.count, n * (n - 1)))
            for u in rows {
                for v in stride(from: u + 1, to: n, by: 31) {
                    #expect(analysis.ifLinked(u, v) == (try Self.fromScratch(graph, u, v)), "\(u)–\(v) (\(goal))")
                    #expect(analysis.ifLinked(v, u) == (try Self.fromScratch(graph, v, u)), "\(v)–\(u) (\(goal))")
                }
            }
            // Every check above was read from the table.
            #expect(analysis.tableProgress.done == filled.count)
        }
    }

    /// On the UCCN graph, betweenness updated from the nearer side of a link is within
    /// 1e-14 of the exact values, far inside the margins the ranks keep (a quarter of the
    /// 1e-12 tie tolerance): Hanoi with every other city, and 300 seeded random pairs.
    @Test func nearerSideBetweennessIsWithinRoundingOnTheUCCNGraph() throws {
        let data = try #require(bundledDataset)
        let graph = PartnerSuggester(dataset: data).whatIfGraph(for: .cooperation)
        let n = graph.nodeCount
        let insertion = EdgeInsertionBetweenness(graph: graph)
        let hanoi = try #require(data.index(ofCity: "hanoi-vn"))
        var generator = SeededGenerator(seed: 17)
        let pairs =
            (0..<n).filter { $0 != hanoi }.map { (hanoi, $0) }
            + (0..<300).map { _ in (Int(generator.next() % UInt64(n)), Int(generator.next() % UInt64(n))) }
        var worst = 0.0
        for (u, v) in pairs where u != v {
            let updated = try #require(insertion.afterAddingFromNearerSide(u, v))
            let exact = insertion.afterAdding([(u, v)])
            worst = max(worst, zip(updated, exact).map { abs($0 - $1) }.max() ?? 0)
        }
        #expect(worst <= 1e-14, "largest difference \(worst)")
    }

    @Test func suggestionsCarryTheWhatIfUpToTheLimit() throws {
        let data = try #require(bundledDataset)
        let hanoi = try #require(data.index(ofCity: "hanoi-vn"))
        let s = try PartnerSuggester(dataset: data).suggest(
            PartnerQuery(city: hanoi, goal: .twinning, top: 5, includeLinked: true, whatIfLimit: 3))
        #expect(s.centralityRanks?.betweenness == 97)
        #expect(s.centralityRanks?.closeness == 63)
        for p in s.suggestions {
            if p.rank > 3 || p.status == .linked {
                #expect(p.whatIf == nil)
            } else {
                #expect(p.whatIf != nil)
            }
        }
        let none = try PartnerSuggester(dataset: data).suggest(PartnerQuery(city: hanoi, top: 5))
        #expect(none.centralityRanks == nil)
        #expect(none.suggestions.allSatisfy { $0.whatIf == nil })
    }
}
