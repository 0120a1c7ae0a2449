"""Where the standard's files live in a checkout. One place, so that no module guesses."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "schema"
SCHEMA_FILE = SCHEMA_DIR / "mcds.yaml"
PROFILES_DIR = SCHEMA_DIR / "profiles"
RELEASES_DIR = SCHEMA_DIR / "releases"
GENERATED_DIR = SCHEMA_DIR / "generated"
PROFILE_FILE = GENERATED_DIR / "datapackage.json"
JSON_SCHEMA_FILE = GENERATED_DIR / "mcds.schema.json"
CODELISTS_DIR = GENERATED_DIR / "codelists"
TEMPLATES_DIR = GENERATED_DIR / "templates"
DOCS_DIR = ROOT / "docs"
SUBMISSIONS_DIR = ROOT / "datapackages"
