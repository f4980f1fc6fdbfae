"""Alembic upgrades from every earlier schema: a database at each revision of the chain, with
a user and a domain check written at the first, reaches the head through `open_store` (what
`mailwarden db upgrade` and every command run), ends with the schema a fresh database gets,
and still holds — and can use — what was written. On SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

import mailwarden.analyze.models
import mailwarden.core.sessions
import mailwarden.dmarc.models
import mailwarden.gateway.models  # noqa: F401  (their tables in Base.metadata)
from mailwarden.core import users
from mailwarden.core.store import Base, open_store
from mailwarden.core.store.db import SCHEMA_HEAD, alembic_config, make_engine, upgrade_schema
from mailwarden.core.store.models import DomainCheck

PASSWORD = "a password from long ago"
_names = itertools.count()


def earlier_revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    revs = [r.revision for r in script.walk_revisions()]  # head first
    assert revs[0] == SCHEMA_HEAD
    return sorted(revs[1:])


EARLIER = earlier_revisions()


def test_the_chain_is_walked_whole():
    assert EARLIER[0] == "0001" and len(EARLIER) == int(SCHEMA_HEAD) - 1


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old.db'}"
    pg = request.getfixturevalue("postgres")
    return pg.create_database(f"mw_upgrade_{next(_names)}")


def upgrade_to(url: str, revision: str) -> None:
    engine = make_engine(url)
    upgrade_schema(engine, revision)  # as Store.migrate upgrades, to a given revision
    engine.dispose()


@pytest.mark.parametrize("revision", EARLIER)
def test_upgrade_from(revision, empty_url):
    upgrade_to(empty_url, "0001")
    engine = make_engine(empty_url)
    now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    with engine.begin() as conn:  # rows as the first schema had them, by its columns only
        conn.execute(
            sa.text(
                "INSERT INTO users (id, username, password_hash, role, created_at)"
                " VALUES (7, 'yamada', :hash, 'approver', :now)"
            ),
            {"hash": users._hasher.hash(PASSWORD), "now": now},
        )
        conn.execute(
            sa.text(
                "INSERT INTO domain_checks (id, domain, grade, score, report, created_by, created_at)"
                " VALUES (3, 'example.co.jp', 'B', 81, :report, 7, :now)"
            ),
            {"report": '{"domain": "example.co.jp", "findings": []}', "now": now},
        )
    engine.dispose()
    upgrade_to(empty_url, revision)

    store = open_store(url=empty_url)  # migrates to the head
    try:
        assert store.at_head()
        with store.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        user = users.authenticate(store, "yamada", PASSWORD)
        assert user is not None and user.id == 7 and user.role == "approver"
        with store.session() as s:
            check = s.get(DomainCheck, 3)
            assert check is not None and check.domain == "example.co.jp" and check.score == 81
            assert check.report["domain"] == "example.co.jp"
            assert check.created_by == 7  # SQLite rebuilds users: the reference must survive
        users.create_user(store, "newcomer", "a password of today", "viewer")  # the new schema takes rows
        assert sorted(users.list_users(store)) == [("newcomer", "viewer"), ("yamada", "approver")]
    finally:
        store.engine.dispose()


def test_sqlite_upgrade_keeps_references_to_a_rebuilt_table(tmp_path):
    """Alembic's batch mode rebuilds a SQLite table (users in 0002 and 0009) by dropping it; with
    foreign keys on, the drop ran the children's ON DELETE action (domain_checks.created_by set
    to NULL). Store.migrate turns them off for the upgrade and checks every reference after."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade_to(url, "0001")
    engine = make_engine(url)
    now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO users (id, username, password_hash, role, created_at)"
                " VALUES (7, 'yamada', 'x', 'admin', :now)"
            ),
            {"now": now},
        )
        conn.execute(
            sa.text(
                "INSERT INTO domain_checks (id, domain, grade, score, report, created_by, created_at)"
                " VALUES (3, 'example.co.jp', 'B', 81, '{}', 7, :now)"
            ),
            {"now": now},
        )
    engine.dispose()
    store = open_store(url=url)
    try:
        with store.session() as s:
            assert s.get(DomainCheck, 3).created_by == 7
    finally:
        store.engine.dispose()


def test_sqlite_upgrade_with_a_dangling_reference_is_refused_and_rolled_back(tmp_path):
    """A reference to a missing row (written while foreign keys were off) stops the upgrade
    with a clear error, and the database stays at its old revision."""
    from mailwarden.core.errors import StoreError

    url = f"sqlite:///{tmp_path / 'dangling.db'}"
    upgrade_to(url, "0001")
    engine = make_engine(url)
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.execute(
            "INSERT INTO domain_checks (id, domain, grade, score, report, created_by, created_at)"
            " VALUES (3, 'example.co.jp', 'B', 81, '{}', 99, '2026-01-05 09:00:00')"
        )
        raw.commit()
    engine.dispose()
    with pytest.raises(StoreError, match="references to missing rows"):
        upgrade_to(url, "head")
    engine = make_engine(url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "0001"
        assert conn.execute(sa.text("SELECT created_by FROM domain_checks WHERE id = 3")).scalar() == 99
    engine.dispose()
