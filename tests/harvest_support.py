"""A real HTTP server for the harvest tests and benchmark: files served from memory with ETag and Last-Modified,
conditional requests answered 304, and misbehaving routes (slow, endless, redirect loops, temporary failures);
every request is logged with what it asked and what it was answered."""

from __future__ import annotations

import hashlib
import http.server
import io
import json
import shutil
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mcds.publish.gate import read_document

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "datapackages"
REGISTRY = ROOT / "registry"
LAST_MODIFIED = "Tue, 01 Dec 2026 12:00:00 GMT"
HEADER = "id,name_en,name_fr,data_url,licence,contact,date_added"


@dataclass
class Logged:
    path: str
    if_none_match: str | None
    if_modified_since: str | None
    user_agent: str
    status: int = 0


@dataclass
class Server:
    """Routes: path -> bytes (served with an ETag), or a callable taking the handler and doing the rest."""

    routes: dict[str, Any] = field(default_factory=dict)
    log: list[Logged] = field(default_factory=list)
    httpd: http.server.ThreadingHTTPServer | None = None

    @property
    def port(self) -> int:
        assert self.httpd is not None
        return self.httpd.server_address[1]

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def requests(self, path: str) -> list[Logged]:
        return [entry for entry in self.log if entry.path == path]


def _handler(server: Server) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's signature
            pass

        def answer(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
            self.logged.status = status
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            self.logged = Logged(self.path, self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since"),
                                 self.headers.get("User-Agent", ""))
            server.log.append(self.logged)
            route = server.routes.get(self.path)
            if route is None:
                self.answer(404, b"not found")
            elif callable(route):
                route(self)
            else:
                etag = '"' + hashlib.sha256(route).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.answer(304, headers={"ETag": etag})
                else:
                    self.answer(200, route, {"ETag": etag, "Last-Modified": LAST_MODIFIED})

    return Handler


def start(server: Server) -> Server:
    server.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(server))
    server.httpd.daemon_threads = True
    threading.Thread(target=server.httpd.serve_forever, daemon=True).start()
    return server


def stop(server: Server) -> None:
    if server.httpd is not None:
        server.httpd.shutdown()
        server.httpd.server_close()


# -- Misbehaving routes --------------------------------------------------------------------------------------

def slow(seconds: float):  # noqa: ANN201 - a route
    def route(handler: Any) -> None:
        time.sleep(seconds)
        handler.answer(200, b"{}")
    return route


def endless(chunk: int = 64 * 1024):  # noqa: ANN201 - a route: a body with no length that never ends
    def route(handler: Any) -> None:
        handler.logged.status = 200
        handler.send_response(200)
        handler.send_header("Connection", "close")
        handler.end_headers()
        try:
            while True:
                handler.wfile.write(b"x" * chunk)
        except OSError:
            pass
    return route


def redirect(to: str):  # noqa: ANN201 - a route
    def route(handler: Any) -> None:
        handler.answer(302, headers={"Location": to})
    return route


def flaky(body: bytes, failures: int):  # noqa: ANN201 - a route: answers 503 (Retry-After: 0) `failures` times
    count = {"n": 0}

    def route(handler: Any) -> None:
        count["n"] += 1
        if count["n"] <= failures:
            handler.answer(503, b"busy", {"Retry-After": "0"})
        else:
            handler.answer(200, body)
    return route


# -- Sample data in each published form --------------------------------------------------------------------

def as_json(sample: str, change: Any = None) -> bytes:
    document = read_document(SAMPLES / sample)
    if change is not None:
        change(document)
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def as_zip(sample: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted((SAMPLES / sample).iterdir()):
            info = zipfile.ZipInfo(path.name, date_time=(2026, 12, 1, 0, 0, 0))
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def package_routes(sample: str, prefix: str) -> dict[str, bytes]:
    return {f"{prefix}/{path.name}": path.read_bytes() for path in sorted((SAMPLES / sample).iterdir()) if path.is_file()}


def registry(folder: Path, rows: list[tuple[str, str]]) -> Path:
    """A registry of (identifier, data address) rows, with the repository's table schema beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REGISTRY / "publishers.schema.json", folder / "publishers.schema.json")
    lines = [HEADER] + [f"{pid},{pid} (EN),{pid} (FR),{url},OGL-Canada-2.0,data@{pid}.example,2026-12-01"
                        for pid, url in rows]
    (folder / "publishers.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / "publishers.csv"
