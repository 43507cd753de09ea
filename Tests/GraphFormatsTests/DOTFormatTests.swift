import Foundation
import GraphCore
import GraphFormats
import GraphvizDOT
import Testing

@Suite struct DOTFormatTests {
    @Test(arguments: [false, true])
    func roundTripThroughCGraph(directed: Bool) throws {
        let original = try RoundTripTests.sample(directed: directed, weighted: true)
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("g.dot").path
        try GraphWriter.write(original, to: path, dot: DOTFormat.codec)
        let back = try GraphLoader.load(path: path, dot: DOTFormat.codec)
        // agwrite writes a node where it first appears (often in an edge), so the node
        // order of a DOT file is not the graph's.
        TestSupport.expectSame(original, back, nodeOrder: false)
    }

    /// GraphFormats alone has no DOT reader: it says where the reader is instead of guessing.
    @Test func withoutTheCodecDOTIsARefusalNamingTheModule() throws {
        let read = TestSupport.formatError {
            try GraphLoader.parse(Data("graph { a -- b }".utf8), format: .dot, file: "g.dot")
        }
        #expect(
            read?.description
                == "g.dot: dot files are read and written through Graphviz: pass `dot: DOTFormat.codec` (module GraphvizDOT)"
        )
        let original = try RoundTripTests.sample(directed: false, weighted: true)
        let written = TestSupport.formatError { try GraphWriter.render(original, format: .dot, file: "out.gv") }
        #expect(written?.description.hasPrefix("out.gv: dot files are read and written through Graphviz") == true)
        // With the codec, the same bytes read.
        let g = try GraphLoader.parse(Data("graph { a -- b }".utf8), format: .dot, file: "g.dot", dot: DOTFormat.codec)
        #expect(g.graph.ids == ["a", "b"])
    }

    @Test func defaultsApplyToNodesAndValuesAreTyped() throws {
        let dot =
            "graph G { node [shape=box]; a -- b [weight=2, since=1990]; c [shape=circle, size=1.5, on=true, label=<<b>x</b>>] }"
        let g = try DOTFormat.parse(Data(dot.utf8))
        #expect(!g.graph.isDirected)
        #expect(g.graph.ids == ["a", "b", "c"])
        #expect(g.nodeAttributes[0, "shape"] == .string("box"))
        #expect(g.nodeAttributes[2, "shape"] == .string("circle"))
        #expect(g.nodeAttributes[2, "size"] == .double(1.5))
        #expect(g.nodeAttributes[2, "on"] == .bool(true))
        #expect(g.nodeAttributes[2, "label"] == .string("<<b>x</b>>"))
        #expect(g.edgeAttributes[0, "since"] == .int(1990))
        #expect(g.graph.totalWeight == 2)
        #expect(g.graphAttributes["name"] == .string("G"))
    }

    @Test func syntaxErrorsNameTheLine() {
        let error = TestSupport.formatError {
            try DOTFormat.parse(Data("digraph {\n a -> b\n b -> ;\n}\n".utf8), file: "bad.dot")
        }
        #expect(error?.description == "bad.dot:3: DOT: syntax error in line 3 near ';'")
        let empty = TestSupport.formatError { try DOTFormat.parse(Data(" \n".utf8), file: "empty.dot") }
        #expect(
            empty?.description == "empty.dot: the file is empty; expected a DOT graph (graph { … } or digraph { … })")
    }

    /// Graphviz's parser keeps text after the first graph for its next call; it must not
    /// leak into the next file read.
    @Test func aSecondGraphDoesNotLeakIntoTheNextRead() throws {
        _ = try? DOTFormat.parse(Data("graph A { a -- b }\ngraph H { x -- y }\n".utf8))
        let g = try DOTFormat.parse(Data("graph B { c -- d }".utf8))
        #expect(g.graph.ids == ["c", "d"])
    }

    /// Found by fuzzing: an unfinished string after the graph stayed in Graphviz's
    /// parser and broke the next read in the process.
    @Test(arguments: ["graph { a -- c }\"\n", "graph { a -- b }\ngraph { c -- d }", "digraph { a -> b } x"])
    func textAfterTheGraphIsRefusedAndDoesNotLeak(text: String) throws {
        let error = TestSupport.formatError { try DOTFormat.parse(Data(text.utf8), file: "two.dot") }
        #expect(error?.message == "unexpected text after the end of the graph; a DOT file holds one graph")
        let g = try DOTFormat.parse(Data("graph { x -- y } // a comment\n/* another */\n".utf8))
        #expect(g.graph.ids == ["x", "y"])
    }

    @Test func aSyntaxErrorDoesNotLeakIntoTheNextRead() throws {
        _ = try? DOTFormat.parse(Data("graph { a -- \"unfinished".utf8))
        _ = try? DOTFormat.parse(Data("graph { a -- ; }".utf8))
        let g = try DOTFormat.parse(Data("graph { p -- q [label=\"}{\", html=<<b>}</b>>] }".utf8))
        #expect(g.graph.ids == ["p", "q"])
        #expect(g.edgeAttributes[0, "label"] == .string("}{"))
    }

    @Test func attributesGraphvizWouldMisreadAreRefusedOnWrite() throws {
        var builder = GraphBuilder()
        try builder.addEdge(from: "a", to: "b")
        var nodes = AttributeTable(count: 2)
        nodes.setColumn("width", type: .string, values: [.string("wide"), nil])
        let g = AttributedGraph(graph: try builder.build(), nodeAttributes: nodes)
        let error = TestSupport.formatError { try DOTFormat.write(g, file: "out.dot") }
        #expect(error?.message.contains("width=\"wide\", which Graphviz would misread") == true)
    }
}
