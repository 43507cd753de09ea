import Foundation
import GraphCore

/// Local clustering coefficient with NetworkX's `clustering(G, weight=)` definitions for
/// undirected and directed, unweighted and weighted graphs.
///
/// Let `ŵ_uv = w_uv / max_e w_e` (weights normalised by the largest edge weight; every
/// `ŵ = 1` when `weighted` is false or the graph has no weights) and, for `u ≠ v`,
///
/// * undirected: `s_uv = ŵ_uv^{1/3}` when `u–v` is an edge, else 0;
/// * directed: `s_uv = ŵ_uv^{1/3} + ŵ_vu^{1/3}` (each term 0 when that arc is absent).
///
/// With `t(u) = Σ_{v ≠ w} s_uv · s_vw · s_uw` (ordered pairs of distinct neighbours):
///
/// * **Undirected** (Watts–Strogatz; weighted: Onnela et al., the geometric mean of the
///   triangle's normalised weights): `C(u) = t(u) / (d(u)·(d(u) − 1))`, `d(u)` the number
///   of distinct neighbours other than `u`.
/// * **Directed** (Fagiolo): `C(u) = t(u) / (2·(d_tot(u)·(d_tot(u) − 1) − 2·d_↔(u)))`,
///   `d_tot` = in-neighbours + out-neighbours, `d_↔` = neighbours linked both ways.
///
/// `C(u) = 0` when `t(u) = 0`. Self-loops are ignored (their weight still counts in the
/// maximum, as in NetworkX). The unweighted undirected case is ``localClustering(of:)``.
///
/// - Complexity: O(Σ_u Σ_{v ∈ N(u)} d(v)) time, O(n + m) memory.
/// - Reference: D. J. Watts, S. H. Strogatz, Nature 393, 1998, doi:10.1038/30918;
///   J.-P. Onnela, J. Saramäki, J. Kertész, K. Kaski, "Intensity and coherence of motifs
///   in weighted complex networks", Phys. Rev. E 71, 2005, doi:10.1103/PhysRevE.71.065103;
///   G. Fagiolo, "Clustering in complex directed networks", Phys. Rev. E 76, 2007,
///   doi:10.1103/PhysRevE.76.026107.
public func clusteringCoefficient(of graph: Graph, weighted: Bool = false) -> [Double] {
    let useWeights = weighted && graph.isWeighted
    if !graph.isDirected && !useWeights { return localClustering(of: graph) }
    let n = graph.nodeCount
    if n == 0 { return [] }
    var maxWeight = 1.0
    if useWeights, let w = graph.weights, let m = w.max() { maxWeight = m }
    @inline(__always) func root(_ w: Double) -> Double { useWeights ? cbrt(w / maxWeight) : 1 }

    // Symmetric rows: distinct neighbours other than u, with s_uv.
    var offsets = [Int32](repeating: 0, count: n + 1)
    var targets: [Int32] = []
    var values: [Double] = []
    var total = [Int](repeating: 0, count: n)
    var reciprocal = [Int](repeating: 0, count: n)
    targets.reserveCapacity(graph.isDirected ? 2 * graph.arcCount : graph.arcCount)
    values.reserveCapacity(targets.capacity)
    for u in 0..<n {
        let outLo = Int(graph.offsets[u]), outHi = Int(graph.offsets[u + 1])
        if !graph.isDirected {
            var last: Int32 = -1
            for a in outLo..<outHi where Int(graph.targets[a]) != u && graph.targets[a] != last {
                last = graph.targets[a]
                targets.append(last)
                values.append(root(graph.weights?[a] ?? 1))
            }
        } else {
            let inLo = Int(graph.inOffsets[u]), inHi = Int(graph.inOffsets[u + 1])
            var i = outLo, j = inLo
            while i < outHi || j < inHi {
                let v: Int32
                var s = 0.0
                let vOut = i < outHi ? graph.targets[i] : Int32.max
                let vIn = j < inHi ? graph.inSources[j] : Int32.max
                v = min(vOut, vIn)
                var both = 0
                if vOut == v {
                    s += root(graph.weights?[i] ?? 1); i += 1; both += 1
                    total[u] += Int(v) != u ? 1 : 0
                }
                if vIn == v {
                    s += root(graph.inWeights?[j] ?? 1); j += 1; both += 1
                    total[u] += Int(v) != u ? 1 : 0
                }
                if Int(v) == u { continue }
                if both == 2 { reciprocal[u] += 1 }
                targets.append(v)
                values.append(s)
            }
        }
        offsets[u + 1] = Int32(targets.count)
    }

    var mark = [Int32](repeating: -1, count: n)
    var valueAt = [Double](repeating: 0, count: n)
    var result = [Double](repeating: 0, count: n)
    for u in 0..<n {
        let lo = Int(offsets[u]), hi = Int(offsets[u + 1])
        let d = hi - lo
        if d < 2 { continue }
        for a in lo..<hi {
            mark[Int(targets[a])] = Int32(u)
            valueAt[Int(targets[a])] = values[a]
        }
        var t = 0.0
        for a in lo..<hi {
            let v = Int(targets[a])
            let suv = values[a]
            for b in Int(offsets[v])..<Int(offsets[v + 1]) {
                let w = Int(targets[b])
                if mark[w] == Int32(u) { t += suv * values[b] * valueAt[w] }
            }
        }
        if t == 0 { continue }
        if graph.isDirected {
            let dt = total[u]
            result[u] = t / Double(2 * (dt * (dt - 1) - 2 * reciprocal[u]))
        } else {
            result[u] = t / Double(d * (d - 1))
        }
    }
    return result
}
