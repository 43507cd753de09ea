import Foundation
import Testing

@Suite struct MapCommandTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("uccn-map-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesTheSVGMapWithEveryCity() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("maps/uccn.svg")
        let result = try CommandRunner.run(["map", "--output", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("405 cities"))
        let svg = try String(contentsOf: file, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml"))
        #expect(
            svg.contains("<g id=\"hanoi&#45;vn\" class=\"node design asia&#45;and&#45;the&#45;pacific community&#45;"))
        #expect(svg.components(separatedBy: "<g id=\"").count > 405)
    }

    @Test func sameSeedGivesTheSameFileAcrossRuns() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.svg"), b = dir.appendingPathComponent("b.svg")
        #expect(try CommandRunner.run(["map", "--output", a.path, "--seed", "5"]).status == 0)
        #expect(try CommandRunner.run(["map", "--output", b.path, "--seed", "5"]).status == 0)
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
    }

    @Test(arguments: [("map.png", [UInt8]([0x89, 0x50, 0x4E, 0x47])), ("map.pdf", Array("%PDF".utf8))])
    func formatFollowsTheExtension(name: String, magic: [UInt8]) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name)
        let result = try CommandRunner.run(["map", "--output", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Array(try Data(contentsOf: file).prefix(4)) == magic)
    }

    @Test func unknownEngineExitsWith3AndListsTheEngines() throws {
        let result = try CommandRunner.run(["map", "--engine", "spring", "--output", "/tmp/never-written.svg"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("unknown layout engine \"spring\""))
        #expect(result.stderr.contains("sfdp"))
    }

    @Test func refusedLayoutLeavesAnExistingFileIntact() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("map.svg")
        try Data("previous map".utf8).write(to: file)
        let result = try CommandRunner.run(["map", "--engine", "circo", "--output", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("too large for circo"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "previous map")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["map.svg"])
    }

    @Test func unsupportedExtensionIsAUsageError() throws {
        let result = try CommandRunner.run(["map", "--output", "/tmp/map.jpg"])
        #expect(result.status == 64 || result.status == 2)
        #expect(result.stderr.contains(".jpg"))
    }

    @Test func egoMapOfACityByName() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("hanoi.svg")
        let result = try CommandRunner.run(["map", "--city", "hanoi", "--radius", "1", "--output", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("12 cities"))
        let svg = try String(contentsOf: file, encoding: .utf8)
        #expect(svg.contains("focus\">"))
        #expect(svg.contains("id=\"seoul&#45;kr\""))
        #expect(!svg.contains("id=\"rio&#45;de&#45;janeiro&#45;br\""))
    }

    @Test func egoMapWithSuggestedPartners() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("hanoi.svg")
        let result = try CommandRunner.run(["map", "--city", "Ha Noi", "--suggest", "4", "--output", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOf: file, encoding: .utf8)
        let suggested = svg.components(separatedBy: "class=\"edge suggested\"").count - 1
        #expect(suggested == 4)
        #expect(svg.contains("Suggested partners, best first: "))
    }

    @Test func egoMapIsTheSameFileAcrossRuns() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.svg"), b = dir.appendingPathComponent("b.svg")
        #expect(try CommandRunner.run(["map", "--city", "hanoi-vn", "--radius", "2", "-o", a.path]).status == 0)
        #expect(try CommandRunner.run(["map", "--city", "hanoi-vn", "--radius", "2", "-o", b.path]).status == 0)
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
    }

    @Test func geographicMapNamesTheCitiesItCannotPlace() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("geo.svg")
        let result = try CommandRunner.run([
            "map", "--geo", "--size-by", "betweenness", "--link-to", "report.html", "-o", file.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("403 cities"))
        #expect(result.stdout.contains("not placed (no coordinates): Sifnos"))
        let svg = try String(contentsOf: file, encoding: .utf8)
        #expect(svg.contains("xlink:href=\"report.html#city-hanoi-vn\""))
        #expect(!svg.contains("id=\"sifnos&#45;gr\""))
    }

    @Test(arguments: [
        (["map", "--geo", "--engine", "sfdp"], "only neato"),
        (["map", "--radius", "2"], "--radius needs --city"),
        (["map", "--city", "Atlantis"], "no member city"),
        (["map", "--city", "hanoi", "--radius", "0"], "--radius must be 1 or more"),
        (["map", "--color-by", "taste"], "--color-by must be"),
        (["map", "--suggest", "3"], "--suggest needs --city"),
        (["map", "--city", "granada"], "names 2 member cities"),
        (["map", "--region", "Europe and North America"], "add --geo"),
        (["map", "--geo", "--region", "Oceania"], "unknown --region"),
        (["map", "--geo", "--bbox", "10,20,5,30"], "west < east"),
        (["map", "--geo", "--bbox=-10,30,40,60", "--region", "Africa"], "either --region or --bbox"),
    ])
    func usageErrorsExitWith2(arguments: [String], message: String) throws {
        let result = try CommandRunner.run(arguments + ["--output", "/tmp/never-written-\(UUID().uuidString).svg"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func unknownSizeMeasureExitsWith3() throws {
        let result = try CommandRunner.run(["map", "--size-by", "katz", "--output", "/tmp/never-written.svg"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("betweenness"))
    }

    @Test func wholeAndWorldMapsRingNoCityUnlessAsked() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in [["map"], ["map", "--geo"]] {
            let file = dir.appendingPathComponent("map.svg")
            let result = try CommandRunner.run(arguments + ["-o", file.path])
            #expect(result.status == 0, "\(result.stderr)")
            let svg = try String(contentsOf: file, encoding: .utf8)
            #expect(!svg.contains("stroke=\"#111111\""), "\(arguments)")
            #expect(!svg.contains("font-weight=\"bold\" font-size=\"14.00\">Hanoi"), "\(arguments)")
            #expect(!svg.contains("DejaVu Sans Bold"))
        }
    }

    @Test func regionalMapOfEuropeAndNorthAmerica() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("europe.svg")
        let result = try CommandRunner.run(["map", "--geo", "--region", "europe and north america", "-o", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOf: file, encoding: .utf8)
        #expect(svg.contains("UNESCO Creative Cities in Europe and North America"))
        #expect(svg.contains("id=\"berlin&#45;de\""))
        #expect(!svg.contains("id=\"hanoi&#45;vn\""))
    }

    @Test func aCityWithoutLinksGetsItsSuggestedPartners() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("dalat.svg")
        let result = try CommandRunner.run(["map", "--city", "Da Lat", "--radius", "2", "-o", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("6 cities"))
        let svg = try String(contentsOf: file, encoding: .utf8)
        #expect(svg.contains("Da Lat (Viet Nam) has no known partner city yet: its 5 suggested partners"))
        #expect(svg.components(separatedBy: "class=\"edge suggested\"").count == 6)
    }
}
