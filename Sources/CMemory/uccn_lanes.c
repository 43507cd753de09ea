#include "uccn_lanes.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define UCCN_LANES_AVX512 1
#endif

// Every lane operation is one IEEE operation as written: no fused multiply-adds.
#pragma STDC FP_CONTRACT OFF

/// Bit `b` set when byte `b` of `a` equals byte `b` of `c`: two vector instructions
/// with SSE2, exact integer arithmetic (no carries between bytes) elsewhere.
static inline unsigned equal_bytes(uint64_t a, uint64_t c) {
#if defined(__SSE2__)
    __m128i x = _mm_cvtsi64_si128((long long)a);
    __m128i y = _mm_cvtsi64_si128((long long)c);
    return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, y)) & 0xFFu;
#else
    uint64_t x = a ^ c;
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    uint64_t zero = ~(((x & low7) + low7) | x | low7);
    return (unsigned)(((zero >> 7) * 0x0102040810204080ULL) >> 56);
#endif
}

/// `0xFF` in the bytes whose bit is set in `bits` (bits 0…7).
static inline uint64_t byte_mask(unsigned bits) {
    return ((uint64_t)(bits & 0xFF) * 0x0002040810204081ULL & 0x0101010101010101ULL) * 0xFF;
}

/// The comparison word a neighbour's distance word is matched against: `neighbour`'s
/// byte for the lanes in `own`, and `0xFE` (never a distance) elsewhere.
static inline uint64_t key_for(unsigned own, uint64_t neighbour) {
    uint64_t mine = byte_mask(own);
    return (neighbour & mine) | (0xFEFEFEFEFEFEFEFEULL & ~mine);
}

/// A line's 8 words, as bits and as `double`s (the compiler's vector extensions: pairs of
/// SSE2 registers on x86-64, whatever the target has elsewhere).
typedef uint64_t line_bits __attribute__((vector_size(64), aligned(64)));
typedef double line_values __attribute__((vector_size(64), aligned(64)));

/// `lane_masks[m]` has all bits set in word `b` when bit `b` of `m` is set: the matching
/// lanes of a comparison picked with one load.
static line_bits lane_masks[256];

__attribute__((constructor)) static void prepare_lane_masks(void) {
    for (int m = 0; m < 256; m++)
        for (int b = 0; b < 8; b++) lane_masks[m][b] = (m >> b) & 1 ? ~(uint64_t)0 : 0;
}

/// Adds to `sum` the lanes of `targets[begin..<end]`'s lines that match `key`, in arc
/// order. An unmatched lane adds +0.0, which changes no sum here (they are never -0.0).
static inline void gather_portable(
    const uint64_t *lines, const int32_t *targets, int64_t begin, int64_t end, uint64_t key, int64_t ahead,
    line_values *sum) {
    line_values s = *sum;
    for (int64_t a = begin; a < end; a++) {
        __builtin_prefetch(lines + 8 * (int64_t)targets[a + ahead], 0, 3);
        const line_bits line = *(const line_bits *)(lines + 8 * (int64_t)targets[a]);
        s += (line_values)(line & lane_masks[equal_bytes(line[7], key)]);
    }
    *sum = s;
}

static void count_portable(const uccn_lanes_level *l, int64_t first, int64_t end) {
    for (int64_t i = first; i < end; i++) {
        int64_t v = l->nodes[i];
        unsigned bits = equal_bytes(l->distance[v], l->here);
        const line_bits own = lane_masks[bits];
        line_values sum = {0, 0, 0, 0, 0, 0, 0, 0};
        gather_portable(
            l->lines, l->targets, l->offsets[v], l->offsets[v + 1], key_for(bits, l->neighbour), l->ahead, &sum);
        line_bits *line = (line_bits *)(l->lines + 8 * v);
        *line = (*line & ~own) | ((line_bits)sum & own);
    }
}

static void depend_portable(
    const uccn_lanes_level *l, int64_t first, int64_t end, int gather, int endpoints, double *accumulator,
    double reached[8]) {
    const line_values ones = {1, 1, 1, 1, 1, 1, 1, 1};
    line_values reach;
    memcpy(&reach, reached, sizeof reach);
    for (int64_t i = first; i < end; i++) {
        int64_t u = l->nodes[i];
        unsigned bits = equal_bytes(l->distance[u], l->here);
        const line_bits own = lane_masks[bits];
        line_values sum = {0, 0, 0, 0, 0, 0, 0, 0};
        if (gather)
            gather_portable(
                l->lines, l->targets, l->offsets[u], l->offsets[u + 1], key_for(bits, l->neighbour), l->ahead, &sum);
        line_bits *line = (line_bits *)(l->lines + 8 * u);
        const line_values sigma = (line_values)*line;
        const line_values delta = sigma * sum;
        const line_values coefficient = (ones + delta) / sigma;
        *line = (*line & ~own) | ((line_bits)coefficient & own);
        const line_values mine = (line_values)((line_bits)delta & own);
        double total = mine[0];
        for (int b = 1; b < 8; b++) total += mine[b];
        if (endpoints) {
            const line_values one = (line_values)((line_bits)ones & own);
            reach += one;
            for (int b = 0; b < 8; b++) total += one[b];
        }
        accumulator[u] += total;
    }
    memcpy(reached, &reach, sizeof reach);
}

