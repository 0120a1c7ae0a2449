"""Exports of a valid submission to the formats other systems read (CTDL for the Credential Engine Registry, ELM for Europass, Open Badges 3.0, schema.org), one
module per format, each with NAME, MEDIA_TYPE, REASONS and export(document, *, lang, base_url) -> Export (see base.py).

MESSAGES, the "exports" table of mcds.i18n, is the union of the shared reasons and every format's own, so
that a new format brings its reasons with it."""

from __future__ import annotations

from mcds.exports import base, ctdl, elm, ob3, schemaorg

FORMATS = {module.NAME: module for module in (ctdl, elm, ob3, schemaorg)}

MESSAGES: dict[str, dict[str, str]] = {key: text for module in (base, *FORMATS.values())
                                       for key, text in module.REASONS.items()}
