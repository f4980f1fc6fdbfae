"""What jobs write: surveys' rows and other runs' item results, each stored exactly once.

A queue job can run twice — its worker was killed after writing some rows, and the job is
retried on another host. Every write is therefore keyed: a survey row on (survey, position), an
item's result on (run, item), inserted with ``ON CONFLICT DO NOTHING``; a run's counters grow by
the rows actually inserted, in the same transaction, so they count each item once too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, func, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ..core.store import JobItem, JobRun, Store, Survey, SurveyResult
from ..domain.survey import SurveyStats

#: the kinds of job; ``survey`` runs keep their rows in the surveys tables the console shows
KINDS = ("survey", "audit", "dmarc-ingest", "scan", "dmarc-poll", "reports-poll")


def _insert(session: Session, model: Any, rows: list[dict[str, Any]], keys: list[str]) -> int:
    """Insert ``rows``, skipping those whose ``keys`` are already stored: the number inserted."""
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    table = model.__table__
    ins = postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
    # RETURNING counts what was inserted on both databases, row by row of a batch
    stmt = ins.on_conflict_do_nothing(index_elements=keys).returning(table.c.id)
    return len(session.connection().execute(stmt, rows).all())


# -- runs of every kind ----------------------------------------------------------------------


def create_run(store: Store, kind: str, name: str, params: dict[str, Any], total: int) -> int:
    with store.session() as s:
        run = JobRun(kind=kind, name=name[:255] or kind, params=params, status="queued", total=total)
        s.add(run)
        s.flush()
        return run.id


@dataclass(frozen=True)
class ItemResult:
    item: str
    ok: bool
    result: dict[str, Any]


def stored_items(store: Store, run_id: int, items: Sequence[str]) -> set[str]:
    """Which of ``items`` already have a result (a retried job skips them)."""
    found: set[str] = set()
    with store.session() as s:
        for start in range(0, len(items), 500):
            part = list(items[start : start + 500])
            found.update(
                s.scalars(select(JobItem.item).where(JobItem.run_id == run_id, JobItem.item.in_(part)))
            )
    return found


def claim_item(session: Session, run_id: int, result: ItemResult, worker: str) -> bool:
    """Store one item's result in ``session``'s transaction; False when it was already stored
    (then the caller's other writes for the item must not happen: roll back)."""
    row = {
        "run_id": run_id,
        "item": result.item[:1024],
        "ok": result.ok,
        "result": result.result,
        "worker": worker[:255],
        "at": datetime.now(UTC),
    }
    if not _insert(session, JobItem, [row], ["run_id", "item"]):
        return False
    _count(session, run_id, done=int(result.ok), failed=int(not result.ok))
    return True


def record_items(store: Store, run_id: int, results: Iterable[ItemResult], worker: str) -> int:
    """Store results not stored yet; the number stored now."""
    now = datetime.now(UTC)
    rows: list[dict[str, Any]] = [
        {
            "run_id": run_id,
            "item": r.item[:1024],
            "ok": r.ok,
            "result": r.result,
            "worker": worker[:255],
            "at": now,
        }
        for r in results
    ]
    if not rows:
        return 0
    with store.session() as s:
        inserted = 0
        ok = failed = 0
        for row in rows:  # one by one: the counters must follow what was really inserted
            if _insert(s, JobItem, [row], ["run_id", "item"]):
                inserted += 1
                ok += int(row["ok"])
                failed += int(not row["ok"])
        _count(s, run_id, done=ok, failed=failed)
    return inserted


def _count(session: Session, run_id: int, *, done: int, failed: int) -> None:
    if not done and not failed:
        return
    session.execute(
        update(JobRun)
        .where(JobRun.id == run_id)
        .values(done=JobRun.done + done, failed=JobRun.failed + failed)
    )
    live = JobRun.status != "cancelled"
    session.execute(update(JobRun).where(JobRun.id == run_id, live).values(status="running"))
    session.execute(
        update(JobRun)
        .where(JobRun.id == run_id, live, JobRun.done + JobRun.failed >= JobRun.total)
        .values(status="done", finished_at=datetime.now(UTC))
    )


def fail(store: Store, run_id: int, error: str) -> None:
    """A part of the run failed for good (the queue gave up retrying it): the run, and its
    survey, say so instead of waiting for rows that will not come."""
    now = datetime.now(UTC)
    with store.session() as s:
        run = s.get(JobRun, run_id)
        if run is None or run.status in ("done", "cancelled"):
            return
        run.status, run.finished_at = "failed", now
        run.params = {**run.params, "error": error[:500]}
        if run.kind == "survey":
            survey = s.get(Survey, int(run.params.get("survey_id", 0)))
            if survey is not None and survey.status != "done":
                survey.status, survey.error, survey.finished_at = "failed", error[:500], now


def add_item(store: Store, run_id: int) -> None:
    """One more item to come (a repeating poll's next pass)."""
    with store.session() as s:
        s.execute(
            update(JobRun)
            .where(JobRun.id == run_id, JobRun.status != "cancelled")
            .values(total=JobRun.total + 1, status="queued", finished_at=None)
        )


def cancel(store: Store, run_id: int) -> bool:
    """Mark a run cancelled: its chunks not started yet do nothing, a repeating poll stops
    after the pass under way. False when there is no such run."""
    with store.session() as s:
        found = s.execute(
            update(JobRun)
            .where(JobRun.id == run_id)
            .values(status="cancelled", finished_at=datetime.now(UTC))
            .returning(JobRun.id)
        ).first()
        return found is not None


def cancelled(store: Store, run_id: int) -> bool:
    with store.session() as s:
        return s.scalar(select(JobRun.status).where(JobRun.id == run_id)) == "cancelled"


def run_info(store: Store, run_id: int) -> dict[str, Any] | None:
    with store.session() as s:
        run = s.get(JobRun, run_id)
        if run is None:
            return None
        info = _run_dict(run)
        if run.kind == "survey":
            survey = s.get(Survey, int(run.params.get("survey_id", 0)))
            if survey is not None:
                info.update(done=survey.done, status=survey.status, summary=survey.summary)
        return info


def _run_dict(run: JobRun) -> dict[str, Any]:
    return {
        "id": run.id,
        "kind": run.kind,
        "name": run.name,
        "status": run.status,
        "total": run.total,
        "done": run.done,
        "failed": run.failed,
        "params": {k: v for k, v in run.params.items() if k not in ("items", "error")},
        "error": run.params.get("error"),
        "created_at": run.created_at.isoformat(),
        "finished_at": run.finished_at.isoformat() if run.finished_at else None,
    }


def list_runs(store: Store, limit: int = 200) -> list[dict[str, Any]]:
    with store.session() as s:
        runs = list(s.scalars(select(JobRun).order_by(JobRun.id.desc()).limit(limit)))
        surveys = {
            v.id: v
            for v in s.scalars(
                select(Survey).where(
                    Survey.id.in_([int(r.params.get("survey_id", 0)) for r in runs if r.kind == "survey"])
                )
            )
        }
        out = []
        for run in runs:
            info = _run_dict(run)
            survey = surveys.get(int(run.params.get("survey_id", 0))) if run.kind == "survey" else None
            if survey is not None:
                info.update(done=survey.done, status=survey.status)
            out.append(info)
        return out


def item_results(store: Store, run_id: int, *, offset: int = 0, limit: int = 1000) -> list[dict[str, Any]]:
    with store.session() as s:
        return [
            {"item": i.item, "ok": i.ok, "result": i.result, "worker": i.worker, "at": i.at.isoformat()}
            for i in s.scalars(
                select(JobItem)
                .where(JobItem.run_id == run_id)
                .order_by(JobItem.id)
                .offset(offset)
                .limit(limit)
            )
        ]


# -- surveys -----------------------------------------------------------------------------------


def create_survey_run(
    store: Store, name: str, domains: list[str], *, chunks: int, params: dict[str, Any]
) -> tuple[int, int]:
    """A survey (the console's surveys table) and its run; (run id, survey id)."""
    with store.session() as s:
        survey = Survey(name=name[:255] or "survey", status="queued", total=len(domains), done=0, summary={})
        survey.chunks = chunks
        s.add(survey)
        s.flush()
        run = JobRun(
            kind="survey",
            name=survey.name,
            params={**params, "survey_id": survey.id},
            status="queued",
            total=len(domains),
        )
        s.add(run)
        s.flush()
        return run.id, survey.id


def stored_positions(store: Store, survey_id: int, first: int, last: int) -> set[int]:
    with store.session() as s:
        return set(
            s.scalars(
                select(SurveyResult.position).where(
                    SurveyResult.survey_id == survey_id,
                    SurveyResult.position >= first,
                    SurveyResult.position <= last,
                )
            )
        )


def write_survey_rows(store: Store, run_id: int, survey_id: int, rows: list[dict[str, Any]]) -> int:
    """Rows not stored yet are stored; the survey's count and its summary grow by those, in
    the same transaction (the survey's row locked), so the summary counts each row once and is
    complete the moment the last row is stored — the survey is ``done`` then."""
    values = [
        {
            "survey_id": survey_id,
            "position": row["position"],
            "domain": str(row["domain"])[:255],
            "grade": str(row["grade"])[:2],
            "row": row,
        }
        for row in rows
    ]
    with store.session(write=True) as s:
        survey = s.scalars(select(Survey).where(Survey.id == survey_id).with_for_update()).first()
        if survey is None:
            return 0
        inserted = _inserted_positions(s, values)
        if inserted:
            stats = SurveyStats.from_dict(survey.summary or {})
            for row in rows:
                if row["position"] in inserted:
                    stats.add(row)
            survey.summary = stats.to_dict()
            survey.done += len(inserted)
            survey.status = "running"
        if survey.done >= survey.total and survey.status != "done":
            survey.status = "done"
            survey.finished_at = datetime.now(UTC)
            s.execute(
                update(JobRun)
                .where(JobRun.id == run_id)
                .values(status="done", done=survey.total, finished_at=survey.finished_at)
            )
    return len(inserted)


#: survey rows in one statement on PostgreSQL: the batch as one JSON document (written by
#: orjson) that the server splits into rows — SQLAlchemy's per-row work, then psycopg's array
#: escaping, each cost a survey worker 8–13% of its CPU
_PG_INSERT_ROWS = text(
    "INSERT INTO survey_results (survey_id, position, domain, grade, row)"
    " SELECT :survey, r.position, r.domain, r.grade, r.row"
    " FROM json_to_recordset(CAST(:rows AS json))"
    " AS r(position integer, domain varchar, grade varchar, row json)"
    " ON CONFLICT (survey_id, position) DO NOTHING RETURNING position"
)


def _inserted_positions(session: Session, values: list[dict[str, Any]]) -> set[int]:
    """Insert survey rows, skipping positions already stored; the positions inserted."""
    if not values:
        return set()
    if session.get_bind().dialect.name == "postgresql":
        import orjson

        survey = values[0]["survey_id"]
        assert all(v["survey_id"] == survey for v in values)
        batch = orjson.dumps([{k: v[k] for k in ("position", "domain", "grade", "row")} for v in values])
        params = {"survey": survey, "rows": batch.decode()}
        return {int(p) for (p,) in session.execute(_PG_INSERT_ROWS, params)}
    table = cast(Table, SurveyResult.__table__)
    dialect = session.get_bind().dialect.name
    ins = postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
    stmt = ins.on_conflict_do_nothing(index_elements=["survey_id", "position"]).returning(table.c.position)
    return {int(p) for (p,) in session.connection().execute(stmt, values)}


def survey_rows(store: Store, survey_id: int) -> Iterable[dict[str, Any]]:
    """Every stored row in position order, a page at a time."""
    last = -1
    while True:
        with store.session() as s:
            page = list(
                s.execute(
                    select(SurveyResult.position, SurveyResult.row)
                    .where(SurveyResult.survey_id == survey_id, SurveyResult.position > last)
                    .order_by(SurveyResult.position)
                    .limit(1000)
                )
            )
        if not page:
            return
        for position, row in page:
            yield row
            last = position


def count_rows(store: Store, survey_id: int) -> int:
    with store.session() as s:
        return int(
            s.scalar(
                select(func.count()).select_from(SurveyResult).where(SurveyResult.survey_id == survey_id)
            )
            or 0
        )


def queue_overview(store: Store) -> dict[str, Any] | None:
    """Queued jobs by status and the workers alive (seconds since each one's heartbeat); None
    without a queue (the embedded database), empty before the first job was queued."""
    if store.engine.dialect.name != "postgresql":
        return None
    with store.session() as s:
        if s.scalar(text("SELECT to_regclass('procrastinate_jobs')")) is None:
            return {"jobs": {}, "workers": []}
        jobs = {
            str(status): int(n)
            for status, n in s.execute(
                text("SELECT status::text, count(*) FROM procrastinate_jobs GROUP BY status")
            )
        }
        workers = [
            {"id": int(wid), "silent": round(float(silent), 1)}
            for wid, silent in s.execute(
                text(
                    "SELECT id, EXTRACT(EPOCH FROM (now() - last_heartbeat))::float"
                    " FROM procrastinate_workers ORDER BY id"
                )
            )
        ]
    return {"jobs": jobs, "workers": workers}
