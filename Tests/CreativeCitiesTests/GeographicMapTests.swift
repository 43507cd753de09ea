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
        #expect(
            hanoi.attributes["pos"]
                == .text("\(GraphvizValue.number(lon * 4).string),\(GraphvizValue.number(lat * 4).string)!"))
        #expect(graph.graphAttributes["inputscale"] == "72")

        // In the drawing, every city sits at x = lon·k, y = lat·k up to one translation
        // (SVG y grows downwards): compare each city with Hanoi.
        let rendered = try Graphviz.shared.render(graph, options: RenderOptions(engine: .neato, seed: 1))
        let svg = try #require(SVGNodeGroups.parse(rendered.data))
        let origin = try #require(svg.centerByID["hanoi-vn"])
        var compared = 0
        for other in data.cities {
            guard let (olat, olon) = other.coordinates else { continue }
            let p = try #require(svg.centerByID[other.id])
            #expect(abs((p.x - origin.x) - 4 * (olon - lon)) < 0.02, "\(other.id) x")
            #expect(abs((p.y - origin.y) + 4 * (olat - lat)) < 0.02, "\(other.id) y")
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
}
