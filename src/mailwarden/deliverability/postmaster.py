"""Google Postmaster Tools API v2: each domain's daily figures into ``postmaster_stats``.

Authorisation is a service account's JWT bearer grant (RFC 7523): a JWT signed RS256 with the
account's key (``postmaster_credentials``, the JSON key file) is exchanged at
``postmaster_token_url`` for an access token. Then, per domain the account may read
(``GET /v2/domains``): ``POST /v2/domains/{d}/domainStats:query`` with the standard metrics
below, daily, over the window; and ``GET /v2/domains/{d}/complianceStatus``.
Reference: https://developers.google.com/workspace/gmail/postmaster/reference/rest/v2/domains.domainStats/query

v2 has no domain reputation metric (v1's ``domainReputation`` is gone; the compliance status is
what replaces it), so ``reputation`` stays empty. Responses are bounded (size, pages)."""

from __future__ import annotations

import base64
import json
import ssl
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from sqlalchemy import Insert
from sqlalchemy.dialects import postgresql, sqlite

from ..core.config import Settings
from ..core.errors import ConfigError
from ..core.i18n import gettext as _
from ..core.store import Store
from .models import PostmasterStat

__all__ = ["METRICS", "SCOPE", "ImportResult", "PostmasterError", "import_postmaster", "make_assertion"]

#: v2 scope for traffic statistics (v1's postmaster.readonly does not cover v2's domainStats)
SCOPE = "https://www.googleapis.com/auth/postmaster.traffic.readonly"
#: our name → the v2 StandardMetric
METRICS = {
    "spam_rate": "SPAM_RATE",
    "tls_encryption_rate": "TLS_ENCRYPTION_RATE",
    "delivery_error_rate": "DELIVERY_ERROR_RATE",
}
MAX_BODY = 5 << 20
MAX_PAGES = 50
TIMEOUT = 20.0


class PostmasterError(Exception):
    """The API or the token endpoint refused or answered something unreadable."""


@dataclass
class ImportResult:
    domains: list[str] = field(default_factory=list)
    days: int = 0  # (domain, day) rows written
    errors: dict[str, str] = field(default_factory=dict)  # domain → why

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def make_assertion(key: dict[str, Any], audience: str, now: int) -> str:
    """The signed JWT of the bearer grant (RFC 7523 §2.1), RS256 with the account's key."""
    header = {"alg": "RS256", "typ": "JWT", "kid": key.get("private_key_id", "")}
    claims = {"iss": key["client_email"], "scope": SCOPE, "aud": audience, "iat": now, "exp": now + 3600}
    signing = _b64(json.dumps(header).encode()) + "." + _b64(json.dumps(claims).encode())
    private = serialization.load_pem_private_key(key["private_key"].encode(), password=None)
    if not isinstance(private, rsa.RSAPrivateKey):
        raise ConfigError(_("the Postmaster Tools key is not an RSA key"))
    sig = private.sign(signing.encode(), padding.PKCS1v15(), hashes.SHA256())
    return signing + "." + _b64(sig)


def _json(r: httpx.Response) -> dict[str, Any]:
    if len(r.content) > MAX_BODY:
        raise PostmasterError(f"response too large from {r.url}")
    if r.status_code != 200:
        raise PostmasterError(f"HTTP {r.status_code} from {r.url.path}: {r.text[:200]}")
    try:
        data = json.loads(r.content)
    except ValueError as exc:
        raise PostmasterError(f"not JSON from {r.url.path}") from exc
    if not isinstance(data, dict):
        raise PostmasterError(f"not a JSON object from {r.url.path}")
    return data


def _date(d: date) -> dict[str, int]:
    return {"year": d.year, "month": d.month, "day": d.day}


def _value(v: Any) -> Any:
    # StatisticValue: one of floatValue, intValue (a string, int64), stringValue, stringList
    if not isinstance(v, dict):
        return None
    if "floatValue" in v:
        return float(v["floatValue"])
    if "intValue" in v:
        return int(v["intValue"])
    return v.get("stringValue", v.get("stringList"))


