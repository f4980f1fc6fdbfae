"""The distributed queue: Procrastinate on the PostgreSQL store — no broker of its own.

Jobs are rows of Procrastinate's tables in the same database as the results. A worker claims a
job with ``SELECT … FOR UPDATE SKIP LOCKED``, sends a heartbeat while it runs, and marks it done.
A worker killed in the middle leaves its job ``doing`` under a silent heartbeat: every worker
looks for such jobs (:func:`retry_stalled`) and puts them back, and the job's writes — keyed
on the job and item (:mod:`.runs`) — make the second run store only what the first did not.
"""

from __future__ import annotations

import logging
import time
import weakref
from typing import Any

import procrastinate
import psycopg
import psycopg_pool
from procrastinate import RetryStrategy
from procrastinate.schema import SchemaManager
from sqlalchemy.engine import make_url

from ..core.errors import ConfigError
from ..core.i18n import gettext as _

log = logging.getLogger(__name__)

#: the one queue mailwarden's jobs use; ``mailwarden worker --queue`` may name others later
QUEUE = "mailwarden"
#: task names: stable, they are stored in queued jobs
SURVEY_CHUNK = "mailwarden.survey_chunk"
ITEMS = "mailwarden.items"
NOOP = "mailwarden.noop"
#: a failed job (the database restarting, a resolver away) is tried again, with a growing wait
MAX_ATTEMPTS = 5
RETRY = RetryStrategy(max_attempts=MAX_ATTEMPTS, exponential_wait=2)
#: Refreshes the planner's picture of the queue. A queue grows from empty to thousands of jobs
#: in a moment; with the statistics of the empty table PostgreSQL claims each job by sorting
#: every waiting one (5 ms a claim at 10,000 jobs) instead of reading the first entry of the
#: priority index (0.3 ms). Autovacuum catches up only a minute later.
ANALYZE = "ANALYZE procrastinate_jobs"
#: serialises the schema's creation between workers starting together
_SCHEMA_LOCK = 0x6D77_7175  # "mwqu"


def is_queue_url(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def conninfo(url: str) -> str:
    """The libpq address of the store's SQLAlchemy URL (``postgresql+psycopg://…``)."""
    u = make_url(url)
    if u.get_backend_name() != "postgresql":
        raise ConfigError(
            _(
                "the job queue needs PostgreSQL (MAILWARDEN_DATABASE_URL); with the embedded "
                "database jobs run in-process"
            )
        )
    return u.set(drivername="postgresql").render_as_string(hide_password=False)


#: a connection back in the pool for less than this is not checked again before its next use
FRESH = 2.0


def pool(**kwargs: Any) -> psycopg_pool.AsyncConnectionPool:
    """Procrastinate's pool, with two round trips fewer for each of its queries (a worker claims
    one job after another, so a claim's round trips bound a worker's claims per second):

    - Procrastinate has the pool check every connection it hands out with a round trip of its
      own. A connection returned less than ``FRESH`` seconds ago, and not known to be broken,
      is handed out as it is; an older one is checked as before, so a database restarted while
      the worker was idle is still seen before a query fails on it.
    - Each of Procrastinate's queries is one statement, run in a transaction that the pool
      then commits with another round trip. In autocommit the statement is its own transaction,
      which is the same thing in one round trip."""
    returned: weakref.WeakKeyDictionary[Any, float] = weakref.WeakKeyDictionary()

    async def reset(conn: psycopg.AsyncConnection[Any]) -> None:
        returned[conn] = time.monotonic()

    async def check(conn: psycopg.AsyncConnection[Any]) -> None:
        at = returned.get(conn)
        if at is not None and time.monotonic() - at < FRESH and not (conn.broken or conn.closed):
            return
        await psycopg_pool.AsyncConnectionPool.check_connection(conn)

    async def configure(conn: psycopg.AsyncConnection[Any]) -> None:
        await conn.set_autocommit(True)  # (not in ``kwargs``: Procrastinate adds it for LISTEN)

    kwargs.update(check=check, reset=reset, configure=configure)
    return psycopg_pool.AsyncConnectionPool(**kwargs)


def ensure_schema(url: str) -> bool:
    """Create Procrastinate's tables unless they exist; True when they were created now. Safe
    to call from many workers at once (an advisory lock makes them take turns)."""
    with psycopg.connect(conninfo(url), autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (_SCHEMA_LOCK,))
        try:
            row = conn.execute("SELECT to_regclass('procrastinate_jobs')").fetchone()
            if row is not None and row[0] is not None:
                return False
            conn.execute(SchemaManager.get_schema())
            log.info("created the job queue's tables")
            return True
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (_SCHEMA_LOCK,))


async def retry_stalled(app: procrastinate.App, seconds: float) -> list[int]:
    """Jobs left ``doing`` by a worker silent for ``seconds`` go back to the queue; their ids.
    Workers run this side by side: a job another worker put back first is skipped."""
    retried: list[int] = []
    for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=seconds):
        try:
            await app.job_manager.retry_job(job)
        except Exception as exc:  # another worker retried it first, or it finished after all
            log.debug("job %s not retried: %s", job.id, exc)
            continue
        assert job.id is not None
        retried.append(job.id)
        log.warning("job %s (%s) was left by a stalled worker: queued again", job.id, job.task_name)
    await app.job_manager.prune_stalled_workers(seconds)
    return retried


async def depth(app: procrastinate.App) -> dict[str, int]:
    """Jobs of mailwarden's queue by status (todo, doing, succeeded, failed…)."""
    rows: list[dict[str, Any]] = await app.connector.execute_query_all_async(
        query="SELECT status::text AS status, count(*) AS n FROM procrastinate_jobs"
        " WHERE queue_name = %(queue)s GROUP BY status",
        queue=QUEUE,
    )
    return {str(r["status"]): int(r["n"]) for r in rows}
