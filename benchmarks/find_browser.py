"""Benchmark: the catalogue's Find page in Chromium on a national-scale synthetic catalogue.

It synthesises submissions (`mcds synth`), builds the portal (`mcds build`, from the work folder so that the
checkout's .mcds-cache/ is not used), serves it from 127.0.0.1 with gzip like a production web server, and
measures with Playwright, in a fresh browser context each run (so with an empty cache), after one warm-up run:

- the time from navigation start until Find is usable: the result count (role=status) is filled, results are
  listed and the next frame is painted, taken in the page with performance.now() by a MutationObserver;
- the latency of facet clicks and of keystrokes in the search box: from the input event's timestamp to the
  update of the count and results and to the next painted frame;
- the raw and gzip (level 6, as served, and level 9) size of each language's Find index, and of record pages;
- that the home, record, provider and statistics pages never request the Find index.

Run: .venv/bin/python benchmarks/find_browser.py [--providers 200] [--microcredentials 20000] [--seed 7]
     [--work /tmp/mcds-find-bench] [--runs 5] [--site PATH]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shlex
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from common import BIN, catalogue_options, synth

from mcds.portal.find import INDEX
from mcds.portal.records import provider_path, record_path

LANGUAGES = ("en", "fr")
# Facets clicked in turn (the first value still offered), then the first one again to clear it.
CLICKS = ("province", "provider_type", "delivery", "cost", "duration", "credit", "language")
TYPED = 5
COMPRESSIBLE = ("text/", "application/json", "application/javascript", "application/xml", "image/svg+xml")
PROBE = """
(() => {
  const m = window.__mcds = {ready: null, painted: null, parsed: null, pending: null, updates: []};
  const afterPaint = (done) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  });
  const json = Response.prototype.json;
  Response.prototype.json = function () {
    return json.call(this).then((value) => { m.parsed = performance.now(); return value; });
  };
  const arm = (event) => {
    const find = document.getElementById("mcds-find");
    if (find && find.contains(event.target) && (event.type === "click" || event.target.id === "mcds-text")) {
      m.pending = event.timeStamp;
    }
  };
  addEventListener("keydown", arm, true);
  addEventListener("click", arm, true);
  new MutationObserver((records) => {
    const now = performance.now();
    const count = document.getElementById("mcds-count");
    const list = document.getElementById("mcds-result-list");
    if (!count || !list) { return; }
    if (m.ready === null) {
      if (count.textContent.trim() && list.children.length) {
        m.ready = now;
        afterPaint((t) => { m.painted = t; });
      }
    } else if (m.pending !== null && records.some((r) => count.contains(r.target) || list.contains(r.target))) {
      const start = m.pending;
      const entry = {dom: now - start};
      m.pending = null;
      afterPaint((t) => { entry.paint = t - start; m.updates.push(entry); });
    }
  }).observe(document, {childList: true, subtree: true, characterData: true});
})();
"""


# Milliseconds until the portal's search has answered `text` (ranks() calls back once; null again means it failed).
SEARCH_ANSWER = """text => new Promise(done => {
  const start = performance.now();
  let asked = 0;
  const ask = () => { asked += 1; if (window.mcdsFindSearch.ranks(text, ask) || asked > 1) { done(performance.now() - start); } };
  ask();
})"""


def accepts_gzip(header: str) -> bool:
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            q = params.strip().removeprefix("q=")
            try:
                return not params.strip() or float(q) > 0
            except ValueError:
                return False
    return False


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed (level 6, kept in memory) for text types when the client accepts it."""

    compressed: dict[Path, bytes] = {}

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if not (path.is_file() and kind.startswith(COMPRESSIBLE) and accepts_gzip(self.headers.get("Accept-Encoding", ""))):
            return super().send_head()
        if path not in self.compressed:
            self.compressed[path] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        body = self.compressed[path]
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's signature
        pass


