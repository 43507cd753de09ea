import GraphCore

/// Newman–Girvan modularity of a partition, with a resolution parameter, and the
/// Constant Potts Model (CPM) quality.
///
/// **Modularity.** For an undirected graph with edge weights `w` (strengths; 1 when
/// unweighted), total edge weight `m`, and a partition into communities `c`:
///
///     Q = Σ_c [ L_c / m − γ · (d_c / 2m)² ]
///
/// where `L_c` is the weight of the edges inside `c` and `d_c` the sum of the strengths
/// (weighted degrees) of its nodes. A self-loop of weight `w` adds `w` to `L_c` and `2w`
/// to its node's strength. Isolated nodes have strength 0 and do not change `Q`, whatever
/// community they are put in. `γ = 1` is the classic definition; larger `γ` favours
/// smaller communities. The value equals `networkx.community.modularity(G, C,
/// weight="weight", resolution=γ)` and igraph's `Graph.modularity` on undirected graphs.
/// An empty graph (no edge weight) has `Q = 0`.
///
/// **Directed graphs** are not scored with the directed (Leicht–Newman) formula: they are
/// treated as undirected, the weights of `u→v` and `v→u` summed into one edge `{u, v}`.
/// The community algorithms use the same conversion, so the modularity they optimise is
/// the one reported. (NetworkX uses the directed formula for `DiGraph`s; convert with
/// `G.to_undirected()` after summing reciprocal weights to compare.)
///
/// **CPM** (Traag, Van Dooren & Nesterov 2011): `H = Σ_c [ L_c − γ · n_c (n_c − 1) / 2 ]`,
/// `n_c` the number of nodes in `c`; `γ` is a density threshold, and there is no null
/// model, so CPM does not suffer from modularity's resolution limit.
///
/// - Complexity: O(n + m).
/// - References: Newman & Girvan, "Finding and evaluating community structure in
///   networks", Phys. Rev. E 69, 026113 (2004), doi:10.1103/PhysRevE.69.026113;
///   Reichardt & Bornholdt, "Statistical mechanics of community detection", Phys. Rev. E
///   74, 016110 (2006), doi:10.1103/PhysRevE.74.016110 (resolution γ);
///   Traag, Van Dooren & Nesterov, "Narrow scope for resolution-limit-free community
///   detection", Phys. Rev. E 84, 016114 (2011), doi:10.1103/PhysRevE.84.016114 (CPM).
public enum Modularity {
    /// Modularity of `partition` on `graph` (weights used when the graph has them).
    public static func modularity(of graph: Graph, partition: Partition, resolution: Double = 1) -> Double {
        modularity(
            of: CommunityGraph(graph), labels: partition.labels, communityCount: partition.count,
            resolution: resolution)
    }

    /// Modularity of the partition given by any labels (nodes with equal labels together).
    public static func modularity<Labels: Collection>(
        of graph: Graph, labels: Labels, resolution: Double = 1
    ) -> Double where Labels.Element: BinaryInteger {
        modularity(of: graph, partition: Partition(rawLabels: labels), resolution: resolution)
    }

    /// CPM quality `Σ_c [L_c − γ·n_c(n_c − 1)/2]` of `partition` on `graph`.
    public static func cpmQuality(of graph: Graph, partition: Partition, resolution: Double) -> Double {
        let work = CommunityGraph(graph)
        let inside = insideWeights(of: work, labels: partition.labels, communityCount: partition.count)
        var h = 0.0
        for c in 0..<partition.count {
            let size = Double(partition.sizes[c])
            h += inside[c] / 2 - resolution * size * (size - 1) / 2
        }
        return h
    }

    /// Arc weight inside each community (twice the edge weight; self-loops included).
    static func insideWeights(of graph: CommunityGraph, labels: [Int32], communityCount k: Int) -> [Double] {
        var inside = [Double](repeating: 0, count: k)
        inside.withUnsafeMutableBufferPointer { inside in
            labels.withUnsafeBufferPointer { label in
                graph.offsets.withUnsafeBufferPointer { off in
                    graph.targets.withUnsafeBufferPointer { tgt in
                        graph.weights.withUnsafeBufferPointer { wts in
                            for u in 0..<graph.nodeCount {
                                let c = label[u]
                                var sum = graph.selfWeight[u]
                                for a in off[u]..<off[u + 1] where label[Int(tgt[a])] == c {
                                    sum += wts[a]
                                }
                                inside[Int(c)] += sum
                            }
                        }
                    }
                }
            }
        }
        return inside
    }

    static func modularity(
        of graph: CommunityGraph, labels: [Int32], communityCount k: Int, resolution: Double
    ) -> Double {
        let total = graph.totalArcWeight
        guard total > 0 else { return 0 }
        let inside = insideWeights(of: graph, labels: labels, communityCount: k)
        var degree = [Double](repeating: 0, count: k)
        for u in 0..<graph.nodeCount { degree[Int(labels[u])] += graph.strength[u] }
        var q = 0.0
        for c in 0..<k {
            let share = degree[c] / total
            q += inside[c] / total - resolution * share * share
        }
        return q
    }
}
