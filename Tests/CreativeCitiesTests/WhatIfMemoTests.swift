import Testing

@testable import CreativeCities

/// The what-if memory: remembered answers are the computed ones, and it holds at most its
/// capacity, forgetting the oldest first.
@Suite struct WhatIfMemoTests {
    @Test func keepsAtMostItsCapacityOldestOutFirst() {
        let memo = WhatIfMemo(capacity: 3)
        let results = (0..<5).map {
            PartnerWhatIf(
                betweenness: RankChange(before: $0 + 10, after: $0), closeness: RankChange(before: $0 + 20, after: $0))
        }
        for (key, result) in results.enumerated() { memo.store(result, for: key) }
        memo.store(results[4], for: 4)
        #expect(memo.count == 3)
        #expect(memo.value(for: 0) == nil)
        #expect(memo.value(for: 1) == nil)
        #expect(memo.value(for: 2) == results[2])
        #expect(memo.value(for: 4) == results[4])
    }

    @Test func rememberedWhatIfsAreTheComputedOnes() throws {
        let data = try #require(bundledDataset)
        let graph = data.graph()
        let fresh = PartnerWhatIfAnalysis(graph: graph)
        let remembering = PartnerWhatIfAnalysis(graph: graph, remembering: 4)
        let hanoi = try #require(data.index(ofCity: "hanoi-vn"))
        let others = ["kobe-jp", "seoul-kr", "berlin-de", "da-lat-vn", "dakar-sn", "kobe-jp", "seoul-kr"]
            .compactMap { data.index(ofCity: $0) }
        for v in others + others {
            #expect(remembering.ifLinked(hanoi, v) == fresh.ifLinked(hanoi, v))
        }
        #expect(remembering.memo?.count == 4)
    }
}
