"""Guards the validation service of `mcds serve` (POST /api/validate) and how it serves the portal.

Why: the service answers strangers' files on a shared machine. Its report must be exactly the one
`mcds validate` writes for the same file (providers compare the two), in every format and both languages; every
limit must be refused with its own HTTP status and a bilingual message, while the upload arrives (never after
reading it all); a hostile upload (too large, a zip bomb, XML entities in a workbook, a slow client, the wrong
content type, a flood) must leave the service answering; and nothing of an upload may stay on disk after the
answer. The portal it serves must keep its content types, gzip, 404 pages and a content security policy that
allows exactly the inline scripts of each page.

A small service is started per module with tight limits on a minimal site (the limits are options of
`mcds serve`); the portal's own tests reach the full site through the session fixture `portal`, which
`mcds serve` serves with its default limits.
"""

from __future__ import annotations

import base64
import csv
import gzip
import hashlib
import http.client
import io
import json
import re
import socket
import subprocess
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import DATA_DIR
from openpyxl import load_workbook
from portal_support import BASE_SAMPLE, Portal
from service_support import MCDS, multipart, start_service, stop_service, workbook_from_package

from mcds.i18n import t
from mcds.standard import paths
from mcds.validation.render import RENDERERS

PACKAGE = paths.SUBMISSIONS_DIR / BASE_SAMPLE
JSON_EXAMPLE = DATA_DIR / "valid" / "Submission-cegep-trois-lacs.yaml"


@dataclass
class Service:
    process: subprocess.Popen[str]
    url: str
    uploads: Path  # the temporary folder the service makes its upload folders in

    @property
    def address(self) -> tuple[str, int]:
        parts = urlsplit(self.url)
        return parts.hostname or "127.0.0.1", parts.port or 80


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> dict:
        return json.loads(self.body)