def _stats(
    client: httpx.Client, base: str, domain: str, since: date, until: date
) -> dict[date, dict[str, Any]]:
    body: dict[str, Any] = {
        "metricDefinitions": [{"name": n, "baseMetric": {"standardMetric": m}} for n, m in METRICS.items()],
        "timeQuery": {"dateRanges": {"dateRanges": [{"start": _date(since), "end": _date(until)}]}},
        "aggregationGranularity": "DAILY",
        "pageSize": 200,
    }
    days: dict[date, dict[str, Any]] = {}
    for _page in range(MAX_PAGES):
        data = _json(client.post(f"{base}/v2/domains/{domain}/domainStats:query", json=body))
        for stat in data.get("domainStats", []) or []:
            d = stat.get("date") if isinstance(stat, dict) else None
            try:
                day = date(int(d["year"]), int(d["month"]), int(d["day"]))  # type: ignore[index]
                value = _value(stat.get("value"))
            except (TypeError, KeyError, ValueError):
                continue  # a stat we cannot read is left out, not a failed import
            days.setdefault(day, {})[str(stat.get("metric", ""))[:64]] = value
        token = data.get("nextPageToken")
        if not token:
            break
        body["pageToken"] = token
    return days


def _upsert(dialect: str) -> Insert:
    t = PostmasterStat
    cols = ("spam_rate", "metrics", "compliance", "imported_at")
    if dialect == "postgresql":
        pg = postgresql.insert(t)
        return pg.on_conflict_do_update(
            constraint="uq_postmaster_stats_domain_day", set_={c: pg.excluded[c] for c in cols}
        )
    lite = sqlite.insert(t)
    return lite.on_conflict_do_update(
        index_elements=["domain", "day"], set_={c: lite.excluded[c] for c in cols}
    )


def import_postmaster(
    store: Store,
    settings: Settings,
    *,
    days: int = 14,
    now: datetime | None = None,
    transport: httpx.BaseTransport | None = None,
) -> ImportResult:
    """Import the last ``days`` days of every domain the service account may read. Raises
    ConfigError without credentials, PostmasterError when no token is given; a domain whose
    figures fail is recorded in ``errors`` and the others are imported."""
    if settings.postmaster_credentials is None:
        raise ConfigError(_("no Postmaster Tools credentials (MAILWARDEN_POSTMASTER_CREDENTIALS)"))
    key = json.loads(Path(settings.postmaster_credentials).read_text("utf-8"))
    at = now or datetime.now(UTC)
    until = at.date() - timedelta(days=1)  # today's figures are not there yet
    since = until - timedelta(days=days - 1)
    verify: ssl.SSLContext | bool = (
        ssl.create_default_context(cafile=str(settings.ca_bundle)) if settings.ca_bundle else True
    )
    base = settings.postmaster_endpoint.rstrip("/")
    result = ImportResult()
    with httpx.Client(verify=verify, timeout=TIMEOUT, transport=transport) as client:
        assertion = make_assertion(key, settings.postmaster_token_url, int(time.time()))
        grant = {"grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": assertion}
        token = _json(client.post(settings.postmaster_token_url, data=grant)).get("access_token")
        if not isinstance(token, str) or not token:
            raise PostmasterError("no access_token in the token response")
        client.headers["Authorization"] = f"Bearer {token}"
        names: list[str] = []
        params: dict[str, str] = {}
        for _page in range(MAX_PAGES):
            data = _json(client.get(f"{base}/v2/domains", params=params))
            names += [
                str(d["name"]).removeprefix("domains/")
                for d in data.get("domains", []) or []
                if isinstance(d, dict) and "name" in d
            ]
            if not data.get("nextPageToken"):
                break
            params["pageToken"] = str(data["nextPageToken"])
        rows = []
        for domain in names:
            try:
                stats = _stats(client, base, domain, since, until)
                compliance = _json(client.get(f"{base}/v2/domains/{domain}/complianceStatus"))
            except (PostmasterError, httpx.HTTPError) as exc:
                result.errors[domain] = str(exc)[:300]
                continue
            result.domains.append(domain)
            for day, metrics in stats.items():
                spam = metrics.get("spam_rate")
                rows.append(
                    {
                        "domain": domain.lower(),
                        "day": day,
                        "spam_rate": float(spam) if isinstance(spam, int | float) else None,
                        "reputation": "",
                        "metrics": metrics,
                        "compliance": compliance,
                        "imported_at": at,
                    }
                )
    if rows:
        with store.session(write=True) as s:
            s.execute(_upsert(s.get_bind().dialect.name), rows)
    result.days = len(rows)
    return result
