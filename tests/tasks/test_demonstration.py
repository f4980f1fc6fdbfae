"""The deployment in small, on one machine (docs/operations.md, the demonstration): one
PostgreSQL, three workers and two gateways at work together, each on a loopback address of its
own; one worker and one gateway are killed with SIGKILL in the middle of their work, and
nothing is lost and nothing is done twice."""

from __future__ import annotations

import json

import psycopg
import pytest

from mailwarden.core.store import open_store
from tests.support.delayrelay import DelayRelay
from tests.support.gateways import POLICY, Burst, Cluster
from tests.support.nsd import NsdServer
from tests.support.smtpsink import SinkServer

from .conftest import Mailwarden, jobs_zone, wait_for
from .test_survey_jobs import job_rows, reference_rows

DOMAINS = 120
WORKERS = {"a": "127.0.0.11", "b": "127.0.0.12", "c": "127.0.0.13"}


@pytest.mark.postgres
@pytest.mark.smtp
def test_workers_and_gateways_killed_together_lose_nothing_and_do_nothing_twice(pg_mw: Mailwarden, tmp_path):
    zone, names = jobs_zone(DOMAINS)
    dns = NsdServer([zone]).start()
    relay = DelayRelay(dns.port, 0.4).start()  # a slow resolver: a chunk takes many seconds
    sink = SinkServer().start()
    open_store(url=pg_mw.url).engine.dispose()  # migrated once, before anything starts
    (tmp_path / "gateways").mkdir()
    cluster = Cluster(pg_mw.url, tmp_path / "gateways", sink, {}, {})
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY)
    cluster.push(policy)
    conninfo = pg_mw.url.replace("postgresql+psycopg", "postgresql")

    def query(sql: str, *args: object) -> list[tuple]:
        with psycopg.connect(conninfo) as conn:
            return conn.execute(sql, args).fetchall()

    def stored() -> int:
        return int(query("SELECT count(*) FROM survey_results")[0][0])

    def doing(worker_id: int | None = None) -> set[int]:
        rows = query("SELECT worker_id FROM procrastinate_jobs WHERE status = 'doing'")
        return {r[0] for r in rows if worker_id is None or r[0] == worker_id}

    try:
        cluster.start("a")
        cluster.start("b")
        domains = tmp_path / "domains.txt"
        domains.write_text("\n".join(names) + "\n", encoding="utf-8")
        ns = f"127.0.0.1:{relay.port}"
        info = json.loads(
            pg_mw.run(
                "jobs", "survey", str(domains), "-n", ns, "--chunk", "10", "-c", "2", "-f", "json"
            ).stdout
        )
        # worker A alone first, so that its chunks are known to be its own
        a = pg_mw.worker("a", stalled_after=3, host=WORKERS["a"])
        wait_for(lambda: stored() >= 5, what="worker A's first rows")
        (a_id,) = doing()
        b = pg_mw.worker("b", stalled_after=3, host=WORKERS["b"])
        c = pg_mw.worker("c", stalled_after=3, host=WORKERS["c"])
        wait_for(lambda: len(doing()) == 3, what="three workers at work")
        burst = Burst(cluster).start()
        # worker A in the middle of a chunk (it takes a new one while chunks wait), gateway B in
        # the middle of the burst
        wait_for(lambda: burst.acked_by("b") >= 8 and doing(a_id), what="gateway B's first messages")
        a.kill()  # holding a chunk: B and C's metrics count its retry below
        burst.kill("b")
        before = stored()
        assert 5 <= before < DOMAINS
        burst.restart()

        done = json.loads(pg_mw.run("jobs", "wait", str(info["id"]), "--limit", "240", "-f", "json").stdout)
        assert done["status"] == "done" and done["done"] == DOMAINS == stored()
        metrics = [b.metrics(), c.metrics()]
        assert sum(m["mailwarden_worker_stalled_jobs_retried_total"] for m in metrics) >= 1
        assert all(m.get('mailwarden_worker_items_stored_total{kind="survey"}', 0) > 0 for m in metrics)
        rows = job_rows(pg_mw, info["id"])
        assert [r["position"] for r in rows] == list(range(DOMAINS))  # each once
        assert rows == reference_rows(pg_mw, domains, f"127.0.0.1:{dns.port}")
        assert not query("SELECT id FROM procrastinate_jobs WHERE status IN ('todo', 'doing', 'failed')")

        burst.check()  # every acknowledged message delivered once, every held one released once
    finally:
        cluster.stop()
        pg_mw.stop()
        sink.stop()
        relay.stop()
        dns.stop()
