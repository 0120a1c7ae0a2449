"""The ASGI application of `mcds serve`: the built portal, and `POST /api/validate`, which answers with the report
`mcds validate` writes, in the language and format asked for.

Each upload is received into a private temporary folder (mode 700) that is removed in a `finally` once the
answer is made, also when the client goes away mid-way; nothing else is written, nothing is logged about a
file, no cookie is set and no other site is called. Admission is bounded: `workers` validations run at once,
`queue` more wait, and beyond that the service answers 503 with Retry-After at once, before reading the body.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mcds.i18n import LANGUAGES, t
from mcds.service.static import POLICY, Site
from mcds.service.uploads import Limits, UploadRefused, receive
from mcds.service.workers import Job, Outcome, Pool, TimeLimit, WorkerLost
from mcds.util.templates import environment
from mcds.validation.render import RENDERERS

MEDIA_TYPES = {"json": "application/json", "html": "text/html", "markdown": "text/markdown", "csv": "text/csv",
               "text": "text/plain"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
VALIDATE_PAGE = {"en": "/en/standard/validate/", "fr": "/fr/standard/validate/"}
# Headers of every answer: no sniffing of types, no framing, no referrer sent to anyone, no powerful features.
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}


@dataclass(frozen=True)
class Settings:
    """What `mcds serve` is told: the site, and every limit of the service."""

    site: Path
    max_bytes: int = 25_000_000  # 25 MB
    seconds: float = 60.0  # one validation
    workers: int = 2
    queue: int = 16  # validations waiting for a worker, beyond those running
    idle_seconds: float = 20.0  # longest pause while an upload is received
    upload_seconds: float = 300.0  # longest time to receive one upload
    temp: Path | None = None  # where the private upload folders are made (the system's temporary folder)


class Refused(Exception):
    """An answer that is not a report: an HTTP status and a message of mcds.i18n."""

    def __init__(self, status: int, key: str, headers: dict[str, str] | None = None, **values: object) -> None:
        super().__init__(key)
        self.status, self.key, self.values, self.headers = status, key, values, headers or {}


def _error_body(fmt: str, lang: str | None, status: int, key: str, values: dict[str, object]) -> tuple[str, str]:
    """The error in the format asked for, in the language asked for; in both when the language is unknown."""
    langs = [lang] if lang in LANGUAGES else list(LANGUAGES)
    texts = {code: t(key, code, **values) for code in langs}
    code = key.partition(".")[2].replace("_", "-")
    if fmt == "json":
        document = {"error": {"status": status, "code": code, "message": " / ".join(texts.values()),
                              "messages": texts}}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n", MEDIA_TYPES["json"]
    if fmt == "csv":
        lines = ["status,code,lang,message"] + [f'{status},{code},{c},"{m.replace(chr(34), chr(34) * 2)}"'
                                                for c, m in texts.items()]
        return "\n".join(lines) + "\n", MEDIA_TYPES["csv"]
    if fmt in ("markdown", "text"):
        title = " / ".join(t("service.error_title", c) for c in langs)
        prefix = f"# {title}\n\n" if fmt == "markdown" else ""
        return prefix + "\n\n".join(texts.values()) + "\n", MEDIA_TYPES[fmt]
    page = environment("mcds.service", html=True).get_template("error.html.j2").render(
        langs=langs, texts=texts, status=status, code=code, t=t, back=VALIDATE_PAGE)
    return page, MEDIA_TYPES["html"]


def _choice(request: Request, fields: dict[str, str], name: str, default: str | None) -> str | None:
    """A parameter from the query string, else from the form's fields, else its default."""
    value = request.query_params.get(name)
    if value is None:
        value = fields.get(name)
    return default if value is None or value == "" else value


