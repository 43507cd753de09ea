import Foundation
import GraphCore
import GraphFormats
import Testing

/// Paths and comparisons shared by the format tests.
enum TestSupport {
    static func fixture(_ name: String) throws -> String {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return root.appendingPathComponent(name).path
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("uccn-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Edges as `source id → target id → (weight, attributes)`, with undirected pairs in
    /// sorted order so that two graphs can be compared whatever their edge order.
    static func edgeMap(_ g: AttributedGraph) -> [String: (weight: Double, attributes: [String: AttributeValue])] {
        var map: [String: (Double, [String: AttributeValue])] = [:]
        for (e, edge) in g.graph.edges().enumerated() {
            var a = g.graph.ids[edge.source], b = g.graph.ids[edge.target]
            if !g.graph.isDirected && b < a { swap(&a, &b) }
            var attributes: [String: AttributeValue] = [:]
            for column in g.edgeAttributes.columns {
                if let v = column.values[e] { attributes[column.name] = v }
            }
            map["\(a)\u{1}\(b)"] = (edge.weight, attributes)
        }
        return map
    }

    static func nodeMap(_ g: AttributedGraph) -> [String: [String: AttributeValue]] {
        var map: [String: [String: AttributeValue]] = [:]
        for (u, id) in g.graph.ids.enumerated() {
            var attributes: [String: AttributeValue] = [:]
            for column in g.nodeAttributes.columns {
                if let v = column.values[u] { attributes[column.name] = v }
            }
            map[id] = attributes
        }
        return map
    }

    /// Expects `b` to hold the same graph as `a`: ids in the same order, the same edges
    /// with the same weights, and the same attribute values and column types.
    static func expectSame(
        _ a: AttributedGraph, _ b: AttributedGraph, nodeOrder: Bool = true, graphAttributes: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(a.graph.isDirected == b.graph.isDirected, sourceLocation: sourceLocation)
        #expect(a.graph.isWeighted == b.graph.isWeighted, sourceLocation: sourceLocation)
        #expect(a.graph.nodeCount == b.graph.nodeCount, sourceLocation: sourceLocation)
        #expect(a.graph.edgeCount == b.graph.edgeCount, sourceLocation: sourceLocation)
        if nodeOrder {
            #expect(a.graph.ids == b.graph.ids, sourceLocation: sourceLocation)
        } else {
            #expect(Set(a.graph.ids) == Set(b.graph.ids), sourceLocation: sourceLocation)
        }
        let na = nodeMap(a), nb = nodeMap(b)
        #expect(na == nb, sourceLocation: sourceLocation)
        let ea = edgeMap(a), eb = edgeMap(b)
        #expect(Set(ea.keys) == Set(eb.keys), sourceLocation: sourceLocation)
        for (key, value) in ea {
            guard let other = eb[key] else { continue }
            #expect(value.weight == other.weight, "weight of \(key)", sourceLocation: sourceLocation)
            #expect(value.attributes == other.attributes, "attributes of \(key)", sourceLocation: sourceLocation)
        }
        let ta = Dictionary(uniqueKeysWithValues: a.nodeAttributes.columns.map { ($0.name, $0.type) })
        let tb = Dictionary(uniqueKeysWithValues: b.nodeAttributes.columns.map { ($0.name, $0.type) })
        #expect(ta == tb, "node column types", sourceLocation: sourceLocation)
        let te = Dictionary(uniqueKeysWithValues: a.edgeAttributes.columns.map { ($0.name, $0.type) })
        let tf = Dictionary(uniqueKeysWithValues: b.edgeAttributes.columns.map { ($0.name, $0.type) })
        #expect(te == tf, "edge column types", sourceLocation: sourceLocation)
        if graphAttributes {
            #expect(a.graphAttributes == b.graphAttributes, sourceLocation: sourceLocation)
        }
    }

    /// The message of the error `body` throws (the test fails when it throws none or
    /// another type).
    static func formatError(_ body: () throws -> Any, sourceLocation: SourceLocation = #_sourceLocation) -> FormatError?
    {
        do {
            _ = try body()
            Issue.record("expected a FormatError, but reading succeeded", sourceLocation: sourceLocation)
            return nil
        } catch let error as FormatError {
            return error
        } catch {
            Issue.record("expected a FormatError, got \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }
}
