from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

import mailwarden.analyze.models
import mailwarden.core.sessions
import mailwarden.dmarc.models
import mailwarden.gateway.models  # noqa: F401
from mailwarden.core.errors import InputError
from mailwarden.core.store import Base
from mailwarden.core.users import (
    authenticate,
    change_password,
    create_user,
    ensure_admin,
    list_users,
    set_password,
)


def test_migrations_match_models(store):
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    names = set(inspect(store.engine).get_table_names())
    assert {"users", "domain_checks", "surveys", "survey_results", "alembic_version"} <= names


def test_migrate_twice_is_harmless(store):
    store.migrate()
    store.migrate()


def test_first_start_admin_once(store):
    pw = ensure_admin(store)
    assert pw and len(pw) >= 16
    assert ensure_admin(store) is None
    assert list_users(store) == [("admin", "admin")]
    admin = authenticate(store, "admin", pw)
    assert admin is not None and admin.must_change_password
    assert authenticate(store, "admin", pw + "x") is None
    with pytest.raises(InputError):
        change_password(store, "admin", "wrong current password", "a fresh password")
    with pytest.raises(InputError):
        change_password(store, "admin", pw, pw)
    change_password(store, "admin", pw, "a fresh password")
    admin = authenticate(store, "admin", "a fresh password")
    assert admin is not None and not admin.must_change_password


def test_users_hashed_with_argon2(store):
    create_user(store, "yamada", "correct horse battery", "approver")
    from sqlalchemy import select

    from mailwarden.core.store import User

    with store.session() as s:
        u = s.scalar(select(User).where(User.username == "yamada"))
        assert u.password_hash.startswith("$argon2id$")
        assert "correct horse" not in u.password_hash
    with pytest.raises(InputError):
        create_user(store, "yamada", "another long password")
    with pytest.raises(InputError):
        create_user(store, "short", "short")
    with pytest.raises(InputError):
        create_user(store, "role", "long enough password", "superuser")
    set_password(store, "yamada", "a brand new password")
    assert authenticate(store, "yamada", "a brand new password") is not None
    assert authenticate(store, "nobody", "whatever password") is None


def test_schema_head_is_alembics_head(store):
    # open_store skips Alembic when the schema is at SCHEMA_HEAD: that constant must name the newest migration
    from alembic.script import ScriptDirectory

    from mailwarden.core.store.db import MIGRATIONS, SCHEMA_HEAD, alembic_config

    cfg = alembic_config(store.engine.url.render_as_string(hide_password=False))
    assert ScriptDirectory.from_config(cfg).get_current_head() == SCHEMA_HEAD
    assert MIGRATIONS.is_dir()
    assert store.at_head()


def test_an_older_schema_is_migrated(store):
    from alembic import command

    from mailwarden.core.store.db import alembic_config

    cfg = alembic_config(store.engine.url.render_as_string(hide_password=False))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    assert not store.at_head()
    assert "dmarc_reports" not in inspect(store.engine).get_table_names()
    store.migrate()
    assert store.at_head() and "dmarc_reports" in inspect(store.engine).get_table_names()


def test_a_database_that_cannot_be_opened_is_a_store_error(tmp_path):
    """SQLAlchemy's operational errors stop at the store: callers see StoreError and a reason."""
    from mailwarden.core.errors import StoreError
    from mailwarden.core.store import open_store

    where = tmp_path / "a-directory"
    where.mkdir()
    with pytest.raises(StoreError, match="unable to open"):
        open_store(url=f"sqlite:///{where}")
