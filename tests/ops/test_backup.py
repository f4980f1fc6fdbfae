"""Backup and restore of PostgreSQL as docs/operations.md tells it: `pg_dump --format=custom`
of a database mailwarden wrote, `pg_restore` into a fresh database, and mailwarden reads the
same rows back there, at the schema head, without migrating anything."""

from __future__ import annotations

import subprocess

import pytest
from sqlalchemy import select

from mailwarden.core.store import open_store
from mailwarden.core.users import authenticate, create_user, list_users
from mailwarden.gateway import incidents
from mailwarden.gateway.models import Incident
from tests.support.postgres import pg_bindir

pytestmark = pytest.mark.postgres

PASSWORD = "a password worth keeping"


def pg(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    bindir = pg_bindir()
    assert bindir is not None
    done = subprocess.run([str(bindir / tool), *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done


def held_incident(sid: str) -> dict:
    return {
        "id": sid,
        "mail_from": "taro@example.co.jp",
        "rcpt_tos": ["buyer@partner.example"],
        "received": 1_767_600_000.0,
        "size": 2048,
        "client": "127.0.0.1",
        "record": {
            "action": "hold",
            "disposition": "hold",
            "test_mode": False,
            "rules": [{"rule": "hold-cards", "action": "hold", "reason": "cards need approval"}],
            "subject": "見積書の件",
            "counts": {"credit-card": 1},
            "matches": [],
            "unscannable": [],
        },
    }


def rows(store) -> list[tuple]:
    with store.session() as s:
        found = s.scalars(select(Incident).order_by(Incident.spool_id)).all()
        return [
            (i.id, i.spool_id, i.state, i.subject, i.sender, i.received_at, i.evidence["counts"])
            for i in found
        ]


def test_dump_and_restore_into_a_fresh_database(postgres, tmp_path):
    source_url = postgres.create_database("mw_backup_source")
    store = open_store(url=source_url)
    create_user(store, "yamada", PASSWORD, "approver")
    for sid in ("20260105A", "20260105B"):
        assert incidents.record(store, held_incident(sid))
    before = (sorted(list_users(store)), rows(store))
    store.engine.dispose()

    dump = tmp_path / "mailwarden.dump"
    conn = ["--host", "127.0.0.1", "--port", str(postgres.port), "--username", "postgres"]
    pg("pg_dump", *conn, "--format=custom", "--file", str(dump), "mw_backup_source")
    assert dump.stat().st_size > 0
    listing = pg("pg_restore", "--list", str(dump)).stdout  # the check docs/operations.md gives
    assert "TABLE DATA public users" in listing and "TABLE DATA public alembic_version" in listing

    pg("createdb", *conn, "mw_backup_restored")
    pg("pg_restore", *conn, "--dbname", "mw_backup_restored", "--no-owner", "--exit-on-error", str(dump))

    restored = open_store(url=source_url.rsplit("/", 1)[0] + "/mw_backup_restored", migrate=False)
    try:
        assert restored.at_head()
        assert (sorted(list_users(restored)), rows(restored)) == before
        assert before[1] and before[1][0][3] == "見積書の件"
        assert authenticate(restored, "yamada", PASSWORD) is not None
        # the sequences came along: a new row takes the next id, not one already used
        assert incidents.record(restored, held_incident("20260105C"))
        assert len(rows(restored)) == 3
    finally:
        restored.engine.dispose()
