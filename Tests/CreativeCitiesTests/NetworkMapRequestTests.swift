import CreativeCities
import Testing

/// `NetworkMapRequest`: the map `uccn serve` draws for a set of parameters.
@Suite struct NetworkMapRequestTests {
    @Test func aCityMapDrawsItsBestSuggestedPartners() throws {
        let dataset = try #require(bundledDataset)
        let suggester = PartnerSuggester(dataset: dataset)
        let hanoi = try #require(dataset.index(ofCity: "hanoi-vn"))
        let best = try suggester.suggest(PartnerQuery(city: hanoi, top: 3)).suggestions.map(\.city.id)
        let map = try NetworkMapRequest(scope: .city(id: "hanoi-vn", radius: 1, suggest: 3))
            .networkMap(dataset: dataset, suggester: suggester)
        #expect(map.suggestedIndices.map { dataset.cities[$0].id } == best)
        #expect(map.focusIndex == hanoi)
        #expect(map.options.highlightedCityIDs == ["hanoi-vn"])
        #expect(map.options.kind == .ego(cityID: "hanoi-vn", radius: 1, suggested: best))
    }

    @Test func withoutSuggestionsAndWithAnotherHighlight() throws {
        let dataset = try #require(bundledDataset)
        let map = try NetworkMapRequest(scope: .city(id: "kobe-jp", radius: 2, suggest: 0))
            .networkMap(dataset: dataset)
        #expect(map.suggestedIndices.isEmpty)
        let geo = try NetworkMapRequest(scope: .geographic, highlightedCityIDs: ["kobe-jp"]).networkMap(
            dataset: dataset)
        #expect(geo.options.kind == .geographic)
        #expect(geo.options.highlightedCityIDs == ["kobe-jp"])
    }

    @Test func anUnknownCityIsAMapError() throws {
        let dataset = try #require(bundledDataset)
        #expect(throws: NetworkMapError.unknownCity("atlantis-xx")) {
            try NetworkMapRequest(scope: .city(id: "atlantis-xx", radius: 1, suggest: 2)).networkMap(dataset: dataset)
        }
    }

    @Test func requestsAreKeysForACache() {
        let a = NetworkMapRequest(scope: .city(id: "hanoi-vn", radius: 1, suggest: 5))
        let b = NetworkMapRequest(scope: .city(id: "hanoi-vn", radius: 1, suggest: 5))
        let c = NetworkMapRequest(scope: .city(id: "hanoi-vn", radius: 2, suggest: 5))
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a != c)
    }
}
