import CreativeCities
import GraphCore
import Testing

/// `StandingWhatIf`: a city's measures and ranks before and after several new links.
@Suite struct StandingWhatIfTests {
    static let graph: Graph? = bundledDataset.map { $0.graph(including: LinkKind.existing) }

    /// With one new link, the betweenness and closeness ranks are those of the partner
    /// what-if of `uccn partners` (checked against NetworkX in PartnerWhatIfTests).
    @Test(arguments: [("hanoi-vn", "kobe-jp"), ("hanoi-vn", "shanghai-cn"), ("kobe-jp", "bandung-id")])
    func oneLinkAgreesWithThePartnerWhatIf(city: String, partner: String) throws {
        let dataset = try #require(bundledDataset)
        let graph = try #require(Self.graph)
        let u = try #require(dataset.index(ofCity: city))
        let v = try #require(dataset.index(ofCity: partner))
        let single = PartnerWhatIfAnalysis(graph: graph).ifLinked(u, v)
        let result = StandingWhatIf(graph: graph, city: u, partners: [v])
        let byKey = Dictionary(uniqueKeysWithValues: result.changes.map { ($0.key, $0) })
        #expect(byKey["betweenness"]?.rank == single.betweenness)
        #expect(byKey["closeness"]?.rank == single.closeness)
        #expect(byKey["links"]?.valueAfter == Double(graph.degree(of: u) + 1))
        #expect(result.changes.first?.key == "links")
    }

    @Test func repeatsTheCityAndExistingPartnersAddNothing() throws {
        let dataset = try #require(bundledDataset)
        let graph = try #require(Self.graph)
        let hanoi = try #require(dataset.index(ofCity: "hanoi-vn"))
        let seoul = try #require(dataset.index(ofCity: "seoul-kr"))
        let kobe = try #require(dataset.index(ofCity: "kobe-jp"))
        let result = StandingWhatIf(graph: graph, city: hanoi, partners: [kobe, seoul, kobe, hanoi])
        #expect(result.partners == [kobe, seoul])
        #expect(result.alreadyLinked == [seoul])
        let links = try #require(result.changes.first)
        #expect(links.valueAfter == links.valueBefore + 1)

        let nothing = StandingWhatIf(graph: graph, city: hanoi, partners: [seoul])
        for change in nothing.changes {
            #expect(change.rank.before == change.rank.after, "\(change.key)")
            #expect(change.valueBefore == change.valueAfter, "\(change.key)")
        }
    }

    @Test func beforeIsTheStandingOfTheGraph() throws {
        let dataset = try #require(bundledDataset)
        let graph = try #require(Self.graph)
        let hanoi = try #require(dataset.index(ofCity: "hanoi-vn"))
        let measures = StandingWhatIf.measures(of: graph)
        let result = StandingWhatIf(graph: graph, before: measures, city: hanoi, partners: [0])
        #expect(result.changes.map(\.key) == measures.map(\.key))
        for (change, measure) in zip(result.changes, measures) {
            #expect(change.valueBefore == measure.values[hanoi])
            #expect(change.rank.before == measure.rank(of: hanoi))
        }
    }
}
