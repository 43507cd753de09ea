import GraphCore

/// Core number (k-core index) of every node: the largest `k` such that the node belongs
/// to a subgraph where every node has degree ≥ `k`.
///
/// Batagelj–Zaversnik bucket peeling: repeatedly remove a node of least remaining degree;
/// its core number is that degree at removal. Weights are ignored. Self-loops are
/// ignored (NetworkX refuses graphs with self-loops); a directed graph is treated as
/// undirected (each adjacent pair once).
///
/// - Complexity: O(n + m) time, O(n) extra memory.
/// - Reference: V. Batagelj, M. Zaversnik, "An O(m) algorithm for cores decomposition of
///   networks", arXiv:cs/0310049, 2003, doi:10.48550/arXiv.cs/0310049;
///   S. B. Seidman, "Network structure and minimum degree", Social Networks 5(3), 1983,
///   doi:10.1016/0378-8733(83)90028-X.
public func coreNumbers(of graph: Graph) -> [Double] {
    let adjacency = SimpleAdjacency(graph)
    let n = adjacency.nodeCount
    if n == 0 { return [] }
    var degree = [Int32](repeating: 0, count: n)
    var maxDegree = 0
    for u in 0..<n {
        let d = adjacency.degree(of: u)
        degree[u] = Int32(d)
        maxDegree = max(maxDegree, d)
    }
    // Bucket sort nodes by degree: `order` holds nodes by current degree, `bucketStart[d]`
    // the first slot of degree d, `position[u]` the slot of u.
    var bucketStart = [Int32](repeating: 0, count: maxDegree + 2)
    for u in 0..<n { bucketStart[Int(degree[u]) + 1] += 1 }
    for d in 0...maxDegree { bucketStart[d + 1] += bucketStart[d] }
    var order = [Int32](repeating: 0, count: n)
    var position = [Int32](repeating: 0, count: n)
    var fill = bucketStart
    for u in 0..<n {
        let d = Int(degree[u])
        position[u] = fill[d]
        order[Int(fill[d])] = Int32(u)
        fill[d] += 1
    }
    adjacency.offsets.withUnsafeBufferPointer { offsets in
    adjacency.targets.withUnsafeBufferPointer { targets in
    degree.withUnsafeMutableBufferPointer { degree in
    order.withUnsafeMutableBufferPointer { order in
    position.withUnsafeMutableBufferPointer { position in
    bucketStart.withUnsafeMutableBufferPointer { bucketStart in
        for i in 0..<n {
            let v = Int(order[i])
            let dv = degree[v]
            for a in Int(offsets[v])..<Int(offsets[v + 1]) {
                let u = Int(targets[a])
                let du = degree[u]
                if du > dv {
                    // Move u to the front of its bucket, then shrink the bucket.
                    let pu = Int(position[u])
                    let front = Int(bucketStart[Int(du)])
                    let w = Int(order[front])
                    if u != w {
                        order[pu] = Int32(w); position[w] = Int32(pu)
                        order[front] = Int32(u); position[u] = Int32(front)
                    }
                    bucketStart[Int(du)] += 1
                    degree[u] = du - 1
                }
            }
        }
    }
    }
    }
    }
    }
    }
    return degree.map(Double.init)
}
