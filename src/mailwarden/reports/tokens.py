"""Per-installation API tokens for the report buttons: shown once when created, kept only as
a SHA-256 (a token is 256 random bits, so a plain hash is enough), revocable."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from ..core.store import Store
from ..core.store.models import utcnow
from .models import ApiToken

#: how stale a token's last use may get before it is written again
TOUCH_EVERY = timedelta(minutes=1)

PREFIX = "mwr_"


@dataclass(frozen=True)
class TokenInfo:
    id: int
    name: str
    created_at: datetime
    last_used: datetime | None
    revoked_at: datetime | None


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def _info(t: ApiToken) -> TokenInfo:
    return TokenInfo(t.id, t.name, t.created_at, t.last_used, t.revoked_at)


def create_token(store: Store, name: str) -> tuple[TokenInfo, str]:
    """A new token: (its record, the token itself, which is never stored)."""
    token = PREFIX + secrets.token_urlsafe(32)
    with store.session() as s:
        row = ApiToken(name=name[:100], token_hash=_hash(token))
        s.add(row)
        s.flush()
        return _info(row), token


def list_tokens(store: Store) -> list[TokenInfo]:
    with store.session() as s:
        return [_info(t) for t in s.scalars(select(ApiToken).order_by(ApiToken.id))]


def revoke_token(store: Store, token_id: int) -> bool:
    """True when a live token was revoked."""
    with store.session() as s:
        done = s.execute(
            update(ApiToken)
            .where(ApiToken.id == token_id, ApiToken.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
        return bool(getattr(done, "rowcount", 0))


def check_token(store: Store, token: str | None) -> TokenInfo | None:
    """The live token ``token`` is, or None. Marks it used."""
    if not token or not token.startswith(PREFIX) or len(token) > 200:
        return None
    key = _hash(token)
    # read only: every report asks, and many arrive at once
    with store.session() as s:
        row = s.scalars(select(ApiToken).where(ApiToken.token_hash == key)).first()
        if row is None or row.revoked_at is not None:
            return None
        info = _info(row)
        last = row.last_used
    now = utcnow()
    if last is None or now - _aware(last) > TOUCH_EVERY:
        # then one UPDATE, which waits for the write lock rather than failing on a stale read
        with store.session() as s:
            s.execute(update(ApiToken).where(ApiToken.token_hash == key).values(last_used=now))
        info = replace(info, last_used=now)
    return info


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)
