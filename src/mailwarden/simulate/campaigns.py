"""Phishing-simulation campaigns (issue 18, point 3): sending profiles, making a campaign from a
template and groups of targets, its send-by window, pause, resume and stop. Sending is
``sender.py``.

A campaign's life::

    draft ──schedule──▶ scheduled ──(the sender's first claim)──▶ running ──(nothing left)──▶ done
                          │   ▲                                     │   ▲
                     pause│   │resume                          pause│   │resume
                          ▼   │                                     ▼   │
                          paused ◀──────────────────────────────────────┘
    draft, scheduled, running, paused ──stop──▶ stopped

A recipient's: ``queued`` → ``sending`` (claimed by a sender: a lease) → ``sent``, ``retry``
(a 4xx, tried again after a growing delay), ``failed`` (5xx, or retries exhausted);
``cancelled`` when the campaign is stopped before its mail went out.

The window: :func:`schedule` spreads the recipients' due times evenly over ``[start_at,
send_by)`` in a shuffled order (the departments mixed, so a department does not get warned by
the first of its members to be mailed). :func:`resume` re-spreads the recipients still queued
over what is left of the window; when the window is over (or there was none) they are due at
once. Recipients waiting for a retry keep their own time.
"""

from __future__ import annotations

import os
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from urllib.parse import urlsplit

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from ..core.config import Settings
from ..core.errors import ConfigError, InputError
from ..core.i18n import N_
from ..core.i18n import gettext as _
from ..core.mailout import SECURITIES, RelayConfig
from ..core.net import split_hostport
from ..core.store import Store
from ..core.store.models import utcnow
from .domains import verified_domains
from .ids import new_token
from .models import SimCampaign, SimGroup, SimProfile, SimRecipient, SimTarget
from .templates import LANGS, Template, load_templates

__all__ = [
    "ACTIVE",
    "CAMPAIGN_STATUSES",
    "LEASE",
    "RECIPIENT_STATUSES",
    "CampaignView",
    "ProfileView",
    "add_profile",
    "create_campaign",
    "get_campaign",
    "list_campaigns",
    "list_profiles",
    "pause",
    "relay_config",
    "remove_profile",
    "resume",
    "schedule",
    "spread",
    "stop",
    "templates",
]

CAMPAIGN_STATUSES = ("draft", "scheduled", "running", "paused", "stopped", "done")
#: campaigns whose due recipients the sender mails
ACTIVE = ("scheduled", "running")
RECIPIENT_STATUSES = ("queued", "sending", "retry", "sent", "failed", "cancelled")
#: how long a recipient claimed by a sender is left to it before another may take it (a sender
#: that died mid-batch): far longer than a batch takes
LEASE = timedelta(minutes=10)
TRAINING_AFTER = ("click", "submit")
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
#: refused targets named in an error, at most
_NAMED = 10


def aware(when: datetime) -> datetime:
    """``when`` in UTC, with its zone (SQLite gives naive UTC back)."""
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _opt(when: datetime | None) -> datetime | None:
    return aware(when) if when is not None else None


@lru_cache(maxsize=1)
def templates() -> dict[str, Template]:
    """The shipped templates, loaded once a process (they are package data)."""
    return load_templates()


def _address_ok(value: str) -> bool:
    local, at, domain = value.rpartition("@")
    return bool(at and local and "." in domain and not any(c.isspace() for c in value))


# -- sending profiles --------------------------------------------------------------------------
@dataclass(frozen=True)
class ProfileView:
    id: int
    name: str
    relay: str
    security: str
    username: str
    password_env: str
    mail_from: str
    created_at: datetime


def _profile_view(p: SimProfile) -> ProfileView:
    return ProfileView(
        p.id, p.name, p.relay, p.security, p.username, p.password_env, p.mail_from, aware(p.created_at)
    )


def _default_port(security: str) -> int:
    return 465 if security == "tls" else 587 if security == "starttls" else 25


