"""Shared test fixtures: where the standard's files live, and the schema loaded once per session.

Tests find files from this file's location rather than from the installed `mcds` package, so that a
copy of the repository (for example one with a deliberately broken schema) tests itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser_support import CHROMIUM, CHROMIUM_ARGS, unavailable
from portal_support import Portal, build_portal, serve_portal, stop_portal

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "schema"
SCHEMA_FILE = SCHEMA_DIR / "mcds.yaml"
GENERATED_DIR = SCHEMA_DIR / "generated"
JSON_SCHEMA_FILE = GENERATED_DIR / "mcds.schema.json"
DATA_DIR = Path(__file__).resolve().parent / "data"
VALID_DIR = DATA_DIR / "valid"
INVALID_DIR = DATA_DIR / "invalid"


class JsonFaithfulLoader(yaml.SafeLoader):
    """A YAML loader that reads dates as text, as a JSON document carries them.

    PyYAML turns an unquoted 2027-01-11 into a `datetime.date`, which JSON Schema then rejects as
    "not of type string"; a fixture author should never meet that surprise.
    """


JsonFaithfulLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path: Path) -> Any:
    """Load one YAML document the way its JSON twin would load."""
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=JsonFaithfulLoader)  # noqa: S506 - a SafeLoader subclass


@pytest.fixture(scope="session")
def schema_view():
    """The whole standard (mcds.yaml and its modules) as a LinkML SchemaView, imports unmerged.

    Imports stay unmerged so that each element keeps the `from_schema` of the module that declares
    it, which is how the meta-tests tell the standard's own elements from `linkml:types`.
    """
    from linkml_runtime import SchemaView

    view = SchemaView(str(SCHEMA_FILE))
    view.all_elements(imports=True)  # resolve every import now, once
    return view


@pytest.fixture(scope="session")
def json_schema() -> dict[str, Any]:
    """The committed JSON Schema of a whole Submission document."""
    return json.loads(JSON_SCHEMA_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    """The portal built once per session from the samples and served by `mcds serve` (tests/portal_support.py)."""
    built = build_portal(tmp_path_factory.mktemp("portal"))
    serve_portal(built)
    yield built
    stop_portal(built)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium for the session: Playwright's synchronous API cannot run twice at once."""
    if not CHROMIUM.is_file():
        unavailable(f"{CHROMIUM} is missing")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Python Playwright is not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def axe() -> Any:
    """axe-core, loaded once for the session (tests/browser_support.axe_violations runs it)."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe()
