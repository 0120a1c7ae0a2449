"""Guards "nothing lost": no command destroys an input, and a build that is killed, run twice at once or fed a
damaged cache never costs the published site.

Why: `mcds build` replaces its --out folder as a whole, and other commands write files whose names users type.
Tried by hand, a build whose --out held the submissions deleted them, `mcds validate --output` naming its input
overwrote it, a build killed with SIGKILL made the next one fail, a truncated cache file failed every later
build, and the published site was left mode 700, unreadable by a web server running as another user. Each test
below reproduces one of these, or a near variant, and states the exact outcome: the exit code, the message, the
bytes of the files that must not change.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from portal_support import BASE_SAMPLE, MCDS, set_texts
from test_docs import _tree

from mcds.cli import main
from mcds.i18n import t
from mcds.portal.outfolder import MARKER, MARKER_TEXT
from mcds.portal.site import claim
from mcds.standard import paths

URL = "https://mcds.test/portal/"
CHANGED_TITLE = "Welding fundamentals, revised"


def build_command(submissions: Path, out: Path, lang: str = "en") -> list[str]:
    return [*MCDS, "build", "--submissions", str(submissions), "--out", str(out), "--site-url", URL, "--lang", lang]


def build(submissions: Path, out: Path, workdir: Path, umask: int | None = None) -> None:
    """`mcds build` in this process (it saves starting Python and MkDocs again), from `workdir`, where it
    keeps .mcds-cache/."""
    previous_dir, previous_umask = Path.cwd(), os.umask(umask) if umask is not None else None
    try:
        os.chdir(workdir)
        result = CliRunner().invoke(main, build_command(submissions, out)[3:])
    finally:
        os.chdir(previous_dir)
        if previous_umask is not None:
            os.umask(previous_umask)
    assert result.exit_code == 0, result.output


def leftovers(out: Path) -> list[str]:
    """What a build left beside its site: its staging folder or lock file."""
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two versions of the submissions (the second changes one title) and a clean build of each."""
    root = tmp_path_factory.mktemp("inputs")
    before, after = root / "before", root / "after"
    shutil.copytree(paths.SUBMISSIONS_DIR, before)
    shutil.copytree(paths.SUBMISSIONS_DIR, after)
    set_texts(after / BASE_SAMPLE, CHANGED_TITLE, "The same course, described again.")
    work = root / "work"
    work.mkdir()
    for name, submissions in (("before", before), ("after", after)):
        build(submissions, root / f"site-{name}", work)
    return {"before": before, "after": after, "site-before": root / "site-before", "site-after": root / "site-after"}


@pytest.fixture(scope="module")
def trees(inputs: dict[str, Path]) -> dict[str, dict[str, bytes]]:
    return {name: _tree(inputs[f"site-{name}"]) for name in ("before", "after")}


# -- 1. --out: only a folder the build may replace -----------------------------------------------------------

def _run_cli(args: list[str], lang: str = "fr") -> tuple[int, str]:
    result = CliRunner().invoke(main, [*args, "--lang", lang])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_a_build_whose_out_holds_the_submissions_refuses_and_deletes_nothing(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch,
                                                                             inputs: dict[str, Path]) -> None:
    """The reported defect: a site built before, the submissions copied into it, then built again into it."""
    monkeypatch.chdir(tmp_path)
    site = tmp_path / "site"
    shutil.copytree(inputs["site-before"], site)
    submissions = site / "submissions"
    shutil.copytree(paths.SUBMISSIONS_DIR, submissions)
    before = _tree(site)
    code, output = _run_cli(["build", "--submissions", str(submissions), "--out", str(site)])
    assert code == 2
    assert output.strip() == t("output.holds_input", "fr", path=site, source=submissions)
    assert _tree(site) == before
    assert leftovers(site) == [] and not (tmp_path / ".site.lock").exists()


