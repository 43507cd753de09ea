import GraphRendering

extension NetworkMap {
    /// Font size of a city's name: 14 (bold) for a highlighted city, 13 for the top ten by
    /// the size measure, 11 for the others.
    func labelFontSize(ofCityAt i: Int, highlighted: Bool) -> Double {
        highlighted ? 14 : sizeRanks[i] <= 10 ? 13 : 11
    }

    /// The label requests of the given cities at the given positions, most important first:
    /// highlighted cities, then suggested partners (both required), then the others by the
    /// size measure (highest first, ties by name), in the order of ``labelledCityIDs``.
    func labelRequests(
        for ids: [String], at position: (Int) -> (x: Double, y: Double)?, idPrefix: String = "",
        coversCircles: Bool = true
    ) -> [LabelPlacement.Request] {
        let highlighted = Set(highlightedIDs)
        let suggested = Set(suggestedIndices.map { dataset.cities[$0].id })
        let ordered =
            ids.filter { highlighted.contains($0) } + ids.filter { !highlighted.contains($0) && suggested.contains($0) }
            + ids.filter { !highlighted.contains($0) && !suggested.contains($0) }
        return ordered.compactMap { id in
            guard let i = dataset.index(ofCity: id), let p = position(i) else { return nil }
            let isHighlighted = highlighted.contains(id)
            var width = width(ofCityAt: i)
            if isHighlighted { width = max(width, sizeRange.max * 0.5) }
            return LabelPlacement.Request(
                id: idPrefix + id, text: dataset.cities[i].name, x: p.x, y: p.y, radius: width * 36,
                fontSize: labelFontSize(ofCityAt: i, highlighted: isHighlighted), bold: isHighlighted,
                required: isHighlighted || suggested.contains(id), coversCircles: coversCircles)
        }
    }

    /// Fill of the box under a city's name: white at 70 % opacity.
    public static let labelBackground = "#FFFFFFB3"

    /// The Graphviz node that draws a placed name: a plain-text node of exactly the label's
    /// box (filled with ``labelBackground``), pinned at its centre, with the city's tooltip
    /// and link; id `label-<id>`, class `city-label`.
    func labelNode(
        _ placed: LabelPlacement.Placed, cityAt i: Int, linkCounts: [String: (existing: Int, proposed: Int)]
    ) -> RenderableGraph.Node {
        let request = placed.request
        let name = escape(request.text)
        var attributes: GraphvizAttributes = [
            "id": .text("label-\(request.id)"),
            "class": "city-label",
            // A translucent white box under the text keeps a name readable over links and circles.
            "shape": "plaintext", "style": "filled", "fillcolor": .text(Self.labelBackground), "fixedsize": "true",
            "margin": "0",
            "width": .number((placed.box.maxX - placed.box.minX) / 72),
            "height": .number((placed.box.maxY - placed.box.minY) / 72),
            "label": request.bold ? .html("<b>\(name)</b>") : .text(request.text),
            "fontsize": .number(request.fontSize),
            "fontcolor": "#1F2328",
            "pos": pinned((placed.x, placed.y)),
            "tooltip": .text(tooltip(ofCityAt: i, linkCounts: linkCounts)),
        ]
        if let base = options.cityLinkBase {
            attributes["URL"] = .text("\(base)#city-\(dataset.cities[i].id)")
            attributes["target"] = "_top"
        }
        return RenderableGraph.Node("label-\(request.id)", attributes: attributes)
    }

    /// A pinned position in points (`inputscale=72`): `"x,y!"`.
    func pinned(_ p: (x: Double, y: Double)) -> GraphvizValue {
        .text("\(GraphvizValue.number(p.x).string),\(GraphvizValue.number(p.y).string)!")
    }

    /// The box a node covers on the drawing: its circle for a city, its text for a
    /// plain-text node (the whole map's "no known link" groups).
    func obstacle(_ node: RenderableGraph.Node, at p: GraphLayout.Point) -> LabelPlacement.Box? {
        let attributes = node.attributes
        if attributes["shape"]?.string == "plaintext" {
            let lines = (attributes["label"]?.string ?? "").components(separatedBy: "\n")
            let size = Double(attributes["fontsize"]?.string ?? "") ?? 11
            let width = lines.map { LabelPlacement.estimatedWidth(of: $0, fontSize: size) }.max() ?? 0
            return LabelPlacement.Box(
                centerX: p.x, centerY: p.y, width: width + 4,
                height: Double(lines.count) * LabelPlacement.lineHeight(fontSize: size) + 4)
        }
        guard attributes["style"]?.string != "invis", let w = Double(attributes["width"]?.string ?? "") else {
            return nil
        }
        return LabelPlacement.Box(centerX: p.x, centerY: p.y, width: w * 72, height: w * 72)
    }

    /// The finished drawing of a laid-out graph: every node pinned where the layout put it,
    /// the names placed among the circles, overlap removal off (the layout did it).
    func pinnedDrawing(of base: RenderableGraph, layout: GraphLayout) -> RenderableGraph {
        var graph = base
        graph.graphAttributes["overlap"] = "true"
        graph.graphAttributes["inputscale"] = "72"
        graph.graphAttributes["notranslate"] = "true"
        graph.graphAttributes["root"] = nil
        graph.graphAttributes["ranksep"] = nil
        graph.graphAttributes["sep"] = nil
        var obstacles: [LabelPlacement.Box] = []
        for k in graph.nodes.indices {
            guard let p = layout.positions[graph.nodes[k].name] else { continue }
            graph.nodes[k].attributes["pos"] = pinned((p.x, p.y))
            if let box = obstacle(graph.nodes[k], at: p) { obstacles.append(box) }
        }
        let margin = 40.0
        let bounds = LabelPlacement.Box(
            minX: layout.lowerLeft.x - margin, minY: layout.lowerLeft.y - margin, maxX: layout.upperRight.x + margin,
            maxY: layout.upperRight.y + margin)
        let requests = labelRequests(for: labelledCityIDs) { i in
            layout.positions[dataset.cities[i].id].map { ($0.x, $0.y) }
        }
        let counts = linkCounts
        for placed in LabelPlacement.place(requests, obstacles: obstacles, bounds: bounds) {
            guard let i = dataset.index(ofCity: placed.request.id) else { continue }
            graph.nodes.append(labelNode(placed, cityAt: i, linkCounts: counts))
        }
        return graph
    }
}
