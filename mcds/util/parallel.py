"""Independent parts of a job on every core: the submissions at the publication gate, the catalogue's pages
and downloads in the build."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

Part = tuple[Callable[..., Any], tuple[Any, ...]]

# The parts `on_every_core` is running: forked workers inherit them instead of receiving a pickled catalogue.
_PARTS: list[Part] = []


def _run_part(index: int) -> Any:
    function, arguments = _PARTS[index]
    return function(*arguments)


def on_every_core(parts: list[Part]) -> list[Any]:
    """Run independent parts in forked worker processes, one per core; in this process where fork is not
    available or there is one core. Results come back in the parts' order."""
    global _PARTS
    workers = min(len(parts), os.cpu_count() or 1)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(*arguments) for function, arguments in parts]
    _PARTS = parts
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_run_part, range(len(parts))))
    finally:
        _PARTS = []