def _relay(relay: str, security: str) -> RelayConfig:
    try:
        host, port = split_hostport(relay, _default_port(security))
    except ValueError as exc:
        raise ConfigError(_("bad relay address {value}").format(value=relay)) from exc
    return RelayConfig(host=host, port=port, security=security)


def add_profile(
    name: str,
    relay: str,
    *,
    mail_from: str,
    security: str = "starttls",
    username: str = "",
    password_env: str = "",
    store: Store,
) -> ProfileView:
    """A new sending profile. The relay's password is never stored: ``password_env`` names the
    environment variable that holds it when mail is sent. Raises InputError or ConfigError."""
    name, relay, mail_from = name.strip(), relay.strip(), mail_from.strip()
    security = security.strip().lower()
    if not name or len(name) > 200:
        raise InputError(_("a profile name is 1 to 200 characters"))
    if security not in SECURITIES:
        raise ConfigError(_("relay security must be one of: {values}").format(values=", ".join(SECURITIES)))
    _relay(relay, security)  # a plain relay off loopback, a bad address: refused now, not at send
    if not _address_ok(mail_from):
        raise InputError(_("not an email address: {value}").format(value=mail_from))
    if password_env and not _ENV_NAME.match(password_env):
        raise InputError(_("not an environment variable name: {value}").format(value=password_env))
    if password_env and not username:
        raise InputError(_("a password variable needs a username"))
    with store.session(write=True) as s:
        if s.scalar(select(SimProfile.id).where(SimProfile.name == name)) is not None:
            raise InputError(_("a profile named {name} exists already").format(name=name))
        row = SimProfile(
            name=name,
            relay=relay,
            security=security,
            username=username,
            password_env=password_env,
            mail_from=mail_from,
        )
        s.add(row)
        s.flush()
        return _profile_view(row)


def list_profiles(*, store: Store) -> list[ProfileView]:
    with store.session() as s:
        return [_profile_view(p) for p in s.scalars(select(SimProfile).order_by(SimProfile.name))]


def remove_profile(name: str, *, store: Store) -> None:
    """Remove a profile no campaign uses (a campaign keeps the profile it was sent through)."""
    with store.session(write=True) as s:
        p = s.scalar(select(SimProfile).where(SimProfile.name == name))
        if p is None:
            raise InputError(_("no sending profile {name}").format(name=name))
        used = list(s.scalars(select(SimCampaign.name).where(SimCampaign.profile_id == p.id).limit(5)))
        if used:
            raise InputError(
                _("profile {name} is used by campaigns: {campaigns}").format(
                    name=name, campaigns=", ".join(used)
                )
            )
        s.delete(p)


def relay_config(profile: SimProfile | ProfileView, settings: Settings) -> RelayConfig:
    """How to reach the profile's relay; the password is read from the environment variable
    the profile names. Raises ConfigError when it cannot be used."""
    base = _relay(profile.relay, profile.security)
    password = None
    if profile.password_env:
        password = os.environ.get(profile.password_env)
        if not password:
            raise ConfigError(
                _("the environment variable {name} (the password of profile {profile}) is not set").format(
                    name=profile.password_env, profile=profile.name
                )
            )
    return RelayConfig(
        host=base.host,
        port=base.port,
        security=base.security,
        username=profile.username or None,
        password=password,
        ca_file=settings.ca_bundle,
    )


# -- campaigns ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class CampaignView:
    """A campaign as the CLI, console and API show it."""

    id: int
    name: str
    status: str
    template: str
    lang: str
    profile: str
    contact: str
    company: str
    base_url: str
    training_after: str
    survey: bool
    created_by: str
    created_at: datetime
    start_at: datetime | None
    send_by: datetime | None
    finished_at: datetime | None
    recipients: int
    #: recipients by status (queued, sending, retry, sent, failed, cancelled)
    counts: dict[str, int] = field(default_factory=dict)


