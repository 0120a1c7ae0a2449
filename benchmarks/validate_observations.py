"""Benchmark: `mcds validate` on one provider submission dominated by outcome observations (10 microcredentials
and K observation rows), start-up included, against plain `frictionless validate` with the generated profile on
the same package, all tables, in the same run.

The package comes from `mcds synth --providers 1 --microcredentials 10 --observations K --seed S`, written once
to WORK/obs-K and reused (whatever its seed: remove it to change the seed). Plain Frictionless validates with the
generated profile (schema/generated/datapackage.json): the synthetic package's own datapackage.json is used when
it is that profile with only its name changed, otherwise a copy of the profile is written next to hard links (or
copies) of the CSV files. Both tools must exit 0 (valid): Frictionless stops reading after 1,000 errors, so only
a valid package is the same work for both.

Wall time is the median over --runs fresh processes. Peak memory is the most the command held at once, its
process tree summed (common.run), and never counts the synthesis or the other tool.
Rows per second are all data rows of the package's CSV tables, and observation rows alone, over the wall time.
Targets, for 1,000,000 observations: at least 100,000 observation rows per second and under 1 GB peak.

Run: .venv/bin/python benchmarks/validate_observations.py [--observations 1000000] [--seed 5] [--runs 3]
     [--work /tmp/mcds-bench-observations]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

from common import BIN, Run, run, status, summarize, synth, table_rows

PROFILE = Path(__file__).resolve().parent.parent / "schema" / "generated" / "datapackage.json"
TARGET_OBSERVATIONS = 1_000_000
TARGET_RATE = 100_000
TARGET_PEAK_MIB = 1e9 / 2**20  # 1 GB


def plain_descriptor(package: Path, work: Path) -> tuple[Path, str]:
    """The datapackage.json for plain Frictionless: the generated profile over the package's CSV files."""
    profile = json.loads(PROFILE.read_text(encoding="utf-8"))
    own = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    if {**own, "name": profile["name"]} == profile:
        return package / "datapackage.json", "the package's own datapackage.json (the generated profile, renamed)"
    folder = work / f"plain-{package.name}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copyfile(PROFILE, folder / "datapackage.json")
    for table in package.glob("*.csv"):
        try:
            os.link(table, folder / table.name)
        except OSError:
            shutil.copyfile(table, folder / table.name)
    return folder / "datapackage.json", f"a copy of {PROFILE} beside links to the package's CSV files"


def measured(command: list[str], runs: int, name: str) -> tuple[float, float]:
    results: list[Run] = [run(command) for _ in range(runs)]
    failed = [r for r in results if r.returncode != 0]
    if failed:
        print(f"WARNING: {name} exited {failed[0].returncode} (not valid, or failed); its figures are not "
              f"comparable. Last lines of its output:\n{failed[0].output[-2000:]}", file=sys.stderr)
    return summarize(results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--observations", type=int, default=TARGET_OBSERVATIONS)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/mcds-bench-observations"))
    arguments = parser.parse_args()
    work = arguments.work.absolute()
    out = work / f"obs-{arguments.observations}"
    synth(out, 1, 10, observations=arguments.observations, seed=arguments.seed)
    package = next(p for p in sorted(out.iterdir()) if (p / "datapackage.json").is_file())
    counts = table_rows(package)
    total, observations = sum(counts.values()), counts.get("observations", 0)
    descriptor, how = plain_descriptor(package, work)

    ours, ours_peak = measured([str(BIN / "mcds"), "validate", str(package)], arguments.runs, "mcds validate")
    plain, plain_peak = measured([str(BIN / "frictionless"), "validate", str(descriptor)], arguments.runs,
                                 "frictionless validate")

    print(f"package: {package} ({len(counts)} tables, {total:,} rows, {observations:,} observation rows)")
    print(f"plain Frictionless reads {how}")
    print(f"median of {arguments.runs} run(s), start-up included; peak = whole process tree")
    print(f"{'tool':<34} {'rows':>11} {'wall (s)':>9} {'rows/s':>10} {'obs rows/s':>11} {'peak MiB':>9}")
    for name, wall, peak in (("mcds validate (all layers)", ours, ours_peak),
                             ("frictionless validate (layer 1)", plain, plain_peak)):
        print(f"{name:<34} {total:>11,} {wall:>9.2f} {total / wall:>10,.0f} {observations / wall:>11,.0f} {peak:>9.0f}")
    print(f"ratio mcds rows/s / plain Frictionless rows/s: {plain / ours:.2f}")

    scale = "" if arguments.observations == TARGET_OBSERVATIONS else (
        f" (targets set for {TARGET_OBSERVATIONS:,} observations; this run has {arguments.observations:,})")
    print(f"target: at least {TARGET_RATE:,} observation rows/s: {observations / ours:,.0f} — "
          f"{status(observations / ours >= TARGET_RATE)}{scale}")
    print(f"target: peak under 1 GB ({TARGET_PEAK_MIB:,.0f} MiB): {ours_peak:,.0f} MiB — "
          f"{status(ours_peak < TARGET_PEAK_MIB)}{scale}")


if __name__ == "__main__":
    main()
