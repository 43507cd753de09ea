import Foundation
import Testing

@testable import CreativeCities

/// The hand-written partner JSON is byte for byte what Foundation's `JSONEncoder` writes for
/// the same suggestions (`JSONEncoder` kept here as the reference): every bundled city under
/// several queries, and strings that need escaping.
@Suite struct PartnerJSONWriterTests {
    /// Queries for city `u`: the service's default, each filter, both goals, every candidate
    /// (the long answers, about 1 MB each, for every 9th city).
    static let queries: [(name: String, stride: Int, make: @Sendable (Int) -> PartnerQuery)] = [
        ("default", 1, { PartnerQuery(city: $0) }),
        ("twinning", 1, { PartnerQuery(city: $0, goal: .twinning) }),
        ("field", 1, { PartnerQuery(city: $0, field: .design) }),
        ("region", 1, { PartnerQuery(city: $0, goal: .twinning, region: .europeNorthAmerica, includeLinked: true) }),
        ("country", 1, { PartnerQuery(city: $0, countryISO2: "jp") }),
        ("all-linked", 9, { PartnerQuery(city: $0, top: nil, includeLinked: true) }),
        ("top-404", 9, { PartnerQuery(city: $0, goal: .twinning, top: 404) }),
        (
            "weights", 1,
            {
                var weights = PartnerWeights.cooperation
                weights[.sameRegion] = -0.25
                weights[.geographicProximity] = 1e-7
                weights[.jaccard] = 12_345_678.5
                weights[.sameCountry] = -0.0
                return PartnerQuery(city: $0, top: 25, weights: weights)
            }
        ),
    ]

    @Test(arguments: queries.indices)
    func everyBundledCityGivesTheEncodersBytes(query: Int) throws {
        let suggester = try #require(PartnerSuggesterTests.suggester)
        let (name, step, make) = Self.queries[query]
        for u in stride(from: 0, to: suggester.dataset.cities.count, by: step) {
            let s = try suggester.suggest(make(u))
            let written = try PartnerSuggestionsOutput.json(s)
            let reference = try PartnerSuggestionsJSON.encoded(s)
            #expect(written == reference, "\(name) for \(suggester.dataset.cities[u].id)")
            if written != reference { return }
        }
    }

    /// What-if ranks (objects in place of null) on a sample of cities, both goals.
    @Test(arguments: PartnerGoal.allCases)
    func whatIfRanksGiveTheEncodersBytes(goal: PartnerGoal) throws {
        let suggester = try #require(PartnerSuggesterTests.suggester).preparingWhatIf()
        let dalat = try #require(suggester.dataset.index(ofCity: "da-lat-vn"))
        let hanoi = try #require(suggester.dataset.index(ofCity: "hanoi-vn"))
        for u in [dalat, hanoi] + Array(stride(from: 0, to: suggester.dataset.cities.count, by: 45)) {
            let s = try suggester.suggest(PartnerQuery(city: u, goal: goal, top: 6, whatIfLimit: 4))
            #expect(s.centralityRanks != nil)
            #expect(try PartnerSuggestionsOutput.json(s) == PartnerSuggestionsJSON.encoded(s))
        }
    }

