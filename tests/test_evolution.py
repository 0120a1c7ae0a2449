"""Guards how the standard evolves, so that providers are never broken without warning.

- `mcds diff` classifies every kind of change by the version bump it needs. Each case below edits a real
  copy of the schema files (one change each), compiles it with LinkML once, and compares it with the
  committed model: the kinds reported, their bump and the required bump must be exactly the expected ones.
- The JSON form has exactly the documented shape; the markdown form is a CHANGELOG draft in three sections.
- The release check passes on this repository and fails a copy whose version bump is too small, goes
  backwards, or whose CHANGELOG.md says nothing of the changes.
- Nothing is removed from the standard that the previous release had not deprecated: every release is
  compared with its predecessor, and the current schema with the latest release.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import string
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import GENERATED_DIR, ROOT, SCHEMA_DIR

from mcds.cli.standard import diff as diff_command
from mcds.cli.standard import release as release_command
from mcds.errors import McdsError
from mcds.evolution import diff as evolution
from mcds.evolution import release as releasing
from mcds.evolution.changelog import parse_changelog
from mcds.evolution.changelog import sections as changelog_sections
from mcds.evolution.messages import BUMP_WORDS, HEADINGS, SUMMARIES
from mcds.standard import versions

RELEASES_DIR = SCHEMA_DIR / "releases"
CURRENT = json.loads((GENERATED_DIR / "mcds.model.json").read_text(encoding="utf-8"))
SOURCES = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(SCHEMA_DIR.glob("*.yaml"))}
Schemas = dict[str, dict[str, Any]]


# ---------------------------------------------------------------------------------------------- editing a copy

def _find(schemas: Schemas, section: str, name: str) -> dict[str, Any]:
    for module in schemas.values():
        if name in (module.get(section) or {}):
            return module[section][name]
    raise KeyError(f"no {section} {name} in schema/*.yaml")


def cls(schemas: Schemas, name: str) -> dict[str, Any]:
    return _find(schemas, "classes", name)


def slot(schemas: Schemas, name: str) -> dict[str, Any]:
    return _find(schemas, "slots", name)


def enum(schemas: Schemas, name: str) -> dict[str, Any]:
    return _find(schemas, "enums", name)


def module_of(schemas: Schemas, section: str, name: str) -> dict[str, Any]:
    return next(module for module in schemas.values() if name in (module.get(section) or {}))


def new_slot(schemas: Schemas, required: bool) -> None:
    slot(schemas, "transcripted")  # the new slot goes beside it
    module_of(schemas, "slots", "transcripted")["slots"]["delivery_notes"] = {
        "title": "Delivery notes", "description": "Notes on how the microcredential is delivered.",
        "range": "string", "required": required, "slot_uri": "mcds:delivery_notes",
        "annotations": {"title_fr": "Notes de prestation", "description_fr": "Notes sur la prestation.",
                        "added_in": "0.2.0"},
    }
    cls(schemas, "Microcredential")["slots"].append("delivery_notes")


def remove_class_pathways(schemas: Schemas) -> None:
    del module_of(schemas, "classes", "PathwayRelation")["classes"]["PathwayRelation"]
    cls(schemas, "Microcredential")["slots"].remove("pathways")


def rename_class_cost_item(schemas: Schemas) -> None:
    classes = module_of(schemas, "classes", "CostItem")["classes"]
    classes["CostLine"] = classes.pop("CostItem")
    for module in schemas.values():
        for definition in (module.get("slots") or {}).values():
            if definition.get("range") == "CostItem":
                definition["range"] = "CostLine"


def rename_slot_transcripted(schemas: Schemas) -> None:
    slots = module_of(schemas, "slots", "transcripted")["slots"]
    slots["on_transcript"] = slots.pop("transcripted")
    names = cls(schemas, "Microcredential")["slots"]
    names[names.index("transcripted")] = "on_transcript"


def remove_value(schemas: Schemas) -> None:
    del enum(schemas, "DeliveryModeEnum")["permissible_values"]["blended"]


def add_class(schemas: Schemas) -> None:
    module_of(schemas, "classes", "CostItem")["classes"]["DigitalBadge"] = {
        "title": "Digital badge", "description": "A digital badge issued on completion.",
        "class_uri": "mcds:DigitalBadge", "slots": ["webpage"],
        "annotations": {"title_fr": "Badge numérique", "description_fr": "Un badge numérique.", "added_in": "0.2.0"},
    }


def add_enum(schemas: Schemas) -> None:
    module_of(schemas, "enums", "DeliveryModeEnum")["enums"]["BadgeTypeEnum"] = {
        "title": "Badge type", "description": "The kind of digital badge.",
        "permissible_values": {"open_badge": {"title": "Open Badge", "description": "An Open Badge."}},
    }


def add_value(schemas: Schemas) -> None:
    enum(schemas, "DeliveryModeEnum")["permissible_values"]["hyflex"] = {
        "title": "HyFlex", "description": "Each learner chooses, session by session, to attend in person or online.",
        "annotations": {"title_fr": "Comodal", "description_fr": "Chaque personne choisit sa présence."},
    }


def deprecate_slot(schemas: Schemas) -> None:
    slot(schemas, "transcripted").update(
        deprecated="Use digital_credential_formats, which says how the achievement is recorded.",
        deprecated_element_has_exact_replacement="digital_credential_formats")


def deprecate_value(schemas: Schemas) -> None:
    enum(schemas, "DeliveryModeEnum")["permissible_values"]["blended"]["deprecated"] = "Use hyflex."


def setter(getter: Callable[[Schemas, str], dict], name: str, **values: Any) -> Callable[[Schemas], None]:
    return lambda schemas: getter(schemas, name).update(values)


def deleter(getter: Callable[[Schemas, str], dict], name: str, key: str) -> Callable[[Schemas], None]:
    return lambda schemas: getter(schemas, name).pop(key)


def mixed(schemas: Schemas) -> None:
    remove_value(schemas)
    add_class(schemas)
    slot(schemas, "webpage")["examples"] = [{"value": "https://example.ca/microcredentials/welding"}]


MODIFICATIONS: dict[str, Callable[[Schemas], None]] = {
    "no_change": lambda schemas: None,
    "class_removed": remove_class_pathways,
    "class_renamed": rename_class_cost_item,
    "slot_removed": lambda schemas: cls(schemas, "Microcredential")["slots"].remove("transcripted"),
    "slot_renamed": rename_slot_transcripted,
    "value_removed": remove_value,
    "range_changed": setter(slot, "credit_value", range="integer"),
    "made_required": setter(slot, "transcripted", required=True),
    "required_slot_added": lambda schemas: new_slot(schemas, required=True),
    "pattern_added": setter(slot, "municipality", pattern=r"^\S"),
    "pattern_changed": setter(slot, "field_of_study", pattern=r"^(0[1-9]|[1-9]\d)\.\d{4}$"),
    "pattern_removed": deleter(slot, "occupations", "pattern"),
    "minimum_raised": setter(slot, "workload_hours", minimum_value=5),
    "minimum_lowered": setter(slot, "duration_weeks", minimum_value=0),
    "minimum_removed": deleter(slot, "capacity", "minimum_value"),
    "maximum_lowered": setter(slot, "duration_weeks", maximum_value=52),
    "maximum_raised": setter(slot, "credit_value", maximum_value=240),
    "maximum_removed": deleter(slot, "amount", "maximum_value"),
    "multivalued_changed": setter(slot, "skills", multivalued=False),
    "key_changed": deleter(slot, "code", "key"),
    "minimum_cardinality_raised": setter(slot, "awarding_bodies", minimum_cardinality=2),
    "rule_removed": deleter(cls, "Microcredential", "rules"),
    "made_optional": setter(slot, "webpage", required=False),
    "optional_slot_added": lambda schemas: new_slot(schemas, required=False),
    "class_added": add_class,
    "enum_added": add_enum,
    "value_added": add_value,
    "deprecated": deprecate_slot,
    "value_deprecated": deprecate_value,
    "title_changed": setter(cls, "Microcredential", title="Micro-credential"),
    "description_changed": setter(slot, "webpage", description="The provider's public page for the microcredential."),
    "translation_changed": lambda schemas: slot(schemas, "webpage")["annotations"].update(title_fr="Page Web du microtitre"),
    "examples_changed": setter(slot, "webpage", examples=[{"value": "https://example.ca/microcredentials/welding"}]),
    "mappings_changed": lambda schemas: slot(schemas, "webpage")["close_mappings"].append("schema:mainEntityOfPage"),
    "meaning_added": lambda schemas: enum(schemas, "DeliveryModeEnum")["permissible_values"]["work_integrated"].update(
        meaning="mcds:work_integrated_learning"),
    "mixed": mixed,
}

# (case id, modification, compared from the modified copy back to the current schema?, element, kind, bump,
#  every kind expected in the diff, required bump)
CASES = [
    ("class removed", "class_removed", False, "PathwayRelation", "class_removed", "major",
     {"class_removed", "slot_removed"}),
    ("class renamed", "class_renamed", False, "CostItem", "class_renamed", "major", {"class_renamed", "range_changed"}),
    ("slot removed", "slot_removed", False, "Microcredential.transcripted", "slot_removed", "major", None),
    ("slot renamed", "slot_renamed", False, "Microcredential.transcripted", "slot_renamed", "major", None),
    ("permissible value removed", "value_removed", False, "DeliveryModeEnum.blended", "value_removed", "major", None),
    ("range changed", "range_changed", False, "Microcredential.credit_value", "range_changed", "major", None),
    ("optional made required", "made_required", False, "Microcredential.transcripted", "made_required", "major", None),
    ("new required slot", "required_slot_added", False, "Microcredential.delivery_notes", "required_slot_added",
     "major", None),
    ("pattern added", "pattern_added", False, "Offering.municipality", "pattern_added", "major", None),
    ("pattern tightened", "pattern_changed", False, "Microcredential.field_of_study", "pattern_changed", "major", None),
    ("minimum raised", "minimum_raised", False, "Microcredential.workload_hours", "minimum_raised", "major", None),
    ("minimum added", "minimum_removed", True, "Offering.capacity", "minimum_added", "major", None),
    ("maximum lowered", "maximum_lowered", False, "Microcredential.duration_weeks", "maximum_lowered", "major", None),
    ("maximum added", "maximum_removed", True, "CostItem.amount", "maximum_added", "major", None),
    ("multivalued changed", "multivalued_changed", False, "Microcredential.skills", "multivalued_changed", "major",
     None),
    ("key changed", "key_changed", False, "Offering.code", "key_changed", "major", None),
    ("list needs more items", "minimum_cardinality_raised", False, "Microcredential.awarding_bodies",
     "minimum_cardinality_raised", "major", None),
    ("rule added", "rule_removed", True, "Microcredential", "rule_added", "major", None),
    ("optional slot added", "optional_slot_added", False, "Microcredential.delivery_notes", "optional_slot_added",
     "minor", None),
    ("class added", "class_added", False, "DigitalBadge", "class_added", "minor", None),
    ("enum added", "enum_added", False, "BadgeTypeEnum", "enum_added", "minor", None),
    ("permissible value added", "value_added", False, "DeliveryModeEnum.hyflex", "value_added", "minor", None),
    ("slot deprecated", "deprecated", False, "Microcredential.transcripted", "deprecated", "minor", None),
    ("value deprecated", "value_deprecated", False, "DeliveryModeEnum.blended", "deprecated", "minor", None),
    ("required made optional", "made_optional", False, "Microcredential.webpage", "made_optional", "minor", None),
    ("minimum lowered", "minimum_lowered", False, "Microcredential.duration_weeks", "minimum_lowered", "minor", None),
    ("minimum removed", "minimum_removed", False, "Offering.capacity", "minimum_removed", "minor", None),
    ("maximum raised", "maximum_raised", False, "Microcredential.credit_value", "maximum_raised", "minor", None),
    ("maximum removed", "maximum_removed", False, "CostItem.amount", "maximum_removed", "minor", None),
    ("pattern removed", "pattern_removed", False, "Microcredential.occupations", "pattern_removed", "minor", None),
    ("rule removed", "rule_removed", False, "Microcredential", "rule_removed", "minor", None),
    ("title changed", "title_changed", False, "Microcredential", "title_changed", "patch", None),
    ("description changed", "description_changed", False, "Microcredential.webpage", "description_changed", "patch",
     None),
    ("translation changed", "translation_changed", False, "Microcredential.webpage", "translation_changed", "patch",
     None),
    ("example changed", "examples_changed", False, "Microcredential.webpage", "examples_changed", "patch", None),
    ("mapping changed", "mappings_changed", False, "Microcredential.webpage", "mappings_changed", "patch", None),
    # A value's meaning is the concept its code stands for in linked data: a mapping, so a patch.
    ("value meaning added", "meaning_added", False, "DeliveryModeEnum.work_integrated", "mappings_changed", "patch",
     None),
]


def write_schemas(folder: Path, schemas: Schemas) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, document in schemas.items():
        (folder / name).write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder / "mcds.yaml"


def modified(name: str, version: str | None = None) -> Schemas:
    schemas = copy.deepcopy(SOURCES)
    MODIFICATIONS[name](schemas)
    if version:
        schemas["mcds.yaml"]["version"] = version
    return schemas


@pytest.fixture(scope="module")
def compiled(tmp_path_factory) -> Callable[[str], dict[str, Any]]:
    """The compiled model of each modified copy, compiled once (each costs LinkML a fraction of a second)."""
    cache: dict[str, dict[str, Any]] = {}

    def get(name: str) -> dict[str, Any]:
        if name not in cache:
            path = write_schemas(tmp_path_factory.mktemp(name), modified(name))
            cache[name] = evolution.load_model(path)
        return cache[name]

    return get


# ---------------------------------------------------------------------------------------------- classification

@pytest.mark.parametrize(("modification", "reverse", "element", "kind", "bump", "kinds"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_each_kind_of_change_gets_its_bump(compiled, modification, reverse, element, kind, bump, kinds):
    old, new = (compiled(modification), CURRENT) if reverse else (CURRENT, compiled(modification))
    result = evolution.diff(old, new).to_dict()
    found = {(c["element"], c["kind"], c["bump"]) for c in result["changes"]}
    assert (element, kind, bump) in found, json.dumps(result, indent=2)
    assert {c["kind"] for c in result["changes"]} == (kinds or {kind}), json.dumps(result, indent=2)
    assert result["required_bump"] == bump


def test_every_change_kind_of_the_issue_has_a_case():
    kinds = {case[4] for case in CASES}
    assert {"class_removed", "slot_removed", "value_removed", "class_renamed", "slot_renamed", "range_changed",
            "made_required", "required_slot_added", "pattern_added", "pattern_changed", "minimum_raised",
            "minimum_added", "maximum_lowered", "maximum_added", "multivalued_changed", "key_changed",
            "optional_slot_added", "class_added", "enum_added", "value_added", "deprecated", "minimum_lowered",
            "minimum_removed", "maximum_raised", "maximum_removed", "pattern_removed", "made_optional",
            "title_changed", "description_changed", "translation_changed", "examples_changed",
            "mappings_changed"} <= kinds
    assert set(MODIFICATIONS) == {case[1] for case in CASES} | {"no_change", "mixed"}


def test_an_unchanged_copy_has_no_change(compiled):
    assert evolution.diff(CURRENT, compiled("no_change")).to_dict() == {
        "from": CURRENT["version"], "to": CURRENT["version"], "required_bump": "none", "changes": []}


def test_a_deprecation_carries_its_replacement(compiled):
    summary = next(c for c in evolution.diff(CURRENT, compiled("deprecated")).to_dict()["changes"])["summary"]
    assert "digital_credential_formats" in summary


def test_every_field_of_the_compiled_model_is_classified():
    """A field the diff does not know would be reported as major 'other_changed': know them all."""
    unknown = set(CURRENT) - evolution.KNOWN_FIELDS["schema"]
    for entry in CURRENT["classes"]:
        unknown |= {f"class {key}" for key in set(entry) - evolution.KNOWN_FIELDS["class"]}
        for item in entry["slots"]:
            unknown |= {f"slot {key}" for key in set(item) - evolution.KNOWN_FIELDS["slot"]}
    for entry in CURRENT["enums"]:
        unknown |= {f"enum {key}" for key in set(entry) - evolution.KNOWN_FIELDS["enum"]}
        for item in entry["values"]:
            unknown |= {f"value {key}" for key in set(item) - evolution.KNOWN_FIELDS["value"]}
    assert not unknown


def test_an_unknown_field_counts_as_breaking():
    new = copy.deepcopy(CURRENT)
    new["classes"][0]["slots"][0]["unique_within"] = "provider"
    result = evolution.diff(CURRENT, new).to_dict()
    assert [(c["kind"], c["bump"]) for c in result["changes"]] == [("other_changed", "major")]


def test_changes_come_most_breaking_first_in_a_stable_order(compiled):
    changes = evolution.diff(CURRENT, compiled("mixed")).to_dict()["changes"]
    assert [c["bump"] for c in changes] == ["major", "minor", "patch"]
    assert changes == evolution.diff(CURRENT, compiled("mixed")).to_dict()["changes"]


# ---------------------------------------------------------------------------------------------- output

def invoke(command, *args: str) -> Any:
    return CliRunner().invoke(command, [*args], catch_exceptions=False)


@pytest.fixture(scope="module")
def mixed_schema(tmp_path_factory) -> Path:
    return write_schemas(tmp_path_factory.mktemp("mixed-cli"), modified("mixed"))


def test_json_output_has_exactly_the_documented_shape(mixed_schema):
    result = invoke(diff_command, CURRENT["version"], str(mixed_schema), "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert list(document) == ["from", "to", "required_bump", "changes"]
    assert document["from"] == document["to"] == CURRENT["version"]
    assert document["required_bump"] == "major"
    assert document["changes"]
    for change in document["changes"]:
        assert list(change) == ["element", "kind", "bump", "summary"]
        assert change["bump"] in ("major", "minor", "patch")
        assert all(isinstance(value, str) and value for value in change.values())


def test_markdown_output_is_a_changelog_draft_in_three_sections(mixed_schema):
    english = invoke(diff_command, CURRENT["version"], str(mixed_schema), "--format", "markdown", "--lang", "en")
    lines = english.output.splitlines()
    assert lines[0] == "## [Unreleased]"
    for heading, bullet in (("### Breaking (major)", "- Code `DeliveryModeEnum.blended` removed."),
                            ("### Added (minor)", "- Class `DigitalBadge` added."),
                            ("### Changed (patch)", "- `Microcredential.webpage`: examples changed.")):
        assert heading in lines
        assert bullet in lines
        assert lines.index(bullet) > lines.index(heading)
    french = invoke(diff_command, CURRENT["version"], str(mixed_schema), "--format", "markdown", "--lang", "fr")
    assert "### Changements incompatibles (majeure)" in french.output
    assert "- Classe `DigitalBadge` ajoutée." in french.output


def test_text_output_names_the_required_bump_in_both_languages(mixed_schema):
    english = invoke(diff_command, CURRENT["version"], str(mixed_schema), "--lang", "en").output
    french = invoke(diff_command, CURRENT["version"], str(mixed_schema), "--lang", "fr").output
    assert "Required version bump: major. Changes: 3." in english
    assert "Changement de version exigé : majeure. Changements : 3." in french


def test_diff_between_released_and_compiled_models_needs_no_linkml():
    result = invoke(diff_command, CURRENT["version"], str(GENERATED_DIR / "mcds.model.json"))
    assert result.exit_code == 0
    assert "No change." in result.output


@pytest.mark.parametrize(("argument", "words"), [("9.9.9", "There is no release 9.9.9"),
                                                 ("missing.yaml", "neither a released version")])
def test_diff_explains_an_unusable_input(argument, words):
    result = invoke(diff_command, CURRENT["version"], argument, "--lang", "en")
    assert result.exit_code == 2
    assert words in result.output
    assert "Traceback" not in result.output


def test_diff_of_a_schema_file_explains_that_it_needs_linkml(monkeypatch):
    from mcds import generators

    for module in ("modeljson", "schema"):
        monkeypatch.delattr(generators, module, raising=False)
        monkeypatch.setitem(sys.modules, f"mcds.generators.{module}", None)
    result = invoke(diff_command, CURRENT["version"], str(SCHEMA_DIR / "mcds.yaml"), "--lang", "en")
    assert result.exit_code == 2
    assert "needs LinkML" in result.output


def test_diff_of_a_broken_schema_file_says_so(tmp_path):
    broken = tmp_path / "mcds.yaml"
    broken.write_text("id: https://w3id.org/broken\nclasses: [\n", encoding="utf-8")
    result = invoke(diff_command, CURRENT["version"], str(broken), "--lang", "en")
    assert result.exit_code == 2
    assert f"The schema {broken} cannot be read" in result.output


def test_every_summary_and_heading_exists_in_both_languages_with_the_same_placeholders():
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for table in (SUMMARIES, HEADINGS, BUMP_WORDS):
        for key, texts in table.items():
            assert set(texts) == {"en", "fr"} and all(texts.values()), key
            assert fields(texts["en"]) == fields(texts["fr"]), key


# ---------------------------------------------------------------------------------------------- releases

def test_every_release_holds_its_schema_and_artefacts():
    releases = versions.releases(RELEASES_DIR)
    assert releases, "schema/releases/ holds no release"
    for version in releases:
        folder = RELEASES_DIR / version
        assert yaml.safe_load((folder / "mcds.yaml").read_text(encoding="utf-8"))["version"] == version
        assert evolution.load_model(version, RELEASES_DIR)["version"] == version
        assert (folder / "generated" / "mcds.schema.json").is_file()


def test_release_check_passes_on_this_repository():
    try:
        releasing.check_release(ROOT)
    except McdsError as error:
        from mcds.i18n import t

        pytest.fail(f"{t(error.key, 'en', **error.values)}\n{t(error.key, 'fr', **error.values)}")
    result = invoke(release_command, "--check", "--lang", "en")
    assert result.exit_code == 0, result.output


def repository(tmp_path: Path, schemas: Schemas, unreleased: str = "") -> Path:
    """A copy of the repository's release material with the given schema files."""
    write_schemas(tmp_path / "schema", schemas)
    shutil.copytree(GENERATED_DIR, tmp_path / "schema" / "generated")
    shutil.copytree(RELEASES_DIR, tmp_path / "schema" / "releases")
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Unreleased" in changelog_sections(changelog), "CHANGELOG.md has no Unreleased section"
    # The copy's Unreleased section holds only what the test gives, whatever the checkout's holds now.
    changelog = re.sub(r"## \[Unreleased\]\n.*?(?=\n## \[)", lambda _: f"## [Unreleased]\n\n{unreleased}\n", changelog,
                       count=1, flags=re.S)
    (tmp_path / "CHANGELOG.md").write_text(changelog, encoding="utf-8")
    return tmp_path


