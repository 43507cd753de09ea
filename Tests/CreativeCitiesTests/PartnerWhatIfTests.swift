import CreativeCities
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
