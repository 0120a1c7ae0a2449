"""Helpers shared by the benchmark scripts: run a command several times and report the median wall time and
the peak memory (maximum resident set size) of the child process."""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def measure(command: list[str], runs: int = 5) -> tuple[float, float]:
    """Median wall seconds and peak MiB of `command` over `runs` runs (each in a fresh process)."""
    times, peaks = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
        peaks.append(max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024)
    return statistics.median(times), max(peaks)


def synth(out: Path, providers: int, microcredentials: int, observations: int = 0, seed: int = 1) -> None:
    if not out.exists():
        subprocess.run([str(BIN / "mcds"), "synth", "--providers", str(providers), "--microcredentials",
                        str(microcredentials), "--observations", str(observations), "--seed", str(seed),
                        "--out", str(out)], check=True, stdout=subprocess.DEVNULL)


def rows(folder: Path) -> int:
    return sum(max(0, sum(1 for _ in path.open(encoding="utf-8")) - 1) for path in folder.rglob("*.csv"))
