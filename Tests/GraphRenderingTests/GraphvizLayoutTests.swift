import GraphRendering
import Testing

@Suite struct GraphvizLayoutTests {
    static func triangle() -> RenderableGraph {
        var graph = RenderableGraph(name: "triangle")
        graph.addNode("a")
        graph.addNode("b")
        graph.addNode("c")
        graph.addEdge("a", "b")
        graph.addEdge("b", "c")
        graph.addEdge("c", "a")
        return graph
    }

    @Test func returnsEveryNodesPositionInsideTheBoundingBox() throws {
        let layout = try Graphviz.shared.layout(Self.triangle(), options: RenderOptions(engine: .neato, seed: 1))
        #expect(Set(layout.positions.keys) == ["a", "b", "c"])
        for p in layout.positions.values {
            #expect(p.x >= layout.lowerLeft.x && p.x <= layout.upperRight.x)
            #expect(p.y >= layout.lowerLeft.y && p.y <= layout.upperRight.y)
        }
        #expect(Set(layout.positions.values).count == 3)
    }

    @Test func pinnedNodesKeepTheirDistances() throws {
        var graph = Self.triangle()
        graph.graphAttributes["inputscale"] = "72"
        graph.graphAttributes["notranslate"] = "true"
        for (k, (x, y)) in [(0.0, 0.0), (300.0, 0.0), (0.0, 200.0)].enumerated() {
            graph.nodes[k].attributes["pos"] = .text("\(Int(x)),\(Int(y))!")
        }
        let layout = try Graphviz.shared.layout(graph, options: RenderOptions(engine: .neato, seed: 1))
        let a = try #require(layout.positions["a"]), b = try #require(layout.positions["b"])
        let c = try #require(layout.positions["c"])
        #expect(abs((b.x - a.x) - 300) < 0.01 && abs(b.y - a.y) < 0.01)
        #expect(abs(c.x - a.x) < 0.01 && abs((c.y - a.y) - 200) < 0.01)
    }

    @Test func sameSeedSamePositions() throws {
        let a = try Graphviz.shared.layout(Self.triangle(), options: RenderOptions(engine: .sfdp, seed: 4))
        let b = try Graphviz.shared.layout(Self.triangle(), options: RenderOptions(engine: .sfdp, seed: 4))
        #expect(a == b)
    }
}
