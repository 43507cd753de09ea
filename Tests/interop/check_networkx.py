#!/usr/bin/env python3
"""Checks `uccn convert` against NetworkX, both ways.

1. NetworkX writes a small attributed graph (directed and undirected; string, int, float
   and bool attributes; text that needs escaping; a self-loop; an isolated node) and a
   graph with integer node ids as GraphML, GEXF 1.2, node-link JSON and Gephi CSV;
   `uccn convert` turns each into every other format; NetworkX reads uccn's files back.
2. Every file uccn wrote must hold the same nodes, edges, weights and attributes as the
   graph NetworkX started from.

Usage (from the repository root, after `swift build`):
    python3 Tests/interop/check_networkx.py [--uccn .build/debug/uccn]

Installs networkx with pip when it is missing; exits 0 with a SKIPPED message only when
pip cannot install it. Exits 1 on the first difference, naming the file and what differs.
"""
import argparse
import csv
import importlib
import json
import os
import subprocess
import sys
import tempfile


def ensure_networkx():
    try:
        return importlib.import_module("networkx")
    except ImportError:
        pass
    print("networkx is missing; installing it with pip", flush=True)
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "networkx"]
    result = subprocess.run(pip)
    if result.returncode != 0:
        # Debian's system Python refuses pip installs outside a virtual environment
        # (PEP 668); install into the user's site-packages instead.
        result = subprocess.run(pip + ["--user", "--break-system-packages"])
    if result.returncode != 0:
        print("SKIPPED: networkx is not installed and pip could not install it")
        sys.exit(0)
    import site
    user_site = site.getusersitepackages()
    if user_site not in sys.path:
        sys.path.append(user_site)
    importlib.invalidate_caches()
    return importlib.import_module("networkx")


nx = ensure_networkx()

NODES = [
    ("lyon", dict(label="Lyon", country="France", year=2008, score=0.75, member=True)),
    ("kyōto", dict(label="京都", country="Japan", year=2014, score=1.5, member=True)),
    ("a&b <c>", dict(label='Quote "this", comma', country="Côte d'Ivoire", year=2021, score=-3.0, member=False)),
    ("lonely", dict(label="Isolated", country="Nowhere", year=1999, score=0.0, member=True)),
]
EDGES = [
    ("lyon", "kyōto", dict(weight=2.5, kind="sister-city", since=1959)),
    ("kyōto", "a&b <c>", dict(weight=0.125, kind="proposed", since=2020)),
    ("a&b <c>", "lyon", dict(weight=4.0, kind="sister-city", since=1990)),
    ("lyon", "lyon", dict(weight=1.0, kind="self", since=2000)),
]


def sample(directed):
    g = nx.DiGraph() if directed else nx.Graph()
    g.graph["name"] = "interop"
    for n, d in NODES:
        g.add_node(n, **d)
    for u, v, d in EDGES:
        g.add_edge(u, v, **d)
    return g


def integer_ids():
    g = nx.karate_club_graph()
    for u, v in g.edges():
        g[u][v]["weight"] = float(g[u][v]["weight"])
    for n in g.nodes():
        g.nodes[n]["club"] = str(g.nodes[n]["club"])
    g.graph = {"name": "karate"}
    return g


def write_csv(g, stem):
    node_keys = sorted({k for _, d in g.nodes(data=True) for k in d if k != "label"})
    with open(stem + ".nodes.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Id", "Label"] + node_keys)
        for n, d in g.nodes(data=True):
            w.writerow([n, d.get("label", "")] + [str(d[k]).lower() if isinstance(d.get(k), bool) else d.get(k, "") for k in node_keys])
    edge_keys = sorted({k for _, _, d in g.edges(data=True) for k in d if k != "weight"})
    with open(stem + ".edges.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Source", "Target", "Type", "Weight"] + edge_keys)
        kind = "Directed" if g.is_directed() else "Undirected"
        for u, v, d in g.edges(data=True):
            w.writerow([u, v, kind, d.get("weight", "")] + [d.get(k, "") for k in edge_keys])


