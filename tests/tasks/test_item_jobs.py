"""Jobs of the other kinds — DMARC ingestion, scans, audits — in-process and on workers, and
the store's keyed writes that make a job run twice store everything once."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select

from mailwarden.analyze.engine import analyze
from mailwarden.analyze.rules import load_rules
from mailwarden.core.config import Settings
from mailwarden.core.store import DomainCheck, JobItem, JobRun
from mailwarden.tasks import runs, work
from mailwarden.tasks.runs import ItemResult
from mailwarden.tasks.submit import chunks, submit_items

from .conftest import Mailwarden

DATA = Path(__file__).parent.parent / "data"
REPORTS = DATA / "dmarc-samples" / "aggregate"
MAIL = DATA / "ja-mail"


def test_chunks_cover_the_input_once_in_order():
    parts = chunks([str(i) for i in range(23)], 10)
    assert [start for start, _ in parts] == [0, 10, 20]
    assert [x for _, part in parts for x in part] == [str(i) for i in range(23)]
    assert chunks([], 10) == []


def test_item_results_are_stored_once_and_counted_once(store):
    run_id = runs.create_run(store, "scan", "twice", {}, 3)
    first = [ItemResult("a", True, {"n": 1}), ItemResult("b", False, {"error": "x"})]
    assert runs.record_items(store, run_id, first, "w1") == 2
    # the job runs again (its worker was killed after storing a and b): a and b are not stored again
    again = [ItemResult("a", True, {"n": 99}), ItemResult("b", True, {}), ItemResult("c", True, {"n": 3})]
    assert runs.record_items(store, run_id, again, "w2") == 1
    info = runs.run_info(store, run_id)
    assert info is not None
    assert (info["done"], info["failed"], info["status"]) == (2, 1, "done")
    items = {i["item"]: i for i in runs.item_results(store, run_id)}
    assert items["a"]["result"] == {"n": 1} and items["a"]["worker"] == "w1"
    assert items["c"]["worker"] == "w2"
    assert runs.stored_items(store, run_id, ["a", "c", "zz"]) == {"a", "c"}


def test_survey_rows_are_stored_once_and_the_last_write_finishes_the_survey(store):
    run_id, survey_id = runs.create_survey_run(store, "s", ["x.test", "y.test"], chunks=1, params={})

    def row(pos: int) -> dict:
        return {
            "position": pos,
            "input": f"{pos}",
            "domain": f"{pos}.test",
            "grade": "B",
            "error": None,
            "adoption": {"spf": True},
            "checks": {},
            "findings": [],
            "fixes": [],
        }

    assert runs.write_survey_rows(store, run_id, survey_id, [row(0)]) == 1
    assert runs.write_survey_rows(store, run_id, survey_id, [row(0)]) == 0  # a retried chunk
    assert runs.run_info(store, run_id)["status"] == "running"
    assert runs.write_survey_rows(store, run_id, survey_id, [row(0), row(1)]) == 1
    info = runs.run_info(store, run_id)
    assert info["status"] == "done" and info["done"] == 2
    assert info["summary"]["checked"] == 2 and info["summary"]["grades"] == {"B": 2}
    assert [r["position"] for r in runs.survey_rows(store, survey_id)] == [0, 1]


def test_an_audit_job_run_twice_keeps_one_audit_a_domain(store, audit_dns):
    settings = Settings(database_url="sqlite://", jobs="inline")
    params = {"nameservers": [audit_dns.address], "timeout": 2.0}
    names = ["good.test", "nospf.test"]
    submitted = asyncio.run(submit_items(store, settings, "audit", "audits", names, params))
    assert not submitted.queued
    # the same chunk again, as a retried queue job would run it
    asyncio.run(
        work.items_chunk(store, run_id=submitted.run_id, kind="audit", params=params, items=names, worker="x")
    )
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(DomainCheck)) == 2
        assert s.scalar(select(func.count()).select_from(JobItem)) == 2
        assert s.get(JobRun, submitted.run_id).status == "done"


def test_sqlite_scan_job_gives_the_analyser_s_verdicts(sqlite_mw: Mailwarden):
    files = sorted((MAIL / "phishing").glob("*.eml"))[:4] + sorted((MAIL / "ham").glob("*.eml"))[:4]
    info = json.loads(sqlite_mw.run("jobs", "scan", *map(str, files), "-f", "json").stdout)
    assert info["status"] == "done" and info["done"] == 8 and info["failed"] == 0
    results = [
        json.loads(line) for line in sqlite_mw.run("jobs", "results", str(info["id"])).stdout.splitlines()
    ]
    rules = load_rules()
    by_item = {r["item"]: r["result"] for r in results}
    for f in files:
        expected = analyze(f.read_bytes(), rules).to_dict()
        assert by_item[str(f.resolve())]["verdict"] == expected["verdict"]
        assert by_item[str(f.resolve())]["score"] == expected["score"]


@pytest.mark.postgres
def test_workers_ingest_dmarc_reports_once_however_often_queued(pg_mw: Mailwarden, tmp_path: Path):
    files = [str(p) for p in sorted(REPORTS.iterdir()) if p.is_file()]
    first = json.loads(pg_mw.run("jobs", "dmarc-ingest", *files, "-f", "json").stdout)
    assert first["status"] == "queued" and first["total"] == len(files)
    pg_mw.worker("a")
    pg_mw.worker("b")
    done = json.loads(pg_mw.run("jobs", "wait", str(first["id"]), "--limit", "180", "-f", "json").stdout)
    assert done["status"] == "done" and done["done"] + done["failed"] == len(files)
    conninfo = pg_mw.url.replace("postgresql+psycopg", "postgresql")

    def reports() -> int:
        with psycopg.connect(conninfo) as conn:
            row = conn.execute("SELECT count(*) FROM dmarc_reports").fetchone()
            return int(row[0]) if row else 0

    stored = reports()
    assert stored > 0
    # the same files queued again: every report is known, nothing is stored twice
    second = json.loads(pg_mw.run("jobs", "dmarc-ingest", *files, "--wait", "-f", "json").stdout)
    assert second["status"] == "done"
    assert reports() == stored
    results = [
        json.loads(line) for line in pg_mw.run("jobs", "results", str(second["id"])).stdout.splitlines()
    ]
    assert sum(r["result"].get("counts", {}).get("duplicate", 0) for r in results) >= stored


def test_survey_stats_merge_and_round_trip():
    from mailwarden.domain.survey import SurveyStats

    rows = [
        {"grade": "A", "error": None, "adoption": {"spf": True, "dmarc": True, "dkim": None}},
        {"grade": "C", "error": None, "adoption": {"spf": True, "dmarc": False, "dkim": False}},
        {"grade": "?", "error": "timeout", "adoption": {}},
        {"grade": "A", "error": None, "adoption": {"spf": False}},
    ]
    whole, first, second = SurveyStats(), SurveyStats(), SurveyStats()
    for i, row in enumerate(rows):
        whole.add(row)
        (first if i < 2 else second).add(row)
    merged = SurveyStats.from_dict(first.to_dict())  # as stored between two writes
    merged.merge(second)
    assert merged.to_dict() == whole.to_dict()
    assert whole.to_dict()["grades"] == {"A": 2, "C": 1} and whole.errors == 1
    assert SurveyStats.from_dict({}).to_dict() == SurveyStats().to_dict()
