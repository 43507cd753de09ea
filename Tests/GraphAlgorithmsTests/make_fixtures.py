#!/usr/bin/env python3
"""Expected centrality values for the GraphAlgorithms tests, computed by NetworkX.

Writes, into Fixtures/ beside this script, one `NAME.edges` input (the benchmark
harness's edge-list format) and one `NAME.json` of expected values per graph:

    {"graph": NAME, "n": .., "directed": .., "weighted": ..,
     "measures": {"degree": [..], "betweenness": [..], ...},
     "scalars": {"transitivity": ..}, "parameters": {"katz_alpha": .., ...}}

Each list is indexed by node (0..n-1). On a weighted graph a measure's plain key uses
the weights (as the benchmark does: lengths for betweenness/closeness/harmonic,
strengths for strength/eigenvector/PageRank/Katz) and `NAME.unweighted` ignores them.

The benchmark graphs (karate, lesmis, lfr1k, lfr1k_w) are copied from
Benchmarks/graphs (made by Benchmarks/peers/make_graphs.py; $UCCN_BENCH_GRAPHS
elsewhere); the small
hand-made graphs cover isolated nodes, several components, self-loops, equal-weight
ties and a directed graph.

Run:  python3 Tests/GraphAlgorithmsTests/make_fixtures.py   (NetworkX 3.6, SciPy)
"""
from __future__ import annotations

import json
import math
import os
import shutil
import sys

import networkx as nx
import numpy as np
import scipy.sparse.linalg

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "Fixtures")
BENCH = os.environ.get("UCCN_BENCH_GRAPHS") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "Benchmarks", "graphs")


def read_edges(path):
    n = None
    directed = False
    weighted = False
    edges = []
    with open(path) as f:
        for line in f:
            s = line.strip()
            if not s:
                continue
            if s.startswith("#"):
                for tok in s.lstrip("#").split():
                    if "=" in tok:
                        k, v = tok.split("=", 1)
                        if k == "n":
                            n = int(v)
                        elif k == "directed":
                            directed = v == "true"
                        elif k == "weighted":
                            weighted = v == "true"
                continue
            parts = s.split()
            u, v = int(parts[0]), int(parts[1])
            w = float(parts[2]) if weighted else 1.0
            edges.append((u, v, w))
    return n, directed, weighted, edges


def write_edges(path, name, n, directed, weighted, edges):
    with open(path, "w") as f:
        f.write(f"# graph: {name}\n")
        f.write(f"# n={n} m={len(edges)} directed={str(directed).lower()} "
                f"weighted={str(weighted).lower()}\n")
        for u, v, w in edges:
            if weighted:
                f.write(f"{u} {v} {w:g}\n")
            else:
                f.write(f"{u} {v}\n")


def build(n, directed, weighted, edges):
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(range(n))
    for u, v, w in edges:
        if weighted:
            g.add_edge(u, v, weight=w)
        else:
            g.add_edge(u, v)
    return g


def arr(d, n):
    return [float(d[i]) for i in range(n)]


def leading_eigenvector(g, weight):
    """Unit-norm positive principal eigenvector; on a disconnected graph the component
    with the (strictly) largest leading eigenvalue carries it, others are 0."""
    n = len(g)
    try:
        return arr(nx.eigenvector_centrality_numpy(g, weight=weight), n)
    except nx.AmbiguousSolution:
        pass
    best = None
    for comp in nx.connected_components(g):
        nodes = sorted(comp)
        sub = g.subgraph(nodes)
        a = nx.to_scipy_sparse_array(sub, nodelist=nodes, weight=weight, dtype=float).toarray()
        vals, vecs = np.linalg.eigh(a)
        lam = vals[-1]
        vec = vecs[:, -1]
        if best is None or lam > best[0] + 1e-9:
            best = (lam, nodes, vec)
    lam, nodes, vec = best
    x = np.zeros(n)
    x[nodes] = vec / np.linalg.norm(vec)
    if x.sum() < 0:
        x = -x
    return x.tolist()


def spectral_radius(g, weight):
    a = nx.to_scipy_sparse_array(g, weight=weight, dtype=float)
    if a.shape[0] < 3:
        return float(np.max(np.abs(np.linalg.eigvals(a.toarray()))))
    vals = scipy.sparse.linalg.eigs(a, k=1, which="LM", return_eigenvectors=False)
    return float(abs(vals[0]))


