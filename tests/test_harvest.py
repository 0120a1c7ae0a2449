"""mcds harvest against a real HTTP server on this machine (tests/harvest_support.py), never a mock: each outcome
a publisher's website can give (a good file in each form, an invalid one, a missing one, a slow one, an
oversized one, a redirect loop, a temporary failure, a changed then unchanged one, a file of another provider)
ends as the issue asks: valid data published, the last good data kept and marked stale with the reason, no
download when nothing changed, private addresses refused without --allow-private. Also: the registry itself
matches its table schema, and a broken registry stops the harvest before anything is fetched."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path

import harvest_support as hs
import pytest
from click.testing import CliRunner

from mcds import __version__
from mcds.cli import main
from mcds.harvest import fetch, registry, run, status
from mcds.i18n import LANGUAGES, t
from mcds.publish.gate import gather

GOOD = "kestrel-bay-college"
ZIPPED = "fundy-shore-university"
PACKAGED = "lumenquai-learning"
FAST = fetch.Settings(timeout=1.0, retries=0, backoff=0.01, allow_private=True, jobs=4)


@pytest.fixture
def server() -> Iterator[hs.Server]:
    started = hs.start(hs.Server())
    yield started
    hs.stop(started)


def harvest(tmp_path: Path, server: hs.Server, rows: list[tuple[str, str]], settings: fetch.Settings = FAST,
            out: str = "harvested") -> dict[str, dict]:
    registry_file = hs.registry(tmp_path / "registry", [(pid, server.url(path)) for pid, path in rows])
    attempts = run.harvest(registry_file, tmp_path / out, settings)
    return {attempt["publisher"]: attempt for attempt in attempts}


def record(tmp_path: Path, publisher: str, out: str = "harvested") -> dict:
    return json.loads((tmp_path / out / status.STATE / f"{publisher}.json").read_text(encoding="utf-8"))


# -- The registry --------------------------------------------------------------------------------------------

def test_the_registry_lists_the_sample_providers_at_example_addresses() -> None:
    publishers = registry.load(hs.REGISTRY / "publishers.csv")
    assert [p.id for p in publishers] == sorted(p.name for p in hs.SAMPLES.iterdir() if p.is_dir())
    assert all(p.data_url.split("/")[2].endswith(".example") for p in publishers)
    assert {p.form for p in publishers} == {".zip", ".xlsx", ".json", "datapackage"}
    assert all(p.names["en"].strip() and p.names["fr"].strip() for p in publishers)


def test_a_broken_registry_is_refused_in_both_languages_before_anything_is_fetched(tmp_path: Path,
                                                                                      server: hs.Server) -> None:
    registry_file = hs.registry(tmp_path / "registry", [(GOOD, server.url("/a.json")), ("Bad Id", "ftp://x/y.txt")])
    for lang, words in (("en", 'row 3, column "id"'), ("fr", "ligne 3, colonne « id »")):
        result = CliRunner().invoke(main, ["harvest", str(registry_file), "--out", str(tmp_path / "out"),
                                           "--allow-private", "--lang", lang])
        assert result.exit_code == 2
        assert words in result.output and "data_url" in result.output
    assert server.log == [] and not (tmp_path / "out").exists()


# -- Each outcome ------------------------------------------------------------------------------------------------

def test_good_files_in_every_form_are_published_and_the_build_reads_them(tmp_path: Path, server: hs.Server) -> None:
    server.routes.update({"/k/data.json": hs.as_json(GOOD), f"/f/{ZIPPED}.zip": hs.as_zip(ZIPPED),
                          **hs.package_routes(PACKAGED, "/l")})
    attempts = harvest(tmp_path, server, [(GOOD, "/k/data.json"), (ZIPPED, f"/f/{ZIPPED}.zip"),
                                          (PACKAGED, "/l/datapackage.json")])
    assert {pid: a["verdict"] for pid, a in attempts.items()} == dict.fromkeys((GOOD, ZIPPED, PACKAGED), "published")
    out = tmp_path / "harvested"
    assert (out / f"{GOOD}.json").is_file() and (out / f"{ZIPPED}.zip").is_file()
    assert (out / PACKAGED / "datapackage.json").is_file()
    assert all(log.user_agent.startswith(f"MCDS-harvest/{__version__} ") for log in server.log)
    kept = record(tmp_path, GOOD)
    assert kept["current"]["path"] == f"{GOOD}.json" and kept["stale"] is False and kept["attempts"][0]["http_status"] == 200
    catalogue = gather(out)  # what mcds build --submissions reads: the status folder is not a submission
    assert sorted(s.name for s in catalogue.published) == sorted([GOOD, ZIPPED, PACKAGED])
    assert {s.checksum for s in catalogue.published} == {record(tmp_path, p)["current"]["checksum"]
                                                          for p in (GOOD, ZIPPED, PACKAGED)}


def _published_then(tmp_path: Path, server: hs.Server, path: str, then, settings: fetch.Settings = FAST) -> dict:  # noqa: ANN001
    server.routes[path] = hs.as_json(GOOD)
    assert harvest(tmp_path, server, [(GOOD, path)])[GOOD]["verdict"] == "published"
    good = (tmp_path / "harvested" / f"{GOOD}.json").read_bytes()
    then()
    attempt = harvest(tmp_path, server, [(GOOD, path)], settings)[GOOD]
    assert (tmp_path / "harvested" / f"{GOOD}.json").read_bytes() == good, "the last good data is kept"
    kept = record(tmp_path, GOOD)
    assert kept["stale"] is True and kept["reason"] == attempt["reason"] and set(attempt["reason"]) == set(LANGUAGES)
    assert [a["verdict"] for a in kept["attempts"]] == ["published", attempt["verdict"]]
    return attempt


def test_an_invalid_file_keeps_the_last_good_data_with_the_reason_and_findings(tmp_path: Path, server: hs.Server) -> None:
    def break_it() -> None:
        server.routes["/k.json"] = hs.as_json(GOOD, lambda d: d["microcredentials"][0].update(workload_hours=-5))

    attempt = _published_then(tmp_path, server, "/k.json", break_it)
    assert attempt["verdict"] == "invalid" and attempt["errors"] >= 1
    assert attempt["reason"]["en"] == f"The new file has {attempt['errors']} errors."
    assert attempt["findings"][0]["severity"] == "error"
    assert "workload_hours" in attempt["findings"][0]["message"]["en"]
    assert attempt["findings"][0]["message"]["fr"] != attempt["findings"][0]["message"]["en"]


def test_a_missing_file_keeps_the_last_good_data(tmp_path: Path, server: hs.Server) -> None:
    attempt = _published_then(tmp_path, server, "/k.json", lambda: server.routes.pop("/k.json"))
    assert (attempt["verdict"], attempt["http_status"]) == ("unreachable", 404)
    assert "HTTP 404" in attempt["reason"]["en"] and "HTTP 404" in attempt["reason"]["fr"]


def test_a_slow_server_times_out_and_the_last_good_data_is_kept(tmp_path: Path, server: hs.Server) -> None:
    settings = fetch.Settings(timeout=0.5, retries=0, allow_private=True)
    attempt = _published_then(tmp_path, server, "/k.json", lambda: server.routes.update({"/k.json": hs.slow(3)}), settings)
    assert attempt["verdict"] == "unreachable"
    assert attempt["reason"] == {"en": "No answer within 0.5 s.", "fr": "Aucune réponse en 0.5 s."}


@pytest.mark.parametrize("route", ["endless", "declared"])
def test_an_oversized_file_is_stopped_at_the_limit(tmp_path: Path, server: hs.Server, route: str) -> None:
    body = hs.endless() if route == "endless" else b"x" * 300_000  # no length given / a length past the limit
    settings = fetch.Settings(timeout=2, retries=0, allow_private=True, max_bytes=200_000)
    attempt = _published_then(tmp_path, server, "/k.json", lambda: server.routes.update({"/k.json": body}), settings)
    assert attempt["verdict"] == "refused"
    assert attempt["reason"]["en"] == "The file is larger than the limit of 200000 bytes: the download was stopped."
    assert not list((tmp_path / "harvested" / status.STATE).glob("work*")), "the partial download is removed"


def test_a_redirect_loop_is_refused(tmp_path: Path, server: hs.Server) -> None:
    def loop() -> None:
        server.routes.update({"/k.json": hs.redirect("/a.json"), "/a.json": hs.redirect("/k.json")})

    attempt = _published_then(tmp_path, server, "/k.json", loop)
    assert attempt["verdict"] == "refused" and "redirect" in attempt["reason"]["en"]
    assert len(server.requests("/a.json")) == 1, "a loop is seen at once, not followed to the limit"


def test_a_redirect_chain_past_the_limit_is_refused(tmp_path: Path, server: hs.Server) -> None:
    server.routes.update({f"/r{n}.json": hs.redirect(f"/r{n + 1}.json") for n in range(10)})
    attempt = harvest(tmp_path, server, [(GOOD, "/r0.json")], fetch.Settings(retries=0, allow_private=True,
                                                                           max_redirects=3))[GOOD]
    assert attempt["verdict"] == "refused" and "More than 3 redirects" in attempt["reason"]["en"]
    assert [log.path for log in server.log] == ["/r0.json", "/r1.json", "/r2.json", "/r3.json"]
    assert record(tmp_path, GOOD)["stale"] is False, "nothing to keep: never harvested before"


def test_a_temporary_failure_is_retried(tmp_path: Path, server: hs.Server) -> None:
    server.routes["/k.json"] = hs.flaky(hs.as_json(GOOD), failures=2)
    settings = fetch.Settings(retries=2, backoff=0.01, allow_private=True)
    assert harvest(tmp_path, server, [(GOOD, "/k.json")], settings)[GOOD]["verdict"] == "published"
    assert [log.status for log in server.requests("/k.json")] == [503, 503, 200]


def test_an_unchanged_file_is_not_downloaded_again_and_a_changed_one_is(tmp_path: Path, server: hs.Server) -> None:
    server.routes["/k.json"] = hs.as_json(GOOD)
    first = harvest(tmp_path, server, [(GOOD, "/k.json")])[GOOD]
    data = tmp_path / "harvested" / f"{GOOD}.json"
    stamp = data.stat().st_mtime_ns
    second = harvest(tmp_path, server, [(GOOD, "/k.json")])[GOOD]
    conditional = server.requests("/k.json")[-1]
    assert conditional.if_none_match and conditional.if_modified_since == hs.LAST_MODIFIED and conditional.status == 304
    assert (second["verdict"], second["http_status"], second["checksum"]) == ("unchanged", 304, first["checksum"])
    assert data.stat().st_mtime_ns == stamp
    server.routes["/k.json"] = hs.as_json(GOOD, lambda d: d.update(last_updated="2026-12-02"))
    third = harvest(tmp_path, server, [(GOOD, "/k.json")])[GOOD]
    assert server.requests("/k.json")[-1].status == 200
    assert third["verdict"] == "published" and third["checksum"] != first["checksum"]
    kept = record(tmp_path, GOOD)
    assert kept["current"]["checksum"] == third["checksum"] and kept["current"]["since"] == third["time"]


def test_an_unchanged_package_sends_a_conditional_request_for_every_file(tmp_path: Path, server: hs.Server) -> None:
    server.routes.update(hs.package_routes(PACKAGED, "/l"))
    assert harvest(tmp_path, server, [(PACKAGED, "/l/datapackage.json")])[PACKAGED]["verdict"] == "published"
    before = len(server.log)
    assert harvest(tmp_path, server, [(PACKAGED, "/l/datapackage.json")])[PACKAGED]["verdict"] == "unchanged"
    again = server.log[before:]
    assert again and all(log.status == 304 and log.if_none_match for log in again)


def test_a_file_of_another_provider_is_refused(tmp_path: Path, server: hs.Server) -> None:
    server.routes["/other.json"] = hs.as_json(GOOD)
    attempt = harvest(tmp_path, server, [("maplecrest-career-college", "/other.json")])["maplecrest-career-college"]
    assert attempt["verdict"] == "invalid"
    assert attempt["reason"]["en"] == ('The file declares the provider "kestrel-bay-college", but the registry lists this '
                                       'publisher as "maplecrest-career-college".')
    assert "provider-mismatch" in [f["code"] for f in attempt["findings"]]
    assert not (tmp_path / "harvested" / "maplecrest-career-college.json").exists()


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_private_addresses_are_refused_without_the_flag(tmp_path: Path, server: hs.Server, host: str) -> None:
    server.routes["/k.json"] = hs.as_json(GOOD)
    registry_file = hs.registry(tmp_path / "registry", [(GOOD, server.url("/k.json", host))])
    result = CliRunner().invoke(main, ["harvest", str(registry_file), "--out", str(tmp_path / "out"), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert f"{GOOD} : refusées" in result.output and "privée, de bouclage ou locale au lien" in result.output
    assert server.log == [], "no request reached the server"
    attempt = record(tmp_path, GOOD, "out")["attempts"][-1]
    assert attempt["verdict"] == "refused" and ("127.0.0.1" in attempt["reason"]["en"] or "::1" in attempt["reason"]["en"])
    with_flag = CliRunner().invoke(main, ["harvest", str(registry_file), "--out", str(tmp_path / "out"), "--allow-private"])
    assert with_flag.exit_code == 0 and f"{GOOD}: new data published" in with_flag.output


@pytest.mark.parametrize(("address", "public"), [("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.1", False),
                                                 ("192.168.1.1", False), ("169.254.169.254", False), ("::1", False),
                                                 ("fe80::1", False), ("::ffff:127.0.0.1", False), ("100.64.0.1", False),
                                                 ("0.0.0.0", False), ("8.8.8.8", True), ("2001:4860:4860::8888", True)])
def test_only_public_addresses_count_as_public(address: str, public: bool) -> None:
    assert fetch.public(address) is public


def test_the_history_is_bounded_and_nothing_is_written_outside_the_folder(tmp_path: Path, server: hs.Server) -> None:
    server.routes["/k.json"] = hs.as_json(GOOD)
    state = tmp_path / "harvested" / status.STATE
    state.mkdir(parents=True)
    old = {"publisher": GOOD, "current": None, "stale": False, "reason": None,
           "attempts": [{"time": f"2026-01-{n:02d}T00:00:00Z", "verdict": "unreachable"} for n in range(1, 61)]}
    (state / f"{GOOD}.json").write_text(json.dumps(old), encoding="utf-8")
    registry_file = hs.registry(tmp_path / "registry", [(GOOD, server.url("/k.json"))])
    before = {p: p.stat().st_mtime_ns for p in (tmp_path / "registry").iterdir()}
    outside = sorted(p for p in tmp_path.parent.iterdir())
    run.harvest(registry_file, tmp_path / "harvested", FAST)
    attempts = record(tmp_path, GOOD)["attempts"]
    assert len(attempts) == status.HISTORY >= 30 and attempts[-1]["verdict"] == "published"
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "registry").iterdir()} == before
    assert sorted(p for p in tmp_path.parent.iterdir()) == outside
    assert sorted(p.name for p in tmp_path.iterdir()) == ["harvested", "registry"]


def test_the_command_reports_each_publisher_and_a_summary_in_both_languages(tmp_path: Path, server: hs.Server) -> None:
    server.routes["/k.json"] = hs.as_json(GOOD)
    registry_file = hs.registry(tmp_path / "registry", [(GOOD, server.url("/k.json")), (ZIPPED, server.url("/z.zip"))])
    outputs = {}
    for lang in LANGUAGES:
        result = CliRunner().invoke(main, ["harvest", str(registry_file), "--out", str(tmp_path / lang),
                                           "--allow-private", "--retries", "0", "--lang", lang])
        assert result.exit_code == 0, result.output
        outputs[lang] = result.output
    assert f"{GOOD}: new data published (HTTP 200; errors: 0" in outputs["en"]
    assert f"{ZIPPED}: unreachable (HTTP 404" in outputs["en"]
    assert f"{ZIPPED} : inaccessibles (HTTP 404" in outputs["fr"]
    assert "1 new data published, 0 unchanged, 0 keeping their last good data, 1 without data" in outputs["en"]
    assert "1 nouvelles données publiées, 0 inchangées" in outputs["fr"]


def test_the_output_folder_must_not_hold_the_registry(tmp_path: Path, server: hs.Server) -> None:
    registry_file = hs.registry(tmp_path / "registry", [(GOOD, server.url("/k.json"))])
    result = CliRunner().invoke(main, ["harvest", str(registry_file), "--out", str(tmp_path), "--allow-private"])
    assert result.exit_code == 2 and "--out" in result.output and server.log == []
    assert t("harvest.out.inside_input", "en", path=tmp_path, registry=registry_file.parent.resolve()) in result.output


def test_status_records_are_json_with_every_attempt_field(tmp_path: Path, server: hs.Server) -> None:
    server.routes["/k.json"] = hs.as_json(GOOD)
    harvest(tmp_path, server, [(GOOD, "/k.json")])
    attempt = record(tmp_path, GOOD)["attempts"][0]
    assert set(attempt) == {"time", "url", "http_status", "checksum", "verdict", "errors", "warnings", "findings", "reason"}
    assert len(attempt["checksum"]) == 64 and attempt["errors"] == 0
    with (hs.REGISTRY / "publishers.csv").open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == hs.HEADER.split(",")
    assert os.access(tmp_path / "harvested" / f"{GOOD}.json", os.R_OK)


def test_validation_temporaries_stay_inside_the_folder(tmp_path: Path, server: hs.Server,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Every temporary folder made while harvesting (the gate's staged copies, in worker processes too) is
    inside DIR: each is logged, by a wrapper of tempfile.mkdtemp, to a file that forked workers append to."""
    import tempfile

    made, original = tmp_path / "made.txt", tempfile.mkdtemp

    def logged(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - tempfile.mkdtemp's own signature
        path = original(*args, **kwargs)
        with made.open("a", encoding="utf-8") as log:
            log.write(path + "\n")
        return path

    server.routes.update({"/k.json": hs.as_json(GOOD), f"/f/{ZIPPED}.zip": hs.as_zip(ZIPPED)})
    monkeypatch.setattr(tempfile, "mkdtemp", logged)
    attempts = harvest(tmp_path, server, [(GOOD, "/k.json"), (ZIPPED, f"/f/{ZIPPED}.zip")])
    assert {a["verdict"] for a in attempts.values()} == {"published"}
    folders = made.read_text(encoding="utf-8").split()
    assert folders, "the gate staged its copies in temporary folders"
    assert all(Path(f).is_relative_to(tmp_path / "harvested" / status.STATE / run.WORK) for f in folders), folders
    assert not (tmp_path / "harvested" / status.STATE / run.WORK).exists(), "and they are removed at the end"
