import Foundation
import GraphRendering

/// A part of the world a geographic map shows instead of the whole globe.
public enum GeoArea: Sendable, Hashable {
    /// The cities of one UNESCO region and everything around them (their bounding box
    /// widened by 3° on each side).
    case region(UNESCORegion)
    /// A bounding box in degrees: longitudes west…east, latitudes south…north.
    case box(west: Double, south: Double, east: Double, north: Double)

    /// A box written `west,south,east,north` in degrees (e.g. `-11,35,42,66`).
    /// - Throws: ``NetworkMapError/invalidArea(_:)`` naming what is wrong.
    public static func parseBox(_ text: String) throws(NetworkMapError) -> GeoArea {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            Double($0.trimmingCharacters(in: .whitespaces))
        }
        guard parts.count == 4, let west = parts[0], let south = parts[1], let east = parts[2], let north = parts[3]
        else {
            throw .invalidArea("\"\(text)\": expected four numbers west,south,east,north in degrees")
        }
        guard (-180...180).contains(west), (-180...180).contains(east), west < east else {
            throw .invalidArea("\"\(text)\": longitudes must lie in -180…180 with west < east")
        }
        guard (-90...90).contains(south), (-90...90).contains(north), south < north else {
            throw .invalidArea("\"\(text)\": latitudes must lie in -90…90 with south < north")
        }
        return .box(west: west, south: south, east: east, north: north)
    }

    /// The area in words, for titles.
    public var name: String {
        switch self {
        case let .region(region): return region.rawValue
        case let .box(west, south, east, north):
            func lon(_ v: Double) -> String {
                v == 0 ? "0°" : "\(GraphvizValue.number(abs(v)).string)° \(v < 0 ? "W" : "E")"
            }
            func lat(_ v: Double) -> String {
                v == 0 ? "0°" : "\(GraphvizValue.number(abs(v)).string)° \(v < 0 ? "S" : "N")"
            }
            return "\(lon(west))–\(lon(east)), \(lat(south))–\(lat(north))"
        }
    }
}

/// A longitude/latitude box drawn with the Equal Earth projection at some scale and offset.
struct GeoView: Sendable, Hashable {
    var west: Double, south: Double, east: Double, north: Double
    var centralLongitude: Double
    var projection: EqualEarthProjection
    var offsetX = 0.0, offsetY = 0.0

    func contains(latitude: Double, longitude: Double) -> Bool {
        (west...east).contains(longitude) && (south...north).contains(latitude)
    }

    /// The position of a longitude/latitude on the drawing, in points (y up).
    func point(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        var l = longitude - centralLongitude
        if l > 180 { l -= 360 } else if l < -180 { l += 360 }
        let p = projection.project(latitude: latitude, longitude: l)
        return (p.x + offsetX, p.y + offsetY)
    }

    /// The edge of the view, projected: the south and north parallels and the west and east
    /// meridians, sampled every degree.
    var frame: [(x: Double, y: Double)] {
        var ring: [(x: Double, y: Double)] = []
        for lon in stride(from: west, to: east, by: 1) { ring.append(point(latitude: south, longitude: lon)) }
        for lat in stride(from: south, to: north, by: 1) { ring.append(point(latitude: lat, longitude: east)) }
        for lon in stride(from: east, to: west, by: -1) { ring.append(point(latitude: north, longitude: lon)) }
        for lat in stride(from: north, to: south, by: -1) { ring.append(point(latitude: lat, longitude: west)) }
        return ring
    }

    /// The smallest box holding the frame.
    var extent: LabelPlacement.Box {
        let f = frame
        return LabelPlacement.Box(
            minX: f.map(\.x).min() ?? 0, minY: f.map(\.y).min() ?? 0, maxX: f.map(\.x).max() ?? 0,
            maxY: f.map(\.y).max() ?? 0)
    }

    /// The view scaled (about its projection's origin) so its extent fits `width` × `height`.
    func fitted(width: Double, height: Double) -> GeoView {
        var unit = self
        unit.projection = EqualEarthProjection(radius: 1)
        let e = unit.extent
        var view = self
        view.projection = EqualEarthProjection(
            radius: min(width / max(e.maxX - e.minX, 1e-9), height / max(e.maxY - e.minY, 1e-9)))
        return view
    }

