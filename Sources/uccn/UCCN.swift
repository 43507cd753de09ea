import ArgumentParser

/// `uccn`: network analysis of the UNESCO Creative Cities Network, and of any graph.
@main
struct UCCN: AsyncParsableCommand {
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
            ServeCommand.self,
        ]
    )
}
