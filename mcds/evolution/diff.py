"""How the standard evolves: compare two compiled models (`mcds.model.json`), classify every change by the
semantic-version bump it needs, and keep each released version under `schema/releases/<version>/`.

Major: something a valid submission relied on is gone or stricter. Minor: something optional is new, or a
constraint is looser, or an element is deprecated. Patch: only words (titles, descriptions, translations,
examples, mappings). The runtime never imports LinkML: a schema YAML is compiled only when asked for.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mcds.errors import McdsError
from mcds.evolution.messages import BUMP_WORDS, HEADINGS, SUMMARIES
from mcds.standard.paths import RELEASES_DIR
from mcds.standard.tabular import format_number
from mcds.standard.versions import SEMVER, releases
from mcds.util import safejson

MODEL_FILE = "mcds.model.json"
BUMPS = ("none", "patch", "minor", "major")
RANK = {bump: rank for rank, bump in enumerate(BUMPS)}
# The kinds that take an element away: the element must have been deprecated in an earlier release.
REMOVALS = frozenset(f"{level}_{how}" for level in ("class", "slot", "enum", "value") for how in ("removed", "renamed"))

Text = str | tuple[str, str]  # a value of a summary: the same in both languages, or (English, French)


@dataclass(frozen=True)
class Change:
    element: str
    kind: str
    bump: str
    message: str
    values: tuple[tuple[str, Text], ...] = ()

    def summary(self, lang: str = "en") -> str:
        values = {key: value[lang == "fr"] if isinstance(value, tuple) else value for key, value in self.values}
        return SUMMARIES[self.message][lang].format(element=self.element, **values)


@dataclass
class Diff:
    old_version: str
    new_version: str
    changes: list[Change] = field(default_factory=list)

    @property
    def required_bump(self) -> str:
        return max((change.bump for change in self.changes), key=RANK.__getitem__, default="none")

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.old_version,
            "to": self.new_version,
            "required_bump": self.required_bump,
            "changes": [{"element": c.element, "kind": c.kind, "bump": c.bump, "summary": c.summary("en")}
                        for c in self.changes],
        }


# ---------------------------------------------------------------------------------------------- comparing

def _show(value: Any) -> Text:
    if isinstance(value, dict) and set(value) == {"en", "fr"}:
        return (str(value["en"]), str(value["fr"]))
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))
    return "" if value is None else str(value)


class _Collector:
    def __init__(self) -> None:
        self.changes: list[Change] = []

    def add(self, element: str, kind: str, bump: str, message: str | None = None, **values: Any) -> None:
        shown = tuple(sorted((key, _show(value)) for key, value in values.items()))
        self.changes.append(Change(element, kind, bump, message or kind, shown))

    # Field handlers: each receives the element's name, the field, and its old and new values (None = absent).
    def text(self, element: str, name: str, old: Any, new: Any) -> None:
        old, new = old or {}, new or {}
        if old.get("en") != new.get("en"):
            self.add(element, f"{name}_changed", "patch", old=old.get("en"), new=new.get("en"))
        if old.get("fr") != new.get("fr"):
            self.add(element, "translation_changed", "patch", f"translation_changed.{name}", new=new.get("fr"))

    def patch(self, element: str, name: str, old: Any, new: Any) -> None:
        kind = {"examples": "examples_changed", "mappings": "mappings_changed", "meaning": "mappings_changed"}.get(
            name, "metadata_changed")
        self.add(element, kind, "patch", field=name, old=old, new=new)

    def breaking(self, element: str, name: str, old: Any, new: Any) -> None:
        self.add(element, f"{name}_changed", "major", old=old, new=new)

    def flag(self, element: str, name: str, old: Any, new: Any) -> None:
        if name == "required":
            self.add(element, *(("made_required", "major") if new else ("made_optional", "minor")))
        else:
            self.add(element, f"{name}_changed", "major", f"{name}_changed.{str(bool(new)).lower()}")

    def pattern(self, element: str, name: str, old: Any, new: Any) -> None:
        how, bump = ("added", "major") if old is None else ("removed", "minor") if new is None else ("changed", "major")
        self.add(element, f"pattern_{how}", bump, old=old, new=new)

    def bound(self, element: str, name: str, old: Any, new: Any) -> None:
        lower = name.startswith("minimum")
        if old is None or new is None:
            how, tighter = ("added", True) if old is None else ("removed", False)
        else:
            how = "raised" if new > old else "lowered"
            tighter = (new > old) == lower
        self.add(element, f"{name}_{how}", "major" if tighter else "minor", old=old, new=new)

    def deprecation(self, element: str, name: str, old: Any, new: Any) -> None:
        # `old` and `new` are the whole entries here: the note and its replacements read together.
        note = {key: (old.get(key), new.get(key)) for key in ("deprecated", "replaced_by", "possibly_replaced_by")}
        if all(before == after for before, after in note.values()):
            return
        before, after = note["deprecated"]
        if not before and after:
            replacement = new.get("replaced_by") or new.get("possibly_replaced_by")
            message = "deprecated.replaced" if replacement else "deprecated"
            reason = after.strip() if after.strip().endswith((".", "!", "?")) else f"{after.strip()}."
            self.add(element, "deprecated", "minor", message, reason=reason, replacement=replacement)
        elif before and not after:
            self.add(element, "undeprecated", "minor")
        else:
            self.add(element, "deprecation_changed", "patch")

    def other(self, element: str, name: str, old: Any, new: Any) -> None:
        self.add(element, "other_changed", "major", field=name)


COMMON = {"title": "text", "description": "text", "mappings": "patch", "added_in": "patch", "examples": "patch"}
LIFECYCLE = ("deprecated", "replaced_by", "possibly_replaced_by")
# Fields read elsewhere ("skip"): names, members compared one by one, lifecycle notes, derived values.
SKIP = dict.fromkeys(("name", *LIFECYCLE), "skip")
CLASS_FIELDS = {**COMMON, **SKIP, "uri": "breaking", "tree_root": "flag", "slots": "skip", "rules": "skip",
                "one_of_required": "skip"}
SLOT_FIELDS = {
    **COMMON, **SKIP, "uri": "breaking", "range": "breaking", "range_kind": "skip", "required": "flag",
    "multivalued": "flag", "inlined": "flag", "identifier": "flag", "key": "flag", "pattern": "pattern",
    "minimum": "bound", "maximum": "bound", "minimum_cardinality": "bound", "maximum_cardinality": "bound",
    "eu_annex_i": "patch", "code_system": "patch",
}
ENUM_FIELDS = {**COMMON, **SKIP, "code_set": "code_set", "code_set_version": "code_set", "values": "skip"}
# A value's `meaning` (the external concept it stands for) is a mapping: adding or changing it is a patch.
VALUE_FIELDS = {**SKIP, "code": "skip", "title": "text", "description": "text", "annotations": "patch",
                "meaning": "patch"}
SCHEMA_FIELDS = {"name", "version", "title", "description", "license", "prefixes", "classes", "enums"}
KNOWN_FIELDS = {"schema": SCHEMA_FIELDS, "class": set(CLASS_FIELDS), "slot": set(SLOT_FIELDS),
                "enum": set(ENUM_FIELDS), "value": set(VALUE_FIELDS)}


def _fields(out: _Collector, element: str, old: dict, new: dict, handlers: dict[str, str]) -> None:
    for name in sorted(old.keys() | new.keys()):
        before, after = old.get(name), new.get(name)
        if before == after or (name in ("required", "multivalued") and bool(before) == bool(after)):
            continue
        if name == "inlined" and (before is None or after is None):
            continue  # appears or disappears with a class range, reported as the range change
        handler = handlers.get(name, "other")
        if handler == "code_set":
            out.add(element, "code_set_changed", "major", old=f"{old.get('code_set')} {old.get('code_set_version')}",
                    new=f"{new.get('code_set')} {new.get('code_set_version')}")
            handlers = {**handlers, "code_set": "skip", "code_set_version": "skip"}
        elif handler != "skip":
            getattr(out, handler)(element, name, before, after)
    out.deprecation(element, "deprecated", old, new)


def _essence(entry: dict) -> dict:
    """What stays when an element is renamed: everything but its name, URI and lifecycle notes."""
    return {k: v for k, v in entry.items() if k not in ("name", "code", "uri", "added_in", *LIFECYCLE)}


def _members(out: _Collector, level: str, prefix: str, old: list[dict], new: list[dict], key: str,
             compare_member: Any, added_bump: Any) -> None:
    """Compare two lists of named members; report additions, removals, renames, then each common member."""
    before, after = {m[key]: m for m in old}, {m[key]: m for m in new}
    removed, added = sorted(before.keys() - after.keys()), sorted(after.keys() - before.keys())
    for name in removed:
        hint = before[name].get("replaced_by")
        match = next((a for a in added if a == hint), None) or next(
            (a for a in added if _essence(after[a]) == _essence(before[name])), None)
        if match:
            added.remove(match)
            out.add(f"{prefix}{name}", f"{level}_renamed", "major", new=f"{prefix}{match}")
        else:
            out.add(f"{prefix}{name}", f"{level}_removed", "major")
    for name in added:
        kind, bump = added_bump(after[name])
        out.add(f"{prefix}{name}", kind, bump)
    for name in sorted(before.keys() & after.keys()):
        compare_member(out, f"{prefix}{name}", before[name], after[name])
    common = [m[key] for m in old if m[key] in after]
    if common != [m[key] for m in new if m[key] in before] and prefix:
        out.add(prefix[:-1], "order_changed", "patch", f"order_changed.{'slots' if level == 'slot' else 'values'}")


def _rules(entry: dict) -> set[str]:
    found = [json.dumps(rule, sort_keys=True) for rule in entry.get("rules", [])]
    if entry.get("one_of_required"):
        found.append(json.dumps({"one_of_required": entry["one_of_required"]}))
    return set(found)


def _class(out: _Collector, element: str, old: dict, new: dict) -> None:
    _fields(out, element, old, new, CLASS_FIELDS)
    before, after = _rules(old), _rules(new)
    for rule in sorted(after - before):
        out.add(element, "rule_added", "major", rule=rule)
    for rule in sorted(before - after):
        out.add(element, "rule_removed", "minor", rule=rule)
    _members(out, "slot", f"{element}.", old["slots"], new["slots"], "name",
             lambda o, e, a, b: _fields(o, e, a, b, SLOT_FIELDS),
             lambda slot: ("required_slot_added", "major") if slot.get("required") else ("optional_slot_added", "minor"))


def _enum(out: _Collector, element: str, old: dict, new: dict) -> None:
    _fields(out, element, old, new, ENUM_FIELDS)
    _members(out, "value", f"{element}.", old["values"], new["values"], "code",
             lambda o, e, a, b: _fields(o, e, a, b, VALUE_FIELDS), lambda value: ("value_added", "minor"))


def diff(old: dict[str, Any], new: dict[str, Any]) -> Diff:
    """Every change from compiled model `old` to compiled model `new`, most breaking first."""
    out = _Collector()
    schema = str(new.get("name") or old.get("name"))
    if old.get("name") != new.get("name"):
        out.add(schema, "schema_renamed", "major", old=old.get("name"), new=new.get("name"))
    for name in ("title", "description"):
        if old.get(name) != new.get(name):
            out.text(schema, name, old.get(name), new.get(name))
    if old.get("license") != new.get("license"):
        out.patch(schema, "license", old.get("license"), new.get("license"))
    before, after = old.get("prefixes", {}), new.get("prefixes", {})
    for prefix in sorted(before.keys() | after.keys()):
        if before.get(prefix) != after.get(prefix):
            how, bump = ("added", "patch") if prefix not in before else ("removed", "major") if prefix not in after \
                else ("changed", "major")
            out.add(schema, f"prefix_{how}", bump, field=prefix, old=before.get(prefix), new=after.get(prefix))
    for name in sorted((old.keys() | new.keys()) - SCHEMA_FIELDS):
        if old.get(name) != new.get(name):
            out.other(schema, name, old.get(name), new.get(name))
    _members(out, "class", "", old["classes"], new["classes"], "name", _class, lambda c: ("class_added", "minor"))
    _members(out, "enum", "", old["enums"], new["enums"], "name", _enum, lambda e: ("enum_added", "minor"))
    changes = sorted(out.changes, key=lambda c: (-RANK[c.bump], c.element, c.kind, c.summary("en")))
    return Diff(str(old.get("version")), str(new.get("version")), changes)


def undeprecated_removals(changes: list[Change], old_model: dict[str, Any]) -> list[str]:
    """The elements removed or renamed by `changes` that `old_model` had not deprecated."""
    classes = {c["name"]: c for c in old_model["classes"]}
    enums = {e["name"]: e for e in old_model["enums"]}
    offenders = []
    for change in changes:
        if change.kind not in REMOVALS:
            continue
        level = change.kind.split("_")[0]
        container, _, member = change.element.partition(".")
        entry = (classes if level in ("class", "slot") else enums).get(container, {})
        if member:
            entry = next((m for m in entry.get("slots" if level == "slot" else "values", [])
                          if m.get("name", m.get("code")) == member), {})
        if not entry.get("deprecated"):
            offenders.append(change.element)
    return offenders


# ---------------------------------------------------------------------------------------------- rendering

def _sections(result: Diff) -> list[tuple[str, list[Change]]]:
    found = [(bump, [c for c in result.changes if c.bump == bump]) for bump in ("major", "minor", "patch")]
    return [(bump, changes) for bump, changes in found if changes]


def _as_json(result: Diff, lang: str) -> str:
    """The documented shape, with English summaries whatever the language."""
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"


def _as_markdown(result: Diff, lang: str) -> str:
    """A draft of the changelog's Unreleased section."""
    sections = _sections(result)
    lines = [f"## [{HEADINGS['unreleased'][lang]}]", ""]
    for bump, changes in sections:
        lines += [f"### {HEADINGS[bump][lang]}", ""] + [f"- {c.summary(lang)}" for c in changes] + [""]
    if not sections:
        lines += [HEADINGS["nothing"][lang], ""]
    return "\n".join(lines)


