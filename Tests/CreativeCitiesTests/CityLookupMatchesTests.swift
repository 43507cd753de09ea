import CreativeCities
import Testing

/// `CityLookup.matches(for:limit:)`: what the search box of `uccn serve` offers.
@Suite struct CityLookupMatchesTests {
    static let lookup: CityLookup? = bundledDataset.map { CityLookup(dataset: $0) }

    @Test(arguments: ["ha noi", "Hà Nội", "hanoi-vn", "HANOI", "Hanoi, Viet Nam"])
    func theCityAQueryNamesComesFirst(_ query: String) throws {
        let lookup = try #require(Self.lookup)
        let matches = lookup.matches(for: query)
        #expect(matches.first?.id == "hanoi-vn")
        #expect(Set(matches.map(\.id)).count == matches.count)
    }

    @Test func anAmbiguousNameOffersEveryCandidateFirst() throws {
        let lookup = try #require(Self.lookup)
        #expect(lookup.matches(for: "granada").prefix(2).map(\.id) == ["granada-es", "granada-ni"])
    }

    @Test func aPrefixOffersTheNamesItStarts() throws {
        let lookup = try #require(Self.lookup)
        let matches = lookup.matches(for: "kob", limit: 5)
        #expect(matches.count <= 5)
        #expect(matches.contains { $0.id == "kobe-jp" })
        #expect(lookup.matches(for: "xqzxqzxqz").isEmpty)
    }

    @Test func noLetterOrDigitOffersEveryCityByID() throws {
        let lookup = try #require(Self.lookup)
        let all = lookup.matches(for: " - ", limit: 1000)
        #expect(all.count == lookup.cities.count)
        #expect(all.map(\.id) == all.map(\.id).sorted())
        #expect(lookup.matches(for: "", limit: 3).count == 3)
    }
}
