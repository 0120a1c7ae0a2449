"""The portal's commands, `mcds build` and `mcds serve`, registered in the main group by mcds.cli."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from mcds.cli.support import lang_option, reports_errors
from mcds.errors import McdsError
from mcds.i18n import t

if TYPE_CHECKING:
    from mcds.publish.gate import Catalogue, Submission


@click.command()
@click.option(
    "--submissions",
    type=click.Path(path_type=Path),
    default=Path("datapackages"),
    show_default=True,
    help="Folder of provider submissions (for the catalogue): one data-package folder, or one .zip, .xlsx or "
    ".json file, per provider, named after the provider's identifier; or one submission in any of these forms "
    "(or its datapackage.json). What is not a submission is skipped, and the build says why.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),  # a file is refused by the build itself, with a message in both languages
    default=Path("site"),
    show_default=True,
    help="Folder to write the site into: new, empty or a site built before. It is replaced as a whole, only if "
    "the build succeeds; it must not hold or lie in the submissions, docs/ or schema/.",
)
@click.option(
    "--site-url",
    envvar="MCDS_SITE_URL",
    default=None,
    help="Public address of the portal root (the folder holding en/ and fr/), for absolute hreflang and "
    "canonical links. Default: mkdocs.yml's site_url without its en/ (the `mcds serve` address).",
)
@click.option(
    "--previous",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The previously published site: a submission that has become invalid keeps its last published "
    "records there, marked as stale, instead of vanishing; and the Atom feeds carry on its record of what "
    "changed when.",
)
@lang_option
@reports_errors
def build(submissions: Path, out: Path, site_url: str | None, previous: Path | None, lang: str) -> None:
    """Build the bilingual portal: the standard's documentation and the catalogue of valid submissions in /en/
    and /fr/, the standard's files in /schema/, open data in /data/.

    Every submission is validated first; only valid ones are published. What the submissions folder holds that
    is not a submission (a hidden file, a workbook's lock file, a folder without datapackage.json, a file of
    another form) is skipped, and each is named with the reason. Relative paths are taken from the
    current folder. Validation results and page keys are cached in .mcds-cache/: a submission whose content
    has not changed is not validated again, and its pages are linked from the site being replaced instead of
    being rendered again.

    \b
    Examples:
      mcds build
      mcds build --submissions datapackages --out public --site-url https://mcds.example.org/
      mcds build --previous public --out public-next
      mcds build --submissions inbox/ --out site     # folders, .zip, .xlsx and .json files side by side
      mcds build --submissions riviere-rouge-college.xlsx --out preview
    """
    try:
        from mcds.portal.site import build_docs, claim
    except ImportError as error:
        raise McdsError("portal.needs_mkdocs") from error
    from mcds.harvest.status import mark_stale
    from mcds.portal.catalogue_pages import CataloguePages
    from mcds.publish.gate import gather
    from mcds.util.outputs import same_file

    # --previous is read too, unless it is the site being replaced (the usual case).
    reads = [submissions, *([previous] if previous is not None and not same_file(previous, out) else [])]
    cache = Path(".mcds-cache").absolute()
    # Claimed before validating, so that a second build into the same folder stops at once.
    with claim(out, reads=reads) as site:
        gathered = gather(submissions.absolute(), previous=previous.absolute() if previous else None, cache=cache)
        mark_stale(gathered)  # a harvested folder: data whose latest harvest failed is the last good data
        for skipped in gathered.skipped:
            click.echo(t(f"portal.build.skipped.{skipped.reason}", lang, path=skipped.path), err=True)
        for submission in gathered.submissions:
            if submission.contested:
                click.echo(t("portal.build.contested", lang, source=submission.source,
                             identifier=submission.contested), err=True)
            elif submission.declared:
                click.echo(t("portal.build.misnamed", lang, name=submission.name, declared=submission.declared),
                           err=True)
            elif not submission.valid:
                key = "portal.build.kept_stale" if submission.stale else "portal.build.rejected"
                click.echo(t(key, lang, name=submission.name, errors=submission.errors, source=submission.source),
                           err=True)
            if submission.stale and (submission.contested or submission.declared):
                click.echo(t("portal.build.kept_previous", lang, name=submission.name), err=True)
        result = build_docs(site, site_url=site_url,
                            catalogue=CataloguePages(gathered, cache=cache,
                                                     previous=previous.absolute() if previous else None))
    click.echo(t("portal.build.done", lang, path=result.out, pages=result.pages, seconds=result.seconds))
    _summary(gathered, submissions, lang)


def _summary(gathered: Catalogue, submissions: Path, lang: str) -> None:
    """What became of each entry of the submissions folder, after the build's own line."""
    if not submissions.exists():
        click.echo(t("portal.build.no_submissions", lang, path=submissions))
        return
    published = sum(1 for s in gathered.submissions if s.document is not None and not s.stale)
    click.echo(t("portal.build.summary", lang, path=submissions, published=published,
                 rejected=len(gathered.submissions) - published, skipped=len(gathered.skipped)))
    left = [s for s in gathered.submissions if s.document is None or s.stale]
    if left:
        entries = ", ".join(f"{Path(s.source).name} ({_why_not(s, lang)})" for s in left)
        click.echo(t("portal.build.summary_rejected", lang, entries=entries))
    if gathered.skipped:
        entries = ", ".join(f"{Path(s.path).name} ({t(f'portal.build.skip_reason.{s.reason}', lang)})"
                            for s in gathered.skipped)
        click.echo(t("portal.build.summary_skipped", lang, entries=entries))


