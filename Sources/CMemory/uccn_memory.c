#include "uccn_memory.h"

#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

enum { chunk_bytes = 8 << 20, max_chunks = 64 };

int uccn_heap_prepare(size_t bytes) {
    if (bytes > (size_t)chunk_bytes * max_chunks) bytes = (size_t)chunk_bytes * max_chunks;
#if defined(__GLIBC__)
    // Blocks below the mmap threshold come from the main heap; freed memory at its top is
    // kept while it stays below the trim threshold.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    size_t trim = bytes * 2 > ((size_t)64 << 20) ? bytes * 2 : ((size_t)64 << 20);
    mallopt(M_TRIM_THRESHOLD, (int)(trim > 0x7fffffff ? 0x7fffffff : trim));
#endif
    // Chunks of 8 MiB, each below the mmap threshold, touched one write a page (through
    // a volatile pointer so the stores are not elided), then freed together.
    char *chunks[max_chunks];
    int count = 0;
    int status = 0;
    for (size_t done = 0; done < bytes && count < max_chunks; done += chunk_bytes) {
        size_t size = bytes - done < (size_t)chunk_bytes ? bytes - done : (size_t)chunk_bytes;
        char *block = malloc(size);
        if (block == NULL) { status = -1; break; }
        volatile char *touch = block;
        for (size_t offset = 0; offset < size; offset += 4096) touch[offset] = 0;
        touch[size - 1] = 0;
        chunks[count++] = block;
    }
    while (count > 0) free(chunks[--count]);
    return status;
}