def _counts(s: Session, ids: Sequence[int]) -> dict[int, dict[str, int]]:
    got: dict[int, dict[str, int]] = {i: {} for i in ids}
    if not ids:
        return got
    q = (
        select(SimRecipient.campaign_id, SimRecipient.status, func.count())
        .where(SimRecipient.campaign_id.in_(ids))
        .group_by(SimRecipient.campaign_id, SimRecipient.status)
    )
    for cid, status, n in s.execute(q):
        got[int(cid)][str(status)] = int(n)
    return got


def _view(c: SimCampaign, profile: str, counts: dict[str, int]) -> CampaignView:
    return CampaignView(
        id=c.id,
        name=c.name,
        status=c.status,
        template=c.template,
        lang=c.lang,
        profile=profile,
        contact=c.contact,
        company=c.company,
        base_url=c.base_url,
        training_after=c.training_after,
        survey=c.survey,
        created_by=c.created_by,
        created_at=aware(c.created_at),
        start_at=_opt(c.start_at),
        send_by=_opt(c.send_by),
        finished_at=_opt(c.finished_at),
        recipients=sum(counts.values()),
        counts={k: counts.get(k, 0) for k in RECIPIENT_STATUSES},
    )


def _find(s: Session, ref: str | int) -> SimCampaign:
    """A campaign by id (digits) or name."""
    text = str(ref).strip()
    c: SimCampaign | None
    if text.isdigit():
        c = s.get(SimCampaign, int(text))
    else:
        c = s.scalar(select(SimCampaign).where(SimCampaign.name == text).order_by(SimCampaign.id).limit(1))
    if c is None:
        raise InputError(_("no campaign {ref}").format(ref=text))
    return c


def _one(s: Session, c: SimCampaign) -> CampaignView:
    profile = s.scalar(select(SimProfile.name).where(SimProfile.id == c.profile_id)) or ""
    return _view(c, profile, _counts(s, [c.id])[c.id])


def get_campaign(ref: str | int, *, store: Store) -> CampaignView:
    with store.session() as s:
        return _one(s, _find(s, ref))


def list_campaigns(*, store: Store) -> list[CampaignView]:
    """Every campaign, newest first, with its recipients counted by status."""
    with store.session() as s:
        rows = list(
            s.execute(
                select(SimCampaign, SimProfile.name)
                .join(SimProfile, SimProfile.id == SimCampaign.profile_id)
                .order_by(SimCampaign.id.desc())
            )
        )
        counts = _counts(s, [c.id for c, _n in rows])
        return [_view(c, name, counts[c.id]) for c, name in rows]


def _unverified(addresses: Iterable[str], domains: set[str]) -> list[str]:
    return sorted(a for a in addresses if a.rpartition("@")[2].lower() not in domains)


def _refuse_unverified(bad: list[str]) -> None:
    if bad:
        named = ", ".join(bad[:_NAMED])
        more = len(bad) - _NAMED
        if more > 0:
            named += " " + _("(and {n} more)").format(n=more)
        raise InputError(
            _("targets outside the verified domains ({n}): {addresses}").format(n=len(bad), addresses=named)
        )


def _base_url(base_url: str | None, settings: Settings) -> str:
    value = (base_url or settings.sim_url or settings.console_url).strip().rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(_("the base URL must be an http or https URL: {value}").format(value=value))
    return value


