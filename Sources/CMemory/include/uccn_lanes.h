#ifndef UCCN_LANES_H
#define UCCN_LANES_H

#include <stdint.h>

/// One level of the multi-source betweenness kernel's counting, for 7 sources at once.
///
/// Every node has a line of 8 words (64 bytes, `lines + 8 * node`, aligned to 64 bytes):
/// words 0…6 hold a value for each of the 7 sources (`double` bit patterns: first the
/// path count σ, later `(1 + δ) / σ`), word 7 the node's distance bytes to them (byte `b`
/// for source `b`, `0xFF` when unreached; byte 7 is always `0xFF`). `distance[v]` is the
/// same word in an array of its own.
///
/// A node of the level takes part for the sources whose distance byte is `here`. For
/// each of them it sums the lane of each neighbour (`targets[offsets[v]]` …
/// `targets[offsets[v + 1] - 1]`) whose distance byte to that source is `neighbour`'s, in
/// arc order. The lines of the neighbour `ahead` arcs further are prefetched, so
/// `targets` must be readable that many entries past its last arc.
///
/// Two variants compute the same bits: AVX-512 (one 64-byte load, one byte comparison
/// into a mask register and one masked addition an arc, and the level's arithmetic in
/// one register) where the processor and the operating system support it, and a
/// portable one. Each lane's sum is added in arc order in both, and every lane operation
/// is the same IEEE operation, so the choice does not change a bit.
typedef struct uccn_lanes_level {
    uint64_t *lines;
    const uint64_t *distance;
    /// The level's nodes; a call handles `nodes[first]` … `nodes[end - 1]`.
    const int32_t *nodes;
    const int32_t *offsets;
    const int32_t *targets;
    /// The level's byte, repeated 8 times.
    uint64_t here;
    /// The neighbours' level byte, repeated: `here - 1` when counting, `here + 1` for
    /// dependencies.
    uint64_t neighbour;
    int64_t ahead;
} uccn_lanes_level;

/// Path counts: each node's lanes of the level become the sums of its in-neighbours'
/// counts one level closer (`neighbour` = the previous level). Its other lanes and its
/// distance word are kept.
void uccn_lanes_count(const uccn_lanes_level *level, int64_t first, int64_t end);

/// Dependencies, in decreasing level order: for a node `u` of the level and each of its
/// lanes, with `S` the sum of the out-neighbours' `(1 + δ) / σ` one level further
/// (`neighbour` = the next level; `S = 0` when `gather` is 0, for the deepest level),
/// `δ = σ · S` and the lane becomes `(1 + δ) / σ`. `accumulator[u]` gains the lanes' δ
/// summed in lane order; when `endpoints` ≠ 0 it also gains 1 for each of its lanes, and
/// `reached[b]` gains 1 for each node that has lane `b` in the level.
void uccn_lanes_depend(
    const uccn_lanes_level *level, int64_t first, int64_t end, int gather, int endpoints, double *accumulator,
    double reached[8]);

/// 1 when the AVX-512 variant runs, 0 when the portable one.
int uccn_lanes_vectorised(void);

/// Makes the kernels run their portable variant (`portable` ≠ 0) or the best the
/// processor supports (0), for tests that compare the two. Each call of a kernel reads
/// the choice once; as both variants give the same bits, a change while a computation
/// runs does not change its results.
void uccn_lanes_force_portable(int portable);

#endif
