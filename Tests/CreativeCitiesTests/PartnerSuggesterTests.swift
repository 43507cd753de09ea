import CreativeCities
import Foundation
import GraphAlgorithms
import GraphCore
import Testing

/// A hand-made network whose answers are known exactly:
///
///     Alpha — Bravo — Delta        Echo, Golf: no links
///       \             /             Foxtrot: proposed for Alpha
///        — Charlie —
///
/// Alpha (0°, 0°) and Delta (0°, 10°) share two partners, Bravo and Charlie; Delta is
/// 1111.950802335329 km away (10° of the equator at R = 6371.0088 km, Python's math).
enum TinyNetwork {
    static func city(
        _ id: String, _ name: String, _ field: CreativeField, _ region: UNESCORegion,
        _ year: Int?, _ lat: Double?, _ lon: Double?
    ) -> City {
        City(
            id: id, name: name, country: "Testland \(id.suffix(2))", iso2: String(id.suffix(2)).uppercased(),
            region: region, field: field, year: year, latitude: lat, longitude: lon, source: "test")
    }

    static let dataset = CreativeCitiesDataset(
        cities: [
            city("alpha-aa", "Alpha", .design, .asiaPacific, 2019, 0, 0),
            city("bravo-bb", "Bravo", .music, .asiaPacific, 2010, 0, 20),
            city("charlie-cc", "Charlie", .film, .europeNorthAmerica, 2012, 10, 0),
            city("delta-dd", "Delta", .design, .asiaPacific, 2004, 0, 10),
            city("echo-ee", "Echo", .mediaArts, .africa, 2021, 0, 90),
            city("foxtrot-ff", "Foxtrot", .design, .europeNorthAmerica, 2015, 0, -30),
            city("golf-gg", "Golf", .gastronomy, .latinAmericaCaribbean, nil, nil, nil),
        ],
        links: [
            CityLink(sourceID: "alpha-aa", targetID: "bravo-bb", kind: .sisterCity, since: nil, evidence: "e"),
            CityLink(sourceID: "alpha-aa", targetID: "charlie-cc", kind: .sisterCity, since: nil, evidence: "e"),
            CityLink(sourceID: "bravo-bb", targetID: "delta-dd", kind: .sisterCity, since: nil, evidence: "e"),
            CityLink(sourceID: "charlie-cc", targetID: "delta-dd", kind: .partnership, since: 2024, evidence: "e"),
            CityLink(
                sourceID: "alpha-aa", targetID: "foxtrot-ff", kind: .proposed, since: 2020,
                evidence: "Jane Doe, Head of the UNESCO Office in Testland, at a dialogue (2020)"),
        ])

    static let allOnes = PartnerWeights(
        values: Dictionary(uniqueKeysWithValues: PartnerScore.twinningScores.map { ($0, 1.0) }))

    static func suggestions(includeLinked: Bool = false) throws -> PartnerSuggestions {
        try PartnerSuggester(dataset: dataset, communities: .connectedComponents).suggest(
            PartnerQuery(city: 0, goal: .twinning, top: nil, includeLinked: includeLinked, weights: allOnes))
    }
}

