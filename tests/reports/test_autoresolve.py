"""Auto-resolve rules: the shipped file, a user's file over it, validation, and their use on
intake (each auto-resolution in the audit log with the rule's id)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailwarden.analyze.rules import load_rules
from mailwarden.core.config import get_settings
from mailwarden.core.errors import ConfigError
from mailwarden.reports import autoresolve, service, triage

from . import corpus

KEY = "test-secret-key"
MINUTES = "先日の会議の議事録を共有します。ご確認ください。よろしくお願いいたします。"


@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    return load_rules()


def _file(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "report-rules.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_shipped_rules_load():
    auto = autoresolve.load()
    assert [r.id for r in auto.rules] == ["clean-no-signals", "allow-listed-newsletter"]
    news = auto.rules[1]
    assert news.sender_domains == () and news.list_unsubscribe is True and news.authenticated is True


def test_user_file_overrides_disables_and_adds(tmp_path):
    path = _file(
        tmp_path,
        """
rules:
  - id: clean-no-signals
    enabled: false
  - id: allow-listed-newsletter
    classification: spam
    when: {list_unsubscribe: true, sender_domains: [News.Example.]}
  - id: known-sim-vendor
    classification: clean
    when: {sender_domains: [training.example], max_score: 1}
""",
    )
    auto = autoresolve.load(path)
    assert [r.id for r in auto.rules] == ["allow-listed-newsletter", "known-sim-vendor"]
    assert auto.rules[0].sender_domains == ("news.example",) and auto.rules[0].authenticated is None


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("rules: {}", "list under 'rules'"),
        ("other: []", "list under 'rules'"),
        ("rules: [{classification: spam, when: {max_signals: 0}}]", "needs an id"),
        ("rules: [{id: a, classification: bogus, when: {max_signals: 0}}]", "classification"),
        ("rules: [{id: a, classification: spam}]", "at least one condition"),
        ("rules: [{id: a, classification: spam, when: {colour: red}}]", "unknown conditions: colour"),
        ("rules: [{id: a, classification: spam, when: {verdict: [evil]}}]", "verdict must be"),
        ("rules: [{id: a, classification: spam, when: {max_signals: -1}}]", "max_signals"),
        ("rules: [{id: a, classification: spam, when: {max_links: true}}]", "max_links"),
        ("rules: [{id: a, classification: spam, when: {list_unsubscribe: 'yes'}}]", "true or false"),
        ("rules: [{id: a, classification: spam, when: {sender_domains: example.com}}]", "sender_domains"),
        (
            "rules: [{id: a, classification: spam, when: {max_signals: 0}, colour: red}]",
            "unknown keys: colour",
        ),
        (
            "rules: [{id: a, classification: spam, when: {max_signals: 0}},"
            " {id: a, classification: clean, when: {max_signals: 0}}]",
            "used twice",
        ),
        ("rules: [unclosed", "cannot read"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path, text, why):
    with pytest.raises(ConfigError, match=why):
        autoresolve.load(_file(tmp_path, text))


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        autoresolve.load(tmp_path / "nope.yaml")


def test_clean_without_signals_links_or_attachments_is_resolved_on_intake(store, rules):
    quiet = corpus.phish(subject="会議の議事録", sender="Suzuki <suzuki@partner.example>", body=MINUTES)
    got = service.ingest_report(
        store,
        rules,
        KEY,
        path="api",
        message=quiet,
        auto_rules=autoresolve.load(),
        reporter="a@example.co.jp",
    )
    assert (got.status, got.classification) == ("resolved", "clean")
    g = triage.get_cluster(store, got.cluster_id)  # type: ignore[arg-type]
    assert g is not None and (g["status"], g["classification"], g["decided_by"]) == (
        "resolved",
        "clean",
        "rule:clean-no-signals",
    )
    assert [(a["actor"], a["action"], a["report_id"]) for a in g["audit"]] == [
        ("rule:clean-no-signals", "auto_resolve", got.report_id)
    ]
    # a colleague's report of the same mail arrives resolved, with no second log entry
    again = service.ingest_report(
        store,
        rules,
        KEY,
        path="api",
        message=quiet,
        auto_rules=autoresolve.load(),
        reporter="b@example.co.jp",
    )
    assert again.cluster_id == got.cluster_id and again.classification == "clean"
    assert len(triage.get_cluster(store, got.cluster_id)["audit"]) == 1  # type: ignore[arg-type,index]
    # a clean-looking mail with a link still waits for a person
    linked = corpus.phish(
        subject="請求書の件",
        sender="billing@vendor.example",
        body="お支払いはこちら https://pay.vendor.example/i?n=9",
    )
    waits = service.ingest_report(
        store, rules, KEY, path="api", message=linked, auto_rules=autoresolve.load()
    )
    assert waits.status == "received" and waits.classification is None


def test_allow_listed_newsletter_is_spam(store, rules, tmp_path):
    auto = autoresolve.load(
        _file(
            tmp_path,
            """
rules:
  - id: clean-no-signals
    enabled: false
  - id: allow-listed-newsletter
    classification: spam
    when: {list_unsubscribe: true, sender_domains: [news.example]}
""",
        )
    )
    letter = corpus.phish(
        subject="12月のお知らせ",
        sender="Shop News <info@mail.news.example>",
        body="今月のセール情報です。 https://news.example/sale?m=12",
        headers={"List-Unsubscribe": "<https://news.example/unsub?u=1>"},
    )
    got = service.ingest_report(store, rules, KEY, path="api", message=letter, auto_rules=auto)
    assert (got.status, got.classification) == ("resolved", "spam")
    audit = triage.get_cluster(store, got.cluster_id)["audit"]  # type: ignore[arg-type,index]
    assert (
        audit[0]["actor"] == "rule:allow-listed-newsletter"
        and "allow-listed-newsletter" in audit[0]["detail"]
    )
    # the same shop's mail without List-Unsubscribe, or another domain's newsletter, waits
    plain = corpus.phish(
        subject="ご注文の確認", sender="info@news.example", body="ご注文ありがとうございます。"
    )
    other = corpus.phish(
        subject="お知らせ",
        sender="info@elsewhere.example",
        body="お知らせです。",
        headers={"List-Unsubscribe": "<mailto:unsub@elsewhere.example>"},
    )
    for msg in (plain, other):
        waits = service.ingest_report(store, rules, KEY, path="api", message=msg, auto_rules=auto)
        assert waits.status == "received", (waits, got)


def test_configured_rules_come_from_the_setting(tmp_path, monkeypatch):
    path = _file(tmp_path, "rules:\n  - id: clean-no-signals\n    enabled: false\n")
    monkeypatch.setenv("MAILWARDEN_REPORT_RULES", str(path))
    get_settings.cache_clear()
    try:
        assert [r.id for r in autoresolve.configured().rules] == ["allow-listed-newsletter"]
        monkeypatch.delenv("MAILWARDEN_REPORT_RULES")
        get_settings.cache_clear()
        assert [r.id for r in autoresolve.configured().rules] == [
            "clean-no-signals",
            "allow-listed-newsletter",
        ]
    finally:
        get_settings.cache_clear()
