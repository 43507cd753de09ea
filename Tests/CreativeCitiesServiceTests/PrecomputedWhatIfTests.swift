import CreativeCities
import Foundation
import Testing

@testable import CreativeCitiesService

/// The what-if tables `uccn serve` fills in the background: once full, every pair's ranks
/// are those a computation without the table gives, for both goals, and a partner answer
/// is the same bytes.
@Suite struct PrecomputedWhatIfTests {
    /// Hanoi's, Seoul's and Kobe's neighbours (and the links among them: several connected
    /// parts once cut out) and five cities with no link, from the bundled data.
    static func smallDataset() throws -> CreativeCitiesDataset {
        let full = try CreativeCitiesDataset.load(directory: CreativeCitiesDataset.defaultDirectory())
        let centres: Set<String> = ["hanoi-vn", "seoul-kr", "kobe-jp"]
        var keep = centres
        for link in full.links where centres.contains(link.sourceID) || centres.contains(link.targetID) {
            keep.insert(link.sourceID)
            keep.insert(link.targetID)
        }
        let linked = Set(full.links.flatMap { [$0.sourceID, $0.targetID] })
        keep.formUnion(full.cities.map(\.id).filter { !linked.contains($0) }.prefix(5))
        let cities = full.cities.filter { keep.contains($0.id) }
        let links = full.links.filter { keep.contains($0.sourceID) && keep.contains($0.targetID) }
        return CreativeCitiesDataset(cities: cities, links: links)
    }

    @Test func fullTablesGiveTheComputedWhatIfs() async throws {
        let data = try Self.smallDataset()
        let n = data.cities.count
        #expect(n > 25)
        let service = PlannerService(
            dataset: data, dataDirectory: CreativeCitiesDataset.defaultDirectory(), notes: nil, dataLabel: "test")
        let plain = PlannerService(
            dataset: data, dataDirectory: CreativeCitiesDataset.defaultDirectory(), notes: nil, dataLabel: "test")
        let hanoi = try #require(data.index(ofCity: "hanoi-vn"))
        let key = PlannerService.PartnerAnswerKey(
            city: hanoi, goal: .cooperation, layers: Set(LinkKind.allCases), top: n, field: nil, region: nil,
            country: nil, includeLinked: false, whatIf: n, format: .json)
        let (pairs, exact) = await withCheckedContinuation { continuation in
            service.precomputeWhatIfs { _, pairs, exact in continuation.resume(returning: (pairs, exact)) }
        }
        #expect(pairs == PartnerGoal.allCases.count * n * (n - 1))
        #expect(exact >= 0)
        for goal in PartnerGoal.allCases {
            let tabulated = try #require(service.suggester.whatIfAnalyses[goal])
            #expect(tabulated.tableProgress == (n * (n - 1), n * (n - 1)))
            let fresh = PartnerWhatIfAnalysis(graph: tabulated.graph)
            for u in 0..<n {
                for v in 0..<n where v != u {
                    #expect(tabulated.ifLinked(u, v) == fresh.ifLinked(u, v), "\(u)–\(v) (\(goal))")
                }
            }
        }
        let fromTable = try await service.partners(key)
        let computed = try await plain.partners(key)
        #expect(fromTable.body == computed.body)
    }
}
