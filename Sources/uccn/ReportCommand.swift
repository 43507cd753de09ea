import ArgumentParser
import CreativeCities
import Foundation

/// `uccn report`: the planner report for one city, or for the whole network.
struct ReportCommand: FailureReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the planner report (HTML, Markdown, CSV) for a member city or the whole network.",
        discussion: """
            Writes report.html (one self-contained file: open it in any browser, print it, \
            forward it), report.md with the same content, metrics.csv (one row per city, \
            importable in Gephi) and partners.csv, plus the figures as SVG files.
            Examples:
              uccn report --city Hanoi
              uccn report --output Output/network
            """)

    @Option(
        name: .long,
        help:
            "The city the report is about: a name (Hanoi) or an id (hanoi-vn). Without it, the report covers the whole network."
    )
    var city: String?

    @Option(name: .long, help: "Folder to write into (default Output/<city-id>/, or Output/network/).")
    var output: String?

    @OptionGroup var data: DatasetOptions<ReportDataFolderOption>

    @Option(name: .long, help: "Seed of every randomised step; the same seed and data give the same files.")
    var seed: UInt64 = 42

    @Option(name: .long, help: "Links from the city shown on its own map.")
    var radius: Int = 1

    @Option(name: .long, parsing: .unconditional, help: "Cities in top lists and labelled on maps.")
    var top: Int = 10

    @Option(name: .customLong("color-by"), help: "What the maps' colours show: community, field or region.")
    var colorBy: String = "community"

    @Option(
        name: .customLong("size-by"),
        help:
            "The measure that sizes cities on the maps: links, betweenness, closeness, pagerank, eigenvector, harmonic or kcore."
    )
    var sizeBy: String = "links"

    static let failureWording = FailureWording(prefix: "uccn report: ")

    func execute() throws {
        guard (1...4).contains(radius) else { throw CommandFailure.usage("--radius must be 1 to 4, got \(radius)") }
        guard (1...100).contains(top) else { throw CommandFailure.usage("--top must be 1 to 100, got \(top)") }
        guard let colorBy = NetworkMap.Coloring(rawValue: colorBy.lowercased()) else {
            throw CommandFailure.usage("--color-by must be community, field or region, got \(self.colorBy)")
        }
        let sizeKeys = ["links"] + NetworkMap.sizeMeasures.filter { $0 != .degree }.map(\.rawValue)
        guard sizeKeys.contains(sizeBy.lowercased()) else {
            throw CommandFailure.unsupported(
                "unknown measure \"\(sizeBy)\" for --size-by; expected one of \(sizeKeys.joined(separator: ", "))")
        }
        let dataset = try data.load()
        var focusID: String? = nil
        if let city {
            do {
                focusID = try CityLookup(dataset: dataset).city(named: city).id
            } catch {
                throw CommandFailure.usage("\(error)")
            }
        }
        let settings = ReportSettings(
            seed: seed, radius: radius, topCount: top, colorBy: colorBy, sizeBy: sizeBy.lowercased(),
            dataLabel: data.directory ?? "Graphs/ (bundled UCCN data)")
        let outputDirectory = URL(fileURLWithPath: output ?? "Output/\(focusID ?? "network")", isDirectory: true)
        do {
            let report = try PlannerReport(
                dataset: dataset, focusCityID: focusID, notes: DatasetNotes.load(directory: data.folder),
                settings: settings)
            let files = try ReportFiles(report: report)
            try files.write(to: outputDirectory)
        } catch {
            throw CommandFailure.runtime("\(error)")
        }
        print("Wrote \(outputDirectory.path)/report.html (open it in a browser), report.md, metrics.csv, partners.csv")
    }
}
