"""Guards the publication gate (mcds.publish.gate) against submissions built to get around it: what is published
is exactly what was validated, every page and file a data value names stays in its folder, and a submission
publishes only in the name of the provider who sent it.

Why: the portal promises that only valid data is published. `mcds validate` reads the files a descriptor
declares, so a build that read anything else (files with a table's name beside them, files changed after
validation) published unvalidated content: `javascript:` links, out-of-range values, and identifiers such as
`../../x` that wrote outside the site or replaced its home page. A folder could also publish records in another
provider's name. Each test below is one such attempt; the gate must stop it and say so.
"""

from __future__ import annotations

import csv
import json
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from portal_support import rewrite_csv
from test_validation_inputs import fill_template, zip_folder

import mcds.validation
from mcds.cli import main
from mcds.errors import McdsError
from mcds.i18n import t
from mcds.portal.catalogue_pages import FOLDERS, CataloguePages
from mcds.publish.gate import PUBLISHED, Catalogue, Submission, UnsafeIdentifier, checksum, contained, gather
from mcds.standard import paths, tabular
from mcds.validation import validate
from mcds.validation.checks.identifiers import shown
from mcds.validation.error_catalogue import message

SAMPLE = "maplecrest-career-college"
EVIL_TITLE = "Unvalidated title"
EVIL_URL = "javascript:alert(1)"


def copy_sample(target: Path, name: str = SAMPLE) -> Path:
    shutil.copytree(paths.SUBMISSIONS_DIR / name, target)
    return target


def read_tables(folder: Path, names: dict[str, str]) -> tabular.Tables:
    """The tables `names` (table -> file) of `folder`, as the standard's tabular form holds them."""
    tables: tabular.Tables = {}
    for table, file in names.items():
        with (folder / file).open(encoding="utf-8-sig", newline="") as handle:
            tables[table] = list(csv.DictReader(handle))
    return tabular.to_document(tables, tabular.load_profile())


def poison(rows: list[dict[str, str]]) -> None:
    """What validation would refuse: an out-of-range value, a `javascript:` link, an identifier out of the site."""
    rows[0].update(title_en=EVIL_TITLE, webpage=EVIL_URL, duration_weeks="999", id="../../x")


def decoy_package(folder: Path) -> tuple[dict[str, str], list[str]]:
    """The sample with its declared tables renamed v-*.csv, the standard-named files beside them holding other,
    invalid content, and two optional tables left undeclared while their files stay. Returns the declared
    files (table -> file) and the undeclared tables."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    undeclared = ["outcome_reports", "observations"]
    declared = {}
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] not in undeclared]
    for resource in descriptor["resources"]:
        declared[resource["name"]] = f"v-{resource['path']}"
        shutil.copyfile(folder / resource["path"], folder / declared[resource["name"]])
        resource["path"] = declared[resource["name"]]
    (folder / "datapackage.json").write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    rewrite_csv(folder / "microcredentials.csv", poison)
    return declared, undeclared


# -- 1. What is published is what was validated -------------------------------------------------------------

def test_what_is_published_is_exactly_the_validated_content(tmp_path: Path) -> None:
    folder = copy_sample(tmp_path / "submissions" / SAMPLE)
    declared, undeclared = decoy_package(folder)
    assert validate(folder).valid, "the declared files are the valid sample"
    [submission] = gather(tmp_path / "submissions").submissions
    assert submission.valid and submission.document is not None
    assert submission.document == read_tables(folder, declared), "published content differs from the validated"
    text = json.dumps(submission.document)
    assert EVIL_TITLE not in text and EVIL_URL not in text and "../../x" not in text
    for table in undeclared:
        assert (folder / f"{table}.csv").is_file()
        assert not submission.document.get(table), f"the undeclared table {table} was published"


def test_nothing_is_read_from_the_folder_after_validation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A provider (or an attacker) who changes the folder while the gate runs changes nothing published."""
    folder = copy_sample(tmp_path / "submissions" / SAMPLE)
    validated = read_tables(folder, {r["name"]: r["path"] for r in tabular.resources(tabular.load_profile())})
    real = mcds.validation.validate

    def then_change_the_folder(*args: Any, **kwargs: Any) -> Any:
        report = real(*args, **kwargs)
        rewrite_csv(folder / "microcredentials.csv", poison)
        return report

    monkeypatch.setattr(mcds.validation, "validate", then_change_the_folder)
    [submission] = gather(tmp_path / "submissions").submissions
    assert EVIL_TITLE in (folder / "microcredentials.csv").read_text(encoding="utf-8"), "the folder was not changed"
    assert submission.valid and submission.document == validated