ENTRY = "### Added\n- The optional slot `delivery_notes`.\n"


def test_release_check_fails_when_the_version_is_not_bumped(tmp_path):
    root = repository(tmp_path, modified("optional_slot_added"), unreleased=ENTRY)
    result = invoke(release_command, "--check", "--root", str(root), "--lang", "en")
    assert result.exit_code == 1
    assert "needs a minor version bump" in result.output
    assert f"Set the version to {versions.next_version(CURRENT['version'], 'minor')}" in result.output
    french = invoke(release_command, "--check", "--root", str(root), "--lang", "fr")
    assert "exige un changement de version mineure (minor)" in french.output


@pytest.mark.parametrize(("modification", "bump"), [("optional_slot_added", "minor"), ("slot_removed", "major")])
def test_release_check_fails_when_the_bump_is_too_small(tmp_path, modification, bump):
    schemas = modified(modification, versions.next_version(CURRENT["version"], "patch"))
    with pytest.raises(releasing.ReleaseCheckFailed) as raised:
        releasing.check_release(repository(tmp_path, schemas, unreleased=ENTRY))
    assert raised.value.key == "release.bump_too_small"
    assert raised.value.values["required"] == bump


def test_release_check_passes_a_sufficient_bump_with_a_changelog_entry(tmp_path):
    version = versions.next_version(CURRENT["version"], "minor")
    status = releasing.check_release(repository(tmp_path, modified("optional_slot_added", version), ENTRY))
    assert (status.version, status.latest, status.diff.required_bump) == (version, CURRENT["version"], "minor")


