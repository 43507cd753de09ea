#ifndef UCCN_CGRAPHVIZ_SHIM_H
#define UCCN_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvplugin.h>

/* Agdirected/Agundirected are mutable C globals, which Swift 6 rejects as not
   concurrency-safe: hand them out by value. */
static inline Agdesc_t uccn_agdirected(void) { return Agdirected; }
static inline Agdesc_t uccn_agundirected(void) { return Agundirected; }
static inline Agdesc_t uccn_agstrictdirected(void) { return Agstrictdirected; }
static inline Agdesc_t uccn_agstrictundirected(void) { return Agstrictundirected; }

/* cgraph copies names, keys and values and never writes through them: const-casting
   wrappers let Swift pass String arguments directly. */
static inline Agraph_t *uccn_agopen(const char *name, Agdesc_t desc) {
    return agopen((char *)name, desc, NULL);
}
static inline Agnode_t *uccn_agnode(Agraph_t *g, const char *name, int create) {
    return agnode(g, (char *)name, create);
}
static inline Agedge_t *uccn_agedge(Agraph_t *g, Agnode_t *t, Agnode_t *h, const char *name, int create) {
    return agedge(g, t, h, (char *)name, create);
}
static inline Agraph_t *uccn_agsubg(Agraph_t *g, const char *name, int create) {
    return agsubg(g, (char *)name, create);
}
static inline int uccn_agsafeset(void *obj, const char *name, const char *value, const char *def) {
    return agsafeset(obj, (char *)name, (char *)value, (char *)def);
}
static inline Agsym_t *uccn_agattr(Agraph_t *g, int kind, const char *name, const char *value) {
    return agattr(g, kind, (char *)name, (char *)value);
}
static inline char *uccn_agget(void *obj, const char *name) {
    return agget(obj, (char *)name);
}
static inline int uccn_gvLayout(GVC_t *gvc, Agraph_t *g, const char *engine) {
    return gvLayout(gvc, g, engine);
}
static inline int uccn_gvRenderData(GVC_t *gvc, Agraph_t *g, const char *format, char **result, unsigned int *length) {
    return gvRenderData(gvc, g, format, result, length);
}
static inline Agraph_t *uccn_agmemread(const char *text) {
    return agmemread(text);
}

#endif
