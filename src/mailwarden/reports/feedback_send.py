"""Sending the feedback outbox (issue 17, point 6) through the configured SMTP relay.

A row is *claimed* before it is sent: one UPDATE moves it from pending to ``sending`` with a
lease (``next_attempt_at`` = now + :data:`LEASE`) and one more attempt, on the condition that
it is still as it was read (status, attempts, due). Of two senders — two console workers, the
CLI beside the console — one wins each row; a row whose sender died mid-send is due again when
its lease runs out. Each row is claimed just before it is sent and finished just after, each in
its own transaction, so the window in which a crash could send a mail twice is one SMTP
exchange. (A relay that takes a message and then drops the connection before saying so cannot
be told apart from one that did not take it: the notice keeps its Message-ID across attempts.)

What becomes of a row: ``sent``; ``pending`` again with the next attempt after a growing delay
(:data:`BACKOFF`) when the relay is down or answers 4xx; ``failed`` when the relay refuses the
recipient or the message for good (5xx) or after :data:`MAX_ATTEMPTS`; ``skipped`` when there is
no address to write to — none, malformed, our own sender, the reporting mailbox the report was
read from — or, for a thank-you, when the outcome has already gone out.

When the relay cannot be reached, the rest of the batch is not sent to it one by one (a
black-holed relay would cost the timeout each time): every claimed row counts the attempt with
the same error and waits for its next turn."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parseaddr

from sqlalchemy import func, select, update
from sqlalchemy.exc import SQLAlchemyError

from ..core.background import Background
from ..core.config import Settings
from ..core.errors import ConfigError, StoreError
from ..core.i18n import N_, gettext
from ..core.mailout import Delivery, Mailer, RelayConfig
from ..core.store import Store
from ..core.store.models import utcnow
from . import feedback
from .models import Report, ReportFeedback, ReportRemediation

__all__ = [
    "BACKOFF",
    "LEASE",
    "MAX_ATTEMPTS",
    "BackgroundSender",
    "Run",
    "deliver_all",
    "deliver_due",
    "protected_count",
    "usable_address",
]

log = logging.getLogger(__name__)

#: how long a claimed row is left to its sender before another may take it
LEASE = timedelta(minutes=10)
#: the wait after the 1st, 2nd … failed attempt; the last one repeats
BACKOFF = tuple(timedelta(minutes=m) for m in (1, 5, 15, 60, 180, 360))
#: attempts before a notice is given up (about 28 hours of the relay down)
MAX_ATTEMPTS = 10
BATCH = 100
#: the background sender looks for due notices this often (seconds)
INTERVAL = 15.0
#: addresses no automatic mail should go to (RFC 3834 §2: no loops with other automata)
_NOT_PEOPLE = ("mailer-daemon",)

SKIP_NO_ADDRESS = N_("no address to write to: {value}")
SKIP_OWN = N_("the reporter is our own sender or the reporting mailbox: {value}")
SKIP_OUTCOME_FIRST = N_("the outcome was sent first")
SKIP_UNDECIDED = N_("the report has no outcome to tell")
GAVE_UP = N_("gave up after {n} attempts: {error}")


@dataclass
class Run:
    """What one pass did."""

    sent: int = 0
    retry: int = 0
    failed: int = 0
    skipped: int = 0
    #: the relay could not be reached (the rest of the batch waits for its next turn)
    relay_down: bool = False
    last_error: str = ""

    @property
    def claimed(self) -> int:
        return self.sent + self.retry + self.failed + self.skipped

    def add(self, other: Run) -> None:
        self.sent += other.sent
        self.retry += other.retry
        self.failed += other.failed
        self.skipped += other.skipped
        self.relay_down = self.relay_down or other.relay_down
        self.last_error = other.last_error or self.last_error


def backoff(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failed attempt."""
    return BACKOFF[min(max(attempts, 1), len(BACKOFF)) - 1]


def _utc(now: datetime | None) -> datetime:
    if now is None:
        return utcnow()
    return now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)


def usable_address(value: str) -> str | None:
    """The address in ``value`` as it can go into RCPT TO (domain in IDNA), or None: empty,
    malformed, or a local part SMTP without SMTPUTF8 cannot carry."""
    addr = parseaddr(value or "")[1].strip()
    local, at, domain = addr.rpartition("@")
    if not at or not local or not domain or not local.isascii():
        return None
    if any(c.isspace() or ord(c) < 33 or c in '<>()[],;:\\"' for c in local + domain):
        return None
    try:
        domain = domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    if domain.startswith(".") or domain.endswith(".") or ".." in domain:
        return None
    return f"{local}@{domain}"


def _mailbox_of(origin: str | None) -> str | None:
    """The reporting mailbox a report was read from: the IMAP login in its origin
    (``imap://LOGIN@HOST/FOLDER;…``), when it is an address."""
    if not origin or not origin.startswith("imap://"):
        return None
    authority = origin[len("imap://") :].split("/", 1)[0]
    login = authority.rpartition("@")[0]
    return login.lower() if "@" in login else None


