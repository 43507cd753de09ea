#!/usr/bin/env python3
"""Load test of `uccn serve` on the loopback only: N concurrent clients (16 by default),
each on its own keep-alive connection, send a seeded mix of partner queries, city lookups,
city pages, what-ifs and maps for a bounded time (30 s) and number of requests. Prints
p50/p99 latency per route (maps and partner queries split by X-Cache: hit or miss), errors
(any status other than 200, or a broken connection), and the server's resident memory
(VmRSS) at the start of the run (after one warm-up request of each kind, which loads
Graphviz's plugins and fonts) and at its end, as a Markdown table for BENCHMARKS.md.

Each client is its own process by default (--client-mode processes), so no client waits
for another's Python work before it stops its clock; --client-mode threads runs them as
threads of one interpreter, as the first version of this script did (on the 2026-12-06
runs both modes gave the same latencies within a few tenths of a millisecond). Every
client sends at most max-requests / clients requests. The server's resident memory is
also sampled every 5 s, to show where it levels off. By default the clients start once the
server has precomputed every pair's what-if ranks (it prints a line when done);
--precompute start starts them at once, --precompute off runs the server without it.

Usage: python3 scripts/bench-serve.py --uccn .build/release/uccn [--clients 16]
       [--seconds 30] [--max-requests 200000] [--seed 1] [--what-if N]
       [--client-mode processes|threads] [--precompute wait|start|off]
"""
import argparse
import http.client
import json
import multiprocessing
import os
import random
import re
import signal
import subprocess
import threading
import time
import urllib.parse

