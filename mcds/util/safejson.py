"""Reading a JSON file that someone else wrote: bounded in size and depth, and with duplicate keys reported.

Python's json module keeps the last of two equal keys without a word (so a provider's first "title" vanished),
and recurses once per level of nesting (so a document nested 10,000 deep ended in a RecursionError). The
bounds are mcds.util.limits'.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from mcds.i18n import both
from mcds.util import limits

BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


class JsonProblem(ValueError):
    """Why a file cannot be used as JSON. `kind` is one of: unreadable (reason in `detail`), too-large,
    too-deep (at `line` and `column`), duplicate-key (`key` at `where`), not-a-number (`value`: NaN,
    Infinity, 1e400)."""

    def __init__(self, kind: str, **detail: Any) -> None:
        super().__init__(kind)
        self.kind, self.detail = kind, detail

    def reason(self) -> dict[str, str]:
        """What is wrong, in both languages (it is read inside French messages too)."""
        detail = self.detail
        if self.kind == "too-large":
            return both("json.too_large", megabytes=limits.JSON_BYTES // limits.MIB)
        if self.kind == "too-deep":
            return both("json.too_deep", depth=limits.JSON_DEPTH, line=detail["line"], column=detail["column"])
        if self.kind == "duplicate-key":
            if detail["where"]:
                return both("json.duplicate_key", key=detail["key"], where=detail["where"])
            return both("json.duplicate_key_at_top", key=detail["key"])
        if self.kind == "not-a-number":
            return both("json.not_a_number", value=detail["value"])
        error = detail.get("error")
        if isinstance(error, json.JSONDecodeError):
            return both("json.syntax", line=error.lineno, column=error.colno)
        return both("json.not_utf8")


class _Object(dict):  # type: ignore[type-arg]
    """A JSON object that remembers the first key it had twice."""

    duplicate: str | None = None


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = _Object(pairs)
    if len(found) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                found.duplicate = key
                break
            seen.add(key)
    return found


def _too_deep_at(text: str) -> tuple[int, int]:
    """Line and column where nesting first passes the limit (looked for only when it does)."""
    depth = 0
    for match in BRACKETS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limits.JSON_DEPTH:
                start = match.start()
                line = text.count("\n", 0, start) + 1
                return line, start - (text.rfind("\n", 0, start) + 1) + 1
        elif token in "]}":
            depth -= 1
    return 1, 1


def _check(document: Any, text: str) -> None:
    """Nesting depth and duplicate keys, walked without recursion."""
    stack: list[tuple[Any, int, tuple[str | int, ...]]] = [(document, 1, ())]
    while stack:
        value, depth, path = stack.pop()
        if isinstance(value, dict | list) and depth > limits.JSON_DEPTH:
            line, column = _too_deep_at(text)
            raise JsonProblem("too-deep", line=line, column=column)
        if isinstance(value, _Object) and value.duplicate is not None:
            raise JsonProblem("duplicate-key", key=value.duplicate, where=_path(path))
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        # Reversed, so that the first problem in reading order is the one reported.
        stack.extend((child, depth + 1, (*path, key)) for key, child in reversed(list(items)))


def _path(parts: tuple[str | int, ...]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def load(path: Path) -> Any:
    """The JSON value in `path` (UTF-8, with or without a byte-order mark). Raises JsonProblem, or OSError."""
    if path.stat().st_size > limits.JSON_BYTES:
        raise JsonProblem("too-large")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise JsonProblem("unreadable", error=error) from error
    try:
        document = json.loads(text, object_pairs_hook=_pairs, parse_float=_number, parse_constant=_constant)
    except json.JSONDecodeError as error:
        raise JsonProblem("unreadable", error=error) from error
    except RecursionError as error:  # deeper than the interpreter allows, hence than the limit
        line, column = _too_deep_at(text)
        raise JsonProblem("too-deep", line=line, column=column) from error
    _check(document, text)
    return document


def _number(text: str) -> float:
    """A JSON number as a float; NaN, Infinity and numbers too large for a float (1e400) are not JSON numbers
    any program can read back, and would surface later as a crash far from the file."""
    value = float(text)
    if not math.isfinite(value):
        raise JsonProblem("not-a-number", value=text)
    return value


def _constant(name: str) -> Any:
    raise JsonProblem("not-a-number", value=name)