def _own(settings: Settings) -> set[str]:
    return {
        parseaddr(a)[1].lower()
        for a in (settings.feedback_from or "", settings.notify_from)
        if a and parseaddr(a)[1]
    }


def protected_count(store: Store, cluster_id: int | None, reporter: str) -> int:
    """The colleagues a phishing report protected: the distinct mailboxes its cluster's
    remediation moved the message out of, the reporter's own left out. Counted when the
    outcome is sent; before any remediation it is 0 (the mail then thanks without a number)."""
    if cluster_id is None:
        return 0
    with store.session() as s:
        boxes = set(
            s.scalars(
                select(func.lower(ReportRemediation.mailbox))
                .where(ReportRemediation.cluster_id == cluster_id, ReportRemediation.status == "moved")
                .distinct()
            )
        )
    me = usable_address(reporter)
    boxes.discard((me or reporter).lower())
    return len(boxes)


@dataclass(frozen=True)
class _Claim:
    id: int
    report_id: int
    kind: str
    attempts: int  # counting this one
    created_at: datetime


def _due(store: Store, now: datetime, limit: int) -> list[tuple[int, int]]:
    """(id, attempts) of the rows due: pending and due, or claimed by a sender whose lease ran out."""
    with store.session() as s:
        rows = s.execute(
            select(ReportFeedback.id, ReportFeedback.attempts)
            .where(
                ReportFeedback.status.in_(("pending", "sending")),
                ReportFeedback.next_attempt_at <= now,
            )
            .order_by(ReportFeedback.next_attempt_at, ReportFeedback.id)
            .limit(limit)
        )
        return [(int(i), int(a)) for i, a in rows]


def _claim(store: Store, row_id: int, seen_attempts: int, now: datetime) -> _Claim | None:
    with store.session(write=True) as s:
        done = s.execute(
            update(ReportFeedback)
            .where(
                ReportFeedback.id == row_id,
                ReportFeedback.status.in_(("pending", "sending")),
                ReportFeedback.attempts == seen_attempts,
                ReportFeedback.next_attempt_at <= now,
            )
            .values(status="sending", attempts=seen_attempts + 1, next_attempt_at=now + LEASE)
            .execution_options(synchronize_session=False)
        )
        if int(getattr(done, "rowcount", 0) or 0) != 1:
            return None  # another sender took it first
        row = s.execute(
            select(ReportFeedback.report_id, ReportFeedback.kind, ReportFeedback.created_at).where(
                ReportFeedback.id == row_id
            )
        ).one()
        return _Claim(row_id, int(row[0]), str(row[1]), seen_attempts + 1, row[2])


