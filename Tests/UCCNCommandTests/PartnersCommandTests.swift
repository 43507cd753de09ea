import Foundation
import Testing

@Suite struct PartnersCommandTests {
    @Test func ranksHanoiForCooperationByDefault() throws {
        let r = try CommandRunner.run(["partners", "Hanoi"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout.hasPrefix(
                "Partner suggestions for Hanoi (Viet Nam), City of Design since 2019\nRanked for cooperation"))
        #expect(r.stdout.contains("Documented cooperation (2): Dundee, Singapore"))
        #expect(r.stdout.contains("in the Cities of Design subnetwork"))
        #expect(r.stdout.contains("documented cooperation with "))
        #expect(r.stdout.contains("if linked: Hanoi betweenness rank"))
        let json = try CommandRunner.run(["partners", "Hanoi", "--format", "json", "--top", "1"])
        #expect(json.stdout.contains("\"goal\" : \"cooperation\""))
    }

    @Test func twinningKeepsTodaysRanking() throws {
        let r = try CommandRunner.run(["partners", "Hanoi", "--goal", "twinning"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Partner suggestions for Hanoi (Viet Nam), City of Design since 2019"))
        #expect(r.stdout.contains("Existing partners (6): Angoulême, Bangkok, Beijing, Jakarta, Montreal, Seoul"))
        #expect(r.stdout.contains("proposed in 2020 by UNESCO's office in Viet Nam"))
        #expect(r.stdout.contains("why: "))
        #expect(r.stdout.contains("Hanoi now: betweenness rank 97, closeness rank 63 of 405"))
        #expect(r.stdout.contains("if linked: Hanoi betweenness rank 97 → 90, closeness rank 63 → 53"))
        #expect(!r.stdout.contains("  Seoul "))
    }

    @Test(arguments: ["Ha Noi", "hà nội", "HANOI", "hanoi-vn"])
    func everySpellingGivesTheSameOutput(_ name: String) throws {
        let reference = try CommandRunner.run(["partners", "Hanoi", "--top", "5"])
        let r = try CommandRunner.run(["partners", name, "--top", "5"])
        #expect(r.status == 0)
        #expect(r.stdout == reference.stdout)
    }

    @Test func anAmbiguousNameIsAUsageErrorListingTheCandidates() throws {
        let r = try CommandRunner.run(["partners", "Granada"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("granada-es"))
        #expect(r.stderr.contains("granada-ni"))
        #expect(r.stdout.isEmpty)
    }

    @Test func anUnknownNameSuggestsCloseNames() throws {
        let r = try CommandRunner.run(["partners", "Hanoy"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("did you mean Hanoi (hanoi-vn)"))
    }

    @Test func filtersAndCSV() throws {
        let r = try CommandRunner.run([
            "partners", "Hanoi", "--field", "design", "--region", "Europe", "--top", "50", "--format", "csv",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("rank,id,city,country,field,region,status,score,") == true)
        #expect(lines.count > 2)
        for line in lines.dropFirst() {
            #expect(line.contains(",Design,Europe and North America,"))
        }
        let japan = try CommandRunner.run(["partners", "Hanoi", "--country", "JP", "--format", "csv"])
        #expect(japan.stdout.contains("kobe-jp"))
        #expect(japan.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.contains("Japan") })
    }

    @Test func includeLinkedShowsExistingPartners() throws {
        func ids(_ csv: String) -> [Substring] {
            csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] }
        }
        let without = try CommandRunner.run([
            "partners", "Hanoi", "--goal", "twinning", "--top", "500", "--format", "csv",
        ])
        #expect(!ids(without.stdout).contains("seoul-kr"))
        #expect(ids(without.stdout).count == 398)
        let with = try CommandRunner.run([
            "partners", "Hanoi", "--goal", "twinning", "--top", "500", "--format", "csv", "--include-linked",
        ])
        #expect(ids(with.stdout).contains("seoul-kr"))
        #expect(ids(with.stdout).count == 404)
        #expect(with.stdout.contains(",linked,"))
    }

    @Test func jsonIsDeterministic() throws {
        let a = try CommandRunner.run(["partners", "Hanoi", "--format", "json"])
        let b = try CommandRunner.run(["partners", "Hanoi", "--format", "json"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        let object = try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any]
        #expect((object?["suggestions"] as? [Any])?.count == 10)
    }

    @Test func aWeightsFileChangesTheRanking() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("uccn-partners-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Only distance counts: the nearest city comes first (Nan, Thailand, 585 km; Python haversine).
        let near = dir.appendingPathComponent("near.yaml")
        let zeros = [
            "commonPartners", "jaccard", "adamicAdar", "resourceAllocation", "preferentialAttachment",
            "sameCommunity", "pathProximity", "sameField", "complementaryField", "sameRegion", "membershipYears",
        ]
        try (zeros.map { "\($0): 0" } + ["geographicProximity: 1"]).joined(separator: "\n").write(
            to: near, atomically: true, encoding: .utf8)
        let r = try CommandRunner.run([
            "partners", "Hanoi", "--goal", "twinning", "--weights", near.path, "--top", "3", "--format", "csv",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let ids = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] }
        #expect(ids == ["nan-th", "hoi-an-vn", "chiang-rai-th"])

        let bad = dir.appendingPathComponent("bad.json")
        try #"{"sameField": 1, "distance": 2}"#.write(to: bad, atomically: true, encoding: .utf8)
        let e = try CommandRunner.run(["partners", "Hanoi", "--weights", bad.path])
        #expect(e.status == 1)
        #expect(e.stderr.contains(bad.path))
        #expect(e.stderr.contains("unknown weight \"distance\""))
    }

    @Test func anotherNetworkFromFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("uccn-partners-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
        id,city,country,iso2,unesco_region,field,year,latitude,longitude,source
        a-xx,Aville,X,XX,Africa,Design,2010,0,0,s
        b-xx,Bville,X,XX,Africa,Music,2012,0,1,s
        c-xx,Cville,X,XX,Africa,Design,2014,0,2,s

        """.write(to: dir.appendingPathComponent("cities.csv"), atomically: true, encoding: .utf8)
        try """
        source_id,target_id,kind,since,evidence
        a-xx,b-xx,sister-city,,e
        b-xx,c-xx,sister-city,,e

        """.write(to: dir.appendingPathComponent("links.csv"), atomically: true, encoding: .utf8)
        let r = try CommandRunner.run([
            "partners", "aville", "--goal", "twinning", "--graph", dir.path, "--format", "csv",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("c-xx"))
        #expect(r.stdout.contains("shares 1 partner (Bville)"))
        let files = try CommandRunner.run([
            "partners", "aville", "--cities", dir.appendingPathComponent("cities.csv").path,
            "--links", dir.appendingPathComponent("links.csv").path, "--format", "csv", "--goal", "twinning",
        ])
        #expect(files.stdout == r.stdout)
        let half = try CommandRunner.run([
            "partners", "aville", "--cities", dir.appendingPathComponent("cities.csv").path,
        ])
        #expect(half.status == 2)
    }

    @Test func cooperationEvaluationPrintsTheTable() throws {
        let r = try CommandRunner.run(["partners-eval", "--seeds", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("| ranking | kind | hits@10 | hits@20 | MRR | median rank | AUC |"))
        #expect(r.stdout.contains("| same field, then nearest | baseline |"))
        #expect(r.stdout.contains("| same field, then most documented cooperation | baseline |"))
        #expect(r.stdout.contains("| twinning weights (the previous default) | twinning |"))
        #expect(r.stdout.contains("| **fitted (cooperation)** | fitted |"))
    }

    @Test func evaluationPrintsTheTable() throws {
        let r = try CommandRunner.run(["partners-eval", "--goal", "twinning", "--seeds", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("| **combined** | combined |"))
        #expect(r.stdout.contains("| resource allocation | network |"))
        let bad = try CommandRunner.run(["partners-eval", "--goal", "twinning", "--holdout", "1.5"])
        #expect(bad.status == 2)
    }
}