    /// A ring clipped to the view's longitude/latitude box (Sutherland–Hodgman), projected.
    func clippedRing(_ points: [(longitude: Double, latitude: Double)]) -> [(x: Double, y: Double)] {
        var ring = points.map { ($0.longitude, $0.latitude) }
        let edges: [(inside: (Double, Double) -> Bool, cut: (Double, Double, Double, Double) -> (Double, Double))] = [
            ({ x, _ in x >= west }, { x0, y0, x1, y1 in (west, y0 + (y1 - y0) * (west - x0) / (x1 - x0)) }),
            ({ x, _ in x <= east }, { x0, y0, x1, y1 in (east, y0 + (y1 - y0) * (east - x0) / (x1 - x0)) }),
            ({ _, y in y >= south }, { x0, y0, x1, y1 in (x0 + (x1 - x0) * (south - y0) / (y1 - y0), south) }),
            ({ _, y in y <= north }, { x0, y0, x1, y1 in (x0 + (x1 - x0) * (north - y0) / (y1 - y0), north) }),
        ]
        for edge in edges {
            guard !ring.isEmpty else { break }
            var out: [(Double, Double)] = []
            for k in ring.indices {
                let current = ring[k], previous = ring[(k + ring.count - 1) % ring.count]
                let inCurrent = edge.inside(current.0, current.1), inPrevious = edge.inside(previous.0, previous.1)
                if inCurrent {
                    if !inPrevious { out.append(edge.cut(previous.0, previous.1, current.0, current.1)) }
                    out.append(current)
                } else if inPrevious {
                    out.append(edge.cut(previous.0, previous.1, current.0, current.1))
                }
            }
            ring = out
        }
        return ring.map { point(latitude: $0.1, longitude: $0.0) }
    }
}

extension NetworkMap {
    /// The latitudes the world map spans (every member city and all land but Antarctica).
    public static let geographicLatitudes: ClosedRange<Double> = -58...84

    /// The part of Europe the world map enlarges below the world: 11° W–42° E, 35°–66° N.
    public static let europeInsetArea = GeoArea.box(west: -11, south: 35, east: 42, north: 66)

    /// Colours of the geographic map: sea, land, country borders, graticule, frames.
    public static let seaColor = "#D6E6F2"
    public static let landColor = "#F4F1EA"
    public static let borderColor = "#B5AC9C"
    static let graticuleColor = "#C3D3E0"
    static let frameColor = "#57606A"

    /// Size of a regional map (points): its area is scaled to fit.
    static let regionalMapSize = (width: 1400.0, height: 950.0)

    /// The views of a geographic map: the world (Equal Earth, ``Options/geographicScale``
    /// points per degree at the equator) with Europe enlarged below it, or one area fitted
    /// to ``regionalMapSize``.
    static func geoViews(
        dataset: CreativeCitiesDataset, options: Options
    ) throws(NetworkMapError) -> (main: GeoView, inset: GeoView?) {
        guard let area = options.area else {
            let world = GeoView(
                west: -180, south: geographicLatitudes.lowerBound, east: 180, north: geographicLatitudes.upperBound,
                centralLongitude: 0, projection: EqualEarthProjection(radius: options.geographicScale * 180 / .pi))
            guard options.europeInset, case let .box(west, south, east, north) = europeInsetArea else {
                return (world, nil)
            }
            let worldExtent = world.extent
            var inset = GeoView(
                west: west, south: south, east: east, north: north, centralLongitude: (west + east) / 2,
                projection: EqualEarthProjection(radius: 1)
            ).fitted(width: (worldExtent.maxX - worldExtent.minX) * 0.8, height: .infinity)
            let e = inset.extent
            inset.offsetX = (worldExtent.minX + worldExtent.maxX) / 2 - (e.minX + e.maxX) / 2
            inset.offsetY = worldExtent.minY - 48 - e.maxY
            return (world, inset)
        }
        var west: Double, south: Double, east: Double, north: Double
        switch area {
        case let .box(w, s, e, n):
            (west, south, east, north) = (w, s, e, n)
        case let .region(region):
            let points = dataset.cities.filter { $0.region == region }.compactMap(\.coordinates)
            guard let minLat = points.map(\.0).min(), let maxLat = points.map(\.0).max(),
                let minLon = points.map(\.1).min(), let maxLon = points.map(\.1).max()
            else { throw .emptyArea(area.name) }
            (west, south, east, north) = (
                max(-180, minLon - 3), max(-85, minLat - 3), min(180, maxLon + 3), min(85, maxLat + 3)
            )
        }
        let view = GeoView(
            west: west, south: south, east: east, north: north, centralLongitude: (west + east) / 2,
            projection: EqualEarthProjection(radius: 1)
        ).fitted(width: regionalMapSize.width, height: regionalMapSize.height)
        let inside = dataset.cities.contains {
            guard let (lat, lon) = $0.coordinates else { return false }
            return view.contains(latitude: lat, longitude: lon)
        }
        guard inside else { throw .emptyArea(area.name) }
        return (view, nil)
    }

