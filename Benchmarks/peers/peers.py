#!/usr/bin/env python3
"""Time and cross-check graph measures across peer libraries and a candidate.

For every graph file, every tool and every measure, the harness

  * loads the graph once per tool in a fresh worker process (load time is
    measured and reported separately, never included in `seconds`),
  * runs the measure up to --runs times (stopping early once --rep-budget
    seconds have been spent) and reports the median,
  * kills the worker when one run exceeds --timeout, and skips a
    (tool, measure) on a larger graph when it timed out on a smaller one or
    when its time, extrapolated from a smaller graph, exceeds --timeout,
  * converts the result to the canonical definition (see adapters.py) and
    writes OUT/GRAPH/MEASURE/TOOL.json,
  * compares the values of all tools (max abs difference; NMI for
    partitions) and scores clusterings (modularity, NMI vs ground truth),
    writing OUT/GRAPH/MEASURE/agreement.json.

A candidate command (e.g. the future Swift CLI) is timed and compared in the
same way; see --candidate.  Run `python report.py` afterwards for Markdown.

Examples:
  python peers.py ../graphs/karate.edges
  python peers.py G1.edges G2.edges --measures pagerank kcore --runs 7
  python peers.py G.edges --tools none --candidate \\
      "uccn metrics {graph} --measure {measure} --format json"
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import shlex
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from adapters import (ALL_PAIRS_MEASURES, COMMUNITY_MEASURES, MEASURES,
                      PARTITION_MEASURES, PEERS)
from graphio import (EdgeList, canonical_partition, communities_path,
                     modularity, nmi, read_communities, read_edges)

# Benchmarks/results in the repository (not committed).
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "results"

# Largest abs difference still counted as agreement, relative to max(1, max
# |reference value|).  Exact measures must match exactly; iterative ones get
# the tolerance their solvers actually reach (see README).
TOLERANCE = {"degree": 0.0, "kcore": 0.0, "components": 0.0,
             "eigenvector": 1e-6, "pagerank": 1e-8}
DEFAULT_TOLERANCE = 1e-9


@dataclass
class Result:
    tool: str                      # label, e.g. "networkit[2t]"
    graph: str
    measure: str
    status: str          # ok | timeout | skipped | unsupported | error
    version: str = ""
    threads: int | None = None
    reason: str = ""
    seconds: float | None = None   # median of `runs`
    runs: list[float] = field(default_factory=list)
    load_seconds: float | None = None
    reported_seconds: float | None = None   # candidate's own compute time
    quality: dict = field(default_factory=dict)
    values: list | None = None     # canonical, indexed by node id

    def summary(self) -> str:
        if self.status != "ok":
            return f"{self.status}: {self.reason}"
        return f"{self.seconds:.4g} s (median of {len(self.runs)})"


@dataclass(frozen=True)
class Tool:
    label: str
    peer: str
    threads: int


# --------------------------------------------------------------------------
# Worker process: holds one library's graph, runs measures on request
# --------------------------------------------------------------------------

def _worker_main(conn, peer_name: str, graph_path: str, threads: int,
                 seed: int) -> None:
    try:
        version = PEERS[peer_name].version()   # imports the library, untimed
        start = time.perf_counter()
        peer = PEERS[peer_name](read_edges(graph_path), seed, threads)
        conn.send(("ok", (time.perf_counter() - start, version)))
    except Exception as exc:                       # noqa: BLE001
        conn.send(("error", f"load failed: {type(exc).__name__}: {exc}"))
        return
    native = {}
    while True:
        command, measure = conn.recv()
        try:
            if command == "quit":
                return
            if command == "run":
                native.pop(measure, None)          # free the previous result
                start = time.perf_counter()
                native[measure] = peer.compute(measure)
                conn.send(("ok", time.perf_counter() - start))
            elif command == "values":
                conn.send(("ok", peer.canonical(measure, native.pop(measure))))
        except Exception as exc:                   # noqa: BLE001
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class WorkerTimeout(Exception):
    pass


class WorkerError(Exception):
    pass


class Worker:
    """A child process (spawned, so OMP_NUM_THREADS takes effect) that loads
    one graph into one library and answers run/values requests."""

    def __init__(self, tool: Tool, graph_path: Path, seed: int,
                 timeout: float):
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        saved = dict(os.environ)
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                    "MKL_NUM_THREADS"):
            os.environ[var] = str(tool.threads)
        try:
            self.process = ctx.Process(
                target=_worker_main, daemon=True,
                args=(child, tool.peer, str(graph_path), tool.threads, seed))
            self.process.start()
        finally:
            os.environ.clear()
            os.environ.update(saved)
        child.close()
        self.load_seconds, self.version = self._wait(timeout)

    def _wait(self, timeout: float):
        if not self.conn.poll(timeout):
            self.kill()
            raise WorkerTimeout(f"no answer within {timeout:g} s")
        try:
            status, payload = self.conn.recv()
        except EOFError:
            self.kill()
            raise WorkerError("worker died (out of memory?)") from None
        if status != "ok":
            raise WorkerError(payload)
        return payload

    def request(self, command: str, measure: str, timeout: float):
        self.conn.send((command, measure))
        return self._wait(timeout)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()

    def close(self) -> None:
        try:
            self.conn.send(("quit", None))
            self.process.join(10)
        except (BrokenPipeError, OSError):
            pass
        self.kill()


# --------------------------------------------------------------------------
# Skip policy
# --------------------------------------------------------------------------

def cost(measure: str, g: EdgeList) -> float:
    """Rough work model used to extrapolate timings to larger graphs."""
    return g.n * (g.n + g.m) if measure in ALL_PAIRS_MEASURES else g.n + g.m


class History:
    """Remembers earlier (tool, measure) outcomes to skip hopeless runs."""

    def __init__(self, timeout: float):
        self.timeout = timeout
        self.seen: dict[tuple[str, str], list[tuple[str, float, Result]]] = {}

    def add(self, result: Result, c: float) -> None:
        key = (result.tool, result.measure)
        self.seen.setdefault(key, []).append((result.graph, c, result))

    def skip_reason(self, tool: str, measure: str, c: float) -> str | None:
        earlier = [(g, c0, r)
                   for g, c0, r in self.seen.get((tool, measure), [])
                   if c0 <= c]
        for graph, _, r in earlier:
            if r.status == "timeout":
                return f"timed out (> {self.timeout:g} s) on smaller {graph}"
        done = [(c0, g, r) for g, c0, r in earlier if r.status == "ok"]
        if done:
            c0, graph, r = max(done, key=lambda x: x[0])
            predicted = r.seconds * c / max(c0, 1)
            if predicted > self.timeout:
                return (f"predicted {predicted:,.0f} s > {self.timeout:g} s "
                        f"(from {r.seconds:.3g} s on {graph})")
        return None


# --------------------------------------------------------------------------
# Running peers
# --------------------------------------------------------------------------

def run_peer(tool: Tool, graph_path: Path, g: EdgeList, measures: list[str],
             args, history: History) -> list[Result]:
    results, worker = [], None
    for measure in measures:
        res = Result(tool.label, g.name, measure, "ok", threads=tool.threads)
        c = cost(measure, g)
        if not PEERS[tool.peer].supports(measure):
            res.status = "unsupported"
            res.reason = f"{tool.peer} has no {measure}"
        elif reason := history.skip_reason(tool.label, measure, c):
            res.status, res.reason = "skipped", reason
        else:
            try:
                if worker is None:
                    worker = Worker(tool, graph_path, args.seed, args.timeout)
                res.version = worker.version
                res.load_seconds = worker.load_seconds
                for _ in range(args.runs):
                    res.runs.append(
                        worker.request("run", measure, args.timeout))
                    if sum(res.runs) >= args.rep_budget:
                        break
                res.seconds = statistics.median(res.runs)
                values = worker.request("values", measure, args.timeout)
                res.values = values.tolist()
            except WorkerTimeout as exc:
                stage = "loading" if worker is None else "one run"
                res.status, res.reason = "timeout", f"{stage}: {exc}"
                worker = None                       # killed by _wait
            except WorkerError as exc:
                res.status, res.reason = "error", str(exc)
                if worker is not None and not worker.process.is_alive():
                    worker = None
        history.add(res, c)
        if res.status != "unsupported":
            print(f"  {tool.label:15s} {measure:18s} {res.summary()}",
                  flush=True)
        results.append(res)
    if worker is not None:
        worker.close()
    return results


# --------------------------------------------------------------------------
# Candidate command
# --------------------------------------------------------------------------

UNSUPPORTED_EXIT = 3          # candidate exit status meaning "no such measure"
REPORTED_TIME_KEYS = ("compute_seconds", "seconds", "time_s", "elapsed")


def _parse_candidate_output(stdout: str, n: int, measure: str):
    doc = json.loads(stdout)
    raw = doc.get("labels", doc.get("values"))
    if raw is None:
        raise ValueError("output has neither 'values' nor 'labels'")
    values = np.full(n, np.nan)
    items = raw.items() if isinstance(raw, dict) else enumerate(raw)
    for node, value in items:
        values[int(node)] = np.nan if value is None else float(value)
    if measure in PARTITION_MEASURES:
        if np.isnan(values).any():
            raise ValueError("labels missing for some nodes")
        values = canonical_partition(values.astype(np.int64))
    reported = next((float(doc[k]) for k in REPORTED_TIME_KEYS if k in doc),
                    None)
    return values, reported


def time_candidate(command: str, res: Result, n: int, args) -> None:
    """Run `command` up to --runs times; fill res.runs/seconds/values."""
    reported = []
    for _ in range(args.runs):
        start = time.perf_counter()
        proc = subprocess.run(command, shell=True, capture_output=True,
                              text=True, timeout=args.timeout)
        res.runs.append(time.perf_counter() - start)
        if proc.returncode == UNSUPPORTED_EXIT:
            raise NotImplementedError(proc.stderr.strip()[-200:])
        if proc.returncode != 0:
            tail = proc.stderr.strip().splitlines()[-3:]
            raise RuntimeError(f"exit {proc.returncode}: " + " | ".join(tail))
        values, rep = _parse_candidate_output(proc.stdout, n, res.measure)
        if rep is not None:
            reported.append(rep)
        if sum(res.runs) >= args.rep_budget:
            break
    res.seconds = statistics.median(res.runs)
    res.values = values.tolist()
    if reported:
        res.reported_seconds = statistics.median(reported)


def run_candidate(template: str, name: str, graph_path: Path, g: EdgeList,
                  measures: list[str], args, history: History) -> list[Result]:
    results = []
    graphml = graph_path.with_suffix(".graphml")
    for measure in measures:
        res = Result(name, g.name, measure, "ok", version="candidate")
        c = cost(measure, g)
        command = template.format(
            graph=shlex.quote(str(graph_path)),
            graphml=shlex.quote(str(graphml)), measure=measure,
            name=g.name, weighted=str(g.weighted).lower())
        if reason := history.skip_reason(name, measure, c):
            res.status, res.reason = "skipped", reason
        else:
            try:
                time_candidate(command, res, g.n, args)
            except subprocess.TimeoutExpired:
                res.status = "timeout"
                res.reason = f"one run exceeded {args.timeout:g} s"
            except NotImplementedError as exc:
                res.status, res.reason = "unsupported", str(exc)
            except (RuntimeError, ValueError, KeyError) as exc:
                res.status = "error"
                res.reason = f"{type(exc).__name__}: {exc}"
        history.add(res, c)
        print(f"  {name:15s} {measure:18s} {res.summary()}", flush=True)
        results.append(res)
    return results


# --------------------------------------------------------------------------
# Quality and agreement
# --------------------------------------------------------------------------

def add_quality(res: Result, g: EdgeList, truth: np.ndarray | None) -> None:
    if res.status != "ok" or res.measure not in PARTITION_MEASURES:
        return
    labels = np.asarray(res.values, dtype=np.int64)
    res.quality["count"] = int(len(np.unique(labels)))
    if res.measure in COMMUNITY_MEASURES:
        res.quality["modularity"] = modularity(g, labels)
        if truth is not None:
            res.quality["nmi"] = nmi(labels, truth)


def agreement(results: list[Result]) -> dict:
    """Pairwise comparison of canonical values of one graph and measure.

    Numeric measures: max abs difference (NaN anywhere counts as infinite).
    Partitions: NMI, and whether the partitions are identical.
    """
    ok = [r for r in results if r.status == "ok" and r.values is not None]
    if not ok:
        return {}
    measure = ok[0].measure
    pairs = []
    for i, a in enumerate(ok):
        for b in ok[i + 1:]:
            x, y = np.asarray(a.values), np.asarray(b.values)
            entry = {"a": a.tool, "b": b.tool}
            if measure in PARTITION_MEASURES:
                entry["nmi"] = nmi(x, y)
                entry["identical"] = bool(np.array_equal(x, y))
            else:
                diff = np.abs(x - y)
                entry["max_abs_diff"] = (float(np.nanmax(diff))
                                         if not np.isnan(diff).any()
                                         else float("inf"))
                scale = max(1.0, float(np.nanmax(np.abs(x))))
                tol = TOLERANCE.get(measure, DEFAULT_TOLERANCE) * scale
                entry["agree"] = entry["max_abs_diff"] <= tol
            pairs.append(entry)
    return {"graph": ok[0].graph, "measure": measure,
            "tolerance": TOLERANCE.get(measure, DEFAULT_TOLERANCE),
            "pairs": pairs}


def load_saved(out: Path, graph: str, measure: str) -> dict[str, Result]:
    saved = {}
    for path in sorted((out / graph / measure).glob("*.json")):
        if path.name == "agreement.json":
            continue
        doc = json.loads(path.read_text())
        saved[doc["tool"]] = Result(**doc)
    return saved


def save(out: Path, res: Result, keep_values: bool) -> None:
    folder = out / res.graph / res.measure
    folder.mkdir(parents=True, exist_ok=True)
    doc = asdict(res)
    if not keep_values:
        doc["values"] = None
    path = folder / (res.tool.replace("/", "_") + ".json")
    path.write_text(json.dumps(doc, separators=(",", ":")))


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def build_tools(names: list[str], nk_threads: list[int]) -> list[Tool]:
    tools = []
    for name in names:
        if name == "none":
            continue
        if name not in PEERS:
            sys.exit(f"unknown tool {name!r}; choose from {sorted(PEERS)}")
        if name == "networkit":
            tools += [Tool(f"networkit[{t}t]", name, t) for t in nk_threads]
        else:
            tools.append(Tool(name, name, 1))
    return tools


def parse_args(argv=None):
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("graphs", nargs="+", type=Path, help=".edges files")
    ap.add_argument("--measures", nargs="+", default=MEASURES,
                    choices=MEASURES, metavar="M",
                    help="subset of: " + " ".join(MEASURES))
    ap.add_argument("--tools", nargs="+",
                    default=["igraph", "networkit", "networkx", "leidenalg"],
                    help="peers to run ('none' for candidate only)")
    ap.add_argument("--nk-threads", nargs="+", type=int, default=[1, 2],
                    help="thread counts for networkit (OMP_NUM_THREADS)")
    ap.add_argument("--runs", type=int, default=5,
                    help="repetitions per measurement (median reported)")
    ap.add_argument("--rep-budget", type=float, default=30.0,
                    help="stop repeating once this many seconds are spent")
    ap.add_argument("--timeout", type=float, default=300.0,
                    help="seconds allowed for one run (and for loading)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--no-values", action="store_true",
                    help="do not store per-node values (no agreement check)")
    ap.add_argument("--candidate", metavar="TEMPLATE",
                    help="command to time and check; placeholders {graph} "
                         "(.edges path), {graphml}, {measure}, {name}, "
                         "{weighted}. stdout: JSON {'values': {node: x}} or "
                         "{'labels': {node: c}}, optionally 'compute_seconds'")
    ap.add_argument("--candidate-name", default="candidate")
    return ap.parse_args(argv)


def main(argv=None) -> None:
    args = parse_args(argv)
    tools = build_tools(args.tools, args.nk_threads)
    history = History(args.timeout)
    graphs = sorted(((p, read_edges(p)) for p in args.graphs),
                    key=lambda pg: pg[1].n + pg[1].m)
    for path, g in graphs:
        truth_file = communities_path(path)
        truth = read_communities(truth_file, g.n) if truth_file else None
        print(f"{g.name}: n={g.n:,} m={g.m:,} weighted={g.weighted}",
              flush=True)
        fresh = []
        for tool in tools:
            fresh += run_peer(tool, path, g, args.measures, args, history)
        if args.candidate:
            fresh += run_candidate(args.candidate, args.candidate_name, path,
                                   g, args.measures, args, history)
        for res in fresh:
            add_quality(res, g, truth)
            save(args.out, res, keep_values=not args.no_values)
        for measure in args.measures:
            everything = load_saved(args.out, g.name, measure)
            report = agreement(list(everything.values()))
            if report:
                (args.out / g.name / measure / "agreement.json").write_text(
                    json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
