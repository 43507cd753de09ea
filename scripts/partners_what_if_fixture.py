"""Expected what-if ranks for Tests/CreativeCitiesTests/PartnerWhatIfTests.swift.

Hanoi's betweenness and closeness ranks (NetworkX defaults: normalised betweenness,
Wasserman-Faust closeness) on the bundled cooperation graph (sister-city + partnership
links), and after adding one link. Rank = 1 + number of cities with a strictly higher value.
Run from the repository root: python3 scripts/partners_what_if_fixture.py (NetworkX 3.6.1).
"""
import csv
import networkx as nx

cities = [r["id"] for r in csv.DictReader(open("Graphs/cities.csv", encoding="utf-8"))]
G = nx.Graph()
G.add_nodes_from(cities)
for r in csv.DictReader(open("Graphs/links.csv", encoding="utf-8")):
    if r["kind"] != "proposed":
        G.add_edge(r["source_id"], r["target_id"])


def rank(values, u):
    x = values[u]
    return 1 + sum(1 for v in values.values() if v > x + 1e-12 * max(1, abs(x)))


def ranks(graph):
    return (rank(nx.betweenness_centrality(graph), "hanoi-vn"),
            rank(nx.closeness_centrality(graph), "hanoi-vn"))


print("before", ranks(G))
for v in ["shanghai-cn", "rio-de-janeiro-br", "ulaanbaatar-mn"]:
    H = G.copy()
    H.add_edge("hanoi-vn", v)
    print(v, ranks(H))
