from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

import mailwarden.analyze.models
import mailwarden.cloud.models
import mailwarden.core.sessions
import mailwarden.deliverability.models
import mailwarden.dmarc.models
import mailwarden.gateway.models
import mailwarden.leaks.models
import mailwarden.pqc.models
import mailwarden.reports.models
import mailwarden.simulate.models  # noqa: F401  (every table, for the migration check)
from mailwarden.analyze.rules import load_rules
from mailwarden.core.errors import InputError
from mailwarden.core.store import Base
from mailwarden.reports import ingest as ingest_module
from mailwarden.reports import intake, service, simulation, tokens
from mailwarden.reports.ingest import MAX_ANSWER_CHARS
from mailwarden.reports.models import Report, ReportAnalysis, ReportCluster

from . import corpus

KEY = "test-secret-key"


@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    return load_rules()


def ingest(store, rules, **kw):  # type: ignore[no-untyped-def]
    kw.setdefault("path", "imap")
    return service.ingest_report(store, rules, KEY, **kw)


def test_migrations_match_models(store):
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_report_mail_stored_with_analysis(store, rules):
    got = ingest(store, rules, report_mail=corpus.attached(corpus.phish()))
    assert got.report_id is not None and got.reason is None and got.analysed
    detail = service.get_report(store, got.report_id)
    assert detail is not None
    assert detail["reporter"] == "tanaka@example.co.jp"
    assert detail["path"] == "imap" and detail["intake"] == "rfc822" and not detail["degraded"]
    assert detail["sender"] == "security@micros0ft-support.example"
    assert detail["subject"] == "【重要】アカウントの確認をお願いします"
    assert detail["message_id"] == "<20261201093000.4411@micros0ft-support.example>"
    assert detail["message_received_at"] is not None
    assert datetime.fromisoformat(detail["message_received_at"]).astimezone(UTC) == corpus.WHEN
    assert detail["status"] == "received" and detail["classification"] is None
    assert detail["verdict"] in ("suspicious", "phishing", "malicious", "spam", "clean")
    assert detail["signals"], "the analyser's signals are kept with the report"
    assert {s["code"] for s in detail["signals"]} <= set(rules.signals)
    assert detail["cluster_id"] == got.cluster_id and detail["cluster_size"] == 1
    assert (
        service.report_message(store, got.report_id)
        == intake.read_report(corpus.attached(corpus.phish())).message
    )


def test_message_with_answers_through_the_api_path(store, rules):
    answers = {"clicked": False, "entered_password": "no", "note": "変なリンク" * 1000}
    got = ingest(
        store, rules, path="api", message=corpus.phish(), answers=answers, reporter="ito@example.co.jp"
    )
    detail = service.get_report(store, got.report_id)
    assert detail is not None and detail["path"] == "api" and detail["intake"] == "raw"
    assert detail["answers"]["clicked"] is False
    assert len(detail["answers"]["note"]) == MAX_ANSWER_CHARS
    with pytest.raises(InputError):
        ingest(store, rules, path="api", message=corpus.phish(), answers=["not", "a", "dict"])  # type: ignore[arg-type]
    with pytest.raises(InputError):
        ingest(store, rules, path="smtp", message=corpus.phish())


def test_inline_report_is_degraded(store, rules):
    got = ingest(store, rules, path="upload", report_mail=corpus.inline(corpus.OUTLOOK_JA))
    assert got.degraded
    detail = service.get_report(store, got.report_id)
    assert detail is not None and detail["degraded"] and detail["intake"] == "inline"
    assert detail["sender"] == "soumu@example-co-jp.example"


def test_nothing_to_report_is_a_reason_and_nothing_is_stored(store, rules):
    got = ingest(store, rules, report_mail=corpus.inline("please check this\n"))
    assert got.report_id is None and got.reason == intake.REASON_NOTHING
    assert got.reason_text()
    too_big = ingest(store, rules, path="api", message=b"x" * (intake.MAX_REPORT_BYTES + 1))
    assert too_big.reason == intake.REASON_TOO_LARGE and too_big.reason_params == {"limit": "40"}
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Report)) == 0


def test_simulation_marker_checked(store, rules):
    mark = simulation.marker(KEY, "q4-2026", "t0042")
    got = ingest(store, rules, report_mail=corpus.attached(corpus.phish(headers={simulation.HEADER: mark})))
    assert (got.status, got.classification, got.cluster_id) == ("resolved", "simulation", None)
    detail = service.get_report(store, got.report_id)
    assert detail is not None and detail["simulation"] == "q4-2026.t0042"
    assert service.list_reports(store, status="received") == []
    # a marker made with another key, or altered, is no simulation
    forged = simulation.marker("another key", "q4-2026", "t0042")
    altered = mark.replace("t0042", "t0043")
    for bad in (forged, altered, "garbage"):
        other = ingest(store, rules, message=corpus.phish(headers={simulation.HEADER: bad}))
        assert other.classification is None and other.status == "received"


def test_simulation_marker_rejects_bad_names():
    with pytest.raises(ValueError):
        simulation.marker(KEY, "a.b", "t")
    assert simulation.check(KEY, simulation.marker(KEY, "c", "t")) == ("c", "t")


def test_500_staff_one_cluster_one_analysis(store, rules, monkeypatch):
    calls = []
    real = ingest_module.analyze_parsed
    monkeypatch.setattr(ingest_module, "analyze_parsed", lambda m, r: calls.append(1) or real(m, r))
    ids, clusters = set(), set()
    for i in range(500):
        staff = f"staff{i:03d}@example.co.jp"
        mail = corpus.attached(corpus.phish(to=staff), reporter=staff)
        got = ingest(store, rules, report_mail=mail)
        ids.add(got.report_id)
        clusters.add(got.cluster_id)
    assert len(calls) == 1
    assert len(ids) == 500 and len(clusters) == 1
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(ReportAnalysis)) == 1
        group = s.get(ReportCluster, clusters.pop())
        assert group is not None and group.size == 500
        reporters = set(s.scalars(select(Report.reporter)))
    assert len(reporters) == 500


