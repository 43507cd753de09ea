import Foundation
import GraphRendering
import Testing

@Suite struct GraphvizRenderTests {
    /// A ring of `n` nodes with chords, named n0, n1, …
    static func ring(_ n: Int) -> RenderableGraph {
        var g = RenderableGraph(graphAttributes: ["overlap": "prism", "splines": "false"])
        for i in 0..<n { g.addNode("n\(i)", ["id": .text("node-\(i)"), "class": "ring"]) }
        for i in 0..<n {
            g.addEdge("n\(i)", "n\((i + 1) % n)")
            if i % 3 == 0 { g.addEdge("n\(i)", "n\((i * 7 + 5) % n)") }
        }
        return g
    }

    @Test func pluginsAreRegistered() throws {
        try Graphviz.shared.requirePlugins()
        #expect(Graphviz.shared.availableFormats.contains("svg"))
    }

    @Test(arguments: LayoutEngine.allCases)
    func svgHasOneGroupPerNodeWithItsID(engine: LayoutEngine) throws {
        let rendered = try Graphviz.shared.render(Self.ring(12), options: RenderOptions(engine: engine))
        let svg = try #require(SVGInspection.inspect(rendered.data))
        #expect(svg.nodeIDs.sorted() == (0..<12).map { "node-\($0)" }.sorted())
        #expect(svg.nodeClasses["node-3"] == "node ring")
        #expect(rendered.warnings.isEmpty)
    }

    @Test(arguments: [OutputFormat.png, .pdf])
    func bitmapAndPDFHaveTheirSignatures(format: OutputFormat) throws {
        let rendered = try Graphviz.shared.render(Self.ring(6), options: RenderOptions(engine: .neato, format: format))
        let magic: [UInt8] = format == .png ? [0x89, 0x50, 0x4E, 0x47] : Array("%PDF".utf8)
        #expect(Array(rendered.data.prefix(4)) == magic)
    }

