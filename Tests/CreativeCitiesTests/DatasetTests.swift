import CreativeCities
import Foundation
import GraphCore
import Testing

/// The bundled data, loaded once for the suite.
let bundledDataset: CreativeCitiesDataset? = try? CreativeCitiesDataset.load(
    directory: CreativeCitiesDataset.defaultDirectory())

@Suite struct BundledDatasetTests {
    @Test func countsMatchTheDatasetReadme() throws {
        let data = try #require(bundledDataset)
        #expect(data.cities.count == 405)
        #expect(data.links.filter { LinkKind.linksFileKinds.contains($0.kind) }.count == 516)
        #expect(data.links.filter { $0.kind == .sisterCity }.count == 502)
        #expect(data.links.filter { $0.kind == .partnership }.count == 7)
        #expect(data.links.filter { $0.kind == .proposed }.count == 7)
        let byField = Dictionary(grouping: data.cities, by: \.field).mapValues(\.count)
        #expect(byField[.music] == 84)
        #expect(byField[.design] == 53)
        #expect(byField[.architecture] == 5)
        let byRegion = Dictionary(grouping: data.cities, by: \.region).mapValues(\.count)
        #expect(byRegion[.europeNorthAmerica] == 177)
        #expect(byRegion[.africa] == 26)
        #expect(data.cities.filter { $0.coordinates == nil }.map(\.name).sorted() == ["Sifnos", "Vicente Lopez"])
    }

    @Test func hanoiHasItsSisterCitiesAndProposedLinks() throws {
        let data = try #require(bundledDataset)
        let hanoi = try #require(data.city(withID: "hanoi-vn"))
        #expect(hanoi.field == .design)
        #expect(hanoi.year == 2019)
        let sisters = data.links(of: "hanoi-vn", kinds: [.sisterCity]).map {
            data.city(withID: $0.other(than: "hanoi-vn"))?.name ?? ""
        }
        #expect(sisters.sorted() == ["Angoulême", "Bangkok", "Beijing", "Jakarta", "Montreal", "Seoul"])
        #expect(data.links(of: "hanoi-vn", kinds: [.proposed]).count == 7)
    }

    @Test func graphExcludesProposedLinksByDefault() throws {
        let data = try #require(bundledDataset)
        let g = data.graph()
        #expect(g.nodeCount == 405)
        let hanoi = try #require(g.node(withID: "hanoi-vn"))
        #expect(g.degree(of: hanoi) == 6)
        let withProposed = data.graph(including: [.sisterCity, .partnership, .proposed])
        // Seoul and Montreal are both sister cities and proposed: 6 + 7 − 2 distinct partners.
        #expect(withProposed.degree(of: hanoi) == 11)
        let touched = Set(
            data.links.filter { LinkKind.existing.contains($0.kind) }.flatMap { [$0.sourceID, $0.targetID] })
        #expect((0..<g.nodeCount).filter { g.degree(of: $0) > 0 }.count == touched.count)
    }
}

@Suite struct DatasetValidationTests {
    static let header = "id,city,country,iso2,unesco_region,field,year,latitude,longitude,source\n"
    static let hanoi = "hanoi-vn,Hanoi,Viet Nam,VN,Asia and the Pacific,Design,2019,21.0245,105.84117,s\n"
    static let seoul = "seoul-kr,Seoul,Republic of Korea,KR,Asia and the Pacific,Design,2010,37.566,126.9784,s\n"
    static let linksHeader = "source_id,target_id,kind,since,evidence\n"

