import GraphRendering

extension NetworkMap {
    /// The whole network, with the sfdp settings that keep 400 nodes readable: overlap
    /// removal with prism, straight edges drawn below the nodes.
    func wholeGraph() -> RenderableGraph {
        let cities = dataset.cities
        let labelled = Set(labelledCityIDs)
        let highlighted = Set(highlightedIDs)
        let counts = linkCounts

        var graph = RenderableGraph(name: "UCCN")
        graph.graphAttributes = commonGraphAttributes(id: "uccn-map", tooltip: "UNESCO Creative Cities Network")
        graph.graphAttributes["overlap"] = "prism"
        graph.graphAttributes["sep"] = "+4"
        graph.nodeDefaults = Self.nodeDefaults
        graph.edgeDefaults = ["dir": "none"]

        for i in cities.indices {
            graph.addNode(
                cities[i].id, cityAttributes(i, labelled: labelled, highlighted: highlighted, linkCounts: counts))
        }

        // Cities with no known link would each be a component of their own, which sfdp packs
        // as a loose frame around the network: gather them per region around a labelled hub
        // (tied with invisible edges), so the map says how many each region has.
        let drawnLinkEnds = Set(
            dataset.links.filter { options.linkKinds.contains($0.kind) }.flatMap { [$0.sourceID, $0.targetID] })
        let unlinked = Dictionary(grouping: cities.filter { !drawnLinkEnds.contains($0.id) }, by: \.region)
        for region in UNESCORegion.allCases {
            guard let members = unlinked[region], !members.isEmpty else { continue }
            let hub = Self.unlinkedGroupID(region)
            graph.addNode(
                hub,
                [
                    "id": .text(hub), "class": "unlinked-group", "shape": "plaintext", "style": "",
                    "fixedsize": "false",
                    "label": .text(
                        "\(region.rawValue)\n\(members.count) \(members.count == 1 ? "city" : "cities") with no known link"
                    ),
                    "fontsize": "12", "fontcolor": "#555555", "width": "0", "height": "0", "margin": "0",
                    "tooltip": .text("\(region.rawValue): \(members.map(\.name).sorted().joined(separator: ", "))"),
                ])
            for city in members {
                graph.addEdge(
                    hub, city.id, ["style": "invis", "id": .text("\(hub)--\(city.id)"), "class": "invisible"])
            }
        }

        for link in drawnLinks {
            graph.addEdge(link.sourceID, link.targetID, linkAttributes(link))
        }
        return graph
    }
}
