"""What the browser tests share: Debian's Chromium and how it is started, and a tab on the served portal. The
session fixture `browser` (tests/conftest.py) starts Chromium once."""

from __future__ import annotations

import http.server
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from portal_support import Portal

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


# axe-core's rules for WCAG 2.1 A and AA, the level the portal promises.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}


def axe_violations(page: Any, axe: Any) -> list[str]:
    """What axe-core (the session fixture `axe`) finds on a Playwright page, one line per rule broken."""
    results = axe.run(page, options=AXE_OPTIONS).response
    assert results["testEngine"]["version"].startswith("4.")
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
            for v in results["violations"]]


def wait_until(page: Any, expression: str, timeout: float = 30.0) -> None:
    """Wait until the JavaScript `expression` is true in `page`. Playwright's wait_for_function evaluates its
    string inside the page, which the portal's content security policy (no 'unsafe-eval', as `mcds serve`
    sends it) refuses; page.evaluate runs from outside the page's policy. Like wait_for_function, it keeps
    polling while the expression fails because the page is still loading."""
    from playwright.sync_api import Error

    deadline = time.monotonic() + timeout
    while True:
        try:  # while the page loads, the elements the expression reads may not exist yet
            if page.evaluate(expression):
                return
            problem = "still false"
        except Error as error:
            problem = f"still failing ({error.message.splitlines()[0]})"
        if time.monotonic() > deadline:
            raise AssertionError(f"{problem} after {timeout} s: {expression}")
        page.wait_for_timeout(50)


@contextmanager
def served_slowly(site: Path, piece: int = 4096, pause: float = 0.1) -> Iterator[str]:
    """Serve `site` as over a slow connection and yield its root address: each HTML page arrives `piece` bytes at a
    time, `pause` seconds apart, so that the browser paints pages it has only partly read (as it does on a slow
    network or a busy machine); every other file arrives at once."""

    class Slow(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(site), **kwargs)

        def copyfile(self, source: BinaryIO, outputfile: BinaryIO) -> None:  # type: ignore[override]
            if not getattr(source, "name", "").endswith(".html"):
                super().copyfile(source, outputfile)
                return
            while data := source.read(piece):
                outputfile.write(data)
                outputfile.flush()
                time.sleep(pause)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def unavailable(reason: str) -> None:
    if os.environ.get("MCDS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (MCDS_REQUIRE_BROWSER=1: browser tests must run here)", pytrace=False)
    pytest.skip(f"{reason}; install Debian's chromium to run the browser tests")


@dataclass
class Tab:
    """A browser page on the served portal, with what it saw: dialogs, script errors and requests."""

    page: Any
    portal: Portal
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def open(self, path: str) -> None:
        response = self.page.goto(self.portal.url + path)
        assert response is not None and response.ok, f"{path}: {response.status if response else 'no response'}"
