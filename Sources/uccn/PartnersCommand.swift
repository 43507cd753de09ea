import ArgumentParser
import CreativeCities
import Foundation

/// `uccn partners CITY`: ranked, explained partner suggestions for a member city.
struct PartnersCommand: FailureReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners",
        abstract: "Suggest partner cities for a member city, ranked and explained.",
        discussion: """
            --goal cooperation (the default) ranks the member cities the city is most likely to \
            work with in the UCCN, with weights fitted on documented cooperation (cooperation.csv): \
            same field and the field's subnetwork, shared cooperation partners, paths through \
            cooperation links, documented activity, field affinity, country, region, distance, \
            membership, and sister-city links as a weak signal. --goal twinning keeps the ranking \
            tuned on sister-city links (shared partners, Jaccard, Adamic–Adar, resource allocation, \
            preferential attachment, community, path proximity, field, region, distance, \
            membership). --layers names the link layers used. Weights can be overridden with \
            --weights FILE. Cities already partners for the goal are left out unless \
            --include-linked; proposed and planned partners are ranked and flagged as proposed. \
            See docs/partners.md.
            """)

    @Argument(
        help:
            "The city: a name (Hanoi, \"Ha Noi\", hà nội), a name with its country (\"Granada, Spain\") or an id (hanoi-vn)."
    )
    var city: String

    @Option(help: "What the ranking is for: cooperation (work together in the UCCN) or twinning (sister cities).")
    var goal: String = "cooperation"

    @Option(
        help: ArgumentHelp(
            "Link layers the ranking may use, comma-separated: sister-city, partnership, cooperation, proposed, planned, or all.",
            valueName: "layers"))
    var layers: String = "all"

    @Option(parsing: .unconditional, help: "How many suggestions to show.")
    var top: Int = 10

    @Option(help: "Only candidates of this creative field (e.g. Design, \"Media Arts\").")
    var field: String?

    @Option(help: "Only candidates of this UNESCO region (e.g. \"Asia and the Pacific\", Europe).")
    var region: String?

    @Option(help: "Only candidates of this country (name or ISO code, e.g. Japan or JP).")
    var country: String?

    @Flag(help: "Also rank cities that already cooperate with the city.")
    var includeLinked = false

    @Option(
        name: .customLong("what-if"),
        help:
            "For the first N suggestions, show how the city's betweenness and closeness ranks would change if the link were made (0: off)."
    )
    var whatIf: Int = 10

    @Option(help: "A JSON or YAML file of score weights overriding the defaults.")
    var weights: String?

    @Option(help: "Output format: table, csv or json.")
    var format: String = "table"

    @OptionGroup var graph: DatasetOptions<GraphFolderOption>

    @Option(help: "A cities file (with --links) instead of a directory.")
    var cities: String?

    @Option(help: "A links file (with --cities) instead of a directory.")
    var links: String?

    @Option(help: "With --cities and --links: a documented cooperation file (columns of Graphs/cooperation.csv).")
    var cooperation: String?

    @Option(help: "With --cities and --links: a planned cooperation file (columns of Graphs/planned.csv).")
    var planned: String?

    static let failureWording = FailureWording(prefix: "uccn partners: ")

    func execute() throws {
        guard let outputFormat = PartnerOutputFormat(rawValue: format.lowercased()) else {
            throw CommandFailure.usage("unknown format \"\(format)\"; expected table, csv or json")
        }
        guard top >= 1 else { throw CommandFailure.usage("--top must be at least 1, got \(top)") }
        guard let goalValue = PartnerGoal(name: goal) else {
            throw CommandFailure.usage("unknown goal \"\(goal)\"; expected cooperation or twinning")
        }
        let layerSet: Set<LinkKind>
        do {
            layerSet = try LinkKind.layers(layers)
        } catch {
            throw CommandFailure.usage(error.description)
        }
        let dataset = try graph.load(
            citiesFile: cities, linksFile: links, cooperationFile: cooperation, plannedFile: planned)
        let weightValues = try weights.map { path throws(CommandFailure) in
            try loadPartnerWeights(path, over: goalValue.defaultWeights)
        }
        let request = PartnerRequest(
            city: city, goal: goalValue, layers: layerSet, top: top, field: field, region: region, country: country,
            includeLinked: includeLinked, whatIf: whatIf, weights: weightValues)
        do {
            let result = try request.suggestions(in: dataset)
            print(try PartnerSuggestionsOutput.render(result, as: outputFormat), terminator: "")
        } catch let error as PartnerRequestError {
            throw CommandFailure.usage(error.description)
        }
    }
}

/// The score weights in the file at `path` (JSON or YAML) over `base`, `base` without one.
func loadPartnerWeights(
    _ path: String?, over base: PartnerWeights = .defaults
) throws(CommandFailure)
    -> PartnerWeights
{
    guard let path else { return base }
    do {
        return try PartnerWeights.load(from: URL(fileURLWithPath: path), over: base)
    } catch {
        throw .runtime(error.description)
    }
}