    /// Names, evidence and addresses with quotes, backslashes, control characters, DEL,
    /// non-ASCII letters, emoji and slashes.
    @Test func stringsNeedingEscapesGiveTheEncodersBytes() throws {
        var awkward = "Qu\"ote \\ back/slash é ü 漢字 😀 \u{7F}\u{2028}"
        for byte in 0..<0x20 { awkward.unicodeScalars.append(Unicode.Scalar(UInt8(byte))) }
        func city(_ id: String, _ name: String, _ lon: Double) -> City {
            City(
                id: id, name: name, country: "Land \(name)", iso2: "TL", region: .asiaPacific, field: .design,
                year: 2010, latitude: 0, longitude: lon, source: "test")
        }
        let dataset = CreativeCitiesDataset(
            cities: [city("a-tl", awkward, 0), city("b-tl", "B/\"b\"", 10), city("c-tl", "Ç\t\n", 20)],
            links: [
                CityLink(
                    sourceID: "a-tl", targetID: "b-tl", kind: .cooperation, since: 2020, evidence: awkward,
                    cooperationType: .residency, url: "https://example.org/a/b?x=\"1\""),
                CityLink(sourceID: "b-tl", targetID: "c-tl", kind: .sisterCity, since: nil, evidence: "\\\u{0}"),
                CityLink(sourceID: "a-tl", targetID: "c-tl", kind: .proposed, since: nil, evidence: awkward),
            ])
        let suggester = PartnerSuggester(dataset: dataset, communities: .connectedComponents)
        for u in dataset.cities.indices {
            for goal in PartnerGoal.allCases {
                let s = try suggester.suggest(PartnerQuery(city: u, goal: goal, top: nil, includeLinked: true))
                #expect(try PartnerSuggestionsOutput.json(s) == PartnerSuggestionsJSON.encoded(s))
            }
        }
    }

    /// Numbers as `JSONEncoder` writes them: shortest round trip, no `.0`, exponents.
    @Test(arguments: [
        0, -0.0, 1, -3, 0.1, 0.25, 1e-6, 1.5e-7, 123_456_789.125, 1e15, 1e16, 1e20, 1.5e300, .leastNonzeroMagnitude,
        Double.greatestFiniteMagnitude, -1e-300,
    ])
    func numbersAreWrittenAsTheEncoderWritesThem(x: Double) throws {
        var writer = PrettyJSONWriter()
        writer.beginArray()
        writer.element()
        try writer.double(x)
        writer.endArray()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        #expect(writer.text == String(decoding: try encoder.encode([x]), as: UTF8.self))
    }

    @Test(arguments: [0, 7, 10, -5, 99, 1_234_567_890, 12_345_678_901, -98_765_432_109_876, Int.max, Int.min])
    func integersAreWrittenAsTheEncoderWritesThem(n: Int) throws {
        var writer = PrettyJSONWriter()
        writer.beginArray()
        writer.element()
        writer.int(n)
        writer.endArray()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        #expect(writer.text == String(decoding: try encoder.encode([n]), as: UTF8.self))
    }

    @Test func theBytesAreTheText() throws {
        let suggester = try #require(PartnerSuggesterTests.suggester)
        let s = try suggester.suggest(PartnerQuery(city: 0, top: 5))
        for format in PartnerOutputFormat.allCases {
            #expect(
                try PartnerSuggestionsOutput.utf8(s, as: format)
                    == Array(PartnerSuggestionsOutput.render(s, as: format).utf8))
        }
    }

    @Test func deepNestingIsIndentedAsTheEncoderDoes() throws {
        var writer = PrettyJSONWriter()
        for _ in 0..<20 {
            writer.beginArray()
            writer.element()
        }
        writer.beginArray()
        writer.endArray()
        for _ in 0..<20 { writer.endArray() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        #expect(writer.text == String(decoding: try encoder.encode(Nested(depth: 20)), as: UTF8.self))
    }

    /// An array nested `depth` times around an empty one.
    struct Nested: Encodable {
        let depth: Int
        func encode(to encoder: Encoder) throws {
            var container = encoder.unkeyedContainer()
            if depth > 0 { try container.encode(Nested(depth: depth - 1)) }
        }
    }

    @Test func nonFiniteNumbersAreRefused() {
        var writer = PrettyJSONWriter()
        #expect(throws: EncodingError.self) { try writer.double(.nan) }
        #expect(throws: EncodingError.self) { try writer.double(.infinity) }
    }
}

