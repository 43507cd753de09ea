import Foundation
import GraphAlgorithms
import GraphRendering

extension PlannerReport {
    /// The centrality that sizes the cities on the maps (`links` is the degree).
    var mapSizeMeasure: CentralityMeasure {
        settings.sizeBy == "links" ? .degree : CentralityMeasure(rawValue: settings.sizeBy) ?? .degree
    }

    /// Cities drawn as suggested partners on the city's own map.
    var suggestedForMap: [String] {
        (suggestions?.suggestions.prefix(5) ?? []).map(\.city.id)
    }

    /// One of the report's maps, styled by `NetworkMap`: the report's colouring, size
    /// measure and communities, every city linking to its row in the city index, the
    /// legend drawn in the page rather than in the picture.
    public func networkMap(_ kind: NetworkMap.Kind) throws(ReportError) -> NetworkMap {
        let options = NetworkMap.Options(
            kind: kind, coloring: settings.colorBy, sizeBy: mapSizeMeasure, labelCount: settings.topCount,
            highlightedCityIDs: focus.map { [$0.id] } ?? [],
            linkKinds: NetworkMap.defaultLinkKinds.union([.cooperation]), cityLinkBase: "", showsLegend: false,
            communitySeed: settings.seed)
        do {
            return try NetworkMap(dataset: dataset, options: options, communityLabels: communities?.partition.labels)
        } catch {
            throw ReportError.map("\(error)")
        }
    }

    /// The legend of a map, drawn in the page next to it.
    func legend(_ map: NetworkMap, suggestions: Bool, proposed: Bool) -> [LegendEntry] {
        // The full colour, opacity included: the faded entry looks like the faded cities.
        var entries = map.colorSwatches.map { LegendEntry(.dot, color: $0.color, label: $0.label) }
        func color(_ kind: LinkKind) -> String { String((NetworkMap.linkStyles[kind]?.color ?? "#555555").prefix(7)) }
        entries.append(LegendEntry(.line, color: color(.sisterCity), label: "sister cities"))
        entries.append(LegendEntry(.line, color: color(.partnership), label: "joint project"))
        entries.append(LegendEntry(.line, color: color(.cooperation), label: "documented cooperation"))
        if proposed {
            entries.append(LegendEntry(.dashedLine, color: color(.proposed), label: "proposed (not yet a link)"))
        }
        if suggestions {
            entries.append(
                LegendEntry(
                    .dashedLine, color: String(NetworkMap.suggestionStyle.color.prefix(7)), label: "suggested partner"))
        }
        if let city = focus { entries.append(LegendEntry(.ring, color: "#111111", label: city.name)) }
        return entries
    }

    func render(_ map: NetworkMap) throws(ReportError) -> String {
        do {
            let rendered = try Graphviz.shared.render(
                map.drawing(seed: settings.seed),
                options: RenderOptions(engine: map.recommendedEngine, format: .svg, seed: settings.seed))
            return String(decoding: rendered.data, as: UTF8.self)
        } catch {
            throw ReportError.map("\(error)")
        }
    }

    /// The report's three maps as SVG figures.
    func renderMaps() throws(ReportError) -> [ReportFigure] {
        var figures: [ReportFigure] = []
        if let city = focus {
            let suggested = suggestedForMap
            let ego = try networkMap(.ego(cityID: city.id, radius: settings.radius, suggested: suggested))
            // A city with no known link: say so rather than draw "its partners" around one dot.
            let alone = ego.egoDistances.count <= 1
            var caption: ReportText = [
                .text(
                    alone
                        ? "\(city.name) has no known sister-city or partnership link yet: the map shows it in the middle"
                            + (dataset.links(of: city.id, kinds: [.proposed]).isEmpty
                                ? "" : ", the cities proposed to it (dark dashes)")
                        : "\(city.name) in the middle, its partner cities within \(settings.radius) link\(settings.radius == 1 ? "" : "s"), the cities proposed to it (dark dashes)"
                )
            ]
            if !suggested.isEmpty {
                caption.append(.text(" and its top \(suggested.count) suggested partners (green dashes)"))
            }
            caption.append(
                .text(". Colour: \(ego.colorDescription); \(ego.sizeDescription). Click a city to see its row in the "))
            caption += [.anchor(id: "cities", text: "city index"), .text(".")]
            figures.append(
                ReportFigure(
                    id: "map-ego",
                    title: alone
                        ? "\(city.name): no known partner yet, its suggested partners"
                        : "\(city.name) and its partners",
                    caption: caption,
                    svg: try render(ego), fileName: "maps/ego.svg", alt: "Map of \(city.name) and its partner cities",
                    legend: legend(ego, suggestions: !suggested.isEmpty, proposed: true)))
        }
        let geo = try networkMap(.geographic)
        var geoCaption: ReportText = [
            .text(
                "Every member city at its longitude and latitude on a world map (Equal Earth projection, which keeps areas true: east to the right, north up; grey lines every 30°; land and borders from Natural Earth), with its known links drawn straight. Europe, where most members are, is enlarged below the world, and its cities are named there. Colour: \(geo.colorDescription); \(geo.sizeDescription)."
            )
        ]
        if !geo.unplacedCities.isEmpty {
            geoCaption.append(
                .text(" Not shown (no coordinates): \(geo.unplacedCities.map(\.name).joined(separator: ", "))."))
        }
        figures.append(
            ReportFigure(
                id: "map-geo", title: "The network on the world map", caption: geoCaption, svg: try render(geo),
                fileName: "maps/geo.svg", alt: "World map of the member cities and their links",
                legend: legend(geo, suggestions: false, proposed: true)))
        let whole = try networkMap(.whole)
        figures.append(
            ReportFigure(
                id: "map-network", title: "The whole network",
                caption: [
                    .text(
                        "All \(dataset.cities.count) member cities laid out so that linked cities sit close together (the position has no geographic meaning). Cities with no known link are gathered by region at the edges. Colour: \(whole.colorDescription); \(whole.sizeDescription); names on the \(settings.topCount) largest."
                    )
                ],
                svg: try render(whole), fileName: "maps/network.svg", alt: "Network map of all member cities",
                legend: legend(whole, suggestions: false, proposed: true)))
        return figures
    }
}