def _file(tmp: Path) -> tuple[Path, Path, str, dict[str, object]]:
    (tmp / "notes.txt").write_text("keep me", encoding="utf-8")
    return tmp / "subs", tmp / "notes.txt", "portal.build.out_is_file", {}


def _same(tmp: Path) -> tuple[Path, Path, str, dict[str, object]]:
    return tmp / "subs", tmp / "subs", "output.is_input", {"source": tmp / "subs"}


def _inside(tmp: Path) -> tuple[Path, Path, str, dict[str, object]]:
    return tmp / "subs", tmp / "subs" / "site", "output.inside_input", {"source": tmp / "subs"}


def _holding_empty(tmp: Path) -> tuple[Path, Path, str, dict[str, object]]:
    """A folder that holds the submissions and nothing else; without this check, a build replaced it."""
    (tmp / "site").mkdir()
    shutil.move(tmp / "subs", tmp / "site" / "subs")
    return tmp / "site" / "subs", tmp / "site", "output.holds_input", {"source": tmp / "site" / "subs"}


def _link_to_submissions(tmp: Path) -> tuple[Path, Path, str, dict[str, object]]:
    (tmp / "site").symlink_to(tmp / "subs")
    return tmp / "subs", tmp / "site", "output.is_input", {"source": tmp / "subs"}


def _docs(tmp: Path) -> tuple[Path, Path, str, dict[str, object]]:
    return tmp / "subs", paths.DOCS_DIR / "en", "output.inside_input", {"source": paths.DOCS_DIR}


def _schema(tmp: Path) -> tuple[Path, Path, str, dict[str, object]]:
    return tmp / "subs", paths.SCHEMA_DIR, "output.is_input", {"source": paths.SCHEMA_DIR}


def _repository(tmp: Path) -> tuple[Path, Path, str, dict[str, object]]:
    return tmp / "subs", paths.ROOT, "output.holds_input", {"source": paths.DOCS_DIR}


def _home(tmp: Path) -> tuple[Path, Path, str, dict[str, object]]:
    home = tmp / "home"
    home.mkdir()
    return tmp / "subs", home, "portal.build.out_protected", {"kept": home}


def _root(tmp: Path) -> tuple[Path, Path, str, dict[str, object]]:
    return tmp / "subs", Path("/"), "output.holds_input", {"source": tmp / "subs"}


def _not_a_site(tmp: Path) -> tuple[Path, Path, str, dict[str, object]]:
    (tmp / "site").mkdir()
    (tmp / "site" / "notes.txt").write_text("keep me", encoding="utf-8")
    return tmp / "subs", tmp / "site", "portal.build.not_a_site", {}


def _only_looks_built(tmp: Path) -> tuple[Path, Path, str, dict[str, object]]:
    """The former test (the generator <meta> in index.html) is not enough: a saved page carries it too."""
    (tmp / "site").mkdir()
    (tmp / "site" / "index.html").write_text('<meta name="generator" content="mcds portal">', encoding="utf-8")
    return tmp / "subs", tmp / "site", "portal.build.not_a_site", {}


def _wrong_marker(tmp: Path) -> tuple[Path, Path, str, dict[str, object]]:
    (tmp / "site").mkdir()
    (tmp / "site" / MARKER).write_text("something else", encoding="utf-8")
    return tmp / "subs", tmp / "site", "portal.build.not_a_site", {}


def _linked_marker(tmp: Path) -> tuple[Path, Path, str, dict[str, object]]:
    """A marker that is a link to a real one elsewhere does not make a folder a site."""
    (tmp / "site").mkdir()
    (tmp / "real-marker").write_text(MARKER_TEXT, encoding="utf-8")
    (tmp / "site" / MARKER).symlink_to(tmp / "real-marker")
    (tmp / "site" / "notes.txt").write_text("keep me", encoding="utf-8")
    return tmp / "subs", tmp / "site", "portal.build.not_a_site", {}