@pytest.mark.parametrize("descriptor", ["[" * 100_000, "{\"resources\": [], \"resources\": []}"], ids=["deep", "repeated-key"])
def test_a_descriptor_validation_refuses_is_refused_by_the_gate_too(tmp_path: Path, descriptor: str) -> None:
    """The snapshot reads the descriptor with validation's own bounded reader: nesting 100,000 deep once
    stopped the build with a RecursionError before validation could report it."""
    folder = tmp_path / "submissions" / SAMPLE
    folder.mkdir(parents=True)
    (folder / "datapackage.json").write_text(descriptor, encoding="utf-8")
    [submission] = gather(tmp_path / "submissions").submissions
    assert (submission.valid, submission.errors, submission.document) == (False, 1, None)
    assert (folder / "datapackage.json").read_text(encoding="utf-8") == descriptor


def test_the_validation_cache_keys_on_the_validated_bytes_and_name(tmp_path: Path) -> None:
    submissions, cache = tmp_path / "submissions", tmp_path / "cache"
    folder = copy_sample(submissions / SAMPLE)
    declared, _ = decoy_package(folder)
    first = gather(submissions, cache=cache).submissions[0]
    assert first.valid and len(list(cache.iterdir())) == 1
    # An undeclared file is not part of the submission: changing it changes neither the checksum nor the result.
    rewrite_csv(folder / "organizations.csv", lambda rows: rows[0].update(name_en="Changed"))
    assert gather(submissions, cache=cache).submissions[0].checksum == first.checksum
    assert len(list(cache.iterdir())) == 1
    # A declared file is: the submission is validated again, and found invalid.
    rewrite_csv(folder / declared["microcredentials"], poison)
    again = gather(submissions, cache=cache).submissions[0]
    assert again.checksum != first.checksum and not again.valid and again.errors > 0
    assert len(list(cache.iterdir())) == 2
    # The same valid bytes sent under another name are not valid because they were valid under the right one.
    rewrite_csv(folder / declared["microcredentials"], lambda rows: None)
    shutil.rmtree(folder)
    copy_sample(submissions / "another-name")
    decoy_package(submissions / "another-name")
    renamed = gather(submissions, cache=cache).submissions[0]
    assert (renamed.valid, renamed.declared) == (False, SAMPLE)


def test_the_checksum_is_of_the_snapshot_files(tmp_path: Path) -> None:
    folder = copy_sample(tmp_path / SAMPLE)
    before = checksum(folder)
    (folder / "notes.txt").write_text("not part of a package", encoding="utf-8")
    assert checksum(folder) != before, "checksum() hashes every file of the snapshot it is given"


@pytest.mark.parametrize("form", ["json", "zip", "xlsx"])
def test_a_submission_sent_as_one_file_is_published_under_its_stem(tmp_path: Path, form: str) -> None:
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    document = gathered_document(copy_sample(tmp_path / "source" / SAMPLE))
    target = submissions / f"{SAMPLE}.{form}"
    if form == "json":
        target.write_text(json.dumps(document), encoding="utf-8")
    elif form == "zip":
        zip_folder(tmp_path / "source" / SAMPLE, target)
    else:
        fill_template(document, target)
    before = target.read_bytes()
    [submission] = gather(submissions).submissions
    assert (submission.name, submission.valid, submission.declared) == (SAMPLE, True, "")
    assert submission.document == document
    assert target.read_bytes() == before, "the input was changed"


def gathered_document(folder: Path) -> dict[str, Any]:
    """What the gate publishes of the package in `folder`, gathered from a copy in a submissions folder of its own."""
    alone = folder.parent / f"alone-{folder.name}"
    shutil.copytree(folder, alone / folder.name)
    [submission] = gather(alone).submissions
    assert submission.document is not None
    return submission.document


