import CreativeCities
import Foundation
import Testing

@Suite struct BundledCooperationTests {
    @Test func countsMatchTheDatasetReadme() throws {
        let data = try #require(bundledDataset)
        let cooperation = data.links.filter { $0.kind == .cooperation }
        #expect(cooperation.count == 154)
        #expect(Set(cooperation.map { [$0.sourceID, $0.targetID].sorted().joined(separator: "|") }).count == 141)
        #expect(cooperation.allSatisfy { $0.cooperationType != nil && $0.url?.hasPrefix("http") == true })
        #expect(cooperation.filter { $0.cooperationType == .residency }.count == 32)
        #expect(cooperation.filter { $0.cooperationType == .agreement }.count == 11)
        #expect(data.links.filter { $0.kind == .planned }.count == 19)
    }

    @Test func hanoiHasItsDocumentedCooperation() throws {
        let data = try #require(bundledDataset)
        let partners = data.links(of: "hanoi-vn", kinds: [.cooperation]).map { $0.other(than: "hanoi-vn") }
        #expect(Set(partners) == ["dundee-gb", "singapore-sg"])
        #expect(data.links(of: "hanoi-vn", kinds: [.cooperation]).allSatisfy { $0.cooperationType == .eventGuest })
    }

    @Test func aPairWithTwoKindsIsOneEdgeCarryingBoth() throws {
        let data = try #require(bundledDataset)
        let attributed = data.attributedGraph(including: Set(LinkKind.allCases))
        let kinds = try #require(attributed.edgeAttributes.column("kind")?.values)
        // Hanoi–Seoul: sister city and proposed.
        #expect(kinds.contains { $0?.description == "sister-city+proposed" })
        #expect(kinds.contains { $0?.description == "cooperation" })
        let types = try #require(attributed.edgeAttributes.column("cooperation_types")?.values)
        #expect(types.contains { $0?.description == "event-guest" })
    }

    @Test func layersParse() throws {
        #expect(try LinkKind.layers("sister-city, cooperation") == [.sisterCity, .cooperation])
        #expect(try LinkKind.layers("all") == Set(LinkKind.allCases))
        #expect(try LinkKind.layers("existing") == [.sisterCity, .partnership])
        #expect(throws: LinkLayerError(word: "twins")) { try LinkKind.layers("sister-city,twins") }
    }
}

@Suite struct CooperationValidationTests {
    static let cities =
        "id,city,country,iso2,unesco_region,field,year,latitude,longitude,source\n"
        + "hanoi-vn,Hanoi,Viet Nam,VN,Asia and the Pacific,Design,2019,21.0245,105.84117,s\n"
        + "seoul-kr,Seoul,Republic of Korea,KR,Asia and the Pacific,Design,2010,37.566,126.9784,s\n"
    static let links = "source_id,target_id,kind,since,evidence\n"
    static let cooperationHeader = "source_id,target_id,type,year,evidence,url\n"
    static let plannedHeader = "source_id,target_id,kind,since,evidence,url\n"
    static let good = "hanoi-vn,seoul-kr,joint-project,2021,\"\"\"We worked together\"\"\",https://example.org/a\n"

