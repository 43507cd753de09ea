import ArgumentParser
import CreativeCities

/// `--layers` for commands that analyse the Creative Cities network (`metrics`, `clusters`):
/// which link layers make its edges. Other graph files have no layers, so the option is
/// ignored for them, with a note.
struct LinkLayersOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "With the bundled network or a Creative Cities data folder: the link layers that make the edges, comma-separated (sister-city, partnership, cooperation, proposed, planned, existing, or all; default: sister-city,partnership).",
            valueName: "layers"))
    var layers: String?

    /// The chosen layers; the existing links (sister city, partnership) when not given.
    func kinds() throws(CommandFailure) -> Set<LinkKind> {
        guard let layers else { return LinkKind.existing }
        do {
            return try LinkKind.layers(layers)
        } catch {
            throw CommandFailure.usage("--layers: \(error.description)")
        }
    }

    /// Says on stderr when `--layers` was given for a graph that has no link layers.
    func noteIfUnused(_ loaded: LoadedGraph) {
        if layers != nil && loaded.dataset == nil {
            printError("note: \(loaded.source) is not a Creative Cities data folder; --layers has no effect")
        }
    }
}
