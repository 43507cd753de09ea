#ifndef UCCN_CGRAPHVIZ_SHIM_H
#define UCCN_CGRAPHVIZ_SHIM_H

#include <stdio.h>
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

/* HTML-like labels: the value must be an HTML string of cgraph's string pool, which
   agsafeset cannot create. Declares the attribute (default "") where needed. */
static inline int uccn_agsafeset_html(void *obj, const char *name, const char *value) {
    Agraph_t *root = agroot(agraphof(obj));
    int kind = agobjkind(obj);
    Agsym_t *sym = agattr(root, kind, (char *)name, NULL);
    if (!sym) sym = agattr(root, kind, (char *)name, "");
    if (!sym) return -1;
    char *html = agstrdup_html(root, (char *)value);
    int rc = agxset(obj, sym, html);
    agstrfree(root, html);
    return rc;
}
/* A default (`node [name=<...>]`) that is an HTML-like string. */
static inline Agsym_t *uccn_agattr_html(Agraph_t *g, int kind, const char *name, const char *value) {
    Agraph_t *root = agroot(g);
    char *html = agstrdup_html(root, (char *)value);
    Agsym_t *sym = agattr(g, kind, (char *)name, html);
    agstrfree(root, html);
    return sym;
}
static inline Agsym_t *uccn_agattr_lookup(Agraph_t *g, int kind, const char *name) {
    return agattr(g, kind, (char *)name, NULL);
}
static inline char **uccn_gvPluginList(GVC_t *gvc, const char *kind, int *count) {
    return gvPluginList(gvc, kind, count, NULL);
}
/* agwrite takes a channel for the graph's I/O discipline (a FILE * by default). */
static inline int uccn_agwrite_file(Agraph_t *g, FILE *file) {
    return agwrite(g, (void *)file);
}
static inline int uccn_is_html(const char *s) {
    return aghtmlstr((char *)s);
}

/* agtail/aghead are macros over the edge record: expose them as functions. */
static inline Agnode_t *uccn_agtail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *uccn_aghead(Agedge_t *e) { return aghead(e); }

/* The laid-out position of a node (points, y up) and the graph's bounding box: ND_coord
   and GD_bb are macros over Graphviz's private records. Valid between gvLayout and
   gvFreeLayout. */
static inline void uccn_node_coord(Agnode_t *n, double *x, double *y) {
    *x = ND_coord(n).x;
    *y = ND_coord(n).y;
}
static inline void uccn_graph_bb(Agraph_t *g, double *llx, double *lly, double *urx, double *ury) {
    *llx = GD_bb(g).LL.x;
    *lly = GD_bb(g).LL.y;
    *urx = GD_bb(g).UR.x;
    *ury = GD_bb(g).UR.y;
}

#endif
