#ifndef UCCN_MEMORY_H
#define UCCN_MEMORY_H

#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Makes `bytes` of the C heap resident before a computation starts, so that the
/// computation's first allocations reuse touched pages instead of taking a page fault on
/// every fresh 4 KiB page (about 2 µs each on a virtual machine).
///
/// The memory is allocated in chunks of 8 MiB (at most 512 MiB in all), touched and
/// freed. With glibc, the mmap threshold is first set to 32 MiB (the most glibc's own
/// dynamic threshold grows to), so that chunks come from the main heap, and the trim
/// threshold to twice `bytes` (at least 64 MiB), so that they stay there once freed;
/// elsewhere the chunks are only touched. Returns 0 on success and -1 when a chunk
/// cannot be allocated (what was allocated is freed again).
int uccn_heap_prepare(size_t bytes);

/// Asks the processor to start loading the cache line at `address` for reading (a
/// hint: no effect on results, no fault on any address). Kernels that know the next
/// node they will visit use it to overlap that node's memory latency with work.
static inline void uccn_prefetch(const void *address) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address, 0, 3);
#else
    (void)address;
#endif
}

/// The bytes of `a` and `b` that are equal, as bits 0…7 (bit `i` for byte `i`, the
/// least significant byte first). Two vector instructions and a move where SSE2 is
/// available (the all-pairs kernels compare eight sources' distance bytes at once);
/// the same result from integer arithmetic elsewhere.
static inline unsigned uccn_equal_bytes(uint64_t a, uint64_t b) {
#if defined(__SSE2__)
    __m128i x = _mm_cvtsi64_si128((long long)a);
    __m128i y = _mm_cvtsi64_si128((long long)b);
    return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, y)) & 0xFFu;
#else
    uint64_t x = a ^ b;
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    uint64_t zero = ~(((x & low7) + low7) | x | low7);
    return (unsigned)(((zero >> 7) * 0x0102040810204080ULL) >> 56);
#endif
}

#endif
