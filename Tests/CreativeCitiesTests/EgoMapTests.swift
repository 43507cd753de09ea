import CreativeCities
import Foundation
import GraphRendering
import Testing

@Suite struct EgoMapTests {
    /// Ids within `radius` existing links of `id`, computed from the link list.
    func neighbourhood(_ data: CreativeCitiesDataset, of id: String, radius: Int) -> Set<String> {
        var seen: Set<String> = [id]
        var frontier: Set<String> = [id]
        for _ in 0..<radius {
            var next: Set<String> = []
            for link in data.links where LinkKind.existing.contains(link.kind) {
                if frontier.contains(link.sourceID), !seen.contains(link.targetID) { next.insert(link.targetID) }
                if frontier.contains(link.targetID), !seen.contains(link.sourceID) { next.insert(link.sourceID) }
            }
            seen.formUnion(next)
            frontier = next
        }
        return seen
    }

    @Test(arguments: [1, 2])
    func containsTheCityItsPartnersWithinTheRadiusAndItsProposedPartners(radius: Int) throws {
        let data = try #require(bundledDataset)
        let map = try NetworkMap(
            dataset: data, options: .init(kind: .ego(cityID: "hanoi-vn", radius: radius, suggested: [])))
        let proposed = Set(data.links(of: "hanoi-vn", kinds: [.proposed]).map { $0.other(than: "hanoi-vn") })
        let expected = neighbourhood(data, of: "hanoi-vn", radius: radius).union(proposed)
        let graph = map.renderableGraph()
        let cities = graph.nodes.filter { $0.attributes["class"] != "city-label" }
        #expect(Set(cities.map(\.name)) == expected)
        #expect(cities.count == expected.count)
        // An ego map of at most 40 cities names every one (none overlapping).
        #expect(graph.nodes.count == 2 * expected.count)
        if radius == 1 {
            // Hanoi, its six sister cities, and the proposed partners not already among them.
            let sisters = Set(data.links(of: "hanoi-vn", kinds: [.sisterCity]).map { $0.other(than: "hanoi-vn") })
            #expect(sisters.count == 6)
            #expect(expected.count == 1 + sisters.union(proposed).count)
            #expect(map.title == "Hanoi (Viet Nam) and its partners within 1 link")
        }
        // Every drawn link joins two shown cities; every link between shown cities is drawn.
        let expectedLinks = data.links.filter {
            NetworkMap.defaultLinkKinds.contains($0.kind) && expected.contains($0.sourceID)
                && expected.contains($0.targetID)
        }
        #expect(graph.edges.count == expectedLinks.count)
        let hanoi = try #require(graph.nodes.first { $0.name == "hanoi-vn" })
        #expect(hanoi.attributes["class"]?.string.split(separator: " ").contains("focus") == true)
        let name = try #require(graph.nodes.first { $0.name == "label-hanoi-vn" })
        #expect(name.attributes["label"] == .html("<b>Hanoi</b>"))
        #expect(name.attributes["class"] == "city-label")
    }

