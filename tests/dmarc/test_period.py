"""The period a DMARC page shows, and one summary behind the summary and the advice."""

from __future__ import annotations

import pytest

from mailwarden.dmarc.advise import advise
from mailwarden.dmarc.analysis import (
    DAY,
    DEFAULT_SPAN_DAYS,
    choose_period,
    coverage,
    source_records,
    summarise,
)
from mailwarden.dmarc.ingest import Ingestor
from tests.dmarc.test_summary import rec, report

NOW = 1_800_000_000
FIRST = 1_760_000_000 // DAY * DAY


def test_default_is_the_period_the_reports_cover():
    last = FIRST + 10 * DAY - 1
    p = choose_period(FIRST, last, now=NOW)
    assert (p["kind"], p["since"], p["until"]) == ("data", FIRST, last + 1)
    # "30 days before now" would hold none of these reports: it is not the default
    assert p["until"] < NOW - 30 * DAY


def test_default_reaches_back_at_most_ninety_days_from_the_latest_report():
    last = FIRST + 400 * DAY - 1
    p = choose_period(FIRST, last, now=NOW)
    assert p["since"] == (last - DEFAULT_SPAN_DAYS * DAY) // DAY * DAY and p["since"] % DAY == 0
    assert p["until"] - p["since"] <= (DEFAULT_SPAN_DAYS + 1) * DAY


@pytest.mark.parametrize(
    ("kwargs", "kind", "since", "until"),
    [
        ({"days": 7}, "days", NOW - 7 * DAY, NOW + 1),
        ({"everything": True}, "all", FIRST, NOW + 1),
        ({"since": FIRST + DAY, "until": FIRST + 2 * DAY}, "range", FIRST + DAY, FIRST + 2 * DAY),
        ({"since": FIRST + DAY}, "range", FIRST + DAY, NOW + 1),
        ({"until": FIRST + 2 * DAY}, "range", FIRST, FIRST + 2 * DAY),
    ],
)
def test_chosen_periods(kwargs, kind, since, until):
    p = choose_period(FIRST, FIRST + DAY, now=NOW, **kwargs)
    assert (p["kind"], p["since"], p["until"]) == (kind, since, until)
    assert (p["first"], p["last"]) == (FIRST, FIRST + DAY)


def test_no_reports_stored():
    p = choose_period(None, None, now=NOW)
    assert p["kind"] == "data" and p["until"] == NOW + 1 and p["first"] is None


@pytest.fixture
def three_days(store):
    ingest = Ingestor(store)
    for i, (ok, bad) in enumerate(((100, 1), (200, 20), (300, 3))):
        records = rec("192.0.2.1", ok, "pass", "pass", "example.jp", dkim_d="example.jp") + rec(
            "192.0.2.2", bad, "fail", "fail", "em1.sendgrid.net", dkim_d="sendgrid.net", spf="pass"
        )
        outs = list(ingest.ingest_bytes(f"r{i}", report(records, f"r{i}", FIRST + i * DAY)))
        assert outs[0].status == "stored", outs
    return store


async def test_summary_counts_reports_that_began_in_the_period(three_days):
    assert coverage(three_days, "Example.JP.") == (FIRST, FIRST + 3 * DAY - 1)
    middle = await summarise(three_days, "example.jp", since=FIRST + DAY, until=FIRST + 2 * DAY)
    assert middle["totals"]["messages"] == 220
    assert [d["day"] for d in middle["over_time"]] == [FIRST + DAY]
    rows = source_records(three_days, "example.jp", "192.0.2.2", FIRST, FIRST + 3 * DAY)
    assert [r["messages"] for r in rows] == [3, 20, 1]  # newest first
    assert all(r["reporter"] == "google.com" and not r["dmarc_pass"] for r in rows)


async def test_advice_uses_the_summary_it_is_given(three_days):
    since, until = FIRST + DAY, FIRST + 3 * DAY
    summary = await summarise(three_days, "example.jp", since=since, until=until)
    data = await advise(three_days, "example.jp", resolver=None, since=since, until=until, summary=summary)
    assert data["summary"] is summary and data["totals"] == summary["totals"]
    assert data["totals"]["messages"] == 200 + 20 + 300 + 3
    assert data["simulation"]["reject"]["messages_affected"] == 23
    assert data["simulation"]["reject"]["legitimate_messages_affected"] == 23
    assert (data["since"], data["until"]) == (since, until)
    # two days of data in the period: not enough, whatever the time now
    reports = next(c for c in data["criteria"] if c["id"] == "reports")
    assert reports["met"] is False
    # without a summary it makes the same one over the same period
    again = await advise(three_days, "example.jp", resolver=None, since=since, until=until)
    assert again["summary"]["totals"] == summary["totals"]
    assert again["simulation"] == data["simulation"]
