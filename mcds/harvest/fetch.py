"""Fetching one address over HTTP for a harvest, within bounds: a timeout per step and a deadline per file, a
size limit checked while the bytes stream in, a redirect limit, conditional requests (ETag, Last-Modified),
retries with back-off on temporary failures (connection errors, 429, 5xx; Retry-After honoured up to a cap), a
User-Agent that names MCDS and its version, and no connection to a private, loopback or link-local address
unless allowed: every connection is made by a network backend that resolves the name, checks every address
it resolves to and connects to the checked address only, so a redirect or a name that changes its answer
between two look-ups cannot lead elsewhere.
"""

from __future__ import annotations

import email.utils
import ipaddress
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from mcds import __version__
from mcds.i18n import both

USER_AGENT = f"MCDS-harvest/{__version__} (pan-Canadian Microcredential Data Standard portal; harvests registered publishers)"
REDIRECTS = (301, 302, 303, 307, 308)
TEMPORARY = (429, 500, 502, 503, 504)
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Settings:
    timeout: float = 30.0  # seconds for each step: connecting, and each read of the answer
    deadline: float = 600.0  # seconds for a whole file, however slowly it trickles in
    max_bytes: int = 256 * 2**20  # the size limit of a file; a .zip is still checked on its expanded size
    max_redirects: int = 5
    retries: int = 3  # further attempts after a temporary failure
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    retry_after_cap: float = 60.0  # the longest wait a server's Retry-After is obeyed for
    allow_private: bool = False
    jobs: int = 8  # publishers fetched at once


class FetchProblem(Exception):
    """Why a file could not be fetched: a message key of the "harvest" namespace and its values, in both
    languages through `reason`; `verdict` is "unreachable" or "refused"."""

    def __init__(self, key: str, verdict: str = "unreachable", status: int | None = None, **values: Any) -> None:
        super().__init__(key)
        self.key, self.verdict, self.status, self.values = key, verdict, status, values

    @property
    def reason(self) -> dict[str, str]:
        return both(self.key, status=self.status, **self.values)


class Refused(Exception):
    """A connection to an address that is not public, without --allow-private."""

    def __init__(self, host: str, address: str) -> None:
        super().__init__(host)
        self.host, self.address = host, address


def public(address: str) -> bool:
    """Whether an IP address belongs to the public internet (not private, loopback, link-local, reserved...)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class GuardedBackend(httpcore.SyncBackend):
    """Resolves each name itself, refuses it when any of its addresses is not public (unless allowed), and
    connects to the checked addresses only (TLS still verifies the certificate against the name)."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        try:
            found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as error:
            raise httpcore.ConnectError(str(error)) from error
        addresses = list(dict.fromkeys(str(info[4][0]) for info in found))
        if not self.allow_private:
            for address in addresses:
                if not public(address):
                    raise Refused(host, address)
        failure: Exception = httpcore.ConnectError(f"no address for {host}")
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                           socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                failure = error
        raise failure


class GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport, its connection pool given the guarded network backend."""

    def __init__(self, allow_private: bool, connections: int) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(trust_env=False),
                                             max_connections=connections, max_keepalive_connections=connections,
                                             keepalive_expiry=5.0, network_backend=GuardedBackend(allow_private))


def client(settings: Settings) -> httpx.Client:
    """One client for a whole harvest: its connections are shared by the publishers fetched at once."""
    return httpx.Client(transport=GuardedTransport(settings.allow_private, max(settings.jobs, 1) * 2),
                        timeout=httpx.Timeout(settings.timeout), follow_redirects=False, trust_env=False,
                        headers={"User-Agent": USER_AGENT})


@dataclass
class Fetched:
    """The outcome of fetching one address: its final status and where its bytes are (None when unchanged)."""

    url: str
    status: int
    path: Path | None
    validators: dict[str, str] = field(default_factory=dict)  # the answer's ETag and Last-Modified

    @property
    def unchanged(self) -> bool:
        return self.status == 304


def _wait(response: httpx.Response, attempt: int, settings: Settings) -> float:
    """Seconds to wait before retrying: the server's Retry-After (seconds or a date) up to the cap, else back-off."""
    after = response.headers.get("Retry-After", "").strip()
    if after.isdigit():
        return min(float(after), settings.retry_after_cap)
    if after:
        try:
            when = email.utils.parsedate_to_datetime(after).timestamp()
            return max(0.0, min(when - time.time(), settings.retry_after_cap))
        except (TypeError, ValueError, OverflowError):
            pass
    return settings.backoff * 2**attempt


