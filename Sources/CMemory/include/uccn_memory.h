#ifndef UCCN_MEMORY_H
#define UCCN_MEMORY_H

#include <stddef.h>
#include <stdint.h>

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

#endif
