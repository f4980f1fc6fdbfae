"""DMARC policy records: RFC 9989 (DMARCbis) discovery and tags, reading RFC 7489 records too.

Ladder: ``discover`` (DNS tree walk, §4.10) → ``parse_record`` (pure) → ``audit_dmarc``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..core.dns import Resolver, Status
from ..core.errors import InputError
from ..core.findings import Finding, Severity
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


#: Tags the plan writes itself; every other tag of the record is carried into each step.
_PLAN_TAGS = {"v", "p", "t", "pct", "rua", "ruf"}
#: The RFC 7489 twin of t=y in a testing step. RFC 9989's t=y makes receivers apply one step
#: less than p= (quarantine → none, reject → quarantine), as this module's plan and the
#: dmarc.testing finding say. An RFC 7489 receiver ignores t= but reads pct= (RFC 7489 §6.3):
#: the share of failing mail the policy applies to, the rest getting the next weaker policy.
#: pct=0 is therefore "one step less for all mail", the same as t=y (t=y was designed as the
#: analogue of pct=0, t=n of pct=100), so a testing step carries both and both kinds of
#: receiver apply the same policy. A partial pct (say 50) would enforce for RFC 7489 receivers
#: what RFC 9989 receivers only test.
TESTING_PCT = "pct=0"


def staged_next(
    rec: DmarcRecord | None, report_to: str, *, drop: Collection[str] = ()
) -> list[tuple[str, str]]:
    """The DMARCbis road to p=reject: [(stage, record)], from the current state onward.

    Each step keeps the record's other tags (sp, np, adkim, aspf, fo, ri…) and its report
    addresses except those in ``drop`` (destinations that have not authorised the reports:
    :func:`report_destinations`); with no aggregate address left, ``report_to`` is used.
    Testing steps carry t=y and its RFC 7489 twin pct=0 (:data:`TESTING_PCT`).
    """
    dropped = {u.lower() for u in drop}
    rua_uris = [u for u in (rec.uris("rua") if rec else []) if u.lower() not in dropped]
    ruf_uris = [u for u in (rec.uris("ruf") if rec else []) if u.lower() not in dropped]
    reports = ["rua=" + ",".join(rua_uris or [f"mailto:{report_to}"])]
    if ruf_uris:
        reports.append("ruf=" + ",".join(ruf_uris))
    other = {k: v for k, v in (rec.tags.items() if rec else []) if k not in _PLAN_TAGS}

    def step(policy: str, testing: bool, **override: str) -> str:
        tags = [f"p={policy}"] + (["t=y", TESTING_PCT] if testing else [])
        # an sp=/np= weaker than the step's policy is left out: subdomains then follow p=, as
        # the dmarc.subdomain-weaker advice asks (the last step sets both to reject anyway)
        kept = {k: v for k, v in other.items() if k not in ("sp", "np") or STRENGTH[v] >= STRENGTH[policy]}
        merged = {**kept, **override}
        tags += [f"{k}={v}" for k, v in merged.items()]
        return "; ".join(["v=DMARC1", *tags, *reports])

    stages = [
        ("none", step("none", False)),
        ("quarantine-testing", step("quarantine", True)),
        ("quarantine", step("quarantine", False)),
        ("reject-testing", step("reject", True)),
        ("reject", step("reject", False, sp="reject", np="reject")),
    ]
    if rec is None:
        current = -1
    else:
        base = {"none": 0, "quarantine": 2, "reject": 4}[rec.policy]
        current = base - 1 if rec.testing and base > 0 else base
    return stages[current + 1 :]


@dataclass
class ReportDestination:
    tag: str  # rua | ruf
    uri: str
    #: own (same organisation) | authorised | unauthorised | undetermined | bad (no mailto:)
    state: str
    target: str | None = None
    #: the authorisation record the destination must publish (RFC 9990 §4), when external
    record: str | None = None


async def report_destinations(
    uris: Iterable[tuple[str, str]], policy_domain: str, resolver: Resolver
) -> list[ReportDestination]:
    """RFC 7489 §7.1 / RFC 9990 §4 external destination verification of (tag, uri) pairs:
    a destination in another organisation must publish ``<domain>._report._dmarc.<dest>``
    TXT "v=DMARC1"."""
    out = []
    for tag, uri in uris:
        dest = _mailto_domain(uri)
        if dest is None:
            out.append(ReportDestination(tag, uri, "bad"))
            continue
        if same_organisation(dest, policy_domain):
            out.append(ReportDestination(tag, uri, "own", dest))
            continue
        name = f"{policy_domain}._report._dmarc.{dest}"
        ans = await resolver.query(name, "TXT")
        ok = ans.ok and any(t.lower().startswith("v=dmarc1") for t in ans.text_records())
        state = "authorised" if ok else ("undetermined" if ans.temporary else "unauthorised")
        out.append(ReportDestination(tag, uri, state, dest, name))
    return out


async def staged_plan(
    rec: DmarcRecord | None, domain: str, report_to: str, resolver: Resolver | None
) -> tuple[list[tuple[str, str]], list[ReportDestination]]:
    """:func:`staged_next` without the report destinations that have not authorised
    ``domain`` (checked through ``resolver``; none dropped offline), and those dropped."""
    if rec is None or resolver is None:
        return staged_next(rec, report_to), []
    pairs = [(tag, u) for tag in ("rua", "ruf") for u in rec.uris(tag)]
    dests = await report_destinations(pairs, domain, resolver)
    dropped = [d for d in dests if d.state == "unauthorised"]
    return staged_next(rec, report_to, drop=[d.uri for d in dropped]), dropped


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
        first = await _vetted(
            res, domain, f"v=DMARC1; p=none; rua=mailto:{report_to}", resolver, report_to, "none"
        )
        res.add("dmarc.missing", domain, fix=first)
        return res
    if disc.status == "multiple":
        res.status = "invalid"
        res.add("dmarc.multiple-records", domain, count=len(disc.texts), evidence=" | ".join(disc.texts))
        return res
    return await audit_dmarc_record(
        domain,
        disc.texts[0],
        resolver=resolver,
        report_to=report_to,
        policy_domain=disc.policy_domain or domain,
        res=res,
    )


async def audit_dmarc_record(
    domain: str,
    text: str,
    *,
    resolver: Resolver,
    report_to: str,
    policy_domain: str | None = None,
    res: CheckResult | None = None,
    propose: bool = True,
) -> CheckResult:
    """Audit one DMARC record found for ``domain`` at ``policy_domain`` (also a proposed
    record, not yet published). With ``propose``, each proposed record is first audited
    itself (:func:`vet_dmarc`) and shown only when that audit finds nothing to warn about."""
    res = res or CheckResult("dmarc")
    policy_domain = policy_domain or domain
    res.record = text
    res.data["policy_domain"] = policy_domain
    try:
        rec = parse_record(text)
    except DmarcSyntaxError as exc:
        res.status = "invalid"
        first = None
        if propose:
            first = await _vetted(
                res, domain, f"v=DMARC1; p=none; rua=mailto:{report_to}", resolver, report_to, "none"
            )
        res.add("dmarc.syntax-error", domain, message=str(exc), evidence=text, fix=first)
        return res
    res.status = "present"
    inherited = policy_domain != domain
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
        res.add("dmarc.inherited", domain, policy_domain=policy_domain)
    for tag in rec.unknown:
        res.add("dmarc.unknown-tag", domain, tag=tag)
    for tag in rec.removed:
        if tag == "pct" and rec.testing and rec.tags["pct"] == TESTING_PCT.split("=")[1]:
            continue  # the RFC 7489 twin of t=y, as the plan writes it
        res.add("dmarc.removed-tag", domain, tag=tag, advice=REMOVED_TAGS[tag])
    for tag, value in rec.invalid:
        res.add("dmarc.invalid-value", domain, tag=tag, value=value, evidence=text)
    steps, _dropped = await staged_plan(rec, policy_domain, report_to, resolver)
    next_fix = None
    if steps and propose:
        policy = steps[0][1].split("p=", 1)[1].split(";", 1)[0]
        next_fix = await _vetted(res, domain, steps[0][1], resolver, report_to, policy)
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
        with_rua = None
        if propose:
            kept = [f"{k}={v}" for k, v in rec.tags.items() if k not in rec.unknown and k != "v"]
            with_rua = await _vetted(
                res,
                domain,
                "; ".join(["v=DMARC1", *kept, f"rua=mailto:{report_to}"]),
                resolver,
                report_to,
                rec.policy,
            )
        res.add("dmarc.no-rua", domain, fix=with_rua)
    pairs = [(tag, uri) for tag in ("rua", "ruf") for uri in rec.uris(tag)]
    for d in await report_destinations(pairs, policy_domain, resolver):
        if d.state == "bad":
            res.add("dmarc.bad-uri", domain, tag=d.tag, uri=d.uri)
        elif d.state == "authorised":
            res.add("dmarc.external-authorized", domain, target=d.target, record=d.record)
        elif d.state == "unauthorised" and not any(f.params.get("record") == d.record for f in res.findings):
            res.add(
                "dmarc.external-unauthorized",
                domain,
                target=d.target,
                record=d.record,
                fix=f'{d.record}. TXT "v=DMARC1"',
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


async def vet_dmarc(
    domain: str, text: str, resolver: Resolver, *, report_to: str, policy: str
) -> list[Finding]:
    """The findings of warning severity or worse that auditing ``text`` as the DMARC record of
    ``domain`` raises (parse, tags, report authorisation), ``policy`` being the p= the
    proposal means to set: p=none is flagged unless it is meant. The configured report
    address (``report_to``) may still need its authorisation record; the audit that proposes
    it shows that record beside the proposal."""
    check = await audit_dmarc_record(domain, text, resolver=resolver, report_to=report_to, propose=False)
    own = _mailto_domain(f"mailto:{report_to}")
    flagged = []
    for f in check.findings:
        if f.severity.rank < Severity.WARNING.rank:
            continue
        if f.code == "dmarc.policy-none" and policy == "none":
            continue
        if f.code == "dmarc.external-unauthorized" and f.params.get("target") == own:
            continue
        flagged.append(f)
    stated = check.data.get("policy")
    if stated is not None and stated != policy:
        # not the step the plan means to take (say p=none where enforcement is meant)
        flagged.append(
            Finding("dmarc.invalid-value", domain, {"domain": domain, "tag": "p", "value": stated})
        )
    return flagged


async def _vetted(
    res: CheckResult, domain: str, record: str, resolver: Resolver, report_to: str, policy: str
) -> str | None:
    """``record`` as a zone line when it passes :func:`vet_dmarc`, else None. When it sends
    reports to the configured address in another organisation that has not authorised them,
    the authorisation record is proposed beside it (dmarc.external-unauthorized)."""
    if await vet_dmarc(domain, record, resolver, report_to=report_to, policy=policy):
        return None
    if f"mailto:{report_to}" in record:
        [d] = await report_destinations([("rua", f"mailto:{report_to}")], domain, resolver)
        if d.state == "unauthorised" and not any(f.params.get("record") == d.record for f in res.findings):
            res.add(
                "dmarc.external-unauthorized",
                domain,
                target=d.target,
                record=d.record,
                fix=f'{d.record}. TXT "v=DMARC1"',
            )
    return f'_dmarc.{domain}. TXT "{record}"'


def summary(rec: DmarcRecord) -> dict[str, Any]:
    return {"policy": rec.policy, "sp": rec.subdomain_policy, "np": rec.nonexistent_policy, "t": rec.testing}
