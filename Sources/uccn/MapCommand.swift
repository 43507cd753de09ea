import ArgumentParser
import CreativeCities
import Foundation
import GraphAlgorithms
import GraphCore
import GraphRendering

/// `uccn map`: draws the UCCN network (whole, one city's neighbourhood, or on the world
/// map) through Graphviz, in-process, to an SVG, PNG or PDF file.
struct MapCommand: FailureReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract:
            "Draw the network map of the UNESCO Creative Cities Network: whole, one city's partners (--city), or on the world map (--geo).",
        discussion: """
            Every member city is a circle coloured by creative field, UNESCO region or community \
            and sized by a centrality (area proportional to the value); links are drawn by kind \
            (sister cities solid, partnerships bold, proposed cooperation dashed). In SVG each city \
            is a group with id = city id, class = field, region and community, and a tooltip.

            uccn map                          the whole network (sfdp)
            uccn map --city Hanoi --radius 2  Hanoi, its partners within 2 links, the cities proposed to it
            uccn map --city Hanoi --suggest 5 ... and its 5 best suggested partners (as uccn partners ranks them)
            uccn map --geo                    every city at its longitude and latitude, Europe enlarged below
            uccn map --geo --region "Europe and North America"   one UNESCO region's area
            uccn map --geo --bbox=-11,35,42,66                   a bounding box (west,south,east,north)
            """)

    @Option(
        help:
            "Draw the neighbourhood of this city: an id (hanoi-vn) or a name, in any case, with or without diacritics (Hanoi, ha noi, \"Granada, Spain\")."
    )
    var city: String?

    @Option(help: "With --city: include partners up to this many links away.")
    var radius: Int?

    @Option(help: "With --city: also draw the city's N best suggested partners (uccn partners) as dashed green links.")
    var suggest: Int?

    @Option(
        help: ArgumentHelp(
            "Link layers drawn, comma-separated: sister-city, partnership, cooperation, proposed, planned, or all (default: sister-city,partnership,proposed).",
            valueName: "layers"))
    var layers: String?

    @Flag(help: "Place the cities at their longitude and latitude (world map).")
    var geo = false

    @Option(
        help:
            "With --geo: draw only this UNESCO region's area (Africa, Arab States, Asia and the Pacific, Europe and North America, Latin America and the Caribbean)."
    )
    var region: String?

    @Option(
        help:
            "With --geo: draw only this bounding box, in degrees: west,south,east,north (write --bbox=-11,35,42,66 when it starts with a minus sign)."
    )
    var bbox: String?

    @Flag(
        name: .customLong("europe-inset"), inversion: .prefixedNo,
        help: "With --geo on the world map: draw Europe enlarged below the world.")
    var europeInset = true

    @Option(name: .customLong("color-by"), help: "What the fill colour shows: field, region or community.")
    var colorBy: String = "field"

    @Option(
        name: .customLong("size-by"),
        help:
            "Centrality that sizes the circles and picks the labels: degree, betweenness, closeness, pagerank, eigenvector, harmonic or kcore."
    )
    var sizeBy: String = "degree"

    @Option(help: "Number of top cities (by --size-by) that get a name label.")
    var labels: Int = 30

    @Option(
        name: .customLong("link-to"),
        help: "Link each city to <PATH>#city-<id> (e.g. the planner report's HTML file); no links by default.")
    var linkTo: String?

    @Option(
        help:
            "Layout engine: dot, neato, fdp, sfdp, circo or twopi (default: sfdp for the whole network, neato for --city and --geo)."
    )
    var engine: String?

    @Option(
        name: .shortAndLong,
        help:
            "Output file (default Output/uccn-map.svg, Output/<city>-ego-map.svg or Output/uccn-geo-map.svg; its directory is created if missing)."
    )
    var output: String?

    @Option(help: "Output format: svg, png or pdf (default: from the output file's extension, else svg).")
    var format: String?

    @Option(help: "Seed of the layout's random start (neato, fdp, sfdp): the same seed gives the same file.")
    var seed: UInt64 = 1

    @OptionGroup var data: DatasetOptions<DataFolderOption>

    @Flag(help: "Lay out even when the network is larger than the engine's safe size.")
    var force = false

    static let failureWording = FailureWording(prefix: "uccn map: ", usageSuffix: " (see uccn map --help)")

    func validate() throws {
        try Self.failureWording.reporting(validateOptions)
    }

    private func validateOptions() throws(CommandFailure) {
        if let format, OutputFormat(rawValue: format.lowercased()) == nil {
            throw .usage("unsupported format \"\(format)\"; expected svg, png or pdf")
        }
        if format == nil, let output {
            let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
            let otherImageTypes = ["jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "eps", "ps", "svgz"]
            if otherImageTypes.contains(ext) {
                throw .usage("cannot write .\(ext) files; use an .svg, .png or .pdf output, or --format")
            }
        }
        if NetworkMap.Coloring(rawValue: colorBy.lowercased()) == nil {
            throw .usage("--color-by must be field, region or community")
        }
        if labels < 0 { throw .usage("--labels must be 0 or more") }
        if let radius {
            if city == nil { throw .usage("--radius needs --city") }
            if geo { throw .usage("--radius draws a city's neighbourhood; it cannot be combined with --geo") }
            if radius < 1 { throw .usage("--radius must be 1 or more") }
        }
        if let suggest {
            if city == nil { throw .usage("--suggest needs --city") }
            if geo { throw .usage("--suggest draws a city's suggested partners; it cannot be combined with --geo") }
            if suggest < 1 { throw .usage("--suggest must be 1 or more") }
        }
        if region != nil || bbox != nil {
            if !geo { throw .usage("--region and --bbox choose the area of the world map; add --geo") }
            if region != nil, bbox != nil { throw .usage("use either --region or --bbox, not both") }
            if let region, UNESCORegion(lenient: region) == nil {
                throw .usage(
                    "unknown --region \"\(region)\"; expected one of \(UNESCORegion.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            if let bbox {
                do { _ = try GeoArea.parseBox(bbox) } catch { throw .usage("--bbox: \(error)") }
            }
        }
        if geo, let engine, engine.lowercased() != "neato" {
            throw .usage(
                "--geo pins every city at its coordinates, which only neato honours; leave out --engine \(engine)")
        }
    }

    func execute() throws {
        guard let sizeMeasure = CentralityMeasure(rawValue: sizeBy.lowercased()),
            NetworkMap.sizeMeasures.contains(sizeMeasure)
        else {
            throw CommandFailure.unsupported(
                "unknown --size-by measure \"\(sizeBy)\"; expected one of \(NetworkMap.sizeMeasures.map(\.rawValue).joined(separator: ", "))"
            )
        }
        let coloring = NetworkMap.Coloring(rawValue: colorBy.lowercased()) ?? .field

        let start = ContinuousClock.now
        let dataset = try data.load()

        var focus: City?
        if let city {
            do {
                focus = try CityLookup(dataset: dataset).city(named: city)
            } catch {
                throw CommandFailure.usage("\(error)")
            }
        }

        // A city with no known link gets its best suggested partners on its map unless the
        // number was given: a single dot would say nothing.
        var suggestCount = suggest
        if let focus, suggestCount == nil {
            let count = NetworkMapRequest.defaultSuggestCount(forCity: focus.id, in: dataset)
            if count > 0 { suggestCount = count }
        }
        var suggested: [String] = []
        if let focus, let suggestCount, let index = dataset.index(ofCity: focus.id) {
            do {
                let suggestions = try PartnerSuggester(dataset: dataset).suggest(
                    PartnerQuery(city: index, top: suggestCount))
                suggested = suggestions.suggestions.map(\.city.id)
            } catch {
                throw CommandFailure.runtime("\(error)")
            }
        }

        let kind: NetworkMap.Kind
        if geo {
            kind = .geographic
        } else if let focus {
            kind = .ego(cityID: focus.id, radius: radius ?? 1, suggested: suggested)
        } else {
            kind = .whole
        }
        var area: GeoArea?
        if let region, let match = UNESCORegion(lenient: region) { area = .region(match) }
        if let bbox { area = try? GeoArea.parseBox(bbox) }
        var options = NetworkMap.Options(
            kind: kind, coloring: coloring, sizeBy: sizeMeasure, labelCount: labels, cityLinkBase: linkTo,
            area: area, europeInset: europeInset)
        if let focus { options.highlightedCityIDs = [focus.id] }
        if let layers {
            do {
                options.linkKinds = try LinkKind.layers(layers)
            } catch {
                throw CommandFailure.usage(error.description)
            }
        }

        let map: NetworkMap
        do {
            map = try NetworkMap(dataset: dataset, options: options)
        } catch {
            throw CommandFailure.runtime("\(error)")
        }

        let layoutEngine: LayoutEngine
        do {
            layoutEngine =
                try engine.map { name throws(RenderError) in try LayoutEngine.named(name) } ?? map.layoutEngine
            try Graphviz.shared.requirePlugins([layoutEngine, map.recommendedEngine])
        } catch {
            if case .unknownEngine = error { throw CommandFailure.unsupported("\(error)") }
            throw CommandFailure.runtime("\(error)")
        }

        let outputPath =
            output
            ?? {
                switch kind {
                case .whole: "Output/uccn-map.svg"
                case let .ego(id, _, _): "Output/\(id)-ego-map.svg"
                case .geographic:
                    switch area {
                    case let .region(r)?: "Output/uccn-geo-\(r.slug)-map.svg"
                    case .box?: "Output/uccn-geo-area-map.svg"
                    case nil: "Output/uccn-geo-map.svg"
                    }
                }
            }()
        let outputURL = URL(fileURLWithPath: outputPath)
        let outputFormat =
            format.flatMap { OutputFormat(rawValue: $0.lowercased()) }
            ?? OutputFormat(pathExtension: outputURL.pathExtension) ?? .svg
        do {
            let limits: LayoutLimits = force ? .unlimited : .default
            let layoutStart = ContinuousClock.now
            let drawing = try map.drawing(layoutEngine: layoutEngine, seed: seed, limits: limits)
            let layoutTime = ContinuousClock.now - layoutStart
            let renderOptions = RenderOptions(
                engine: map.recommendedEngine, format: outputFormat, seed: seed, limits: .unlimited)
            let rendered = try Graphviz.shared.render(drawing, options: renderOptions)
            try FileManager.default.createDirectory(
                at: outputURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.write(rendered.data, to: outputURL)
            for warning in rendered.warnings {
                FileHandle.standardError.write(Data("uccn map: Graphviz \(warning)\n".utf8))
            }
            let total = ContinuousClock.now - start
            var summary = "\(map.shownCities.count) cities, \(map.drawnLinks.count) links"
            if case .geographic = kind, area == nil, !map.unplacedCities.isEmpty {
                summary += "; not placed (no coordinates): " + map.unplacedCities.map(\.name).joined(separator: ", ")
            }
            print(
                "Wrote \(outputPath) (\(outputFormat.rawValue), \(rendered.data.count) bytes): \(summary); "
                    + "\(layoutEngine.rawValue) layout and names \(seconds(layoutTime)), "
                    + "drawing \(seconds(rendered.renderTime)), total \(seconds(total))")
        } catch let error as RenderError {
            var message = "\(error)"
            if case .graphTooLarge = error { message += " (uccn map --force)" }
            throw CommandFailure.runtime(message)
        } catch {
            throw CommandFailure.runtime("\(error)")
        }
    }

    private func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.2f s", value)
    }
}
