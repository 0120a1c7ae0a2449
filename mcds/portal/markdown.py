"""Small helpers that write safe Markdown for the generated pages, and the Jinja environment that uses them."""

from __future__ import annotations

import json
import posixpath
import re
from functools import cache

import jinja2

from mcds.util import templates

_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def code(text: object) -> str:
    """`text` as an inline code span, fenced with more backticks than it contains."""
    value = str(text)
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") or longest else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def cell(text: object) -> str:
    """`text` made safe for one table cell: pipes escaped outside code spans, line breaks removed."""
    value = " ".join(str(text).split())
    parts: list[str] = []
    position = 0
    for match in _CODE_SPAN.finditer(value):
        parts.append(value[position:match.start()].replace("|", "\\|"))
        parts.append(match.group(0))  # Python-Markdown tables already ignore pipes in code spans
        position = match.end()
    parts.append(value[position:].replace("|", "\\|"))
    return "".join(parts)


def yaml_string(text: object) -> str:
    """`text` as a YAML scalar for front matter (a JSON string is valid YAML)."""
    return json.dumps(" ".join(str(text).split()), ensure_ascii=False)


def summary(text: str, limit: int = 160) -> str:
    """A meta description: the text if short, else its first sentence."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    match = re.search(r"[.!?](\s|$)", text)
    return text[: match.end()].strip() if match else text


def relative(target: str, source: str) -> str:
    """The relative link from the Markdown page `source` to the Markdown page `target` (both docs paths)."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def site_root(source: str) -> str:
    """The relative URL prefix from the built page of `source` to the site root (above /en/ and /fr/).

    Raw HTML links to files outside MkDocs (the /schema/ downloads) need it: MkDocs rewrites and checks only
    Markdown links to documentation files. Pages use directory URLs: a/b.md -> a/b/, a/index.md -> a/.
    """
    path = posixpath.splitext(source)[0]
    parts = path.split("/")
    if parts[-1] == "index":
        parts = parts[:-1]
    return "../" * (len(parts) + 1)


@cache
def environment() -> jinja2.Environment:
    """The Jinja environment of the Markdown page templates (not escaped), with the filters they use."""
    env = templates.environment("mcds.portal", html=False, strict=True, markdown=True).overlay()
    env.filters.update(code=code, cell=cell, yaml=yaml_string, summary=summary)
    return env
