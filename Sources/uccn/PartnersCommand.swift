import ArgumentParser
import CreativeCities
import Foundation

/// `uccn partners CITY`: ranked, explained partner suggestions for a member city.
struct PartnersCommand: ParsableCommand {
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

    @Argument(help: "The city: a name (Hanoi, \"Ha Noi\", hà nội), a name with its country (\"Granada, Spain\") or an id (hanoi-vn).")
    var city: String

    @Option(help: "How many suggestions to show.")
    var top: Int = 10

    @Option(help: "Only candidates of this creative field (e.g. Design, \"Media Arts\").")
    var field: String?

    @Option(help: "Only candidates of this UNESCO region (e.g. \"Asia and the Pacific\", Europe).")
    var region: String?

    @Option(help: "Only candidates of this country (name or ISO code, e.g. Japan or JP).")
    var country: String?

    @Flag(help: "Also rank cities that already cooperate with the city.")
    var includeLinked = false

    @Option(name: .customLong("what-if"), help: "For the first N suggestions, show how the city's betweenness and closeness ranks would change if the link were made (0: off).")
    var whatIf: Int = 10

    @Option(help: "A JSON or YAML file of score weights overriding the defaults.")
    var weights: String?

    @Option(help: "Output format: table, csv or json.")
    var format: String = "table"

    @Option(help: "A directory holding cities.csv and links.csv (default: the bundled Graphs/).")
    var graph: String?

    @Option(help: "A cities file (with --links) instead of a directory.")
    var cities: String?

    @Option(help: "A links file (with --cities) instead of a directory.")
    var links: String?

    func run() throws {
        try reportingPartnersFailures(execute)
    }

    private func execute() throws {
        guard let outputFormat = PartnerOutputFormat(rawValue: format.lowercased()) else {
            throw PartnersFailure.usage("unknown format \"\(format)\"; expected table, csv or json")
        }
        guard top >= 1 else { throw PartnersFailure.usage("--top must be at least 1, got \(top)") }
        let dataset = try loadPartnerDataset(graph: graph, cities: cities, links: links)
        let lookup = CityLookup(dataset: dataset)
        let index: Int
        do {
            index = try lookup.index(of: city)
        } catch {
            throw PartnersFailure.usage(error.description)
        }
        var weightValues = PartnerWeights.defaults
        if let weights {
            do {
                weightValues = try PartnerWeights.load(from: URL(fileURLWithPath: weights))
            } catch {
                throw PartnersFailure.runtime(error.description)
            }
        }
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
            throw PartnersFailure.usage(error.description)
        }
    }
}

/// Loads the dataset from a directory, a pair of files, or the bundled data.
func loadPartnerDataset(graph: String?, cities: String?, links: String?) throws -> CreativeCitiesDataset {
    do {
        switch (graph, cities, links) {
        case (nil, nil, nil):
            return try CreativeCitiesDataset.load(directory: CreativeCitiesDataset.defaultDirectory())
        case let (directory?, nil, nil):
            return try CreativeCitiesDataset.load(directory: URL(fileURLWithPath: directory, isDirectory: true))
        case let (nil, citiesFile?, linksFile?):
            return try CreativeCitiesDataset.load(
                citiesFile: URL(fileURLWithPath: citiesFile), linksFile: URL(fileURLWithPath: linksFile))
        default:
            throw PartnersFailure.usage("give either --graph DIR or both --cities FILE and --links FILE")
        }
    } catch let error as DatasetError {
        throw PartnersFailure.runtime(error.description)
    }
}

/// An error that ends a command with a message on stderr and the project's exit code
/// (1 runtime, 2 usage).
enum PartnersFailure: Error, CustomStringConvertible {
    case runtime(String)
    case usage(String)

    var description: String {
        switch self {
        case let .runtime(message), let .usage(message): return message
        }
    }
}

extension ParsableCommand {
    /// Runs `body`, turning ``PartnersFailure`` into a message on stderr and its exit code.
    func reportingPartnersFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as PartnersFailure {
            FileHandle.standardError.write(Data("error: \(failure.description)\n".utf8))
            switch failure {
            case .runtime: throw ExitCode(1)
            case .usage: throw ExitCode(2)
            }
        }
    }
}