    func load(cooperation: String?, planned: String? = nil) throws -> CreativeCitiesDataset {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("uccn-cooperation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.cities.write(to: dir.appendingPathComponent("cities.csv"), atomically: true, encoding: .utf8)
        try Self.links.write(to: dir.appendingPathComponent("links.csv"), atomically: true, encoding: .utf8)
        if let cooperation {
            try cooperation.write(to: dir.appendingPathComponent("cooperation.csv"), atomically: true, encoding: .utf8)
        }
        if let planned {
            try planned.write(to: dir.appendingPathComponent("planned.csv"), atomically: true, encoding: .utf8)
        }
        return try CreativeCitiesDataset.load(directory: dir, currentYear: 2026)
    }

    func expectError(
        _ kind: DatasetError.Kind, file: String, line: Int, containing text: String,
        cooperation: String? = nil, planned: String? = nil
    ) {
        do {
            _ = try load(cooperation: cooperation, planned: planned)
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

    @Test func validFilesLoadAndTheFilesAreOptional() throws {
        let d = try load(
            cooperation: Self.cooperationHeader + Self.good,
            planned: Self.plannedHeader + "seoul-kr,hanoi-vn,planned,,\"plans\",https://example.org/p\n")
        let link = try #require(d.links.first { $0.kind == .cooperation })
        #expect(link.cooperationType == .jointProject)
        #expect(link.since == 2021)
        #expect(link.evidence == "\"We worked together\"")
        #expect(link.url == "https://example.org/a")
        #expect(d.links.filter { $0.kind == .planned }.count == 1)
        let without = try load(cooperation: nil)
        #expect(without.links.isEmpty)
    }

    @Test func unknownCity() {
        expectError(
            .unknownCity, file: "cooperation.csv", line: 2, containing: "unknown city id \"kobe-jp\"",
            cooperation: Self.cooperationHeader + Self.good.replacingOccurrences(of: "seoul-kr", with: "kobe-jp"))
    }

    @Test func unknownType() {
        expectError(
            .unknownCooperationType, file: "cooperation.csv", line: 3,
            containing: "unknown cooperation type \"friendship\"",
            cooperation: Self.cooperationHeader + Self.good
                + Self.good.replacingOccurrences(of: "joint-project", with: "friendship"))
    }

    @Test(arguments: ["2003", "2027"])
    func yearOutOfRange(year: String) {
        expectError(
            .yearOutOfRange, file: "cooperation.csv", line: 2, containing: "outside 2004…2026",
            cooperation: Self.cooperationHeader + Self.good.replacingOccurrences(of: "2021", with: year))
    }

    @Test func selfLink() {
        expectError(
            .selfLink, file: "cooperation.csv", line: 2, containing: "to itself",
            cooperation: Self.cooperationHeader + Self.good.replacingOccurrences(of: "seoul-kr", with: "hanoi-vn"))
    }

    @Test func missingAddress() {
        expectError(
            .emptyValue, file: "cooperation.csv", line: 2, containing: "not a web address",
            cooperation: Self.cooperationHeader
                + Self.good.replacingOccurrences(of: "https://example.org/a", with: ""))
    }

    @Test func missingColumn() {
        expectError(
            .missingColumn, file: "cooperation.csv", line: 1, containing: "missing column \"type\"",
            cooperation: "source_id,target_id,year,evidence,url\n")
    }

    @Test func repeatedEvidence() {
        expectError(
            .duplicateLink, file: "cooperation.csv", line: 3, containing: "repeats line 2",
            cooperation: Self.cooperationHeader + Self.good + Self.good)
    }

    @Test func plannedErrors() {
        expectError(
            .unknownLinkKind, file: "planned.csv", line: 2, containing: "expected planned",
            planned: Self.plannedHeader + "seoul-kr,hanoi-vn,sister-city,,\"plans\",https://example.org/p\n")
        expectError(
            .unknownCity, file: "planned.csv", line: 2, containing: "unknown city id",
            planned: Self.plannedHeader + "seoul-kr,busan-kr,planned,,\"plans\",https://example.org/p\n")
        expectError(
            .yearOutOfRange, file: "planned.csv", line: 2, containing: "since 1999",
            planned: Self.plannedHeader + "seoul-kr,hanoi-vn,planned,1999,\"plans\",https://example.org/p\n")
    }

    @Test func aLinksFileCannotHoldCooperationRows() {
        do {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("uccn-links-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            try Self.cities.write(to: dir.appendingPathComponent("cities.csv"), atomically: true, encoding: .utf8)
            try (Self.links + "hanoi-vn,seoul-kr,cooperation,,e\n").write(
                to: dir.appendingPathComponent("links.csv"), atomically: true, encoding: .utf8)
            _ = try CreativeCitiesDataset.load(directory: dir, currentYear: 2026)
            Issue.record("expected an unknown link kind")
        } catch let error as DatasetError {
            #expect(error.kind == .unknownLinkKind)
            #expect(error.description.contains("expected one of sister-city, partnership, proposed"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
