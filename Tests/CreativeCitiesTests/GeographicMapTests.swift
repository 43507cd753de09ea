import CreativeCities
import Foundation
import GraphRendering
import Testing

@Suite struct GeographicMapTests {
    @Test func citiesArePinnedAtTheirProjectedCoordinates() throws {
        let data = try #require(bundledDataset)
        let map = try NetworkMap(dataset: data, options: .init(kind: .geographic, geographicScale: 4))
        let graph = map.renderableGraph()
        let hanoi = try #require(graph.nodes.first { $0.name == "hanoi-vn" })
        let city = try #require(data.city(withID: "hanoi-vn"))
        let (lat, lon) = try #require(city.coordinates)
        let projection = EqualEarthProjection(radius: 4 * 180 / .pi)
        let p = projection.project(latitude: lat, longitude: lon)
        #expect(
            hanoi.attributes["pos"]
                == .text("\(GraphvizValue.number(p.x).string),\(GraphvizValue.number(p.y).string)!"))
        #expect(graph.graphAttributes["inputscale"] == "72")

        // In the drawing, every city sits at its Equal Earth position up to one translation
        // (SVG y grows downwards): compare each city with Hanoi.
        let rendered = try Graphviz.shared.render(graph, options: RenderOptions(engine: .neato, seed: 1))
        let svg = try #require(SVGNodeGroups.parse(rendered.data))
        let origin = try #require(svg.centerByID["hanoi-vn"])
        var compared = 0
        for other in data.cities {
            guard let (olat, olon) = other.coordinates else { continue }
            let p = try #require(svg.centerByID[other.id])
            let q = projection.project(latitude: olat, longitude: olon)
            let h = projection.project(latitude: lat, longitude: lon)
            #expect(abs((p.x - origin.x) - (q.x - h.x)) < 0.02, "\(other.id) x")
            #expect(abs((p.y - origin.y) + (q.y - h.y)) < 0.02, "\(other.id) y")
            compared += 1
        }
        #expect(compared == 403)
        #expect(rendered.warnings.isEmpty)
    }

    @Test func citiesWithoutCoordinatesAreNotPlacedButListed() throws {
        let data = try #require(bundledDataset)
        let map = try NetworkMap(dataset: data, options: .init(kind: .geographic))
        let missing = data.cities.filter { $0.coordinates == nil }
        #expect(missing.map(\.id) == ["sifnos-gr", "vicente-lopez-ar"])
        #expect(map.unplacedCities.map(\.id) == missing.map(\.id))
        let graph = map.renderableGraph()
        let names = Set(graph.nodes.map(\.name))
        for city in missing { #expect(!names.contains(city.id)) }
        #expect(graph.nodes.filter { data.city(withID: $0.name) != nil }.count == 403)
        let legend = try #require(graph.graphAttributes["label"]).string
        #expect(legend.contains("Not placed (no coordinates): Sifnos (Greece)"))
        #expect(map.title.contains("403 of 405 cities placed"))
        // No city node without a pinned position (nothing falls back to 0,0).
        for node in graph.nodes { #expect(node.attributes["pos"]?.string.hasSuffix("!") == true, "\(node.name)") }
    }

    @Test func sameSeedGivesTheSameBytes() throws {
        let data = try #require(bundledDataset)
        let graph = try NetworkMap(dataset: data, options: .init(kind: .geographic)).renderableGraph()
        let a = try Graphviz.shared.render(graph, options: RenderOptions(engine: .neato, seed: 1))
        let b = try Graphviz.shared.render(graph, options: RenderOptions(engine: .neato, seed: 9))
        // Every position is pinned, so not even the seed changes the drawing.
        #expect(a.data == b.data)
    }

    @Test func europeIsEnlargedBelowTheWorld() throws {
        let data = try #require(bundledDataset)
        let map = try NetworkMap(dataset: data, options: .init(kind: .geographic))
        let graph = map.renderableGraph()
        let inset = graph.nodes.filter { $0.name.hasPrefix("inset-") }
        #expect(inset.count > 120)
        let berlin = try #require(data.city(withID: "berlin-de"))
        let world = try #require(map.position(of: berlin))
        let enlarged = try #require(map.insetPosition(of: berlin))
        #expect(enlarged.y < world.y - 300)
        // Berlin is named in the enlargement, not on the crowded world map.
        #expect(graph.nodes.contains { $0.name == "label-inset-berlin-de" })
        #expect(!graph.nodes.contains { $0.name == "label-berlin-de" })
        let without = try NetworkMap(dataset: data, options: .init(kind: .geographic, europeInset: false))
        #expect(!without.renderableGraph().nodes.contains { $0.name.hasPrefix("inset-") })
    }

    @Test func aRegionalMapShowsOnlyItsArea() throws {
        let data = try #require(bundledDataset)
        let map = try NetworkMap(dataset: data, options: .init(kind: .geographic, area: .region(.europeNorthAmerica)))
        let shown = Set(map.shownCities.map { data.cities[$0].id })
        #expect(shown.contains("berlin-de") && shown.contains("seattle-us"))
        #expect(!shown.contains("hanoi-vn") && !shown.contains("buenos-aires-ar"))
        #expect(map.title.hasPrefix("UNESCO Creative Cities in Europe and North America"))
        #expect(map.drawnLinks.allSatisfy { shown.contains($0.sourceID) && shown.contains($0.targetID) })
        #expect(throws: NetworkMapError.self) { try GeoArea.parseBox("10,20,5,30") }
        #expect(throws: NetworkMapError.self) { try GeoArea.parseBox("a,b") }
        #expect(throws: NetworkMapError.emptyArea("170° W–160° W, 60° S–50° S")) {
            try NetworkMap(
                dataset: data, options: .init(kind: .geographic, area: GeoArea.parseBox("-170,-60,-160,-50")))
        }
    }
}
