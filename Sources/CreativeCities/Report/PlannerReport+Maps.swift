import Foundation
import GraphRendering

extension PlannerReport {
    /// The map style of this report: colours, sizes, labels, tooltips with ranks.
    func mapStyle() -> CityMapStyle {
        let sizeBy = measures.first { $0.key == settings.sizeBy } ?? measures[0]
        var extras: [Int: String] = [:]
        let shown = measures.prefix(3)
        for i in dataset.cities.indices {
            extras[i] = shown.map { "\($0.title.lowercased()) \($0.formatted(i)) (rank \($0.rank(of: i)))" }.joined(separator: " · ")
        }
        return CityMapStyle(
            dataset: dataset, colorBy: settings.colorBy, sizeBy: sizeBy,
            communityLabels: nil, communityNames: [:],
            focusIDs: Set(focus.map { [$0.id] } ?? []), labelCount: settings.topCount, tooltipExtras: extras)
    }

    func legend(_ style: CityMapStyle, suggestions: Bool, proposed: Bool) -> [LegendEntry] {
        var entries = style.colorLegend().map { LegendEntry(.dot, color: $0.color, label: $0.label) }
        entries.append(LegendEntry(.line, color: "#5F6B7A", label: "sister cities"))
        entries.append(LegendEntry(.line, color: "#8B1E3F", label: "joint project"))
        if proposed { entries.append(LegendEntry(.dashedLine, color: "#222222", label: "proposed (not yet a link)")) }
        if suggestions { entries.append(LegendEntry(.dashedLine, color: CityMapStyle.suggestionColor, label: "suggested partner")) }
        if let city = focus { entries.append(LegendEntry(.ring, color: "#111111", label: city.name)) }
        return entries
    }

    func colourWords(_ style: CityMapStyle) -> String {
        switch style.colorBy {
        case .field: "creative field"
        case .region: "UNESCO region"
        case .community: "community (the \(CityMapStyle.communityColors.count) largest; others grey)"
        }
    }

    static func svgText(_ rendered: RenderedGraph) -> String {
        String(decoding: rendered.data, as: UTF8.self)
    }

    /// Renders the report's maps through the one Graphviz owner.
    func renderMaps() throws(ReportError) -> [ReportFigure] {
        let style = mapStyle()
        let sizeWords = style.sizeBy.title.lowercased()
        var figures: [ReportFigure] = []
        func render(_ graph: RenderableGraph, _ engine: LayoutEngine) throws(ReportError) -> String {
            do {
                return Self.svgText(try Graphviz.shared.render(graph, options: RenderOptions(engine: engine, format: .svg, seed: settings.seed)))
            } catch {
                throw ReportError.map("\(error)")
            }
        }
        if let i = focusIndex, let city = focus {
            let suggested: [Int] = []
            let ego = EgoMap(style: style, focus: i, radius: settings.radius, suggested: suggested)
            let svg = try render(ego.renderableGraph(), .twopi)
            figures.append(ReportFigure(
                id: "map-ego", title: "\(city.name) and its partners",
                caption: [.text("\(city.name) in the middle, its partner cities within \(settings.radius) link\(settings.radius == 1 ? "" : "s") and the cities proposed to it (dashed). Colour: \(colourWords(style)); circle size: \(sizeWords). Click a city to see its row in the "), .anchor(id: "cities", text: "city index"), .text(".")],
                svg: svg, fileName: "maps/ego.svg", alt: "Map of \(city.name), its partners and suggested partners",
                legend: legend(style, suggestions: !suggested.isEmpty, proposed: true)))
        }
        let geo = GeographicMap(style: style)
        let geoSVG = try render(geo.renderableGraph(), .neato)
        var geoCaption: ReportText = [.text("Every member city at its longitude and latitude (a flat world map: east to the right, north up; grey lines every 30°), with its known links drawn straight. Colour: \(colourWords(style)); circle size: \(sizeWords).")]
        if !geo.unplaced.isEmpty {
            geoCaption.append(.text(" Not shown (no coordinates): \(geo.unplaced.map(\.name).joined(separator: ", "))."))
        }
        figures.append(ReportFigure(
            id: "map-geo", title: "The network on the world map", caption: geoCaption, svg: geoSVG,
            fileName: "maps/geo.svg", alt: "World map of the member cities and their links",
            legend: legend(style, suggestions: false, proposed: focus != nil)))

        var network = NetworkMap(dataset: dataset, options: NetworkMap.Options(
            labelCount: settings.topCount, highlightedCityIDs: focus.map { [$0.id] } ?? [])).renderableGraph()
        // The report draws its own legend next to the map; city nodes take the report's style.
        network.graphAttributes["label"] = nil
        let labelled = style.labelled
        for k in network.nodes.indices {
            guard let i = dataset.index(ofCity: network.nodes[k].name) else { continue }
            network.nodes[k].attributes = style.attributes(of: i, labelled: labelled)
        }
        let networkSVG = try render(network, .sfdp)
        figures.append(ReportFigure(
            id: "map-network", title: "The whole network",
            caption: [.text("All \(dataset.cities.count) member cities laid out so that linked cities sit close together (the position has no geographic meaning). Cities with no known link are gathered by region at the edges. Colour: \(colourWords(style)); circle size: \(sizeWords); names on the \(settings.topCount) largest.")],
            svg: networkSVG, fileName: "maps/network.svg", alt: "Network map of all member cities",
            legend: legend(style, suggestions: false, proposed: true)))
        return figures
    }
}