    func load(cities: String, links: String = linksHeader) throws -> CreativeCitiesDataset {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("uccn-dataset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try cities.write(to: dir.appendingPathComponent("cities.csv"), atomically: true, encoding: .utf8)
        try links.write(to: dir.appendingPathComponent("links.csv"), atomically: true, encoding: .utf8)
        return try CreativeCitiesDataset.load(directory: dir, currentYear: 2026)
    }

    func expectError(
        _ kind: DatasetError.Kind, file: String, line: Int, containing text: String,
        cities: String, links: String = linksHeader
    ) {
        do {
            _ = try load(cities: cities, links: links)
            Issue.record("expected \(kind)")
        } catch let error as DatasetError {
            #expect(error.kind == kind)
            #expect(error.file.hasSuffix(file))
            #expect(error.line == line)
            #expect(error.description.contains(text), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func validFilesLoad() throws {
        let d = try load(
            cities: Self.header + Self.hanoi + Self.seoul,
            links: Self.linksHeader + "hanoi-vn,seoul-kr,sister-city,,\"Wikipedia, \"\"quoted\"\"\"\n")
        #expect(d.cities.count == 2)
        #expect(d.links.first?.evidence == "Wikipedia, \"quoted\"")
    }

    @Test func duplicateID() {
        expectError(
            .duplicateID, file: "cities.csv", line: 3, containing: "duplicate id \"hanoi-vn\" (first on line 2)",
            cities: Self.header + Self.hanoi + Self.hanoi)
    }

    @Test func linkToUnknownCity() {
        expectError(
            .unknownCity, file: "links.csv", line: 2, containing: "unknown city id \"kobe-jp\"",
            cities: Self.header + Self.hanoi, links: Self.linksHeader + "hanoi-vn,kobe-jp,sister-city,,e\n")
    }

    @Test func unknownField() {
        expectError(
            .unknownField, file: "cities.csv", line: 2, containing: "unknown field \"Sculpture\"",
            cities: Self.header + Self.hanoi.replacingOccurrences(of: "Design", with: "Sculpture"))
    }

    @Test func unknownRegion() {
        expectError(
            .unknownRegion, file: "cities.csv", line: 2, containing: "unknown UNESCO region \"Oceania\"",
            cities: Self.header + Self.hanoi.replacingOccurrences(of: "Asia and the Pacific", with: "Oceania"))
    }

    @Test(arguments: ["2003", "2027"])
    func yearOutOfRange(year: String) {
        expectError(
            .yearOutOfRange, file: "cities.csv", line: 2, containing: "outside 2004…2026",
            cities: Self.header + Self.hanoi.replacingOccurrences(of: "2019", with: year))
    }

    @Test func latitudeOutOfRange() {
        expectError(
            .coordinateOutOfRange, file: "cities.csv", line: 2, containing: "latitude 91.5",
            cities: Self.header + Self.hanoi.replacingOccurrences(of: "21.0245", with: "91.5"))
    }

    @Test func longitudeOutOfRange() {
        expectError(
            .coordinateOutOfRange, file: "cities.csv", line: 2, containing: "longitude 185",
            cities: Self.header + Self.hanoi.replacingOccurrences(of: "105.84117", with: "185"))
    }

    @Test func selfLink() {
        expectError(
            .selfLink, file: "links.csv", line: 2, containing: "to itself",
            cities: Self.header + Self.hanoi, links: Self.linksHeader + "hanoi-vn,hanoi-vn,sister-city,,e\n")
    }

    @Test func missingColumn() {
        expectError(
            .missingColumn, file: "cities.csv", line: 1, containing: "missing column \"unesco_region\"",
            cities: Self.header.replacingOccurrences(of: "unesco_region,", with: "") + "x\n")
    }

    @Test func unknownLinkKind() {
        expectError(
            .unknownLinkKind, file: "links.csv", line: 2, containing: "unknown link kind \"friends\"",
            cities: Self.header + Self.hanoi + Self.seoul,
            links: Self.linksHeader + "hanoi-vn,seoul-kr,friends,,e\n")
    }

    @Test func lineNumbersCountNewlinesInsideQuotedFields() {
        let multiline = "a-xx,\"A\nB\",X,XX,Africa,Music,2010,1,1,\"s\ns\"\n"
        expectError(
            .duplicateID, file: "cities.csv", line: 6, containing: "first on line 2",
            cities: Self.header + multiline + Self.hanoi + multiline)
    }
}
