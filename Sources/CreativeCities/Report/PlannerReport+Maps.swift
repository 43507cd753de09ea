import Foundation
import GraphRendering

extension PlannerReport {
    /// The map style of this report: colours, sizes, labels, tooltips with ranks.
    func mapStyle() -> CityMapStyle {
        let sizeBy = measures.first { $0.key == settings.sizeBy } ?? measures[0]
        var names: [Int: String] = [:]
        var extras: [Int: String] = [:]
        if let communities {
            for label in communities.linkedCommunities.prefix(CityMapStyle.communityColors.count) {
                names[label] = communityName(label)
            }
        }
        let shown = measures.prefix(3)
        for i in dataset.cities.indices {
            var parts = shown.map { "\($0.title.lowercased()) \($0.formatted(i)) (rank \($0.rank(of: i)))" }
            if let communities { parts.append("community \(communities.partition.labels[i] + 1)") }
            extras[i] = parts.joined(separator: " · ")
        }
        return CityMapStyle(
            dataset: dataset, colorBy: settings.colorBy, sizeBy: sizeBy,
            communityLabels: communities?.partition.labels, communityNames: names,
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

    /// Cities drawn as suggested partners on the city's own map.
    var suggestedForMap: [Int] { [] }

    /// The Graphviz graph of one of the report's maps (`nil`: the ego map without a focus
    /// city). With `legend`, the legend is drawn inside the map (for a standalone file);
    /// the report draws it in the page instead.
    public func mapGraph(_ kind: ReportMapKind, legend withLegend: Bool = false) -> RenderableGraph? {
        let style = mapStyle()
        var graph: RenderableGraph
        var title: String
        switch kind {
        case .ego:
            guard let i = focusIndex, let city = focus else { return nil }
            graph = EgoMap(style: style, focus: i, radius: settings.radius, suggested: suggestedForMap).renderableGraph()
            title = "\(city.name) and its partners within \(settings.radius) link\(settings.radius == 1 ? "" : "s")"
        case .geographic:
            graph = GeographicMap(style: style).renderableGraph()
            title = "UNESCO Creative Cities on the world map"
        case .network:
            graph = NetworkMap(dataset: dataset, options: NetworkMap.Options(
                labelCount: settings.topCount, highlightedCityIDs: focus.map { [$0.id] } ?? [])).renderableGraph()
            let labelled = style.labelled
            for k in graph.nodes.indices {
                guard let i = dataset.index(ofCity: graph.nodes[k].name) else { continue }
                graph.nodes[k].attributes = style.attributes(of: i, labelled: labelled)
            }
            title = "UNESCO Creative Cities Network"
        }
        graph.graphAttributes["label"] = nil
        if withLegend {
            let entries = legend(style, suggestions: kind == .ego && !suggestedForMap.isEmpty, proposed: kind != .geographic || focus != nil)
            let subtitle = "Colour: \(colourWords(style)) · circle size: \(style.sizeBy.title.lowercased())"
            graph.graphAttributes["label"] = .html(CityMapStyle.legendLabel(title: title, subtitle: subtitle, entries: entries))
            graph.graphAttributes["labelloc"] = "b"
            graph.graphAttributes["labeljust"] = "l"
        }
        return graph
    }

    /// Lays out and draws one map through the one Graphviz owner.
    public func renderMap(_ kind: ReportMapKind, format: OutputFormat, legend: Bool) throws(ReportError) -> RenderedGraph? {
        guard let graph = mapGraph(kind, legend: legend) else { return nil }
        do {
            return try Graphviz.shared.render(graph, options: RenderOptions(engine: kind.engine, format: format, seed: settings.seed))
        } catch {
            throw ReportError.map("\(error)")
        }
    }

    /// The report's three maps as SVG figures.
    func renderMaps() throws(ReportError) -> [ReportFigure] {
        let style = mapStyle()
        let sizeWords = style.sizeBy.title.lowercased()
        var figures: [ReportFigure] = []
        if let city = focus, let ego = try renderMap(.ego, format: .svg, legend: false) {
            let suggested = suggestedForMap
            var caption: ReportText = [.text("\(city.name) in the middle, its partner cities within \(settings.radius) link\(settings.radius == 1 ? "" : "s"), the cities proposed to it (black dashes)")]
            if !suggested.isEmpty { caption.append(.text(" and its top \(suggested.count) suggested partners (orange-red dashes)")) }
            caption.append(.text(". Colour: \(colourWords(style)); circle size: \(sizeWords). Click a city to see its row in the "))
            caption += [.anchor(id: "cities", text: "city index"), .text(".")]
            figures.append(ReportFigure(
                id: "map-ego", title: "\(city.name) and its partners", caption: caption,
                svg: Self.svgText(ego), fileName: "maps/ego.svg", alt: "Map of \(city.name) and its partner cities",
                legend: legend(style, suggestions: !suggested.isEmpty, proposed: true)))
        }
        if let geo = try renderMap(.geographic, format: .svg, legend: false) {
            var caption: ReportText = [.text("Every member city at its longitude and latitude (a flat world map: east to the right, north up; grey lines every 30°), with its known links drawn straight. Colour: \(colourWords(style)); circle size: \(sizeWords).")]
            let unplaced = dataset.cities.filter { $0.coordinates == nil }
            if !unplaced.isEmpty {
                caption.append(.text(" Not shown (no coordinates): \(unplaced.map(\.name).joined(separator: ", "))."))
            }
            figures.append(ReportFigure(
                id: "map-geo", title: "The network on the world map", caption: caption, svg: Self.svgText(geo),
                fileName: "maps/geo.svg", alt: "World map of the member cities and their links",
                legend: legend(style, suggestions: false, proposed: focus != nil)))
        }
        if let network = try renderMap(.network, format: .svg, legend: false) {
            figures.append(ReportFigure(
                id: "map-network", title: "The whole network",
                caption: [.text("All \(dataset.cities.count) member cities laid out so that linked cities sit close together (the position has no geographic meaning). Cities with no known link are gathered by region at the edges. Colour: \(colourWords(style)); circle size: \(sizeWords); names on the \(settings.topCount) largest.")],
                svg: Self.svgText(network), fileName: "maps/network.svg", alt: "Network map of all member cities",
                legend: legend(style, suggestions: false, proposed: true)))
        }
        return figures
    }
}

/// The maps a report draws.
public enum ReportMapKind: String, Sendable, CaseIterable {
    /// The focus city, its partners within the radius, proposed and suggested partners.
    case ego
    /// Every city at its coordinates.
    case geographic
    /// The whole network, laid out by its links.
    case network

    /// The layout engine of the map.
    public var engine: LayoutEngine {
        switch self {
        case .ego: .twopi
        case .geographic: .neato
        case .network: .sfdp
        }
    }
}
