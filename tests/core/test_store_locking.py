"""SQLite: a transaction that reads and then writes takes the write lock at its start
(``Store.session(write=True)``), so a concurrent writer makes it wait instead of failing with
"database is locked"; plain sessions stay deferred, so reads never wait for a writer."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from mailwarden.core.store import User, open_store


def test_a_write_session_holds_the_write_lock_from_its_start(tmp_path):
    path = tmp_path / "mw.db"
    store = open_store(url=f"sqlite:///{path}")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    with store.session(write=True) as s:
        s.scalars(select(User)).all()  # only a read so far
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")  # free again once it ended
    other.execute("ROLLBACK")


def test_a_plain_session_does_not_block_writers(tmp_path):
    path = tmp_path / "mw.db"
    store = open_store(url=f"sqlite:///{path}")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    with store.session() as s:
        s.scalars(select(User)).all()
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
