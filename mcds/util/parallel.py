"""Independent parts of a job on every core: the submissions at the publication gate, the catalogue's pages
and downloads in the build."""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

Part = tuple[Callable[..., Any], tuple[Any, ...]]

# The parts `on_every_core` is running: forked workers inherit them instead of receiving a pickled catalogue.
_PARTS: list[Part] = []
# Held by a part that is `alone` while it runs (a lock the workers inherit); nothing to hold in one process.
_ALONE: Any = contextlib.nullcontext()


class alone:  # noqa: N801 (used as a decorator, like functools.cache)
    """Mark a part's function as one that holds much memory while it runs: such parts run one after the other,
    each beside parts that are not marked, so that two of them never add up."""

    def __init__(self, function: Callable[..., Any]) -> None:
        self.function = function
        functools.update_wrapper(self, function)

    def __call__(self, *arguments: Any) -> Any:
        with _ALONE:
            return self.function(*arguments)


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
    global _PARTS, _ALONE
    workers = min(len(parts), os.cpu_count() or 1)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(*arguments) for function, arguments in parts]
    fork = multiprocessing.get_context("fork")
    _PARTS, _ALONE = parts, fork.Lock()
    # The objects this process holds are moved out of the collector's reach before forking: a worker's
    # collections would otherwise write to each of them and so copy the whole inherited memory.
    gc.collect()
    _give_back_free_memory()
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=fork) as pool:
            return list(pool.map(_run_part, range(len(parts))))
    finally:
        _PARTS, _ALONE = [], contextlib.nullcontext()
        gc.unfreeze()
