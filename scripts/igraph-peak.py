#!/usr/bin/env python3
"""Peak memory of python-igraph on one measure: load an .edges file the harness's way
(numpy), build the graph, run the measure. Run under /usr/bin/time -v."""
import os, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Benchmarks", "peers"))
from graphio import read_edges
import igraph as ig
measure = sys.argv[2]
d = read_edges(sys.argv[1])
g = ig.Graph(n=d.n, edges=d.edges, directed=False)
t = time.perf_counter()
if measure == "pagerank":
    g.pagerank(damping=0.85, directed=False)
elif measure == "kcore":
    g.coreness()
elif measure == "components":
    g.connected_components().membership
print(measure, time.perf_counter() - t)
