#!/usr/bin/env python3
"""Browser test of the page `uccn serve` serves, in headless Chromium (Debian's chromium,
driven by Playwright for Python; no browser is downloaded).

Starts `uccn serve --port 0` on 127.0.0.1, then, as a planner would, with the keyboard:
types "ha noi", picks Hanoi from the suggestions, checks the standing and the suggested
partners with their reasons, filters by field, runs a what-if for a suggestion and for
Kobe, finds Hanoi's node in the inline map and its tooltip, checks that every request
stayed on the server and every form control has a label, and at 390 px wide checks that
nothing scrolls sideways. Then sends malformed raw HTTP to the server and checks it keeps
answering, and stops it with SIGTERM (exit status 0).

Screenshots go to --screenshots (default Output/browser/): page-1280.png (the top of the
page), page-1280-map.png (the map with Hanoi's tooltip) and page-390.png.

Usage: python3 Tests/browser/page_test.py --uccn .build/debug/uccn [--screenshots DIR]
"""
import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright, expect

CHROMIUM = os.environ.get("UCCN_CHROMIUM", "/usr/bin/chromium")


class Server:
    def __init__(self, uccn):
        self.process = subprocess.Popen(
            [uccn, "serve", "--port", "0", "--quiet"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 180
        self.url = None
        while time.time() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            match = re.search(r"http://127\.0\.0\.1:\d+", line)
            if match:
                self.url = match.group(0)
                break
        if not self.url:
            self.process.kill()
            raise SystemExit("uccn serve did not start: " + self.process.stderr.read())

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            status = self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise AssertionError("uccn serve did not stop within 30 s of SIGTERM")
        rest = self.process.stdout.read()
        assert status == 0, f"uccn serve exited with {status}"
        assert "stopped" in rest, rest


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print("ok -", message)


def page_flow(url, shots):
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        requested = []
        page.on("request", lambda r: requested.append(r.url))
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))

        page.goto(url + "/")
        expect(page.get_by_label("City", exact=True)).to_be_visible()

        # Keyboard only: focus the search box, type, choose with the arrow keys and Enter.
        page.keyboard.press("Tab")
        check(page.evaluate("document.activeElement.id") == "city-input", "Tab reaches the search box first")
        page.keyboard.type("ha noi", delay=60)
        option = page.locator("#city-options li", has_text="Hanoi")
        expect(option.first).to_be_visible(timeout=10_000)
        check(page.locator("#city-options li").first.inner_text().startswith("Hanoi"),
              "typing \"ha noi\" suggests Hanoi first")
        page.keyboard.press("ArrowDown")
        check(page.get_attribute("#city-input", "aria-activedescendant") == "opt-0",
              "the arrow key selects the suggestion (aria-activedescendant)")
        page.keyboard.press("Enter")
        expect(page.locator("#standing-title")).to_have_text("Where Hanoi stands", timeout=30_000)
        expect(page.locator("#standing table tbody tr").first).to_be_visible()
        check("Creative City of Design" in page.inner_text("#standing"), "the standing names Hanoi's field")
        check(page.locator("#standing tbody tr").count() >= 6, "the standing lists the measures with ranks")

        # Suggested partners with their reasons.
        first = page.locator("#suggestions > li").first
        expect(first).to_be_visible(timeout=60_000)
        expect(first.locator(".reasons li").first).to_be_visible()
        count = page.locator("#suggestions > li").count()
        check(count == 10, f"ten suggestions by default (got {count})")
        check(page.locator("#suggestions .reasons li").count() >= count, "every suggestion has reasons")

        # Filter by field (keyboard: the select, then Enter on the form's button).
        page.select_option("#f-field", "Literature")
        page.focus("#filters button[type=submit]")
        page.keyboard.press("Enter")
        expect(page.locator("#partners-summary")).to_contain_text("Literature", timeout=60_000)
        heads = page.locator("#suggestions > li .head span:not(.score):not(.badge)").all_inner_texts()
        check(len(heads) > 0 and all(h.endswith("· Literature") for h in heads),
              f"after filtering, every suggestion is a City of Literature ({len(heads)})")

        # What-if for the first suggestion, by keyboard.
        button = page.locator("#suggestions button.whatif").first
        name = button.get_attribute("data-name")
        button.focus()
        page.keyboard.press("Enter")
        result = page.locator("#suggestions .whatif-result").first
        expect(result.locator("table")).to_be_visible(timeout=60_000)
        check(f"If Hanoi linked with {name}" in result.inner_text(), f"the what-if for {name} shows ranks now and after")

        # "What if we linked with Kobe?"
        page.fill("#free-whatif-input", "Kobe")
        page.press("#free-whatif-input", "Enter")
        expect(page.locator("#free-whatif-result table")).to_be_visible(timeout=60_000)
        check("Kobe" in page.inner_text("#free-whatif-result"), "a what-if with Kobe answers")

        # The map inline, Hanoi's node and its tooltip.
        node = page.locator("#map-box svg g.node#hanoi-vn")
        expect(node).to_have_count(1, timeout=120_000)
        node.focus()
        expect(page.locator("#map-tip")).to_be_visible()
        check("Hanoi" in page.inner_text("#map-tip"), "focusing Hanoi's node on the map shows its tooltip")
        links = page.locator("#downloads a")
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        check(any(h.endswith("/report.html") for h in hrefs) and any(".csv" in h for h in hrefs),
              "links to the full report and the CSV downloads")

        unlabelled = page.evaluate("""() => [...document.querySelectorAll('input,select,button')]
            .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') &&
                         !e.getAttribute('aria-labelledby') && !(e.textContent||'').trim())
            .map(e => e.id || e.outerHTML.slice(0, 60))""")
        check(unlabelled == [], f"every control has a label ({unlabelled})")
        page.screenshot(path=os.path.join(shots, "page-1280-map.png"), full_page=False)
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=os.path.join(shots, "page-1280.png"), full_page=False)

        # A phone: 390 px wide, no sideways scrolling.
        phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                    is_mobile=True, has_touch=True)
        small = phone.new_page()
        small.on("request", lambda r: requested.append(r.url))
        small.goto(url + "/#hanoi-vn")
        expect(small.locator("#suggestions > li").first).to_be_visible(timeout=60_000)
        expect(small.locator("#map-box svg g.node#hanoi-vn")).to_have_count(1, timeout=120_000)
        small.wait_for_timeout(300)
        widths = small.evaluate("""() => ({doc: document.documentElement.scrollWidth,
            body: document.body.scrollWidth, view: window.innerWidth})""")
        check(widths["doc"] <= 390 and widths["body"] <= 390,
              f"at 390 px nothing scrolls sideways ({widths})")
        small.screenshot(path=os.path.join(shots, "page-390.png"), full_page=False)

        outside = [u for u in requested if not (u.startswith(url) or u.startswith("data:"))]
        check(outside == [], f"every request stays on the server ({len(requested)} requests)")
        check(errors == [], f"no script errors ({errors})")
        browser.close()


