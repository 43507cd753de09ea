import GraphCore

/// A partition of a graph's nodes into communities, with canonical labels.
///
/// Labels are `0..<count`, numbered by community size, largest first; communities of
/// equal size are ordered by their smallest member (node index). Two partitions that
/// group the nodes the same way therefore have identical `labels`, whatever labels the
/// algorithm that found them used internally, so the same partition always prints the
/// same bytes.
public struct Partition: Sendable, Hashable {
    /// Community of each node, `0..<count`.
    public let labels: [Int32]
    /// Size of each community, indexed by label (non-increasing).
    public let sizes: [Int]

    /// Number of communities.
    public var count: Int { sizes.count }
    /// Number of nodes.
    public var nodeCount: Int { labels.count }

    /// Canonicalises arbitrary labels: nodes with equal `rawLabels` end up together.
    ///
    /// - Complexity: O(n + k log k) for n nodes and k communities.
    public init<Labels: Collection>(rawLabels: Labels) where Labels.Element: BinaryInteger {
        var dense: [Int32] = []
        dense.reserveCapacity(rawLabels.count)
        // First-appearance numbering: community j's smallest member precedes community
        // j+1's, so a stable sort by size (descending) gives the canonical order.
        var firstSeen: [Int: Int32] = [:]
        var rawSizes: [Int] = []
        for label in rawLabels {
            let key = Int(label)
            if let d = firstSeen[key] {
                dense.append(d)
                rawSizes[Int(d)] += 1
            } else {
                let d = Int32(rawSizes.count)
                firstSeen[key] = d
                dense.append(d)
                rawSizes.append(1)
            }
        }
        self.init(denseFirstAppearance: dense, sizes: rawSizes)
    }

    /// Fast path: labels already dense in `0..<k` (any order), with `k` given.
    init(denseLabels: [Int32], communityCount k: Int) {
        var firstOrder = [Int32](repeating: -1, count: k)
        var next: Int32 = 0
        var sizes = [Int](repeating: 0, count: k)
        var relabelled = [Int32](repeating: 0, count: denseLabels.count)
        for (i, label) in denseLabels.enumerated() {
            let l = Int(label)
            if firstOrder[l] < 0 { firstOrder[l] = next; next += 1 }
            let d = firstOrder[l]
            relabelled[i] = d
            sizes[Int(d)] += 1
        }
        sizes.removeLast(k - Int(next))
        self.init(denseFirstAppearance: relabelled, sizes: sizes)
    }

    private init(denseFirstAppearance dense: [Int32], sizes rawSizes: [Int]) {
        let order = rawSizes.indices.sorted { a, b in
            rawSizes[a] != rawSizes[b] ? rawSizes[a] > rawSizes[b] : a < b
        }
        var relabel = [Int32](repeating: 0, count: rawSizes.count)
        for (newLabel, old) in order.enumerated() { relabel[old] = Int32(newLabel) }
        labels = dense.map { relabel[Int($0)] }
        sizes = order.map { rawSizes[$0] }
    }

    /// The partition of connected components (already canonical).
    public init(_ components: ConnectedComponents) {
        labels = components.labels
        sizes = components.sizes
    }

    /// Every node in its own community.
    public static func singletons(nodeCount n: Int) -> Partition {
        Partition(denseLabels: (0..<n).map { Int32($0) }, communityCount: n)
    }

    /// Members of each community, each list in ascending node order.
    public func members() -> [[Int]] {
        var result = sizes.map { size -> [Int] in
            var list: [Int] = []
            list.reserveCapacity(size)
            return list
        }
        for (node, label) in labels.enumerated() { result[Int(label)].append(node) }
        return result
    }

    /// Whether `node` shares its community with no other node.
    public func isSingleton(_ node: Int) -> Bool { sizes[Int(labels[node])] == 1 }
}
