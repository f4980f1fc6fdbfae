"""The hot loop over CloudTrail records: compact state kept per principal and per access key.

Nothing is decided here: records are folded into order-free state (earliest times, sets),
so the rules in ``trail_rules`` give the same answer whatever order the files came in.

Per record: one dict lookup on ``eventName`` to tell an interesting call; string compares of
the ISO ``eventTime`` (CloudTrail writes ``YYYY-MM-DDTHH:MM:SSZ``, which sorts as it reads);
no datetime is made per record."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SES = "ses.amazonaws.com"
IAM = "iam.amazonaws.com"
QUOTAS = "servicequotas.amazonaws.com"

#: eventName -> the eventSource it must come from to matter (one lookup per record)
INTERESTING: dict[str, str] = {
    "CreateAccessKey": IAM,
    "CreateUser": IAM,
    "UpdateAccountSendingEnabled": SES,
    "PutAccountSendingAttributes": SES,
    "PutIdentityPolicy": SES,
    "CreateEmailIdentityPolicy": SES,
    "UpdateEmailIdentityPolicy": SES,
    "VerifyDomainIdentity": SES,
    "VerifyEmailIdentity": SES,
    "CreateEmailIdentity": SES,
    "PutAccountDetails": SES,
    "RequestServiceQuotaIncrease": QUOTAS,
    "GetSendQuota": SES,
    "GetSendStatistics": SES,
    "GetAccount": SES,
}
PROBES = frozenset({"GetSendQuota", "GetSendStatistics", "GetAccount"})


@dataclass(slots=True)
class Event:
    """An interesting record, kept whole enough to report."""

    time: str
    name: str
    region: str
    ip: str
    principal: str
    arn: str
    key: str
    identity_type: str
    user: str
    request: dict[str, Any]
    response: Any
    error: str


@dataclass
class State:
    events: int = 0
    missing: int = 0
    #: (principal, sourceIPAddress) -> earliest eventTime
    seen: dict[tuple[str, str], str] = field(default_factory=dict)
    #: (principal, sourceIPAddress) -> earliest (eventTime, eventName, region) of an SES or IAM call
    sesiam: dict[tuple[str, str], tuple[str, str, str]] = field(default_factory=dict)
    #: (AKIA… key, day) -> earliest (eventTime, eventName, sourceIPAddress, awsRegion) that day
    key_days: dict[tuple[str, str], tuple[str, str, str, str]] = field(default_factory=dict)
    #: access key id -> principal ARN
    key_owner: dict[str, str] = field(default_factory=dict)
    interesting: list[Event] = field(default_factory=list)


def fold(records: list[Any], st: State) -> None:
    """Fold one file's records into ``st`` (the hot loop)."""
    seen = st.seen
    sesiam = st.sesiam
    key_days = st.key_days
    key_owner = st.key_owner
    interesting = INTERESTING
    n = 0
    missing = 0
    for r in records:
        try:
            t = r["eventTime"]
            es = r["eventSource"]
            en = r["eventName"]
            ui = r["userIdentity"]
        except (KeyError, TypeError):
            missing += 1
            continue
        if type(t) is not str or type(ui) is not dict:
            missing += 1
            continue
        n += 1
        arn = ui.get("arn") or ""
        key = ui.get("accessKeyId") or ""
        principal = arn or key
        if not principal:
            continue
        ip = r.get("sourceIPAddress") or ""
        if key and key[:4] == "AKIA":
            kd = (key, t[:10])
            kold = key_days.get(kd)
            if kold is None or t < kold[0]:
                key_days[kd] = (t, en, ip, r.get("awsRegion") or "")
                if key not in key_owner:
                    key_owner[key] = arn
        pk = (principal, ip)
        old = seen.get(pk)
        if old is None or t < old:
            seen[pk] = t
        if es in (SES, IAM):
            region = r.get("awsRegion") or ""
            o = sesiam.get(pk)
            if o is None or t < o[0]:
                sesiam[pk] = (t, en, region)
        if interesting.get(en) == es:
            interesting_event(r, t, en, ui, arn, key, principal, ip, st)
    st.events += n
    st.missing += missing


def interesting_event(
    r: dict[str, Any],
    t: str,
    en: str,
    ui: dict[str, Any],
    arn: str,
    key: str,
    principal: str,
    ip: str,
    st: State,
) -> None:
    req = r.get("requestParameters")
    st.interesting.append(
        Event(
            time=t,
            name=en,
            region=str(r.get("awsRegion") or ""),
            ip=str(ip),
            principal=principal,
            arn=arn,
            key=key,
            identity_type=str(ui.get("type") or ""),
            user=str(ui.get("userName") or ""),
            request=req if isinstance(req, dict) else {},
            response=r.get("responseElements"),
            error=str(r.get("errorCode") or ""),
        )
    )