@Suite struct PartnerExplanationTests {
    @Test func theHandCheckedCaseIsExplainedExactly() throws {
        let s = try TinyNetwork.suggestions()
        #expect(s.suggestions.map(\.city.id) == ["delta-dd", "foxtrot-ff", "echo-ee", "golf-gg"])
        let delta = s.suggestions[0]
        #expect(delta.status == .new)
        #expect(delta.commonPartners.map(\.name) == ["Bravo", "Charlie"])
        #expect(delta.evidence.hops == 2)
        #expect(abs((delta.evidence.distanceKm ?? 0) - 1111.950802335329) < 1e-6)
        #expect(
            delta.reasons == [
                "shares 2 partners (Bravo, Charlie)",
                "has 2 known partners",
                "in the same connected group of linked cities",
                "also a City of Design",
                "also in Asia and the Pacific",
                "1,112 km away",
                "member since 2004",
            ])
        // Every score is 1 except geographic proximity and complementary field (0: same field).
        let geographic = 1 - 1111.950802335329 / (Double.pi * 6371.0088)
        #expect(abs(delta.score - (10 + geographic) / 12) < 1e-12)
        #expect(abs(delta.breakdown.reduce(0) { $0 + $1.contribution } - delta.score) < 1e-12)
        // Raw values: 2 common partners, AA = 2/ln 2, RA = 2·½, PA = 2·2.
        let raw = Dictionary(uniqueKeysWithValues: delta.breakdown.map { ($0.score, $0.raw) })
        #expect(raw[.commonPartners] == 2)
        #expect(raw[.jaccard] == 1)
        #expect(abs((raw[.adamicAdar] ?? 0) - 2 / log(2)) < 1e-12)
        #expect(raw[.resourceAllocation] == 1)
        #expect(raw[.preferentialAttachment] == 4)
    }

    @Test func proposedPartnersAreRankedAndFlagged() throws {
        let s = try TinyNetwork.suggestions()
        let foxtrot = try #require(s.suggestions.first { $0.city.id == "foxtrot-ff" })
        #expect(foxtrot.status == .proposed)
        #expect(
            foxtrot.reasons == [
                "proposed in 2020 by UNESCO's office in Testland",
                "not connected to Alpha through known links",
                "no known partners yet",
                "also a City of Design",
                "3,336 km away",
                "member since 2015",
            ])
        #expect(s.proposedPartners.map(\.id) == ["foxtrot-ff"])
        #expect(s.existingPartners.map(\.id) == ["bravo-bb", "charlie-cc"])
    }

    @Test func complementaryFieldsAndMissingFactsAreSaid() throws {
        let s = try TinyNetwork.suggestions()
        let echo = try #require(s.suggestions.first { $0.city.id == "echo-ee" })
        #expect(echo.reasons.contains("a City of Media Arts, which complements Design"))
        #expect(echo.reasons.contains("10,008 km away"))
        let golf = try #require(s.suggestions.first { $0.city.id == "golf-gg" })
        #expect(golf.reasons.contains("distance unknown (no coordinates for Golf)"))
        #expect(golf.reasons.contains("designation year unknown"))
        #expect(golf.evidence.normalized(.geographicProximity) == 0.5)
    }

    @Test func linkedCitiesAppearOnlyWhenAskedFor() throws {
        let s = try TinyNetwork.suggestions(includeLinked: true)
        let bravo = try #require(s.suggestions.first { $0.city.id == "bravo-bb" })
        #expect(bravo.status == .linked)
        #expect(bravo.reasons.first == "already a sister city")
        #expect(s.candidateCount == 6)
        #expect(try TinyNetwork.suggestions().candidateCount == 4)
    }

    @Test func theLatestDesignationYearIsTheReference() throws {
        let s = try TinyNetwork.suggestions()
        #expect(s.referenceYear == 2021)
        #expect(s.suggestions[0].evidence.membershipYears == 17)
    }

    @Test func numbersAreGroupedByThousands() {
        #expect(PartnerExplanation.thousands(1650) == "1,650")
        #expect(PartnerExplanation.thousands(999) == "999")
        #expect(PartnerExplanation.thousands(1_234_567) == "1,234,567")
    }

    @Test func manySharedPartnersAreShortened() {
        let cities = (1...6).map { TinyNetwork.city("c\($0)-xx", "City \($0)", .music, .africa, nil, nil, nil) }
        #expect(
            PartnerExplanation.sharedPartnersSentence(cities)
                == "shares 6 partners (City 1, City 2, City 3, City 4 and 2 more)")
        #expect(PartnerExplanation.sharedPartnersSentence(Array(cities.prefix(1))) == "shares 1 partner (City 1)")
    }
}

/// The `twinning` goal on the bundled data (today's ranking, kept as it was).
@Suite struct PartnerSuggesterTests {
    static let suggester: PartnerSuggester? = bundledDataset.map { PartnerSuggester(dataset: $0) }

    func hanoi(_ configure: (inout PartnerQuery) throws -> Void = { _ in }) throws -> PartnerSuggestions {
        let suggester = try #require(Self.suggester)
        let index = try CityLookup(dataset: suggester.dataset).index(of: "Hanoi")
        var query = PartnerQuery(city: index, goal: .twinning, top: nil)
        try configure(&query)
        return try suggester.suggest(query)
    }

    @Test func existingPartnersAreExcludedByDefault() throws {
        let s = try hanoi()
        let ids = Set(s.suggestions.map(\.city.id))
        for partner in ["angouleme-fr", "bangkok-th", "beijing-cn", "jakarta-id", "montreal-ca", "seoul-kr"] {
            #expect(!ids.contains(partner), "\(partner) is already a partner")
        }
        #expect(!ids.contains("hanoi-vn"))
        #expect(s.candidateCount == 405 - 1 - 6)
        #expect(s.existingPartners.map(\.name) == ["Angoulême", "Bangkok", "Beijing", "Jakarta", "Montreal", "Seoul"])
    }

    @Test func includeLinkedRanksExistingPartnersToo() throws {
        let s = try hanoi { $0.includeLinked = true }
        #expect(s.candidateCount == 404)
        let seoul = try #require(s.suggestions.first { $0.city.id == "seoul-kr" })
        #expect(seoul.status == .linked)
        #expect(seoul.reasons.contains("already a sister city"))
        // Seoul is also one of the seven proposed in 2020.
        #expect(seoul.reasons.contains("proposed in 2020 by UNESCO's office in Viet Nam"))
    }

    @Test func proposedCitiesAreShownAsProposed() throws {
        let s = try hanoi()
        #expect(s.proposedPartners.map(\.name) == ["Bandung", "Berlin", "Helsinki", "Kobe", "Shanghai"])
        for id in ["bandung-id", "berlin-de", "helsinki-fi", "kobe-jp", "shanghai-cn"] {
            let p = try #require(s.suggestions.first { $0.city.id == id })
            #expect(p.status == .proposed)
            #expect(p.reasons.first == "proposed in 2020 by UNESCO's office in Viet Nam")
        }
        #expect(s.suggestions.filter { $0.status == .proposed }.count == 5)
    }

