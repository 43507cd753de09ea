import CreativeCities
import Testing

@Suite struct CityLookupTests {
    static let lookup: CityLookup? = bundledDataset.map { CityLookup(dataset: $0) }

    @Test(arguments: [
        "Hanoi", "Ha Noi", "hà nội", "HANOI", "hanoi-vn", "  hanoi ", "Hà Nội", "HaNoi", "Hanoi, Viet Nam",
        "Hanoi (VN)",
    ])
    func findsHanoiInEveryForm(_ query: String) throws {
        let lookup = try #require(Self.lookup)
        #expect(try lookup.city(named: query).id == "hanoi-vn")
    }

    @Test func foldingRemovesCaseDiacriticsAndSpaces() {
        #expect(CityLookup.fold("Hà Nội") == "hanoi")
        #expect(CityLookup.fold("Łódź") == "lodz")
        #expect(CityLookup.fold("São Paulo") == "saopaulo")
        #expect(CityLookup.fold("Đà Lạt") == "dalat")
    }

    @Test func anAmbiguousNameListsEveryCandidateWithItsID() throws {
        let lookup = try #require(Self.lookup)
        #expect(throws: CityLookupError.self) { try lookup.city(named: "granada") }
        do {
            _ = try lookup.city(named: "Granada")
            Issue.record("Granada should be ambiguous")
        } catch let error {
            guard case let .ambiguous(_, candidates) = error else { Issue.record("unexpected \(error)"); return }
            #expect(candidates.map(\.id) == ["granada-es", "granada-ni"])
            #expect(error.description.contains("granada-es"))
            #expect(error.description.contains("granada-ni"))
        }
    }

    @Test func aCountryResolvesTheAmbiguity() throws {
        let lookup = try #require(Self.lookup)
        #expect(try lookup.city(named: "Granada, Spain").id == "granada-es")
        #expect(try lookup.city(named: "Granada (Nicaragua)").id == "granada-ni")
        #expect(try lookup.city(named: "granada ni").id == "granada-ni")
        #expect(try lookup.city(named: "GRANADA-ES").id == "granada-es")
    }

    @Test func anUnknownNameSuggestsTheClosestNames() throws {
        let lookup = try #require(Self.lookup)
        do {
            _ = try lookup.city(named: "Hanoy")
            Issue.record("Hanoy should be unknown")
        } catch let error {
            guard case let .unknown(query, suggestions) = error else { Issue.record("unexpected \(error)"); return }
            #expect(query == "Hanoy")
            #expect(suggestions.first?.id == "hanoi-vn")
            #expect(error.description.contains("did you mean Hanoi (hanoi-vn)"))
        }
        do {
            _ = try lookup.city(named: "Bandunk")
            Issue.record("Bandunk should be unknown")
        } catch let error {
            guard case let .unknown(_, suggestions) = error else { Issue.record("unexpected \(error)"); return }
            #expect(suggestions.map(\.id).contains("bandung-id"))
        }
    }

    @Test func anEmptyQueryIsAnError() throws {
        let lookup = try #require(Self.lookup)
        #expect(throws: CityLookupError.empty) { try lookup.city(named: " - ") }
    }
}
