import GraphCore

/// The simple undirected graph under a `Graph`: each pair of adjacent nodes once, no
/// self-loops, direction ignored (NetworkX's `to_undirected()` view). Used by measures
/// defined on simple graphs (k-core, clustering). Shares the graph's arrays when it is
/// already undirected without self-loops.
struct SimpleAdjacency: Sendable {
    let offsets: [Int32]
    let targets: [Int32]

    var nodeCount: Int { offsets.count - 1 }

    @inline(__always) func degree(of u: Int) -> Int { Int(offsets[u + 1] - offsets[u]) }

    init(_ graph: Graph) {
        let n = graph.nodeCount
        if !graph.isDirected {
            var hasLoop = false
            outer: for u in 0..<n {
                for a in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) where Int(graph.targets[a]) == u {
                    hasLoop = true
                    break outer
                }
            }
            if !hasLoop {
                offsets = graph.offsets
                targets = graph.targets
                return
            }
        }
        var newOffsets = [Int32](repeating: 0, count: n + 1)
        var newTargets: [Int32] = []
        newTargets.reserveCapacity(graph.isDirected ? 2 * graph.arcCount : graph.arcCount)
        for u in 0..<n {
            // Rows are sorted: merge out- and in-neighbours, dropping u and repeats.
            let out = graph.neighbors(of: u)
            let inn: ArraySlice<Int32> = graph.isDirected ? graph.inNeighbors(of: u) : []
            var i = out.startIndex, j = inn.startIndex
            var last: Int32 = -1
            while i < out.endIndex || j < inn.endIndex {
                let v: Int32
                if j >= inn.endIndex || (i < out.endIndex && out[i] <= inn[j]) {
                    v = out[i]; i += 1
                } else {
                    v = inn[j]; j += 1
                }
                if v != Int32(u) && v != last { newTargets.append(v) }
                last = v
            }
            newOffsets[u + 1] = Int32(newTargets.count)
        }
        offsets = newOffsets
        targets = newTargets
    }
}
