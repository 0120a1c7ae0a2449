"""The built portal as static files: each page with the content security policy that allows exactly the inline
scripts it holds, a missing page answered by the 404 page of its language, and the right content types."""

from __future__ import annotations

import base64
import hashlib
import mimetypes
import os
import re
import stat
from functools import lru_cache
from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

# Types the system's table may lack or get wrong; the portal serves each of these.
TYPES = {
    ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json", ".jsonld": "application/ld+json",
    ".webmanifest": "application/manifest+json", ".svg": "image/svg+xml", ".woff2": "font/woff2", ".csv": "text/csv",
    ".ttl": "text/turtle", ".yaml": "application/yaml", ".yml": "application/yaml", ".gz": "application/gzip",
    ".xml": "application/xml", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".zip": "application/zip", ".md": "text/markdown",
}
for _suffix, _type in TYPES.items():
    mimetypes.add_type(_type, _suffix)

INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
HANDLER = re.compile(rb"""\son[a-z]+=(?:"([^"]*)"|'([^']*)')""", re.I)
DATA_SCRIPT = re.compile(rb"""type=["']?application/(?:ld\+)?json""", re.I)
# What every page may load: its own site only, nothing from elsewhere; styles may be inline (the theme sets
# style attributes), scripts only from the site or as the exact inline scripts of the page. 'wasm-unsafe-eval'
# lets the portal's search (Pagefind) compile its own WebAssembly index reader; it allows no JavaScript eval.
POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; worker-src 'self'; form-action 'self'; frame-ancestors 'none'; "
          "base-uri 'self'; object-src 'none'")


def policy(html: bytes = b"") -> str:
    """The content security policy of a page: 'self', plus the hash of each inline script and event handler it
    holds ('unsafe-hashes' lets a hash match an event handler attribute, such as onsubmit)."""
    digests: list[str] = []
    for attributes, code in INLINE_SCRIPT.findall(html):
        if not DATA_SCRIPT.search(attributes):
            digests.append(_digest(code))
    handlers = [_digest(double or single) for double, single in HANDLER.findall(html)]
    sources = sorted(set(digests)) + (["'unsafe-hashes'", *sorted(set(handlers))] if handlers else [])
    return POLICY.format(scripts="".join(" " + source for source in sources))


def _digest(code: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code).digest()).decode("ascii") + "'"


@lru_cache(maxsize=4096)
def _page_policy(path: str, size: int, mtime: float) -> str:  # size and mtime: a rebuilt page is read again
    return policy(Path(path).read_bytes())


class Site(StaticFiles):
    """The site folder, read-only. A page not found is answered with the 404 page of the language its address
    starts with (/fr/... in French), with the status 404."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        try:
            response = await super().get_response(path, scope)
        except HTTPException as error:
            if error.status_code != 404:
                raise
            response = self._not_found(path)
        page = str(response.path) if isinstance(response, FileResponse) else self._page(path)
        if page and page.endswith(".html"):
            # A 304 names the page's policy too: its headers replace those the browser cached with the page, and
            # a policy without the page's hashes would block its inline scripts on the next visit.
            found = os.stat(page)
            response.headers["content-security-policy"] = _page_policy(page, found.st_size, found.st_mtime)
        return response

    def _page(self, path: str) -> str:
        """The file a 304 (not modified) answer stands for: the path itself, or its folder's index.html."""
        full, found = self.lookup_path(path)
        if found is not None and stat.S_ISDIR(found.st_mode):
            full, found = self.lookup_path(os.path.join(path, "index.html"))
        return full if found is not None else ""

    def _not_found(self, path: str) -> Response:
        lang = "fr" if path.split("/", 1)[0] == "fr" else "en"
        page = Path(str(self.directory)) / lang / "404.html"
        if page.is_file():
            return FileResponse(page, status_code=404, media_type="text/html")
        raise HTTPException(status_code=404)
