"""Domain names and nameserver addresses: validation, IDNA, ``HOST[:PORT]`` parsing."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass

import idna

from .errors import ConfigError, InvalidDomainError
from .i18n import gettext
from .net import split_hostport


@dataclass(frozen=True)
class Nameserver:
    host: str
    port: int = 53

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


def parse_nameserver(spec: str) -> Nameserver:
    """``1.2.3.4``, ``1.2.3.4:5353``, ``::1``, ``[::1]:5353`` → Nameserver."""
    try:
        host, port = split_hostport(spec, 53)
    except ValueError as exc:
        raise ConfigError(gettext("bad nameserver: {spec!r}").format(spec=spec)) from exc
    try:
        ipaddress.ip_address(host)
    except ValueError as exc:
        raise ConfigError(gettext("nameserver must be an IP address: {spec!r}").format(spec=spec)) from exc
    return Nameserver(host, port)


_HOST_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$")


def to_ascii_name(name: str, *, strict: bool = False) -> str:
    """Validate a domain name and return its A-label form (lower case, no trailing dot).

    ASCII names are kept as they are (underscores are legal in DNS, e.g. ``_dmarc``);
    names with non-ASCII characters are converted with IDNA 2008 + UTS 46. ``strict``
    also requires letter-digit-hyphen(-underscore) labels, as a user-typed domain must
    have; without it any octets are allowed, as SPF macros can produce them.
    """
    n = name.strip().rstrip(".")
    if not n:
        raise InvalidDomainError(gettext("empty domain name"))
    if not n.isascii():
        try:
            n = idna.encode(n, uts46=True).decode("ascii")
        except idna.IDNAError as exc:
            raise InvalidDomainError(
                gettext("invalid internationalised name {name!r}: {exc}").format(name=name, exc=exc)
            ) from exc
    n = n.lower()
    if len(n) > 253:
        raise InvalidDomainError(gettext("name longer than 253 characters ({value})").format(value=len(n)))
    for label in n.split("."):
        if not label:
            raise InvalidDomainError(gettext("empty label in {name!r}").format(name=name))
        if len(label) > 63:
            raise InvalidDomainError(gettext("label longer than 63 characters in {name!r}").format(name=name))
        if strict and not _HOST_LABEL.match(label):
            raise InvalidDomainError(gettext("invalid characters in label {label!r}").format(label=label))
    return n


def to_unicode_name(name: str) -> str:
    """A-labels → U-labels for display; unchanged when it cannot be decoded."""
    try:
        return idna.decode(name) if "xn--" in name else name
    except idna.IDNAError:
        return name


def nameservers_from(specs: Iterable[str]) -> list[Nameserver]:
    out: list[Nameserver] = []
    for spec in specs:
        for part in spec.split(","):
            if part.strip():
                out.append(parse_nameserver(part))
    return out