def request(service: Service, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None) -> Answer:
    connection = http.client.HTTPConnection(*service.address, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        connection.close()


def upload(service: Service, filename: str, content: bytes, query: str = "", **fields: str) -> Answer:
    body, content_type = multipart(fields, filename, content)
    return request(service, "POST", "/api/validate" + query, body, {"Content-Type": content_type})


def minimal_site(folder: Path) -> Path:
    """What `mcds serve` needs to start, and the 404 pages of both languages."""
    for lang in ("en", "fr"):
        (folder / lang).mkdir(parents=True)
        (folder / lang / "404.html").write_text(f'<!doctype html><html lang="{lang}"><title>404</title></html>',
                                                 encoding="utf-8")
    (folder / "index.html").write_text('<!doctype html><html lang="en"><title>MCDS</title></html>', encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    root = tmp_path_factory.mktemp("service")
    uploads = root / "uploads"
    uploads.mkdir()
    process, url = start_service(minimal_site(root / "site"), "--workers", "1", "--queue", "0", "--max-upload-mb",
                                 "1", "--read-timeout", "1", "--upload-timeout", "4",
                                 env={"TMPDIR": str(uploads)})
    yield Service(process, url, uploads)
    stdout, stderr = stop_service(process)
    assert process.returncode == 0, stderr
    assert "Stopped." in stdout and "Traceback" not in stderr


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The inputs, each under the name a provider would give it."""
    folder = tmp_path_factory.mktemp("files")
    valid = workbook_from_package(PACKAGE, folder / f"{BASE_SAMPLE}.xlsx")
    invalid = folder / "invalid" / f"{BASE_SAMPLE}.xlsx"
    invalid.parent.mkdir()
    book = load_workbook(valid)
    sheet = book["microcredentials"]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=header.index("workload_hours") + 1, value="forty")
    sheet.cell(row=3, column=header.index("id") + 1, value="Not An Identifier")
    book.save(invalid)
    package = folder / "package.zip"
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(PACKAGE.iterdir()):
            bundle.write(path, path.name)
    document = folder / "cegep-trois-lacs.json"
    import yaml

    document.write_text(json.dumps(yaml.safe_load(JSON_EXAMPLE.read_text(encoding="utf-8")), default=str),
                        encoding="utf-8")
    return {"valid.xlsx": valid, "invalid.xlsx": invalid, "package.zip": package, "document.json": document}


@pytest.fixture(autouse=True)
def nothing_kept(request: pytest.FixtureRequest) -> Iterator[None]:
    """After every test of the small service: its upload folders are gone, and it still answers."""
    yield
    if "service" not in request.fixturenames:
        return
    found = request.getfixturevalue("service")
    assert list(found.uploads.iterdir()) == [], "an upload folder was left behind"
    assert request_health(found) == 200


def request_health(service: Service) -> int:
    return request(service, "GET", "/api/health").status


def command_report(path: Path, *options: str) -> tuple[int, str]:
    """What `mcds validate NAME` prints, run in the file's folder (as the service runs it in the upload's)."""
    result = subprocess.run([*MCDS, "validate", path.name, *options], cwd=path.parent, capture_output=True,
                            text=True, timeout=120)
    return result.returncode, result.stdout


# -- The report is the command's -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["valid.xlsx", "invalid.xlsx", "package.zip", "document.json"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_json_report_is_the_one_mcds_validate_writes(service: Service, files: dict[str, Path], name: str,
                                                         lang: str) -> None:
    path = files[name]
    answer = upload(service, path.name, path.read_bytes(), f"?format=json&lang={lang}")
    code, expected = command_report(path, "--format", "json", "--lang", lang)
    assert answer.text == expected
    assert answer.status == 200 and answer.headers["content-type"] == "application/json"
    report = answer.json()
    assert report["valid"] is (code == 0) is (name != "invalid.xlsx")
    assert answer.headers["x-mcds-valid"] == str(report["valid"]).lower()
    assert answer.headers["x-mcds-errors"] == str(len(report["errors"]))
    assert "set-cookie" not in answer.headers


def test_the_invalid_workbook_gets_its_errors_at_their_cells(service: Service, files: dict[str, Path]) -> None:
    path = files["invalid.xlsx"]
    report = upload(service, path.name, path.read_bytes(), "?lang=fr").json()
    located = {(e["code"], e["file"], e["row"], e["column"]) for e in report["errors"]}
    assert ("type-error", "microcredentials", 2, "workload_hours") in located
    assert any(e["file"] == "microcredentials" and e["row"] == 3 and e["column"] == "id" for e in report["errors"])
    assert report["submissions"][0]["source"] == path.name


@pytest.mark.parametrize("fmt", sorted(set(RENDERERS) - {"json"}))
def test_every_format_is_the_one_mcds_validate_writes(service: Service, files: dict[str, Path], fmt: str) -> None:
    path = files["invalid.xlsx"]
    body, content_type = multipart({"format": fmt, "lang": "fr"}, path.name, path.read_bytes())
    answer = request(service, "POST", "/api/validate", body, {"Content-Type": content_type})
    assert answer.status == 200
    assert answer.text == command_report(path, "--format", fmt, "--lang", "fr")[1]
    assert answer.headers["content-type"].startswith({"html": "text/html", "markdown": "text/markdown",
                                                      "csv": "text/csv", "text": "text/plain"}[fmt])


def test_a_profile_is_applied_and_an_unknown_one_is_refused(service: Service, files: dict[str, Path]) -> None:
    path = files["valid.xlsx"]
    answer = upload(service, path.name, path.read_bytes(), "?profile=ontario-osap")
    assert answer.status == 200
    assert answer.text == command_report(path, "--format", "json", "--profile", "ontario-osap", "--lang", "en")[1]
    refused = upload(service, path.name, path.read_bytes(), "?profile=yukon&lang=fr")
    assert refused.status == 400
    assert refused.json()["error"]["code"] == "unknown-profile"
    assert "n'a pas de profil « yukon »" in refused.json()["error"]["message"]


def test_the_annotated_workbook_marks_the_faulty_cells(service: Service, files: dict[str, Path]) -> None:
    path = files["invalid.xlsx"]
    answer = upload(service, path.name, path.read_bytes(), "?annotate=1&lang=fr")
    assert answer.status == 200
    assert answer.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert answer.headers["content-disposition"] == f'attachment; filename="{BASE_SAMPLE}-annotated.xlsx"'
    assert answer.headers["x-mcds-valid"] == "false" and int(answer.headers["x-mcds-marked"]) >= 2
    book = load_workbook(io.BytesIO(answer.body))
    sheet = book["microcredentials"]
    header = [cell.value for cell in sheet[1]]
    comment = sheet.cell(row=2, column=header.index("workload_hours") + 1).comment
    assert comment is not None and "forty" in comment.text
    refused = upload(service, "package.zip", files["package.zip"].read_bytes(), "?annotate=1")
    assert refused.status == 400 and refused.json()["error"]["code"] == "annotate-needs-xlsx"


def test_a_form_post_without_javascript_gets_the_html_report(service: Service, files: dict[str, Path]) -> None:
    """The page's form sends format, lang and profile as fields before the file."""
    path = files["invalid.xlsx"]
    body, content_type = multipart({"format": "html", "lang": "fr", "profile": ""}, path.name, path.read_bytes())
    answer = request(service, "POST", "/api/validate", body, {"Content-Type": content_type})
    assert answer.status == 200 and answer.headers["content-type"] == "text/html; charset=utf-8"
    assert '<html lang="fr">' in answer.text and "NON VALIDE" in answer.text


# -- Hostile and mistaken uploads ------------------------------------------------------------------------------

def error_of(answer: Answer) -> dict:
    return answer.json()["error"]


def test_an_oversize_upload_is_refused_from_its_declared_length_before_it_is_sent(service: Service) -> None:
    _, content_type = multipart({}, "big.xlsx", b"")
    sock = socket.create_connection(service.address, timeout=10)
    try:
        sock.sendall(f"POST /api/validate?lang=fr HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n"
                     f"Content-Length: {50_000_000}\r\n\r\n".encode())
        answer = http.client.HTTPResponse(sock)
        answer.begin()
        assert answer.status == 413
        error = json.loads(answer.read())["error"]
    finally:
        sock.close()
    assert error["code"] == "too-large"
    assert error["message"] == t("service.too_large", "fr", megabytes=1)


def test_an_oversize_upload_without_a_length_is_refused_while_it_streams(service: Service) -> None:
    """Chunked, with no Content-Length: refused when the file passes 1 MB, long before the 3 MB are sent."""
    body, content_type = multipart({}, "big.xlsx", b"x" * 3_000_000)
    sent = 0
    sock = socket.create_connection(service.address, timeout=10)
    try:
        sock.sendall(f"POST /api/validate HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n".encode())
        try:
            for start in range(0, len(body), 65536):
                piece = body[start:start + 65536]
                sock.sendall(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                sent += len(piece)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the service answered and closed: the rest was never read
        answer = http.client.HTTPResponse(sock)
        answer.begin()
        assert answer.status == 413
        assert json.loads(answer.read())["error"]["code"] == "too-large"
    finally:
        sock.close()


def test_a_zip_bomb_is_refused_by_the_archive_limits(service: Service) -> None:
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("datapackage.json", b"{}")
        bundle.writestr("microcredentials.csv", b"\0" * 20_000_000)
    answer = upload(service, "bomb.zip", bomb.getvalue(), "?lang=fr")
    assert answer.status == 422 and answer.headers["x-mcds-usable"] == "false"
    [error] = answer.json()["errors"]
    assert error["code"] == "unsafe-archive"
    assert "bombe de décompression" in error["message"]


def test_xml_entities_in_a_workbook_are_refused(service: Service, files: dict[str, Path]) -> None:
    source = zipfile.ZipFile(files["valid.xlsx"])
    hostile = io.BytesIO()
    with zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as bundle:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c"><!ENTITY d "&b;&b;&b;">]>' + data
            bundle.writestr(item, data)
    answer = upload(service, "entities.xlsx", hostile.getvalue())
    assert answer.status == 422
    [error] = answer.json()["errors"]
    assert error["code"] == "unsafe-workbook" and "xl/workbook.xml" in error["message"]


def test_a_slow_client_is_dropped_with_408(service: Service) -> None:
    body, content_type = multipart({}, "slow.xlsx", b"PK" * 1000)
    sock = socket.create_connection(service.address, timeout=10)
    try:
        sock.sendall(f"POST /api/validate?lang=fr HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n"
                     f"Content-Length: {len(body)}\r\n\r\n".encode() + body[:300])
        started = time.monotonic()
        answer = http.client.HTTPResponse(sock)
        answer.begin()  # nothing more is sent: the service gives up after --read-timeout 1
        waited = time.monotonic() - started
        assert answer.status == 408
        assert json.loads(answer.read())["error"]["message"] == t("service.slow_upload", "fr", seconds="1", total="4")
    finally:
        sock.close()
    assert waited < 8


def test_a_client_that_leaves_mid_upload_leaves_nothing(service: Service) -> None:
    body, content_type = multipart({}, "gone.xlsx", b"PK" * 20_000)
    sock = socket.create_connection(service.address, timeout=10)
    sock.sendall(f"POST /api/validate HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n"
                 f"Content-Length: {len(body)}\r\n\r\n".encode() + body[:20_000])
    time.sleep(0.3)
    assert len(list(service.uploads.iterdir())) == 1  # the upload's folder, while it arrives
    sock.close()
    deadline = time.monotonic() + 5
    while list(service.uploads.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)



def test_a_client_that_leaves_during_the_validation_leaves_nothing(service: Service, files: dict[str, Path]) -> None:
    """The whole file is sent, then the client goes: the validation ends, its folder is removed all the same."""
    body, content_type = multipart({}, "left.xlsx", files["valid.xlsx"].read_bytes())
    sock = socket.create_connection(service.address, timeout=10)
    sock.sendall(f"POST /api/validate HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n"
                 f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    time.sleep(0.3)
    sock.close()
    deadline = time.monotonic() + 60
    while list(service.uploads.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.1)


def test_two_files_or_too_many_fields_are_refused(service: Service) -> None:
    body, content_type = multipart({}, "a.json", b"{}")
    second, _ = multipart({}, "b.json", b"{}")
    boundary = content_type.rsplit("=", 1)[1]
    other = second.split(b"\r\n", 1)[0][2:].decode()
    two = body.replace(f"--{boundary}--".encode(), second.replace(other.encode(), boundary.encode())
                       .rsplit(f"--{boundary}--".encode(), 1)[0] + f"--{boundary}--".encode())
    answer = request(service, "POST", "/api/validate?lang=fr", two, {"Content-Type": content_type})
    assert answer.status == 400 and error_of(answer)["code"] == "too-many-parts"
    fields = {f"field{i}": "x" for i in range(20)}
    body, content_type = multipart(fields, "a.json", b"{}")
    answer = request(service, "POST", "/api/validate", body, {"Content-Type": content_type})
    assert answer.status == 400 and error_of(answer)["code"] == "too-many-parts"

@pytest.mark.parametrize(("name", "headers", "body", "status", "code"), [
    ("json body", {"Content-Type": "application/json"}, b"{}", 415, "not-multipart"),
    ("no boundary", {"Content-Type": "multipart/form-data"}, b"", 415, "not-multipart"),
    ("garbage", {"Content-Type": "multipart/form-data; boundary=zz"}, b"--zz\r\nnot a header line", 400,
     "malformed"),
])
def test_what_is_not_a_form_upload_is_refused(service: Service, name: str, headers: dict[str, str], body: bytes,
                                              status: int, code: str) -> None:
    answer = request(service, "POST", "/api/validate", body, headers)
    assert answer.status == status, name
    assert error_of(answer)["code"] == code


def test_a_file_the_validator_does_not_read_is_refused_with_415(service: Service) -> None:
    answer = upload(service, "../../etc/report.docx", b"PK\x03\x04", "?lang=fr")
    assert answer.status == 415
    assert error_of(answer)["message"] == t("service.unsupported_file", "fr", name="report.docx")
    body, content_type = multipart({"lang": "en"}, None, b"")
    no_file = request(service, "POST", "/api/validate", body, {"Content-Type": content_type})
    assert no_file.status == 400 and error_of(no_file)["code"] == "no-file"


def test_an_unknown_language_is_answered_in_both(service: Service) -> None:
    answer = upload(service, "a.json", b"{}", "?lang=de")
    assert answer.status == 400
    assert error_of(answer)["messages"] == {lang: t("service.bad_lang", lang, value="de") for lang in ("en", "fr")}
    fmt = upload(service, "a.json", b"{}", "?format=pdf&lang=fr")
    assert fmt.status == 400 and "« pdf »" in error_of(fmt)["message"]


def test_errors_come_in_the_format_asked_for(service: Service) -> None:
    html = request(service, "POST", "/api/validate?format=html&lang=fr", b"{}", {"Content-Type": "text/plain"})
    assert html.status == 415 and html.headers["content-type"] == "text/html; charset=utf-8"
    assert '<html lang="fr">' in html.text and t("service.not_multipart", "fr").replace("'", "&#39;") in html.text
    assert 'href="/fr/standard/validate/"' in html.text
    rows = list(csv.DictReader(io.StringIO(request(service, "POST", "/api/validate?format=csv", b"",
                                                   {"Content-Type": "text/plain"}).text)))
    # Without lang, an error is said in both languages.
    assert rows == [{"status": "415", "code": "not-multipart", "lang": lang, "message": t("service.not_multipart", lang)}
                    for lang in ("en", "fr")]
    get = request(service, "GET", "/api/validate?lang=fr")
    assert get.status == 405 and get.headers["allow"] == "POST" and error_of(get)["code"] == "method"


def test_beyond_the_queue_the_service_answers_503_with_retry_after(service: Service, files: dict[str, Path]) -> None:
    """--workers 1 --queue 0: while one upload is being received, a second is refused at once."""
    body, content_type = multipart({}, "held.xlsx", b"PK" * 1000)
    sock = socket.create_connection(service.address, timeout=10)
    try:
        sock.sendall(f"POST /api/validate HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n"
                     f"Content-Length: {len(body)}\r\n\r\n".encode() + body[:100])
        time.sleep(0.2)
        busy = upload(service, "second.xlsx", files["valid.xlsx"].read_bytes(), "?lang=fr")
        assert busy.status == 503
        assert busy.headers["retry-after"] == "15"
        assert error_of(busy)["message"] == t("service.busy", "fr", seconds=15)
    finally:
        sock.close()
    deadline = time.monotonic() + 5
    while list(service.uploads.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    path = files["valid.xlsx"]
    assert upload(service, path.name, path.read_bytes()).status == 200


def test_a_validation_past_the_time_limit_is_stopped_with_504(tmp_path: Path, files: dict[str, Path]) -> None:
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    process, url = start_service(minimal_site(tmp_path / "site"), "--workers", "1", "--timeout", "0.001",
                                 env={"TMPDIR": str(uploads)})
    quick = Service(process, url, uploads)
    try:
        path = files["valid.xlsx"]
        answer = upload(quick, path.name, path.read_bytes(), "?lang=fr")
        assert answer.status == 504
        assert error_of(answer)["message"] == t("service.time_limit", "fr", seconds="0.001")
        assert request_health(quick) == 200
        assert upload(quick, path.name, path.read_bytes()).status == 504  # a new worker took the killed one's place
        assert list(uploads.iterdir()) == []
    finally:
        stdout, stderr = stop_service(process)
    assert "Traceback" not in stderr


def test_unknown_api_addresses_and_pages_are_404(service: Service) -> None:
    api = request(service, "GET", "/api/nothing?lang=fr")
    assert api.status == 404 and "/api/nothing" in error_of(api)["message"]
    page = request(service, "GET", "/fr/nothing/")
    assert page.status == 404 and '<html lang="fr">' in page.text


# -- The portal it serves --------------------------------------------------------------------------------------

def portal_service(portal: Portal) -> Service:
    return Service(portal.server, portal.url, Path("/nonexistent"))  # type: ignore[arg-type]


def test_the_portal_is_served_compressed_with_its_content_types(portal: Portal) -> None:
    served = portal_service(portal)
    page = request(served, "GET", "/en/", headers={"Accept-Encoding": "gzip"})
    assert page.status == 200 and page.headers["content-encoding"] == "gzip"
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    html = gzip.decompress(page.body)
    assert html == (portal.site / "en" / "index.html").read_bytes()
    for path, kind in [("/en/assets/javascripts/validate.js", "text/javascript"),
                       ("/en/assets/stylesheets/mcds.css", "text/css"),
                       ("/schema/latest/datapackage.json", "application/json"),
                       ("/schema/latest/templates/mcds-template.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]:
        answer = request(served, "GET", path, headers={"Accept-Encoding": "gzip"})
        assert answer.status == 200 and answer.headers["content-type"].split(";")[0] == kind, path
        assert answer.headers["x-content-type-options"] == "nosniff"
    workbook = request(served, "GET", "/schema/latest/templates/mcds-template.xlsx", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in workbook.headers  # already compressed


def test_each_page_allows_exactly_its_own_inline_scripts(portal: Portal) -> None:
    served = portal_service(portal)
    for path, file in [("/en/", "en/index.html"), ("/fr/catalogue/", "fr/catalogue/index.html")]:
        answer = request(served, "GET", path)
        html = (portal.site / file).read_bytes()
        policy = answer.headers["content-security-policy"]
        scripts = re.search(r"script-src ([^;]*)", policy)[1].split()
        inline = [code for attributes, code in re.findall(rb"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", html, re.S)
                  if b"application/json" not in attributes]
        handlers = re.findall(rb'\son[a-z]+="([^"]*)"', html)
        wanted = {"'sha256-" + base64.b64encode(hashlib.sha256(code).digest()).decode() + "'"
                  for code in inline + handlers}
        # 'wasm-unsafe-eval': the search compiles its WebAssembly index reader (no JavaScript eval).
        assert set(scripts) == {"'self'", "'wasm-unsafe-eval'"} | wanted | ({"'unsafe-hashes'"} if handlers else set()), path
        assert "'unsafe-eval'" not in scripts
        assert "'unsafe-inline'" not in scripts and "frame-ancestors 'none'" in policy
        assert answer.headers["referrer-policy"] == "no-referrer" and "set-cookie" not in answer.headers


def test_the_french_404_page_is_served_with_status_404(portal: Portal) -> None:
    answer = request(portal_service(portal), "GET", "/fr/pas-de-page/")
    assert answer.status == 404
    assert answer.body == (portal.site / "fr" / "404.html").read_bytes()


def test_the_health_address_says_the_limits(portal: Portal) -> None:
    answer = request(portal_service(portal), "GET", "/api/health")
    health = json.loads(answer.body)
    assert answer.status == 200 and answer.headers["cache-control"] == "no-store"
    assert health["status"] == "ok" and health["max_bytes"] == 25_000_000 and health["seconds"] == 60
    assert health["suffixes"] == [".xlsx", ".zip", ".json"]



def test_a_page_not_modified_keeps_its_own_policy(portal: Portal) -> None:
    """A 304's headers replace the ones the browser cached with the page: without the page's hashes, its inline
    scripts would be blocked on the next visit (Find would stay hidden)."""
    served = portal_service(portal)
    first = request(served, "GET", "/en/catalogue/")
    again = request(served, "GET", "/en/catalogue/", headers={"If-None-Match": first.headers["etag"]})
    assert again.status == 304
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
    assert "'sha256-" in first.headers["content-security-policy"]