    /// Position of a longitude/latitude on the geographic map, in points (y grows
    /// northwards, as in Graphviz): the Equal Earth projection of the map's main view
    /// (``EqualEarthProjection``), or the world's at ``Options/geographicScale`` for
    /// other kinds of map.
    public func position(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        if let mainView { return mainView.point(latitude: latitude, longitude: longitude) }
        return EqualEarthProjection(radius: options.geographicScale * 180 / .pi).project(
            latitude: latitude, longitude: longitude)
    }

    /// Position of `city` on the geographic map, in points, or nil without coordinates.
    public func position(of city: City) -> (x: Double, y: Double)? {
        guard let (latitude, longitude) = city.coordinates else { return nil }
        return position(latitude: latitude, longitude: longitude)
    }

    /// Position of `city` in the Europe inset, or nil when it is not drawn there.
    public func insetPosition(of city: City) -> (x: Double, y: Double)? {
        guard let insetView, let (latitude, longitude) = city.coordinates,
            insetView.contains(latitude: latitude, longitude: longitude)
        else { return nil }
        return insetView.point(latitude: latitude, longitude: longitude)
    }

    /// Cities the geographic map cannot place (no coordinates); its legend lists them.
    public var unplacedCities: [City] {
        dataset.cities.filter { $0.coordinates == nil }
    }

