import Foundation
import GraphCore
import GraphFormats
import Testing

@Suite struct EdgeListFormatTests {
    @Test func headerFixesNodeCountAndWeights() throws {
        let text = "# graph: t\n# n=4 m=2 directed=false weighted=true\n0 1 2.5\n1 2 1\n"
        let g = try EdgeListFormat.parse(Data(text.utf8))
        #expect(g.nodeCount == 4)
        #expect(g.edgeCount == 2)
        #expect(g.isWeighted)
        #expect(g.ids == ["0", "1", "2", "3"])
        #expect(g.strength(of: 1) == 3.5)
    }

    @Test func withoutHeaderNodesComeInOrderOfAppearance() throws {
        let g = try EdgeListFormat.parse(Data("b a\n# comment\nc b\n".utf8))
        #expect(g.ids == ["b", "a", "c"])
        #expect(!g.isWeighted)
    }

    @Test(arguments: [
        ("# n=3 m=1 directed=false weighted=true\n0 1 abc\n", "g.edges:2:5: expected a number for the weight, found \"abc\""),
        ("# n=3 m=1 directed=false weighted=true\n0 1 nan\n", "g.edges:2:5: weight nan is not allowed; weights must be finite and not negative"),
        ("# n=3 m=1 directed=false weighted=false\n0 7\n", "g.edges:2:3: expected a node id between 0 and 2 (the header says n=3), found \"7\""),
        ("0\n", "g.edges:1: expected two node ids (and an optional weight), found \"0\""),
    ])
    func malformedLinesNameFileLineAndColumn(text: String, message: String) {
        #expect(throws: FormatError.self) { try EdgeListFormat.parse(Data(text.utf8), file: "g.edges") }
        do {
            _ = try EdgeListFormat.parse(Data(text.utf8), file: "g.edges")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
