#ifndef UCCN_MEMORY_H
#define UCCN_MEMORY_H

#include <stddef.h>

/// Makes `bytes` of the C heap resident before a computation starts, so that the
/// computation's first allocations reuse touched pages instead of taking a page fault on
/// every fresh 4 KiB page (about 2 µs each on a virtual machine).
///
/// With glibc, it first raises the mmap threshold to 32 MiB and the trim threshold to
/// 64 MiB (the values glibc's own dynamic thresholds grow to), so that the block comes
/// from the main heap and stays there after it is freed; elsewhere it only touches the
/// block. Returns 0 on success and -1 when the block cannot be allocated (nothing is
/// changed then beyond the thresholds).
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
