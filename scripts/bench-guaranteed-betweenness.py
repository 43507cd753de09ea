#!/usr/bin/env python3
"""Betweenness with an (epsilon, delta) guarantee: uccn's `metrics --epsilon E --delta D`
beside NetworKit's KadabraBetweenness at the same E and D, in one process window.

    python3 scripts/bench-guaranteed-betweenness.py GRAPH.edges --epsilon 0.01 --delta 0.1 \
        --threads 1 2 [--exact EXACT.json] [--uccn .build/release/uccn]

For each thread count it times NetworKit's run() (library call only, graph loaded before)
and uccn's computation (`compute_seconds`, the command's own clock; the whole command's
wall time is printed too). With --exact (a `uccn metrics --measure betweenness --format
json` output of the exact values) it prints each tool's largest absolute error on
NetworkX's normalisation (ordered-pair sum / ((n-1)(n-2))). A KADABRA run longer than
--timeout seconds (default 300) is stopped and reported as such. KADABRA's scores are
fractions of ordered pairs (sum / (n(n-1))): they are multiplied by n/(n-2) first.
Prints one Markdown table row per tool and thread count.
"""
import argparse
import json
import multiprocessing
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "Benchmarks" / "peers"))
from graphio import read_edges  # noqa: E402


def kadabra(connection, d, threads, seed, epsilon, delta):
    """Runs NetworKit's KADABRA and sends (seconds, iterations, scores) back."""
    import networkit as nk
    nk.engineering.setLogLevel("ERROR")
    nk.setNumberOfThreads(threads)
    g = nk.Graph(d.n, weighted=False, directed=False)
    g.addEdges((np.ones(d.m), (d.edges[:, 0], d.edges[:, 1])))
    nk.setSeed(seed, True)
    k = nk.centrality.KadabraBetweenness(g, err=epsilon, delta=delta)
    start = time.perf_counter()
    k.run()
    seconds = time.perf_counter() - start
    connection.send((seconds, k.getNumberOfIterations(), k.scores()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("graph")
    ap.add_argument("--epsilon", type=float, default=0.01)
    ap.add_argument("--delta", type=float, default=0.1)
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--exact")
    ap.add_argument("--uccn", default=".build/release/uccn")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--timeout", type=float, default=300, help="seconds before a KADABRA run is stopped")
    args = ap.parse_args()

    d = read_edges(args.graph)
    n = d.n
    exact = None
    if args.exact:
        with open(args.exact) as f:
            values = json.load(f)["values"]
        exact = np.array([values[str(i)] for i in range(n)])

    name = args.graph.rsplit("/", 1)[-1].removesuffix(".edges")

    def error(x):
        return "" if exact is None else f"{np.max(np.abs(x - exact)):.2e}"

    for t in args.threads:
        # KADABRA in a child process, stopped after --timeout seconds.
        parent, child = multiprocessing.Pipe()
        worker = multiprocessing.get_context("fork").Process(
            target=kadabra, args=(child, d, t, args.seed, args.epsilon, args.delta))
        worker.start()
        if parent.poll(args.timeout):
            seconds, iterations, scores = parent.recv()
            worker.join()
            scores = np.array(scores) * n / (n - 2)
            print(f"| {name} | NetworKit KADABRA | {t} | {args.epsilon} | {args.delta} | {seconds:.3f} s "
                  f"| {iterations} | {error(scores)} |", flush=True)
        else:
            worker.kill()
            worker.join()
            print(f"| {name} | NetworKit KADABRA | {t} | {args.epsilon} | {args.delta} | > {args.timeout:.0f} s "
                  f"(stopped) | | |", flush=True)

        cmd = [args.uccn, "metrics", args.graph, "--measure", "betweenness", "--epsilon", str(args.epsilon),
               "--delta", str(args.delta), "--seed", str(args.seed), "--threads", str(t), "--format", "json"]
        start = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True, check=True)
        wall = time.perf_counter() - start
        result = json.loads(out.stdout)
        x = np.array([result["values"][str(i)] for i in range(n)])
        note = [line for line in out.stderr.splitlines() if "sampled shortest paths" in line]
        samples = note[0].split(" from ")[1].split(" ")[0] if note else "?"
        print(f"| {name} | uccn | {t} | {args.epsilon} | {args.delta} | {result['compute_seconds']:.3f} s "
              f"(command {wall:.2f} s) | {samples} | {error(x)} |", flush=True)


if __name__ == "__main__":
    main()