    @Test(arguments: [
        ("penwidth", "fat"), ("width", "-1"), ("fontsize", "0"), ("K", "abc"), ("start", "soon"),
        ("overlap", "maybe"), ("sep", "+x"),
    ])
    func badAttributeValueIsAnError(name: String, value: String) {
        var graph = Self.ring(4)
        if ["K", "start", "overlap", "sep"].contains(name) {
            graph.graphAttributes[name] = .text(value)
        } else {
            graph.nodes[1].attributes[name] = .text(value)
        }
        #expect {
            try Graphviz.shared.render(graph)
        } throws: { error in
            guard case let .invalidAttribute(_, attribute, bad, _) = error as? RenderError else { return false }
            return attribute == name && bad == value
        }
    }

    @Test func goodAttributeValuesAreAccepted() throws {
        var graph = Self.ring(4)
        graph.graphAttributes["sep"] = "+4"
        graph.graphAttributes["size"] = "7,7!"
        graph.graphAttributes["start"] = "random42"
        graph.nodes[0].attributes["width"] = .number(0.35)
        graph.nodes[0].attributes["fixedsize"] = "true"
        graph.edgeDefaults["penwidth"] = "1.5"
        _ = try Graphviz.shared.render(graph, options: RenderOptions(engine: .fdp))
    }

    @Test func unknownEngineListsTheAvailableOnes() {
        #expect {
            try LayoutEngine.named("spring")
        } throws: { error in
            guard case let .unknownEngine(name, available) = error as? RenderError else { return false }
            return name == "spring" && available.contains("sfdp") && available.contains("dot")
                && "\(error)".contains("available: ")
        }
        #expect(throws: Never.self) { try LayoutEngine.named("SFDP") }
    }

    @Test func brokenHTMLLabelBecomesARenderError() {
        var graph = Self.ring(3)
        graph.nodes[0].attributes["label"] = .html("<b>unclosed")
        #expect {
            try Graphviz.shared.render(graph, options: RenderOptions(engine: .neato))
        } throws: { error in
            guard case let .graphviz(stage, messages) = error as? RenderError else { return false }
            return stage.hasPrefix("layout") && messages.contains { $0.contains("in label of node n0") }
        }
        // The lock and the message buffer are clean afterwards.
        #expect(throws: Never.self) { try Graphviz.shared.render(Self.ring(3), options: RenderOptions(engine: .neato)) }
    }

    @Test func htmlLabelRenders() throws {
        var graph = Self.ring(3)
        graph.nodes[0].attributes["label"] = .html("<table border=\"0\"><tr><td><b>bold</b></td></tr></table>")
        graph.nodes[0].attributes["shape"] = "plain"
        let rendered = try Graphviz.shared.render(graph, options: RenderOptions(engine: .neato))
        #expect(String(decoding: rendered.data, as: UTF8.self).contains(">bold</text>"))
    }

    /// fdp is left out: Graphviz 2.42's fdp keeps state between layouts in one process (each
    /// new process gives the same bytes, which the command tests check for the default engine).
    @Test(arguments: [LayoutEngine.sfdp, .neato])
    func sameSeedGivesSameBytes(engine: LayoutEngine) throws {
        let graph = Self.ring(40)
        let first = try Graphviz.shared.render(graph, options: RenderOptions(engine: engine, seed: 7))
        // Another layout in between must not change the next one.
        _ = try Graphviz.shared.render(Self.ring(9), options: RenderOptions(engine: engine, seed: 3))
        let second = try Graphviz.shared.render(graph, options: RenderOptions(engine: engine, seed: 7))
        let other = try Graphviz.shared.render(graph, options: RenderOptions(engine: engine, seed: 8))
        #expect(first.data == second.data)
        #expect(first.data != other.data)
    }

    @Test func urlWithAmpersandGivesValidXML() throws {
        var graph = Self.ring(3)
        let url = "https://example.org/search?q=hanoi&field=design&lang=en"
        graph.nodes[0].attributes["URL"] = .text(url)
        graph.nodes[1].attributes["href"] = "https://example.org/?a=1&amp;b=2"
        graph.edges[0].attributes["URL"] = "https://example.org/e?x=1&y=2"
        graph.nodes[2].attributes["tooltip"] = "Rock & Roll <live>"
        let rendered = try Graphviz.shared.render(graph, options: RenderOptions(engine: .neato))
        let svg = try #require(SVGInspection.inspect(rendered.data))
        #expect(svg.links.contains(url))
        #expect(svg.links.contains("https://example.org/?a=1&b=2"))
        #expect(svg.links.contains("https://example.org/e?x=1&y=2"))
    }

    @Test func graphTooLargeForTheEngineIsRefused() {
        let graph = Self.ring(900)
        #expect {
            try Graphviz.shared.render(graph, options: RenderOptions(engine: .dot))
        } throws: { error in
            guard case let .graphTooLarge(engine, nodes, _, maxNodes, _, suggestion) = error as? RenderError else {
                return false
            }
            return engine == "dot" && nodes == 900 && maxNodes == 800 && suggestion.contains("sfdp")
        }
    }

    @Test func unknownEdgeEndAndRepeatedNodeAreErrors() {
        var graph = Self.ring(3)
        graph.addEdge("n0", "nowhere")
        #expect(throws: RenderError.invalidGraph("edge \"n0\" – \"nowhere\": no node \"nowhere\"")) {
            try Graphviz.shared.render(graph)
        }
        var twice = Self.ring(3)
        twice.addNode("n1")
        #expect(throws: RenderError.invalidGraph("node \"n1\" is listed twice")) { try Graphviz.shared.render(twice) }
    }

    @Test func clustersAreDrawnByFdp() throws {
        var graph = Self.ring(6)
        graph.subgraphs = [
            .init("cluster_a", attributes: ["label": "A", "id": "cluster-a"], nodes: ["n0", "n1", "n2"])
        ]
        let rendered = try Graphviz.shared.render(graph, options: RenderOptions(engine: .fdp))
        let text = String(decoding: rendered.data, as: UTF8.self)
        #expect(text.contains("<g id=\"cluster&#45;a\" class=\"cluster\">"))
        #expect(text.contains("<title>cluster_a</title>"))
    }

    @Test func concurrentRendersAreSerialised() async throws {
        let sizes = await withTaskGroup(of: Int.self) { group in
            for i in 0..<8 {
                group.addTask {
                    let engine: LayoutEngine = i.isMultiple(of: 2) ? .sfdp : .neato
                    let result = try? Graphviz.shared.render(Self.ring(20 + i), options: RenderOptions(engine: engine))
                    return result.flatMap { SVGInspection.inspect($0.data)?.nodeIDs.count } ?? -1
                }
            }
            var all: [Int] = []
            for await size in group { all.append(size) }
            return all.sorted()
        }
        #expect(sizes == (20..<28).map { $0 })
    }
}
