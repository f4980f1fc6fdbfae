"""The marker our own phishing simulations carry: ``X-Mailwarden-Simulation:
<campaign>.<target>.<hmac>``, the HMAC-SHA256 of ``<campaign>.<target>`` under the
installation's secret key (``core/secretkey.py``). A report of a marked message whose HMAC
checks is a *simulation reported*; a forged or altered marker is ignored."""

from __future__ import annotations

import hashlib
import hmac
import re

HEADER = "X-Mailwarden-Simulation"
_PART = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def _mac(key: str, campaign: str, target: str) -> str:
    return hmac.new(key.encode(), f"{campaign}.{target}".encode(), hashlib.sha256).hexdigest()[:32]


def marker(key: str, campaign: str, target: str) -> str:
    """The header value for a simulation mail to ``target`` in ``campaign``."""
    if not (_PART.match(campaign) and _PART.match(target)):
        raise ValueError("campaign and target are 1-64 letters, digits, '-' or '_'")
    return f"{campaign}.{target}.{_mac(key, campaign, target)}"


def check(key: str, value: str) -> tuple[str, str] | None:
    """(campaign, target) when ``value`` is a marker made with ``key``."""
    parts = value.strip().split(".")
    if len(parts) != 3 or not (_PART.match(parts[0]) and _PART.match(parts[1])):
        return None
    campaign, target, mac = parts
    if not hmac.compare_digest(_mac(key, campaign, target), mac.lower()):
        return None
    return campaign, target