def read_csv(stem, directed_hint):
    def typed(text):
        if text == "":
            return None
        if text in ("true", "false"):
            return text == "true"
        try:
            i = int(text)
            if str(i) == text:
                return i
        except ValueError:
            pass
        try:
            return float(text)
        except ValueError:
            return text
    with open(stem + ".edges.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    directed = all(r["Type"] == "Directed" for r in rows) if rows else directed_hint
    g = nx.DiGraph() if directed else nx.Graph()
    with open(stem + ".nodes.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            attrs = {("label" if k == "Label" else k): typed(v) for k, v in r.items() if k != "Id"}
            g.add_node(r["Id"], **{k: v for k, v in attrs.items() if v is not None})
    for r in rows:
        attrs = {("weight" if k == "Weight" else k): typed(v) for k, v in r.items() if k not in ("Source", "Target", "Type")}
        g.add_edge(r["Source"], r["Target"], **{k: v for k, v in attrs.items() if v is not None})
    return g


def nx_write(g, fmt, path):
    if fmt == "graphml":
        nx.write_graphml(g, path)
    elif fmt == "gexf":
        nx.write_gexf(g, path, version="1.2draft")
    elif fmt == "json":
        with open(path, "w", encoding="utf-8") as f:
            json.dump(nx.node_link_data(g, edges="edges"), f)
    elif fmt == "edges.csv":
        write_csv(g, path[: -len(".edges.csv")])


def nx_read(fmt, path, directed):
    if fmt == "graphml":
        return nx.read_graphml(path)
    if fmt == "gexf":
        g = nx.read_gexf(path, version="1.2draft")
        for _, _, d in g.edges(data=True):
            d.pop("id", None)  # GEXF numbers its edges
        return g
    if fmt == "json":
        with open(path, encoding="utf-8") as f:
            return nx.node_link_graph(json.load(f), edges="edges")
    if fmt == "edges.csv":
        return read_csv(path[: -len(".edges.csv")], directed)
    raise ValueError(fmt)


def normalise(g, ids_as_text):
    """Nodes and edges as comparable plain data (ids as text for formats that have no
    integer ids; undirected edges as sorted pairs)."""
    def key(n):
        return str(n) if ids_as_text else n
    nodes = {key(n): dict(d) for n, d in g.nodes(data=True)}
    edges = {}
    for u, v, d in g.edges(data=True):
        a, b = key(u), key(v)
        if not g.is_directed() and str(b) < str(a):
            a, b = b, a
        edges[(a, b)] = dict(d)
    return g.is_directed(), nodes, edges


def same_value(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) and not isinstance(b, bool) and float(a) == float(b)
    return a == b and type(a) is type(b)


def compare(expected, got, where):
    de, ne, ee = expected
    dg, ng, eg = got
    problems = []
    if de != dg:
        problems.append(f"directed: expected {de}, found {dg}")
    if set(ne) != set(ng):
        problems.append(f"nodes: expected {sorted(map(str, ne))}, found {sorted(map(str, ng))}")
    for n, attrs in ne.items():
        other = ng.get(n, {})
        for k, v in attrs.items():
            if k not in other or not same_value(v, other[k]):
                problems.append(f"node {n!r} attribute {k}: expected {v!r}, found {other.get(k)!r}")
    if set(ee) != set(eg):
        problems.append(f"edges: expected {sorted(map(str, ee))}, found {sorted(map(str, eg))}")
    for e, attrs in ee.items():
        other = eg.get(e, {})
        for k, v in attrs.items():
            if k not in other or not same_value(v, other[k]):
                problems.append(f"edge {e!r} attribute {k}: expected {v!r}, found {other.get(k)!r}")
    if problems:
        print(f"FAIL {where}:")
        for p in problems[:20]:
            print("   ", p)
        return False
    return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--uccn", default=os.path.join(".build", "debug", "uccn"))
    args = parser.parse_args()
    if not os.path.exists(args.uccn):
        print(f"{args.uccn} not found; build it first (swift build)")
        return 1
    formats = ["graphml", "gexf", "json", "edges.csv"]
    checks = failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        graphs = [("directed", sample(True)), ("undirected", sample(False)), ("karate", integer_ids())]
        for name, g in graphs:
            for source in formats:
                src = os.path.join(tmp, f"{name}-nx.{source}")
                nx_write(g, source, src)
                for target in formats:
                    out = os.path.join(tmp, f"{name}-{source.replace('.', '_')}-to.{target}")
                    extra = ["--gexf-version", "1.2"] if target == "gexf" else []
                    result = subprocess.run([args.uccn, "convert", src, out] + extra, capture_output=True, text=True)
                    checks += 1
                    where = f"{name}: NetworkX {source} → uccn {target}"
                    if result.returncode != 0:
                        print(f"FAIL {where}: uccn exited {result.returncode}: {result.stderr.strip()}")
                        failures += 1
                        continue
                    back = nx_read(target, out, g.is_directed())
                    # Integer ids survive only where the format can type them (JSON).
                    ids_as_text = not (source == "json" and target == "json")
                    if not compare(normalise(g, ids_as_text), normalise(back, ids_as_text), where):
                        failures += 1
    print(f"{checks - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
