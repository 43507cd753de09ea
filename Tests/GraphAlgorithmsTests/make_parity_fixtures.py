#!/usr/bin/env python3
"""Expected values, computed by NetworkX, for the measures and options that mirror NetworkX
parameters: normalised and in/out degree centrality, weighted and directed clustering,
directed k-core, average clustering, transitivity, triangles, closeness without the
Wasserman-Faust correction, closeness and harmonic for chosen nodes and sources, PageRank
with a dangling distribution, edge betweenness, and the MultiGraph answers that
`--duplicates` reproduces.

Reads the committed edge lists in Fixtures/ (the harness's format, see make_fixtures.py)
and writes Fixtures/parity/NAME.json:

    {"graph": NAME, "measures": {KEY: [value per node]},
     "edges": {KEY: [[u, v, value], ...]}, "scalars": {KEY: value},
     "parameters": {"nodes": [...], "sources": [...], "dangling": [...], ...}}

Keys end in ".weighted" when NetworkX was given weight="weight" (distance= for paths).
The MultiGraph fixture reads Fixtures/multi_w.edges (repeated edges) with
nx.MultiGraph and writes Fixtures/parity/multi_w.json.

Run:  python3 Tests/GraphAlgorithmsTests/make_parity_fixtures.py   (NetworkX 3.6)
"""
from __future__ import annotations

import json
import os
import sys

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_fixtures import arr, build, read_edges  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "Fixtures")
OUT = os.path.join(FIXTURES, "parity")

GRAPHS = ["karate", "lesmis", "islands", "ties_w", "loops", "directed", "directed_w", "lfr1k_w"]
# Graphs whose edge-betweenness lists would make the fixture large (10 000 edges).
NO_EDGE_MEASURES = {"lfr1k_w"}

# Parallel edges with different weights, a self-loop, and an isolated node.
MULTI = (7, [
    (0, 1, 2.0), (0, 1, 0.5), (1, 2, 1.0), (1, 2, 1.0), (2, 3, 4.0), (0, 3, 1.5),
    (3, 4, 1.0), (3, 4, 3.0), (4, 5, 0.25), (2, 2, 1.0), (1, 5, 2.0)])


def edge_values(d, g):
    """[[u, v, value]] with u ≤ v for undirected graphs, sorted."""
    out = []
    for (u, v), x in d.items():
        if not g.is_directed() and u > v:
            u, v = v, u
        out.append([u, v, float(x)])
    return sorted(out)


def expected(name, n, directed, weighted, edges):
    g = build(n, directed, weighted, edges)
    simple = g.copy()
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    measures, edge_measures, scalars = {}, {}, {}
    nodes = sorted({0, n // 2, n - 1})
    sources = sorted({1, n // 3, n - 2})
    dangling = [float(1 + (i % 2)) for i in range(n)]
    personalization = [float(1 + (i % 3)) for i in range(n)]
    params = {"nodes": nodes, "sources": sources, "dangling": dangling,
              "personalization": personalization}
    variants = [("", None)] + ([(".weighted", "weight")] if weighted else [])

    measures["degree_centrality"] = arr(nx.degree_centrality(g), n)
    if directed:
        measures["in_degree_centrality"] = arr(nx.in_degree_centrality(g), n)
        measures["out_degree_centrality"] = arr(nx.out_degree_centrality(g), n)
    measures["kcore"] = arr(nx.core_number(simple), n)
    if not directed:
        measures["triangles"] = arr(nx.triangles(g), n)
        scalars["transitivity"] = nx.transitivity(g)
    for suffix, w in variants:
        measures["clustering" + suffix] = arr(nx.clustering(g, weight=w), n)
        scalars["average_clustering" + suffix] = nx.average_clustering(g, weight=w)
        scalars["average_clustering.nonzero" + suffix] = (
            nx.average_clustering(g, weight=w, count_zeros=False)
            if any(nx.clustering(g, weight=w).values()) else 0.0)
        measures["closeness.nowf" + suffix] = arr(
            nx.closeness_centrality(g, distance=w, wf_improved=False), n)
        measures["closeness.nodes" + suffix] = [
            float(nx.closeness_centrality(g, u=u, distance=w)) for u in nodes]
        measures["closeness.nodes.nowf" + suffix] = [
            float(nx.closeness_centrality(g, u=u, distance=w, wf_improved=False)) for u in nodes]
        measures["harmonic.sources" + suffix] = arr(
            nx.harmonic_centrality(g, sources=sources, distance=w), n)
        h = nx.harmonic_centrality(g, nbunch=nodes, sources=sources, distance=w)
        measures["harmonic.nodes.sources" + suffix] = [float(h[u]) for u in nodes]
        measures["pagerank.dangling" + suffix] = arr(nx.pagerank(
            g, alpha=0.85, tol=1e-10, max_iter=10000, weight=w,
            dangling={i: dangling[i] for i in range(n)}), n)
        measures["pagerank.personalized.dangling" + suffix] = arr(nx.pagerank(
            g, alpha=0.85, tol=1e-10, max_iter=10000, weight=w,
            personalization={i: personalization[i] for i in range(n)},
            dangling={i: dangling[i] for i in range(n)}), n)
        if name in NO_EDGE_MEASURES:
            continue
        edge_measures["edge_betweenness" + suffix] = edge_values(
            nx.edge_betweenness_centrality(g, weight=w), g)
        edge_measures["edge_betweenness.raw" + suffix] = edge_values(
            nx.edge_betweenness_centrality(g, weight=w, normalized=False), g)
    return {"graph": name, "n": n, "directed": directed, "weighted": weighted,
            "measures": measures, "edges": edge_measures, "scalars": scalars,
            "parameters": params}


def multigraph_expected():
    n, edges = MULTI
    g = nx.MultiGraph()
    g.add_nodes_from(range(n))
    for u, v, w in edges:
        g.add_edge(u, v, weight=w)
    return {"graph": "multi_w", "n": n, "directed": False, "weighted": True,
            "measures": {
                # --duplicates sum: the multigraph's weighted degree.
                "strength.sum": arr(dict(g.degree(weight="weight")), n),
                # --duplicates min: shortest paths use the lightest parallel edge.
                "betweenness.min": arr(nx.betweenness_centrality(g, weight="weight"), n),
                "closeness.min": arr(nx.closeness_centrality(g, distance="weight"), n),
                "harmonic.min": arr(nx.harmonic_centrality(g, distance="weight"), n),
            }, "edges": {}, "scalars": {}, "parameters": {}}


def main():
    os.makedirs(OUT, exist_ok=True)
    n, edges = MULTI
    with open(os.path.join(FIXTURES, "multi_w.edges"), "w") as f:
        f.write("# graph: multi_w (repeated edges: read with --duplicates)\n")
        f.write(f"# n={n} m={len(edges)} directed=false weighted=true\n")
        for u, v, w in edges:
            f.write(f"{u} {v} {w:g}\n")
    jobs = [(name, os.path.join(FIXTURES, name + ".edges")) for name in GRAPHS]
    for name, path in jobs:
        n, directed, weighted, edges = read_edges(path)
        data = expected(name, n, directed, weighted, edges)
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(data, f, separators=(",", ":"))
        print(f"{name}: {len(data['measures'])} node, {len(data['edges'])} edge measures", flush=True)
    with open(os.path.join(OUT, "multi_w.json"), "w") as f:
        json.dump(multigraph_expected(), f, separators=(",", ":"))
    print("multi_w", flush=True)


if __name__ == "__main__":
    main()