#if defined(UCCN_LANES_AVX512)
#define AVX512 __attribute__((target("avx512f,avx512bw")))

AVX512 static inline __m512d gather_avx512(
    const uint64_t *lines, const int32_t *targets, int64_t begin, int64_t end, uint64_t key, int64_t ahead) {
    __m512d sum = _mm512_setzero_pd();
    const __m512i keys = _mm512_set1_epi64((long long)key);
    for (int64_t a = begin; a < end; a++) {
        __builtin_prefetch(lines + 8 * (int64_t)targets[a + ahead], 0, 3);
        const __m512i line = _mm512_load_si512((const void *)(lines + 8 * (int64_t)targets[a]));
        // Bytes 56…63 are the line's distance word: their comparison bits are the lanes.
        const __mmask8 match = (__mmask8)(_mm512_cmpeq_epi8_mask(line, keys) >> 56);
        sum = _mm512_mask_add_pd(sum, match, sum, _mm512_castsi512_pd(line));
    }
    return sum;
}

AVX512 static void count_avx512(const uccn_lanes_level *l, int64_t first, int64_t end) {
    for (int64_t i = first; i < end; i++) {
        int64_t v = l->nodes[i];
        unsigned own = equal_bytes(l->distance[v], l->here);
        __m512d sum = gather_avx512(
            l->lines, l->targets, l->offsets[v], l->offsets[v + 1], key_for(own, l->neighbour), l->ahead);
        double *line = (double *)(l->lines + 8 * v);
        _mm512_store_pd(line, _mm512_mask_mov_pd(_mm512_load_pd(line), (__mmask8)own, sum));
    }
}

AVX512 static void depend_avx512(
    const uccn_lanes_level *l, int64_t first, int64_t end, int gather, int endpoints, double *accumulator,
    double reached[8]) {
    const __m512d ones = _mm512_set1_pd(1.0);
    __m512d reach = _mm512_loadu_pd(reached);
    for (int64_t i = first; i < end; i++) {
        int64_t u = l->nodes[i];
        unsigned own = equal_bytes(l->distance[u], l->here);
        __m512d sum = gather ? gather_avx512(l->lines, l->targets, l->offsets[u], l->offsets[u + 1],
                                             key_for(own, l->neighbour), l->ahead)
                             : _mm512_setzero_pd();
        double *line = (double *)(l->lines + 8 * u);
        const __m512d sigma = _mm512_load_pd(line);
        const __m512d delta = _mm512_mul_pd(sigma, sum);
        const __m512d coefficient = _mm512_div_pd(_mm512_add_pd(ones, delta), sigma);
        _mm512_store_pd(line, _mm512_mask_mov_pd(sigma, (__mmask8)own, coefficient));
        double lanes[8];
        _mm512_storeu_pd(lanes, _mm512_maskz_mov_pd((__mmask8)own, delta));
        double total = lanes[0];
        for (int b = 1; b < 8; b++) total += lanes[b];
        if (endpoints) {
            __m512d one = _mm512_maskz_mov_pd((__mmask8)own, ones);
            reach = _mm512_add_pd(reach, one);
            _mm512_storeu_pd(lanes, one);
            for (int b = 0; b < 8; b++) total += lanes[b];
        }
        accumulator[u] += total;
    }
    _mm512_storeu_pd(reached, reach);
}

/// AVX-512 F and BW in the processor (CPUID leaf 7) and their registers saved by the
/// operating system (XCR0: SSE, AVX, the mask registers and both halves of the upper
/// ZMM state).
static int avx512_usable(void) {
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    if (!(ecx & (1u << 27))) return 0;  // OSXSAVE
    unsigned xcr0_low, xcr0_high;
    __asm__ volatile("xgetbv" : "=a"(xcr0_low), "=d"(xcr0_high) : "c"(0));
    if ((xcr0_low & 0xE6) != 0xE6) return 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    return (ebx & (1u << 16)) && (ebx & (1u << 30));  // AVX512F, AVX512BW
}
#endif

/// 0 = not decided yet, 1 = portable, 2 = AVX-512.
static int chosen;

static int variant(void) {
    int c = __atomic_load_n(&chosen, __ATOMIC_ACQUIRE);
    if (c != 0) return c;
#if defined(UCCN_LANES_AVX512)
    c = avx512_usable() ? 2 : 1;
#else
    c = 1;
#endif
    __atomic_store_n(&chosen, c, __ATOMIC_RELEASE);
    return c;
}

void uccn_lanes_count(const uccn_lanes_level *level, int64_t first, int64_t end) {
#if defined(UCCN_LANES_AVX512)
    if (variant() == 2) {
        count_avx512(level, first, end);
        return;
    }
#endif
    count_portable(level, first, end);
}

void uccn_lanes_depend(
    const uccn_lanes_level *level, int64_t first, int64_t end, int gather, int endpoints, double *accumulator,
    double reached[8]) {
#if defined(UCCN_LANES_AVX512)
    if (variant() == 2) {
        depend_avx512(level, first, end, gather, endpoints, accumulator, reached);
        return;
    }
#endif
    depend_portable(level, first, end, gather, endpoints, accumulator, reached);
}

int uccn_lanes_vectorised(void) { return variant() == 2; }

void uccn_lanes_force_portable(int portable) { __atomic_store_n(&chosen, portable ? 1 : 0, __ATOMIC_RELEASE); }
