"""Run every generator in one process, then write schema/generated/ or check it for drift."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from mcds.errors import StaleArtefacts
from mcds.generators import codelists, context, jsonschema, templates
from mcds.generators import datapackage as tabular
from mcds.generators import modeljson as model
from mcds.generators import schema as s
from mcds.standard.paths import PROFILES_DIR
from mcds.util.io import json_bytes

README = """# Generated artefacts: do not edit

Everything in this folder is generated from `schema/mcds.yaml` by `mcds generate` and committed so that
providers and reviewers can fetch it and see it change in a pull request. Edit the schema, then run
`mcds generate`; `mcds generate --check` (run by `make test`) fails when this folder is stale.

Profiles (`schema/profiles/*.yaml`) get their own data-package profile, JSON Schema and compiled model
in `profiles/<name>/`.

In the code lists (`codelists/*.csv`) and the code sheets of the Excel template, a `translation_status` of
`to_verify` marks a French title or description not yet checked against the official French source: it is
not normative until checked. An empty cell carries no such flag.

# Artefacts générés : ne pas modifier

Tout ce dossier est généré à partir de `schema/mcds.yaml` par `mcds generate`. Modifiez le schéma, puis
lancez `mcds generate`; `mcds generate --check` (lancé par `make test`) échoue lorsque ce dossier n'est pas à
jour. Les profils (`schema/profiles/*.yaml`) ont leurs propres fichiers dans `profiles/<nom>/`.

Dans les listes de codes (`codelists/*.csv`) et les feuilles de codes du modèle Excel, un `translation_status`
`to_verify` signale un titre ou une description en français pas encore vérifié auprès de la source française
officielle : il n'est pas normatif tant qu'il n'a pas été vérifié. Une cellule vide ne porte pas ce signal.
""".encode()


def artefacts() -> dict[str, bytes]:
    """Every generated file, by its path relative to schema/generated/."""
    profile = tabular.profile(tabular.TabularModel(s.view()))
    files = {
        "README.md": README,
        "mcds.schema.json": json_bytes(jsonschema.generate()),
        "mcds.context.jsonld": json_bytes(context.generate()),
        "mcds.model.json": json_bytes(model.generate()),
        "datapackage.json": json_bytes(profile),
    }
    files.update(codelists.generate())
    files.update(templates.generate(profile))
    for path in sorted(PROFILES_DIR.glob("*.yaml")):
        files.update(profile_artefacts(path))
    return dict(sorted(files.items()))


def profile_artefacts(path: Path) -> dict[str, bytes]:
    """A profile's own data-package profile, JSON Schema and compiled model."""
    view = s.view(path)
    name = path.stem
    return {
        f"profiles/{name}/datapackage.json": json_bytes(tabular.profile(tabular.TabularModel(view), name)),
        f"profiles/{name}/mcds.schema.json": json_bytes(jsonschema.generate(view, name)),
        f"profiles/{name}/mcds.model.json": json_bytes(model.generate(view)),
    }


def write(target: Path) -> int:
    """Replace `target` with freshly generated files; a failure leaves the previous folder untouched."""
    files = artefacts()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".generated-", dir=target.parent))
    try:
        for relative, content in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return len(files)


def check(target: Path) -> int:
    """Raise StaleArtefacts naming every file that differs, is missing or should not be there."""
    files = artefacts()
    present = {p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()} if target.exists() else set()
    stale = sorted(
        {name for name, content in files.items() if name not in present or (target / name).read_bytes() != content}
        | (present - files.keys())
    )
    if stale:
        raise StaleArtefacts("generate.stale", files=", ".join(stale))
    return len(files)
