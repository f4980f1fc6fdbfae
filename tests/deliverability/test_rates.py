"""Rates per domain, provider and day, on SQLite and PostgreSQL, against the thresholds."""

from __future__ import annotations

from datetime import date, timedelta

from mailwarden.core.i18n import language
from mailwarden.deliverability.events import Kind
from mailwarden.deliverability.rates import assess, figures, load_rules, rates
from mailwarden.deliverability.store import store_events

from ._rates_support import events

D = date(2026, 12, 1)


def test_ses_rates_use_sent_and_count_hard_bounces(store):  # type: ignore[no-untyped-def]
    store_events(store, events(Kind.SENT, 1000, day=D))
    store_events(store, events(Kind.DELIVERED, 940, day=D))
    store_events(store, events(Kind.BOUNCED, 50, day=D, bounce="hard"))
    store_events(store, events(Kind.BOUNCED, 10, day=D, bounce="soft"))
    store_events(store, events(Kind.COMPLAINED, 1, day=D))
    report = rates(store, since=D, until=D)
    (pair,) = report.pairs
    f = pair.figures
    assert (f.basis, f.denominator, f.hard, f.soft) == ("sent", 1000, 50, 10)
    assert f.hard_bounce_rate == 0.05 and f.bounce_rate == 0.06 and f.complaint_rate == 0.001
    levels = {a.rule: a.level for a in pair.assessments}
    # 5 % hard bounces: SES's review point; 0.1 % complaints: SES critical, Gmail warning
    assert levels == {"ses-bounce": "critical", "ses-complaint": "critical", "gmail-spam": "warning"}
    assert report.level == "critical"
    assert report.to_dict()["pairs"][0]["assessments"][0]["source"].startswith("Amazon SES")


def test_without_sent_events_delivered_plus_bounced_is_the_denominator(store):  # type: ignore[no-untyped-def]
    store_events(store, events(Kind.DELIVERED, 196, day=D, provider="postmark"))
    store_events(store, events(Kind.BOUNCED, 4, day=D, provider="postmark", bounce="hard"))
    (pair,) = rates(store, provider="postmark", since=D, until=D).pairs
    assert (pair.figures.basis, pair.figures.denominator) == ("delivered+bounced", 200)
    assert pair.figures.bounce_rate == 0.02
    # SES's bounce rule does not apply to Postmark; Gmail's complaint rule does (0 → ok)
    assert [(a.rule, a.level) for a in pair.assessments] == [("gmail-spam", "ok")]


def test_too_few_messages_are_shown_but_not_judged(store):  # type: ignore[no-untyped-def]
    store_events(store, events(Kind.SENT, 20, day=D))
    store_events(store, events(Kind.BOUNCED, 10, day=D, bounce="hard"))
    (pair,) = rates(store, since=D, until=D).pairs
    assert pair.figures.too_few and pair.figures.hard_bounce_rate == 0.5
    assert pair.assessments == [] and pair.level == "ok"
    with language("en"):
        assert pair.figures.to_dict()["note"] == "too few messages to judge"


def test_trend_and_moving_figure(store):  # type: ignore[no-untyped-def]
    for i in range(14):
        day = D + timedelta(days=i)
        store_events(store, events(Kind.SENT, 100, day=day))
        # bounces rise in the second week
        store_events(store, events(Kind.BOUNCED, 1 if i < 7 else 4, day=day, bounce="hard"))
    last = D + timedelta(days=13)
    (pair,) = rates(store, since=last - timedelta(days=6), until=last).pairs
    assert pair.trends["bounce_rate"] == "up" and pair.trends["deferral_rate"] == "flat"
    assert pair.previous.bounce_rate == 0.01 and pair.figures.bounce_rate == 0.04
    first_day = pair.days[0]
    # the 7 days ending on the window's first day: six of week one, one of week two
    assert first_day.moving7.denominator == 700
    assert first_day.moving7.counts["bounced"] == 6 + 4
    assert len(pair.days) == 7


def test_filters_and_other_domains_apart(store):  # type: ignore[no-untyped-def]
    store_events(store, events(Kind.SENT, 100, day=D, domain="a.example"))
    store_events(store, events(Kind.SENT, 100, day=D, domain="b.example", provider="sendgrid"))
    assert [p.domain for p in rates(store, since=D, until=D).pairs] == ["a.example", "b.example"]
    assert [p.domain for p in rates(store, domain="B.example", since=D, until=D).pairs] == ["b.example"]
    assert rates(store, since=D - timedelta(days=3), until=D - timedelta(days=1)).pairs == []


def test_postmaster_spam_rate_overrides_the_complaint_metric() -> None:
    f = figures([{("sent", ""): 10}])
    (a,) = assess("gmail", f, extra={"complaint_rate": 0.004})
    assert (a.rule, a.level, a.threshold) == ("gmail-spam", "critical", 0.003)
    assert a.action


def test_thresholds_cite_sources() -> None:
    for rule in load_rules():
        assert "https://" in rule.source
        levels = list(rule.levels.values())
        assert levels == sorted(levels)


def test_postmaster_spam_rate_in_the_report(store):  # type: ignore[no-untyped-def]
    from mailwarden.deliverability.models import PostmasterStat

    with store.session(write=True) as s:
        for day, rate in ((D, 0.004), (D + timedelta(days=1), 0.0015), (D + timedelta(days=9), 0.02)):
            s.add(PostmasterStat(domain="example.co.jp", day=day, spam_rate=rate, metrics={}, compliance={}))
    report = rates(store, since=D, until=D + timedelta(days=6))
    (g,) = report.postmaster  # the latest day in the window, not the one after it
    assert (g.day, g.spam_rate, g.assessment.level) == (D + timedelta(days=1), 0.0015, "warning")
    assert (
        report.level == "warning" and report.to_dict()["postmaster"][0]["assessment"]["rule"] == "gmail-spam"
    )
    assert rates(store, provider="ses", since=D, until=D).postmaster == []