def _as_text(result: Diff, lang: str) -> str:
    sections = _sections(result)
    lines = [HEADINGS["title"][lang].format(old=result.old_version, new=result.new_version),
             HEADINGS["bump"][lang].format(bump=BUMP_WORDS[result.required_bump][lang], count=len(result.changes))]
    for bump, changes in sections:
        lines += ["", f"{HEADINGS[bump][lang]}:"] + [f"  - {c.summary(lang)}" for c in changes]
    if not sections:
        lines += ["", HEADINGS["nothing"][lang]]
    return "\n".join(lines) + "\n"


# Every format of `mcds diff --format`, by name: the one registry of them.
RENDERERS: dict[str, Callable[[Diff, str], str]] = {"text": _as_text, "json": _as_json, "markdown": _as_markdown}


def render(result: Diff, fmt: str = "text", lang: str = "en") -> str:
    return RENDERERS[fmt](result, lang)


# ---------------------------------------------------------------------------------------------- loading

def read_model(path: Path) -> dict[str, Any]:
    try:
        model = safejson.load(path)
    except OSError as error:
        raise McdsError("diff.unreadable", path=path, reason=error.strerror or str(error)) from error
    except safejson.JsonProblem as problem:
        raise McdsError("diff.unreadable", path=path, reason=problem.reason()) from problem
    if not _is_model(model):
        raise McdsError("diff.not_a_model", path=path)
    return model


