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

    @Test func negativeWeightsAreRead() throws {
        let g = try EdgeListFormat.parse(Data("a b -2.5\nb c 1\n".utf8))
        #expect(g.isWeighted)
        #expect(g.strength(of: 1) == -1.5)
    }

    @Test func aWeightOnEveryLineMakesTheFileWeighted() throws {
        let g = try EdgeListFormat.parse(Data("0 1 2\n1 2 5\n".utf8))
        #expect(g.isWeighted)
        #expect(g.strength(of: 1) == 7)
    }

    @Test func withoutHeaderNodesComeInOrderOfAppearance() throws {
        let g = try EdgeListFormat.parse(Data("b a\n# comment\nc b\n".utf8))
        #expect(g.ids == ["b", "a", "c"])
        #expect(!g.isWeighted)
    }

    @Test(arguments: [
        (
            "# n=3 m=1 directed=false weighted=true\n0 1 abc\n",
            "g.edges:2:5: expected a number for the weight, found \"abc\""
        ),
        (
            "# n=3 m=1 directed=false weighted=true\n0 1 nan\n",
            "g.edges:2:5: weight nan is not allowed; weights must be finite numbers"
        ),
        (
            "# n=3 m=1 directed=false weighted=false\n0 7\n",
            "g.edges:2:3: expected a node id between 0 and 2 (the header says n=3), found \"7\""
        ),
        ("0\n", "g.edges:1: expected two node ids (and an optional weight), found \"0\""),
        // Without a header the whole file decides; a mix is refused in either order.
        (
            "0 1\n1 2 5\n",
            "g.edges:2: line 2 has a weight in the third column but line 1 has none; give every edge a weight, or none"
        ),
        (
            "0 1 5\n# note\n1 2\n",
            "g.edges:3: line 1 has a weight in the third column but line 3 has none; give every edge a weight, or none"
        ),
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

@Suite struct EdgeListFormatStructureTests {
    @Test func repeatedEdgesSumAndSelfLoopsCountTwice() throws {
        let text = "# n=3 m=4 directed=false weighted=true\n0 1 2\n1 0 3\r\n2 2 1.5 # a loop\n1 2 0.25\n"
        let g = try EdgeListFormat.parse(Data(text.utf8))
        #expect(g.edgeCount == 3)
        #expect(Array(g.neighbors(of: 0)) == [1])
        #expect(g.weights.map { $0[0] } == 5)
        #expect(Array(g.neighbors(of: 2)) == [1, 2, 2])
        #expect(g.degree(of: 2) == 3)
        #expect(g.strength(of: 2) == 3.25)
    }

    @Test func directedHeaderBuildsInArcs() throws {
        let g = try EdgeListFormat.parse(Data("# n=3 m=2 directed=true weighted=false\n2 0\n1 0\n".utf8))
        #expect(g.isDirected)
        #expect(Array(g.inNeighbors(of: 0)) == [1, 2])
        #expect(g.degree(of: 0) == 0)
    }

    @Test func decimalAndExponentWeightsParseLikeSwift() throws {
        let g = try EdgeListFormat.parse(Data("a b 0.1\nb c 1e-3\nc d 7\n".utf8))
        #expect(g.isWeighted)
        #expect(g.weights?.contains(0.1) == true)
        #expect(g.weights?.contains(0.001) == true)
        #expect(g.weights?.contains(7) == true)
    }

    @Test func rejectPoliciesStillApply() throws {
        var options = EdgeListFormat.ReadOptions()
        options.selfLoops = .reject
        #expect(throws: FormatError.self) {
            try EdgeListFormat.parse(Data("# n=2 m=1 directed=false weighted=false\n1 1\n".utf8), options: options)
        }
        options = EdgeListFormat.ReadOptions()
        options.duplicates = .max
        let g = try EdgeListFormat.parse(Data("a b 2\nb a 5\n".utf8), options: options)
        #expect(g.weights?[0] == 5)
    }

    @Test func nonASCIIColumnsCountCharacters() {
        do {
            _ = try EdgeListFormat.parse(Data("é b x\n".utf8), file: "g.edges")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "g.edges:1:5: expected a number for the weight, found \"x\"")
        }
    }
}
