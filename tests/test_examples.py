"""Guards the schema's examples, the executable half of its documentation.

Every file in tests/data/valid/ must pass the committed JSON Schema (the contract providers fetch) and
LinkML's own validator (the schema itself). Every file in tests/data/invalid/ carries exactly one fault
and must fail at exactly one place, with the JSON Schema keyword its name announces, so that an example
can neither stop running silently nor fail for a reason other than the one it documents.

File names: valid/<Class>-<slug>.yaml and invalid/<Class>-<keyword>-<slug>.yaml. A Submission example
is a whole document and is validated against the whole schema; any other class against
`{"$ref": "#/$defs/<Class>"}` with the document's `$defs`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import INVALID_DIR, SCHEMA_FILE, VALID_DIR, load_yaml
from jsonschema.exceptions import ValidationError

ROOT_CLASS = "Submission"  # the schema's tree_root: its examples are whole documents
COMPLETE_SUBMISSION = VALID_DIR / "Submission-cegep-trois-lacs.yaml"

VALID = sorted(VALID_DIR.glob("*.yaml"))
INVALID = sorted(INVALID_DIR.glob("*.yaml"))

# Faults the standard says MUST be rejected but its schema does not express yet (reported upstream as
# schema defects). Each runs as a strict xfail: once the schema is fixed, the example fails as it
# should, the xfail "unexpectedly passes", and strictness turns that into a failure until the entry is
# removed from this set.
KNOWN_SCHEMA_GAPS: dict[str, str] = {}


def class_of(path: Path) -> str:
    return path.stem.split("-", 1)[0]


def keyword_of(path: Path) -> str:
    return path.stem.split("-", 2)[1]


def invalid_params() -> list[Any]:
    params = []
    for path in INVALID:
        reason = KNOWN_SCHEMA_GAPS.get(path.stem)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(path, id=path.stem, marks=marks))
    return params


@pytest.fixture(scope="session")
def validators(json_schema):
    """One JSON Schema validator per class, built lazily; formats (dates) are checked as LinkML does."""
    cache: dict[str, jsonschema.protocols.Validator] = {}

    def get(class_name: str) -> jsonschema.protocols.Validator:
        if class_name not in cache:
            if class_name == ROOT_CLASS:
                schema = json_schema
            else:
                schema = {
                    "$schema": json_schema["$schema"],
                    "$ref": f"#/$defs/{class_name}",
                    "$defs": json_schema["$defs"],
                }
            cls = jsonschema.validators.validator_for(schema)
            cache[class_name] = cls(schema, format_checker=cls.FORMAT_CHECKER)
        return cache[class_name]

    return get


@pytest.fixture(scope="session")
def linkml_schema():
    from linkml_runtime.linkml_model import SchemaDefinition
    from linkml_runtime.loaders import yaml_loader

    return yaml_loader.load(str(SCHEMA_FILE), target_class=SchemaDefinition)


def decisive_keyword(error: ValidationError) -> str:
    """The keyword that really failed.

    LinkML writes an optional enum or class slot as `anyOf: [{$ref: X}, {type: null}]`, so a bad value
    fails `anyOf`; the reason is the one error of the X branch. Any other `anyOf` (such as "English or
    French is required") is itself the keyword that failed.
    """
    options = error.validator_value
    if error.validator == "anyOf" and len(options) == 2 and {"type": "null"} in options:
        null_index = options.index({"type": "null"})
        branch = [e for e in error.context if e.relative_schema_path[0] != null_index]
        if len(branch) == 1:
            return decisive_keyword(branch[0])
    return error.validator


def describe(errors: list[ValidationError]) -> str:
    return "; ".join(f"{e.json_path}: [{decisive_keyword(e)}] {e.message}" for e in errors)


def test_example_folders_are_not_empty():
    assert VALID, f"no valid examples in {VALID_DIR}"
    assert INVALID, f"no invalid examples in {INVALID_DIR}"


def test_every_class_has_a_valid_example(schema_view):
    missing = set(schema_view.all_classes()) - {class_of(path) for path in VALID}
    assert not missing, f"classes without a valid example in {VALID_DIR}: {sorted(missing)}"


def test_every_example_names_a_class_of_the_schema(schema_view):
    unknown = [path.name for path in VALID + INVALID if class_of(path) not in schema_view.all_classes()]
    assert not unknown, f"examples whose name does not start with a class of the schema: {unknown}"


def test_known_schema_gaps_name_existing_examples():
    stems = {path.stem for path in INVALID}
    stale = sorted(set(KNOWN_SCHEMA_GAPS) - stems)
    assert not stale, f"KNOWN_SCHEMA_GAPS lists examples that do not exist: {stale}"


@pytest.mark.parametrize("path", VALID, ids=[path.stem for path in VALID])
def test_valid_example_passes_the_json_schema(path, validators):
    errors = list(validators(class_of(path)).iter_errors(load_yaml(path)))
    assert not errors, f"{path.name}: {describe(errors)}"


@pytest.mark.parametrize("path", VALID, ids=[path.stem for path in VALID])
def test_valid_example_passes_the_linkml_validator(path, linkml_schema):
    from linkml.validator import validate

    # The same schema object every time: LinkML caches the JSON Schema it generates per schema object.
    report = validate(load_yaml(path), linkml_schema, target_class=class_of(path))
    assert not report.results, f"{path.name}: {[result.message for result in report.results]}"


@pytest.mark.parametrize("path", invalid_params())
def test_invalid_example_fails_with_its_one_expected_keyword(path, validators):
    expected = keyword_of(path)
    validator = validators(class_of(path))
    assert expected in type(validator).VALIDATORS, f"{path.name}: {expected!r} is not a JSON Schema keyword"

    errors = sorted(validator.iter_errors(load_yaml(path)), key=lambda e: e.json_path)
    assert errors, f"{path.name} is valid, but it should fail with {expected!r}"
    # One fault, one place; a fault may break two keywords there (no scheme: both `format` and `pattern`).
    locations = {error.json_path for error in errors}
    assert len(locations) == 1, f"{path.name} should hold exactly one fault, found: {describe(errors)}"
    keywords = {decisive_keyword(error) for error in errors}
    assert expected in keywords, f"{path.name}: expected {expected!r}, got {describe(errors)}"


def test_complete_submission_uses_every_slot_of_every_class(schema_view):
    """The complete example shows every slot in use, so the portal and the tests can rely on it."""
    used: set[tuple[str, str]] = set()
    classes = schema_view.all_classes()

    def walk(class_name: str, instance: dict[str, Any]) -> None:
        for slot_name, value in instance.items():
            used.add((class_name, slot_name))
            slot_range = schema_view.induced_slot(slot_name, class_name).range
            if slot_range in classes:
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, dict):
                        walk(slot_range, item)

    walk(ROOT_CLASS, load_yaml(COMPLETE_SUBMISSION))
    every = {(name, slot) for name in classes for slot in schema_view.class_slots(name)}
    missing = sorted(f"{name}.{slot}" for name, slot in every - used)
    assert not missing, f"{COMPLETE_SUBMISSION.name} never uses: {missing}"
