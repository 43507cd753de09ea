#!/usr/bin/env python3
"""Generate the benchmark graphs deterministically (fixed seeds).

Every graph is written twice, in the same node numbering (0..n-1):

  NAME.edges        plain edge list: a '#' header (n, m, directed, weighted,
                    source), then one "u v" or "u v w" line per edge
  NAME.graphml      the same graph written by networkx.write_graphml
  NAME.communities  (LFR graphs only) "node community" lines, ground truth

plus manifest.json describing every graph (n, m, weighted, files, bytes).

Usage:
  python make_graphs.py          # everything, into Benchmarks/graphs
  python make_graphs.py --only karate lesmis lfr1k
  python make_graphs.py --out DIR --no-graphml-above 2000000
"""
from __future__ import annotations

import argparse
import json
import os
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

# Benchmarks/graphs in the repository (not committed), or $UCCN_BENCH_GRAPHS.
DEFAULT_OUT = Path(os.environ.get("UCCN_BENCH_GRAPHS") or Path(__file__).resolve().parent.parent / "graphs")
SEED = 42

# LFR parameters shared by all sizes (NetworKit's LFRGenerator):
# degree power law exponent 2.5, mean 20, max 50;
# community-size power law exponent 1.5, sizes 20..100; mixing mu = 0.3.
LFR_PARAMS = dict(avg_degree=20, max_degree=50, degree_exp=2.5,
                  min_community=20, max_community=100, community_exp=1.5,
                  mu=0.3)


@dataclass
class Graph:
    """A simple undirected graph with integer node ids 0..n-1."""
    name: str
    n: int
    edges: np.ndarray                    # shape (m, 2), int64, u < v
    weights: np.ndarray | None = None    # shape (m,), positive, or None
    communities: np.ndarray | None = None  # shape (n,), ground-truth labels
    source: str = ""
    node_names: list[str] | None = None  # original names (Les Miserables)
    params: dict = field(default_factory=dict)

    @property
    def m(self) -> int:
        return len(self.edges)


# --------------------------------------------------------------------------
# Generators
# --------------------------------------------------------------------------

def _canonical_edges(pairs) -> np.ndarray:
    """(m,2) int64 array with u < v, sorted, duplicates/self-loops removed."""
    e = np.asarray(list(pairs), dtype=np.int64).reshape(-1, 2)
    e = np.sort(e, axis=1)
    e = e[e[:, 0] != e[:, 1]]
    return np.unique(e, axis=0)


def karate() -> Graph:
    import networkx as nx
    g = nx.karate_club_graph()
    return Graph("karate", g.number_of_nodes(), _canonical_edges(g.edges()),
                 source="networkx.karate_club_graph() (edge weights dropped)")


def lesmis() -> Graph:
    import networkx as nx
    g = nx.les_miserables_graph()
    names = sorted(g.nodes())                      # ids = alphabetical order
    idx = {v: i for i, v in enumerate(names)}
    rows = sorted((min(idx[u], idx[v]), max(idx[u], idx[v]), d["weight"])
                  for u, v, d in g.edges(data=True))
    edges = np.array([r[:2] for r in rows], dtype=np.int64)
    weights = np.array([r[2] for r in rows], dtype=np.float64)
    return Graph("lesmis", len(names), edges, weights, node_names=names,
                 source="networkx.les_miserables_graph() (co-occurrence "
                        "weights; ids = names in alphabetical order)")


def lfr(n: int, name: str) -> Graph:
    import networkit as nk
    nk.setNumberOfThreads(1)           # single thread => reproducible
    nk.setSeed(SEED, False)
    p = LFR_PARAMS
    gen = nk.generators.LFRGenerator(n)
    gen.generatePowerlawDegreeSequence(p["avg_degree"], p["max_degree"],
                                       -p["degree_exp"])
    gen.generatePowerlawCommunitySizeSequence(p["min_community"],
                                              p["max_community"],
                                              -p["community_exp"])
    gen.setMu(p["mu"])
    g = gen.generate()
    comm = np.array(gen.getPartition().getVector(), dtype=np.int64)
    _, comm = np.unique(comm, return_inverse=True)   # labels 0..k-1
    return Graph(name, n, _canonical_edges(g.iterEdges()), communities=comm,
                 source=f"networkit.generators.LFRGenerator(n={n}), "
                        f"seed {SEED}",
                 params=dict(p, n=n, seed=SEED))


def barabasi_albert(n: int, m_per_node: int, name: str) -> Graph:
    import igraph as ig
    random.seed(SEED)                   # python-igraph draws from `random`
    g = ig.Graph.Barabasi(n, m_per_node, directed=False)
    return Graph(name, n, _canonical_edges(g.get_edgelist()),
                 source=f"igraph.Graph.Barabasi(n={n}, m={m_per_node}), "
                        f"seed {SEED}",
                 params=dict(n=n, m=m_per_node, seed=SEED))