def _why_not(submission: Submission, lang: str) -> str:
    """Why a submission was not published, in a few words (the messages above say it in full)."""
    if submission.contested:
        return t("portal.build.why_not.contested", lang, identifier=submission.contested)
    if submission.declared:
        return t("portal.build.why_not.misnamed", lang, declared=submission.declared)
    return t("portal.build.why_not.invalid", lang, errors=submission.errors)


def _cores() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


@click.command()
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site"),
    show_default=True,
    help="The built site to serve.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--max-upload-mb", type=click.FloatRange(min=0, min_open=True), default=25, show_default=True,
              help="Largest file POST /api/validate accepts, in MB (checked while it arrives).")
@click.option("--timeout", "seconds", type=click.FloatRange(min=0, min_open=True), default=60, show_default=True,
              help="Seconds one validation may take; its worker is stopped past them.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Validations run at once.  [default: the number of cores]")
@click.option("--queue", type=click.IntRange(min=0), default=None,
              help="Validations that may wait for a worker; beyond them the service answers 503.  "
              "[default: 8 per worker]")
@click.option("--read-timeout", type=click.FloatRange(min=0, min_open=True), default=20, show_default=True,
              help="Seconds an upload may pause before the service gives up on it (slow clients).")
@click.option("--upload-timeout", type=click.FloatRange(min=0, min_open=True), default=300, show_default=True,
              help="Seconds one whole upload may take to arrive.")
@lang_option
@reports_errors
def serve(directory: Path, host: str, port: int, max_upload_mb: float, seconds: float, workers: int | None,
          queue: int | None, read_timeout: float, upload_timeout: float, lang: str) -> None:
    """Serve a built portal and its validation service: the site, and POST /api/validate, which answers with
    the report `mcds validate` writes for the uploaded file (.xlsx, .zip or .json). Nothing of an upload is
    kept after the answer.

    \b
    Examples:
      mcds serve
      mcds serve --dir public --port 8080
      mcds serve --host 0.0.0.0 --workers 4 --max-upload-mb 10
    """
    directory = directory.absolute()
    if not (directory / "index.html").is_file():
        raise McdsError("portal.serve.missing", path=directory)
    try:
        from mcds.service.app import Settings
        from mcds.service.server import serve as run
    except ImportError as error:
        raise McdsError("service.needs_portal") from error
    workers = workers or _cores()
    settings = Settings(site=directory, max_bytes=int(max_upload_mb * 1_000_000), seconds=seconds, workers=workers,
                        queue=8 * workers if queue is None else queue, idle_seconds=read_timeout,
                        upload_seconds=upload_timeout)
    try:
        run(settings, host, port, lambda url: click.echo(t("portal.serve.url", lang, path=directory, url=url)))
    except KeyboardInterrupt:
        pass
    click.echo(t("portal.serve.stopped", lang))
