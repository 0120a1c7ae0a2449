"""`mcds harvest`: fetch every registered publisher's data from its website into a submissions folder."""

from __future__ import annotations

from pathlib import Path

import click

from mcds.cli.support import lang_option, reports_errors
from mcds.errors import McdsError
from mcds.i18n import in_language, t


@click.command()
@click.argument("registry", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), required=True,
              help="The harvested folder: each publisher's current data, and its status record in .harvest/. "
              "Build the portal from it with mcds build --submissions DIR.")
@click.option("--allow-private", is_flag=True,
              help="Also fetch from private, loopback and link-local addresses (a test server, a local network).")
@click.option("--jobs", type=click.IntRange(1, 64), default=8, show_default=True, help="Publishers fetched at once.")
@click.option("--timeout", type=click.FloatRange(0.1, 600), default=30.0, show_default=True,
              help="Seconds to wait for a connection and for each part of an answer.")
@click.option("--max-bytes", type=click.IntRange(1), default=256 * 2**20, show_default=True,
              help="The size limit of one downloaded file: past it the download stops.")
@click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
              help="Further attempts after a temporary failure (connection error, 429, 5xx), with back-off.")
@lang_option
@reports_errors
def harvest(registry: Path, out: Path, allow_private: bool, jobs: int, timeout: float, max_bytes: int, retries: int,
            lang: str) -> None:
    """Harvest the publishers of REGISTRY (publishers.csv, or its folder) into --out.

    The registry is checked against its table schema first. Each publisher's file is fetched (conditionally,
    so an unchanged file is not downloaded again) and put through the publication gate: a valid one becomes
    the publisher's current data; an invalid or unreachable one leaves the last good data in place, marked
    stale with the reason in the publisher's status record (.harvest/<id>.json). The provider the file
    declares must be the registry's identifier. Nothing is written outside --out.

    \b
    Examples:
      mcds harvest registry/publishers.csv --out harvested
      mcds harvest registry --out harvested --jobs 16 && mcds build --submissions harvested --out site
    """
    try:
        from mcds.harvest import fetch, run
    except ImportError as error:
        raise McdsError("harvest.needs_httpx") from error
    settings = fetch.Settings(timeout=timeout, max_bytes=max_bytes, retries=retries, allow_private=allow_private,
                              jobs=jobs)
    attempts, seconds = run.timed(registry, out, settings)
    records = run.status.read_all(out)
    for attempt in attempts:
        kept = records.get(attempt["publisher"], {}).get("stale")
        reason = in_language(attempt["reason"], lang) if attempt["reason"] else ""
        click.echo(t("harvest.line", lang, publisher=attempt["publisher"],
                     verdict=t(f"harvest.verdict.{attempt['verdict']}", lang), status=attempt["http_status"] or "—",
                     errors=attempt["errors"] if attempt["errors"] is not None else "—",
                     warnings=attempt["warnings"] if attempt["warnings"] is not None else "—",
                     reason=f" — {reason}" if reason else "", kept=f" — {t('harvest.kept', lang)}" if kept else ""))
    stale = sum(1 for r in records.values() if r.get("stale"))
    missing = sum(1 for a in attempts if not records.get(a["publisher"], {}).get("current"))
    click.echo(t("harvest.done", lang, count=len(attempts), path=out, seconds=seconds,
                 published=sum(1 for a in attempts if a["verdict"] == "published"),
                 unchanged=sum(1 for a in attempts if a["verdict"] == "unchanged"), stale=stale, missing=missing))
