"""Per-recipient ids in a simulation's links and pixel (issue 18, points 3 and 4).

An id names a campaign's recipient and nothing else: ``<random>.<mac>`` where ``random`` is 16
bytes the campaign drew for that recipient (stored with the recipient, so it is unguessable and
says nothing about who it is) and ``mac`` an HMAC-SHA256 of it under the installation's secret
key, cut to 16 bytes. A tracking hit whose id is forged, truncated or altered is refused before
the store is asked (no lookup an attacker can time, no row for garbage), and the random part is
what the store is asked for. Both parts are base64url without padding: 22 + 22 characters."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

RANDOM_BYTES = 16
MAC_BYTES = 16
_PART = re.compile(r"^[A-Za-z0-9_-]{22}$")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _mac(key: str, random_part: str) -> str:
    digest = hmac.new(
        key.encode(), b"mailwarden-sim-id:" + random_part.encode("ascii"), hashlib.sha256
    ).digest()
    return _b64(digest[:MAC_BYTES])


def new_token() -> str:
    """A recipient's random part, drawn once and stored with the recipient."""
    return _b64(secrets.token_bytes(RANDOM_BYTES))


def link_id(key: str, token: str) -> str:
    """The id a recipient's links and pixel carry."""
    if not _PART.match(token):
        raise ValueError("a recipient token is 22 base64url characters")
    return f"{token}.{_mac(key, token)}"


def read_id(key: str, value: str) -> str | None:
    """The recipient token ``value`` carries, or None when it was not made with ``key``
    (forged, truncated, altered, or not an id at all)."""
    if len(value) != 45:
        return None
    token, dot, mac = value.partition(".")
    if not dot or not _PART.match(token) or not _PART.match(mac):
        return None
    return token if hmac.compare_digest(_mac(key, token), mac) else None
