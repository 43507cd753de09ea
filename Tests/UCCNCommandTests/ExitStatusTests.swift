import Foundation
import Testing

/// Exit statuses and the exact wording of failures on standard error, for every command:
/// 1 runtime or data error, 2 usage error found by the command, 3 unknown or unsupported
/// measure or algorithm, 64 usage error found by the argument parser. Scripts and the
/// benchmark harness match these, so the lines are compared whole.
@Suite struct ExitStatusTests {
    static let karate = CommandRunner.packageRoot
        .appendingPathComponent("Tests/GraphAlgorithmsTests/Fixtures/karate.edges").path

    /// A dataset folder whose cities.csv has an unknown field on line 3.
    static func badDataset() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("uccn-bad-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try """
        id,city,country,iso2,unesco_region,field,year,latitude,longitude,source
        a-xx,Aville,X,XX,Africa,Design,2010,0,0,s
        b-xx,Bville,X,XX,Africa,Juggling,2012,0,1,s

        """.write(to: dir.appendingPathComponent("cities.csv"), atomically: true, encoding: .utf8)
        try "source_id,target_id,kind,since,evidence\n"
            .write(to: dir.appendingPathComponent("links.csv"), atomically: true, encoding: .utf8)
        return dir
    }

    /// Each command that reads the dataset, its folder option, and how it words a runtime error.
    static let datasetCommands: [([String], String, String)] = [
        (["map"], "--data", "uccn map: "),
        (["report"], "--data", "uccn report: "),
        (["partners", "Hanoi"], "--graph", "uccn partners: "),
        (["partners-eval"], "--graph", "uccn partners-eval: "),
    ]

    @Test(arguments: datasetCommands)
    func aBadDatasetFolderExitsWithOneNamingTheFileAndLine(command: [String], option: String, prefix: String) throws {
        let dir = try Self.badDataset()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("never-written").path
        let extra =
            command[0] == "map" ? ["--output", output + ".svg"] : command[0] == "report" ? ["--output", output] : []
        let result = try CommandRunner.run(command + [option, dir.path] + extra)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == prefix + "\(dir.path)/cities.csv:3: unknown field \"Juggling\" for b-xx; "
                + "expected one of Architecture, Crafts and Folk Art, Design, Film, Gastronomy, Literature, Media Arts, Music\n"
        )
        #expect(
            !FileManager.default.fileExists(atPath: output) && !FileManager.default.fileExists(atPath: output + ".svg"))
    }

    @Test(arguments: datasetCommands)
    func aMissingDatasetFolderExitsWithOneNamingTheFile(command: [String], option: String, prefix: String) throws {
        let dir = "/nonexistent/uccn-data"
        let result = try CommandRunner.run(command + [option, dir])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(prefix + "\(dir)/cities.csv: cannot read the file"))
    }

    @Test(arguments: datasetCommands)
    func theOtherCommandsFolderOptionIsUnknown(command: [String], option: String, prefix: String) throws {
        let other = option == "--data" ? "--graph" : "--data"
        let result = try CommandRunner.run(command + [other, "/tmp"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: Unknown option '\(other)'"))
    }

    @Test func partnersTakesAFolderOrTwoFilesNotBoth() throws {
        let dir = try Self.badDataset()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cities = dir.appendingPathComponent("cities.csv").path, links = dir.appendingPathComponent("links.csv").path
        let both = try CommandRunner.run([
            "partners", "Hanoi", "--graph", dir.path, "--cities", cities, "--links", links,
        ])
        #expect(both.status == 2)
        #expect(both.stderr == "uccn partners: give either --graph DIR or both --cities FILE and --links FILE\n")
        let files = try CommandRunner.run(["partners", "Hanoi", "--cities", cities, "--links", links])
        #expect(files.status == 1)
        #expect(files.stderr.hasPrefix("uccn partners: \(cities):3: unknown field \"Juggling\""))
    }

    @Test(arguments: [
        // map: usage errors point to --help.
        (["map", "--labels=-1"], 2, "uccn map: --labels must be 0 or more (see uccn map --help)"),
        (
            ["map", "--size-by", "fame"], 3,
            "uccn map: unknown --size-by measure \"fame\"; expected one of degree, betweenness, closeness, pagerank, eigenvector, harmonic, kcore"
        ),
        (
            ["map", "--engine", "spring", "--output", "/nonexistent/map.svg"], 3,
            "uccn map: unknown layout engine \"spring\"; available: dot, neato, fdp, sfdp, circo, twopi"
        ),
        // Every command words its failures "uccn COMMAND: ".
        (["report", "--top", "0"], 2, "uccn report: --top must be 1 to 100, got 0"),
        (
            ["report", "--size-by", "fame"], 3,
            "uccn report: unknown measure \"fame\" for --size-by; expected one of links, betweenness, closeness, pagerank, eigenvector, harmonic, kcore"
        ),
        (
            ["report", "--output", "/proc/uccn-never/x"], 1,
            "uccn report: cannot write /proc/uccn-never/x: "
        ),
        (["partners", "Hanoi", "--top", "0"], 2, "uccn partners: --top must be at least 1, got 0"),
        (
            ["partners", "Hanoi", "--weights", "/nonexistent/w.yaml"], 1,
            "uccn partners: /nonexistent/w.yaml: cannot read the weights file ("
        ),
        (["partners-eval", "--seeds", "0"], 2, "uccn partners-eval: --seeds must be at least 1, got 0"),
        (
            ["partners-eval", "--goal", "twinning", "--tune", "--keep", "fame"], 2,
            "uccn partners-eval: unknown score \"fame\" for --keep; expected one of commonPartners, jaccard, adamicAdar, resourceAllocation, preferentialAttachment, sameCommunity, pathProximity, sameField, complementaryField, sameRegion, geographicProximity, membershipYears, cooperationPartners, cooperationPathProximity, documentedActivity, subnetworkActivity, fieldAffinity, sameCountry, sisterCityLink, statedIntention"
        ),
        (
            ["partners", "Hanoi", "--goal", "friendship"], 2,
            "uccn partners: unknown goal \"friendship\"; expected cooperation or twinning"
        ),
        (
            ["partners", "Hanoi", "--layers", "twins"], 2,
            "uccn partners: unknown link layer \"twins\"; expected a comma-separated list of sister-city, partnership, cooperation, proposed, planned (or all, existing)"
        ),
        (
            ["partners-eval", "--tune"], 2,
            "uccn partners-eval: --tune, --keep and --weights belong to --goal twinning; the cooperation weights are fitted (--fit)"
        ),
        (
            ["convert", karate, "/nonexistent/out.gexf", "--max-nodes", "0"], 2,
            "uccn convert: --max-nodes must be at least 1"
        ),
        (
            ["convert", karate, "/nonexistent/out.gexf", "--with-communities", "magic"], 3,
            "uccn convert: unknown community algorithm \"magic\"; expected leiden, louvain, label-propagation, components"
        ),
        (
            ["convert", "/nonexistent/in.graphml", "/nonexistent/out.gexf"], 1,
            "uccn convert: /nonexistent/in.graphml: cannot read the file: no such file"
        ),
        (["metrics", karate, "--threads", "0"], 2, "uccn metrics: --threads must be at least 1"),
        (
            ["metrics", karate, "--measure", "fame"], 3,
            "uccn metrics: unknown measure \"fame\"; expected one of degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, katz, kcore, clustering, components, degree-centrality, in-degree, out-degree, in-degree-centrality, out-degree-centrality, weighted-clustering, triangles, edge-betweenness, transitivity, average-clustering, all"
        ),
        (["metrics", "/nonexistent/g.edges"], 1, "uccn metrics: /nonexistent/g.edges: no such file"),
        (
            ["clusters", karate, "--objective", "surprise"], 2,
            "uccn clusters: unknown objective \"surprise\"; expected modularity or cpm"
        ),
        (
            ["clusters", karate, "--tolerance=-1"], 2,
            "uccn clusters: --tolerance must be a finite number ≥ 0, found -1.0"
        ),
        (
            ["clusters", karate, "--algorithm", "spectral"], 3,
            "uccn clusters: unknown algorithm \"spectral\"; expected one of leiden, louvain, label-propagation, components"
        ),
        (["clusters", "/nonexistent/g.edges"], 1, "uccn clusters: /nonexistent/g.edges: no such file"),
    ])
    func failuresKeepTheirStatusAndWording(arguments: [String], status: Int32, line: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == status)
        // The whole line; where it ends in the system's own words (after ": " or "("), its start.
        if line.hasSuffix(": ") || line.hasSuffix("(") {
            #expect(result.stderr.hasPrefix(line))
            #expect(result.stderr.firstIndex(of: "\n") == result.stderr.index(before: result.stderr.endIndex))
        } else {
            #expect(result.stderr == line + "\n")
        }
    }

    @Test(arguments: [["map", "--bogus"], ["metrics", "--format", "xml"], ["clusters", "--runs", "many"]])
    func parserErrorsExitWith64(arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: "))
    }
}
