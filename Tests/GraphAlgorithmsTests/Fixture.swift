import Foundation
import GraphCore
import GraphFormats

/// A graph from `Fixtures/NAME.edges` with the NetworkX values in `Fixtures/NAME.json`
/// (written by `make_fixtures.py`).
struct Fixture {
    let name: String
    let graph: Graph
    let measures: [String: [Double]]
    let scalars: [String: Double]
    let parameters: [String: Any]

    static let directory: URL? = Bundle.module.url(forResource: "Fixtures", withExtension: nil)

    static func load(_ name: String) throws -> Fixture {
        guard let directory else { throw FixtureError.missing("Fixtures folder") }
        let edges = directory.appendingPathComponent(name + ".edges")
        let graph = try EdgeListFormat.read(path: edges.path)
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let measures = object["measures"] as? [String: [Double]]
        else { throw FixtureError.missing("measures in \(name).json") }
        return Fixture(
            name: name, graph: graph, measures: measures,
            scalars: object["scalars"] as? [String: Double] ?? [:],
            parameters: object["parameters"] as? [String: Any] ?? [:])
    }

    /// Measure keys starting with `family` (`betweenness` matches `betweenness`,
    /// `betweenness.raw.unweighted`, …), each with whether it uses weights.
    func keys(for family: String) -> [(key: String, weighted: Bool)] {
        measures.keys.sorted().compactMap { key in
            let base = key.hasSuffix(".unweighted") ? String(key.dropLast(".unweighted".count)) : key
            guard base == family else { return nil }
            return (key, graph.isWeighted && !key.hasSuffix(".unweighted"))
        }
    }
}

enum FixtureError: Error { case missing(String) }

/// Largest violation of `|a − b| ≤ tolerance · max(|b|, floor)` (0 when all agree),
/// with the node where it happens.
func worstDifference(
    _ actual: [Double], _ expected: [Double], tolerance: Double, floor: Double = 1e-3
)
    -> (excess: Double, node: Int, actual: Double, expected: Double)?
{
    guard actual.count == expected.count else { return (.infinity, -1, .nan, .nan) }
    var worst: (excess: Double, node: Int, actual: Double, expected: Double)? = nil
    for i in actual.indices {
        let allowed = tolerance * max(abs(expected[i]), floor)
        let diff = abs(actual[i] - expected[i])
        if !(diff <= allowed) {
            let excess = diff.isNaN ? .infinity : diff / allowed
            if worst == nil || excess > worst!.excess { worst = (excess, i, actual[i], expected[i]) }
        }
    }
    return worst
}
