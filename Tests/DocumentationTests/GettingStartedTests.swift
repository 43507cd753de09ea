import CreativeCities
import Foundation
import GraphAlgorithms
import GraphCore
import GraphFormats
import GraphRendering
import Testing

/// The "Getting started" article's code (GraphCore.docc/GettingStarted.md) compiled and
/// run: the lines between the markers below must be the article's, character for character.
@Suite struct GettingStartedTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let article = root.appendingPathComponent("Sources/GraphCore/GraphCore.docc/GettingStarted.md")

    @Test func snippetDrawsTheKarateClub() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("uccn-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = Self.root.appendingPathComponent("Tests/GraphAlgorithmsTests/Fixtures/karate.edges").path
        let output = directory.appendingPathComponent("karate.svg")

        // snippet begin
        let graph = try GraphLoader.load(path: input).graph
        let rank = try pageRank(of: graph)  // nx.pagerank(G)
        let communities = Leiden().partition(of: graph, seed: 42)  // leidenalg
        let palette = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00"]
        var map = RenderableGraph(name: "network", isDirected: graph.isDirected)
        map.nodeDefaults = ["style": "filled", "fontsize": "9"]
        for u in 0..<graph.nodeCount {
            let color = palette[Int(communities.labels[u]) % palette.count]
            let size = GraphvizValue.number(0.2 + 3 * rank[u])
            map.addNode(graph.ids[u], ["fillcolor": .text(color), "width": size])
        }
        for edge in graph.edges() {
            map.addEdge(graph.ids[edge.source], graph.ids[edge.target])
        }
        let options = RenderOptions(engine: .sfdp, format: .svg, seed: 1)
        let drawn = try Graphviz.shared.render(map, options: options)
        try AtomicFile.write(drawn.data, to: output)
        // snippet end

        #expect(graph.nodeCount == 34)
        #expect(abs(rank.reduce(0, +) - 1) < 1e-12)
        #expect(communities.count == 4)
        let svg = try String(contentsOf: output, encoding: .utf8)
        #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == 34)
        #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 == 78)
    }

    /// The article shows exactly the code the test above runs.
    @Test func articleShowsTheTestedCode() throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let lines = source.components(separatedBy: "\n")
        let begin = try #require(lines.firstIndex { $0.hasSuffix("// snippet begin") })
        let end = try #require(lines.firstIndex { $0.hasSuffix("// snippet end") })
        let tested = lines[(begin + 1)..<end].map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : $0 }

        let article = try String(contentsOf: Self.article, encoding: .utf8).components(separatedBy: "\n")
        let output = try #require(article.firstIndex { $0.hasPrefix("let output = ") })
        let close = try #require(article[output...].firstIndex { $0 == "```" })
        let shown = Array(article[(output + 2)..<close])
        #expect(shown == tested)
    }
}

/// The example of CreativeCities' overview (CreativeCities.docc/CreativeCities.md), on the
/// bundled dataset.
@Suite struct CreativeCitiesOverviewTests {
    @Test func hanoiPartnersAndTheMap() throws {
        let folder = GettingStartedTests.root.appendingPathComponent("Graphs")
        let dataset = try CreativeCitiesDataset.load(directory: folder)
        let hanoi = try CityLookup(dataset: dataset).index(of: "Hanoi")
        let query = PartnerQuery(city: hanoi, top: 3)
        let partners = try PartnerSuggester(dataset: dataset).suggest(query)
        #expect(partners.suggestions.map(\.city.name) == ["Saint-Étienne", "Nagoya", "Curitiba"])
        #expect(partners.suggestions.map(\.rank) == [1, 2, 3])
        #expect(abs(partners.suggestions[0].score - 0.527) < 0.0005)
        let map = try NetworkMap(dataset: dataset)
        let drawing = try map.drawing(seed: 1)  // laid out, names placed
        let options = RenderOptions(engine: map.recommendedEngine)
        let svg = try Graphviz.shared.render(drawing, options: options).data
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.hasPrefix("<?xml"))
        // Every city, one hub a region that gathers its cities with no known link, and the
        // names placed beside the best-connected cities (at most 30, none overlapping).
        let nodes = text.components(separatedBy: "class=\"node ").count - 1
        let names = text.components(separatedBy: "class=\"node city&#45;label\"").count - 1
        #expect(names > 20 && names <= 30)
        #expect(nodes == dataset.cities.count + UNESCORegion.allCases.count + names)
    }
}