def test_release_check_wants_a_changelog_entry(tmp_path):
    version = versions.next_version(CURRENT["version"], "minor")
    with pytest.raises(releasing.ReleaseCheckFailed) as raised:
        releasing.check_release(repository(tmp_path, modified("optional_slot_added", version)))
    assert raised.value.key == "release.changelog_missing"


def test_release_check_wants_the_french_changelog_entry_too(tmp_path):
    version = versions.next_version(CURRENT["version"], "minor")
    root = repository(tmp_path, modified("optional_slot_added", version), ENTRY)
    (root / "CHANGELOG.fr.md").write_text("# Journal des modifications\n\n## [Non publié]\n\n## [0.1.0] - 2026-11-28\n\n"
                                          "### Ajouts\n- Le schéma.\n", encoding="utf-8")
    with pytest.raises(releasing.ReleaseCheckFailed) as raised:
        releasing.check_release(root)
    assert (raised.value.key, raised.value.values["file"]) == ("release.changelog_missing", "CHANGELOG.fr.md")
    french = (root / "CHANGELOG.fr.md").read_text(encoding="utf-8")
    (root / "CHANGELOG.fr.md").write_text(french.replace("## [Non publié]\n", "## [Non publié]\n\n### Ajouts\n"
                                                         "- L'élément facultatif `delivery_notes`.\n"), encoding="utf-8")
    assert releasing.check_release(root).version == version


