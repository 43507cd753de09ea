#!/usr/bin/env python3
"""Partner queries one at a time: starts `uccn serve` on the loopback, waits until it has
precomputed every what-if, then sends 400 partner queries for seeded random cities (half
with a field filter) on one keep-alive connection, each after the previous answer, and
prints p50/p90/p99/max/mean latency in milliseconds. Most are uncached (a city and filter
seen before is answered from the cache).

Usage: python3 scripts/bench-partner-queries.py --uccn .build/release/uccn [--what-if N]
       [--queries 400] [--seed 3]
"""
import argparse
import http.client
import json
import random
import re
import subprocess
import time

FIELDS = ["Design", "Music", "Literature", "Gastronomy"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--uccn", required=True)
    ap.add_argument("--what-if", type=int, default=None, help="what-if=N on every query (default: the service's 10)")
    ap.add_argument("--queries", type=int, default=400)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()
    server = subprocess.Popen([args.uccn, "serve", "--port", "0", "--quiet"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    port = None
    for line in server.stdout:
        m = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        if m:
            port = int(m.group(1))
            break
    if port is None:
        raise SystemExit("uccn serve did not start: " + server.stderr.read())
    for line in server.stdout:
        if "precomputed" in line:
            print(line.strip())
            break
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        c.request("GET", "/api/v1/cities")
        ids = [m["id"] for m in json.loads(c.getresponse().read())["matches"]]
        rnd = random.Random(args.seed)
        times = []
        for _ in range(args.queries):
            path = f"/api/v1/cities/{rnd.choice(ids)}/partners?top=10"
            if rnd.random() < 0.5:
                path += "&field=" + rnd.choice(FIELDS)
            if args.what_if is not None:
                path += f"&what-if={args.what_if}"
            t = time.perf_counter()
            c.request("GET", path)
            r = c.getresponse()
            r.read()
            if r.status != 200:
                raise SystemExit(f"{r.status} for {path}")
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        k = len(times)
        print(f"{k} partner queries, what-if {'default (10)' if args.what_if is None else args.what_if}: "
              f"p50 {times[k // 2]:.2f} p90 {times[int(k * 0.9)]:.2f} p99 {times[int(k * 0.99)]:.2f} "
              f"max {times[-1]:.2f} mean {sum(times) / k:.2f} ms")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
