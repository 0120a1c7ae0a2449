"""Where MCDS finds its files. One place, so that no module guesses.

The artefacts a submission is validated against (the current standard's generated files and every release's)
travel with the package: a wheel ships the checkout's `schema/` folder as `mcds/standard/schema/` (see
pyproject.toml), found here through importlib.resources. Run from a checkout, the same files are read from
`schema/` itself. The schema sources, the docs and the sample submissions exist only in a checkout: generating,
releasing and building the portal need one.
"""

from importlib import resources
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
ROOT = CHECKOUT  # the repository a checkout-only command works in

_shipped = resources.files(__package__) / "schema"
SCHEMA_DIR = Path(str(_shipped)) if _shipped.is_dir() else CHECKOUT / "schema"
SCHEMA_FILE = SCHEMA_DIR / "mcds.yaml"
PROFILES_DIR = SCHEMA_DIR / "profiles"
RELEASES_DIR = SCHEMA_DIR / "releases"
GENERATED_DIR = SCHEMA_DIR / "generated"
PROFILE_FILE = GENERATED_DIR / "datapackage.json"
JSON_SCHEMA_FILE = GENERATED_DIR / "mcds.schema.json"
CODELISTS_DIR = GENERATED_DIR / "codelists"
TEMPLATES_DIR = GENERATED_DIR / "templates"
DOCS_DIR = CHECKOUT / "docs"
SUBMISSIONS_DIR = CHECKOUT / "datapackages"
