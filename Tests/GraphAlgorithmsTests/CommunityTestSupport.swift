import Foundation
import GraphAlgorithms
import GraphCore
import GraphFormats

/// Graphs and checks shared by the community-detection tests.
enum CommunityTestSupport {
    static func fixtureURL(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
        }
        return url
    }

    static func fixtureGraph(_ name: String, weighted: Bool = true) throws -> Graph {
        let g = try EdgeListFormat.read(path: try fixtureURL(name).path)
        return weighted ? g : g.unweighted()
    }

    /// `count` cliques of `size` nodes; consecutive cliques joined by `bridges` edges
    /// (a ring when `ring`), no bridges when 0.
    static func cliques(count: Int, size: Int, bridges: Int = 0, ring: Bool = false) throws -> Graph {
        var b = GraphBuilder()
        for i in 0..<(count * size) { try b.addNode(String(i)) }
        for c in 0..<count {
            for i in 0..<size { for j in (i + 1)..<size { try b.addEdge(c * size + i, c * size + j) } }
        }
        if bridges > 0 {
            let last = ring ? count : count - 1
            for c in 0..<last {
                let d = (c + 1) % count
                for k in 0..<bridges { try b.addEdge(c * size + k, d * size + (k + 1) % size) }
            }
        }
        return try b.build()
    }

    /// A planted-partition random graph: `groups` groups of `size` nodes, each pair
    /// linked with probability `pIn` inside a group and `pOut` across.
    static func plantedPartition(groups: Int, size: Int, pIn: Double, pOut: Double, seed: UInt64) throws -> Graph {
        var rng = SeededGenerator(seed: seed)
        let n = groups * size
        var b = GraphBuilder()
        for i in 0..<n { try b.addNode(String(i)) }
        for u in 0..<n {
            for v in (u + 1)..<n {
                let p = u / size == v / size ? pIn : pOut
                if rng.nextUnit() < p { try b.addEdge(u, v) }
            }
        }
        return try b.build()
    }

    /// Whether every community of `partition` induces a connected subgraph.
    static func communitiesAreConnected(_ graph: Graph, _ partition: Partition) -> Bool {
        var seen = [Bool](repeating: false, count: graph.nodeCount)
        for members in partition.members() {
            guard let first = members.first else { continue }
            var stack = [first]
            seen[first] = true
            var reached = 1
            let label = partition.labels[first]
            while let u = stack.popLast() {
                for v32 in graph.neighbors(of: u) {
                    let v = Int(v32)
                    if !seen[v] && partition.labels[v] == label {
                        seen[v] = true
                        reached += 1
                        stack.append(v)
                    }
                }
            }
            if reached != members.count { return false }
        }
        return true
    }
}
