"""Typed exceptions. Library code raises them; only the command line turns them into messages."""

from __future__ import annotations


class McdsError(Exception):
    """A problem the user can fix, described by a message key of mcds.i18n and its values."""

    exit_code = 2

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


class StaleArtefacts(McdsError):
    """The committed artefacts differ from what the schema produces."""

    exit_code = 1
