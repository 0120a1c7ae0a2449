"""Benchmark: `mcds harvest` of P publishers served by a real HTTP server on this machine (the tests' server,
tests/harvest_support.py: ETag and Last-Modified on every file, 304 to a matching conditional request).

Steps, all inside the work folder:

a. synth: `mcds synth --providers P --microcredentials M --seed S --out WORK/submissions` (once);
b. each provider's package is zipped in memory and served at /<id>.zip; a registry of the P publishers is
   written to WORK/registry/ with the repository's table schema;
c. first harvest into a new WORK/harvested: every file downloaded, validated through the gate and published;
d. second harvest, nothing changed: every request conditional, answered 304, nothing downloaded or validated.

Each harvest runs in a fresh process (`mcds harvest ... --allow-private`), timed with its peak memory, workers
included (common.run). Target: the second harvest of 200 publishers under 60 s.

Run: .venv/bin/python benchmarks/harvest.py [--providers 200] [--microcredentials 2000] [--seed 3]
     [--work /tmp/mcds-bench-harvest]
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import zipfile
from pathlib import Path

from common import BIN, run, status, synth

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import harvest_support as hs  # noqa: E402 - the tests' server, on the path just above

TARGET = 60.0  # seconds, the second harvest of 200 publishers


def zipped(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.writestr(zipfile.ZipInfo(path.name, date_time=(2026, 12, 1, 0, 0, 0)), path.read_bytes())
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--providers", type=int, default=200)
    parser.add_argument("--microcredentials", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/mcds-bench-harvest"))
    options = parser.parse_args()
    work = options.work
    work.mkdir(parents=True, exist_ok=True)
    submissions = work / "submissions"
    synth(submissions, options.providers, options.microcredentials, seed=options.seed)
    providers = sorted(p.name for p in submissions.iterdir() if (p / "datapackage.json").is_file())
    server = hs.start(hs.Server())
    try:
        server.routes.update({f"/{pid}.zip": zipped(submissions / pid) for pid in providers})
        megabytes = sum(len(body) for body in server.routes.values()) / 2**20
        registry = hs.registry(work / "registry", [(pid, server.url(f"/{pid}.zip")) for pid in providers])
        out = work / "harvested"
        shutil.rmtree(out, ignore_errors=True)
        command = [str(BIN / "mcds"), "harvest", str(registry), "--out", str(out), "--allow-private", "--lang", "en"]
        first = run(command, cwd=work)
        assert first.returncode == 0, first.output
        before = len(server.log)
        second = run(command, cwd=work)
        assert second.returncode == 0, second.output
        answers = [entry.status for entry in server.log[before:]]
    finally:
        hs.stop(server)
    print(f"{len(providers)} publishers, {options.microcredentials} microcredentials, {megabytes:.1f} MiB of .zip files")
    print(f"first harvest (download, validate, publish): {first.wall:.1f} s, {first.peak:.0f} MiB")
    print(f"  {first.output.strip().splitlines()[-1]}")
    print(f"second harvest, nothing changed: {second.wall:.1f} s, {second.peak:.0f} MiB; "
          f"{answers.count(304)} of {len(answers)} requests answered 304")
    print(f"  {second.output.strip().splitlines()[-1]}")
    print(f"target: second harvest under {TARGET:.0f} s: {status(second.wall < TARGET and answers.count(304) == len(providers))}")


if __name__ == "__main__":
    main()
