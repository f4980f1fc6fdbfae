"""Console users: argon2 password hashes, first-start admin, authentication."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from .errors import InputError
from .i18n import gettext
from .store import Store, User

ROLES = ("admin", "approver", "viewer")
_hasher = PasswordHasher()
MIN_PASSWORD = 10


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def create_user(
    store: Store, username: str, password: str, role: str = "viewer", *, must_change: bool = False
) -> User:
    username = username.strip()
    if not username or len(username) > 120:
        raise InputError(gettext("user name must be 1 to 120 characters"))
    if role not in ROLES:
        raise InputError(gettext("role must be one of {value}").format(value=", ".join(ROLES)))
    if len(password) < MIN_PASSWORD:
        raise InputError(
            gettext("password must be at least {min_password} characters").format(min_password=MIN_PASSWORD)
        )
    with store.session() as s:
        if s.scalar(select(User).where(User.username == username)) is not None:
            raise InputError(gettext("user {username!r} exists already").format(username=username))
        user = User(
            username=username,
            password_hash=hash_password(password),
            role=role,
            must_change_password=must_change,
        )
        s.add(user)
    return user


def set_password(store: Store, username: str, password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InputError(
            gettext("password must be at least {min_password} characters").format(min_password=MIN_PASSWORD)
        )
    with store.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise InputError(gettext("no user {username!r}").format(username=username))
        user.password_hash = hash_password(password)
        user.must_change_password = False


def ensure_admin(store: Store) -> str | None:
    """With no users at all, create ``admin`` with a random password and return it once."""
    with store.session() as s:
        if (s.scalar(select(func.count()).select_from(User)) or 0) > 0:
            return None
    password = secrets.token_urlsafe(15)
    create_user(store, "admin", password, "admin", must_change=True)
    return password


def authenticate(store: Store, username: str, password: str) -> User | None:
    with store.session() as s:
        user = s.scalar(select(User).where(User.username == username.strip()))
        if user is None:
            _hasher.hash(password)  # same work either way: no user-enumeration by timing
            return None
        return user if verify_password(user.password_hash, password) else None


def list_users(store: Store) -> list[tuple[str, str]]:
    with store.session() as s:
        return [(u.username, u.role) for u in s.scalars(select(User).order_by(User.username))]


def change_password(store: Store, username: str, current: str, new: str) -> None:
    """A user replacing their own password: the current one must be right and the new one differ."""
    if authenticate(store, username, current) is None:
        raise InputError(gettext("the current password is wrong"))
    if new == current:
        raise InputError(gettext("the new password must differ from the current one"))
    set_password(store, username, new)
