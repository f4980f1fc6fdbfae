"""The hot loop over CloudTrail records: compact state kept per principal and per access key.

Nothing is decided here: records are folded into order-free state (earliest times, sets),
so the rules in ``trail_rules`` give the same answer whatever order the files came in.

Records arrive as :class:`Record` structs (``trail_read`` decodes only the fields read here
and checks their types), so the loop needs no checks of its own. Per record: one dict lookup
on ``eventName`` to tell an interesting call; string compares of
the ISO ``eventTime`` (CloudTrail writes ``YYYY-MM-DDTHH:MM:SSZ``, which sorts as it reads);
no datetime is made per record."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import msgspec
import orjson

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


class Identity(msgspec.Struct, gc=False):
    """The parts of ``userIdentity`` the rules read (fields named as CloudTrail names them)."""

    arn: str | None = None
    accessKeyId: str | None = None
    type: str | None = None
    userName: str | None = None


class Record(msgspec.Struct, gc=False):
    """The parts of a CloudTrail record the rules read; the rest of the record is skipped
    by the decoder, and the request and response are kept as raw JSON, decoded only for
    the few records that matter (:func:`interesting_event`)."""

    eventTime: str
    eventSource: str
    eventName: str
    userIdentity: Identity
    sourceIPAddress: str | None = None
    awsRegion: str | None = None
    errorCode: str | None = None
    requestParameters: Any = msgspec.Raw(b"null")  # msgspec.Raw when decoded
    responseElements: Any = msgspec.Raw(b"null")


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


def fold(records: list[Record], st: State) -> None:
    """Fold one file's records into ``st`` (the hot loop)."""
    seen = st.seen
    sesiam = st.sesiam
    key_days = st.key_days
    key_owner = st.key_owner
    interesting = INTERESTING
    for r in records:
        t = r.eventTime
        es = r.eventSource
        en = r.eventName
        ui = r.userIdentity
        arn = ui.arn or ""
        key = ui.accessKeyId or ""
        principal = arn or key
        if not principal:
            continue
        ip = r.sourceIPAddress or ""
        if key[:4] == "AKIA":
            kd = (key, t[:10])
            kold = key_days.get(kd)
            if kold is None or t < kold[0]:
                key_days[kd] = (t, en, ip, r.awsRegion or "")
                if key not in key_owner:
                    key_owner[key] = arn
        pk = (principal, ip)
        old = seen.get(pk)
        if old is None or t < old:
            seen[pk] = t
        if es in (SES, IAM):
            o = sesiam.get(pk)
            if o is None or t < o[0]:
                sesiam[pk] = (t, en, r.awsRegion or "")
        if interesting.get(en) == es:
            interesting_event(r, principal, st)
    st.events += len(records)


def _value(v: Any) -> Any:
    """A request or response as data: decoded here when the reader kept it raw."""
    if isinstance(v, msgspec.Raw):
        try:
            return orjson.loads(bytes(v))
        except orjson.JSONDecodeError:  # the decoder checked it already; defensive only
            return None
    return v


def interesting_event(r: Record, principal: str, st: State) -> None:
    req = _value(r.requestParameters)
    ui = r.userIdentity
    st.interesting.append(
        Event(
            time=r.eventTime,
            name=r.eventName,
            region=r.awsRegion or "",
            ip=r.sourceIPAddress or "",
            principal=principal,
            arn=ui.arn or "",
            key=ui.accessKeyId or "",
            identity_type=ui.type or "",
            user=ui.userName or "",
            request=req if isinstance(req, dict) else {},
            response=_value(r.responseElements),
            error=r.errorCode or "",
        )
    )