    @Test func suggestedPartnersAreDashedEdgesInTheSuggestionColour() throws {
        let data = try #require(bundledDataset)
        let near = neighbourhood(data, of: "hanoi-vn", radius: 1)
        let suggested = data.cities.map(\.id).filter { !near.contains($0) }.prefix(3).map { $0 }
        let map = try NetworkMap(
            dataset: data, options: .init(kind: .ego(cityID: "hanoi-vn", radius: 1, suggested: suggested)))
        let graph = map.renderableGraph()
        for id in suggested { #expect(graph.nodes.contains { $0.name == id }) }
        let edges = graph.edges.filter { $0.attributes["class"] == "suggested" }
        #expect(edges.map(\.head) == suggested)
        for edge in edges {
            #expect(edge.tail == "hanoi-vn")
            #expect(edge.attributes["style"] == "dashed")
            #expect(edge.attributes["color"] == .text(NetworkMap.suggestionStyle.color))
        }
        #expect(NetworkMap.suggestionStyle.color != NetworkMap.linkStyles[.proposed]?.color)

        let rendered = try Graphviz.shared.render(graph, options: RenderOptions(engine: map.recommendedEngine, seed: 1))
        let svg = try #require(SVGNodeGroups.parse(rendered.data))
        for id in suggested {
            let stroke = try #require(svg.strokeByID["suggested-hanoi-vn--\(id)"])
            #expect(stroke == .init(color: NetworkMap.suggestionStyle.color.lowercased(), dashed: true))
            #expect(svg.classByID["suggested-hanoi-vn--\(id)"] == "edge suggested")
        }
        let proposed = try #require(svg.strokeByID["link-hanoi-vn--bandung-id-proposed"])
        #expect(proposed.dashed && proposed.color != NetworkMap.suggestionStyle.color.lowercased())
        #expect(rendered.warnings.isEmpty)
    }

    @Test func ringsFollowExistingLinksOnly() throws {
        // twopi's rings come from the edges with non-zero weight: a dashed (proposed or
        // suggested) edge to a city already within the radius must not pull it inwards.
        let data = try #require(bundledDataset)
        let two = neighbourhood(data, of: "hanoi-vn", radius: 2)
        let one = neighbourhood(data, of: "hanoi-vn", radius: 1)
        let far = try #require(two.subtracting(one).sorted().first)
        let beyond = try #require(data.cities.map(\.id).first { !two.contains($0) })
        let map = try NetworkMap(
            dataset: data, options: .init(kind: .ego(cityID: "hanoi-vn", radius: 2, suggested: [far, beyond])))
        let graph = map.renderableGraph()
        let suggestedWeight = Dictionary(
            uniqueKeysWithValues: graph.edges.filter { $0.attributes["class"] == "suggested" }
                .map { ($0.head, $0.attributes["weight"]) })
        #expect(suggestedWeight[far] == "0")
        #expect(suggestedWeight[beyond] == "1")
        for edge in graph.edges where edge.attributes["class"] == "proposed" {
            let within = two.contains(edge.tail) && two.contains(edge.head)
            #expect(edge.attributes["weight"] == (within ? "0" : nil), "\(edge.tail)–\(edge.head)")
        }
        for edge in graph.edges where edge.attributes["class"] == "sister-city" {
            #expect(edge.attributes["weight"] == nil)
        }
    }

    @Test func unknownCitiesAndBadRadiiAreErrors() throws {
        let data = try #require(bundledDataset)
        #expect(throws: NetworkMapError.unknownCity("atlantis-xx")) {
            try NetworkMap(dataset: data, options: .init(kind: .ego(cityID: "atlantis-xx", radius: 1, suggested: [])))
        }
        #expect(throws: NetworkMapError.unknownCity("nowhere")) {
            try NetworkMap(
                dataset: data, options: .init(kind: .ego(cityID: "hanoi-vn", radius: 1, suggested: ["nowhere"])))
        }
        #expect(throws: NetworkMapError.invalidRadius(0)) {
            try NetworkMap(dataset: data, options: .init(kind: .ego(cityID: "hanoi-vn", radius: 0, suggested: [])))
        }
    }

    @Test(arguments: [LayoutEngine.twopi, .neato, .sfdp])
    func sameSeedGivesTheSameBytes(engine: LayoutEngine) throws {
        let data = try #require(bundledDataset)
        let map = try NetworkMap(
            dataset: data, options: .init(kind: .ego(cityID: "hanoi-vn", radius: 2, suggested: ["bilbao-es"])))
        let a = try Graphviz.shared.render(
            map.drawing(layoutEngine: engine, seed: 3), options: RenderOptions(engine: map.recommendedEngine, seed: 3))
        let b = try Graphviz.shared.render(
            map.drawing(layoutEngine: engine, seed: 3), options: RenderOptions(engine: map.recommendedEngine, seed: 3))
        #expect(a.data == b.data)
    }

    @Test func aCityWithoutLinksSaysSoAndShowsItsSuggestedPartners() throws {
        let data = try #require(bundledDataset)
        #expect(data.links(of: "da-lat-vn", kinds: LinkKind.existing).isEmpty)
        let alone = try NetworkMap(
            dataset: data, options: .init(kind: .ego(cityID: "da-lat-vn", radius: 2, suggested: [])))
        #expect(alone.title == "Da Lat (Viet Nam) has no known partner city yet")
        let suggested = ["shenzhen-cn", "varanasi-in"]
        let map = try NetworkMap(
            dataset: data, options: .init(kind: .ego(cityID: "da-lat-vn", radius: 2, suggested: suggested)))
        #expect(map.title == "Da Lat (Viet Nam) has no known partner city yet: its 2 suggested partners")
        let legend = try #require(map.renderableGraph().graphAttributes["label"]).string
        #expect(legend.contains("no known sister-city or partnership link"))
        #expect(legend.contains("Suggested partners, best first: Shenzhen, Varanasi"))
        #expect(Set(map.shownCities.map { data.cities[$0].id }) == Set(["da-lat-vn"] + suggested))
    }
}
