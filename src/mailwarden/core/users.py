"""Console users: argon2 password hashes, first-start admin, authentication, and what an
administrator does with users (add with a one-time password, change the role, disable or
enable, reset the password). The last active administrator can be neither disabled nor
demoted."""

from __future__ import annotations

import secrets
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import sessions
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
        if not verify_password(user.password_hash, password):
            return None
        return None if user.disabled else user


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


# -- what an administrator does with users (the console's Users page) ------------------------
def one_time_password() -> str:
    return secrets.token_urlsafe(15)


def users_table(store: Store) -> list[dict[str, Any]]:
    """Every user, by name: id, name, role, disabled, whether a one-time password is pending."""
    with store.session() as s:
        return [
            {
                "id": u.id,
                "username": u.username,
                "role": u.role,
                "disabled": bool(u.disabled),
                "must_change_password": bool(u.must_change_password),
                "created_at": u.created_at.isoformat() if u.created_at else None,
            }
            for u in s.scalars(select(User).order_by(User.username))
        ]


def add_user(store: Store, username: str, role: str) -> str:
    """A new user with a one-time password, returned once; they replace it at first login."""
    password = one_time_password()
    create_user(store, username, password, role, must_change=True)
    return password


class NoSuchUser(InputError):
    """No user has this id."""


class LastAdmin(InputError):
    """The change would leave no active administrator."""


def _user(s: Session, user_id: int) -> User:
    user = s.get(User, user_id)
    if user is None:
        raise NoSuchUser(gettext("no such user"))
    return user


def _other_active_admins(s: Session, user_id: int) -> int:
    return int(
        s.scalar(
            select(func.count())
            .select_from(User)
            .where(User.role == "admin", User.disabled.is_(False), User.id != user_id)
        )
        or 0
    )


def set_role(store: Store, user_id: int, role: str) -> None:
    """A new role, from the user's next request on. The last active administrator keeps theirs."""
    if role not in ROLES:
        raise InputError(gettext("role must be one of {value}").format(value=", ".join(ROLES)))
    with store.session() as s:
        user = _user(s, user_id)
        demoting = user.role == "admin" and role != "admin" and not user.disabled
        if demoting and not _other_active_admins(s, user_id):
            raise LastAdmin(gettext("the last active administrator cannot be given another role"))
        user.role = role


def set_disabled(store: Store, user_id: int, disabled: bool) -> None:
    """Disable (they cannot log in, their sessions end) or enable a user. The last active
    administrator cannot be disabled."""
    with store.session() as s:
        user = _user(s, user_id)
        if disabled and user.role == "admin" and not user.disabled and not _other_active_admins(s, user_id):
            raise LastAdmin(gettext("the last active administrator cannot be disabled"))
        user.disabled = disabled
    if disabled:
        sessions.end_all(store, user_id)


def reset_password(store: Store, user_id: int) -> tuple[str, str]:
    """A new one-time password for the user: (their name, the password), returned once;
    every session of the user ends."""
    password = one_time_password()
    with store.session() as s:
        user = _user(s, user_id)
        user.password_hash = hash_password(password)
        user.must_change_password = True
        name = user.username
    sessions.end_all(store, user_id)
    return name, password
