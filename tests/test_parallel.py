"""Guards mcds/util/parallel.py: parts run in forked workers, results come back in order, and parts marked
`alone` (national exports, which each hold a whole exported catalogue) never run at the same time."""

from __future__ import annotations

import gc
import os
import time
from pathlib import Path

import pytest

from mcds.util.parallel import alone, on_every_core


def _stamp(folder: Path, name: str) -> tuple[str, int]:
    start = time.monotonic()
    time.sleep(0.3)
    (folder / name).write_text(f"{start} {time.monotonic()}", encoding="utf-8")
    return name, os.getpid()


@alone
def _heavy(folder: Path, name: str) -> tuple[str, int]:
    return _stamp(folder, name)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: the parts run one after the other in this process")
def test_parts_marked_alone_never_overlap_and_results_keep_their_order(tmp_path: Path) -> None:
    parts = [(_heavy, (tmp_path, "heavy-1")), (_stamp, (tmp_path, "light-1")), (_heavy, (tmp_path, "heavy-2")),
             (_heavy, (tmp_path, "heavy-3")), (_stamp, (tmp_path, "light-2"))]
    results = on_every_core(parts)
    assert [name for name, _ in results] == ["heavy-1", "light-1", "heavy-2", "heavy-3", "light-2"]
    assert os.getpid() not in {pid for _, pid in results}, "the parts ran in worker processes"
    spans = sorted(tuple(map(float, (tmp_path / f"heavy-{n}").read_text(encoding="utf-8").split())) for n in (1, 2, 3))
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert start >= end, f"two parts marked alone ran at once: {spans}"
    assert gc.get_freeze_count() == 0, "the objects frozen for the fork are given back to the collector"


def test_an_alone_function_runs_in_this_process_too(tmp_path: Path) -> None:
    assert _heavy(tmp_path, "direct") == ("direct", os.getpid())
    assert _heavy.__name__ == "_heavy"
