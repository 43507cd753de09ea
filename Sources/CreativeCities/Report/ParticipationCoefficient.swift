import GraphAlgorithms
import GraphCore

/// Participation coefficient of every node for a partition: how evenly its links spread
/// over communities.
///
/// `P(i) = 1 − Σ_c (k_ic / k_i)²`, with `k_i` the number of links of `i` and `k_ic` the
/// number of those going to members of community `c` (its own included). 0 when all
/// links stay in one community (or the node has none); close to 1 − 1/C when they are
/// spread evenly over C communities. Unweighted; self-loops are ignored.
///
/// - Complexity: O(n + m) time, O(k) scratch per node for its k links.
/// - Reference: R. Guimerà, L. A. N. Amaral, "Functional cartography of complex metabolic
///   networks", Nature 433, 2005, doi:10.1038/nature03288.
public func participationCoefficients(of graph: Graph, partition: Partition) -> [Double] {
    var result = [Double](repeating: 0, count: graph.nodeCount)
    var counts: [Int32: Int] = [:]
    for i in 0..<graph.nodeCount {
        counts.removeAll(keepingCapacity: true)
        var k = 0
        for j in graph.neighbors(of: i) where Int(j) != i {
            counts[partition.labels[Int(j)], default: 0] += 1
            k += 1
        }
        guard k > 0 else { continue }
        // Sum in label order so the floating-point result never depends on hashing.
        var sum = 0.0
        for label in counts.keys.sorted() {
            let share = Double(counts[label] ?? 0) / Double(k)
            sum += share * share
        }
        result[i] = 1 - sum
    }
    return result
}
