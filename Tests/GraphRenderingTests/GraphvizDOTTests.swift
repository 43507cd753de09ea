import GraphRendering
import Testing

@Suite struct GraphvizDOTTests {
    @Test func parsesNodesEdgesDefaultsAndSubgraphs() throws {
        let graph = try Graphviz.shared.parseDOT(
            """
            digraph "road map" {
              rankdir=LR
              node [shape=box, color=grey]
              a [label=<<b>A</b>>]
              b [color=red]
              a -> b [weight=2]
              a -> c
              subgraph cluster_x { label="X"; node [shape=circle]; c; d }
            }
            """)
        #expect(graph.name == "road map")
        #expect(graph.isDirected && !graph.isStrict)
        #expect(graph.graphAttributes["rankdir"] == "LR")
        #expect(graph.nodeDefaults == ["shape": "box", "color": "grey"])
        #expect(graph.nodes.map(\.name) == ["a", "b", "c", "d"])
        #expect(graph.nodes[0].attributes["label"] == .html("<b>A</b>"))
        #expect(graph.nodes[1].attributes == ["color": "red"])
        #expect(graph.edges.map { "\($0.tail)>\($0.head)" } == ["a>b", "a>c"])
        #expect(graph.edges[0].attributes == ["weight": "2"])
        let cluster = try #require(graph.subgraphs.first)
        #expect(cluster.name == "cluster_x")
        #expect(cluster.attributes["label"] == "X")
        #expect(cluster.nodeDefaults == ["shape": "circle"])
        #expect(cluster.nodes == ["c", "d"])
    }

    @Test func syntaxErrorIsARenderErrorAndDoesNotLeak() throws {
        #expect {
            try Graphviz.shared.parseDOT("graph { a -- ; }")
        } throws: { error in
            guard case let .graphviz(stage, messages) = error as? RenderError else { return false }
            return stage == "DOT parsing" && messages.contains { $0.contains("syntax error") }
        }
        let next = try Graphviz.shared.parseDOT("graph { x -- y }")
        #expect(next.nodes.map(\.name) == ["x", "y"])
    }

    @Test func secondGraphInTheTextIsRefusedAndNotCarriedOver() throws {
        #expect(throws: RenderError.invalidGraph("the DOT text holds 2 graphs; expected one")) {
            try Graphviz.shared.parseDOT("graph one { a } graph two { b }")
        }
        let next = try Graphviz.shared.parseDOT("graph three { c }")
        #expect(next.name == "three")
        #expect(next.nodes.map(\.name) == ["c"])
    }

    @Test func writeThenParseRoundTrips() throws {
        var graph = RenderableGraph(name: "trip", isDirected: false, graphAttributes: ["label": "Trip & co"])
        graph.nodeDefaults["shape"] = "circle"
        graph.addNode("Hà Nội", ["label": .html("<i>Hà Nội</i>"), "tooltip": "capital \"of\" Viet Nam"])
        graph.addNode("Huế")
        graph.addEdge("Hà Nội", "Huế", ["penwidth": "2"])
        graph.subgraphs = [.init("cluster_north", attributes: ["label": "North"], nodes: ["Hà Nội"])]
        let text = try Graphviz.shared.writeDOT(graph)
        #expect(text.hasPrefix("graph trip {"))
        let back = try Graphviz.shared.parseDOT(text)
        #expect(back == graph)
    }
}