def _finish(store: Store, claim: _Claim, **values: object) -> None:
    """Record the end of an attempt, if the claim is still ours."""
    with store.session(write=True) as s:
        done = s.execute(
            update(ReportFeedback)
            .where(
                ReportFeedback.id == claim.id,
                ReportFeedback.status == "sending",
                ReportFeedback.attempts == claim.attempts,
            )
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if int(getattr(done, "rowcount", 0) or 0) != 1:
            log.warning("feedback %s: the claim ran out before the attempt ended", claim.id)


@dataclass(frozen=True)
class _Mail:
    to: str
    data: bytes


def _prepare(store: Store, settings: Settings, claim: _Claim) -> _Mail | str:
    """The mail this row calls for, or why it is skipped."""
    with store.session() as s:
        r = s.get(Report, claim.report_id)
        if r is None:  # pragma: no cover - the row goes with its report (ON DELETE CASCADE)
            return gettext(SKIP_UNDECIDED)
        outcome_sent = claim.kind == "thanks" and s.scalar(
            select(func.count())
            .select_from(ReportFeedback)
            .where(
                ReportFeedback.report_id == r.id,
                ReportFeedback.kind == "outcome",
                ReportFeedback.status == "sent",
            )
        )
        reporter, answers, origin = r.reporter, dict(r.answers or {}), r.origin
        subject, sender, classification, cluster_id = r.subject, r.sender, r.classification, r.cluster_id
    to = usable_address(reporter)
    if to is None:
        return gettext(SKIP_NO_ADDRESS).format(value=reporter[:100] or "-")
    low = to.lower()
    if low in _own(settings) or low == _mailbox_of(origin) or low.split("@")[0] in _NOT_PEOPLE:
        return gettext(SKIP_OWN).format(value=to)
    if outcome_sent:
        return gettext(SKIP_OUTCOME_FIRST)
    if claim.kind == "outcome" and classification not in (*feedback.OUTCOMES, "simulation"):
        return gettext(SKIP_UNDECIDED)
    protected = 0
    if claim.kind == "outcome" and classification == "phishing":
        protected = protected_count(store, cluster_id, reporter)
    notice = feedback.Notice(
        kind=claim.kind,
        recipient=to,
        subject=subject,
        sender=sender,
        outcome=classification if claim.kind == "outcome" else None,
        protected=protected,
    )
    from_ = settings.feedback_from or settings.notify_from
    domain = parseaddr(from_)[1].rpartition("@")[2] or "localhost"
    stamp = int(_utc(claim.created_at).timestamp())
    data = feedback.compose(
        notice,
        lang=feedback.reporter_language(answers, settings.lang),
        notify_from=from_,
        key=f"{claim.report_id}.{claim.kind}",
        message_id=f"<feedback.{claim.id}.{claim.kind}.{stamp}@{domain}>",
    )
    return _Mail(to, data)


def _after(store: Store, claim: _Claim, got: Delivery, now: datetime, run: Run) -> None:
    if got.sent:
        _finish(store, claim, status="sent", sent_at=now, next_attempt_at=now, last_error="")
        run.sent += 1
    elif got.status == "permanent":
        _finish(store, claim, status="failed", next_attempt_at=now, last_error=got.reply[:2000])
        run.failed += 1
    elif claim.attempts >= MAX_ATTEMPTS:
        why = gettext(GAVE_UP).format(n=claim.attempts, error=got.reply)
        _finish(store, claim, status="failed", next_attempt_at=now, last_error=why[:2000])
        run.failed += 1
    else:
        _finish(
            store,
            claim,
            status="pending",
            next_attempt_at=now + backoff(claim.attempts),
            last_error=got.reply[:2000],
        )
        run.retry += 1


def deliver_due(
    store: Store,
    settings: Settings,
    *,
    limit: int = BATCH,
    now: datetime | None = None,
    relay: RelayConfig | None = None,
) -> Run:
    """Send up to ``limit`` due notices over one relay connection. ``now`` (for tests and for
    catching up) is when the pass happens; ``relay`` overrides the configured relay. Raises
    ConfigError when no relay is configured or it cannot be used."""
    config = relay or RelayConfig.from_settings(settings)
    at = _utc(now)
    run = Run()
    envelope_from = parseaddr(settings.feedback_from or settings.notify_from)[1]
    with Mailer(config) as mailer:
        for row_id, attempts in _due(store, at, limit):
            # the lease and the next attempt count from the clock, not from the pass's start:
            # a long pass must not claim a row with a lease already run out
            t = max(at, utcnow())
            claim = _claim(store, row_id, attempts, t)
            if claim is None:
                continue
            mail = _prepare(store, settings, claim)
            if isinstance(mail, str):
                _finish(store, claim, status="skipped", next_attempt_at=t, last_error=mail[:2000])
                run.skipped += 1
                continue
            if run.relay_down:  # not tried again in this pass: the attempt counts, the row waits
                got = Delivery("temporary", run.last_error, relay_down=True)
            else:
                got = mailer.send(mail.data, mail_from=envelope_from, to=mail.to)
            if got.relay_down:
                run.relay_down, run.last_error = True, got.reply
            _after(store, claim, got, max(t, utcnow()), run)
    return run


def deliver_all(
    store: Store,
    settings: Settings,
    *,
    now: datetime | None = None,
    stop: threading.Event | None = None,
    relay: RelayConfig | None = None,
) -> Run:
    """Passes of :func:`deliver_due` until nothing is due, the relay is down or ``stop`` is set."""
    total = Run()
    while stop is None or not stop.is_set():
        run = deliver_due(store, settings, now=now, relay=relay)
        total.add(run)
        if run.claimed == 0 or run.relay_down:
            break
    return total


def watch(
    store: Store,
    settings: Settings,
    stop: threading.Event,
    *,
    interval: float = INTERVAL,
    report: Callable[[Run], None] | None = None,
) -> None:
    """Send what is due every ``interval`` seconds until ``stop`` is set. A database or relay
    that fails is logged and tried again at the next turn; a relay setting that cannot be used
    raises ConfigError at once."""
    config = RelayConfig.from_settings(settings)
    while not stop.is_set():
        try:
            run = deliver_all(store, settings, stop=stop, relay=config)
        except (StoreError, SQLAlchemyError) as exc:
            log.warning("feedback mails: the database failed: %s", exc)
        else:
            if run.relay_down:
                log.warning("feedback mails: the relay is down: %s", run.last_error)
            if report is not None and run.claimed:
                report(run)
        stop.wait(interval)


class BackgroundSender(Background):
    """:func:`watch` in a thread of the console's process (``mailwarden serve`` with a
    feedback relay): the event loop never waits for it; :meth:`stop` ends it between sends."""

    name = "mailwarden-feedback"

    def __init__(self, store: Store, settings: Settings, *, interval: float = INTERVAL) -> None:
        RelayConfig.from_settings(settings)  # a relay setting that cannot work fails at start-up
        self.store, self.settings, self.interval = store, settings, interval
        super().__init__()

    def run(self) -> None:
        try:
            watch(self.store, self.settings, self.stopping, interval=self.interval)
        except ConfigError as exc:
            log.error("feedback mails are not sent: %s", exc)