def _send(http: httpx.Client, url: str, headers: dict[str, str], settings: Settings) -> httpx.Response:
    """GET `url` (streamed), retrying temporary failures; the last answer or failure is the outcome."""
    for attempt in range(settings.retries + 1):
        last = attempt == settings.retries
        try:
            response = http.send(http.build_request("GET", url, headers=headers), stream=True)
        except Refused as refused:
            raise FetchProblem("harvest.reason.private", "refused", host=refused.host, address=refused.address) from None
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError) as error:
            if last:
                raise FetchProblem("harvest.reason.connect", url=url, detail=str(error) or type(error).__name__) from None
            time.sleep(settings.backoff * 2**attempt)
            continue
        except httpx.TimeoutException:
            raise FetchProblem("harvest.reason.timeout", seconds=settings.timeout) from None
        except httpx.HTTPError as error:
            raise FetchProblem("harvest.reason.connect", url=url, detail=str(error) or type(error).__name__) from None
        if response.status_code not in TEMPORARY or last:
            return response
        wait = _wait(response, attempt, settings)
        response.close()
        time.sleep(wait)
    raise AssertionError("unreachable: the last attempt returns or raises")


def _check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchProblem("harvest.reason.scheme", "refused", url=url)


def _save(response: httpx.Response, target: Path, settings: Settings, started: float) -> None:
    """Stream the answer's body into `target`, stopping past the size limit or the deadline."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise FetchProblem("harvest.reason.too_large", "refused", status=response.status_code, limit=settings.max_bytes)
    size = 0
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("wb") as handle:
            for chunk in response.iter_bytes(CHUNK):
                size += len(chunk)
                if size > settings.max_bytes:
                    raise FetchProblem("harvest.reason.too_large", "refused", status=response.status_code,
                                       limit=settings.max_bytes)
                if time.monotonic() - started > settings.deadline:
                    raise FetchProblem("harvest.reason.timeout", status=response.status_code, seconds=settings.deadline)
                handle.write(chunk)
    except httpx.TimeoutException:
        raise FetchProblem("harvest.reason.timeout", status=response.status_code, seconds=settings.timeout) from None
    except httpx.HTTPError as error:
        raise FetchProblem("harvest.reason.connect", status=response.status_code, url=str(response.url),
                           detail=str(error) or type(error).__name__) from None


def fetch(http: httpx.Client, url: str, target: Path, settings: Settings,
          validators: dict[str, str] | None = None) -> Fetched:
    """Fetch `url` into `target`. With `validators` (the ETag and Last-Modified of the copy already held), the
    request is conditional, and a 304 answer leaves `target` untouched (Fetched.unchanged)."""
    headers = {}
    if validators and validators.get("etag"):
        headers["If-None-Match"] = validators["etag"]
    if validators and validators.get("last_modified"):
        headers["If-Modified-Since"] = validators["last_modified"]
    started, current, seen = time.monotonic(), url, {url}
    for _hop in range(settings.max_redirects + 1):
        _check_scheme(current)
        response = _send(http, current, headers, settings)
        try:
            if response.status_code in REDIRECTS and response.headers.get("Location"):
                following = urljoin(current, response.headers["Location"])
                if following in seen:
                    break  # a loop: no number of hops would end it
                seen.add(following)
                current = following
                continue
            kept = {"etag": response.headers.get("ETag", ""), "last_modified": response.headers.get("Last-Modified", "")}
            kept = {key: value for key, value in kept.items() if value}
            if response.status_code == 304:
                return Fetched(current, 304, None, kept or dict(validators or {}))
            if response.status_code != 200:
                raise FetchProblem("harvest.reason.http_status", status=response.status_code, url=current)
            _save(response, target, settings, started)
            return Fetched(current, 200, target, kept)
        finally:
            response.close()
    raise FetchProblem("harvest.reason.redirects", "refused", limit=settings.max_redirects, url=url)
