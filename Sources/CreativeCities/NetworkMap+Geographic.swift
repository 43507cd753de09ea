import GraphRendering

extension NetworkMap {
    /// The latitudes the graticule spans (every member city lies between them).
    public static let geographicLatitudes: ClosedRange<Double> = -60...75

    /// Position of a longitude/latitude on the geographic map, in points: the
    /// equirectangular projection x = longitude · k, y = latitude · k, with k =
    /// ``Options/geographicScale`` points per degree (y grows northwards, as in Graphviz).
    public func position(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        (longitude * options.geographicScale, latitude * options.geographicScale)
    }

    /// Position of `city` on the geographic map, in points, or nil without coordinates.
    public func position(of city: City) -> (x: Double, y: Double)? {
        guard let (latitude, longitude) = city.coordinates else { return nil }
        return position(latitude: latitude, longitude: longitude)
    }

    /// Cities the geographic map cannot place (no coordinates); its legend lists them.
    public var unplacedCities: [City] {
        dataset.cities.filter { $0.coordinates == nil }
    }

    /// A pinned position in points (`inputscale=72`): `"x,y!"`.
    private func pinned(_ p: (x: Double, y: Double)) -> GraphvizValue {
        .text("\(GraphvizValue.number(p.x).string),\(GraphvizValue.number(p.y).string)!")
    }

    /// Every city with coordinates at its position, pinned (`pos="x,y!"`, `inputscale=72`,
    /// `notranslate`), so neato keeps every node where it is put and only routes the links
    /// as straight lines (`splines=false`); a faint graticule every 30°.
    func geographicGraph() -> RenderableGraph {
        let cities = dataset.cities
        let labelled = Set(labelledCityIDs)
        let highlighted = Set(highlightedIDs)
        let counts = linkCounts

        var graph = RenderableGraph(name: "geo")
        graph.graphAttributes = commonGraphAttributes(id: "geo-map", tooltip: "UNESCO Creative Cities on the world map")
        graph.graphAttributes["overlap"] = "true"
        graph.graphAttributes["inputscale"] = "72"
        graph.graphAttributes["notranslate"] = "true"
        graph.nodeDefaults = Self.nodeDefaults
        graph.edgeDefaults = ["dir": "none"]

        addGraticule(to: &graph)

        for i in shownCities {
            guard let p = position(of: cities[i]) else { continue }
            var attributes = cityAttributes(i, labelled: labelled, highlighted: highlighted, linkCounts: counts)
            attributes["pos"] = pinned(p)
            graph.addNode(cities[i].id, attributes)
        }
        // Long sister-city lines cross the whole map: fainter than on the network map, so
        // the cities stay readable where they are dense (Europe, East Asia).
        for link in drawnLinks {
            var attributes = linkAttributes(link)
            if link.kind == .sisterCity {
                attributes["color"] = "#5F6B7A48"
                attributes["penwidth"] = "0.6"
            }
            graph.addEdge(link.sourceID, link.targetID, attributes)
        }
        return graph
    }

    /// Meridians and parallels every 30° as thin grey lines between invisible pinned
    /// points, with degree labels on the left and bottom edges.
    private func addGraticule(to graph: inout RenderableGraph) {
        let south = Self.geographicLatitudes.lowerBound, north = Self.geographicLatitudes.upperBound
        let point: GraphvizAttributes = [
            "shape": "point", "style": "invis", "width": "0.01", "height": "0.01", "label": "", "class": "graticule",
        ]
        let line: GraphvizAttributes = ["color": "#D8DDE3", "penwidth": "0.7", "class": "graticule", "tooltip": " "]
        func addLine(_ name: String, from a: (x: Double, y: Double), to b: (x: Double, y: Double)) {
            var start = point, end = point
            start["pos"] = pinned(a)
            start["id"] = .text("\(name)-start")
            end["pos"] = pinned(b)
            end["id"] = .text("\(name)-end")
            graph.addNode("\(name)-start", start)
            graph.addNode("\(name)-end", end)
            var attributes = line
            attributes["id"] = .text(name)
            graph.addEdge("\(name)-start", "\(name)-end", attributes)
        }
        func addLabel(_ name: String, _ text: String, at p: (x: Double, y: Double)) {
            graph.addNode(
                name,
                [
                    "shape": "plaintext", "style": "", "fixedsize": "false", "label": .text(text), "fontsize": "10",
                    "fontcolor": "#8A939C", "width": "0", "height": "0", "margin": "0", "pos": pinned(p),
                    "id": .text(name), "class": "graticule", "tooltip": .text(text),
                ])
        }
        for lon in stride(from: -180, through: 180, by: 30) {
            addLine(
                "meridian-\(lon)", from: position(latitude: south, longitude: Double(lon)),
                to: position(latitude: north, longitude: Double(lon)))
            let text = lon == 0 ? "0°" : "\(abs(lon))° \(lon < 0 ? "W" : "E")"
            let p = position(latitude: south, longitude: Double(lon))
            addLabel("meridian-label-\(lon)", text, at: (p.x, p.y - 10))
        }
        for lat in stride(from: Int(south), through: Int(north), by: 30) {
            addLine(
                "parallel-\(lat)", from: position(latitude: Double(lat), longitude: -180),
                to: position(latitude: Double(lat), longitude: 180))
            let text = lat == 0 ? "Equator" : "\(abs(lat))° \(lat < 0 ? "S" : "N")"
            let p = position(latitude: Double(lat), longitude: -180)
            addLabel("parallel-label-\(lat)", text, at: (p.x - 24, p.y))
        }
    }
}