def test_the_two_changelogs_describe_the_same_releases():
    english = [r.version for r in parse_changelog((ROOT / "CHANGELOG.md").read_text(encoding="utf-8")) if r.sections]
    french = [r.version for r in parse_changelog((ROOT / "CHANGELOG.fr.md").read_text(encoding="utf-8")) if r.sections]
    assert french == english


def test_release_check_refuses_a_version_that_goes_backwards(tmp_path):
    with pytest.raises(releasing.ReleaseCheckFailed) as raised:
        releasing.check_release(repository(tmp_path, modified("no_change", "0.0.1")))
    assert raised.value.key == "release.version_backwards"


def test_release_check_refuses_a_removal_without_deprecation(tmp_path):
    schemas = modified("slot_removed", versions.next_version(CURRENT["version"], "major"))
    with pytest.raises(releasing.ReleaseCheckFailed) as raised:
        releasing.check_release(repository(tmp_path, schemas, unreleased=ENTRY))
    assert raised.value.key == "release.removed_without_deprecation"
    assert raised.value.values["elements"] == "Microcredential.transcripted"


def test_release_check_notices_a_generated_artefact_changed_without_the_schema(tmp_path):
    root = repository(tmp_path, modified("no_change"), unreleased=ENTRY)
    (root / "schema" / "generated" / "codelists" / "SectorEnum.csv").write_text("code\n", encoding="utf-8")
    with pytest.raises(releasing.ReleaseCheckFailed) as raised:
        releasing.check_release(root)
    assert (raised.value.key, raised.value.values["required"]) == ("release.bump_too_small", "patch")


