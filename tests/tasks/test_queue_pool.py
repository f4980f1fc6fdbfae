"""The queue's connection pool (``queue.pool``) on a real PostgreSQL: Procrastinate's queries
run in autocommit, a connection just returned is handed out without a check, and an older one
is still checked — so a connection the server closed while it sat in the pool is replaced."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import psycopg
import psycopg_pool
import pytest

from mailwarden.tasks import queue

_dbs = itertools.count()


@pytest.fixture
def conninfo(postgres: Any) -> str:
    return queue.conninfo(postgres.create_database(f"mw_pool_{next(_dbs)}"))


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the round-trip checks the pool makes."""
    seen: list[int] = []
    original = psycopg_pool.AsyncConnectionPool.check_connection

    async def counted(conn: psycopg.AsyncConnection[Any]) -> None:
        seen.append(conn.info.backend_pid)
        await original(conn)

    monkeypatch.setattr(psycopg_pool.AsyncConnectionPool, "check_connection", staticmethod(counted))
    return seen


async def _backend_pid(pool: psycopg_pool.AsyncConnectionPool) -> int:
    async with pool.connection() as conn:
        assert conn.autocommit
        cur = await conn.execute("SELECT pg_backend_pid()")
        row = await cur.fetchone()
        assert row is not None
        return int(row[0])


def _run(conninfo: str, body: Any) -> Any:
    async def main() -> Any:
        pool = queue.pool(conninfo=conninfo, min_size=1, max_size=1, open=False)
        await pool.open(wait=True)
        try:
            return await body(pool)
        finally:
            await pool.close()

    return asyncio.run(main())


def test_a_connection_just_returned_is_not_checked_again(conninfo: str, checks: list[int]) -> None:
    async def body(pool: psycopg_pool.AsyncConnectionPool) -> tuple[int, int]:
        return await _backend_pid(pool), await _backend_pid(pool)

    first, second = _run(conninfo, body)
    assert first == second  # the same connection, used twice
    assert checks == [first]  # checked once, when it had not been used yet


def test_an_older_connection_is_checked_and_replaced_when_the_server_closed_it(
    conninfo: str, checks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queue, "FRESH", 0.0)  # every connection counts as old

    async def body(pool: psycopg_pool.AsyncConnectionPool) -> tuple[int, int]:
        first = await _backend_pid(pool)
        with psycopg.connect(conninfo, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (first,))
        return first, await _backend_pid(pool)  # no error: the check found it closed

    first, second = _run(conninfo, body)
    assert second != first
    assert checks.count(first) == 2 and second in checks