# -- 2. Contained writes ------------------------------------------------------------------------------------

HOSTILE = {
    "../../x": "leaves", "/etc/x": "leaves", ".": "leaves", "..": "leaves", "a/b": "leaves", "a\\b": "leaves",
    "": "leaves", "index": "reserved", "index.json": "reserved", "_shell": "reserved", ".hidden": "reserved",
    "statistics": "taken", "a\x00b": "characters", "a\n": "characters", "a\r\n": "characters",
    "abc\u202edcba": "characters", "a\u200bb": "characters", "a\u2066b": "characters",
}


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("identifier", sorted(HOSTILE), ids=repr)
def test_the_path_helper_refuses_each_hostile_identifier(tmp_path: Path, identifier: str) -> None:
    folder = tmp_path / "site" / "en" / "catalogue"
    (folder / "statistics").mkdir(parents=True)
    (folder / "statistics" / "index.html").write_text("statistics page", encoding="utf-8")
    before = tree(tmp_path)
    with pytest.raises(UnsafeIdentifier) as refused:
        contained(folder, identifier)
    assert refused.value.reason == HOSTILE[identifier]
    for lang in ("en", "fr"):
        text = t(refused.value.key, lang, **refused.value.values)
        assert "\n" not in text and "\x00" not in text, "a message must not carry the hidden characters"
        assert f'"{shown(identifier)}"' in text or f"« {shown(identifier)} »" in text, text
    assert tree(tmp_path) == before


def test_the_path_helper_refuses_a_link_out_of_its_folder(tmp_path: Path) -> None:
    folder, outside = tmp_path / "site" / "data", tmp_path / "outside"
    folder.mkdir(parents=True)
    outside.mkdir()
    (folder / "college-x.json").symlink_to(outside / "college-x.json")
    (folder / "college-y").symlink_to(outside)
    with pytest.raises(UnsafeIdentifier) as refused:
        contained(folder, "college-y")
    assert refused.value.reason == "leaves"
    with pytest.raises(UnsafeIdentifier) as refused:
        contained(folder, "college-x", ".json")
    assert refused.value.reason in ("leaves", "taken")
    assert contained(folder, "college-z.a", ".json") == folder / "college-z.a.json"


def test_nfc_and_nfd_twins_name_one_path(tmp_path: Path) -> None:
    nfc, nfd = "cafe\u0301-college", unicodedata.normalize("NFD", "caf\u00e9-college")
    nfc = unicodedata.normalize("NFC", nfc)
    assert nfc != nfd and contained(tmp_path, nfd) == contained(tmp_path, nfc)
    (tmp_path / nfc).mkdir()
    with pytest.raises(UnsafeIdentifier) as refused:
        contained(tmp_path, nfd)
    assert refused.value.reason == "taken"


def staged_site(root: Path) -> Path:
    """What MkDocs leaves for the catalogue to fill: the home, Find and statistics pages and the shells."""
    site = root / "site"
    shells = [f"{folder}/_shell/index.html" for folder in FOLDERS]
    for lang in ("en", "fr"):
        for page in ("index.html", "catalogue/index.html", "catalogue/statistics/index.html", *shells):
            (site / lang / page).parent.mkdir(parents=True, exist_ok=True)
            text = '<html><body><div id="mcds-shell"><h1>shell</h1></div></body></html>' if page in shells \
                else f"{lang} {page}"
            (site / lang / page).write_text(text, encoding="utf-8")
    return site


def hostile_catalogue(tmp_path: Path, *identifiers: str) -> Catalogue:
    """The sample as if the gate had let it through with these microcredential identifiers."""
    document = gathered_document(copy_sample(tmp_path / "source" / SAMPLE))
    for mc, identifier in zip(document["microcredentials"], identifiers, strict=False):
        mc["id"] = identifier
    return Catalogue([Submission(SAMPLE, "0" * 64, True, 0, 0, document)])


@pytest.mark.parametrize("identifier", ["../../x", "{outside}", ".", "..", "statistics", "index", "a\x00b", "a\n",
                                        "a\u202eb", "a\u200bb"], ids=repr)
