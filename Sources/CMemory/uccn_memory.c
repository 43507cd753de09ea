#include "uccn_memory.h"

#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int uccn_heap_prepare(size_t bytes) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
    if (bytes == 0) return 0;
    char *block = malloc(bytes);
    if (block == NULL) return -1;
    // One write a page, through a volatile pointer so the stores are not elided.
    volatile char *touch = block;
    for (size_t offset = 0; offset < bytes; offset += 4096) touch[offset] = 0;
    touch[bytes - 1] = 0;
    free(block);
    return 0;
}
