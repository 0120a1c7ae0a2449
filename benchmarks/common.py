"""Helpers shared by the benchmark scripts: run a command in fresh processes and report the median wall time and
the peak memory of the command with all its worker processes."""

from __future__ import annotations

import csv
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BIN = Path(sys.executable).parent
PAGE = os.sysconf("SC_PAGE_SIZE")


def measure(command: list[str], runs: int = 5) -> tuple[float, float]:
    """Median wall seconds and peak MiB of `command` over `runs` runs (each in a fresh process)."""
    return summarize([run(command) for _ in range(runs)])


def synth(out: Path, providers: int, microcredentials: int, observations: int = 0, seed: int = 1) -> None:
    if not out.exists():
        subprocess.run([str(BIN / "mcds"), "synth", "--providers", str(providers), "--microcredentials",
                        str(microcredentials), "--observations", str(observations), "--seed", str(seed),
                        "--out", str(out)], check=True, stdout=subprocess.DEVNULL)


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    peak: float  # MiB
    returncode: int
    output: str  # stdout and stderr together


def _tree_memory(root: int) -> int:
    """Bytes resident in process `root` and all its descendants now (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        except OSError:
            pass
        stack.extend(children.get(pid, []))
    return total


def run(command: list[str], cwd: Path | None = None) -> Run:
    """One run of `command` in a fresh process. The peak is the most memory the command held at once: the sum
    of the resident sets of the process and all its workers, sampled every 50 ms, and at least the largest
    single process's own peak as os.wait4 reports it for this child alone (unaffected by other children of the
    benchmark process, unlike RUSAGE_CHILDREN)."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT)
        sampled, done = [0], threading.Event()

        def sample() -> None:
            while not done.wait(0.05):
                sampled[0] = max(sampled[0], _tree_memory(process.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
    return Run(wall, max(usage.ru_maxrss * 1024, sampled[0]) / 2**20, process.returncode, text)


def summarize(runs: list[Run]) -> tuple[float, float]:
    """Median wall seconds and largest peak MiB of several runs."""
    return statistics.median(r.wall for r in runs), max(r.peak for r in runs)


def table_rows(folder: Path) -> dict[str, int]:
    """Data rows (CSV records after the header) of each CSV table in `folder`, by file stem."""
    counts = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            counts[path.stem] = max(0, sum(1 for _ in csv.reader(handle)) - 1)
    return counts


def status(met: bool) -> str:
    return "met" if met else "NOT MET"


def catalogue_options(parser: Any, work: str) -> None:
    """The options every benchmark on the synthetic national catalogue takes: its size and seed, the folder it is
    made in (`work` by default) and Debian's Chromium."""
    parser.add_argument("--providers", type=int, default=200)
    parser.add_argument("--microcredentials", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=Path(work))
    parser.add_argument("--chromium", type=Path, default=Path("/usr/bin/chromium"))