def test_no_hostile_identifier_is_written_outside_the_site_or_over_its_pages(tmp_path: Path, identifier: str) -> None:
    identifier = identifier.format(outside=tmp_path / "outside")
    catalogue = hostile_catalogue(tmp_path, identifier)
    site = staged_site(tmp_path / "build")
    before, around = tree(site), sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(UnsafeIdentifier) as refused:
        CataloguePages(catalogue).render(site, "http://127.0.0.1/")
    assert refused.value.identifier == identifier
    assert tree(site) == before, "a page was written or replaced"
    assert sorted(p.name for p in tmp_path.iterdir()) == around, "something was written outside the site"


def test_every_refused_identifier_is_reported(tmp_path: Path) -> None:
    nfc = unicodedata.normalize("NFC", "maplecrest-career-college.caf\u00e9")
    nfd = unicodedata.normalize("NFD", nfc)
    catalogue = hostile_catalogue(tmp_path, "../../x", "index", nfc, nfd)
    site = staged_site(tmp_path / "build")
    before = tree(site)
    with pytest.raises(McdsError) as refused:
        CataloguePages(catalogue).render(site, "http://127.0.0.1/")
    assert refused.value.key == "portal.build.unsafe_identifiers"
    for lang in ("en", "fr"):
        text = t(refused.value.key, lang, **refused.value.values)
        assert '"../../x"' in text and '"index"' in text and f'"{nfd}"' in text, text
        assert f'"{nfc}"' not in text.replace(f'"{nfd}"', ""), "the first of two twins is not the refused one"
    assert tree(site) == before


# -- 3. Bound identity --------------------------------------------------------------------------------------

def test_a_submission_must_declare_the_provider_it_is_named_after(tmp_path: Path) -> None:
    folder = copy_sample(tmp_path / "impostor-college")
    report = validate(folder, provider="impostor-college")
    found = [(f.code, f.file, f.row, f.column, f.value) for f in report.errors]
    assert found == [("provider-mismatch", "submission.csv", 2, "provider", SAMPLE)]
    assert message(report.errors[0], "en") == (
        'submission.csv, row 2, column "provider": The submission was sent as "impostor-college" but declares the '
        f'provider "{SAMPLE}". Name the folder or file "{SAMPLE}" if that is your identifier; otherwise write '
        '"impostor-college" in provider.')
    assert message(report.errors[0], "fr").startswith(
        "submission.csv, ligne 2, colonne « provider » : La soumission a été envoyée sous le nom « impostor-college »")
    assert validate(folder, provider=SAMPLE).valid and validate(folder).valid