def test_near_identical_text_clusters_unrelated_does_not(store, rules):
    body = (
        "お客様のアカウントで異常なサインインが検出されました。"
        "24時間以内に確認しない場合、アカウントは停止されます。確認は以下から。"
    )
    a = ingest(
        store,
        rules,
        message=corpus.phish(body=body + "\nhttps://a-phish.example/x?id=1", sender="a@a-phish.example"),
    )
    b = ingest(
        store,
        rules,
        message=corpus.phish(body=body + "\nhttps://b-phish.example/y?id=2", sender="b@b-phish.example"),
    )
    c = ingest(
        store,
        rules,
        message=corpus.phish(
            subject="Team lunch on Friday",
            body="Hi all, the team lunch moves to Friday at noon in the usual place. Bring your appetite.",
            sender="hr@corp-news.example",
            link="",
        ),
    )
    assert a.cluster_id == b.cluster_id
    assert c.cluster_id != a.cluster_id


def test_same_link_target_clusters(store, rules):
    link = "https://login-check.example/session/renew?u=1"
    a = ingest(
        store,
        rules,
        message=corpus.phish(subject="One", body=f"Renew your session now: {link}", sender="x@one.example"),
    )
    b = ingest(
        store,
        rules,
        message=corpus.phish(
            subject="Two", body=f"別件です。こちらから更新してください {link}", sender="y@two.example"
        ),
    )
    assert a.cluster_id == b.cluster_id


def test_one_decision_resolves_the_cluster(store, rules):
    first = [
        ingest(store, rules, report_mail=corpus.attached(corpus.phish(to=f"u{i}@example.co.jp")))
        for i in range(3)
    ]
    cid = first[0].cluster_id
    assert cid is not None and {g.cluster_id for g in first} == {cid}
    assert service.resolve_cluster(store, cid, "phishing", "web:yamada", "credential phish") == 3
    rows = service.list_reports(store, classification="phishing")
    assert {r["id"] for r in rows} == {g.report_id for g in first}
    assert all(r["status"] == "resolved" for r in rows)
    detail = service.get_report(store, first[0].report_id)
    assert detail is not None
    assert [(a["actor"], a["action"]) for a in detail["audit"]] == [("web:yamada", "resolve")]
    assert "credential phish" in detail["audit"][0]["detail"]
    # a later report of the same message joins the decided cluster, already resolved
    late = ingest(store, rules, report_mail=corpus.attached(corpus.phish(to="late@example.co.jp")))
    assert (late.cluster_id, late.status, late.classification) == (cid, "resolved", "phishing")
    with pytest.raises(InputError):
        service.resolve_cluster(store, cid, "simulation", "web:yamada")
    with pytest.raises(InputError):
        service.resolve_cluster(store, 999_999, "spam", "web:yamada")


def test_sender_domain_never_joins_a_resolved_cluster(store, rules):
    news = ingest(
        store,
        rules,
        message=corpus.phish(
            subject="Monthly newsletter",
            body="Our December newsletter: events and updates.",
            sender="news@vendor.example",
            link="",
        ),
    )
    service.resolve_cluster(store, news.cluster_id, "clean", "cli:admin")  # type: ignore[arg-type]
    forged = ingest(
        store,
        rules,
        message=corpus.phish(
            subject="Invoice",
            body="Please pay the attached invoice today: https://pay.evil.example/x?i=9",
            sender="billing@vendor.example",
        ),
    )
    assert forged.cluster_id != news.cluster_id and forged.status == "received"


def test_list_filters_validated(store, rules):
    with pytest.raises(InputError):
        service.list_reports(store, status="bogus")
    with pytest.raises(InputError):
        service.list_reports(store, classification="bogus")
    assert service.get_report(store, 12345) is None


def test_tokens_hashed_checked_revoked(store):
    info, token = tokens.create_token(store, "outlook add-in")
    assert token.startswith(tokens.PREFIX)
    assert tokens.check_token(store, token) is not None
    assert tokens.check_token(store, token + "x") is None
    assert tokens.check_token(store, None) is None
    from mailwarden.reports.models import ApiToken

    with store.session() as s:
        assert token not in {t.token_hash for t in s.scalars(select(ApiToken))}
    listed = tokens.list_tokens(store)
    assert [(t.id, t.name) for t in listed] == [(info.id, "outlook add-in")]
    assert listed[0].last_used is not None
    assert tokens.revoke_token(store, info.id) is True
    assert tokens.revoke_token(store, info.id) is False
    assert tokens.check_token(store, token) is None


def test_take_cluster_into_review(store, rules):
    got = [
        ingest(store, rules, report_mail=corpus.attached(corpus.phish(to=f"r{i}@example.co.jp")))
        for i in range(2)
    ]
    cid = got[0].cluster_id
    assert service.take_cluster(store, cid, "yamada", "web:yamada") == 2  # type: ignore[arg-type]
    rows = service.list_reports(store, status="in_review")
    assert {r["assignee"] for r in rows} == {"yamada"} and len(rows) == 2
    service.resolve_cluster(store, cid, "spam", "web:yamada")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        service.take_cluster(store, cid, "sato", "web:sato")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        service.take_cluster(store, 777_777, "sato", "web:sato")
    audit = service.get_report(store, got[0].report_id)["audit"]  # type: ignore[index]
    assert [a["action"] for a in audit] == ["assign", "resolve"]
