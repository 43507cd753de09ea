import GraphRendering
import Testing

@Suite struct LayoutEngineTests {
    @Test func enginesAreGraphvizNames() {
        #expect(LayoutEngine.allCases.map(\.rawValue) == ["dot", "neato", "fdp", "sfdp", "circo", "twopi"])
    }
}
