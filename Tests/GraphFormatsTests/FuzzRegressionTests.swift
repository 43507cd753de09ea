import Foundation
import GraphCore
import GraphFormats
import GraphvizDOT
import Testing

/// Inputs the fuzzers (Fuzz/run.sh) found problems with, kept in `Fixtures/fuzz/`
/// as `<reader>-<what>.<ext>`: each must now be refused with a `FormatError` (or read),
/// quickly and within bounded memory.
@Suite struct FuzzRegressionTests {
    static var inputs: [String] {
        guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { return [] }
        let directory = root.appendingPathComponent("fuzz")
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    static func format(of name: String) -> GraphFileFormat? {
        switch name.split(separator: "-").first.map(String.init) {
        case "graphml": return .graphml
        case "gexf": return .gexf
        case "json": return .json
        case "csv": return .csv
        case "edgelist": return .edgeList
        case "dot": return .dot
        default: return nil
        }
    }

    @Test(arguments: inputs)
    func foundInputIsHandled(name: String) throws {
        let format = try #require(Self.format(of: name), "name \(name) does not start with a reader")
        let data = try Data(contentsOf: URL(fileURLWithPath: try TestSupport.fixture("fuzz/\(name)")))
        // The fuzzers' limits (Fuzz/Sources/FuzzSupport).
        var options = GraphReadOptions()
        options.maxNodes = 100_000
        options.maxEdges = 1_000_000
        options.maxAttributes = 200
        do {
            let g = try GraphLoader.parse(data, format: format, file: name, options: options, dot: DOTFormat.codec)
            // Whatever was read can be written and read again.
            if format != .csv && format != .edgeList,
                let written = try? GraphWriter.render(g, format: format, dot: DOTFormat.codec).first
            {
                let again = try GraphLoader.parse(
                    written, format: format, file: "again", options: options, dot: DOTFormat.codec)
                #expect(again.graph.nodeCount == g.graph.nodeCount)
                #expect(again.graph.edgeCount == g.graph.edgeCount)
            }
        } catch let error as FormatError {
            #expect(error.file == name)
        }
    }

    @Test func aHugeDeclaredNodeCountIsRefusedBeforeAllocating() throws {
        let data = try Data(
            contentsOf: URL(fileURLWithPath: try TestSupport.fixture("fuzz/edgelist-huge-header-n.edges")))
        let error = TestSupport.formatError { try GraphLoader.parse(data, format: .edgeList, file: "h.edges") }
        #expect(
            error?.description
                == "h.edges:9: the header says n=355555554, more than the limit of 50000000 nodes; raise it with --max-nodes (GraphReadOptions.maxNodes)"
        )
    }
}