/// The JSON document of `uccn partners --format json` (see `docs/partners.md`) as `Encodable`
/// values: the reference the hand-written writer is compared with, encoded by Foundation's
/// `JSONEncoder` with the formatting the output promises.
struct PartnerSuggestionsJSON: Encodable {
    /// The text `JSONEncoder` gives for `s`, with the final newline of the command.
    static func encoded(_ s: PartnerSuggestions) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(PartnerSuggestionsJSON(s))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct CityRef: Encodable {
        let id: String
        let name: String
    }
    struct CityInfo: Encodable {
        let id, name, country, iso2, region, field: String
        let year: Int?
        init(_ c: City) {
            id = c.id; name = c.name; country = c.country; iso2 = c.iso2
            region = c.region.rawValue; field = c.field.rawValue; year = c.year
        }
        func encode(to encoder: Encoder) throws {
            var k = encoder.container(keyedBy: CodingKeys.self)
            try k.encode(id, forKey: .id); try k.encode(name, forKey: .name)
            try k.encode(country, forKey: .country); try k.encode(iso2, forKey: .iso2)
            try k.encode(region, forKey: .region); try k.encode(field, forKey: .field)
            try k.encode(year, forKey: .year)
        }
        enum CodingKeys: String, CodingKey { case id, name, country, iso2, region, field, year }
    }
    struct Filters: Encodable {
        let field: String?, region: String?, country: String?
        let includeLinked: Bool
        let top: Int?
        func encode(to encoder: Encoder) throws {
            var k = encoder.container(keyedBy: CodingKeys.self)
            try k.encode(field, forKey: .field); try k.encode(region, forKey: .region)
            try k.encode(country, forKey: .country); try k.encode(includeLinked, forKey: .includeLinked)
            try k.encode(top, forKey: .top)
        }
        enum CodingKeys: String, CodingKey { case field, region, country, includeLinked, top }
    }
    struct Score: Encodable {
        let score: String
        let raw, normalized, weight, contribution: Double
    }
    struct Link: Encodable {
        let kind: String
        let since: Int?
        let evidence: String
        let type: String?
        let url: String?
        func encode(to encoder: Encoder) throws {
            var k = encoder.container(keyedBy: CodingKeys.self)
            try k.encode(kind, forKey: .kind); try k.encode(since, forKey: .since)
            try k.encode(evidence, forKey: .evidence); try k.encode(type, forKey: .type)
            try k.encode(url, forKey: .url)
        }
        enum CodingKeys: String, CodingKey { case kind, since, evidence, type, url }
    }
    struct SharedPartner: Encodable {
        let id: String
        let name: String
        let types: [String]
    }
    struct Ranks: Encodable {
        let betweenness: Int
        let closeness: Int
    }
    struct WhatIf: Encodable {
        let betweennessRank: RankChange
        let closenessRank: RankChange
    }
    struct Suggestion: Encodable {
        let rank: Int
        let city: CityInfo
        let status: String
        let score: Double
        let scores: [Score]
        let commonPartners: [CityRef]
        let hops: Int?
        let distanceKm: Double?
        let membershipYears: Int?
        let partnerCount: Int
        let links: [Link]
        let reasons: [String]
        let whatIf: WhatIf?
        let cooperationPartners: [SharedPartner]
        let cooperationCount: Int
        let tiedWithRank: Int?
        func encode(to encoder: Encoder) throws {
            var k = encoder.container(keyedBy: CodingKeys.self)
            try k.encode(rank, forKey: .rank); try k.encode(city, forKey: .city)
            try k.encode(status, forKey: .status); try k.encode(score, forKey: .score)
            try k.encode(scores, forKey: .scores); try k.encode(commonPartners, forKey: .commonPartners)
            try k.encode(hops, forKey: .hops); try k.encode(distanceKm, forKey: .distanceKm)
            try k.encode(membershipYears, forKey: .membershipYears)
            try k.encode(partnerCount, forKey: .partnerCount)
            try k.encode(links, forKey: .links); try k.encode(reasons, forKey: .reasons)
            try k.encode(whatIf, forKey: .whatIf)
            try k.encode(cooperationPartners, forKey: .cooperationPartners)
            try k.encode(cooperationCount, forKey: .cooperationCount)
            try k.encode(tiedWithRank, forKey: .tiedWithRank)
        }
        enum CodingKeys: String, CodingKey {
            case rank, city, status, score, scores, commonPartners, hops, distanceKm, membershipYears,
                partnerCount, links, reasons, whatIf, cooperationPartners, cooperationCount, tiedWithRank
        }
    }