class Service:
    """The state of one running service: its pool of workers and how many validations it has admitted."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.admitted = 0
        self.pool: Pool | None = None
        self.limiter: anyio.CapacityLimiter | None = None

    @asynccontextmanager
    async def lifespan(self, _app: Starlette) -> AsyncIterator[None]:
        self.pool = await anyio.to_thread.run_sync(Pool, self.settings.workers, self.settings.seconds)
        self.limiter = anyio.CapacityLimiter(self.settings.workers)
        try:
            yield
        finally:
            pool, self.pool = self.pool, None
            await anyio.to_thread.run_sync(pool.close)

    async def health(self, _request: Request) -> Response:
        settings = self.settings
        document = {"status": "ok", "max_bytes": settings.max_bytes, "seconds": settings.seconds,
                    "workers": settings.workers, "queue": settings.queue,
                    "formats": sorted(MEDIA_TYPES), "suffixes": [".xlsx", ".zip", ".json"]}
        return Response(json.dumps(document, indent=2) + "\n", media_type=MEDIA_TYPES["json"],
                        headers={"cache-control": "no-store"})

    async def wrong_method(self, request: Request) -> Response:
        return self._refusal(request, {}, Refused(405, "service.method", headers={"allow": "POST"}))

    async def api_not_found(self, request: Request) -> Response:
        return self._refusal(request, {}, Refused(404, "service.not_found", path=request.url.path))

    def _refusal(self, request: Request, fields: dict[str, str], refused: Refused) -> Response:
        fmt = _choice(request, fields, "format", "json")
        lang = _choice(request, fields, "lang", None)
        body, media_type = _error_body(fmt if fmt in MEDIA_TYPES else "json", lang, refused.status, refused.key,
                                       refused.values)
        return Response(body, status_code=refused.status, media_type=media_type,
                        headers={"cache-control": "no-store", **refused.headers})

    async def validate(self, request: Request) -> Response:
        settings = self.settings
        if self.admitted >= settings.workers + settings.queue:
            retry = max(1, round(settings.seconds / 4))
            return self._refusal(request, {}, Refused(503, "service.busy", headers={"retry-after": str(retry)},
                                                      seconds=retry))
        self.admitted += 1
        folder = Path(tempfile.mkdtemp(prefix="mcds-upload-", dir=settings.temp))
        fields: dict[str, str] = {}
        try:
            return await self._validate(request, folder, fields)
        except Refused as refused:
            return self._refusal(request, fields, refused)
        except UploadRefused as refused:
            return self._refusal(request, fields, Refused(refused.status, refused.key, **refused.values))
        except ClientDisconnect:
            return Response(status_code=400)  # nobody is left to read it
        finally:
            self.admitted -= 1
            shutil.rmtree(folder, ignore_errors=True)

    async def _validate(self, request: Request, folder: Path, fields: dict[str, str]) -> Response:
        # The query's own choices are checked before the body is read, so that a mistake costs no upload.
        self._check_choices(request, {})
        inputs = folder / "in"
        inputs.mkdir()
        limits = Limits(self.settings.max_bytes, self.settings.idle_seconds, self.settings.upload_seconds)
        upload = await receive(aiter(request.stream()), request.headers.get("content-type"),
                               request.headers.get("content-length"), inputs, limits)
        fields.update(upload.fields)
        fmt, lang, profile, annotate = self._check_choices(request, fields)
        assert upload.name is not None  # receive() refuses an upload without a file
        annotated = None
        if annotate:
            if not upload.name.lower().endswith(".xlsx"):
                raise Refused(400, "validate.annotate_needs_xlsx")
            (folder / "out").mkdir()
            annotated = str(folder / "out" / "annotated.xlsx")
        job = Job(str(inputs), upload.name, fmt, lang, profile, annotated)
        outcome = await self._run(job)
        if outcome.bug is not None:
            raise Refused(500, "service.bug", error=outcome.bug)
        if outcome.error_key is not None:
            status = 400 if outcome.error_key == "validate.unknown_profile" else 422
            raise Refused(status, outcome.error_key, **outcome.error_values)
        return self._report(outcome, job, upload.name)

    def _check_choices(self, request: Request, fields: dict[str, str]) -> tuple[str, str, str | None, bool]:
        lang = _choice(request, fields, "lang", "en")
        if lang not in LANGUAGES:
            raise Refused(400, "service.bad_lang", value=lang)
        fmt = _choice(request, fields, "format", "json")
        if fmt not in RENDERERS:
            raise Refused(400, "service.bad_format", value=fmt, formats=", ".join(RENDERERS))
        annotate = _choice(request, fields, "annotate", "0") not in ("0", "false", "no", "off")
        return fmt, lang, _choice(request, fields, "profile", None), annotate

    async def _run(self, job: Job) -> Outcome:
        assert self.pool is not None and self.limiter is not None
        try:
            # Not cancellable: a client that leaves does not leave a worker behind with the folder removed under it.
            return await anyio.to_thread.run_sync(self.pool.run, job, limiter=self.limiter)
        except TimeLimit:
            raise Refused(504, "service.time_limit", seconds=f"{self.settings.seconds:g}") from None
        except WorkerLost:
            raise Refused(500, "service.worker_lost") from None

    def _report(self, outcome: Outcome, job: Job, name: str) -> Response:
        headers = {"cache-control": "no-store", "x-mcds-valid": str(outcome.valid).lower(),
                   "x-mcds-usable": str(outcome.usable).lower(), "x-mcds-errors": str(outcome.errors),
                   "x-mcds-warnings": str(outcome.warnings)}
        status = 200 if outcome.usable else 422
        if job.annotated is not None and outcome.marked is not None:
            stem = name.rpartition(".")[0]
            ascii_name = stem.encode("ascii", "replace").decode("ascii").replace("?", "_").replace('"', "_")
            headers["content-disposition"] = f'attachment; filename="{ascii_name}-annotated.xlsx"'
            headers["x-mcds-marked"] = str(outcome.marked)
            return Response(Path(job.annotated).read_bytes(), status_code=status, media_type=XLSX, headers=headers)
        return Response(outcome.body, status_code=status, media_type=MEDIA_TYPES[job.fmt], headers=headers)


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every answer, and the default content security policy to those without one."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(name.encode(), value.encode()) for name, value in SECURITY_HEADERS.items()]
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", POLICY.format(scripts="").encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(settings: Settings) -> Starlette:
    """The service for `settings.site`: the API under /api/, the site everywhere else."""
    service = Service(settings)
    routes = [
        Route("/api/health", service.health, methods=["GET", "HEAD"]),
        Route("/api/validate", service.validate, methods=["POST"]),
        Route("/api/validate", service.wrong_method, methods=["GET", "HEAD", "PUT", "DELETE", "PATCH"]),
        Route("/api/{rest:path}", service.api_not_found, methods=["GET", "HEAD", "POST"]),
        Mount("/", app=Site(directory=settings.site, html=True, follow_symlink=False)),
    ]
    excluded = (*DEFAULT_EXCLUDED_CONTENT_TYPES, XLSX)
    middleware = [Middleware(SecurityHeaders),
                  Middleware(GZipMiddleware, minimum_size=500, compresslevel=6, exclude_content_types=excluded)]
    app = Starlette(routes=routes, middleware=middleware, lifespan=service.lifespan)
    app.state.service = service
    return app