def create_campaign(
    name: str,
    *,
    template: str,
    profile: str,
    contact: str,
    groups: Sequence[str] | None = None,
    lang: str = "ja",
    company: str = "",
    base_url: str | None = None,
    training_after: str | None = None,
    survey: bool = False,
    created_by: str = "",
    store: Store,
    settings: Settings,
) -> CampaignView:
    """A draft campaign with one recipient per target of ``groups`` (department names; none:
    every target), each a snapshot of the target (name, address, department, manager) with a
    fresh token. Targets outside the verified domains are refused, naming them."""
    name, contact = name.strip(), contact.strip()
    if not name or len(name) > 200:
        raise InputError(_("a campaign name is 1 to 200 characters"))
    if not contact or len(contact) > 320:
        raise InputError(_("a contact is required: who runs the exercise (an address)"))
    tpl = templates().get(template)
    if tpl is None:
        raise InputError(
            _("no template {id} (known: {ids})").format(id=template, ids=", ".join(sorted(templates())))
        )
    if lang not in LANGS:
        raise InputError(_("language must be one of: {values}").format(values=", ".join(LANGS)))
    if training_after is None:
        training_after = "submit" if "<form" in tpl.part(lang).landing.lower() else "click"
    if training_after not in TRAINING_AFTER:
        raise InputError(
            _("training after must be one of: {values}").format(values=", ".join(TRAINING_AFTER))
        )
    url = _base_url(base_url, settings)
    domains = verified_domains(store=store)
    with store.session(write=True) as s:
        prof = s.scalar(select(SimProfile).where(SimProfile.name == profile))
        if prof is None:
            raise InputError(_("no sending profile {name}").format(name=profile))
        if s.scalar(select(SimCampaign.id).where(SimCampaign.name == name)) is not None:
            raise InputError(_("a campaign named {name} exists already").format(name=name))
        q = select(SimTarget, SimGroup.name).outerjoin(SimGroup, SimGroup.id == SimTarget.group_id)
        if groups:
            wanted = sorted(set(groups))
            known = set(s.scalars(select(SimGroup.name).where(SimGroup.name.in_(wanted))))
            missing = [g for g in wanted if g not in known]
            if missing:
                raise InputError(_("no group {names}").format(names=", ".join(missing)))
            q = q.where(SimGroup.name.in_(wanted))
        targets = list(s.execute(q.order_by(SimTarget.id)))
        if not targets:
            raise InputError(_("no targets to mail"))
        _refuse_unverified(_unverified((t.address for t, _g in targets), domains))
        c = SimCampaign(
            name=name,
            template=tpl.id,
            lang=lang,
            profile_id=prof.id,
            status="draft",
            contact=contact,
            company=company.strip(),
            base_url=url,
            training_after=training_after,
            survey=survey,
            created_by=created_by,
        )
        s.add(c)
        s.flush()
        s.execute(
            insert(SimRecipient),
            [
                {
                    "campaign_id": c.id,
                    "target_id": t.id,
                    "address": t.address,
                    "name": t.name,
                    "department": g or "",
                    "manager": t.manager,
                    "token": new_token(),
                    "status": "queued",
                    "attempts": 0,
                    "last_error": "",
                }
                for t, g in targets
            ],
        )
        return _view(c, prof.name, {"queued": len(targets)})


def spread(n: int, start: datetime, end: datetime | None) -> list[datetime]:
    """``n`` times evenly spaced from ``start``: the i-th at start + i·(end − start)/n, so the
    last is one step before ``end`` and the whole window is used at one pace. No ``end`` (or
    one not after ``start``): all at ``start``."""
    if end is None or end <= start or n <= 0:
        return [start] * n
    step = (end - start) / n
    return [start + step * i for i in range(n)]


def _set_due(s: Session, ids: list[int], times: list[datetime]) -> None:
    if ids:
        s.execute(update(SimRecipient), [{"id": i, "due_at": t} for i, t in zip(ids, times, strict=True)])


_CANNOT = {
    "start": N_("campaign {name} is {status}: it cannot be started"),
    "pause": N_("campaign {name} is {status}: it cannot be paused"),
    "resume": N_("campaign {name} is {status}: it cannot be resumed"),
    "stop": N_("campaign {name} is {status}: it cannot be stopped"),
}


def _transition_error(c: SimCampaign, action: str) -> InputError:
    return InputError(_(_CANNOT[action]).format(name=c.name, status=c.status))


