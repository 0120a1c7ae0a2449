"""The status record of each publisher, kept across harvests in DIR/.harvest/<id>.json (a hidden folder, which
`mcds build --submissions DIR` does not take for a submission): the publisher as the registry lists it, its
current data (file, checksum, since when, its findings), whether that data is stale and why, and every
attempt, the last HISTORY of them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mcds.publish.gate import HARVEST_STATE
from mcds.util.io import json_bytes, write_atomic

STATE = HARVEST_STATE  # the folder of DIR that holds the status records and the harvest's work
HISTORY = 50  # attempts kept per publisher: the pages show the last 30
SUFFIX = ".json"


def record_path(state: Path, publisher: str) -> Path:
    return state / f"{publisher}{SUFFIX}"


def load(state: Path, publisher: str) -> dict[str, Any]:
    """The status record of `publisher`, or a new one; a damaged record starts again (its data is kept)."""
    try:
        record = json.loads(record_path(state, publisher).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = None
    if not isinstance(record, dict) or record.get("publisher") != publisher or not isinstance(record.get("attempts"), list):
        record = {"publisher": publisher, "attempts": [], "current": None, "stale": False, "reason": None}
    return record


def save(state: Path, record: dict[str, Any]) -> None:
    record["attempts"] = record["attempts"][-HISTORY:]
    write_atomic(record_path(state, record["publisher"]), json_bytes(record).decode("utf-8"))


def read_all(folder: Path | None) -> dict[str, dict[str, Any]]:
    """Every status record of a harvested submissions folder, by publisher; none for another folder."""
    state = folder / STATE if folder is not None else None
    if state is None or not state.is_dir():
        return {}
    found = {}
    for path in sorted(state.glob(f"*{SUFFIX}")):
        record = load(state, path.name[: -len(SUFFIX)])
        if record["attempts"]:
            found[record["publisher"]] = record
    return found


def mark_stale(catalogue: Any) -> None:
    """Mark stale each published submission of a harvested folder whose latest harvest failed: its data is the
    last good one the harvest kept (mcds.publish.gate.Catalogue, read by attribute)."""
    records = read_all(catalogue.origin)
    for submission in catalogue.published:
        if records.get(submission.name, {}).get("stale"):
            submission.stale = True
