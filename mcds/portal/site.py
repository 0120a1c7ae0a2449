"""Build the bilingual documentation site: /en/ and /fr/ with MkDocs, /schema/ downloads, a root language page.

Everything is built in a staging folder beside `out` and swapped into `out` at the very end, so a failed or
killed build leaves the previous site untouched. Inputs alone decide the output (dates come from git, see
mcds.portal.dates), so two builds of the same inputs are byte-identical.

Nothing is lost: the build replaces only a folder that holds its marker file (a site it built), never one
that holds or lies in what it reads, and holds a lock beside `out` so that a second build into the same folder
stops at once. A killed build's staging folder is removed by the next build into the same folder (see
mcds.portal.outfolder).
"""

from __future__ import annotations

import copy
import ctypes
import io
import logging
import os
import shutil
import time
from collections.abc import Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mcds.errors import McdsError
from mcds.evolution.changelog import FILES as CHANGELOGS
from mcds.evolution.changelog import latest_release_date
from mcds.i18n import LANGUAGES
from mcds.portal import home, outfolder, search, sitemaps
from mcds.portal.catalogue_pages import SHELL_PAGES, CataloguePages
from mcds.portal.changelog import render_changelog
from mcds.portal.dates import SourceDates
from mcds.portal.exports_page import SAMPLE
from mcds.portal.markdown import summary
from mcds.portal.reference import open_data_nav, reference_nav, render_reference
from mcds.portal.reference_model import Standard, load_standard
from mcds.portal.words import WORDS, word
from mcds.standard import paths
from mcds.standard.versions import releases
from mcds.util import templates
from mcds.util.outputs import check_folder_output, inside, resolved

CHANGELOG_PAGE = "about/changelog.md"
# Words the theme overrides (docs/overrides/) use, passed to them as config.extra.mcds.words.
THEME_WORDS = ("date_modified", "not_found.title", "not_found.text", "licence_short", "licence_link",
               "search_dialog", "home", "feed_title", "search.open", "search.field",
               "search.kind.documentation")
# The root page's <meta name="generator">.
GENERATOR = "mcds portal"


@dataclass(frozen=True)
class Sources:
    """Where the inputs of the build live (a checkout by default; tests point it at copies)."""

    root: Path = paths.ROOT
    config_file: Path = paths.ROOT / "mkdocs.yml"
    docs_dir: Path = paths.DOCS_DIR
    generated_dir: Path = paths.GENERATED_DIR
    changelog: Path = paths.ROOT / CHANGELOGS["en"]
    changelog_fr: Path = paths.ROOT / CHANGELOGS["fr"]


@dataclass(frozen=True)
class BuildResult:
    out: Path
    pages: int  # documentation pages, both languages together
    seconds: float
    version: str
    warnings: list[str] = field(default_factory=list)


def navigation(standard: Standard, lang: str, catalogue: CataloguePages | None = None) -> list[Any]:
    """The navigation of one language. Hand-written pages are listed here; MkDocs strict mode fails the
    build when a page under docs/<lang>/ is missing from it, so a new page cannot be forgotten."""
    return [
        {word("home", lang): "index.md"},
        *([catalogue.nav(lang)] if catalogue is not None else []),
        {word("nav.standard", lang): ["standard/overview.md", "standard/providers.md", "standard/validate.md"]},
        {word("nav.open_data", lang): open_data_nav()},
        {word("nav.reference", lang): reference_nav(standard, lang)},
        {word("nav.about", lang): ["about/governance.md", "about/contributing.md", CHANGELOG_PAGE,
                                   "about/licence.md"]},
    ]