def expected(name, n, directed, weighted, edges, eigenvector=True):
    g = build(n, directed, weighted, edges)
    simple = g.copy()
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    measures = {}
    params = {}
    variants = [("", "weight" if weighted else None)]
    if weighted:
        variants.append((".unweighted", None))
    for suffix, w in variants:
        measures["degree" + suffix] = arr(dict(g.degree()), n)
        measures["strength" + suffix] = arr(dict(g.degree(weight=w)), n)
        measures["betweenness" + suffix] = arr(nx.betweenness_centrality(g, weight=w), n)
        measures["betweenness.endpoints" + suffix] = arr(
            nx.betweenness_centrality(g, weight=w, endpoints=True), n)
        measures["betweenness.raw" + suffix] = arr(
            nx.betweenness_centrality(g, weight=w, normalized=False), n)
        measures["betweenness.raw.endpoints" + suffix] = arr(
            nx.betweenness_centrality(g, weight=w, normalized=False, endpoints=True), n)
        measures["closeness" + suffix] = arr(nx.closeness_centrality(g, distance=w), n)
        measures["harmonic" + suffix] = arr(nx.harmonic_centrality(g, distance=w), n)
        measures["pagerank" + suffix] = arr(
            nx.pagerank(g, alpha=0.85, tol=1e-10, max_iter=10000, weight=w), n)
        pers = {i: float(1 + (i % 3)) for i in range(n)}
        params["personalization"] = [pers[i] for i in range(n)]
        measures["pagerank.personalized" + suffix] = arr(
            nx.pagerank(g, alpha=0.85, personalization=pers, tol=1e-10, max_iter=10000,
                        weight=w), n)
        if eigenvector and not directed and g.number_of_edges() > 0:
            measures["eigenvector" + suffix] = leading_eigenvector(g, w)
        lam = spectral_radius(g, w)
        alpha = 0.5 / lam if lam > 0 else 0.1
        params["katz_alpha" + suffix] = alpha
        measures["katz" + suffix] = arr(
            nx.katz_centrality_numpy(g, alpha=alpha, beta=1.0, weight=w), n)
    if not directed:
        measures["kcore"] = arr(nx.core_number(simple), n)
        measures["clustering"] = arr(nx.clustering(g), n)
        labels = [0] * n
        comps = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c)))
        for i, c in enumerate(comps):
            for v in c:
                labels[v] = i
        measures["components"] = [float(x) for x in labels]
    else:
        measures["in_degree"] = arr(dict(g.in_degree()), n)
        measures["out_degree"] = arr(dict(g.out_degree()), n)
    scalars = {}
    if not directed:
        scalars["transitivity"] = nx.transitivity(g)
    return {"graph": name, "n": n, "directed": directed, "weighted": weighted,
            "measures": measures, "scalars": scalars, "parameters": params}


HANDMADE = {
    # Two components plus two isolated nodes and a self-loop on node 2.
    "islands": (9, False, False, [
        (0, 1, 1), (1, 2, 1), (2, 0, 1), (2, 3, 1), (2, 2, 1),
        (4, 5, 1), (5, 6, 1)]),
    # Equal-length alternative routes with weights that are exact binary fractions, so
    # ties are exact for every library; a pendant and a weighted self-loop.
    "ties_w": (8, False, True, [
        (0, 1, 1.5), (1, 3, 2.5), (0, 2, 2.0), (2, 3, 2.0), (3, 4, 0.25),
        (4, 5, 0.75), (3, 5, 1.0), (5, 6, 3.0), (6, 6, 2.0), (1, 2, 4.0),
        (0, 7, 0.5)]),
    # A star, a path and a triangle with self-loops: several components, degree 1 nodes.
    "loops": (11, False, False, [
        (0, 1, 1), (0, 2, 1), (0, 3, 1), (0, 4, 1), (0, 0, 1),
        (5, 6, 1), (6, 7, 1), (8, 9, 1), (9, 10, 1), (10, 8, 1), (9, 9, 1)]),
    # Directed: a cycle, a dangling node (6), a source-only node (5), a reciprocal pair.
    "directed": (7, True, False, [
        (0, 1, 1), (1, 2, 1), (2, 0, 1), (2, 3, 1), (3, 4, 1), (4, 3, 1),
        (5, 0, 1), (4, 6, 1), (1, 6, 1)]),
    # The directed graph weighted (lengths for paths, strengths for PageRank).
    "directed_w": (7, True, True, [
        (0, 1, 2.0), (1, 2, 1.0), (2, 0, 0.5), (2, 3, 1.0), (3, 4, 3.0), (4, 3, 1.0),
        (5, 0, 1.0), (4, 6, 2.0), (1, 6, 4.0)]),
}

BENCH_GRAPHS = ["karate", "lesmis", "lfr1k", "lfr1k_w"]


def main(argv):
    only = set(argv[1:])
    os.makedirs(OUT, exist_ok=True)
    jobs = []
    for name, (n, directed, weighted, edges) in HANDMADE.items():
        path = os.path.join(OUT, name + ".edges")
        write_edges(path, name, n, directed, weighted, edges)
        jobs.append((name, path))
    for name in BENCH_GRAPHS:
        src = os.path.join(BENCH, name + ".edges")
        path = os.path.join(OUT, name + ".edges")
        shutil.copyfile(src, path)
        jobs.append((name, path))
    for name, path in jobs:
        if only and name not in only:
            continue
        n, directed, weighted, edges = read_edges(path)
        data = expected(name, n, directed, weighted, edges)
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(data, f, separators=(",", ":"))
        print(f"{name}: {len(data['measures'])} measures", flush=True)


if __name__ == "__main__":
    main(sys.argv)
