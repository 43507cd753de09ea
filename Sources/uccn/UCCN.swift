import ArgumentParser
import Foundation

/// `uccn`: network analysis of the UNESCO Creative Cities Network, and of any graph.
@main
struct UCCN: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uccn",
        abstract:
            "Analyse the UNESCO Creative Cities Network (or any graph): centrality, clusters, partner cities, maps and reports.",
        version: "0.1.0",
        subcommands: [
            MapCommand.self,
            MetricsCommand.self,
            ClustersCommand.self,
            ConvertCommand.self,
            PartnersCommand.self,
            PartnersEvalCommand.self,
            ReportCommand.self,
        ]
    )

    /// Runs the command line; `uccn help NAME` with a NAME that is not a command is a usage
    /// error (status 64, as an unknown subcommand is), not the general help.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.count >= 2, arguments[0] == "help" {
            let names = configuration.subcommands.compactMap { $0.configuration.commandName }
            let name = arguments[1]
            if !name.hasPrefix("-") && !names.contains(name) {
                FileHandle.standardError.write(
                    Data(
                        "uccn help: unknown command \"\(name)\"; expected one of \(names.joined(separator: ", "))\n"
                            .utf8))
                Foundation.exit(64)
            }
        }
        main(nil)
    }
}