    @Test func fieldRegionAndCountryFilters() throws {
        let suggester = try #require(Self.suggester)
        let design = try hanoi { $0.field = try PartnerSuggester.field("design") }
        #expect(!design.suggestions.isEmpty && design.suggestions.allSatisfy { $0.city.field == .design })
        // Not Hanoi nor its partners that are cities of design (Bangkok, Beijing, Montreal, Seoul).
        #expect(design.candidateCount == 53 - 1 - design.existingPartners.filter { $0.field == .design }.count)
        #expect(
            design.existingPartners.filter { $0.field == .design }.map(\.name) == [
                "Bangkok", "Beijing", "Montreal", "Seoul",
            ])
        let europe = try hanoi { $0.region = try PartnerSuggester.region("europe") }
        #expect(!europe.suggestions.isEmpty && europe.suggestions.allSatisfy { $0.city.region == .europeNorthAmerica })
        let japan = try hanoi { $0.countryISO2 = try suggester.countryISO2("Japan") }
        #expect(!japan.suggestions.isEmpty && japan.suggestions.allSatisfy { $0.city.iso2 == "JP" })
        #expect(try suggester.countryISO2("jp") == "JP")
        #expect(throws: PartnerQueryError.unknownCountry("Atlantis")) { try suggester.countryISO2("Atlantis") }
        #expect(throws: PartnerQueryError.unknownField("Dance")) { try PartnerSuggester.field("Dance") }
        #expect(throws: PartnerQueryError.unknownRegion("Mars")) { try PartnerSuggester.region("Mars") }
    }

    @Test func rankingIsSortedAndTopLimits() throws {
        let all = try hanoi()
        for (a, b) in zip(all.suggestions, all.suggestions.dropFirst()) {
            #expect(a.score > b.score || (a.score == b.score && a.city.id < b.city.id))
        }
        let top3 = try hanoi { $0.top = 3 }
        #expect(top3.suggestions.map(\.city.id) == all.suggestions.prefix(3).map(\.city.id))
        #expect(top3.suggestions.map(\.rank) == [1, 2, 3])
    }

    @Test func outputIsDeterministic() throws {
        let data = try #require(bundledDataset)
        let one = try PartnerSuggestionsOutput.render(try hanoi { $0.top = 20 }, as: .json)
        let other = try PartnerSuggester(dataset: data).suggest(
            PartnerQuery(city: data.index(ofCity: "hanoi-vn") ?? -1, goal: .twinning, top: 20))
        #expect(one == (try PartnerSuggestionsOutput.render(other, as: .json)))
    }

    @Test func aCityWithoutLinksStillGetsSuggestions() throws {
        let suggester = try #require(Self.suggester)
        let dalat = try CityLookup(dataset: suggester.dataset).index(of: "Da Lat")
        let s = try suggester.suggest(PartnerQuery(city: dalat, goal: .twinning, top: 5))
        #expect(s.existingPartners.isEmpty)
        #expect(s.suggestions.count == 5)
        #expect(s.suggestions[0].score > 0)
        #expect(s.suggestions.allSatisfy { $0.commonPartners.isEmpty })
        // With no links of its own, network distance is not worth a sentence.
        #expect(s.suggestions.allSatisfy { !$0.reasons.contains { $0.hasPrefix("not connected") } })
        #expect(s.suggestions[0].reasons.contains { $0.hasSuffix("km away") })
        #expect(PartnerSuggestionsOutput.table(s).contains("Network evidence missing"))
    }

    @Test func sameCommunityUsesLeidenWithSeed42ByDefault() throws {
        let s = try hanoi()
        #expect(s.communitySource == .leiden)
        let suggester = try #require(Self.suggester)
        let graph = suggester.dataset.graph()
        let labels = Leiden().partition(of: graph, seed: 42).labels
        #expect(suggester.scorer.communityLabels == labels)
        let hanoi = try #require(suggester.dataset.index(ofCity: "hanoi-vn"))
        for p in s.suggestions {
            let index = try #require(suggester.dataset.index(ofCity: p.city.id))
            #expect(p.evidence.normalized(.sameCommunity) == (labels[index] == labels[hanoi] ? 1 : 0))
        }
    }

    @Test func jsonCarriesTheDocumentedFields() throws {
        let text = try PartnerSuggestionsOutput.render(try hanoi { $0.top = 2 }, as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "city", "communitySource", "referenceYear", "filters", "weights",
                "existingPartners", "proposedPartners", "candidateCount", "centralityRanks", "suggestions",
                "goal", "layers", "sisterCities", "lacksNetworkEvidence",
            ])
        #expect(object["goal"] as? String == "twinning")
        let first = try #require((object["suggestions"] as? [[String: Any]])?.first)
        #expect(
            Set(first.keys) == [
                "rank", "city", "status", "score", "scores", "commonPartners", "hops",
                "distanceKm", "membershipYears", "partnerCount", "links", "reasons", "whatIf",
                "cooperationPartners", "cooperationCount", "tiedWithRank",
            ])
    }
}