def _named(items: Any, children: str, key: str) -> bool:
    """A list of objects with a text `name`, each with a list `children` of objects with a text `key`."""
    return isinstance(items, list) and all(
        isinstance(item, dict) and isinstance(item.get("name"), str) and isinstance(item.get(children, []), list)
        and all(isinstance(child, dict) and isinstance(child.get(key), str) for child in item.get(children, []))
        for item in items)


def _is_model(model: Any) -> bool:
    """Whether `model` has the shape `mcds generate` writes, as far as comparing two models reads it (any
    JSON object with the three keys would otherwise fail deep inside the comparison)."""
    return (isinstance(model, dict) and isinstance(model.get("version"), str)
            and _named(model.get("classes"), "slots", "name") and _named(model.get("enums"), "values", "code"))


def compile_schema(path: Path) -> dict[str, Any]:
    """The compiled model of the LinkML schema at `path` (needs the generators, hence LinkML)."""
    try:
        from mcds.generators import modeljson as model
        from mcds.generators import schema
    except ImportError as error:
        raise McdsError("diff.needs_linkml", path=path) from error
    try:
        return json.loads(json.dumps(model.generate(schema.view(path.resolve()))))
    except Exception as error:  # noqa: BLE001 - LinkML reports a broken schema with many exception types
        raise McdsError("generate.schema_error", path=path, reason=str(error) or type(error).__name__) from error


def load_model(spec: str | Path, releases_dir: Path = RELEASES_DIR) -> dict[str, Any]:
    """A compiled model from a released version ("0.1.0"), a mcds.model.json file or a schema YAML file."""
    text = str(spec)
    if SEMVER.fullmatch(text):
        path = releases_dir / text / "generated" / MODEL_FILE
        if not path.is_file():
            raise McdsError("diff.unknown_release", version=text, releases=", ".join(releases(releases_dir)) or "-")
        return read_model(path)
    path = Path(spec)
    if not path.is_file():
        raise McdsError("diff.not_found", path=path)
    if path.suffix == ".json":
        return read_model(path)
    if path.suffix in (".yaml", ".yml"):
        return compile_schema(path)
    raise McdsError("diff.not_found", path=path)
