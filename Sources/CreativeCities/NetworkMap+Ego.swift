import GraphRendering

extension NetworkMap {
    /// The ego map: the focus city, every city within the radius (breadth-first over
    /// sister-city and partnership links), the cities proposed to it, and its suggested
    /// partners; every drawn link between two shown cities, and one dashed edge from the
    /// focus to each suggested partner. Suited to twopi (the focus in the centre, cities one
    /// link away on the first ring, two links away on the second), or neato and sfdp.
    func egoGraph() -> RenderableGraph {
        guard let focus = focusIndex else { return wholeGraph() }
        let cities = dataset.cities
        let me = cities[focus]
        let labelled = Set(labelledCityIDs)
        let highlighted = Set(highlightedIDs)
        let counts = linkCounts

        var graph = RenderableGraph(name: "ego")
        graph.graphAttributes = commonGraphAttributes(id: "ego-\(me.id)", tooltip: "\(me.name) and its partners")
        // Uniform scaling removes overlaps and keeps twopi's rings round; it is also the one
        // overlap mode with which Graphviz 2.42's twopi gives the same drawing whatever was
        // laid out before in the process (prism and Voronoi keep state between layouts).
        graph.graphAttributes["overlap"] = "scale"
        graph.graphAttributes["sep"] = "+8"
        graph.graphAttributes["root"] = .text(me.id)
        graph.graphAttributes["ranksep"] = "1.4"
        graph.nodeDefaults = Self.nodeDefaults
        graph.edgeDefaults = ["dir": "none"]

        for i in shownCities {
            graph.addNode(
                cities[i].id, cityAttributes(i, labelled: labelled, highlighted: highlighted, linkCounts: counts))
        }
        // The focus's own links stand out; links among its partners stay in the background.
        for link in drawnLinks {
            var attributes = linkAttributes(link)
            if link.involves(me.id) {
                if link.kind == .sisterCity {
                    attributes["color"] = "#3B4450"
                    attributes["penwidth"] = "1.6"
                }
            } else if link.kind == .sisterCity {
                attributes["color"] = "#5F6B7A50"
            }
            if link.kind == .proposed, reachesByExistingLinks(link.sourceID), reachesByExistingLinks(link.targetID) {
                attributes["weight"] = "0"
            }
            graph.addEdge(link.sourceID, link.targetID, attributes)
        }
        let style = Self.suggestionStyle
        for (rank, j) in suggestedIndices.enumerated() {
            let other = cities[j]
            graph.addEdge(
                me.id, other.id,
                [
                    "id": .text("suggested-\(me.id)--\(other.id)"),
                    "class": "suggested",
                    "color": .text(style.color),
                    "style": .text(style.style),
                    "penwidth": .number(style.penwidth),
                    "tooltip": .text("\(me.name) – \(other.name): suggested partner \(rank + 1)"),
                    "weight": egoDistances[j] != nil ? "0" : "1",
                ])
        }
        return graph
    }

    /// Whether the city is within the radius over existing links. twopi builds its rings
    /// from a breadth-first tree of the edges with non-zero `weight`: proposed and suggested
    /// edges to such a city get weight 0, so rings stay "distance over existing links" and
    /// a city reached only by a dashed line sits on the first ring.
    private func reachesByExistingLinks(_ id: String) -> Bool {
        guard let i = dataset.index(ofCity: id) else { return false }
        return egoDistances[i] != nil
    }
}
