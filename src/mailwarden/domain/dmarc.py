"""DMARC policy records: RFC 9989 (DMARCbis) discovery and tags, reading RFC 7489 records too.

Ladder: ``discover`` (DNS tree walk, §4.10) → ``parse_record`` (pure) → ``audit_dmarc``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..core.dns import Resolver, Status
from ..core.errors import InputError
from ..core.i18n import N_, gettext
from ..core.txt import fetch_txt
from .model import CheckResult
from .orgdomain import same_organisation

KNOWN_TAGS = {"v", "p", "sp", "np", "adkim", "aspf", "t", "psd", "rua", "ruf", "fo"}
REMOVED_TAGS = {
    "pct": N_("the percentage ramp is gone; use t=y for a testing phase."),
    "rf": N_("the failure-report format is always AFRF."),
    "ri": N_("the report interval is decided by the receiver."),
}
POLICIES = ("none", "quarantine", "reject")
STRENGTH = {"none": 0, "quarantine": 1, "reject": 2}
MAX_WALK = 8


class DmarcSyntaxError(InputError):
    pass


@dataclass
class DmarcRecord:
    text: str
    tags: dict[str, str] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    #: (tag, value) pairs receivers cannot use, read as their default (an invalid p= with rua=)
    invalid: list[tuple[str, str]] = field(default_factory=list)
    policy: str = "none"

    @property
    def subdomain_policy(self) -> str:
        return self.tags.get("sp", self.policy)

    @property
    def nonexistent_policy(self) -> str:
        return self.tags.get("np", self.subdomain_policy)

    @property
    def testing(self) -> bool:
        return self.tags.get("t", "n").lower() == "y"

    def uris(self, tag: str) -> list[str]:
        raw = self.tags.get(tag, "")
        return [u.strip() for u in raw.split(",") if u.strip()]


def is_dmarc_record(text: str) -> bool:
    return bool(re.match(r"^v\s*=\s*DMARC1\s*(;|$)", text, flags=re.IGNORECASE))


def parse_record(text: str) -> DmarcRecord:
    """Parse a DMARC record (RFC 9989 §4.7); raise DmarcSyntaxError when it cannot be used."""
    if not is_dmarc_record(text):
        raise DmarcSyntaxError(gettext("the record must start with 'v=DMARC1'"))
    rec = DmarcRecord(text)
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        if "=" not in part:
            raise DmarcSyntaxError(gettext("'{part}' is not of the form tag=value").format(part=part))
        tag, value = (x.strip() for x in part.split("=", 1))
        tag = tag.lower()
        if tag in rec.tags:
            raise DmarcSyntaxError(gettext("tag '{tag}' appears twice").format(tag=tag))
        rec.tags[tag] = value
        if tag in REMOVED_TAGS:
            rec.removed.append(tag)
        elif tag not in KNOWN_TAGS:
            rec.unknown.append(tag)
    p = rec.tags.get("p", "").lower()
    if p in POLICIES:
        rec.policy = p
    elif "p" in rec.tags:
        # RFC 9989 §4.7: an invalid p= with a valid rua= is treated as p=none; without rua
        # the record is unusable.
        if not rec.uris("rua"):
            raise DmarcSyntaxError(gettext("invalid policy p={value}").format(value=rec.tags["p"]))
        rec.invalid.append(("p", rec.tags["p"]))
    elif not rec.uris("rua"):
        raise DmarcSyntaxError(gettext("no p= tag and no rua= tag"))
    for tag in ("sp", "np"):
        if tag in rec.tags and rec.tags[tag].lower() not in POLICIES:
            raise DmarcSyntaxError(gettext("invalid {tag}={value}").format(tag=tag, value=rec.tags[tag]))
        if tag in rec.tags:
            rec.tags[tag] = rec.tags[tag].lower()
    for tag in ("adkim", "aspf"):
        if tag in rec.tags and rec.tags[tag].lower() not in ("r", "s"):
            raise DmarcSyntaxError(
                gettext("invalid {tag}={value} (r or s)").format(tag=tag, value=rec.tags[tag])
            )
    if "t" in rec.tags and rec.tags["t"].lower() not in ("y", "n"):
        raise DmarcSyntaxError(gettext("invalid t={value} (y or n)").format(value=rec.tags["t"]))
    if "psd" in rec.tags and rec.tags["psd"].lower() not in ("y", "n", "u"):
        raise DmarcSyntaxError(gettext("invalid psd={value} (y, n or u)").format(value=rec.tags["psd"]))
    if "fo" in rec.tags and not re.fullmatch(r"[01ds](:[01ds])*", rec.tags["fo"].replace(" ", "")):
        raise DmarcSyntaxError(gettext("invalid fo={value}").format(value=rec.tags["fo"]))
    return rec


@dataclass
class Discovery:
    status: str  # found | absent | undetermined | multiple
    policy_domain: str | None = None
    texts: list[str] = field(default_factory=list)
    reason: str | None = None
    queried: list[str] = field(default_factory=list)


async def _dmarc_texts(name: str, resolver: Resolver) -> tuple[Status, list[str], str]:
    ans = await fetch_txt(resolver, f"_dmarc.{name}", is_dmarc_record)
    return ans.status, ans.records, ans.reason


async def discover(domain: str, *, resolver: Resolver) -> Discovery:
    """RFC 9989 §4.10 tree walk: the domain, then ancestors (at most 8 labels deep)."""
    labels = domain.split(".")
    candidates = [domain]
    start = labels[1:] if len(labels) <= MAX_WALK else labels[-(MAX_WALK - 1) :]
    while start:
        candidates.append(".".join(start))
        start = start[1:]
    disc = Discovery("absent")
    for name in candidates:
        disc.queried.append(f"_dmarc.{name}")
        status, texts, reason = await _dmarc_texts(name, resolver)
        if status.temporary:
            return Discovery("undetermined", name, reason=reason, queried=disc.queried)
        if len(texts) > 1:
            return Discovery("multiple", name, texts, queried=disc.queried)
        if texts:
            return Discovery("found", name, texts, queried=disc.queried)
    return disc


def staged_next(rec: DmarcRecord | None, report_to: str) -> list[tuple[str, str]]:
    """The DMARCbis road to p=reject: [(stage, record)], from the current state onward."""
    rua = f"rua=mailto:{report_to}"
    if rec is not None and rec.uris("rua"):
        rua = "rua=" + ",".join(rec.uris("rua"))
    stages = [
        ("none", f"v=DMARC1; p=none; {rua}"),
        ("quarantine-testing", f"v=DMARC1; p=quarantine; t=y; {rua}"),
        ("quarantine", f"v=DMARC1; p=quarantine; {rua}"),
        ("reject-testing", f"v=DMARC1; p=reject; t=y; {rua}"),
        ("reject", f"v=DMARC1; p=reject; sp=reject; np=reject; {rua}"),
    ]
    if rec is None:
        current = -1
    else:
        base = {"none": 0, "quarantine": 2, "reject": 4}[rec.policy]
        current = base - 1 if rec.testing and base > 0 else base
    return stages[current + 1 :]


def _mailto_domain(uri: str) -> str | None:
    m = re.fullmatch(r"mailto:[^@\s]+@([A-Za-z0-9.\-]+)(!\d+[kmgt]?)?", uri.strip(), flags=re.IGNORECASE)
    return m.group(1).lower().rstrip(".") if m else None


async def audit_dmarc(domain: str, *, resolver: Resolver, report_to: str | None = None) -> CheckResult:
    res = CheckResult("dmarc")
    report_to = report_to or f"dmarc-reports@{domain}"
    disc = await discover(domain, resolver=resolver)
    res.data["queried"] = disc.queried
    if disc.status == "undetermined":
        return res.undetermined("dmarc.undetermined", domain, reason=disc.reason or "")
    if disc.status == "absent":
        res.status = "absent"
        res.add(
            "dmarc.missing", domain, fix=f'_dmarc.{domain}. TXT "v=DMARC1; p=none; rua=mailto:{report_to}"'
        )
        return res
    if disc.status == "multiple":
        res.status = "invalid"
        res.add("dmarc.multiple-records", domain, count=len(disc.texts), evidence=" | ".join(disc.texts))
        return res
    text = disc.texts[0]
    res.record = text
    res.data["policy_domain"] = disc.policy_domain
    try:
        rec = parse_record(text)
    except DmarcSyntaxError as exc:
        res.status = "invalid"
        res.add(
            "dmarc.syntax-error",
            domain,
            message=str(exc),
            evidence=text,
            fix=f'_dmarc.{domain}. TXT "v=DMARC1; p=none; rua=mailto:{report_to}"',
        )
        return res
    res.status = "present"
    inherited = disc.policy_domain != domain
    applied = rec.subdomain_policy if inherited else rec.policy
    res.data.update(
        {
            "policy": rec.policy,
            "applied_policy": applied,
            "sp": rec.subdomain_policy,
            "np": rec.nonexistent_policy,
            "testing": rec.testing,
            "rua": rec.uris("rua"),
            "ruf": rec.uris("ruf"),
            "inherited": inherited,
            "tags": rec.tags,
        }
    )
    if inherited:
        res.add("dmarc.inherited", domain, policy_domain=disc.policy_domain)
    for tag in rec.unknown:
        res.add("dmarc.unknown-tag", domain, tag=tag)
    for tag in rec.removed:
        res.add("dmarc.removed-tag", domain, tag=tag, advice=REMOVED_TAGS[tag])
    for tag, value in rec.invalid:
        res.add("dmarc.invalid-value", domain, tag=tag, value=value, evidence=text)
    steps = staged_next(rec, report_to)
    next_fix = f'_dmarc.{domain}. TXT "{steps[0][1]}"' if steps else None
    if applied == "none":
        res.add("dmarc.policy-none", domain, fix=next_fix)
    elif applied == "quarantine":
        res.add("dmarc.policy-quarantine", domain, fix=next_fix)
    if rec.testing:
        res.add("dmarc.testing", domain, policy=rec.policy, fix=next_fix)
    if not inherited:
        for tag, value in (("sp", rec.subdomain_policy), ("np", rec.nonexistent_policy)):
            if tag in rec.tags and STRENGTH[value] < STRENGTH[rec.policy]:
                res.add("dmarc.subdomain-weaker", domain, tag=tag, value=value, policy=rec.policy)
    if not rec.uris("rua"):
        res.add(
            "dmarc.no-rua", domain, fix=f'_dmarc.{domain}. TXT "{text.rstrip("; ")}; rua=mailto:{report_to}"'
        )
    policy_domain = disc.policy_domain or domain
    for tag in ("rua", "ruf"):
        for uri in rec.uris(tag):
            dest = _mailto_domain(uri)
            if dest is None:
                res.add("dmarc.bad-uri", domain, tag=tag, uri=uri)
                continue
            if same_organisation(dest, policy_domain):
                continue
            name = f"{policy_domain}._report._dmarc.{dest}"
            ans = await resolver.query(name, "TXT")
            ok = ans.ok and any(t.lower().startswith("v=dmarc1") for t in ans.text_records())
            if ok:
                res.add("dmarc.external-authorized", domain, target=dest, record=name)
            elif not ans.temporary:
                res.add(
                    "dmarc.external-unauthorized",
                    domain,
                    target=dest,
                    record=name,
                    fix=f'{name}. TXT "v=DMARC1"',
                )
    for tag, which in (("adkim", "DKIM"), ("aspf", "SPF")):
        if rec.tags.get(tag, "r").lower() == "s":
            res.add("dmarc.alignment-strict", domain, which=which)
    if rec.uris("ruf"):
        res.add("dmarc.ruf", domain)
    if not any(f.severity.rank >= 3 for f in res.findings):
        res.add("dmarc.ok", domain, policy=applied)
    res.data["plan"] = [{"stage": s, "record": r} for s, r in steps]
    return res


def summary(rec: DmarcRecord) -> dict[str, Any]:
    return {"policy": rec.policy, "sp": rec.subdomain_policy, "np": rec.nonexistent_policy, "t": rec.testing}
