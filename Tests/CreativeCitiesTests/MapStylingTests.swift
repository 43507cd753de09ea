import CreativeCities
import Foundation
import GraphAlgorithms
import GraphRendering
import Testing

@Suite struct MapStylingTests {
    @Test(arguments: NetworkMap.sizeMeasures)
    func higherMeasureGivesALargerCircleWithAreaProportionalToTheValue(measure: CentralityMeasure) throws {
        let data = try #require(bundledDataset)
        let map = try NetworkMap(dataset: data, options: .init(sizeBy: measure, highlightedCityIDs: []))
        let values = try measure.compute(on: data.graph())
        #expect(map.sizeValues == values)
        let graph = map.renderableGraph()
        let width = Dictionary(
            uniqueKeysWithValues: graph.nodes.compactMap { node in
                node.attributes["width"].flatMap { Double($0.string) }.map { (node.name, $0) }
            })
        let order = data.cities.indices.sorted { values[$0] > values[$1] }
        let top = order[0]
        let floor = 0.12
        // Above the visibility floor, area ∝ value: (w_i / w_top)² = v_i / v_top.
        for i in order.prefix(40) where values[i] > 0 {
            let w = try #require(width[data.cities[i].id])
            let expected = max(floor, 0.6 * (values[i] / values[top]).squareRoot())
            #expect(abs(w - expected) < 1e-3, "\(data.cities[i].id)")
        }
        for (a, b) in zip(order, order.dropFirst()) where values[a] > values[b] {
            let wa = try #require(width[data.cities[a].id]), wb = try #require(width[data.cities[b].id])
            #expect(wa >= wb)
        }
        // Labels go to the top cities by the same measure.
        let labelled = map.labelledCityIDs
        #expect(labelled.first == data.cities[top].id)
    }

    @Test func tooltipGivesTheRankByTheSizeMeasure() throws {
        let data = try #require(bundledDataset)
        let map = try NetworkMap(dataset: data, options: .init(sizeBy: .betweenness))
        let values = map.sizeValues
        let i = try #require(data.index(ofCity: "hanoi-vn"))
        let rank = 1 + values.filter { $0 > values[i] }.count
        let node = try #require(map.renderableGraph().nodes.first { $0.name == "hanoi-vn" })
        #expect(node.attributes["tooltip"]?.string.contains(" — betweenness rank \(rank) of 405 — community ") == true)
    }

    @Test func communityClassesAndColours() throws {
        let data = try #require(bundledDataset)
        // Connected components as communities: canonical labels, largest first.
        let components = ConnectedComponents(of: data.graph())
        let labels = components.labels
        let map = try NetworkMap(dataset: data, options: .init(coloring: .community), communityLabels: labels)
        let graph = map.renderableGraph()
        let byName = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.name, $0) })
        for (i, city) in data.cities.enumerated() {
            let node = try #require(byName[city.id])
            let classes = (node.attributes["class"]?.string ?? "").split(separator: " ").map(String.init)
            #expect(classes.first == city.field.slug)
            let linked = !data.links(of: city.id, kinds: LinkKind.existing).isEmpty
            if linked {
                let number = Int(labels[i])
                #expect(classes.contains("community-\(number)"))
                let fill = node.attributes["fillcolor"]?.string
                #expect(fill == (number < 8 ? NetworkMap.communityColors[number] : NetworkMap.otherCommunityColor))
            } else {
                #expect(!classes.contains { $0.hasPrefix("community-") })
                #expect(classes.contains("isolated"))
            }
        }
        #expect(Set(NetworkMap.communityColors).count == 8)
        #expect(!NetworkMap.communityColors.contains(NetworkMap.otherCommunityColor))
        #expect(map.colorSwatches.first?.label.hasPrefix("community 0 around ") == true)
        #expect(map.colorSwatches.last?.label.hasPrefix("no known link") == true)
    }

    @Test func leidenCommunitiesWithTheDocumentedSeed() throws {
        let data = try #require(bundledDataset)
        let map = try NetworkMap(dataset: data, options: .init(coloring: .community))
        let partition = Leiden().partition(of: data.graph(), seed: 42)
        #expect(NetworkMap.communitySeed == 42)
        #expect(map.communityLabels == partition.labels)
        // The 233 linked cities fall into the communities `uccn clusters` prints; isolated
        // cities are in none.
        let linked = data.cities.indices.filter { map.degrees[$0] > 0 }
        #expect(map.communityCount == Set(linked.map { partition.labels[$0] }).count)
        #expect(data.cities.indices.filter { map.communityNumber(of: $0) != nil } == linked)
        let swatches = map.colorSwatches
        #expect(swatches.prefix(8).map(\.color) == NetworkMap.communityColors)
        if map.communityCount > 8 {
            #expect(swatches[8].color == NetworkMap.otherCommunityColor)
            #expect(swatches[8].label.hasPrefix("\(map.communityCount - 8) smaller communities"))
        }
        let legend = try #require(map.renderableGraph().graphAttributes["label"]).string
        #expect(legend.contains("the 8 largest coloured, the others grey"))

        // Same seed, same bytes (communities and layout).
        let again = try NetworkMap(dataset: data, options: .init(coloring: .community))
        let a = try Graphviz.shared.render(
            map.renderableGraph(), options: RenderOptions(engine: map.recommendedEngine, seed: 1))
        let b = try Graphviz.shared.render(
            again.renderableGraph(), options: RenderOptions(engine: map.recommendedEngine, seed: 1))
        #expect(a.data == b.data)
    }

    @Test func cityLinksAreOptionalAndEscapedInSVG() throws {
        let data = try #require(bundledDataset)
        let plain = try NetworkMap(
            dataset: data, options: .init(kind: .ego(cityID: "hanoi-vn", radius: 1, suggested: [])))
        #expect(plain.renderableGraph().nodes.allSatisfy { $0.attributes["URL"] == nil })

        let linked = try NetworkMap(
            dataset: data,
            options: .init(
                kind: .ego(cityID: "hanoi-vn", radius: 1, suggested: []), cityLinkBase: "report.html?lang=en&view=all"))
        let graph = linked.renderableGraph()
        #expect(
            graph.nodes.first { $0.name == "hanoi-vn" }?.attributes["URL"]
                == "report.html?lang=en&view=all#city-hanoi-vn")
        let rendered = try Graphviz.shared.render(graph, options: RenderOptions(engine: .twopi))
        let svg = try #require(SVGNodeGroups.parse(rendered.data))
        #expect(svg.linkByID["hanoi-vn"] == "report.html?lang=en&view=all#city-hanoi-vn")
    }

    @Test func wrongInputsAreErrors() throws {
        let data = try #require(bundledDataset)
        #expect(throws: NetworkMapError.unsupportedSizeMeasure(.components)) {
            try NetworkMap(dataset: data, options: .init(sizeBy: .components))
        }
        #expect(throws: NetworkMapError.communityLabelCount(expected: 405, found: 3)) {
            try NetworkMap(dataset: data, communityLabels: [0, 1, 2])
        }
        #expect(throws: NetworkMapError.invalidScale(0)) {
            try NetworkMap(dataset: data, options: .init(kind: .geographic, geographicScale: 0))
        }
    }
}
