import ArgumentParser
import CreativeCities
import Foundation
import GraphCore
import GraphRendering

/// `uccn map`: draws the whole UCCN network (Graphviz, in-process) to an SVG, PNG or PDF file.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw the network map of the UNESCO Creative Cities Network (default Output/uccn-map.svg).",
        discussion: """
            Every member city is a circle coloured by creative field and sized by its number of \
            sister-city and partnership links; links are drawn by kind (sister cities solid, \
            partnerships bold, proposed cooperation dashed). In SVG each city is a group with \
            id = city id and class = field slug, with a tooltip.
            """)

    @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo or twopi.")
    var engine: String = "sfdp"

    @Option(name: .shortAndLong, help: "Output file (its directory is created if missing).")
    var output: String = "Output/uccn-map.svg"

    @Option(help: "Output format: svg, png or pdf (default: from the output file's extension, else svg).")
    var format: String?

    @Option(help: "Seed of the layout's random start (neato, fdp, sfdp): the same seed gives the same file.")
    var seed: UInt64 = 1

    @Option(help: "Number of best-connected cities that get a name label.")
    var labels: Int = 30

    @Option(name: .customLong("color-by"), help: "What the fill colour shows: field or region.")
    var colorBy: String = "field"

    @Option(help: "Folder with cities.csv and links.csv (default: the bundled Graphs/).")
    var data: String?

    @Flag(help: "Lay out even when the network is larger than the engine's safe size.")
    var force = false

    func validate() throws {
        if let format, OutputFormat(rawValue: format.lowercased()) == nil {
            throw ValidationError("unsupported format \"\(format)\"; expected svg, png or pdf")
        }
        if format == nil {
            let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
            let otherImageTypes = ["jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "eps", "ps", "svgz"]
            if otherImageTypes.contains(ext) {
                throw ValidationError("cannot write .\(ext) files; use an .svg, .png or .pdf output, or --format")
            }
        }
        if NetworkMap.Coloring(rawValue: colorBy.lowercased()) == nil {
            throw ValidationError("--color-by must be field or region")
        }
        if labels < 0 { throw ValidationError("--labels must be 0 or more") }
    }

    func run() throws {
        let outputURL = URL(fileURLWithPath: output)
        let outputFormat = format.flatMap { OutputFormat(rawValue: $0.lowercased()) }
            ?? OutputFormat(pathExtension: outputURL.pathExtension) ?? .svg
        let layoutEngine: LayoutEngine
        do {
            layoutEngine = try LayoutEngine.named(engine)
            try Graphviz.shared.requirePlugins([layoutEngine])
        } catch {
            FileHandle.standardError.write(Data("uccn map: error: \(error)\n".utf8))
            if case .unknownEngine = error { throw ExitCode(3) }
            throw ExitCode.failure
        }

        let directory = data.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? CreativeCitiesDataset.defaultDirectory()
        do {
            let start = ContinuousClock.now
            let dataset = try CreativeCitiesDataset.load(directory: directory)
            let map = NetworkMap(dataset: dataset, options: .init(
                    coloring: NetworkMap.Coloring(rawValue: colorBy.lowercased()) ?? .field, labelCount: labels))
            let options = RenderOptions(
                engine: layoutEngine, format: outputFormat, seed: seed, limits: force ? .unlimited : .default)
            let rendered = try Graphviz.shared.render(map.renderableGraph(), options: options)
            try FileManager.default.createDirectory(
                at: outputURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.write(rendered.data, to: outputURL)
            for warning in rendered.warnings {
                FileHandle.standardError.write(Data("uccn map: Graphviz \(warning)\n".utf8))
            }
            let total = ContinuousClock.now - start
            print(
                "Wrote \(output) (\(outputFormat.rawValue), \(rendered.data.count) bytes): "
                    + "\(dataset.cities.count) cities, \(dataset.links.count) links; "
                    + "\(layoutEngine.rawValue) layout \(seconds(rendered.layoutTime)), "
                    + "drawing \(seconds(rendered.renderTime)), total \(seconds(total))")
        } catch let error as RenderError {
            var message = "\(error)"
            if case .graphTooLarge = error { message += " (uccn map --force)" }
            FileHandle.standardError.write(Data("uccn map: error: \(message)\n".utf8))
            throw ExitCode.failure
        } catch {
            FileHandle.standardError.write(Data("uccn map: error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    private func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.2f s", value)
    }
}