FIELDS = ["Design", "Literature", "Music", "Gastronomy", "Crafts and Folk Art", "Film", "Media Arts"]
REGIONS = ["Europe", "Asia and the Pacific", "Latin America and the Caribbean", "Africa", "Arab States"]
LOOKUPS = ["ha noi", "hanoi", "kobe", "granada", "seoul", "bandung", "helsinki", "berlin", "montreal",
           "shang", "buenos aires", "cape town", "istanbul", "dakar", "bogota", "lyon", "sydney", "porto"]


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid):
    """User plus system CPU time of a process so far (all its threads)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    k = max(0, min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1))
    return values[k]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--uccn", required=True)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--max-requests", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--what-if", type=int, default=None,
                    help="add what-if=N to every partner query (default: the service's default, 10)")
    ap.add_argument("--map-cities", type=int, default=40,
                    help="distinct cities whose maps are asked for (each drawn once, then cached)")
    ap.add_argument("--client-mode", choices=["processes", "threads"], default="processes",
                    help="one process per client (default) or one thread per client in this process")
    ap.add_argument("--precompute", choices=["wait", "start", "off"], default="wait",
                    help="wait: start the clients once the server has precomputed every what-if "
                         "(its 'what-if ranks precomputed' line; default); start: start them at "
                         "once, while it precomputes; off: run the server with --no-precompute-what-ifs")
    ap.add_argument("--server-option", action="append", default=[],
                    help="an option passed on to uccn serve (repeat for several), e.g. --server-option=--ranking-niceness=0")
    ap.add_argument("--client-niceness", type=int, default=0,
                    help="run each client process at this nice value (0: the server's priority; "
                         "10: the clients use only the CPU the server leaves, as clients on other "
                         "machines would)")
    ap.add_argument("--rate", type=float, default=0,
                    help="requests a second in all, each client sending at its share on a fixed "
                         "schedule, a request's time counted from when it was due (0: closed loop, "
                         "each client sending its next request as soon as the answer arrives)")
    args = ap.parse_args()

    command = [args.uccn, "serve", "--host", "127.0.0.1", "--port", "0", "--quiet"]
    if args.precompute == "off":
        command.append("--no-precompute-what-ifs")
    command += args.server_option
    started = time.time()
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = None
    for line in server.stdout:
        m = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        if m:
            url, port = m.group(0), int(m.group(1))
            break
    if not url:
        raise SystemExit("uccn serve did not start: " + server.stderr.read())
    print(f"server listening {time.time() - started:.1f} s after launch")
    if args.precompute == "wait":
        for line in server.stdout:
            if "precomputed" in line:
                print(f"{line.strip()} ({time.time() - started:.1f} s after launch)")
                break
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", "/api/v1/cities")
        cities = [c["id"] for c in json.loads(conn.getresponse().read())["matches"]]
        conn.close()
        rng = random.Random(args.seed)
        map_cities = rng.sample(cities, args.map_cities)

        def next_request(r):
            x = r.random()
            city = r.choice(cities)
            if x < 0.40:  # partner queries, with the page's filters
                q = {}
                if r.random() < 0.5:
                    q["field"] = r.choice(FIELDS)
                if r.random() < 0.3:
                    q["region"] = r.choice(REGIONS)
                if r.random() < 0.3:
                    q["top"] = str(r.choice([5, 10, 20]))
                if args.what_if is not None:
                    q["what-if"] = str(args.what_if)
                return "partners", "GET", f"/api/v1/cities/{city}/partners?" + urllib.parse.urlencode(q), None
            if x < 0.65:  # search box lookups
                text = r.choice(LOOKUPS)
                text = text[: r.randint(2, len(text))]
                return "cities?q", "GET", "/api/v1/cities?limit=8&q=" + urllib.parse.quote(text), None
            if x < 0.75:
                return "city", "GET", f"/api/v1/cities/{city}", None
            if x < 0.80:
                partner = r.choice(cities)
                body = json.dumps({"partners": [partner]}) if partner != city else '{"partners": ["kobe-jp"]}'
                if city == "kobe-jp":
                    city = "hanoi-vn"
                return "what-if", "POST", f"/api/v1/cities/{city}/what-if", body
            mc = r.choice(map_cities)
            return "map", "GET", f"/api/v1/cities/{mc}/map.svg?radius=1&suggest=5", None

        # Each client gets an equal share of the request bound.
        per_client = max(1, args.max_requests // args.clients)

        def client(index, deadline, out):
            if args.client_niceness and args.client_mode == "processes":
                os.nice(args.client_niceness)
            r = random.Random(args.seed * 1000 + index)
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            local, errs = [], []
            sent = 0
            # Paced: this client's requests are due every `interval` seconds from a seeded
            # offset; a request's time runs from when it was due, so time spent waiting for
            # an earlier answer counts (no coordinated omission).
            interval = args.clients / args.rate if args.rate else 0.0
            due = time.perf_counter() + r.random() * interval
            while time.time() < deadline and sent < per_client:
                sent += 1
                route, method, path, body = next_request(r)
                headers = {"Content-Type": "application/json"} if body else {}
                if interval:
                    pause = due - time.perf_counter()
                    if pause > 0:
                        time.sleep(pause)
                    t0 = due
                    due += interval
                else:
                    t0 = time.perf_counter()
                try:
                    c.request(method, path, body=body, headers=headers)
                    resp = c.getresponse()
                    resp.read()
                    ms = (time.perf_counter() - t0) * 1000
                    cache = resp.getheader("X-Cache", "")
                    if resp.status != 200:
                        errs.append(f"{resp.status} {method} {path}")
                    local.append((route, cache, ms))
                except Exception as e:  # a broken connection is an error too
                    errs.append(f"{type(e).__name__} {method} {path}")
                    c.close()
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            c.close()
            out.put((local, errs))

        # Warm-up, outside the measurement: one request of each kind loads what the first
        # request of its kind loads once (Graphviz's plugins and fonts, the JSON encoders).
        warm = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        for method, path, body in [
            ("GET", "/api/v1/cities?q=ha", None), ("GET", "/api/v1/cities/hanoi-vn", None),
            ("GET", "/api/v1/cities/hanoi-vn/partners", None),
            ("POST", "/api/v1/cities/hanoi-vn/what-if", '{"partners": ["kobe-jp"]}'),
            ("GET", "/api/v1/cities/hanoi-vn/map.svg?radius=2", None),
        ]:
            warm.request(method, path, body=body)
            warm.getresponse().read()
        warm.close()
        rss_start = rss_kib(server.pid)
        cpu_start = cpu_seconds(server.pid)
        start = time.perf_counter()
        deadline = time.time() + args.seconds
        if args.client_mode == "processes":
            context = multiprocessing.get_context("fork")
            results = context.Queue()
            workers = [context.Process(target=client, args=(i, deadline, results)) for i in range(args.clients)]
        else:
            import queue
            results = queue.Queue()
            workers = [threading.Thread(target=client, args=(i, deadline, results)) for i in range(args.clients)]
        # The server's resident memory every 5 s of the run (to show where it levels off).
        rss_timeline = []
        stop_sampling = threading.Event()

        def sample_rss():
            while not stop_sampling.wait(5):
                rss_timeline.append(rss_kib(server.pid))

        sampler = threading.Thread(target=sample_rss)
        sampler.start()
        for w in workers:
            w.start()
        samples, errors = [], []
        for _ in workers:
            local, errs = results.get()
            samples.extend(local)
            errors.extend(errs)
        for w in workers:
            w.join()
        elapsed = time.perf_counter() - start
        rss_end = rss_kib(server.pid)
        cpu_used = cpu_seconds(server.pid) - cpu_start
        stop_sampling.set()
        sampler.join()
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            status = server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            status = "killed"

    groups = {}
    for route, cache, ms in samples:
        key = route + (f" ({cache})" if cache else "")
        groups.setdefault(key, []).append(ms)
    print(f"{len(samples)} requests in {elapsed:.1f} s ({len(samples) / elapsed:.0f}/s), "
          f"{args.clients} clients ({args.client_mode}), seed {args.seed}, partner what-if "
          f"{'default (10)' if args.what_if is None else args.what_if}, client nice {args.client_niceness}, "
          f"server options {' '.join(args.server_option) or 'none'}, precompute {args.precompute}, "
          f"{f'paced at {args.rate:g}/s' if args.rate else 'closed loop'}; "
          f"errors: {len(errors)}; server exit status {status}")
    print()
    print("| route | requests | p50 ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    for key in sorted(groups):
        v = groups[key]
        print(f"| {key} | {len(v)} | {percentile(v, 50):.2f} | {percentile(v, 99):.2f} | {max(v):.2f} |")
    print()
    print(f"Server CPU: {cpu_used:.1f} s in {elapsed:.1f} s ({cpu_used / elapsed:.2f} cores)")
    growth = 100 * (rss_end - rss_start) / rss_start if rss_start else float("nan")
    print(f"Resident memory: {rss_start / 1024:.1f} MiB at start, {rss_end / 1024:.1f} MiB at end "
          f"({growth:+.1f}%); every 5 s: " + ", ".join(f"{k / 1024:.1f}" for k in rss_timeline) + " MiB")
    for e in errors[:20]:
        print("error:", e)


if __name__ == "__main__":
    main()
