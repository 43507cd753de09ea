import CreativeCities
import Foundation
import GraphAlgorithms
import GraphRendering
import Testing

@Suite struct NetworkMapTests {
    @Test func everyCityIsANodeWithIDClassAndTooltip() throws {
        let data = try #require(bundledDataset)
        let graph = try NetworkMap(dataset: data).renderableGraph()
        let byName = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.name, $0) })
        for city in data.cities {
            let node = try #require(byName[city.id])
            #expect(node.attributes["id"] == .text(city.id))
            #expect(node.attributes["class"]?.string.hasPrefix(city.field.slug) == true)
            let tooltip = node.attributes["tooltip"]?.string ?? ""
            #expect(
                tooltip.contains(city.name) && tooltip.contains(city.country) && tooltip.contains(city.field.rawValue))
            if let year = city.year { #expect(tooltip.contains(String(year))) }
        }
        let hanoi = try #require(byName["hanoi-vn"])
        let degreeRank = 1 + data.cities.filter { data.links(of: $0.id, kinds: LinkKind.existing).count > 6 }.count
        let community = Leiden().partition(of: data.graph(), seed: 42).labels[
            try #require(data.index(ofCity: "hanoi-vn"))]
        #expect(
            hanoi.attributes["tooltip"]
                == .text(
                    "Hanoi, Viet Nam — City of Design (2019) — 6 links, 7 proposed — degree rank \(degreeRank) of 405 — community \(community)"
                ))
    }

    @Test func labelsTheBestConnectedCitiesAndTheHighlightedOne() throws {
        let data = try #require(bundledDataset)
        let map = try NetworkMap(dataset: data, options: .init(labelCount: 5, highlightedCityIDs: ["hanoi-vn"]))
        let labelled = map.labelledCityIDs
        #expect(labelled.prefix(3) == ["rio-de-janeiro-br", "istanbul-tr", "buenos-aires-ar"])
        #expect(labelled.last == "hanoi-vn")
        #expect(labelled.count == 6)
        let graph = map.renderableGraph()
        let names = graph.nodes.filter { $0.attributes["class"] == "city-label" }.map(\.name)
        #expect(Set(names) == Set(labelled.map { "label-" + $0 }))
    }

    @Test func noCityIsHighlightedUnlessAsked() throws {
        let data = try #require(bundledDataset)
        for kind in [NetworkMap.Kind.whole, .geographic] {
            let map = try NetworkMap(dataset: data, options: .init(kind: kind, labelCount: 5))
            #expect(!map.labelledCityIDs.contains("hanoi-vn"))
            let graph = map.renderableGraph()
            #expect(graph.nodes.allSatisfy { $0.attributes["penwidth"] != "2.5" }, "\(kind)")
            #expect(graph.nodes.allSatisfy { !($0.attributes["label"]?.isHTML ?? false) }, "\(kind)")
        }
    }

    @Test(arguments: [NetworkMap.Coloring.field, .region])
    func fadedCitiesHaveTheirLegendEntry(coloring: NetworkMap.Coloring) throws {
        let data = try #require(bundledDataset)
        let map = try NetworkMap(dataset: data, options: .init(coloring: coloring))
        let unlinked = map.degrees.filter { $0 == 0 }.count
        #expect(unlinked > 0)
        let faded = try #require(map.colorSwatches.last)
        #expect(faded.label == "faded: no known link (\(unlinked) cities)")
        #expect(faded.color == NetworkMap.fadedSwatchColor)
        let legend = try #require(map.renderableGraph().graphAttributes["label"]).string
        #expect(legend.contains("faded: no known link"))
    }

    @Test func linksAreStyledByKindAndUnlinkedCitiesAreGroupedByRegion() throws {
        let data = try #require(bundledDataset)
        let graph = try NetworkMap(dataset: data).renderableGraph()
        let visible = graph.edges.filter { $0.attributes["style"] != "invis" }
        #expect(visible.count == data.links.filter { NetworkMap.defaultLinkKinds.contains($0.kind) }.count)
        let styleByKind = Dictionary(grouping: visible, by: { $0.attributes["class"]?.string ?? "" })
            .mapValues { Set($0.compactMap { $0.attributes["style"]?.string }) }
        #expect(styleByKind == ["sister-city": ["solid"], "partnership": ["bold"], "proposed": ["dashed"]])
        let linked = Set(
            data.links.filter { NetworkMap.defaultLinkKinds.contains($0.kind) }.flatMap { [$0.sourceID, $0.targetID] })
        let unlinked = data.cities.filter { !linked.contains($0.id) }
        let tied = graph.edges.filter { $0.attributes["style"] == "invis" }
        #expect(tied.count == unlinked.count)
        for city in unlinked {
            #expect(tied.contains { $0.tail == NetworkMap.unlinkedGroupID(city.region) && $0.head == city.id })
        }
    }

    @Test(arguments: NetworkMap.Coloring.allCases)
    func coloursAreDistinct(coloring: NetworkMap.Coloring) {
        let colors = coloring == .field ? Array(NetworkMap.fieldColors.values) : Array(NetworkMap.regionColors.values)
        #expect(colors.count == (coloring == .field ? 8 : 5))
        #expect(Set(colors).count == colors.count)
    }

    @Test func renderedSVGHasOneNodeGroupPerCity() throws {
        let data = try #require(bundledDataset)
        let rendered = try Graphviz.shared.render(
            try NetworkMap(dataset: data).renderableGraph(), options: RenderOptions(engine: .neato, seed: 1))
        let groups = try #require(SVGNodeGroups.parse(rendered.data))
        let cityIDs = Set(data.cities.map(\.id))
        let cityGroups = groups.classByID.filter { cityIDs.contains($0.key) }
        #expect(cityGroups.count == 405)
        let names = groups.classByID.filter { $0.value == "node city-label" }.count
        #expect(names > 0 && names <= 30)
        #expect(groups.count == 405 + UNESCORegion.allCases.count + names)
        #expect(cityGroups["hanoi-vn"]?.hasPrefix("node design asia-and-the-pacific community-") == true)
        #expect(cityGroups["sifnos-gr"]?.hasSuffix("isolated") == true)
        #expect(rendered.warnings.isEmpty)
    }
}
