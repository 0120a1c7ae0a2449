"""No command writes over what it reads.

An output is compared with each input by what the file system says, not by how the paths are spelled: paths
are resolved (symbolic links, `..`, relative names) and files are compared by identity, so that a hard link
or a second name of an input counts as that input.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from mcds.errors import McdsError


def resolved(path: Path) -> Path:
    """The path with every symbolic link and `..` followed, whether or not it exists yet."""
    return Path(os.path.realpath(path))


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): then only the names can match
        return resolved(a) == resolved(b)


def inside(path: Path, folder: Path) -> bool:
    """Whether `path` is `folder` or lies under it, once both are resolved."""
    return resolved(path).is_relative_to(resolved(folder))


def _files_of(source: Path) -> Iterable[Path]:
    if source.is_dir():
        return (p for p in source.rglob("*") if p.is_file())
    return (source,) if source.exists() else ()


def check_file_output(output: Path, inputs: Iterable[Path]) -> None:
    """Refuse to write the file `output` over an input file (under any of its names) or into an input folder.

    Raises McdsError("output.is_input") or McdsError("output.inside_input"), exit code 2."""
    for source in inputs:
        if source.is_dir() and inside(output, source):
            raise McdsError("output.inside_input", path=output, source=source)
        for existing in _files_of(source):
            if same_file(output, existing):
                raise McdsError("output.is_input", path=output, source=existing)


def check_folder_output(output: Path, inputs: Iterable[Path]) -> None:
    """Refuse a folder `output` that is an input, lies inside an input folder, or holds an input: a command
    fills or replaces its output folder, so it must share nothing with what the command reads.

    Raises McdsError("output.is_input"), McdsError("output.inside_input") or McdsError("output.holds_input")."""
    for source in inputs:
        if same_file(output, source):
            raise McdsError("output.is_input", path=output, source=source)
        if source.is_dir() and inside(output, source):
            raise McdsError("output.inside_input", path=output, source=source)
        if inside(source, output):
            raise McdsError("output.holds_input", path=output, source=source)


def package_inputs(paths: Iterable[Path]) -> list[Path]:
    """What validating `paths` reads: a descriptor (datapackage.json) reads the tables in its folder."""
    return [path.parent if path.name == "datapackage.json" and path.is_file() else path for path in paths]
