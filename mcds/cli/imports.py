"""mcds import: what a provider already published elsewhere, as a new MCDS data package to complete."""

from __future__ import annotations

from pathlib import Path

import click

from mcds.cli.support import lang_option, reports_errors
from mcds.errors import McdsError
from mcds.i18n import LANGUAGES, t

NEEDS_FILE = "import-needs.json"


@click.group("import")
def import_() -> None:
    """Turn what you already published elsewhere into an MCDS data package.

    \b
    Examples:
      mcds import ctdl registry-export.json --out my-package/
    """


@import_.command("ctdl")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="A new or empty folder.")
@click.option("--provider", help="Your organization's MCDS identifier (default: the owner of the first credential).")
@lang_option
@reports_errors
def ctdl(file: Path, out: Path, provider: str | None, lang: str) -> None:
    """Import CTDL JSON-LD published in the Credential Engine Registry (or written by `mcds export --to ctdl`).

    Every field CTDL carries is filled in; the required fields it cannot carry are listed (and written to
    import-needs.json in English and French) for you to complete before `mcds validate`. Text without a
    language tag is taken to be in --lang. FILE is never modified.

    \b
    Examples:
      mcds import ctdl registry-export.json --out my-package/ --provider kestrel-bay-college
      mcds import ctdl credential.json --out my-package/ --lang fr
    """
    from mcds.imports import ctdl as importer
    from mcds.standard import tabular
    from mcds.util.io import json_bytes, write_atomic
    from mcds.util.outputs import check_folder_output

    check_folder_output(out, [file])
    if out.exists() and any(out.iterdir()):
        raise McdsError("synth.not_empty", path=out)
    result = importer.from_ctdl(importer.read(file), provider=provider, lang=lang)
    document = result.document
    tabular.write_package(document, out, name=document["provider"])
    grouped: dict[str, list[str]] = {}
    for path, record in result.needs:
        if record not in grouped.setdefault(path, []):
            grouped[path].append(record)
    needs = [{"field": path, "title": importer.title(path), "records": records,
              "message": {other: t("import.need", other, field=path, title=importer.title(path)[other], count=len(records),
                                   records=_some(records)) for other in LANGUAGES}}
             for path, records in grouped.items()]
    write_atomic(out / NEEDS_FILE, json_bytes({"needs": needs}))
    click.echo(t("import.done", lang, count=len(document.get("microcredentials", [])), path=out))
    if needs:
        click.echo(t("import.needs", lang, count=len(needs), file=out / NEEDS_FILE))
        for need in needs:
            click.echo(f"  {need['message'][lang]}")


def _some(records: list[str], shown: int = 5) -> str:
    """The first records by name, and how many more (all of them are in the needs file)."""
    more = f", … (+{len(records) - shown})" if len(records) > shown else ""
    return ", ".join(records[:shown]) + more
