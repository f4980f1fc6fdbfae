"""The SES abuse rules, decided once every file has been read (so file order does not matter).

Baseline: a principal's networks are those seen in the first 24 hours of its history in the
files read (from its earliest event on); an SES or IAM call from any other network is new."""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ..core.findings import Finding, Severity
from .trail_net import Networks
from .trail_scan import PROBES, Event, State

BASELINE = timedelta(hours=24)
PROBE_WINDOW = 600  # seconds
DENIED = ("AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "Client.UnauthorizedOperation")


@dataclass
class Rules:
    ses_users: tuple[str, ...] = ()
    known_domains: tuple[str, ...] = ()
    silence_days: int = 30


def epoch(t: str) -> float:
    try:
        return datetime.fromisoformat(t.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return 0.0


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _params(e: Event, **extra: Any) -> dict[str, Any]:
    return {
        "event_time": e.time,
        "event_name": e.name,
        "source_ip": e.ip,
        "region": e.region,
        "principal": e.principal,
        **extra,
    }


def _finding(code: str, e: Event, severity: Severity | None = None, **extra: Any) -> Finding:
    f = Finding(code, subject=e.principal, params=_params(e, **extra))
    if severity is not None and severity != f.definition.severity:
        f.severity_override = severity
    return f


def _caller_user(e: Event) -> str:
    if e.user:
        return e.user
    if ":user/" in e.arn:
        return e.arn.rsplit("/", 1)[-1]
    return ""


def _access_key(e: Event, rules: Rules) -> Finding | None:
    caller = _caller_user(e)
    target = str(e.request.get("userName") or caller)
    key_id = ""
    if isinstance(e.response, dict) and isinstance(e.response.get("accessKey"), dict):
        key_id = str(e.response["accessKey"].get("accessKeyId") or "")
    if target.startswith("ses-smtp-user.") or target in rules.ses_users:
        reason = "ses_user"
        sev = None
    elif target and target != caller:
        reason = "other_principal"
        sev = Severity.WARNING
    else:
        return None
    return _finding(
        "cloud.trail-ses-access-key", e, sev, user=target, new_key_id=key_id or "-", reason=reason
    )


def _identity(e: Event, rules: Rules) -> Finding | None:
    r = e.request
    ident = str(r.get("domain") or r.get("emailAddress") or r.get("emailIdentity") or "")
    if not ident:
        return None
    domain = ident.rsplit("@", 1)[-1].lower().rstrip(".")
    known = [k.lower().rstrip(".") for k in rules.known_domains]
    if not known:
        return _finding(
            "cloud.trail-ses-identity", e, Severity.NOTICE, identity=ident, domain=domain, known="-"
        )
    if any(domain == k or domain.endswith("." + k) for k in known):
        return None
    return _finding("cloud.trail-ses-identity", e, identity=ident, domain=domain, known=", ".join(known))


def event_findings(events: list[Event], rules: Rules) -> list[Finding]:
    out: list[Finding] = []
    for e in events:
        if e.name in PROBES:
            continue
        if e.error:
            continue  # a refused change changed nothing (probes are judged below)
        r = e.request
        f: Finding | None = None
        if e.name == "CreateAccessKey":
            f = _access_key(e, rules)
        elif e.name == "CreateUser":
            user = str(r.get("userName") or "")
            if user.startswith("ses-smtp-user.") or user in rules.ses_users:
                f = _finding("cloud.trail-ses-user-created", e, user=user)
        elif e.name in ("UpdateAccountSendingEnabled", "PutAccountSendingAttributes"):
            on = r.get("enabled", r.get("sendingEnabled"))
            on_ = on is not False and str(on).lower() != "false"
            f = _finding(
                "cloud.trail-ses-sending", e, None if on_ else Severity.NOTICE, state="on" if on_ else "off"
            )
        elif e.name in ("PutIdentityPolicy", "CreateEmailIdentityPolicy", "UpdateEmailIdentityPolicy"):
            ident = str(r.get("identity") or r.get("emailIdentity") or "")
            f = _finding(
                "cloud.trail-ses-identity-policy",
                e,
                identity=ident,
                policy_name=str(r.get("policyName") or ""),
            )
        elif e.name in ("VerifyDomainIdentity", "VerifyEmailIdentity", "CreateEmailIdentity"):
            f = _identity(e, rules)
        elif e.name == "PutAccountDetails":
            if (
                r.get("productionAccessEnabled") is True
                or str(r.get("productionAccessEnabled")).lower() == "true"
            ):
                f = _finding(
                    "cloud.trail-ses-quota-request",
                    e,
                    request="production access",
                    quota_code="-",
                    desired_value="-",
                )
        elif e.name == "RequestServiceQuotaIncrease" and str(r.get("serviceCode") or "").lower() == "ses":
            f = _finding(
                "cloud.trail-ses-quota-request",
                e,
                request="quota increase",
                quota_code=str(r.get("quotaCode") or ""),
                desired_value=str(r.get("desiredValue") or ""),
            )
        if f is not None:
            out.append(f)
    return out


def baselines(st: State, nets: Networks) -> dict[str, set[str]]:
    """Per principal, the networks seen in the first 24 hours of its history."""
    first: dict[str, str] = {}
    for (p, _ip), t in st.seen.items():
        if p not in first or t < first[p]:
            first[p] = t
    cutoff = {p: iso(epoch(t) + BASELINE.total_seconds()) for p, t in first.items()}
    base: dict[str, set[str]] = defaultdict(set)
    for (p, ip), t in st.seen.items():
        net = nets.of(ip)
        if net is not None and t < cutoff[p]:
            base[p].add(net[0])
    return base


def network_findings(st: State, nets: Networks, base: dict[str, set[str]]) -> list[Finding]:
    firsts: dict[tuple[str, str], tuple[str, str, str, str, str, str]] = {}
    for (p, ip), (t, name, region) in st.sesiam.items():
        net = nets.of(ip)
        if net is None or net[0] in base.get(p, ()):
            continue
        k = (p, net[0])
        if k not in firsts or t < firsts[k][0]:
            firsts[k] = (t, name, region, ip, net[1], net[2])
    out = []
    for (p, network), (t, name, region, ip, asn, country) in sorted(
        firsts.items(), key=lambda kv: (kv[1][0], kv[0])
    ):
        e = Event(t, name, region, ip, p, "", "", "", "", {}, None, "")
        known = ", ".join(sorted(base.get(p, ()))) or "-"
        out.append(
            _finding(
                "cloud.trail-new-network",
                e,
                network=network,
                asn=asn or "-",
                country=country or "-",
                baseline=known,
            )
        )
    return out


def probe_findings(events: list[Event], nets: Networks, base: dict[str, set[str]]) -> list[Finding]:
    per: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        if e.name in PROBES:
            per[e.principal].append(e)
    out: list[Finding] = []
    for p in sorted(per):
        evs = sorted(per[p], key=lambda e: (e.time, e.region, e.name))
        denied = next((e for e in evs if e.error in DENIED or "AccessDenied" in e.error), None)
        if denied is not None:
            out.append(_finding("cloud.trail-ses-probe", denied, reason="denied", regions=denied.region))
        times = [epoch(e.time) for e in evs]
        j = 0
        for i, e in enumerate(evs):
            while times[i] - times[j] > PROBE_WINDOW:
                j += 1
            regions = sorted({x.region for x in evs[j : i + 1]})
            if len(regions) >= 2:
                out.append(_finding("cloud.trail-ses-probe", e, reason="regions", regions=", ".join(regions)))
                break
        for e in evs:
            net = nets.of(e.ip)
            if net is not None and net[0] not in base.get(p, ()):
                out.append(_finding("cloud.trail-ses-probe", e, reason="new_network", regions=e.region))
                break
    return out


def silence_findings(st: State, silence_days: int) -> list[Finding]:
    per: dict[str, list[tuple[str, tuple[str, str, str, str]]]] = defaultdict(list)
    for (key, day), first in st.key_days.items():
        per[key].append((day, first))
    out = []
    for key in sorted(per):
        days = sorted(per[key])
        for (d1, _f1), (d2, f2) in itertools.pairwise(days):
            try:
                gap = (date.fromisoformat(d2) - date.fromisoformat(d1)).days
            except ValueError:
                continue
            if gap >= silence_days:
                t, name, ip, region = f2
                arn = st.key_owner.get(key, "")
                e = Event(t, name, region, ip, key, arn, key, "", "", {}, None, "")
                out.append(
                    _finding(
                        "cloud.trail-dormant-key",
                        e,
                        access_key_id=key,
                        arn=arn or "-",
                        gap_days=gap,
                        last_used=d1,
                    )
                )
    return out


def decide(st: State, nets: Networks, rules: Rules) -> list[Finding]:
    base = baselines(st, nets)
    findings = event_findings(st.interesting, rules)
    findings += network_findings(st, nets, base)
    findings += probe_findings(st.interesting, nets, base)
    findings += silence_findings(st, rules.silence_days)
    findings.sort(key=lambda f: (f.params["event_time"], f.code, f.subject))
    return findings
