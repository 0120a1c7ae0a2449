"""Web addresses: beyond the pattern, a host name that can exist on the public web."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.i18n import both
from mcds.validation.checks.base import DOMAIN, McdsCellError, McdsCheck, cell_error
from mcds.validation.entry import entry
from mcds.validation.findings import ERROR

LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


class BadUrlError(McdsCellError):
    entry = entry(
        "bad-url", ERROR, DOMAIN, ("Web address that cannot work", "Adresse Web inutilisable"),
        ("A web address must name a public host, such as www.example.ca, without spaces or passwords.",
         "Une adresse Web doit désigner un hôte public, comme www.exemple.ca, sans espace ni mot de passe."),
        ('"{value}" is not a usable web address: {reason}.', "« {value} » n'est pas une adresse Web utilisable : {reason}."),
        ("Copy the address from the browser's address bar.", "Copiez l'adresse depuis la barre d'adresse du navigateur."))


def url_problem(value: str) -> dict[str, str] | None:
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
    except ValueError:
        return both("url.unparsable")
    if parts.username or parts.password:
        return both("url.credentials")
    try:
        ipaddress.ip_address(host)
        return both("url.ip_address")
    except ValueError:
        pass
    labels = host.encode("idna").decode("ascii").split(".") if host else []
    if len(labels) < 2 or not labels[-1].isalpha() or not all(LABEL.match(label) for label in labels):
        return both("url.not_public", host=host)
    return None


@attrs.define(kw_only=True, repr=False)
class urls(McdsCheck):
    type = "mcds-urls"
    Errors = [BadUrlError]
    addresses: list[str] = attrs.field(factory=list)

    def prepare(self) -> None:
        self.addresses = [field["name"] for field in self.fields() if field["mcds"].get("range") == "WebAddress"]

    def relevant(self) -> bool:
        return bool(self.addresses)

    def validate_row(self, row: Row) -> Iterator[Error]:
        for name in self.addresses:
            value = row.get(name)
            if isinstance(value, str) and value:
                try:
                    reason = url_problem(value)
                except UnicodeError:
                    reason = both("url.bad_host")
                if reason is not None:
                    yield cell_error(BadUrlError, row, name, reason=reason)


CHECKS = [urls]
