import GraphCore

/// A breadth-first numbering of the nodes, for traversals that touch one node's
/// neighbours after another: neighbours get nearby numbers, so the per-node arrays a
/// search reads and writes stay in fewer cache lines, and consecutive numbers are close
/// in the graph (a batch of sources searched together reaches most nodes at few
/// distinct distances).
///
/// Position `i` holds original node `order[i]`; `position[v]` is where node `v` went.
/// Roots are taken in node order, so every component is numbered, and the numbering is
/// a deterministic function of the adjacency. Results computed on the renumbered graph
/// are mapped back through `order`; nothing but memory locality depends on it.
///
/// - Complexity: O(n + m) time, O(n + m) memory for each renumbered adjacency.
/// - Reference: E. Cuthill, J. McKee, "Reducing the bandwidth of sparse symmetric
///   matrices", Proc. 24th ACM National Conference, 1969, doi:10.1145/800195.805928
///   (breadth-first renumbering without the degree sort).
struct TraversalOrder: Sendable {
    let order: [Int32]
    let position: [Int32]

    /// Breadth-first order over the arcs `offsets`/`targets` (CSR).
    init(nodeCount n: Int, offsets: [Int32], targets: [Int32]) {
        var position = [Int32](repeating: -1, count: n)
        var order = [Int32]()
        order.reserveCapacity(n)
        for root in 0..<n where position[root] < 0 {
            position[root] = Int32(order.count)
            order.append(Int32(root))
            var head = order.count - 1
            while head < order.count {
                let v = Int(order[head])
                head += 1
                for a in Int(offsets[v])..<Int(offsets[v + 1]) {
                    let w = Int(targets[a])
                    if position[w] < 0 {
                        position[w] = Int32(order.count)
                        order.append(Int32(w))
                    }
                }
            }
        }
        self.order = order
        self.position = position
    }

    /// The same arcs with renumbered endpoints: row `i` lists the new numbers of
    /// `order[i]`'s neighbours, in their original order.
    func renumber(offsets: [Int32], targets: [Int32]) -> (offsets: [Int32], targets: [Int32]) {
        let n = order.count
        var newOffsets = [Int32](repeating: 0, count: n + 1)
        var newTargets = [Int32](repeating: 0, count: targets.count)
        var next = 0
        for i in 0..<n {
            let v = Int(order[i])
            for a in Int(offsets[v])..<Int(offsets[v + 1]) {
                newTargets[next] = position[Int(targets[a])]
                next += 1
            }
            newOffsets[i + 1] = Int32(next)
        }
        return (newOffsets, newTargets)
    }
}
