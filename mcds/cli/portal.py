"""The portal's commands, `mcds build` and `mcds serve`, registered in the main group by mcds.cli."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path
from typing import Any

import click

from mcds.cli.support import lang_option, reports_errors
from mcds.errors import McdsError
from mcds.i18n import t


@click.command()
@click.option(
    "--submissions",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("datapackages"),
    show_default=True,
    help="Folder of provider submissions (for the catalogue): one data-package folder, or one .zip, .xlsx or "
    ".json file, per provider, named after the provider's identifier.",
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

    Every submission is validated first; only valid ones are published. Relative paths are taken from the
    current folder. Validation results and page keys are cached in .mcds-cache/: a submission whose content
    has not changed is not validated again, and its pages are linked from the site being replaced instead of
    being rendered again.

    \b
    Examples:
      mcds build
      mcds build --submissions datapackages --out public --site-url https://mcds.example.org/
      mcds build --previous public --out public-next
    """
    try:
        from mcds.portal.site import build_docs, claim
    except ImportError as error:
        raise McdsError("portal.needs_mkdocs") from error
    from mcds.portal.catalogue_pages import CataloguePages
    from mcds.publish.gate import gather
    from mcds.util.outputs import same_file

    # --previous is read too, unless it is the site being replaced (the usual case).
    reads = [submissions, *([previous] if previous is not None and not same_file(previous, out) else [])]
    cache = Path(".mcds-cache").absolute()
    # Claimed before validating, so that a second build into the same folder stops at once.
    with claim(out, reads=reads) as site:
        gathered = gather(submissions.absolute(), previous=previous.absolute() if previous else None, cache=cache)
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's signature
        pass


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
@lang_option
@reports_errors
def serve(directory: Path, host: str, port: int, lang: str) -> None:
    """Serve a built portal on this computer, to read it in a browser.

    \b
    Examples:
      mcds serve
      mcds serve --dir public --port 8080
    """
    directory = directory.absolute()
    if not (directory / "index.html").is_file():
        raise McdsError("portal.serve.missing", path=directory)
    handler = functools.partial(_QuietHandler, directory=str(directory))
    try:
        server = http.server.ThreadingHTTPServer((host, port), handler)
    except OSError as error:
        raise McdsError("portal.serve.cannot_listen", host=host, port=port, reason=error.strerror) from error
    with server:
        bound_host, bound_port = server.server_address[:2]
        shown_host = f"[{bound_host}]" if ":" in str(bound_host) else bound_host
        click.echo(t("portal.serve.url", lang, path=directory, url=f"http://{shown_host}:{bound_port}/"))
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            click.echo(t("portal.serve.stopped", lang))
