import ArgumentParser
import CreativeCities
import Foundation

/// `uccn partners CITY`: ranked, explained partner suggestions for a member city.
struct PartnersCommand: FailureReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners",
        abstract: "Suggest partner cities for a member city, ranked and explained.",
        discussion: """
            Scores every other member city on network evidence (shared partners, Jaccard, \
            Adamic–Adar, resource allocation, preferential attachment, same community, path \
            proximity, on sister-city and partnership links) and on the network's purpose (same \
            or complementary creative field, same UNESCO region, distance, years of membership), \
            combines them with weights (--weights FILE to override) and explains each suggestion. \
            Cities already linked are left out unless --include-linked; proposed partners are \
            ranked and flagged as proposed. See docs/partners.md.
            """)

    @Argument(
        help:
            "The city: a name (Hanoi, \"Ha Noi\", hà nội), a name with its country (\"Granada, Spain\") or an id (hanoi-vn)."
    )
    var city: String

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

    static let failureWording = FailureWording(prefix: "uccn partners: ")

    func execute() throws {
        guard let outputFormat = PartnerOutputFormat(rawValue: format.lowercased()) else {
            throw CommandFailure.usage("unknown format \"\(format)\"; expected table, csv or json")
        }
        guard top >= 1 else { throw CommandFailure.usage("--top must be at least 1, got \(top)") }
        let dataset = try graph.load(citiesFile: cities, linksFile: links)
        let lookup = CityLookup(dataset: dataset)
        let index: Int
        do {
            index = try lookup.index(of: city)
        } catch {
            throw CommandFailure.usage(error.description)
        }
        let weightValues = try loadPartnerWeights(weights)
        let suggester = PartnerSuggester(dataset: dataset)
        do {
            let query = PartnerQuery(
                city: index, top: top,
                field: try field.map { try PartnerSuggester.field($0) },
                region: try region.map { try PartnerSuggester.region($0) },
                countryISO2: try country.map { try suggester.countryISO2($0) },
                includeLinked: includeLinked, weights: weightValues, whatIfLimit: whatIf)
            let result = try suggester.suggest(query)
            print(try PartnerSuggestionsOutput.render(result, as: outputFormat), terminator: "")
        } catch let error as PartnerQueryError {
            throw CommandFailure.usage(error.description)
        }
    }
}

/// The score weights in the file at `path` (JSON or YAML), the defaults without one.
func loadPartnerWeights(_ path: String?) throws(CommandFailure) -> PartnerWeights {
    guard let path else { return .defaults }
    do {
        return try PartnerWeights.load(from: URL(fileURLWithPath: path))
    } catch {
        throw .runtime(error.description)
    }
}
