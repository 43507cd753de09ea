import GraphCore

/// Asynchronous label propagation.
///
/// Every node starts with its own label. In each sweep the nodes are visited in a fresh
/// random order (drawn from the seed), and each adopts the label with the largest total
/// edge weight among its neighbours,
///
///     ℓ(v) ← argmax_ℓ Σ_{u ∈ N(v), ℓ(u) = ℓ} w(u, v),
///
/// keeping its current label when that is one of the maxima and otherwise choosing
/// uniformly at random among them. Sweeps stop when no node changes label (then every
/// node carries a most frequent label of its neighbourhood, the stopping rule of Raghavan
/// et al.) or after ``maxSweeps``. Each community is a set of nodes sharing a label; it
/// is connected in practice but this is not guaranteed.
///
/// Weights are strengths (the graph's weights when it has them); self-loops are ignored.
/// Directed graphs are treated as undirected with reciprocal weights summed. Isolated
/// nodes keep their own label.
///
/// - Complexity: O(m) per sweep; typically a few to a few tens of sweeps.
/// - Reference: Raghavan, Albert & Kumara, "Near linear time algorithm to detect
///   community structures in large-scale networks", Phys. Rev. E 76, 036106 (2007),
///   doi:10.1103/PhysRevE.76.036106.
public struct LabelPropagation: CommunityDetector {
    /// Upper bound on the number of sweeps.
    public var maxSweeps: Int

    /// Label propagation that stops after `maxSweeps` sweeps at most (it normally stops
    /// earlier, when no label changes).
    public init(maxSweeps: Int = 1000) {
        self.maxSweeps = maxSweeps
    }

    /// `"label-propagation"`.
    public var name: String { "label-propagation" }

    /// The communities found from `seed`'s visiting order and tie-breaks.
    public func partition(of graph: Graph, seed: UInt64) -> Partition {
        run(on: graph, seed: seed).partition
    }

    /// The partition and the number of sweeps it took.
    public func run(on graph: Graph, seed: UInt64) -> (partition: Partition, sweeps: Int) {
        var rng = SeededGenerator(seed: seed)
        let g = CommunityGraph(graph)
        let n = g.nodeCount
        let unit = g.unitWeights
        var labels = (0..<n).map { Int32($0) }
        var labelWeight = [Double](repeating: -1, count: n)
        var touched = [Int32](repeating: 0, count: max(n, 1))
        var best = [Int32](repeating: 0, count: max(n, 1))
        var order = (0..<n).map { Int32($0) }
        var sweeps = 0
        labels.withUnsafeMutableBufferPointer { label in
            labelWeight.withUnsafeMutableBufferPointer { lw in
                touched.withUnsafeMutableBufferPointer { touchedList in
                    best.withUnsafeMutableBufferPointer { bestList in
                        g.offsets.withUnsafeBufferPointer { off in
                            g.targets.withUnsafeBufferPointer { tgt in
                                g.weights.withUnsafeBufferPointer { wts in
                                    while sweeps < maxSweeps {
                                        sweeps += 1
                                        rng.shuffle(&order)
                                        var changes = 0
                                        for vv in order {
                                            let v = Int(vv)
                                            let lo = off[v], hi = off[v + 1]
                                            if lo == hi { continue }
                                            var touchedCount = 0
                                            for arc in lo..<hi {
                                                let l = Int(label[Int(tgt[arc])])
                                                if lw[l] < 0 {
                                                    lw[l] = 0
                                                    touchedList[touchedCount] = Int32(l)
                                                    touchedCount += 1
                                                }
                                                lw[l] += unit ? 1 : wts[arc]
                                            }
                                            var maxWeight = -1.0
                                            var bestCount = 0
                                            for t in 0..<touchedCount {
                                                let l = touchedList[t]
                                                let w = lw[Int(l)]
                                                if w > maxWeight {
                                                    maxWeight = w
                                                    bestList[0] = l
                                                    bestCount = 1
                                                } else if w == maxWeight {
                                                    bestList[bestCount] = l
                                                    bestCount += 1
                                                }
                                            }
                                            let current = label[v]
                                            let keep = lw[Int(current)] == maxWeight
                                            for t in 0..<touchedCount { lw[Int(touchedList[t])] = -1 }
                                            if keep { continue }
                                            let chosen =
                                                bestCount == 1
                                                ? bestList[0] : bestList[rng.nextIndex(below: bestCount)]
                                            label[v] = chosen
                                            changes += 1
                                        }
                                        if changes == 0 { break }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (Partition(denseLabels: labels, communityCount: n), sweeps)
    }
}
