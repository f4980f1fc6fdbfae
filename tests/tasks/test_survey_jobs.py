"""Survey jobs: in-process on SQLite, on worker processes with PostgreSQL, and a worker killed
in the middle of a chunk — every row stored once, the same rows ``domain survey`` writes."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from tests.support.delayrelay import DelayRelay

from .conftest import DOMAINS, Mailwarden, wait_for


def reference_rows(mw: Mailwarden, domains_file: Path, nameserver: str) -> list[dict]:
    """What ``mailwarden domain survey`` writes for the same input (one process, no queue)."""
    out = mw.tmp / "reference.jsonl"
    mw.run(
        "domain",
        "survey",
        str(domains_file),
        "-n",
        nameserver,
        "-o",
        str(out),
        "--workers",
        "1",
        "-f",
        "json",
    )
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def job_rows(mw: Mailwarden, run_id: int) -> list[dict]:
    return [json.loads(line) for line in mw.run("jobs", "results", str(run_id)).stdout.splitlines()]


def show(mw: Mailwarden, run_id: int) -> dict:
    return json.loads(mw.run("jobs", "show", str(run_id), "-f", "json").stdout)


def test_sqlite_runs_a_survey_job_in_process(sqlite_mw, domains_file, jobs_dns):
    ns = jobs_dns[0].address
    proc = sqlite_mw.run("jobs", "survey", str(domains_file), "-n", ns, "--chunk", "7", "-f", "json")
    info = json.loads(proc.stdout)
    assert info["kind"] == "survey" and info["status"] == "done"
    assert info["done"] == info["total"] == DOMAINS
    assert "queue" not in proc.stderr  # nothing was queued: no worker is needed
    rows = job_rows(sqlite_mw, info["id"])
    assert rows == reference_rows(sqlite_mw, domains_file, ns)
    assert len({r["grade"] for r in rows}) > 1  # the zone's mix shows in the grades
    summary = info["summary"]
    assert summary["checked"] == DOMAINS and sum(summary["grades"].values()) == DOMAINS


def test_sqlite_refuses_a_worker_with_a_clear_reason(sqlite_mw):
    proc = sqlite_mw.run("worker", check=False)
    assert proc.returncode == 2
    assert "needs PostgreSQL" in proc.stderr and "in-process" in proc.stderr


@pytest.mark.postgres
def test_two_workers_share_a_survey_and_run_each_chunk_once(pg_mw, domains_file, jobs_dns):
    ns = jobs_dns[0].address
    queued = pg_mw.run("jobs", "survey", str(domains_file), "-n", ns, "--chunk", "5", "-f", "json")
    info = json.loads(queued.stdout)
    assert info["status"] == "queued" and info["done"] == 0
    assert "12 queue jobs" in queued.stderr
    a, b = pg_mw.worker("a"), pg_mw.worker("b")
    done = json.loads(pg_mw.run("jobs", "wait", str(info["id"]), "--limit", "180", "-f", "json").stdout)
    assert done["status"] == "done" and done["done"] == DOMAINS
    assert job_rows(pg_mw, info["id"]) == reference_rows(pg_mw, domains_file, ns)
    ran = [w.metrics().get('mailwarden_worker_jobs_total{kind="survey",outcome="ok"}', 0.0) for w in (a, b)]
    stored = [w.metrics().get('mailwarden_worker_items_stored_total{kind="survey"}', 0.0) for w in (a, b)]
    assert sum(ran) == 12  # each chunk ran once, on one of the two workers
    assert sum(stored) == DOMAINS
    listing = json.loads(pg_mw.run("jobs", "list", "-f", "json").stdout)
    assert [(r["id"], r["status"]) for r in listing] == [(info["id"], "done")]


@pytest.mark.postgres
def test_a_killed_worker_s_chunk_is_retried_and_nothing_is_stored_twice(pg_mw, domains_file, jobs_dns):
    """Three workers, each on a loopback address of its own (docs/operations.md, the
    demonstration): worker A is killed (SIGKILL) in the middle of its chunks; workers B and C
    find them stalled, run them again, and store exactly the rows A had not stored."""
    server, _ = jobs_dns
    relay = DelayRelay(server.port, 0.4).start()  # a slow resolver: chunks take seconds
    try:
        ns = f"127.0.0.1:{relay.port}"
        info = json.loads(
            pg_mw.run(
                "jobs", "survey", str(domains_file), "-n", ns, "--chunk", "30", "-c", "2", "-f", "json"
            ).stdout
        )
        run_id = info["id"]
        a = pg_mw.worker("a", stalled_after=3, host="127.0.0.11")
        conninfo = pg_mw.url.replace("postgresql+psycopg", "postgresql")

        def stored() -> int:
            with psycopg.connect(conninfo) as conn:
                row = conn.execute("SELECT count(*) FROM survey_results").fetchone()
                return int(row[0]) if row else 0

        wait_for(lambda: stored() >= 5, what="worker A's first rows")
        a.kill()
        before = stored()
        assert 5 <= before < DOMAINS  # killed in the middle of the work
        with psycopg.connect(conninfo) as conn:
            doing = conn.execute("SELECT count(*) FROM procrastinate_jobs WHERE status = 'doing'").fetchone()
        assert doing is not None and doing[0] >= 1  # left behind by the dead worker

        b = pg_mw.worker("b", stalled_after=3, host="127.0.0.12")
        c = pg_mw.worker("c", stalled_after=3, host="127.0.0.13")
        done = json.loads(pg_mw.run("jobs", "wait", str(run_id), "--limit", "240", "-f", "json").stdout)
        assert done["status"] == "done" and done["done"] == DOMAINS == stored()
        metrics = [b.metrics(), c.metrics()]
        assert sum(m["mailwarden_worker_stalled_jobs_retried_total"] for m in metrics) >= 1
        # B and C stored exactly what A had not: nothing twice, nothing lost
        assert (
            sum(m.get('mailwarden_worker_items_stored_total{kind="survey"}', 0) for m in metrics)
            == DOMAINS - before
        )
        rows = job_rows(pg_mw, run_id)
        assert [r["position"] for r in rows] == list(range(DOMAINS))
        assert rows == reference_rows(pg_mw, domains_file, f"127.0.0.1:{server.port}")
    finally:
        relay.stop()


def test_a_chunk_s_first_run_skips_the_lookup_and_still_stores_each_row_once(tmp_path, jobs_dns, monkeypatch):
    """A chunk's first run does not ask the store what it holds (nothing of a new survey can
    be there); a retried one does. Run as first twice over, nothing is stored twice: the
    write itself skips positions already stored."""
    import asyncio

    from mailwarden.core.store import open_store
    from mailwarden.tasks import runs
    from mailwarden.tasks.work import survey_chunk

    server, names = jobs_dns
    store = open_store(url=f"sqlite:///{tmp_path / 'store.db'}")
    domains = names[:10]
    run_id, survey_id = runs.create_survey_run(store, "t", domains, chunks=1, params={})
    params = {"nameservers": [server.address], "timeout": 2.0}

    def chunk(fresh: bool) -> int:
        return asyncio.run(
            survey_chunk(
                store,
                run_id=run_id,
                survey_id=survey_id,
                first=0,
                domains=domains,
                params=params,
                fresh=fresh,
            )
        )

    asked: list[tuple[int, int]] = []
    real = runs.stored_positions

    def counted(store, survey_id, first, last):
        asked.append((first, last))
        return real(store, survey_id, first, last)

    monkeypatch.setattr(runs, "stored_positions", counted)  # counts the lookups, changes nothing
    assert chunk(fresh=True) == 10 and asked == []
    assert chunk(fresh=True) == 0  # run again as if first: every row already stored
    assert chunk(fresh=False) == 0 and asked == [(0, 9)]  # a retry asks, and checks nothing
    assert runs.count_rows(store, survey_id) == 10
    info = runs.run_info(store, run_id)
    assert info is not None and info["done"] == 10 and info["status"] == "done"
