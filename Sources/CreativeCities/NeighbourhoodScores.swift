import Foundation
import GraphCore

/// Neighbourhood link-prediction scores between one city `u` and every other node of an
/// undirected, unweighted cooperation graph, where Γ(x) is the set of x's partners and
/// k(x) = |Γ(x)| its degree:
///
/// | score | formula |
/// |---|---|
/// | common partners | CN(u,v) = \|Γ(u) ∩ Γ(v)\| |
/// | Jaccard | J(u,v) = \|Γ(u) ∩ Γ(v)\| / \|Γ(u) ∪ Γ(v)\| (0 when the union is empty) |
/// | Adamic–Adar | AA(u,v) = Σ_{z ∈ Γ(u) ∩ Γ(v)} 1 / ln k(z) |
/// | resource allocation | RA(u,v) = Σ_{z ∈ Γ(u) ∩ Γ(v)} 1 / k(z) |
/// | preferential attachment | PA(u,v) = k(u) · k(v) |
///
/// A common partner z has k(z) ≥ 2, so ln k(z) > 0. Self-loops are ignored (the
/// dataset has none). Scores match NetworkX's `common_neighbors`, `jaccard_coefficient`,
/// `adamic_adar_index`, `resource_allocation_index` and `preferential_attachment`.
///
/// - Complexity: O(Σ_{z ∈ Γ(u)} k(z) + n) for one source `u`.
/// - References: Liben-Nowell & Kleinberg, "The link-prediction problem for social
///   networks", JASIST 58(7), 2007, doi:10.1002/asi.20591 (CN, Jaccard, Adamic–Adar,
///   preferential attachment); Adamic & Adar, "Friends and neighbors on the Web", Social
///   Networks 25(3), 2003, doi:10.1016/S0378-8733(03)00009-1; Zhou, Lü & Zhang, "Predicting
///   missing links via local information", Eur. Phys. J. B 71, 2009,
///   doi:10.1140/epjb/e2009-00335-8 (resource allocation).
public struct NeighbourhoodScores: Sendable {
    /// The source node.
    public let source: Int
    /// For each node v, the common partners of `source` and v, ascending (empty for v = source).
    public let commonPartners: [[Int]]
    /// J(source, v) for each node v.
    public let jaccard: [Double]
    /// AA(source, v) for each node v.
    public let adamicAdar: [Double]
    /// RA(source, v) for each node v.
    public let resourceAllocation: [Double]
    /// PA(source, v) for each node v.
    public let preferentialAttachment: [Double]

    /// The scores between `u` and every node of `graph`.
    public init(of graph: Graph, source u: Int) {
        let n = graph.nodeCount
        let lists = PartnerLists(graph)
        // Walk u → z → v: every v reached through z shares the partner z with u.
        let (count, aa, ra, degree) = lists.scores(from: u)
        var common = [[Int]](repeating: [], count: n)
        var jaccard = [Double](repeating: 0, count: n)
        var pa = [Double](repeating: 0, count: n)
        for v in 0..<n where v != u {
            if count[v] > 0 { common[v] = lists.common(u, v) }
            let union = degree[u] + degree[v] - count[v]
            jaccard[v] = union > 0 ? Double(count[v]) / Double(union) : 0
            pa[v] = Double(degree[u] * degree[v])
        }
        self.source = u
        self.commonPartners = common
        self.jaccard = jaccard
        self.adamicAdar = aa
        self.resourceAllocation = ra
        self.preferentialAttachment = pa
    }
}

/// Hop distances from one node by breadth-first search on an unweighted graph:
/// `hops[v]` is the least number of links on a path from the source to v, `nil` when v
/// cannot be reached (another connected component), 0 for the source itself.
///
/// - Complexity: O(n + m).
/// - Reference: Moore, "The shortest path through a maze", 1959; any textbook BFS.
public struct ShortestPathHops: Sendable {
    /// The node the distances are measured from.
    public let source: Int
    /// The number of links from ``source`` to each node; `nil` when unreachable.
    public let hops: [Int?]

    /// Hop distances from `source` to every node of `graph`.
    ///
    /// - Parameters:
    ///   - graph: the graph.
    ///   - source: the node the distances are measured from.
    ///   - excluded: a neighbour of the source whose direct link is ignored (the distance as
    ///     if that link were unknown).
    public init(of graph: Graph, source: Int, excludingEdgeTo excluded: Int? = nil) {
        self.source = source
        self.hops = Self.distances(in: graph, from: source, excludingEdgeTo: excluded).map { $0 < 0 ? nil : Int($0) }
    }

    /// The same distances as numbers, −1 for a node that cannot be reached.
    static func distances(in graph: Graph, from source: Int, excludingEdgeTo excluded: Int? = nil) -> [Int32] {
        let n = graph.nodeCount
        var distance = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var head = 0, tail = 0
        distance[source] = 0
        queue[tail] = Int32(source); tail += 1
        while head < tail {
            let u = Int(queue[head]); head += 1
            for v in graph.neighbors(of: u) where distance[Int(v)] < 0 {
                if let excluded, (u == source && Int(v) == excluded) || (u == excluded && Int(v) == source) {
                    continue
                }
                distance[Int(v)] = distance[u] + 1
                queue[tail] = v; tail += 1
            }
        }
        return distance
    }
}
