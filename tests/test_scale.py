"""Scale, at a size CI can afford: `mcds synth` gives valid, exact, reproducible, bilingual submissions; the
fast row stream agrees with Frictionless on a large mutated outcome table; and a national-shaped catalogue
builds with every record published and pages and index within the per-record budgets that the 20,000-record
targets need. The full sizes are measured by the scripts in benchmarks/ (results in benchmarks/README.md).
"""

from __future__ import annotations

import csv
import gzip
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from test_docs import _tree
from test_validation_differential import _read, _write

from mcds.devtools import synth
from mcds.standard import tabular
from mcds.validation import engine

MCDS = [sys.executable, "-m", "mcds"]
# The Find index must stay under 1 MB compressed per language at 20,000 records: 50 bytes a record.
INDEX_BYTES_PER_RECORD = 50
RECORD_PAGE_LIMIT = 100_000
PROVIDERS, RECORDS, OBSERVATIONS = 8, 400, 4_000


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "national"
    synth.write(out, providers=PROVIDERS, microcredentials=RECORDS, observations=OBSERVATIONS, seed=11)
    return out


def test_synth_writes_exactly_what_was_asked_and_fills_every_table(synthetic: Path) -> None:
    folders = sorted(p for p in synthetic.iterdir() if p.is_dir())
    assert len(folders) == PROVIDERS
    assert sum(len(_rows(f / "microcredentials.csv")) for f in folders) == RECORDS
    assert sum(len(_rows(f / "observations.csv")) for f in folders) == OBSERVATIONS
    for folder in folders:
        for resource in tabular.resources(tabular.load_profile()):
            assert _rows(folder / resource["path"]), f"{folder.name}: {resource['name']} is empty"


def test_synthetic_text_is_bilingual(synthetic: Path) -> None:
    for folder in sorted(p for p in synthetic.iterdir() if p.is_dir()):
        for row in _rows(folder / "microcredentials.csv"):
            for column in ("title", "description"):
                assert row[f"{column}_en"].strip() and row[f"{column}_fr"].strip()
                assert row[f"{column}_en"] != row[f"{column}_fr"]


def test_synthetic_submissions_are_valid_as_they_are(synthetic: Path) -> None:
    folders = [str(p) for p in sorted(synthetic.iterdir()) if p.is_dir()]
    result = subprocess.run([*MCDS, "validate", *folders, "--lang", "en"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("VALID (errors: 0") == len(folders)


def test_synth_is_reproducible_from_its_seed(synthetic: Path, tmp_path: Path) -> None:
    again, other = tmp_path / "again", tmp_path / "other"
    synth.write(again, providers=PROVIDERS, microcredentials=RECORDS, observations=OBSERVATIONS, seed=11)
    synth.write(other, providers=PROVIDERS, microcredentials=RECORDS, observations=OBSERVATIONS, seed=12)
    assert _tree(again) == _tree(synthetic)
    assert _tree(other) != _tree(synthetic)


def test_a_large_mutated_outcome_table_gets_the_same_findings_both_ways(tmp_path: Path) -> None:
    """The differential test of tests/test_validation_differential.py at the size where the stream's memo of
    distinct cells and the foreign-key lookups matter: 30,000 observation rows with 40 damaged cells."""
    out = tmp_path / "large"
    synth.write(out, providers=1, microcredentials=10, observations=30_000, seed=5)
    folder = next(p for p in out.iterdir() if p.is_dir())
    path = folder / "observations.csv"
    rows = _read(path)
    rng = random.Random(3)
    for _ in range(40):
        row = rng.randrange(1, len(rows))
        rows[row][rng.randrange(len(rows[0]))] = rng.choice(["", "-3", "x", "1.5", "true", "nowhere", "woman", "121"])
    _write(path, rows)
    fast, reference = engine.validate(folder), engine.validate(folder, reference=True)
    assert fast.errors
    assert [(f.code, f.row, f.column, f.value, repr(f.params)) for f in fast.findings] == \
        [(f.code, f.row, f.column, f.value, repr(f.params)) for f in reference.findings]


def test_a_national_shaped_catalogue_builds_within_its_per_record_budgets(synthetic: Path, tmp_path: Path) -> None:
    site, work = tmp_path / "site", tmp_path / "work"
    work.mkdir()
    result = subprocess.run([*MCDS, "build", "--submissions", str(synthetic), "--out", str(site), "--lang", "en"],
                            cwd=work, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in ("en", "fr"):
        index = site / lang / "catalogue" / "index.json"
        assert len(json.loads(index.read_text(encoding="utf-8"))["rows"]) == RECORDS
        compressed = len(gzip.compress(index.read_bytes(), 6))
        assert compressed / RECORDS < INDEX_BYTES_PER_RECORD, f"{lang}: {compressed / RECORDS:.0f} bytes a record, gzipped"
        records = [p for p in (site / lang / "catalogue").glob("*/index.html") if p.parent.name not in ("statistics", "compare")]
        assert len(records) == RECORDS
        assert max(p.stat().st_size for p in records) < RECORD_PAGE_LIMIT
