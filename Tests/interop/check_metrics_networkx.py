#!/usr/bin/env python3
"""Checks `uccn metrics` against NetworkX from the command line: every measure and every
option that mirrors a NetworkX parameter, on the fixture graphs, as a network scientist
would call them.

For each case it runs `uccn metrics GRAPH --measure M [options] --format json`, computes
the same thing with NetworkX (3.6) and compares: 1e-9 relative (absolute below 1e-3),
1e-6 for PageRank, eigenvector and Katz. Prints one line per disagreement and a summary;
exits 1 if anything disagrees.

Usage (from the repository root, after `swift build`):
    python3 Tests/interop/check_metrics_networkx.py [--uccn .build/debug/uccn]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

try:
    import networkx as nx
    import numpy
except ImportError:  # check_networkx.py, run first by `make test`, installs it
    print("SKIPPED: networkx is not installed")
    sys.exit(0)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "Tests", "GraphAlgorithmsTests", "Fixtures")


def read_edges(path):
    n, directed, weighted, edges = None, False, False, []
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
            p = s.split()
            edges.append((int(p[0]), int(p[1]), float(p[2]) if weighted else 1.0))
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(range(n))
    for u, v, w in edges:
        if weighted:
            g.add_edge(u, v, weight=w)
        else:
            g.add_edge(u, v)
    return g, weighted


def close(a, b, tol):
    return abs(a - b) <= tol * max(abs(b), 1e-3)


class Checker:
    def __init__(self, uccn):
        self.uccn = uccn
        self.checks = 0
        self.failures = []

    def run(self, args):
        r = subprocess.run([self.uccn, "metrics"] + args + ["--format", "json"],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"uccn metrics {' '.join(args)}: exit {r.returncode}: {r.stderr.strip()}")
        return json.loads(r.stdout)

    def nodes(self, label, args, expected, tol=1e-9):
        self.checks += 1
        got = self.run(args)["values"]
        exp = {str(k): float(v) for k, v in expected.items()}
        if set(got) != set(exp):
            self.failures.append(f"{label}: nodes {sorted(got)[:5]}… differ from NetworkX's")
            return
        bad = [k for k in exp if not close(got[k], exp[k], tol)]
        if bad:
            k = bad[0]
            self.failures.append(f"{label}: node {k} is {got[k]}, NetworkX {exp[k]} ({len(bad)} nodes differ)")

    def scalar(self, label, args, expected):
        self.checks += 1
        got = self.run(args)["value"]
        if not close(got, expected, 1e-9):
            self.failures.append(f"{label}: {got}, NetworkX {expected}")

    def edges(self, label, args, expected, directed):
        self.checks += 1
        got = {}
        for u, v, x in self.run(args)["values"]:
            key = (int(u), int(v)) if directed else tuple(sorted((int(u), int(v))))
            got[key] = x
        exp = {((u, v) if directed else tuple(sorted((u, v)))): x for (u, v), x in expected.items()}
        bad = [k for k in exp if k not in got or not close(got[k], exp[k], 1e-9)]
        if bad or len(got) != len(exp):
            k = bad[0] if bad else None
            self.failures.append(f"{label}: edge {k} is {got.get(k)}, NetworkX {exp.get(k)}")


def values_file(directory, name, values):
    path = os.path.join(directory, name)
    with open(path, "w") as f:
        f.write("node,value\n")
        for k, v in values.items():
            f.write(f"{k},{v}\n")
    return path


def check_graph(c, name, tmp, path=None):
    path = path or os.path.join(FIXTURES, name + ".edges")
    g, weighted = read_edges(path)
    n = len(g)
    directed = g.is_directed()
    simple = g.copy()
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    nodes = sorted({0, n // 2, n - 1})
    sources = sorted({1, n // 3, n - 2})
    dangling = {i: float(1 + (i % 2)) for i in range(n)}
    personal = {i: float(1 + (i % 3)) for i in range(n)}
    dfile = values_file(tmp, name + ".dangling.csv", dangling)
    pfile = values_file(tmp, name + ".personal.csv", personal)
    ids = ",".join(map(str, nodes))
    srcs = ",".join(map(str, sources))
    for w, flag in [(None, [])] + ([("weight", ["--weighted"])] if weighted else []):
        tag = f"{name}{' weighted' if w else ''}"
        base = [path] + flag
        c.nodes(f"{tag} degree-centrality", base + ["--measure", "degree-centrality"], nx.degree_centrality(g))
        c.nodes(f"{tag} betweenness", base + ["--measure", "betweenness"], nx.betweenness_centrality(g, weight=w))
        c.nodes(f"{tag} closeness", base + ["--measure", "closeness"], nx.closeness_centrality(g, distance=w))
        c.nodes(f"{tag} closeness wf_improved=False", base + ["--measure", "closeness", "--no-wf-improved"],
                nx.closeness_centrality(g, distance=w, wf_improved=False))
        c.nodes(f"{tag} closeness u=", base + ["--measure", "closeness", "--nodes", ids],
                {u: nx.closeness_centrality(g, u=u, distance=w) for u in nodes})
        c.nodes(f"{tag} harmonic", base + ["--measure", "harmonic"], nx.harmonic_centrality(g, distance=w))
        c.nodes(f"{tag} harmonic sources=", base + ["--measure", "harmonic", "--sources", srcs],
                nx.harmonic_centrality(g, sources=sources, distance=w))
        c.nodes(f"{tag} harmonic nbunch= sources=", base + ["--measure", "harmonic", "--nodes", ids, "--sources", srcs],
                nx.harmonic_centrality(g, nbunch=nodes, sources=sources, distance=w))
        c.nodes(f"{tag} pagerank", base + ["--measure", "pagerank"],
                nx.pagerank(g, weight=w, tol=1e-10, max_iter=10000), 1e-6)
        c.nodes(f"{tag} pagerank personalization= dangling=",
                base + ["--measure", "pagerank", "--personalization", pfile, "--dangling", dfile],
                nx.pagerank(g, weight=w, tol=1e-10, max_iter=10000, personalization=personal,
                            dangling=dangling), 1e-6)
        c.edges(f"{tag} edge-betweenness", base + ["--measure", "edge-betweenness"],
                nx.edge_betweenness_centrality(g, weight=w), directed)
        c.edges(f"{tag} edge-betweenness normalized=False", base + ["--measure", "edge-betweenness", "--unnormalized"],
                nx.edge_betweenness_centrality(g, weight=w, normalized=False), directed)
        c.scalar(f"{tag} average-clustering", base + ["--measure", "average-clustering"],
                 nx.average_clustering(g, weight=w))
        c.nodes(f"{tag} strength", base + ["--measure", "strength"], dict(g.degree(weight=w)))
        if not directed and nx.is_connected(g) and g.number_of_edges() > 0:
            c.nodes(f"{tag} eigenvector", base + ["--measure", "eigenvector"],
                    nx.eigenvector_centrality_numpy(g, weight=w), 1e-6)
        # Katz with uccn's default α: 0.1, or 0.5/λ_max when 0.1 ≥ 1/λ_max.
        lam = max(abs(x) for x in numpy.linalg.eigvals(nx.to_numpy_array(g, weight=w)))
        alpha = 0.1 if 0.1 * lam < 1 else 0.5 / lam
        c.nodes(f"{tag} katz (default alpha {alpha:.6g})", base + ["--measure", "katz"],
                nx.katz_centrality_numpy(g, alpha=alpha, weight=w), 1e-6)
    c.nodes(f"{name} clustering", [path, "--measure", "clustering"], nx.clustering(g))
    if weighted:
        c.nodes(f"{name} weighted-clustering", [path, "--measure", "weighted-clustering"],
                nx.clustering(g, weight="weight"))
    c.nodes(f"{name} kcore", [path, "--measure", "kcore"], nx.core_number(simple))
    if directed:
        c.nodes(f"{name} in-degree", [path, "--measure", "in-degree"], dict(g.in_degree()))
        c.nodes(f"{name} out-degree", [path, "--measure", "out-degree"], dict(g.out_degree()))
        c.nodes(f"{name} in-degree-centrality", [path, "--measure", "in-degree-centrality"],
                nx.in_degree_centrality(g))
        c.nodes(f"{name} out-degree-centrality", [path, "--measure", "out-degree-centrality"],
                nx.out_degree_centrality(g))
    else:
        c.nodes(f"{name} triangles", [path, "--measure", "triangles"], nx.triangles(g))
        c.scalar(f"{name} transitivity", [path, "--measure", "transitivity"], nx.transitivity(g))


def generated_graphs():
    """Graphs NetworkX's own tests use (complete, cycle, path, wheel, Petersen, the
    Florentine families, Davis's southern women) and seeded random ones, directed and
    weighted, with self-loops."""
    import random
    rng = random.Random(7)
    graphs = {
        "complete_digraph5": nx.complete_graph(5, create_using=nx.DiGraph),
        "directed_cycle6": nx.cycle_graph(6, create_using=nx.DiGraph),
        "directed_path10": nx.path_graph(10, create_using=nx.DiGraph),
        "wheel8": nx.wheel_graph(8),
        "petersen": nx.petersen_graph(),
        "florentine": nx.convert_node_labels_to_integers(nx.florentine_families_graph(), ordering="sorted"),
        "davis": nx.convert_node_labels_to_integers(nx.davis_southern_women_graph(), ordering="sorted"),
        "gnp_directed": nx.gnp_random_graph(40, 0.08, seed=3, directed=True),
        "gnp_weighted": nx.gnp_random_graph(50, 0.1, seed=5),
        "gnp_directed_weighted": nx.gnp_random_graph(40, 0.1, seed=11, directed=True),
    }
    for name in ["gnp_weighted", "gnp_directed_weighted"]:
        g = graphs[name]
        for u, v in g.edges():
            g[u][v]["weight"] = rng.choice([0.5, 1.0, 1.5, 2.0, 3.0])
        g.add_edge(0, 0, weight=2.0)
    return graphs


def write_graph(g, path):
    weighted = any("weight" in d for _, _, d in g.edges(data=True))
    with open(path, "w") as f:
        f.write(f"# n={len(g)} m={g.number_of_edges()} directed={str(g.is_directed()).lower()} "
                f"weighted={str(weighted).lower()}\n")
        for u, v, d in g.edges(data=True):
            f.write(f"{u} {v} {d['weight']}\n" if weighted else f"{u} {v}\n")


def check_multigraph(c, tmp):
    """Parallel edges: --duplicates min/sum give NetworkX's MultiGraph answers."""
    edges = [(0, 1, 2.0), (0, 1, 0.5), (1, 2, 1.0), (1, 2, 1.0), (2, 3, 4.0), (0, 3, 1.5), (3, 4, 1.0),
             (3, 4, 3.0), (4, 5, 0.25), (1, 5, 2.0)]
    path = os.path.join(tmp, "multi.edges")
    with open(path, "w") as f:
        for u, v, w in edges:
            f.write(f"{u} {v} {w}\n")
    m = nx.MultiGraph()
    for u, v, w in edges:
        m.add_edge(u, v, weight=w)
    c.nodes("multigraph strength (--duplicates sum)", [path, "--measure", "strength", "--weighted"],
            dict(m.degree(weight="weight")))
    for measure, expected in [("betweenness", nx.betweenness_centrality(m, weight="weight")),
                              ("closeness", nx.closeness_centrality(m, distance="weight")),
                              ("harmonic", nx.harmonic_centrality(m, distance="weight"))]:
        c.nodes(f"multigraph {measure} (--duplicates min)",
                [path, "--measure", measure, "--weighted", "--duplicates", "min"], expected)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--uccn", default=os.path.join(ROOT, ".build", "debug", "uccn"))
    args = parser.parse_args()
    c = Checker(args.uccn)
    with tempfile.TemporaryDirectory() as tmp:
        for name in ["karate", "lesmis", "islands", "ties_w", "loops", "directed", "directed_w"]:
            check_graph(c, name, tmp)
        for name, g in generated_graphs().items():
            path = os.path.join(tmp, name + ".edges")
            write_graph(g, path)
            check_graph(c, name, tmp, path)
        check_multigraph(c, tmp)
    for failure in c.failures:
        print("DIFFERS:", failure)
    print(f"uccn metrics against NetworkX {nx.__version__}: {c.checks - len(c.failures)} of {c.checks} checks agree")
    sys.exit(1 if c.failures else 0)


if __name__ == "__main__":
    main()