    let city: CityInfo
    let communitySource: String
    let referenceYear: Int
    let filters: Filters
    let weights: PartnerWeights
    let existingPartners: [CityRef]
    let proposedPartners: [CityRef]
    let candidateCount: Int
    let centralityRanks: Ranks?
    let suggestions: [Suggestion]
    let goal: String
    let layers: [String]
    let sisterCities: [CityRef]
    let lacksNetworkEvidence: Bool

    func encode(to encoder: Encoder) throws {
        var k = encoder.container(keyedBy: CodingKeys.self)
        try k.encode(city, forKey: .city); try k.encode(communitySource, forKey: .communitySource)
        try k.encode(referenceYear, forKey: .referenceYear); try k.encode(filters, forKey: .filters)
        try k.encode(weights, forKey: .weights); try k.encode(existingPartners, forKey: .existingPartners)
        try k.encode(proposedPartners, forKey: .proposedPartners); try k.encode(candidateCount, forKey: .candidateCount)
        try k.encode(centralityRanks, forKey: .centralityRanks); try k.encode(suggestions, forKey: .suggestions)
        try k.encode(goal, forKey: .goal); try k.encode(layers, forKey: .layers)
        try k.encode(sisterCities, forKey: .sisterCities)
        try k.encode(lacksNetworkEvidence, forKey: .lacksNetworkEvidence)
    }
    enum CodingKeys: String, CodingKey {
        case city, communitySource, referenceYear, filters, weights, existingPartners, proposedPartners,
            candidateCount, centralityRanks, suggestions, goal, layers, sisterCities, lacksNetworkEvidence
    }

    init(_ s: PartnerSuggestions) {
        city = CityInfo(s.city)
        communitySource = s.communitySource.rawValue
        referenceYear = s.referenceYear
        filters = Filters(
            field: s.query.field?.rawValue, region: s.query.region?.rawValue,
            country: s.query.countryISO2, includeLinked: s.query.includeLinked, top: s.query.top)
        weights = s.query.weights
        existingPartners = s.existingPartners.map { CityRef(id: $0.id, name: $0.name) }
        proposedPartners = s.proposedPartners.map { CityRef(id: $0.id, name: $0.name) }
        candidateCount = s.candidateCount
        centralityRanks = s.centralityRanks.map { Ranks(betweenness: $0.betweenness, closeness: $0.closeness) }
        goal = s.query.goal.rawValue
        layers = LinkKind.allCases.filter { s.layers.contains($0) }.map(\.rawValue)
        sisterCities = s.sisterCities.map { CityRef(id: $0.id, name: $0.name) }
        lacksNetworkEvidence = s.lacksNetworkEvidence
        suggestions = s.suggestions.map { p in
            Suggestion(
                rank: p.rank, city: CityInfo(p.city), status: p.status.rawValue, score: rounded(p.score, 6),
                scores: p.breakdown.map {
                    Score(
                        score: $0.score.rawValue, raw: rounded($0.raw, 6), normalized: rounded($0.normalized, 6),
                        weight: $0.weight, contribution: rounded($0.contribution, 6))
                },
                commonPartners: p.commonPartners.map { CityRef(id: $0.id, name: $0.name) },
                hops: p.evidence.hops, distanceKm: p.evidence.distanceKm.map { rounded($0, 1) },
                membershipYears: p.evidence.membershipYears, partnerCount: p.evidence.candidateDegree,
                links: p.links.map {
                    Link(
                        kind: $0.kind.rawValue, since: $0.since, evidence: $0.evidence,
                        type: $0.cooperationType?.rawValue, url: $0.url)
                },
                reasons: p.reasons,
                whatIf: p.whatIf.map { WhatIf(betweennessRank: $0.betweenness, closenessRank: $0.closeness) },
                cooperationPartners: p.sharedCooperation.map {
                    SharedPartner(id: $0.city.id, name: $0.city.name, types: $0.types.sorted().map(\.rawValue))
                },
                cooperationCount: p.evidence.candidateCooperationCount, tiedWithRank: p.tiedWithRank)
        }
    }
}