def test_release_keeps_a_new_version_once_and_atomically(tmp_path):
    version = versions.next_version(CURRENT["version"], "minor")
    root = repository(tmp_path, modified("optional_slot_added", version))
    changelog = root / "CHANGELOG.md"
    with pytest.raises(McdsError) as raised:
        releasing.release(root)
    assert raised.value.key == "release.changelog_missing"
    changelog.write_text(changelog.read_text(encoding="utf-8").replace(
        "## [Unreleased]\n", f"## [Unreleased]\n\n## [{version}] - 2027-01-15\n\n{ENTRY}", 1), encoding="utf-8")
    assert releasing.release(root)[0] == version
    kept = root / "schema" / "releases" / version
    assert sorted(p.name for p in kept.glob("*.yaml")) == sorted(SOURCES)
    assert (kept / "generated" / "mcds.model.json").is_file()
    assert [p.name for p in (root / "schema" / "releases").iterdir() if p.name.startswith(".")] == []
    assert versions.releases(root / "schema" / "releases")[-1] == version
    with pytest.raises(McdsError) as raised:
        releasing.release(root)
    assert raised.value.key == "release.exists"


def test_release_writes_only_into_this_checkout(tmp_path):
    root = repository(tmp_path, modified("no_change"))
    result = invoke(release_command, "--root", str(root), "--lang", "en")
    assert result.exit_code == 2
    assert "use mcds release --check" in result.output


