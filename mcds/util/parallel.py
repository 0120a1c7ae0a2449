"""Independent parts of a job on every core: the submissions at the publication gate, the catalogue's pages
and downloads in the build."""

from __future__ import annotations

import ctypes
import gc
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
    try:
        return function(*arguments)
    finally:
        # A worker runs several parts: what one part built is given back before the next part starts.
        gc.collect()
        _give_back_free_memory()


def _give_back_free_memory() -> None:
    """Return the memory freed so far to the system (glibc's malloc_trim), so that the workers, which start
    with this process's pages, do not count them; nothing where the C library has no such call."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


def on_every_core(parts: list[Part]) -> list[Any]:
    """Run independent parts in forked worker processes, one per core; in this process where fork is not
    available or there is one core. Results come back in the parts' order."""
    global _PARTS
    workers = min(len(parts), os.cpu_count() or 1)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(*arguments) for function, arguments in parts]
    _PARTS = parts
    # The objects this process holds are moved out of the collector's reach before forking: a worker's
    # collections would otherwise write to each of them and so copy the whole inherited memory.
    gc.collect()
    _give_back_free_memory()
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_run_part, range(len(parts))))
    finally:
        _PARTS = []
        gc.unfreeze()