def raw(url, payload):
    """Sends raw bytes to the server and returns what it answers (possibly nothing)."""
    parsed = urlparse(url)
    with socket.create_connection((parsed.hostname, parsed.port), timeout=10) as s:
        s.sendall(payload)
        try:
            s.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        chunks = []
        try:
            while True:
                data = s.recv(65536)
                if not data:
                    break
                chunks.append(data)
        except (socket.timeout, ConnectionResetError):
            pass
    return b"".join(chunks)


def status_of(answer):
    match = re.match(rb"HTTP/1\.[01] (\d{3})", answer)
    return int(match.group(1)) if match else None


def hostile_raw(url):
    host = urlparse(url).netloc.encode()
    cases = [
        (b"GARBAGE\r\n\r\n", None),
        (b"\x00\xff\xfe\r\n\r\n", None),
        (b"GET /api/v1/cities?q=\xff\xfe HTTP/1.1\r\nHost: " + host + b"\r\nConnection: close\r\n\r\n", 400),
        (b"GET /api/v1/cities/\xc3\x28 HTTP/1.1\r\nHost: " + host + b"\r\nConnection: close\r\n\r\n", None),
        (b"GET /../../etc/passwd HTTP/1.1\r\nHost: " + host + b"\r\nConnection: close\r\n\r\n", 404),
        (b"POST /api/v1/cities/hanoi-vn/what-if HTTP/1.1\r\nHost: " + host +
         b"\r\nContent-Length: 1000000000\r\nConnection: close\r\n\r\n{\"partners\": [", 413),
        (b"POST /api/v1/cities/hanoi-vn/what-if HTTP/1.1\r\nHost: " + host +
         b"\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n", None),
    ]
    for payload, expected in cases:
        answer = raw(url, payload)
        status = status_of(answer)
        if expected is None:
            check(status is None or 400 <= status < 500, f"raw {payload[:40]!r}: closed or 4xx ({status})")
        else:
            check(status == expected, f"raw {payload[:40]!r}: {expected} ({status})")
        with urllib.request.urlopen(url + "/healthz", timeout=10) as r:
            assert r.status == 200 and r.read() == b'{"status":"ok"}'
    print("ok - the server keeps answering after every malformed request")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--uccn", required=True)
    parser.add_argument("--screenshots", default="Output/browser")
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    if not os.access(CHROMIUM, os.X_OK):
        raise SystemExit(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    server = Server(args.uccn)
    print("server at", server.url)
    try:
        page_flow(server.url, args.screenshots)
        hostile_raw(server.url)
    except BaseException:
        server.process.kill()
        raise
    server.stop()
    print("ok - uccn serve stopped cleanly on SIGTERM")


if __name__ == "__main__":
    sys.exit(main())