# ---------------------------------------------------------------------------------------------- deprecation rule

def _pairs() -> list[tuple[str, str]]:
    releases = versions.releases(RELEASES_DIR)
    return [*zip(releases, releases[1:], strict=False), (releases[-1], "current")]


@pytest.mark.parametrize(("older", "newer"), _pairs(), ids=lambda v: v)
def test_nothing_is_removed_that_the_previous_release_had_not_deprecated(older, newer):
    old = evolution.load_model(older, RELEASES_DIR)
    new = CURRENT if newer == "current" else evolution.load_model(newer, RELEASES_DIR)
    removed = evolution.undeprecated_removals(evolution.diff(old, new).changes, old)
    assert not removed, f"removed from {newer} without deprecation in {older}: {', '.join(removed)}"


def test_the_deprecation_rule_can_fail_and_can_pass(compiled):
    removal = evolution.diff(CURRENT, compiled("slot_removed"))
    assert evolution.undeprecated_removals(removal.changes, CURRENT) == ["Microcredential.transcripted"]
    after_deprecation = evolution.diff(compiled("deprecated"), compiled("slot_removed"))
    assert [c.kind for c in after_deprecation.changes] == ["slot_removed"]
    assert evolution.undeprecated_removals(after_deprecation.changes, compiled("deprecated")) == []