def schedule(
    ref: str | int,
    *,
    start_at: datetime | None = None,
    send_by: datetime | None = None,
    store: Store,
    now: datetime | None = None,
    rng: random.Random | None = None,
) -> CampaignView:
    """Start a draft campaign: each recipient due at a time spread evenly over ``[start_at
    (default now), send_by)`` in a shuffled order (no ``send_by``: all at ``start_at``).
    Targets whose domain is no longer verified are refused again here."""
    at = aware(now or utcnow())
    start = aware(start_at) if start_at is not None else at
    end = _opt(send_by)
    if end is not None and end <= start:
        raise InputError(_("the send-by time must be after the start"))
    if end is not None and end <= at:
        raise InputError(_("the send-by time is in the past"))
    domains = verified_domains(store=store)
    with store.session(write=True) as s:
        c = _find(s, ref)
        if c.status != "draft":
            if c.status == "paused":
                raise InputError(
                    _("campaign {name} is paused: resume it with 'campaign resume'").format(name=c.name)
                )
            raise _transition_error(c, "start")
        rows = list(
            s.execute(select(SimRecipient.id, SimRecipient.address).where(SimRecipient.campaign_id == c.id))
        )
        _refuse_unverified(_unverified((a for _i, a in rows), domains))
        ids = [int(i) for i, _a in rows]
        (rng or random.Random()).shuffle(ids)
        _set_due(s, ids, spread(len(ids), start, end))
        c.status, c.start_at, c.send_by = "scheduled", start, end
        return _one(s, c)


def pause(ref: str | int, *, store: Store) -> CampaignView:
    """Stop sending until :func:`resume`; a sender takes it into account between two messages."""
    with store.session(write=True) as s:
        c = _find(s, ref)
        if c.status not in ACTIVE:
            raise _transition_error(c, "pause")
        c.status = "paused"
        return _one(s, c)


def resume(ref: str | int, *, store: Store, now: datetime | None = None) -> CampaignView:
    """Send again after a pause: the recipients still queued are spread anew over what is left
    of the window, in the order they had; when the window is over (or there was none) they are
    due at once (a late campaign is sent late, not dropped). Retries keep their own time."""
    at = aware(now or utcnow())
    with store.session(write=True) as s:
        c = _find(s, ref)
        if c.status != "paused":
            raise _transition_error(c, "resume")
        start = max(at, _opt(c.start_at) or at)
        rows = s.execute(
            select(SimRecipient.id)
            .where(SimRecipient.campaign_id == c.id, SimRecipient.status == "queued")
            .order_by(SimRecipient.due_at, SimRecipient.id)
        )
        ids = [int(i) for (i,) in rows]
        _set_due(s, ids, spread(len(ids), start, _opt(c.send_by)))
        begun = s.scalar(
            select(func.count())
            .select_from(SimRecipient)
            .where(SimRecipient.campaign_id == c.id, SimRecipient.status != "queued")
        )
        c.status = "running" if begun else "scheduled"
        return _one(s, c)


def stop(ref: str | int, *, store: Store, now: datetime | None = None) -> CampaignView:
    """End the campaign for good: every recipient not yet mailed is cancelled (one a sender is
    handing to the relay at this moment is finished by it, then nothing more is sent)."""
    at = aware(now or utcnow())
    with store.session(write=True) as s:
        c = _find(s, ref)
        if c.status in ("stopped", "done"):
            raise _transition_error(c, "stop")
        s.execute(
            update(SimRecipient)
            .where(SimRecipient.campaign_id == c.id, SimRecipient.status.in_(("queued", "retry")))
            .values(status="cancelled")
            .execution_options(synchronize_session=False)
        )
        # a claim whose sender died (its lease ran out) is nobody's any more
        s.execute(
            update(SimRecipient)
            .where(
                SimRecipient.campaign_id == c.id,
                SimRecipient.status == "sending",
                SimRecipient.due_at <= at,
            )
            .values(status="cancelled")
            .execution_options(synchronize_session=False)
        )
        c.status, c.finished_at = "stopped", at
        return _one(s, c)
