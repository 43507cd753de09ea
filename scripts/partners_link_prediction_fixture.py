"""Expected link-prediction scores for Tests/CreativeCitiesTests/NeighbourhoodScoresTests.swift.

Zachary's karate club (NetworkX's built-in copy), source node 0: common neighbours, Jaccard,
Adamic-Adar, resource allocation and preferential attachment for every other node, printed
as Swift array literals. Run: python3 scripts/partners_link_prediction_fixture.py
(NetworkX 3.6.1 made the committed values).
"""
import networkx as nx

G = nx.karate_club_graph()
n = G.number_of_nodes()
pairs = [(0, v) for v in range(1, n)]

def table(fn):
    return {v: p for (_, v, p) in fn(G, pairs)}

cn = {v: len(list(nx.common_neighbors(G, 0, v))) for v in range(1, n)}
jac = table(nx.jaccard_coefficient)
aa = table(nx.adamic_adar_index)
ra = table(nx.resource_allocation_index)
pa = table(nx.preferential_attachment)

edges = sorted((min(u, v), max(u, v)) for u, v in G.edges())
print("static let edges: [(Int, Int)] = [" + ", ".join(f"({u}, {v})" for u, v in edges) + "]")
for name, t in [("commonNeighbours", cn), ("jaccard", jac), ("adamicAdar", aa),
                ("resourceAllocation", ra), ("preferentialAttachment", pa)]:
    print(f"static let {name}: [Double] = [" + ", ".join(repr(float(t[v])) for v in range(1, n)) + "]")