OUT_CASES = {
    "a regular file": _file,
    "the submissions folder": _same,
    "a folder inside the submissions": _inside,
    "a folder that holds the submissions": _holding_empty,
    "a link to the submissions folder": _link_to_submissions,
    "a folder inside docs": _docs,
    "the schema folder": _schema,
    "the repository root": _repository,
    "the home directory": _home,
    "the root folder": _root,
    "a folder it did not build": _not_a_site,
    "a folder with an index page that only looks built": _only_looks_built,
    "a folder with another marker": _wrong_marker,
    "a folder whose marker is a link": _linked_marker,
}


@pytest.mark.parametrize("case", OUT_CASES, ids=list(OUT_CASES))
def test_build_refuses_an_out_it_must_not_replace(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    shutil.copytree(paths.SUBMISSIONS_DIR / BASE_SAMPLE, tmp_path / "subs" / BASE_SAMPLE)
    submissions, out, key, values = OUT_CASES[case](tmp_path)
    watched = [tmp_path, paths.DOCS_DIR, paths.SCHEMA_DIR]
    before = [_tree(folder) for folder in watched]
    code, output = _run_cli(["build", "--submissions", str(submissions), "--out", str(out)])
    assert code == 2, output
    expected = t(key, "fr", path=Path(os.path.realpath(out)), **values)
    assert output.strip() == expected
    assert [_tree(folder) for folder in watched] == before
    assert sorted(p.name for p in Path(os.path.realpath(out)).parent.iterdir() if p.name.endswith(".lock")) == []


# -- 2. No output over an input ------------------------------------------------------------------------------

def _document(tmp: Path) -> Path:
    source = tmp / "submission.json"
    source.write_text(json.dumps({"provider": "x"}), encoding="utf-8")
    return source


def _package(tmp: Path) -> Path:
    folder = tmp / "package"
    shutil.copytree(paths.SUBMISSIONS_DIR / BASE_SAMPLE, folder)
    return folder


def _output_is_the_input(tmp: Path) -> tuple[list[str], str, dict[str, object]]:
    source = _document(tmp)
    return [str(source), "--output", str(source)], "output.is_input", {"path": source, "source": source}


def _output_spelled_otherwise(tmp: Path) -> tuple[list[str], str, dict[str, object]]:
    source = _document(tmp)
    (tmp / "other").mkdir()
    spelled = tmp / "other" / ".." / "submission.json"
    return [str(source), "--output", str(spelled)], "output.is_input", {"path": spelled, "source": source}


def _output_hard_link(tmp: Path) -> tuple[list[str], str, dict[str, object]]:
    source = _document(tmp)
    link = tmp / "report.json"
    os.link(source, link)
    return [str(source), "--output", str(link)], "output.is_input", {"path": link, "source": source}


def _output_symbolic_link(tmp: Path) -> tuple[list[str], str, dict[str, object]]:
    source = _document(tmp)
    link = tmp / "report.json"
    link.symlink_to(source)
    return [str(source), "--output", str(link)], "output.is_input", {"path": link, "source": source}


def _output_in_the_package(tmp: Path) -> tuple[list[str], str, dict[str, object]]:
    folder = _package(tmp)
    target = folder / "report.txt"
    return [str(folder), "--output", str(target)], "output.inside_input", {"path": target, "source": folder}


def _output_over_a_table_of_a_descriptor(tmp: Path) -> tuple[list[str], str, dict[str, object]]:
    folder = _package(tmp)
    target = folder / "microcredentials.csv"
    return ([str(folder / "datapackage.json"), "--output", str(target)], "output.inside_input",
            {"path": target, "source": folder})


def _output_hard_link_into_the_package(tmp: Path) -> tuple[list[str], str, dict[str, object]]:
    folder = _package(tmp)
    link = tmp / "report.csv"
    os.link(folder / "microcredentials.csv", link)
    values = {"path": link, "source": folder / "microcredentials.csv"}
    return [str(folder), "--output", str(link)], "output.is_input", values


def _annotate_hard_link(tmp: Path) -> tuple[list[str], str, dict[str, object]]:
    workbook = tmp / "filled.xlsx"
    shutil.copyfile(paths.TEMPLATES_DIR / "mcds-template.xlsx", workbook)
    link = tmp / "annotated.xlsx"
    os.link(workbook, link)
    return [str(workbook), "--annotate", str(link)], "validate.annotate_same_file", {}


def _output_is_the_annotated_copy(tmp: Path) -> tuple[list[str], str, dict[str, object]]:
    workbook = tmp / "filled.xlsx"
    shutil.copyfile(paths.TEMPLATES_DIR / "mcds-template.xlsx", workbook)
    target = tmp / "annotated.xlsx"
    return ([str(workbook), "--annotate", str(target), "--output", str(target)], "output.twice", {"path": target})


VALIDATE_CASES = {
    "--output is the input": _output_is_the_input,
    "--output spelled with ..": _output_spelled_otherwise,
    "--output a hard link to the input": _output_hard_link,
    "--output a symbolic link to the input": _output_symbolic_link,
    "--output inside the package folder": _output_in_the_package,
    "--output over a table of a descriptor": _output_over_a_table_of_a_descriptor,
    "--output a hard link to a table": _output_hard_link_into_the_package,
    "--annotate a hard link to the workbook": _annotate_hard_link,
    "--output and --annotate the same file": _output_is_the_annotated_copy,
}


@pytest.mark.parametrize("case", VALIDATE_CASES, ids=list(VALIDATE_CASES))
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_validate_never_writes_over_its_input(case: str, lang: str, tmp_path: Path) -> None:
    args, key, values = VALIDATE_CASES[case](tmp_path)
    before = _tree(tmp_path)
    code, output = _run_cli(["validate", *args], lang)
    assert code == 2, output
    assert output.strip() == t(key, lang, **values)
    assert _tree(tmp_path) == before


def test_validate_still_writes_its_report_beside_the_input(tmp_path: Path) -> None:
    """The checks refuse only what they must: a report beside the package is written."""
    folder = _package(tmp_path)
    code, output = _run_cli(["validate", str(folder), "--format", "json", "--output", str(tmp_path / "report.json")])
    assert code == 0, output
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))


