"""MTA-STS (RFC 8461) and SMTP TLS reporting (RFC 8460)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core.dns import Resolver
from ..core.errors import InputError
from ..core.https import FetchError, https_get
from ..core.i18n import gettext
from ..core.txt import fetch_txt
from .model import CheckResult

MAX_AGE_LIMIT = 31_557_600  # RFC 8461 §3.2
MAX_AGE_ADVISED = 604_800


class PolicyError(InputError):
    pass


@dataclass
class StsPolicy:
    mode: str
    max_age: int
    mx: list[str] = field(default_factory=list)


def parse_sts_record(text: str) -> str:
    """Return the policy id of a ``v=STSv1; id=…`` record (RFC 8461 §3.1)."""
    fields = dict(
        (k.strip(), v.strip()) for k, _, v in (p.partition("=") for p in text.split(";") if p.strip())
    )
    if fields.get("v") != "STSv1":
        raise PolicyError(gettext("first field must be v=STSv1"))
    pid = fields.get("id", "")
    if not re.fullmatch(r"[A-Za-z0-9]{1,32}", pid):
        raise PolicyError(gettext("id must be 1 to 32 letters or digits"))
    return pid


def parse_policy(text: str) -> StsPolicy:
    """Parse the policy file body (RFC 8461 §3.2)."""
    values: dict[str, str] = {}
    mx: list[str] = []
    for line in re.split(r"\r?\n", text):
        if not line.strip():
            continue
        if ":" not in line:
            raise PolicyError(gettext("line without ':' ({value!r})").format(value=line[:40]))
        k, v = (x.strip() for x in line.split(":", 1))
        if k == "mx":
            mx.append(v.lower().rstrip("."))
        else:
            values.setdefault(k, v)
    if values.get("version") != "STSv1":
        raise PolicyError(gettext("version must be STSv1"))
    mode = values.get("mode", "")
    if mode not in ("enforce", "testing", "none"):
        raise PolicyError(gettext("mode must be enforce, testing or none (got {mode!r})").format(mode=mode))
    age = values.get("max_age", "")
    if not age.isdigit() or int(age) > MAX_AGE_LIMIT:
        raise PolicyError(
            gettext("max_age must be a number of seconds ≤ {max_age_limit}").format(
                max_age_limit=MAX_AGE_LIMIT
            )
        )
    if mode != "none" and not mx:
        raise PolicyError(gettext("no mx: lines"))
    return StsPolicy(mode, int(age), mx)


def mx_matches(pattern: str, host: str) -> bool:
    """RFC 8461 §4.1: a leading '*.' matches exactly one left-most label."""
    pattern, host = pattern.lower().rstrip("."), host.lower().rstrip(".")
    if pattern.startswith("*."):
        head, _, rest = host.partition(".")
        return bool(head) and rest == pattern[2:]
    return pattern == host


async def audit_mta_sts(
    domain: str,
    *,
    resolver: Resolver,
    mx_hosts: list[str],
    port: int = 443,
    ca_file: Path | str | None = None,
    fetch_policy: bool = True,
    receives_mail: bool = True,
) -> CheckResult:
    """Check the ``_mta-sts`` record and, with ``fetch_policy``, the HTTPS policy and MX coverage."""
    res = CheckResult("mta-sts")
    ans = await fetch_txt(resolver, f"_mta-sts.{domain}", lambda t: t.startswith("v=STSv1"))
    if ans.temporary:
        return res.undetermined("check.undetermined", domain, check="MTA-STS", reason=ans.reason)
    sts = ans.records
    if not sts:
        res.status = "absent"
        if receives_mail:
            res.add("mta-sts.missing", domain)
        return res
    res.record = sts[0]
    if len(sts) > 1:
        res.status = "invalid"
        res.add("mta-sts.bad-record", domain, reason=f"{len(sts)} records")
        return res
    try:
        res.data["id"] = parse_sts_record(sts[0])
    except PolicyError as exc:
        res.status = "invalid"
        res.add("mta-sts.bad-record", domain, reason=str(exc))
        return res
    if not fetch_policy:
        res.status = "present"
        return res
    host = f"mta-sts.{domain}"
    url = f"https://{host}/.well-known/mta-sts.txt"
    try:
        resp = await https_get(
            host, "/.well-known/mta-sts.txt", resolver=resolver, port=port, ca_file=ca_file
        )
        if resp.status != 200:
            raise FetchError(
                gettext("HTTP status {value} (redirects are not followed)").format(value=resp.status)
            )
        ctype = resp.headers.get("content-type", "")
        if not ctype.lower().startswith("text/plain"):
            raise FetchError(gettext("content type {value}, not text/plain").format(value=ctype or "missing"))
        policy = parse_policy(resp.body.decode("utf-8", "replace"))
    except FetchError as exc:
        res.status = "invalid"
        res.add("mta-sts.policy-unavailable", domain, url=url, reason=str(exc))
        return res
    except PolicyError as exc:
        res.status = "invalid"
        res.add("mta-sts.bad-policy", domain, reason=str(exc))
        return res
    res.status = "present"
    res.data.update({"mode": policy.mode, "max_age": policy.max_age, "mx": policy.mx})
    if policy.mode == "testing":
        res.add("mta-sts.testing", domain)
    if policy.mode != "none":
        for h in mx_hosts:
            if not any(mx_matches(p, h) for p in policy.mx):
                res.add("mta-sts.mx-not-covered", domain, host=h)
    if policy.max_age < MAX_AGE_ADVISED:
        res.add("mta-sts.short-max-age", domain, max_age=policy.max_age)
    if policy.mode == "enforce" and not any(f.severity.rank >= 3 for f in res.findings):
        res.add("mta-sts.ok", domain, mode=policy.mode)
    return res


async def audit_tlsrpt(
    domain: str, *, resolver: Resolver, report_to: str | None = None, receives_mail: bool = True
) -> CheckResult:
    res = CheckResult("tlsrpt")
    ans = await fetch_txt(resolver, f"_smtp._tls.{domain}", lambda t: t.startswith("v=TLSRPTv1"))
    if ans.temporary:
        return res.undetermined("check.undetermined", domain, check="TLS-RPT", reason=ans.reason)
    texts = ans.records
    fix = f'_smtp._tls.{domain}. TXT "v=TLSRPTv1; rua=mailto:{report_to or "tls-reports@" + domain}"'
    if not texts:
        res.status = "absent"
        if receives_mail:
            res.add("tlsrpt.missing", domain, fix=fix)
        return res
    res.record = texts[0]
    if len(texts) > 1:
        res.status = "invalid"
        res.add("tlsrpt.bad-record", domain, reason=f"{len(texts)} records")
        return res
    fields = {
        k.strip(): v.strip() for k, _, v in (p.partition("=") for p in texts[0].split(";") if p.strip())
    }
    uris = [u.strip() for u in fields.get("rua", "").split(",") if u.strip()]
    bad = [u for u in uris if not re.match(r"^(mailto:[^@\s]+@[^@\s]+|https://\S+)$", u)]
    if not uris or bad:
        res.status = "invalid"
        res.add("tlsrpt.bad-record", domain, reason="rua= must list mailto: or https: URIs", fix=fix)
        return res
    res.status = "present"
    res.data["rua"] = uris
    res.add("tlsrpt.ok", domain, rua=", ".join(uris))
    return res