@contextmanager
def serving(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def prepare(arguments: argparse.Namespace) -> tuple[Path, list[str]]:
    """The site to measure and a line per preparation step with its wall time."""
    if arguments.site:
        return arguments.site.absolute(), [f"site reused: {arguments.site}"]
    work = arguments.work.absolute()
    work.mkdir(parents=True, exist_ok=True)
    submissions, site, steps = work / "submissions", work / "site", []
    if submissions.exists():
        steps.append(f"synth reused: {submissions}")
    else:
        start = time.perf_counter()
        try:
            synth(submissions, arguments.providers, arguments.microcredentials, seed=arguments.seed)
        except subprocess.CalledProcessError as error:
            sys.exit(f"find_browser: mcds synth failed (exit {error.returncode}); see its message above")
        steps.append(f"synth: {time.perf_counter() - start:.1f} s")
    if site.exists():
        steps.append(f"build reused: {site}")
    else:
        start = time.perf_counter()
        done = subprocess.run([str(BIN / "mcds"), "build", "--submissions", str(submissions), "--out", str(site)],
                              cwd=work, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            sys.exit(f"find_browser: the site could not be built (mcds build exit {done.returncode}):\n{done.stderr}")
        steps.append(f"build: {time.perf_counter() - start:.1f} s ({done.stdout.strip()})")
    return site, steps


@dataclass
class Find:
    usable: list[float] = field(default_factory=list)
    parsed: list[float] = field(default_factory=list)
    clicks: list[dict[str, float]] = field(default_factory=list)
    keys: list[dict[str, float]] = field(default_factory=list)
    typed: str = ""
    search: list[float] = field(default_factory=list)
    search_clicks: list[dict[str, float]] = field(default_factory=list)
    rows: int = 0
    wire: str = ""


def updated(page: Any, action: Any) -> dict[str, float]:
    """Do `action` and return the probe's timings of the update it causes."""
    seen = page.evaluate("() => window.__mcds.updates.length")
    action()
    page.wait_for_function("n => window.__mcds.updates.length > n", arg=seen, timeout=60_000)
    return page.evaluate("() => window.__mcds.updates.at(-1)")


def find_run(browser: Any, url: str, result: Find | None) -> None:
    context = browser.new_context()
    context.add_init_script(PROBE)
    page = context.new_page()
    try:
        with page.expect_response(lambda r: urlsplit(r.url).path.endswith(f"/catalogue/{INDEX}"), timeout=60_000) as answer:
            page.goto(url)
        page.wait_for_function("() => window.__mcds.painted !== null", timeout=60_000)
        if result is None:
            return
        probe = page.evaluate("() => window.__mcds")
        result.usable.append(probe["painted"])
        result.parsed.append(probe["parsed"])
        response = answer.value
        result.wire = (f"{response.headers.get('content-encoding', 'identity')}, "
                       f"{response.request.sizes()['responseBodySize'] / 1000:.0f} KB")
        page.evaluate("() => document.querySelectorAll('#mcds-facet-list details').forEach(d => { d.open = true; })")
        for facet in CLICKS:
            box = page.locator(f'#mcds-facet-list input[id^="mcds-f-{facet}-"]:visible').first
            result.clicks.append(updated(page, box.click))
        box = page.locator(f'#mcds-facet-list input[id^="mcds-f-{CLICKS[0]}-"]:checked').first
        result.clicks.append(updated(page, box.click))
        updated(page, lambda: page.click("#mcds-clear"))
        title = page.locator("#mcds-result-list a").first.inner_text()
        word = next((w for w in title.split() if len(w) >= TYPED and w.isalpha()), title.replace(" ", ""))
        result.typed = word[:TYPED].lower()
        page.focus("#mcds-text")
        for character in result.typed:
            result.keys.append(updated(page, functools.partial(page.keyboard.press, character)))
        # The portal's search (find-search.js): the wait for its ranked matches once the word is typed, then facet
        # clicks with the word active (the search's answer is reused: only the facets change).
        result.search.append(page.evaluate(SEARCH_ANSWER, result.typed))
        page.evaluate("() => document.querySelectorAll('#mcds-facet-list details').forEach(d => { d.open = true; })")
        for facet in CLICKS[:3]:
            box = page.locator(f'#mcds-facet-list input[id^="mcds-f-{facet}-"]:visible').first
            result.search_clicks.append(updated(page, box.click))
    finally:
        context.close()


def requests_of(browser: Any, url: str) -> list[str]:
    context = browser.new_context()
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    try:
        response = page.goto(url, wait_until="networkidle")
        if response is None or not response.ok:
            sys.exit(f"find_browser: {url} did not load")
    finally:
        context.close()
    return urls


def kb(size: float) -> str:
    return f"{size / 1000:,.0f} KB"


def ms(values: list[float]) -> str:
    return f"{statistics.median(values):.0f} ms / {max(values):.0f} ms"


def targets(finds: dict[str, Find], indexes: dict[str, bytes], record_sizes: list[tuple[int, Path]], visited: int,
            leaks: list[str], runs: int) -> list[tuple[str, str, str, bool]]:
    """Each figure against its target: (label, value, target, met)."""
    figures: list[tuple[str, str, str, bool]] = []
    for lang, find in finds.items():
        figures.append((f"Find usable, {lang} (median of {runs})", f"{statistics.median(find.usable) / 1000:.2f} s",
                        "under 1.5 s", statistics.median(find.usable) < 1500))
    for lang, find in finds.items():
        paint = [c["paint"] for c in find.clicks]
        figures.append((f"facet click, {lang} (median / max of {len(paint)})", ms(paint), "each under 100 ms", max(paint) < 100))
    for lang, find in finds.items():
        paint = [k["paint"] for k in find.keys]
        figures.append((f"keystroke, {lang} (median / max of {len(paint)})", ms(paint), "each under 100 ms", max(paint) < 100))
    for lang, find in finds.items():
        paint = [c["paint"] for c in find.search_clicks]
        figures.append((f"facet click with keywords, {lang} (median / max of {len(paint)})", ms(paint),
                        "each under 50 ms", max(paint) < 50))
    for lang, find in finds.items():
        figures.append((f"search answer after typing, {lang} (median / max)", ms(find.search), "under 300 ms",
                        max(find.search) < 300))
    for lang, data in indexes.items():
        size = len(gzip.compress(data, compresslevel=6, mtime=0))
        figures.append((f"Find index, {lang}, gzip -6", kb(size), "under 1 MB", size < 1_000_000))
    figures.append((f"largest record page (raw, of {len(record_sizes)})", kb(record_sizes[-1][0]), "under 100 KB",
                    record_sizes[-1][0] < 100_000))
    figures.append((f"index requests from {visited} non-search pages", str(len(leaks)), "none", not leaks))

    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    catalogue_options(parser, "/tmp/mcds-find-bench")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", type=Path, help="an already built site: skip synthesis and build")
    arguments = parser.parse_args()
    if not arguments.chromium.is_file():
        sys.exit(f"find_browser: Chromium is missing at {arguments.chromium} (give --chromium PATH)")
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        sys.exit("find_browser: Playwright is missing from this environment (pip install playwright)")
    site, steps = prepare(arguments)
    if not all((site / lang / "catalogue" / INDEX).is_file() for lang in LANGUAGES):
        sys.exit(f"find_browser: {site} is not a built portal with a catalogue (no {{en,fr}}/catalogue/{INDEX})")

    indexes = {lang: (site / lang / "catalogue" / INDEX).read_bytes() for lang in LANGUAGES}
    ids = [row[0] for row in json.loads(indexes["en"])["rows"]]
    records = [(site / lang / record_path(i) / "index.html") for lang in LANGUAGES for i in ids]
    record_sizes = sorted((p.stat().st_size, p) for p in records)
    provider = min(p.parent.name for p in (site / "en" / provider_path("x")).parent.glob("*/index.html"))

    finds = {lang: Find(rows=len(ids)) for lang in LANGUAGES}
    leaks: list[str] = []
    visited = 0
    with serving(site) as base, sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=str(arguments.chromium), args=["--no-sandbox", "--disable-gpu"])
        except PlaywrightError as error:
            sys.exit(f"find_browser: Chromium could not start: {error.message.splitlines()[0]}")
        version = browser.version
        for lang in LANGUAGES:
            url = f"{base}/{lang}/catalogue/"
            find_run(browser, url, None)
            for _ in range(arguments.runs):
                find_run(browser, url, finds[lang])
            for path in ("", record_path(ids[0]), provider_path(provider), "catalogue/statistics/"):
                visited += 1
                leaks += [u for u in requests_of(browser, f"{base}/{lang}/{path}") if urlsplit(u).path.endswith(f"/{INDEX}")]
        browser.close()

    figures = targets(finds, indexes, record_sizes, visited, leaks, arguments.runs)
    print(f"command: {shlex.join([sys.executable, *sys.argv])}")
    print(f"cores: {os.cpu_count()}; Chromium {version}; site {site}; {len(ids):,} microcredentials")
    print("; ".join(steps))
    print()
    width = max(len(f[0]) for f in figures)
    print(f"{'figure':<{width}}  {'value':<18} {'target':<18} status")
    for label, value, target, met in figures:
        print(f"{label:<{width}}  {value:<18} {target:<18} {'met' if met else 'NOT MET'}")
    print()
    for lang, find in finds.items():
        click_dom = [c["dom"] for c in find.clicks]
        key_dom = [k["dom"] for k in find.keys]
        print(f"{lang}: index parsed at {statistics.median(find.parsed):.0f} ms (median), usable at "
              f"{statistics.median(find.usable):.0f} ms; index over the wire: {find.wire}")
        print(f"{lang}: to DOM update, before paint: click {ms(click_dom)}, keystroke {ms(key_dom)} "
              f"(median / max; typed {find.typed!r} one key at a time)")
    for lang, data in indexes.items():
        print(f"{lang}: Find index raw {kb(len(data))}, gzip -9 {kb(len(gzip.compress(data, compresslevel=9, mtime=0)))}")
    print(f"record pages: median {kb(statistics.median(s for s, _ in record_sizes))}, largest {record_sizes[-1][1].relative_to(site)}")
    for url in leaks:
        print(f"FAILURE: a non-search page requested {url}")


if __name__ == "__main__":
    main()
