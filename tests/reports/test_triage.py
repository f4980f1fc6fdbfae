"""The triage queue (priority, clusters, notes) and the reporting metrics, on both stores."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text, update

from mailwarden.analyze.rules import load_rules
from mailwarden.core.errors import InputError
from mailwarden.reports import autoresolve, metrics, priority, service, triage
from mailwarden.reports.models import Report, ReportCluster

from . import corpus

KEY = "test-secret-key"


@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    return load_rules()


def report(store, rules, original: bytes, reporter: str):  # type: ignore[no-untyped-def]
    """A report taken in with no auto-resolve rule: every cluster waits for a person."""
    got = service.ingest_report(
        store,
        rules,
        KEY,
        path="imap",
        report_mail=corpus.attached(original, reporter=reporter),
        auto_rules=autoresolve.AutoRules(),
    )
    assert got.report_id is not None, got.reason
    return got


# -- priority ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("verdict", "size", "reporters", "expected"),
    [
        ("clean", 1, 1, 0.0),
        ("phishing", 1, 1, 50.0),
        ("malicious", 1, 1, 60.0),
        ("suspicious", 4, 2, 30.0 + 20.0 + 15.0),
        ("spam", 8, 8, 10.0 + 30.0 + 45.0),
        ("unknown", 0, 0, 0.0),
    ],
)
def test_priority_formula(verdict, size, reporters, expected):
    assert priority.priority(verdict, size, reporters) == expected


def test_priority_orders_verdict_before_a_crowd_of_one():
    # one person reporting the same clean mail 4 times stays below one phishing report
    assert priority.priority("clean", 4, 1) < priority.priority("phishing", 1, 1)
    # but many colleagues reporting a suspicious mail outrank a lone phishing report
    assert priority.priority("suspicious", 16, 16) > priority.priority("phishing", 1, 1)
    assert priority.worst(["clean", "phishing", "spam"]) == "phishing"
    assert priority.worst([]) == "clean"


# -- the queue -----------------------------------------------------------------------------------
def test_queue_by_priority_with_counts(store, rules):
    a = [
        report(store, rules, corpus.phish(to=f"s{i}@example.co.jp"), f"s{i}@example.co.jp") for i in range(3)
    ]
    b = report(
        store,
        rules,
        corpus.phish(
            subject="会議の議事録",
            sender="Suzuki <suzuki@partner.example>",
            body="先日の会議の議事録を共有します。ご確認ください。よろしくお願いいたします。",
        ),
        "kato@example.co.jp",
    )
    assert a[0].cluster_id == a[1].cluster_id == a[2].cluster_id != b.cluster_id
    rows = triage.list_clusters(store)
    assert [r["id"] for r in rows] == [a[0].cluster_id, b.cluster_id]
    top = rows[0]
    assert (top["size"], top["reporters"], top["status"]) == (3, 3, "received")
    assert top["priority"] == priority.priority(top["verdict"], 3, 3)
    assert top["newest"] is not None
    assert (rows[1]["size"], rows[1]["reporters"]) == (1, 1)
    # resolved clusters leave the open tab and appear in the resolved one
    service.resolve_cluster(store, b.cluster_id, "clean", "cli:me")
    assert [r["id"] for r in triage.list_clusters(store)] == [a[0].cluster_id]
    done = triage.list_clusters(store, resolved=True)
    assert [(r["id"], r["classification"]) for r in done] == [(b.cluster_id, "clean")]
    assert triage.list_clusters(store, resolved=True, classification="phishing") == []
    assert triage.list_clusters(store, status="in_review") == []
    with pytest.raises(InputError):
        triage.list_clusters(store, status="bogus")


def test_queue_order_kept_on_the_cluster_matches_its_reports(store, rules):
    # the order the queue is read in (kept as reports arrive) is the one its reports make
    same = [
        report(store, rules, corpus.phish(to=f"u{i}@example.co.jp"), who)
        for i, who in enumerate(["a@example.co.jp", "b@example.co.jp", "a@example.co.jp", "c@example.co.jp"])
    ]
    one = report(
        store,
        rules,
        corpus.phish(subject="議事録", sender="Suzuki <suzuki@partner.example>", body="議事録を共有します。"),
        "d@example.co.jp",
    )
    rows = triage.list_clusters(store)
    assert [r["id"] for r in rows] == [same[0].cluster_id, one.cluster_id]
    with store.session() as s:
        kept = {g.id: g for g in s.scalars(select(ReportCluster))}
    for r in rows:
        g = kept[r["id"]]
        assert (g.size, g.reporters) == (r["size"], r["reporters"])
        assert g.priority == r["priority"] == priority.priority(r["verdict"], r["size"], r["reporters"])
        assert priority.ORDER[g.verdict_rank] == r["verdict"]
    assert (rows[0]["size"], rows[0]["reporters"]) == (4, 3), "the same person twice counts once"
    # a page at a time
    assert [r["id"] for r in triage.list_clusters(store, limit=1, offset=1)] == [one.cluster_id]


def test_migration_fills_the_queue_order_of_stored_clusters(tmp_path):
    from alembic import command

    from mailwarden.core.store import open_store
    from mailwarden.core.store.db import alembic_config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    store = open_store(url=url, migrate=False)
    cfg = alembic_config(url)
    command.upgrade(cfg, "0011")
    now = datetime(2026, 12, 1, tzinfo=UTC)
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO report_clusters"
                " (id, created_at, updated_at, status, size, sender_domain, subject)"
                " VALUES (7, :t, :t, 'received', 3, 'x.example', 's')"
            ),
            {"t": now},
        )
        conn.execute(
            text(
                "INSERT INTO report_analyses (key, created_at, verdict, score, result)"
                " VALUES ('k', :t, 'phishing', 9, '{}')"
            ),
            {"t": now},
        )
        for i, (who, verdict, score) in enumerate(
            [("a", "suspicious", 4.0), ("b", "phishing", 9.5), ("a", "clean", 0.0)]
        ):
            conn.execute(
                text(
                    "INSERT INTO reports (reported_at, reporter, path, intake, degraded, answers, raw, size,"
                    " message_id, sender, subject, analysis_key, verdict, score, signals, status, cluster_id)"
                    " VALUES (:t, :who, 'api', 'raw', 0, '{}', x'00', 1, '', '', '', 'k', :v, :s, '[]',"
                    " 'received', 7)"
                ),
                {"t": now + timedelta(minutes=i), "who": who, "v": verdict, "s": score},
            )
    command.upgrade(cfg, "head")
    with store.session() as s:
        g = s.get(ReportCluster, 7)
        assert g is not None
        assert (g.reporters, priority.ORDER[g.verdict_rank], g.top_score) == (2, "phishing", 9.5)
        assert g.priority == priority.priority("phishing", 3, 2)
        assert g.newest_at is not None
    store.engine.dispose()


def test_cluster_detail_notes_and_take(store, rules):
    evil = corpus.phish(body="<script>alert(1)</script> ログインしてください https://evil.example/x?id=1")
    first = report(store, rules, evil, "tanaka@example.co.jp")
    report(store, rules, evil, "sato@example.co.jp")
    cid = first.cluster_id
    assert cid is not None
    note = triage.add_note(store, cid, "web:boss", "  同じ攻撃を経理部でも確認  ")
    assert (note["action"], note["detail"]) == ("note", "同じ攻撃を経理部でも確認")
    with pytest.raises(InputError):
        triage.add_note(store, cid, "web:boss", "   ")
    with pytest.raises(InputError):
        triage.add_note(store, 424242, "web:boss", "x")
    assert service.take_cluster(store, cid, "boss", "web:boss") == 2
    g = triage.get_cluster(store, cid)
    assert g is not None
    assert (g["status"], g["assignee"], g["size"], g["reporters"]) == ("in_review", "boss", 2, 2)
    assert [r["reporter"] for r in g["reporters_answers"]] == ["tanaka@example.co.jp", "sato@example.co.jp"]
    assert [n["detail"] for n in g["notes"]] == ["同じ攻撃を経理部でも確認"]
    assert [a["action"] for a in g["audit"]] == ["note", "assign"]
    assert g["message"] is not None and "<script>alert(1)</script>" in g["message"]["text"]
    assert ("Subject", "【重要】アカウントの確認をお願いします") in g["message"]["headers"]
    assert triage.get_cluster(store, 424242) is None


# -- metrics -------------------------------------------------------------------------------------
def test_nearest_rank():
    assert metrics.nearest_rank([], 0.5) is None
    assert metrics.nearest_rank([5.0], 0.9) == 5.0
    values = [float(v) for v in range(1, 11)]  # 1..10
    assert metrics.nearest_rank(values, 0.5) == 5.0
    assert metrics.nearest_rank(values, 0.9) == 9.0
    assert metrics.nearest_rank(list(reversed(values)), 0.9) == 9.0


def test_metrics(store, rules):
    # the corpus message arrived at corpus.WHEN; reports 1 h, 2 h and 3 h later
    phish = [
        report(store, rules, corpus.phish(to=f"s{i}@example.co.jp"), f"s{i}@example.co.jp") for i in range(3)
    ]
    clean = report(
        store,
        rules,
        corpus.phish(
            subject="会議の議事録",
            sender="Suzuki <suzuki@partner.example>",
            body="先日の会議の議事録を共有します。ご確認ください。よろしくお願いいたします。",
        ),
        "s0@example.co.jp",
    )
    with store.session() as s:
        for i, got in enumerate([*phish, clean]):
            s.execute(
                update(Report)
                .where(Report.id == got.report_id)
                .values(reported_at=corpus.WHEN + timedelta(hours=i + 1))
            )
    service.resolve_cluster(store, phish[0].cluster_id, "phishing", "cli:me")
    service.resolve_cluster(store, clean.cluster_id, "clean", "cli:me")
    decided = corpus.WHEN + timedelta(hours=10)
    with store.session() as s:
        s.execute(update(ReportCluster).values(decided_at=decided))
    m = metrics.compute(store, days=7, now=corpus.WHEN + timedelta(days=1))
    assert m["reports"] == 4 and m["simulations"] == 0
    day = next(d for d in m["per_day"] if d["date"] == corpus.WHEN.date().isoformat())
    assert (day["reports"], day["phishing"], day["phishing_rate"]) == (4, 3, 0.75)
    assert len(m["per_day"]) == 7
    # time to report: 1, 2, 3, 4 hours
    assert m["time_to_report"] == {"count": 4, "median_seconds": 7200.0, "p90_seconds": 14400.0}
    # time to triage: 9, 8, 7, 6 hours
    assert m["time_to_triage"] == {"count": 4, "median_seconds": 25200.0, "p90_seconds": 32400.0}
    assert (m["clusters"]["count"], m["clusters"]["open"], m["clusters"]["largest"]) == (2, 0, 3)
    assert {b["size"]: b["clusters"] for b in m["clusters"]["sizes"]}["2-4"] == 1
    s0 = next(r for r in m["reporters"] if r["reporter"] == "s0@example.co.jp")
    assert (s0["reports"], s0["resolved"], s0["phishing"], s0["accuracy"]) == (2, 2, 1, 0.5)
    assert m["top_subjects"][0] == {"value": "【重要】アカウントの確認をお願いします", "reports": 3}
    assert m["top_senders"][0] == {"value": "security@micros0ft-support.example", "reports": 3}
    # a period before the reports has none of them
    before = metrics.compute(store, days=1, now=corpus.WHEN - timedelta(days=3))
    assert before["reports"] == 0 and before["time_to_report"]["median_seconds"] is None
    rows = list(csv.reader(io.StringIO(metrics.to_csv(m))))
    assert rows[0] == ["metric", "key", "value"]
    assert ["reporter_accuracy", "s0@example.co.jp", "0.5"] in rows
    assert ["time_to_report_median_seconds", "", "7200.0"] in rows


def test_metrics_csv_defuses_formulas():
    empty: metrics.ReportMetrics = {
        "since": datetime(2026, 12, 1, tzinfo=UTC).isoformat(),
        "until": datetime(2026, 12, 2, tzinfo=UTC).isoformat(),
        "days": 1,
        "reports": 1,
        "simulations": 0,
        "per_day": [],
        "time_to_report": metrics.durations([]),
        "time_to_triage": metrics.durations([]),
        "clusters": {"count": 0, "open": 0, "largest": 0, "sizes": []},
        "reporters": [],
        "top_subjects": [{"value": '=HYPERLINK("http://x")', "reports": 1}],
        "top_senders": [],
    }
    rows = list(csv.reader(io.StringIO(metrics.to_csv(empty))))
    assert ["top_subject", '\'=HYPERLINK("http://x")', "1"] in rows