def with_random_weights(base: Graph, name: str, low=1, high=100) -> Graph:
    """Copy of `base` with integer weights drawn uniformly from [low, high].

    Integer weights keep every path length exactly representable in binary
    floating point, so tie detection between equal-length shortest paths
    (which matters for betweenness) cannot differ between libraries.
    """
    rng = np.random.default_rng(SEED)
    w = rng.integers(low, high, endpoint=True, size=base.m).astype(np.float64)
    return Graph(name, base.n, base.edges, w, base.communities,
                 source=f"{base.name} with integer weights uniform in "
                        f"[{low}, {high}], numpy seed {SEED}",
                 params=dict(base.params, weights=[low, high]))


# name -> zero-argument builder; cheap ones first
CATALOG = {
    "karate": karate,
    "lesmis": lesmis,
    "lfr1k": lambda: lfr(1_000, "lfr1k"),
    "lfr1k_w": lambda: with_random_weights(lfr(1_000, "lfr1k"), "lfr1k_w"),
    "lfr10k": lambda: lfr(10_000, "lfr10k"),
    "lfr10k_w": lambda: with_random_weights(lfr(10_000, "lfr10k"), "lfr10k_w"),
    "lfr100k": lambda: lfr(100_000, "lfr100k"),
    "ba100k": lambda: barabasi_albert(100_000, 5, "ba100k"),
    "ba1m": lambda: barabasi_albert(1_000_000, 5, "ba1m"),
}


# --------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------

def _fmt_weight(w: float) -> str:
    return str(int(w)) if float(w).is_integer() else repr(float(w))


def write_edges(g: Graph, path: Path) -> None:
    with open(path, "w") as f:
        f.write(f"# graph: {g.name}\n")
        f.write(f"# n={g.n} m={g.m} directed=false "
                f"weighted={'true' if g.weights is not None else 'false'}\n")
        f.write(f"# source: {g.source}\n")
        if g.weights is None:
            np.savetxt(f, g.edges, fmt="%d %d")
        else:
            for (u, v), w in zip(g.edges.tolist(), g.weights.tolist()):
                f.write(f"{u} {v} {_fmt_weight(w)}\n")


def write_communities(g: Graph, path: Path) -> None:
    with open(path, "w") as f:
        f.write(f"# ground-truth communities of {g.name}: 'node community'\n")
        f.write(f"# n={g.n} k={int(g.communities.max()) + 1}\n")
        np.savetxt(f, np.column_stack([np.arange(g.n), g.communities]),
                   fmt="%d %d")


def write_graphml(g: Graph, path: Path) -> None:
    import networkx as nx
    h = nx.Graph(name=g.name)
    h.add_nodes_from(range(g.n))
    if g.node_names:
        nx.set_node_attributes(h, dict(enumerate(g.node_names)), "name")
    if g.communities is not None:
        nx.set_node_attributes(
            h, dict(enumerate(g.communities.tolist())), "community")
    if g.weights is None:
        h.add_edges_from(g.edges.tolist())
    else:
        h.add_weighted_edges_from(
            (u, v, w)
            for (u, v), w in zip(g.edges.tolist(), g.weights.tolist()))
    nx.write_graphml(h, path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--only", nargs="+", choices=list(CATALOG),
                    help="generate only these graphs")
    ap.add_argument("--no-graphml-above", type=int, default=None, metavar="M",
                    help="skip GraphML for graphs with more than M edges")
    args = ap.parse_args()

    args.out.mkdir(parents=True, exist_ok=True)
    manifest_path = args.out / "manifest.json"
    manifest = (json.loads(manifest_path.read_text())
                if manifest_path.exists() else {})

    for name in args.only or CATALOG:
        t0 = time.perf_counter()
        g = CATALOG[name]()
        files = {"edges": args.out / f"{name}.edges"}
        write_edges(g, files["edges"])
        if g.communities is not None:
            files["communities"] = args.out / f"{name}.communities"
            write_communities(g, files["communities"])
        if args.no_graphml_above is None or g.m <= args.no_graphml_above:
            files["graphml"] = args.out / f"{name}.graphml"
            write_graphml(g, files["graphml"])
        manifest[name] = {
            "n": g.n, "m": g.m, "directed": False,
            "weighted": g.weights is not None,
            "communities": (int(g.communities.max()) + 1
                            if g.communities is not None else None),
            "source": g.source, "params": g.params,
            "files": {k: str(p) for k, p in files.items()},
            "bytes": {k: os.path.getsize(p) for k, p in files.items()},
        }
        manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")
        print(f"{name:10s} n={g.n:>9,d} m={g.m:>10,d} "
              f"weighted={g.weights is not None!s:5s} "
              f"({time.perf_counter() - t0:6.1f} s)", flush=True)


if __name__ == "__main__":
    main()