def stage_docs(sources: Sources, standard: Standard, lang: str, target: Path, dates: SourceDates,
               catalogue: CataloguePages | None = None, root_url: str = "") -> dict[str, str]:
    """Copy docs/<lang> and docs/assets into `target`, add the generated pages; return {page: date}."""
    hand_written = sources.docs_dir / lang
    shutil.copytree(hand_written, target)
    shutil.copytree(sources.docs_dir / "assets", target / "assets", dirs_exist_ok=True)
    page_dates = {
        p.relative_to(target).as_posix(): dates.of(hand_written / p.relative_to(target))
        for p in sorted(target.rglob("*.md"))
    }
    model_file = sources.generated_dir / "mcds.model.json"
    changelog_text = sources.changelog.read_text(encoding="utf-8")
    generated = render_reference(standard, lang, releases=releases(sources.generated_dir.parent / "releases"),
                                 open_data=catalogue.open_data if catalogue is not None else None, base_url=root_url,
                                 sample=sources.root / "datapackages" / SAMPLE)
    french_text = sources.changelog_fr.read_text(encoding="utf-8") if sources.changelog_fr.is_file() else ""
    generated[CHANGELOG_PAGE] = render_changelog(changelog_text, lang, french_text)
    generated[search.PAGE] = search.page(lang, catalogue is not None)
    home_page = target / "index.md"
    home_page.write_text(home.fill(home_page.read_text(encoding="utf-8"), catalogue, lang), encoding="utf-8")
    catalogue_pages = catalogue.markdown_pages(lang) if catalogue is not None else {}
    for page, text in catalogue_pages.items():
        if page in page_dates or page in generated:
            raise McdsError("portal.build.page_conflict", folder=lang, page=page)
        page_dates[page] = catalogue.page_dates()[page]
        destination = target / page
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(text, encoding="utf-8")
    for page, text in generated.items():
        if page in page_dates:
            raise McdsError("portal.build.page_conflict", folder=lang, page=page)
        if page == CHANGELOG_PAGE:
            source_files = [sources.changelog, sources.changelog_fr] if lang == "fr" else [sources.changelog]
        elif page.startswith("reference/codelists/"):
            source_files = [model_file, sources.generated_dir / "codelists" / (Path(page).stem + ".csv")]
        elif page == "reference/downloads.md":
            source_files = sorted(p for p in sources.generated_dir.rglob("*") if p.is_file())
        else:
            source_files = [model_file]
        page_dates[page] = dates.of(*source_files)
        if page == "reference/downloads.md" and catalogue is not None:  # it lists the catalogue's files too
            page_dates[page] = max(page_dates[page], catalogue.latest)
        destination = target / page
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(text, encoding="utf-8")
    return page_dates


def language_config(base: dict[str, Any], sources: Sources, standard: Standard, lang: str, docs_dir: Path,
                    site_dir: Path, root_url: str, catalogue: CataloguePages | None = None) -> dict[str, Any]:
    """The MkDocs configuration of one language, derived from mkdocs.yml (the English base)."""
    config = copy.deepcopy(base)
    sites = {code: f"{root_url}{code}/" for code in LANGUAGES}
    other = next(code for code in LANGUAGES if code != lang)
    config.update(
        site_name=standard.model["title"][lang],
        site_description=summary(standard.model["description"][lang]),
        site_url=sites[lang],
        docs_dir=str(docs_dir),
        site_dir=str(site_dir),
        nav=navigation(standard, lang, catalogue),
    )
    # The search page is reached from the header's search form, not from the navigation; the shells that
    # catalogue pages are poured into are rendered but kept out of it too.
    config["not_in_nav"] = "\n".join([search.PAGE, *(SHELL_PAGES if catalogue is not None else ())])
    theme = config["theme"]
    theme["language"] = lang
    theme["custom_dir"] = str((sources.config_file.parent / theme["custom_dir"]).resolve())
    config["markdown_extensions"] = [
        {"toc": {**extension["toc"], "permalink_title": word("permalink", lang)}}
        if isinstance(extension, dict) and "toc" in extension else extension
        for extension in config.get("markdown_extensions", [])
    ]
    extra = config.setdefault("extra", {})
    # The header shows the language toggle only when extra.alternate is set; docs/overrides renders it as a
    # link to the same page in the other language.
    extra["alternate"] = [{"name": WORDS[f"language_name.{other}"][lang], "link": sites[other], "lang": other}]
    extra["mcds"] = {
        "lang": lang,
        "other": other,
        "other_name": WORDS[f"language_name.{other}"][lang],
        "sites": sites,
        "catalogue": catalogue is not None,  # the catalogue's feeds and data exist
        "words": {key.replace(".", "_"): word(key, lang) for key in THEME_WORDS},
    }
    return config


