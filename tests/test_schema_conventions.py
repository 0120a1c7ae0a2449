"""Guards the conventions the schema is written in, so that every release documents itself.

- linkml-lint, with the project's own configuration (.linkmllint.yaml), reports nothing on any schema file.
- Every element of the standard (class, slot, enum, permissible value, type) has a title and a
  description in English and, in annotations `title_fr` and `description_fr`, in French: the one
  bilingual convention the generators, templates and portal read.
- Every slot, enum and type has an example, and an example of a coded value is one of the codes.
- Every class, slot and enum says in `added_in` which release introduced it, so that nothing can later
  disappear unnoticed.
- Codes are the standard's own snake_case, except in enums that declare a `code_set`, which keep the
  official shape of their source (CA-QC, 2, 48, 31-33, fr).
- Every class and slot has its own URI, so the JSON-LD context and crosswalks never guess.
- The version is the same everywhere it is written down.

Each test reports every offender at once, so one run is enough to fix a schema.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from conftest import GENERATED_DIR, JSON_SCHEMA_FILE, ROOT, SCHEMA_DIR, SCHEMA_FILE

LINT_CONFIG_FILE = ROOT / ".linkmllint.yaml"
MODULE_FILES = sorted(path for path in SCHEMA_DIR.glob("*.yaml") if path != SCHEMA_FILE)

SEMVER = re.compile(r"\d+\.\d+\.\d+")
SNAKE_CASE = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")
# The official shapes of external codes: ISO 3166-2:CA subdivisions, NOC broad and TEER categories and
# CIP series (digits), NAICS sector ranges (digits-digits), ISO 639 languages (two or three letters).
OFFICIAL_CODE = re.compile(r"CA-[A-Z]{2}|[0-9]{1,2}|[0-9]{2}-[0-9]{2}|[a-z]{2,3}")

# Enums that declare a code_set but whose source publishes names, not codes: MCDS mints snake_case codes.
MINTED_CODE_SETS = {
    "SkillsForSuccessEnum": "the Government of Canada names the nine Skills for Success but gives no codes",
}


def annotation(element: Any, key: str) -> str:
    found = element.annotations.get(key) if element.annotations else None
    return str(found.value).strip() if found is not None and found.value is not None else ""


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def own(schema_view, kind: str) -> Iterator[tuple[str, Any]]:
    """The elements of one kind that the standard declares itself, leaving out linkml:types."""
    elements = {
        "class": schema_view.all_classes,
        "slot": schema_view.all_slots,
        "enum": schema_view.all_enums,
        "type": schema_view.all_types,
    }[kind]()
    for name, element in elements.items():
        if (element.from_schema or "").startswith(schema_view.schema.id):
            yield name, element


# linkml-lint ---------------------------------------------------------------------------------------


def lint_config() -> dict[str, Any]:
    return yaml.safe_load(LINT_CONFIG_FILE.read_text(encoding="utf-8"))


def lint(path, config: dict[str, Any]) -> list[str]:
    from linkml.linter.linter import Linter

    return [f"{problem.rule_name}: {problem.message}" for problem in Linter(config).lint(str(path))]


def test_root_schema_is_lint_clean():
    problems = lint(SCHEMA_FILE, lint_config())
    assert not problems, f"linkml-lint {SCHEMA_FILE.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("module", MODULE_FILES, ids=[path.stem for path in MODULE_FILES])
def test_module_is_lint_clean(module):
    # The tree root (Submission) lives in mcds.yaml by design: a module on its own has none, so only
    # that rule is switched off here; mcds.yaml is linted with it above.
    config = copy.deepcopy(lint_config())
    config["rules"]["tree_root_class"]["level"] = "disabled"
    problems = lint(module, config)
    assert not problems, f"linkml-lint {module.name}:\n" + "\n".join(problems)


PROFILE_FILES = sorted((SCHEMA_DIR / "profiles").glob("*.yaml"))


@pytest.mark.parametrize("profile", PROFILE_FILES, ids=[path.stem for path in PROFILE_FILES])
def test_profile_is_lint_clean_and_bilingual(profile):
    # A profile's root specializes Submission under its own name, so the rule that names the root is off.
    config = copy.deepcopy(lint_config())
    config["rules"]["tree_root_class"]["level"] = "disabled"
    problems = lint(profile, config)
    assert not problems, f"linkml-lint {profile.name}:\n" + "\n".join(problems)
    document = yaml.safe_load(profile.read_text(encoding="utf-8"))
    missing = [name for name, element in [("schema", document), *document.get("classes", {}).items()]
               for key in ("title", "description", "annotations")
               if not element.get(key)]
    missing += [f"{name} {key}" for name, element in [("schema", document), *document.get("classes", {}).items()]
                for key in ("title_fr", "description_fr") if not element.get("annotations", {}).get(key)]
    for name, cls in document.get("classes", {}).items():
        for slot, usage in (cls.get("slot_usage") or {}).items():
            notes = usage.get("annotations", {})
            if "profile_rule" in notes and not notes.get("profile_rule_fr"):
                missing.append(f"{name}.{slot} profile_rule_fr")
    assert missing == [], f"{profile.name} lacks: {missing}"


def test_there_are_profiles():
    assert {p.stem for p in PROFILE_FILES} >= {"ontario-osap", "eu-annex-i"}


def test_every_module_is_linted():
    assert MODULE_FILES, f"no schema modules beside {SCHEMA_FILE.name} in {SCHEMA_DIR}"


# Documentation in both languages -------------------------------------------------------------------


def documented_elements(schema_view) -> Iterator[tuple[str, Any]]:
    for kind in ("class", "slot", "enum", "type"):
        for name, element in own(schema_view, kind):
            yield f"{kind} {name}", element
            if kind == "enum":
                for code, value in element.permissible_values.items():
                    yield f"permissible value {name}.{code}", value


def test_every_element_has_title_and_description_in_english_and_french(schema_view):
    missing = []
    for label, element in documented_elements(schema_view):
        texts = {
            "title": (element.title or "").strip(),
            "description": (element.description or "").strip(),
            "title_fr": annotation(element, "title_fr"),
            "description_fr": annotation(element, "description_fr"),
        }
        missing += [f"{label}: {key}" for key, text in texts.items() if not text]
    assert not missing, "missing documentation:\n" + "\n".join(missing)


def test_descriptions_are_sentences(schema_view):
    fragments = []
    for label, element in documented_elements(schema_view):
        english, french = element.description or "", annotation(element, "description_fr")
        for key, text in (("description", english), ("description_fr", french)):
            if text and (not (text[0].isupper() or text[0].isdigit()) or not text.rstrip().endswith(".")):
                fragments.append(f"{label}: {key} {text[:60]!r}")
    message = "descriptions that are not sentences (capital first, full stop last):\n"
    assert not fragments, message + "\n".join(fragments)


# Examples -----------------------------------------------------------------------------------------


def test_every_slot_enum_and_type_has_an_example(schema_view):
    missing = [
        f"{kind} {name}"
        for kind in ("slot", "enum", "type")
        for name, element in own(schema_view, kind)
        if not element.examples
    ]
    assert not missing, "elements without an example:\n" + "\n".join(missing)


def test_examples_of_coded_values_are_codes(schema_view):
    enums = schema_view.all_enums()
    wrong = []
    for name, enum in own(schema_view, "enum"):
        codes = enum.permissible_values
        wrong += [f"enum {name}: {ex.value!r}" for ex in enum.examples if ex.value not in codes]
    for name, slot in own(schema_view, "slot"):
        if slot.range in enums:
            codes = enums[slot.range].permissible_values
            wrong += [f"slot {name}: {ex.value!r}" for ex in slot.examples if ex.value not in codes]
    assert not wrong, "examples that are not codes of their enum:\n" + "\n".join(wrong)


# Lifecycle ----------------------------------------------------------------------------------------


def test_every_class_slot_and_enum_says_when_it_was_added(schema_view):
    current = version_key(schema_view.schema.version)
    wrong = []
    for kind in ("class", "slot", "enum"):
        for name, element in own(schema_view, kind):
            added_in = annotation(element, "added_in")
            if not SEMVER.fullmatch(added_in):
                wrong.append(f"{kind} {name}: added_in {added_in!r} is not MAJOR.MINOR.PATCH")
            elif version_key(added_in) > current:
                wrong.append(f"{kind} {name}: added_in {added_in} is after the schema's version")
    assert not wrong, "\n".join(wrong)


# Codes --------------------------------------------------------------------------------------------


def test_codes_are_snake_case_unless_the_enum_declares_an_official_code_set(schema_view):
    wrong = []
    for name, enum in own(schema_view, "enum"):
        if enum.code_set and name not in MINTED_CODE_SETS:
            shape, expected = OFFICIAL_CODE, f"the official shape of {enum.code_set}"
        else:
            shape, expected = SNAKE_CASE, "snake_case"
        codes = enum.permissible_values
        wrong += [f"{name}.{code}: expected {expected}" for code in codes if not shape.fullmatch(code)]
    assert not wrong, "codes of the wrong shape:\n" + "\n".join(wrong)


def test_minted_code_sets_are_still_exceptions(schema_view):
    """Fails when an exception is no longer needed, so MINTED_CODE_SETS never outlives its reason."""
    enums = schema_view.all_enums()
    stale = []
    for name in MINTED_CODE_SETS:
        enum = enums.get(name)
        if enum is None or not enum.code_set:
            stale.append(f"{name}: no longer an enum with a code_set")
        elif all(OFFICIAL_CODE.fullmatch(code) for code in enum.permissible_values):
            stale.append(f"{name}: its codes now have official shapes")
    assert not stale, "remove from MINTED_CODE_SETS:\n" + "\n".join(stale)


# URIs ---------------------------------------------------------------------------------------------


def test_every_class_slot_and_type_has_its_own_uri(schema_view):
    missing = [f"class {name}" for name, element in own(schema_view, "class") if not element.class_uri]
    missing += [f"slot {name}" for name, element in own(schema_view, "slot") if not element.slot_uri]
    missing += [f"type {name}" for name, element in own(schema_view, "type") if not element.uri]
    assert not missing, "elements without a declared URI:\n" + "\n".join(missing)


# Version ------------------------------------------------------------------------------------------


def declared_versions() -> dict[str, str | None]:
    def read_json(path):
        return json.loads(path.read_text(encoding="utf-8"))

    versions: dict[str, str | None] = {}
    versions["schema/mcds.yaml version"] = yaml.safe_load(SCHEMA_FILE.read_text(encoding="utf-8")).get("version")
    versions["mcds.model.json version"] = read_json(GENERATED_DIR / "mcds.model.json").get("version")
    versions["datapackage.json mcds.standard_version"] = (
        read_json(GENERATED_DIR / "datapackage.json").get("mcds", {}).get("standard_version")
    )
    json_schema = read_json(JSON_SCHEMA_FILE)
    versions["mcds.schema.json version"] = json_schema.get("version")
    in_id = re.search(r"/(\d+\.\d+\.\d+)/mcds\.schema\.json$", json_schema.get("$id", ""))
    versions["mcds.schema.json $id"] = in_id.group(1) if in_id else None
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.search(r"^## \[(\d+\.\d+\.\d+)\]", changelog, re.MULTILINE)
    versions["CHANGELOG.md latest release"] = released.group(1) if released else None
    french = (ROOT / "CHANGELOG.fr.md").read_text(encoding="utf-8")
    released = re.search(r"^## \[(\d+\.\d+\.\d+)\]", french, re.MULTILINE)
    versions["CHANGELOG.fr.md latest release"] = released.group(1) if released else None
    return versions


def test_the_version_is_typed_once_in_the_root_schema():
    """Modules and profiles take the version of the standard they belong to; only mcds.yaml states it."""
    stated = [path.name for path in [*MODULE_FILES, *sorted((SCHEMA_DIR / "profiles").glob("*.yaml"))]
              if "version" in yaml.safe_load(path.read_text(encoding="utf-8"))]
    assert stated == [], f"only schema/mcds.yaml states the version; remove it from {stated}"


def test_version_is_the_same_everywhere():
    versions = declared_versions()
    assert len(set(versions.values())) == 1, "the version differs:\n" + "\n".join(
        f"{where}: {version}" for where, version in versions.items()
    )
    assert SEMVER.fullmatch(versions["schema/mcds.yaml version"] or ""), "the version is not X.Y.Z"
