"""The folder `mcds build` writes into, and what sits beside it while a build runs.

- A marker file says that a folder is a site the build made: only such a folder is ever replaced.
- A staging folder beside it, marked too, holds everything one build writes until the swap. The next build
  removes a killed build's staging folder, after putting back a previous site it had moved aside.
- A lock file beside it keeps a second build out while one runs. It is an flock, which the system releases
  however the process ends, so a killed build never leaves a stale lock.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mcds.errors import McdsError

MARKER = ".mcds-site"
MARKER_TEXT = ("This folder is a site built by `mcds build`, which replaces it as a whole.\n"
               "Ce dossier est un site construit par `mcds build`, qui le remplace en entier.\n")
STAGING = ".mcds-staging"
ASIDE = "replaced"  # where, inside the staging folder, a swap without atomic exchange moves the previous site


def _holds(folder: Path, name: str, text: str) -> bool:
    """Whether `folder` (not a link) holds the regular file `name` with exactly `text` in it."""
    marker = folder / name
    try:
        return (not folder.is_symlink() and folder.is_dir() and not marker.is_symlink() and marker.is_file()
                and marker.read_text(encoding="utf-8") == text)
    except (OSError, ValueError):
        return False


def is_built_site(folder: Path) -> bool:
    return _holds(folder, MARKER, MARKER_TEXT)


def mark_site(site: Path) -> None:
    (site / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def new_staging(out: Path) -> Path:
    """A new, marked staging folder beside `out` (OSError when it cannot be made)."""
    area = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    (area / STAGING).write_text(STAGING, encoding="utf-8")
    return area


def remove_staging(area: Path) -> None:
    """Remove a staging folder, its marker last: killed halfway, it is left either marked or empty, and the
    next build removes it either way."""
    with contextlib.suppress(OSError):
        for item in area.iterdir():
            if item.name != STAGING:
                shutil.rmtree(item) if item.is_dir() and not item.is_symlink() else item.unlink()
        (area / STAGING).unlink(missing_ok=True)
        area.rmdir()


def clear_leftovers(out: Path) -> None:
    """Remove the staging folders of builds into `out` that were killed, after putting back a previous site
    that one of them had moved aside. Only folders holding the staging marker (or empty) are removed."""
    prefix = f".{out.name}.building-"
    try:
        areas = sorted(p for p in out.parent.iterdir() if p.name.startswith(prefix))
    except OSError:
        return  # then the new staging folder cannot be made either, and the build says so
    for area in areas:
        if not _holds(area, STAGING, STAGING):
            with contextlib.suppress(OSError):
                area.rmdir()  # killed before it wrote its marker, or not ours: removed only when empty
            continue
        if not out.exists() and is_built_site(area / ASIDE):
            (area / ASIDE).rename(out)
        remove_staging(area)


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive flock on .<folder>.lock beside `folder`, or raise McdsError("portal.build.busy") at once.

    The holder removes the file when it is done. A process that opened the file just before that holds a
    lock on a file no longer in place: it sees so (the name leads to another file, or none) and starts again."""
    import fcntl  # POSIX only, like the atomic swap

    path = folder.parent / f".{folder.name}.lock"
    while True:
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            lock = path.open("a")
        except OSError as error:
            raise McdsError("portal.build.failed", path=folder, reason=error.strerror or str(error)) from error
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            lock.close()
            raise McdsError("portal.build.busy", path=folder) from error
        try:
            if os.path.samestat(os.fstat(lock.fileno()), path.stat()):
                break
        except FileNotFoundError:
            pass
        lock.close()
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        lock.close()
