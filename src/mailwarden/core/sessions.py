"""Console sessions kept on the server, so they can end: the signed cookie carries only a random
token; the store keeps its hash, its user, when it began and when it was last used.

A session ends at logout, when its user's password is changed (all of that user's other
sessions), when an administrator changes the user (all of them), after ``ABSOLUTE`` since
login and after ``IDLE`` without a request. A copied cookie is worth nothing afterwards.
Each request reads the user's role from the store, so a role change counts at once."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import DateTime, ForeignKey, Integer, String, select, update
from sqlalchemy.orm import Mapped, mapped_column

from .store import Store, User
from .store.models import Base, utcnow

ABSOLUTE = timedelta(hours=8)
IDLE = timedelta(hours=1)
TOUCH_EVERY = timedelta(seconds=60)  # last_seen is written at most this often


class WebSession(Base):
    __tablename__ = "web_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(Integer, ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


@dataclass(frozen=True)
class SessionUser:
    id: int
    name: str
    role: str
    must_change: bool


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def start(store: Store, user_id: int) -> str:
    """A new session for the user; the token goes into the signed cookie, its hash here."""
    token = secrets.token_urlsafe(32)
    with store.session() as s:
        s.add(WebSession(token_hash=_hash(token), user_id=user_id))
    return token


def resume(store: Store, token: str | None, now: datetime | None = None) -> SessionUser | None:
    """The session's user, or None when the session is unknown, revoked, too old or idle."""
    if not token or len(token) > 200:
        return None
    now = now or datetime.now(UTC)
    key = _hash(token)
    # read only: every page asks, and a long write elsewhere (a DMARC import) must not stall it
    with store.session() as s:
        row = s.get(WebSession, key)
        if row is None or row.revoked_at is not None:
            return None
        expired = now - _aware(row.created_at) > ABSOLUTE or now - _aware(row.last_seen) > IDLE
        stale = now - _aware(row.last_seen) > TOUCH_EVERY
        user = None if expired else s.get(User, row.user_id)
        found = SessionUser(user.id, user.username, user.role, user.must_change_password) if user else None
    if expired or stale:
        # then one UPDATE, which waits for the write lock rather than failing on a stale read
        values = {"revoked_at": now} if expired else {"last_seen": now}
        with store.session() as s:
            s.execute(update(WebSession).where(WebSession.token_hash == key).values(**values))
    return found


def end(store: Store, token: str | None) -> None:
    if not token:
        return
    with store.session() as s:
        s.execute(
            update(WebSession)
            .where(WebSession.token_hash == _hash(token), WebSession.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC))
        )


def end_all(store: Store, user_id: int, *, keep: str | None = None) -> int:
    """End every session of the user (but ``keep``, the one making the change); their count."""
    kept = _hash(keep) if keep else ""
    with store.session() as s:
        result = s.execute(
            update(WebSession)
            .where(
                WebSession.user_id == user_id,
                WebSession.revoked_at.is_(None),
                WebSession.token_hash != kept,
            )
            .values(revoked_at=datetime.now(UTC))
        )
        return int(getattr(result, "rowcount", 0) or 0)


def end_all_of(store: Store, username: str) -> int:
    with store.session() as s:
        user_id = s.scalar(select(User.id).where(User.username == username))
    return end_all(store, user_id) if user_id is not None else 0