def test_an_impostor_folder_publishes_nothing_in_the_providers_name(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    copy_sample(submissions / SAMPLE)
    impostor = copy_sample(submissions / "impostor-college")
    rewrite_csv(impostor / "microcredentials.csv", lambda rows: rows[0].update(title_en=EVIL_TITLE))
    gathered = gather(submissions)
    by_name = {s.name: s for s in gathered.submissions}
    assert by_name["impostor-college"].document is None and by_name["impostor-college"].declared == SAMPLE
    assert [s.name for s in gathered.published] == [SAMPLE]
    assert EVIL_TITLE not in json.dumps([mc for _, mc in gathered.microcredentials()])


def test_two_submissions_claiming_one_identifier_are_both_left_out(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    copy_sample(submissions / SAMPLE)
    document = gathered_document(copy_sample(tmp_path / "source" / SAMPLE))
    (submissions / f"{SAMPLE}.json").write_text(json.dumps(document), encoding="utf-8")
    gathered = gather(submissions)
    assert len(gathered.submissions) == 2 and gathered.published == []
    assert {(s.contested, s.valid, s.stale) for s in gathered.submissions} == {(SAMPLE, False, False)}

    # With the previous site, the last good version stays, once, and neither claimant replaces it.
    previous = tmp_path / "previous"
    (previous / PUBLISHED).mkdir(parents=True)
    earlier = {**document, "last_updated": "2025-01-01"}
    (previous / PUBLISHED / f"{SAMPLE}.json").write_text(
        json.dumps({"name": SAMPLE, "checksum": "0" * 64, "document": earlier}), encoding="utf-8")
    kept = gather(submissions, previous=previous)
    assert [(s.name, s.stale, s.checksum) for s in kept.published] == [(SAMPLE, True, "0" * 64)]
    assert kept.published[0].document == earlier


def test_a_previous_version_published_under_another_name_is_not_kept(tmp_path: Path) -> None:
    submissions, previous = tmp_path / "submissions", tmp_path / "previous"
    broken = copy_sample(submissions / "impostor-college")
    rewrite_csv(broken / "microcredentials.csv", lambda rows: rows[0].update(workload_hours="forty"))
    (previous / PUBLISHED).mkdir(parents=True)
    document = gathered_document(copy_sample(tmp_path / "source" / SAMPLE))
    (previous / PUBLISHED / "impostor-college.json").write_text(
        json.dumps({"name": "impostor-college", "checksum": "0" * 64, "document": document}), encoding="utf-8")
    assert gather(submissions, previous=previous).published == []


def test_another_providers_organization_is_referenced_not_redefined(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    copy_sample(submissions / "kestrel-bay-college", "kestrel-bay-college")
    lumenquai = copy_sample(submissions / "lumenquai-learning", "lumenquai-learning")
    rewrite_csv(lumenquai / "organizations.csv",
            lambda rows: next(r for r in rows if r["id"] == "kestrel-bay-college").update(name_en="Fake Kestrel"))
    gathered = gather(submissions)
    assert [s.valid for s in gathered.submissions] == [True, True]
    own = next(o for o in gathered.published[0].document["organizations"] if o["id"] == "kestrel-bay-college")
    assert gathered.organizations()["kestrel-bay-college"] == own
    assert own["name"]["en"] != "Fake Kestrel"


def test_the_build_reports_each_identity_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    submissions = tmp_path / "submissions"
    copy_sample(submissions / "impostor-college")
    folder = copy_sample(submissions / "kestrel-bay-college", "kestrel-bay-college")
    document = gathered_document(copy_sample(tmp_path / "source" / "kestrel-bay-college", "kestrel-bay-college"))
    (submissions / "kestrel-bay-college.json").write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--submissions", str(submissions), "--out", str(tmp_path / "out"),
                                       "--lang", "fr"])
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    errors = result.stderr.splitlines()
    assert t("portal.build.misnamed", "fr", name="impostor-college", declared=SAMPLE) in errors
    for source in (folder, submissions / "kestrel-bay-college.json"):
        assert t("portal.build.contested", "fr", source=source, identifier="kestrel-bay-college") in errors
    assert len(errors) == 3, result.stderr
    assert not list((tmp_path / "out" / "data" / "microcredentials").glob("*.json")), "something was published"


@pytest.mark.parametrize("suffix", ["\n", "\r\n", "\u202e", "\u200b", "\u2066", "\x07"], ids=repr)
def test_an_identifier_with_a_hidden_character_is_located_at_validation(tmp_path: Path, suffix: str) -> None:
    folder = copy_sample(tmp_path / SAMPLE)
    rewrite_csv(folder / "organizations.csv", lambda rows: rows[1].update(id=rows[1]["id"] + suffix))
    report = validate(folder)
    found = [f for f in report.errors if f.code == "unsafe-identifier"]
    assert [(f.file, f.row, f.column) for f in found] == [("organizations.csv", 3, "id")]
    assert found[0].params["character"] == f"U+{ord(suffix[0]):04X}"
    for lang in ("en", "fr"):
        assert suffix not in message(found[0], lang)


def test_a_decomposed_accent_in_an_identifier_is_located_at_validation(tmp_path: Path) -> None:
    folder = copy_sample(tmp_path / SAMPLE)
    rewrite_csv(folder / "learning_outcomes.csv",
            lambda rows: rows[0].update(microcredential_id=unicodedata.normalize("NFD", "caf\u00e9")))
    found = [(f.code, f.file, f.row, f.column) for f in validate(folder).errors if f.code == "unsafe-identifier"]
    assert found == [("unsafe-identifier", "learning_outcomes.csv", 2, "microcredential_id")]
