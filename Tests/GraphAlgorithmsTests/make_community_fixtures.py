"""Expected values for the community tests (CommunitiesFixtures: modularity.json).

Modularity from networkx.community.modularity and CPM quality from leidenalg's
CPMVertexPartition, for fixed partitions of karate, Les Misérables (weighted and not)
and a small graph with a self-loop and an isolated node. Run from this directory:

    python3 make_community_fixtures.py      # networkx 3.6, leidenalg 0.12, igraph 1.0

karate.edges and lesmis.edges are the benchmark harness's files
(Benchmarks/peers/make_graphs.py).
"""
import json
import random
from pathlib import Path

import networkx as nx

here = Path(__file__).parent / "Fixtures"


def read_edges(path, weighted):
    n = None
    g = nx.Graph()
    for line in open(path):
        if line.startswith("#"):
            for tok in line[1:].split():
                if tok.startswith("n="):
                    n = int(tok[2:])
            continue
        parts = line.split()
        if not parts:
            continue
        w = float(parts[2]) if weighted and len(parts) > 2 else 1.0
        g.add_edge(int(parts[0]), int(parts[1]), weight=w)
    g.add_nodes_from(range(n if n is not None else 0))
    return g


# A small awkward graph: a self-loop (weight 2), an isolated node, a pendant path.
loops = "# n=7 m=7 directed=false weighted=true\n0 0 2\n0 1 1\n1 2 3\n0 2 1\n2 3 1\n3 4 2\n4 5 1\n"
(here / "loops_communities.edges").write_text(loops)


def partitions(g, rng):
    n = g.number_of_nodes()
    yield "singletons", list(range(n))
    yield "one block", [0] * n
    for seed in (1, 2):
        comms = nx.community.louvain_communities(g, weight="weight", seed=seed)
        labels = [0] * n
        for i, c in enumerate(comms):
            for v in c:
                labels[v] = i
        yield f"louvain seed {seed}", labels
    yield "random 4 blocks", [rng.randrange(4) for _ in range(n)]


cases = []
rng = random.Random(7)
for name, weighted in [("karate.edges", False), ("lesmis.edges", True), ("lesmis.edges", False),
                       ("loops_communities.edges", True)]:
    g = read_edges(here / name, weighted)
    for label, labels in partitions(g, rng):
        blocks = {}
        for v, l in enumerate(labels):
            blocks.setdefault(l, set()).add(v)
        for resolution in (1.0, 0.5, 2.0):
            q = nx.community.modularity(g, list(blocks.values()), weight="weight", resolution=resolution)
            cases.append({"graph": name, "weighted": weighted, "partition": label,
                          "resolution": resolution, "labels": labels, "modularity": q})

# CPM quality H = sum_c [e_c - gamma * n_c (n_c - 1) / 2]. leidenalg's quality() returns
# 2H for undirected graphs (it sums over ordered pairs: (2 - is_directed) * H), so halve it.
try:
    import igraph as ig
    import leidenalg
    cpm = []
    for name, weighted in [("karate.edges", False), ("lesmis.edges", True)]:
        g = read_edges(here / name, weighted)
        h = ig.Graph(n=g.number_of_nodes(), edges=list(g.edges()))
        h.es["weight"] = [g[u][v]["weight"] for u, v in g.edges()]
        for label, labels in partitions(g, random.Random(3)):
            for resolution in (0.05, 0.2):
                p = leidenalg.CPMVertexPartition(h, initial_membership=labels, weights="weight",
                                                 resolution_parameter=resolution)
                cpm.append({"graph": name, "weighted": weighted, "partition": label,
                            "resolution": resolution, "labels": labels, "quality": p.quality() / 2})
except ImportError:
    cpm = []

def lines(items):
    return ",\n".join("  " + json.dumps(item) for item in items)


(here / "modularity.json").write_text(
    '{"modularity": [\n' + lines(cases) + '\n ],\n "cpm": [\n' + lines(cpm) + '\n ]}\n')
print(len(cases), "modularity cases,", len(cpm), "CPM cases")
