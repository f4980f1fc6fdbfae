"""Per-installation API tokens for the report buttons: shown once when created, kept only as
a SHA-256 (a token is 256 random bits, so a plain hash is enough), revocable."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from ..core.store import Store
from ..core.store.models import utcnow
from .models import ApiToken

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
    with store.session() as s:
        row = s.scalars(select(ApiToken).where(ApiToken.token_hash == _hash(token))).first()
        if row is None or row.revoked_at is not None:
            return None
        row.last_used = utcnow()
        return _info(row)