def test_migrate_refuses_an_out_inside_the_package(tmp_path: Path) -> None:
    folder = _package(tmp_path)
    before = _tree(folder)
    out = folder / "migrated"
    code, output = _run_cli(["migrate", str(folder), "--to", "0.1.0", "--out", str(out)], "en")
    assert code == 2, output
    assert output.strip() == t("output.inside_input", "en", path=out, source=folder)
    assert _tree(folder) == before and not out.exists()


def test_codelists_import_refuses_to_install_the_installed_table_over_itself(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MCDS_DATA_DIR", str(tmp_path / "data"))
    source = tmp_path / "noc.csv"
    source.write_text("Level,Hierarchical structure,Code - NOC 2021 V1.0,Class title,Class definition\n"
                      "5,Unit group,21211,Data scientists,\n", encoding="utf-8")
    code, output = _run_cli(["codelists", "import", str(source)], "en")
    assert code == 0, output
    installed = tmp_path / "data" / "classifications" / "noc.csv"
    before = installed.read_bytes()
    code, output = _run_cli(["codelists", "import", str(installed), "--kind", "noc"], "fr")
    assert code == 2, output
    assert output.strip() == t("output.is_input", "fr", path=installed, source=installed)
    assert installed.read_bytes() == before


# -- 3. One build at a time into one folder ------------------------------------------------------------------

HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from mcds.portal.site import claim
    with claim(Path(sys.argv[1])):
        print("held", flush=True)
        time.sleep(600)
""")


def test_a_second_build_into_the_same_folder_stops_at_once_and_a_killed_one_leaves_no_lock(
        tmp_path: Path, inputs: dict[str, Path], trees: dict[str, dict[str, bytes]]) -> None:
    out = tmp_path / "site"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(out)], stdout=subprocess.PIPE, text=True,
                              cwd=tmp_path)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        second = subprocess.run(build_command(inputs["before"], out, "fr"), cwd=tmp_path, capture_output=True,
                                text=True, timeout=120)
        waited = time.monotonic() - started
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert second.returncode == 2, second.stderr
    assert second.stderr.strip() == t("portal.build.busy", "fr", path=out)
    assert not out.exists()
    # It did not validate or build anything: it stopped before the submissions were read.
    assert not (tmp_path / ".mcds-cache").exists(), f"the second build worked for {waited:.1f} s before stopping"
    # The holder was killed with SIGKILL while holding the lock: the system released it.
    build(inputs["before"], out, tmp_path)
    assert _tree(out) == trees["before"]
    assert leftovers(out) == [], "a build that ended removes its lock file"


# -- 4. A killed build costs nothing -------------------------------------------------------------------------

DRIVER = textwrap.dedent("""
    import os, pathlib, signal, sys

    def die(*_args, **_kwargs):
        os.killpg(os.getpgid(0), signal.SIGKILL)

    def on_call(owner, name, number):
        original = getattr(owner, name)
        calls = []

        def patched(*args, **kwargs):
            calls.append(1)
            if len(calls) == number:
                die()
            return original(*args, **kwargs)

        setattr(owner, name, patched)

    {patch}
    from mcds.cli import main
    sys.argv[0] = "mcds"
    main()
""")

NO_EXCHANGE = """
    import mcds.portal.site as site
    site._exchange = lambda a, b: False
    rename = pathlib.Path.rename
    def rename_then_die(self, target):
        moved = rename(self, target)
        if pathlib.Path(target).name == "replaced":
            die()
        return moved
    pathlib.Path.rename = rename_then_die
"""

REMOVING = """
    import shutil
    rmtree = shutil.rmtree
    def die_halfway_through_removing_the_staging_folder(path, *args, **kwargs):
        removed = rmtree(path, *args, **kwargs)
        if pathlib.Path(path).parent.name.startswith(".site.building-"):
            die()
        return removed
    shutil.rmtree = die_halfway_through_removing_the_staging_folder
"""

# Where the build is killed, and whether the new site was already in place at that moment.
KILL_POINTS = {
    "while the workers write catalogue pages": (
        "import mcds.portal.catalogue_pages as c; on_call(c, '_write_pages', 2)", "before"),
    "with the new site complete, before the swap": (
        "import mcds.portal.site as s; on_call(s, '_swap_into', 1)", "before"),
    "between the two renames of a swap without exchange": (NO_EXCHANGE, None),
    "after the swap, before the page keys are recorded": (
        "from mcds.portal.catalogue_pages import CataloguePages as c; on_call(c, 'remember', 1)", "after"),
    "halfway through removing the staging folder": (REMOVING, "after"),
}


def _killed_build(submissions: Path, out: Path, workdir: Path, patch: str) -> int:
    script = DRIVER.format(patch=textwrap.dedent(patch).strip())
    command = [sys.executable, "-c", script, *build_command(submissions, out)[3:]]
    process = subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=600,
                             start_new_session=True)
    return process.returncode


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory, inputs: dict[str, Path]) -> dict[str, object]:
    """A folder where the first version was published: its site, validation results and page keys, kept aside
    so that each test starts from them again (page keys name the site's absolute path, so the folder stays)."""
    work = tmp_path_factory.mktemp("published")
    started = time.monotonic()
    build(inputs["before"], work / "site", work)
    length = time.monotonic() - started
    snapshot = tmp_path_factory.mktemp("snapshot") / "work"
    shutil.copytree(work, snapshot, symlinks=True)
    return {"work": work, "snapshot": snapshot, "length": length}


def _restore(published: dict[str, object]) -> tuple[Path, Path]:
    work, snapshot = Path(str(published["work"])), Path(str(published["snapshot"]))
    for item in work.iterdir():
        shutil.rmtree(item) if item.is_dir() and not item.is_symlink() else item.unlink()
    shutil.copytree(snapshot, work, dirs_exist_ok=True, symlinks=True)
    return work, work / "site"


@pytest.mark.parametrize("point", KILL_POINTS, ids=list(KILL_POINTS))
def test_a_build_killed_at_a_given_point_keeps_the_site_and_the_next_build_succeeds(
        point: str, published: dict[str, object], inputs: dict[str, Path], trees: dict[str, dict[str, bytes]]) -> None:
    tmp_path, out = _restore(published)
    patch, expected = KILL_POINTS[point]
    assert _killed_build(inputs["after"], out, tmp_path, patch) == -signal.SIGKILL
    if expected is None:
        # Without an atomic exchange the previous site was moved aside, whole, when the build was killed;
        # the next claim on the folder puts it back.
        assert not out.exists()
        with claim(out):
            assert _tree(out) == trees["before"]
    else:
        assert _tree(out) == trees[expected]
    build(inputs["after"], out, tmp_path)
    assert _tree(out) == trees["after"]
    assert leftovers(out) == []


def test_builds_killed_at_any_moment_leave_a_whole_site_and_the_next_build_succeeds(
        published: dict[str, object], inputs: dict[str, Path], trees: dict[str, dict[str, bytes]]) -> None:
    """SIGKILL to the build and its workers after a growing delay, across the whole length of a build."""
    tmp_path, out = _restore(published)
    length = float(str(published["length"]))
    outcomes = []
    for share in (0.2, 0.45, 0.7, 0.95, 1.2):  # of an in-process build; a new process takes longer
        process = subprocess.Popen(build_command(inputs["after"], out), cwd=tmp_path, start_new_session=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        time.sleep(share * length)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        _, stderr = process.communicate(timeout=600)
        assert process.returncode in (0, -signal.SIGKILL), stderr  # killed, or done before: never failed
        tree = _tree(out)
        assert tree in (trees["before"], trees["after"]), f"killed after {share:.0%}: a mix of two sites"
        outcomes.append(process.returncode)
    assert -signal.SIGKILL in outcomes
    build(inputs["after"], out, tmp_path)
    assert _tree(out) == trees["after"]
    assert leftovers(out) == []


def test_a_build_refuses_an_out_inside_or_holding_its_previous_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     inputs: dict[str, Path]) -> None:
    """--previous is read, unless it is the site being replaced: --previous site --out site is the usual case."""
    monkeypatch.chdir(tmp_path)
    previous = tmp_path / "site"
    shutil.copytree(inputs["site-before"], previous)
    before = _tree(previous)
    submissions = str(inputs["after"])
    code, output = _run_cli(["build", "--submissions", submissions, "--previous", str(previous),
                             "--out", str(previous / "next")])
    assert (code, output.strip()) == (2, t("output.inside_input", "fr", path=previous / "next", source=previous))
    (previous / "old").mkdir()
    code, output = _run_cli(["build", "--submissions", submissions, "--previous", str(previous / "old"),
                             "--out", str(previous)])
    assert (code, output.strip()) == (2, t("output.holds_input", "fr", path=previous, source=previous / "old"))
    (previous / "old").rmdir()
    assert _tree(previous) == before


def test_only_staging_folders_of_killed_builds_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "site"
    ours = tmp_path / ".site.building-killed"
    (ours / "site" / "en").mkdir(parents=True)
    (ours / ".mcds-staging").write_text(".mcds-staging", encoding="utf-8")
    empty = tmp_path / ".site.building-empty"
    empty.mkdir()
    theirs = tmp_path / ".site.building-notes"
    theirs.mkdir()
    (theirs / "notes.txt").write_text("keep me", encoding="utf-8")
    with claim(out):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.building-notes"]
    assert (theirs / "notes.txt").read_text(encoding="utf-8") == "keep me"


# -- 5. A damaged cache only costs time ----------------------------------------------------------------------

def _cut(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _unreadable(path: Path) -> None:
    """As root (in CI containers) permissions do not stop reading: a folder in the file's place does."""
    path.unlink()
    path.mkdir()


def _rewrite(path: Path, content: dict[str, object]) -> None:
    """Replace the entry with `content`, keeping the site a page-keys file names so that only its keys are wrong."""
    site = json.loads(path.read_text(encoding="utf-8")).get("site")
    path.write_text(json.dumps({**content, "site": site}), encoding="utf-8")


DAMAGE = {
    "truncated": _cut,
    "empty": lambda path: path.write_bytes(b""),
    "garbage": lambda path: path.write_bytes(b"\xff\xfe\x00garbage\x80"),
    "a JSON list": lambda path: path.write_text("[1, 2, 3]", encoding="utf-8"),
    "a JSON string": lambda path: path.write_text('"valid"', encoding="utf-8"),
    "an object of the wrong shape": lambda path: _rewrite(
        path, {"valid": "yes", "errors": -1, "warnings": None, "keys": [1]}),
    "an object that contradicts itself": lambda path: _rewrite(
        path, {"valid": True, "errors": 2, "warnings": 0, "keys": {"en/x": 1}}),
    "unreadable": _unreadable,
}


@pytest.fixture(scope="module")
def cached(tmp_path_factory: pytest.TempPathFactory, inputs: dict[str, Path]) -> dict[str, Path]:
    """A folder where the site was built once, with its validation results and page keys in .mcds-cache/."""
    work = tmp_path_factory.mktemp("cached")
    build(inputs["after"], work / "site", work)
    return {"work": work, "site": work / "site"}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_cache_only_costs_time(damage: str, cached: dict[str, Path], inputs: dict[str, Path],
                                         trees: dict[str, dict[str, bytes]]) -> None:
    cache = cached["work"] / ".mcds-cache"
    submissions = len([p for p in inputs["after"].iterdir() if (p / "datapackage.json").is_file()])
    if len(list(cache.glob("*.json"))) != submissions or not list((cache / "pages").glob("*.json")):
        build(inputs["after"], cached["site"], cached["work"])  # another case removed what it had damaged
    results = sorted(cache.glob("*.json"))
    keys = sorted((cache / "pages").glob("*.json"))
    assert len(results) == submissions
    assert len(keys) == 1
    for path in [*results, *keys]:
        DAMAGE[damage](path)
    build(inputs["after"], cached["site"], cached["work"])
    assert _tree(cached["site"]) == trees["after"]
    for path in [*results, *keys]:
        if path.is_dir():  # the build could not write its result over a folder; it did not need to
            path.rmdir()
        else:
            assert isinstance(json.loads(path.read_text(encoding="utf-8")), dict), "the damaged entry was not rewritten"


# -- 6. The published site has the usual permissions ---------------------------------------------------------

def _modes(site: Path) -> set[tuple[str, str]]:
    found = {("folder", oct(site.stat().st_mode & 0o777))}
    for path in site.rglob("*"):
        found.add(("folder" if path.is_dir() else "file", oct(path.stat().st_mode & 0o777)))
    return found


@pytest.mark.parametrize(("umask", "folders", "files", "versions"),
                         [(0o022, 0o755, 0o644, ("before", "after")), (0o027, 0o750, 0o640, ("after",))])
def test_the_published_site_follows_the_umask(umask: int, folders: int, files: int, versions: tuple[str, ...],
                                              tmp_path: Path, inputs: dict[str, Path]) -> None:
    """Folders 755 and files 644 under the usual 022 umask, so that a web server running as another user can
    serve the site; and whatever the umask says otherwise, not a forced mode. Checked on a first build and on
    a rebuild that links unchanged pages from the site it replaces."""
    out = tmp_path / "site"
    for version in versions:
        build(inputs[version], out, tmp_path, umask=umask)
        assert _modes(out) == {("folder", oct(folders)), ("file", oct(files))}
    assert (out / MARKER).read_text(encoding="utf-8") == MARKER_TEXT
