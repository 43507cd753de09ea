import Testing

@testable import GraphRendering

@Suite struct GraphvizDiagnosticTests {
    /// Graphviz writes "Error", ": ", the text, then continuation lines without a prefix.
    @Test func piecesAreJoinedIntoMessages() {
        let text = [
            "Error", ": ", "syntax error in line 1 ... <b> ...\n", "in label of node a\n",
            "Warning", ": ", "gray101 is not a known color.\n",
        ].joined()
        #expect(
            GraphvizDiagnostic.parse(text) == [
                .init(severity: .error, message: "syntax error in line 1 ... <b> ... in label of node a"),
                .init(severity: .warning, message: "gray101 is not a known color."),
            ])
    }

    @Test func unknownColourIsReturnedAsAWarning() throws {
        var graph = RenderableGraph()
        graph.addNode("a", ["color": "notacolour"])
        let rendered = try Graphviz.shared.render(graph, options: RenderOptions(engine: .neato))
        #expect(rendered.warnings.contains { $0.severity == .warning && $0.message.contains("notacolour") })
    }

    @Test func sessionGivesTheContextUnderTheLock() throws {
        let diagnostics = try Graphviz.shared.withSession { session in session.takeDiagnostics().count }
        #expect(diagnostics == 0)
    }
}

@Suite struct RenderErrorMessageTests {
    @Test func missingPluginsSayHowToFixIt() {
        let text = "\(RenderError.pluginsNotRegistered(kind: "layout", found: []))"
        #expect(text.contains("found: none"))
        #expect(text.contains("dot -c"))
        #expect(text.contains("libgvc6"))
    }
}