    /// Every city of the view at its projected position, pinned (`pos="x,y!"`,
    /// `inputscale=72`, `notranslate`), so neato keeps every node where it is put and only
    /// draws the links as straight lines (`splines=false`). Under them, in the graph's
    /// background (`_background`, Graphviz's xdot drawing operations): the sea, Natural
    /// Earth's land and country outlines, a graticule; on the world map, Europe enlarged
    /// below (its cities again, with ids `inset-<id>`, and the links between them), its
    /// area outlined on the world. Invisible corner points keep the whole background
    /// inside the drawing. City names are placed by ``LabelPlacement`` in each view.
    func geographicGraph() -> RenderableGraph {
        var graph = RenderableGraph(name: "geo")
        guard let view = mainView else { return graph }
        let cities = dataset.cities
        let labelled = Set(labelledCityIDs)
        let highlighted = Set(highlightedIDs)
        let counts = linkCounts

        graph.graphAttributes = commonGraphAttributes(id: "geo-map", tooltip: "UNESCO Creative Cities on the world map")
        graph.graphAttributes["overlap"] = "true"
        graph.graphAttributes["inputscale"] = "72"
        graph.graphAttributes["notranslate"] = "true"
        graph.nodeDefaults = Self.nodeDefaults
        graph.edgeDefaults = ["dir": "none"]

        var frames = [view.extent]
        if let insetView {
            var e = insetView.extent
            e.maxY += 24  // the inset's title
            frames.append(e)
        }
        for (k, box) in frames.enumerated() {
            for (name, x, y) in [("sw", box.minX, box.minY), ("ne", box.maxX, box.maxY)] {
                graph.addNode(
                    "corner-\(k)-\(name)",
                    [
                        "shape": "point", "style": "invis", "width": "0.01", "height": "0.01", "label": "",
                        "class": "frame", "id": .text("corner-\(k)-\(name)"), "pos": pinned((x, y)),
                    ])
            }
        }

        var obstacles: [LabelPlacement.Box] = []
        if let insetView {
            // The enlargement's title, as a plain-text node over its top left corner.
            let title = "Europe, enlarged (the framed area of the world map above)"
            let e = insetView.extent
            let width = LabelPlacement.estimatedWidth(of: title, fontSize: 14) + 4
            let p = (x: e.minX + width / 2, y: e.maxY + 12)
            graph.addNode(
                "europe-inset-title",
                [
                    "shape": "plaintext", "style": "", "fixedsize": "true", "margin": "0", "label": .text(title),
                    "fontsize": "14", "fontcolor": .text(Self.frameColor), "width": .number(width / 72),
                    "height": .number(20.0 / 72), "pos": pinned(p), "id": "europe-inset-title", "class": "frame",
                    "tooltip": .text(title),
                ])
            obstacles.append(LabelPlacement.Box(centerX: p.x, centerY: p.y, width: width, height: 20))
        }
        func circle(_ i: Int, _ p: (x: Double, y: Double)) -> LabelPlacement.Box {
            var w = width(ofCityAt: i)
            if highlighted.contains(cities[i].id) { w = max(w, sizeRange.max * 0.5) }
            return LabelPlacement.Box(centerX: p.x, centerY: p.y, width: w * 72, height: w * 72)
        }
        var insetCities: [Int] = []
        for i in shownCities {
            guard let p = position(of: cities[i]) else { continue }
            var attributes = cityAttributes(i, labelled: labelled, highlighted: highlighted, linkCounts: counts)
            attributes["pos"] = pinned(p)
            graph.addNode(cities[i].id, attributes)
            obstacles.append(circle(i, p))
        }
        if insetView != nil {
            for i in shownCities {
                guard let p = insetPosition(of: cities[i]) else { continue }
                insetCities.append(i)
                var attributes = cityAttributes(i, labelled: labelled, highlighted: highlighted, linkCounts: counts)
                attributes["pos"] = pinned(p)
                attributes["id"] = .text("inset-\(cities[i].id)")
                attributes["class"] = .text((attributes["class"]?.string ?? "") + " inset")
                graph.addNode("inset-\(cities[i].id)", attributes)
                obstacles.append(circle(i, p))
            }
        }
        // Long sister-city lines cross the whole map: fainter than on the network map, so
        // the cities stay readable where they are dense (Europe, East Asia).
        let inInset = Set(insetCities.map { cities[$0].id })
        for link in drawnLinks {
            var attributes = linkAttributes(link)
            if link.kind == .sisterCity {
                attributes["color"] = "#5F6B7A48"
                attributes["penwidth"] = "0.6"
            }
            graph.addEdge(link.sourceID, link.targetID, attributes)
            if inInset.contains(link.sourceID), inInset.contains(link.targetID) {
                attributes["id"] = .text("inset-" + (attributes["id"]?.string ?? ""))
                graph.addEdge("inset-\(link.sourceID)", "inset-\(link.targetID)", attributes)
            }
        }

        // Names: on the world, the top cities outside the enlarged area (and any highlighted
        // city); in the enlargement, its cities by importance, as many as fit.
        let ranked = { (indices: [Int]) -> [String] in
            indices.filter { sizeValues[$0] > 0 }
                .sorted { a, b in
                    sizeValues[a] != sizeValues[b] ? sizeValues[a] > sizeValues[b] : cities[a].name < cities[b].name
                }
                .map { cities[$0].id }
        }
        let shownHighlighted = highlightedIDs.filter { id in shownCities.contains { cities[$0].id == id } }
        var placed: [(LabelPlacement.Placed, Int)] = []
        func place(_ requests: [LabelPlacement.Request], bounds: LabelPlacement.Box) {
            let already = placed.map(\.0.box)
            for p in LabelPlacement.place(requests, obstacles: obstacles + already, bounds: bounds) {
                let id = p.request.id.hasPrefix("inset-") ? String(p.request.id.dropFirst(6)) : p.request.id
                if let i = dataset.index(ofCity: id) { placed.append((p, i)) }
            }
        }
        let worldIDs =
            insetView == nil
            ? labelledCityIDs
            : shownHighlighted
                + ranked(shownCities.filter { !inInset.contains(cities[$0].id) }).prefix(
                    max(0, options.labelCount))
        let worldBounds = view.extent
        place(
            labelRequests(for: unique(worldIDs)) { i in position(of: cities[i]) },
            bounds: LabelPlacement.Box(
                minX: worldBounds.minX - 20, minY: worldBounds.minY, maxX: worldBounds.maxX + 20,
                maxY: worldBounds.maxY + 20))
        if let insetView {
            let all = ranked(insetCities)
            let top = unique(shownHighlighted.filter(inInset.contains) + all.prefix(max(0, options.labelCount)))
            let rest = all.filter { !top.contains($0) }
            let requests =
                labelRequests(for: top, at: { i in insetPosition(of: cities[i]) }, idPrefix: "inset-")
                + labelRequests(
                    for: rest, at: { i in insetPosition(of: cities[i]) }, idPrefix: "inset-", coversCircles: false)
            place(requests, bounds: insetView.extent)
        }
        for (p, i) in placed { graph.nodes.append(labelNode(p, cityAt: i, linkCounts: counts)) }

        // neato moves a graph of pinned nodes as a whole (it centres the positions), which
        // the background's drawing operations do not follow: measure the move on a corner
        // point and draw the background moved alike.
        var shift = (x: 0.0, y: 0.0)
        if let layout = try? Graphviz.shared.layout(graph, options: RenderOptions(engine: .neato, seed: 1)),
            let corner = layout.positions["corner-0-sw"]
        {
            let e = view.extent
            shift = (corner.x - e.minX, corner.y - e.minY)
        }
        graph.graphAttributes["_background"] = .text(background(shiftedBy: shift))
        return graph
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// The xdot drawing under the map: sea, land, borders, graticule, the Europe frame.
    func background(shiftedBy shift: (x: Double, y: Double) = (0, 0)) -> String {
        var ops: [String] = []
        func string(_ op: String, _ text: String) -> String { "\(op) \(text.utf8.count) -\(text)" }
        func points(_ ring: [(x: Double, y: Double)]) -> String {
            "\(ring.count) "
                + ring.map { String(format: "%.1f %.1f", $0.x + shift.x, $0.y + shift.y) }.joined(separator: " ")
        }
        func draw(_ view: GeoView, graticuleStep: Double, rings: [WorldOutline.Ring] = WorldOutline.rings) {
            ops.append(string("C", Self.seaColor))
            ops.append(string("c", Self.seaColor))
            ops.append("P " + points(view.frame))
            ops.append(string("S", "setlinewidth(0.6)"))
            ops.append(string("c", Self.graticuleColor))
            for lon in stride(
                from: (view.west / graticuleStep).rounded(.up) * graticuleStep, through: view.east, by: graticuleStep)
            {
                let line = stride(from: view.south, through: view.north, by: 2).map {
                    view.point(latitude: $0, longitude: lon)
                }
                ops.append("L " + points(line))
            }
            for lat in stride(
                from: (view.south / graticuleStep).rounded(.up) * graticuleStep, through: view.north, by: graticuleStep)
            {
                let line = stride(from: view.west, through: view.east, by: 2).map {
                    view.point(latitude: lat, longitude: $0)
                }
                ops.append("L " + points(line))
            }
            ops.append(string("C", Self.landColor))
            ops.append(string("c", Self.borderColor))
            ops.append(string("S", "setlinewidth(0.5)"))
            for ring in rings {
                let projected = view.clippedRing(ring.points)
                if projected.count >= 3 { ops.append("P " + points(projected)) }
            }
        }
        guard let mainView else { return "" }
        draw(mainView, graticuleStep: options.area == nil ? 30 : 10)
        if let insetView {
            draw(insetView, graticuleStep: 10, rings: WorldOutline.europeRings)
            ops.append(string("S", "setlinewidth(1.2)"))
            ops.append(string("c", Self.frameColor))
            ops.append("p " + points(insetView.frame))
            var onWorld = insetView
            onWorld.projection = mainView.projection
            onWorld.centralLongitude = mainView.centralLongitude
            onWorld.offsetX = mainView.offsetX
            onWorld.offsetY = mainView.offsetY
            ops.append("p " + points(onWorld.frame))
        }
        return ops.joined(separator: " ")
    }
}