@contextmanager
def _source_date_epoch(date: str) -> Iterator[None]:
    """MkDocs stamps sitemap.xml and its gzip header with the build time unless SOURCE_DATE_EPOCH is set."""
    from datetime import datetime, timezone

    epoch = int(datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=timezone.utc).timestamp())
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


class _MkDocsFailed(Exception):
    """MkDocs stopped; the message lists its warnings and errors."""


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings for the error message instead of printing them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _run_mkdocs(config: dict[str, Any], config_file: Path, page_dates: dict[str, str]) -> list[str]:
    """Build one language with the MkDocs Python API; return its warnings (strict mode fails on any)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    from mcds.portal.plugin import DatesPlugin

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        stream = io.StringIO(yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
        mkdocs_config = load_config(stream, config_file_path=str(config_file))
        mkdocs_config.plugins["mcds/dates"] = DatesPlugin(page_dates)
        build(mkdocs_config)
    except (Abort, MkDocsException) as error:
        raise _MkDocsFailed("\n".join([*collect.messages, error.format_message()])) from error
    finally:
        logger.removeHandler(collect)
    return collect.messages


def _copy_schema(generated_dir: Path, site: Path, version: str) -> None:
    """Publish every version at its stable address: schema/<v>/ for each release kept beside generated_dir
    (schema/releases/<v>/generated/, frozen), and the current version and latest from generated_dir."""
    folders = {v: generated_dir.parent / "releases" / v / "generated"
               for v in releases(generated_dir.parent / "releases")}
    # The current version comes from schema/generated/ even once released: the release check keeps the two
    # identical, and the existing promise is that /schema/<version>/ is what `mcds generate` wrote.
    folders.update({version: generated_dir, "latest": generated_dir})
    for folder, source_dir in folders.items():
        for source in sorted(p for p in source_dir.rglob("*") if p.is_file()):
            target = site / "schema" / folder / source.relative_to(source_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one atomic step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _swap_into(new: Path, out: Path, aside: Path) -> None:
    """Put the finished site `new` at `out`; the previous site stays whole until this last step, and ends in
    `new` or `aside`, inside the staging folder, which is removed afterwards."""
    if not out.exists():
        new.rename(out)
        return
    if _exchange(new, out):
        return
    # Without an atomic exchange, a build killed between these two renames leaves the previous site at
    # `aside`: the next build puts it back (outfolder.clear_leftovers).
    out.rename(aside)
    new.rename(out)


@dataclass(frozen=True)
class Claim:
    """A folder this process may build a site into, locked against other builds while the claim is held."""

    out: Path


def _check_out(out: Path, sources: Sources, reads: Sequence[Path]) -> None:
    """Refuse an --out folder the build must not replace (McdsError, exit code 2)."""
    if out.exists() and not out.is_dir():
        raise McdsError("portal.build.out_is_file", path=out)
    check_folder_output(out, [*reads, sources.docs_dir, sources.generated_dir.parent])
    for kept in (sources.root, Path.home(), Path(out.anchor)):
        if inside(kept, out):
            raise McdsError("portal.build.out_protected", path=out, kept=resolved(kept))
    if out.exists() and any(out.iterdir()) and not outfolder.is_built_site(out):
        raise McdsError("portal.build.not_a_site", path=out)


@contextmanager
def claim(out: Path | Claim, *, sources: Sources | None = None, reads: Sequence[Path] = ()) -> Iterator[Claim]:
    """Claim the folder `out` for one build: check that the build may replace it (not a file, not a folder it
    did not build, not one that holds or lies in `reads` or the sources), lock it so that a second build into
    it stops at once, and clear what a killed build left beside it. A Claim already held is passed through.

    The lock is an flock on .<out>.lock beside `out`: the system releases it when the process ends, however
    it ends, so a killed build never leaves a stale lock (only the file, which the next build reuses)."""
    if isinstance(out, Claim):
        yield out
        return
    folder = resolved(out)
    _check_out(folder, sources or Sources(), reads)
    with outfolder.locked(folder):
        _check_out(folder, sources or Sources(), reads)  # again: another build may have changed it meanwhile
        outfolder.clear_leftovers(folder)
        yield Claim(folder)


def build_docs(out: Path | Claim, *, site_url: str | None = None, sources: Sources | None = None,
               catalogue: CataloguePages | None = None, reads: Sequence[Path] = ()) -> BuildResult:
    """Build the documentation portal into `out` (replaced as a whole, only when the build succeeds).

    `site_url` is the public address of the portal root (the folder that holds en/ and fr/), used for the
    absolute hreflang and canonical links; it defaults to mkdocs.yml's site_url without its "en/".
    `catalogue`, when given, adds the Find and statistics pages to the MkDocs build and then renders the
    catalogue's record, provider and browse pages, index and downloads into the staged site before the swap.
    `out` is claimed for the build (see `claim`), unless it is a Claim the caller already holds; `reads` are
    the other folders the build reads (the submissions), which `out` must not hold or lie in.
    """
    sources = sources or Sources()
    with claim(out, sources=sources, reads=reads) as held:
        return _build(held.out, site_url, sources, catalogue)


def _build(out: Path, site_url: str | None, sources: Sources, catalogue: CataloguePages | None) -> BuildResult:
    start = time.monotonic()
    standard = load_standard(sources.generated_dir)
    base = yaml.safe_load(sources.config_file.read_text(encoding="utf-8"))
    root_url = site_url or base["site_url"].removesuffix("en/")
    root_url = root_url if root_url.endswith("/") else root_url + "/"
    changelog_text = sources.changelog.read_text(encoding="utf-8")
    dates = SourceDates.collect(
        sources.root, [sources.docs_dir, sources.generated_dir, sources.changelog, sources.changelog_fr],
        latest_release_date(changelog_text),
    )
    try:
        area = outfolder.new_staging(out)
    except OSError as error:
        raise McdsError("portal.build.failed", path=out, reason=error.strerror or str(error)) from error
    staged_site = area / "site"
    pages = 0
    warnings: list[str] = []
    try:
        # Made with mkdir, not mkdtemp, so that the published folder has the umask's mode (755 under 022)
        # like every folder in it, and a web server running as another user can read it.
        staged_site.mkdir()
        outfolder.mark_site(staged_site)
        if catalogue is not None:
            catalogue.write_open_data(staged_site / "data")
        with _source_date_epoch(dates.fallback):
            for lang in LANGUAGES:
                docs_dir = area / "docs" / lang
                page_dates = stage_docs(sources, standard, lang, docs_dir, dates, catalogue, root_url)
                config = language_config(base, sources, standard, lang, docs_dir, staged_site / lang, root_url, catalogue)
                warnings += _run_mkdocs(config, sources.config_file, page_dates)
                pages += len(page_dates)
        _copy_schema(sources.generated_dir, staged_site, standard.version)
        (staged_site / "index.html").write_text(
            templates.environment("mcds.portal", html=True).get_template("root-index.html").render(
                title=standard.model["title"], description=standard.model["description"],
                sites={code: f"{root_url}{code}/" for code in LANGUAGES}, generator=GENERATOR,
                words=WORDS,
            ),
            encoding="utf-8",
        )
        if catalogue is not None:
            pages += catalogue.render(staged_site, root_url, previous=out if outfolder.is_built_site(out) else None)
            catalogue.forget(out)
        # The search covers what the site holds: indexed last, from the staged pages.
        search.index_site(staged_site, catalogue)
        sitemaps.finish(staged_site, root_url)
        _swap_into(staged_site, out, area / outfolder.ASIDE)
        if catalogue is not None:
            catalogue.remember(out)
    except _MkDocsFailed as error:
        raise McdsError("portal.build.failed", path=out, reason=str(error)) from error
    except (OSError, BrokenProcessPool) as error:  # a full disk, or a worker killed (for lack of memory)
        raise McdsError("portal.build.failed", path=out, reason=getattr(error, "strerror", None) or str(error)) from error
    finally:
        outfolder.remove_staging(area)
    return BuildResult(out=out, pages=pages, seconds=time.monotonic() - start, version=standard.version,
                       warnings=warnings)
