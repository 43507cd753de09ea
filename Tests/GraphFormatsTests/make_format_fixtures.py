#!/usr/bin/env python3
"""Writes the NetworkX-made fixtures that GraphFormatsTests read.

A small attributed graph (string, int, float and bool node attributes; weighted edges
with string and int attributes; an isolated node; ids and values that need escaping),
in a directed and an undirected variant, written by NetworkX as GraphML, GEXF 1.2 and
node-link JSON, and in Gephi's CSV spreadsheet convention (nodes and edges tables).

Run from the repository root:
    python3 Tests/GraphFormatsTests/make_format_fixtures.py
It also writes `expected_<variant>.json`, the graph as plain data with every attribute
value tagged with its type, which the Swift tests compare every fixture against.
"""
import csv
import json
import os

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "Fixtures", "networkx")

NODES = [
    ("lyon", dict(label="Lyon", country="France", year=2008, score=0.75, member=True)),
    ("kyoto", dict(label="Kyoto", country="Japan", year=2014, score=1.5, member=True)),
    ("sao-paulo", dict(label="São Paulo", country="Brazil", year=2017, score=-2.25, member=False)),
    ("a&b", dict(label='Quote "this" <tag>, comma', country="Côte d'Ivoire", year=2021, score=3.0, member=False)),
    ("lonely", dict(label="Isolated", country="Nowhere", year=1999, score=0.0, member=True)),
]
EDGES = [
    ("lyon", "kyoto", dict(weight=2.5, kind="sister-city", since=1959)),
    ("kyoto", "sao-paulo", dict(weight=1.0, kind="partnership", since=2015)),
    ("sao-paulo", "a&b", dict(weight=0.125, kind="proposed", since=2020)),
    ("a&b", "lyon", dict(weight=4.0, kind="sister-city", since=1990)),
    ("lyon", "lyon", dict(weight=1.0, kind="self", since=2000)),
]


def make(directed):
    g = nx.DiGraph() if directed else nx.Graph()
    g.graph["name"] = "fixture-directed" if directed else "fixture-undirected"
    for n, attrs in NODES:
        g.add_node(n, **attrs)
    for u, v, attrs in EDGES:
        g.add_edge(u, v, **attrs)
    return g


def write_csv(g, stem):
    with open(stem + ".nodes.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Id", "Label", "country", "year", "score", "member"])
        for n, d in g.nodes(data=True):
            w.writerow([n, d["label"], d["country"], d["year"], d["score"], str(d["member"]).lower()])
    with open(stem + ".edges.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Source", "Target", "Type", "Weight", "kind", "since"])
        kind = "Directed" if g.is_directed() else "Undirected"
        for u, v, d in g.edges(data=True):
            w.writerow([u, v, kind, d["weight"], d["kind"], d["since"]])


def typed(d):
    """Attribute values tagged with their type, so that a reader need not guess."""
    def tag(v):
        if isinstance(v, bool):
            return ["bool", v]
        if isinstance(v, int):
            return ["int", v]
        if isinstance(v, float):
            return ["double", v]
        return ["string", str(v)]
    return {k: tag(v) for k, v in d.items()}


def expected(g):
    return {
        "directed": g.is_directed(),
        "nodes": [{"id": n, "attributes": typed(d)} for n, d in g.nodes(data=True)],
        "edges": [{"source": u, "target": v, "attributes": typed(d)} for u, v, d in g.edges(data=True)],
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    for directed in (False, True):
        variant = "directed" if directed else "undirected"
        g = make(directed)
        stem = os.path.join(OUT, variant)
        nx.write_graphml(g, stem + ".graphml")
        nx.write_gexf(g, stem + ".gexf", version="1.2draft")
        with open(stem + ".json", "w", encoding="utf-8") as f:
            json.dump(nx.node_link_data(g, edges="edges"), f, indent=1, ensure_ascii=False)
        # The key NetworkX < 3.4 wrote, which readers must still accept.
        with open(stem + ".links.json", "w", encoding="utf-8") as f:
            json.dump(nx.node_link_data(g, edges="links"), f, indent=1, ensure_ascii=False)
        write_csv(g, stem)
        with open(os.path.join(OUT, "expected_" + variant + ".json"), "w", encoding="utf-8") as f:
            json.dump(expected(g), f, indent=1, ensure_ascii=False)
    print("networkx", nx.__version__, "wrote", OUT)


if __name__ == "__main__":
    main()
