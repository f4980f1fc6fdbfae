"""Campaign figures from constructed campaigns whose answer is known: the classification pass
(scanners do not count, people do, replays count once), reports and time to report, per
department, trend, repeat offenders and their assignments, the pseudonymised CSV — on SQLite
and PostgreSQL."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from mailwarden.reports.models import Report, ReportAnalysis
from mailwarden.simulate import classify, figures, listings, offenders, webhooks
from mailwarden.simulate.ids import new_token
from mailwarden.simulate.models import (
    SimAssignment,
    SimCampaign,
    SimGroup,
    SimHit,
    SimProfile,
    SimRecipient,
    SimTarget,
    SimWebhookDelivery,
)

T0 = datetime(2026, 11, 2, 0, 0, tzinfo=UTC)
CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"  # noqa: E501
OUTLOOK = "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18025; Pro)"
KEY = "k" * 40


def make_campaign(
    store, n=10, *, name="請求書の確認", sent_at=T0, departments=("営業部",), start_at=None, people=None
):  # type: ignore[no-untyped-def]
    """A sent campaign of ``n`` recipients (targets made or reused by address); the recipients
    as (id, token, address)."""
    people = people or [f"user{i}@example.co.jp" for i in range(n)]
    with store.session() as s:
        profile = s.scalar(select(SimProfile).where(SimProfile.name == "relay"))
        if profile is None:
            profile = SimProfile(name="relay", relay="127.0.0.1:2525", mail_from="it@example.co.jp")
            s.add(profile)
            s.flush()
        c = SimCampaign(
            name=name,
            template="invoice-check",
            profile_id=profile.id,
            status="running",
            start_at=start_at or sent_at,
            created_at=start_at or sent_at,
        )
        s.add(c)
        s.flush()
        out = []
        for i, address in enumerate(people):
            dept = departments[i % len(departments)]
            group = s.scalar(select(SimGroup).where(SimGroup.name == dept))
            if group is None:
                group = SimGroup(name=dept)
                s.add(group)
                s.flush()
            target = s.scalar(select(SimTarget).where(SimTarget.address == address))
            if target is None:
                target = SimTarget(name=f"社員{i}", address=address, group_id=group.id)
                s.add(target)
                s.flush()
            r = SimRecipient(
                campaign_id=c.id,
                target_id=target.id,
                address=address,
                name=target.name,
                department=dept,
                token=new_token(),
                status="sent" if sent_at else "queued",
                sent_at=sent_at,
            )
            s.add(r)
            s.flush()
            out.append((r.id, r.token, address))
        return c.id, out


def add_hit(store, campaign_id, recipient_id, kind, at, ip, *, method="GET", ua=CHROME, headers=None):  # type: ignore[no-untyped-def]
    with store.session() as s:
        s.add(
            SimHit(
                campaign_id=campaign_id,
                recipient_id=recipient_id,
                kind=kind,
                at=at,
                ip=ip,
                method=method,
                user_agent=ua,
                headers=headers or {},
            )
        )


def person_clicks(store, cid, rid, at, ip, *, submit=False):  # type: ignore[no-untyped-def]
    """A person: opens in Outlook, clicks in Chrome, the landing page's beacon fires."""
    add_hit(store, cid, rid, "open", at - timedelta(minutes=5), ip, ua=OUTLOOK)
    add_hit(store, cid, rid, "click", at, ip)
    add_hit(store, cid, rid, "beacon", at + timedelta(seconds=2), ip)
    if submit:
        add_hit(store, cid, rid, "submit", at + timedelta(seconds=40), ip)


def scanner_heads_everything(store, cid, recips):  # type: ignore[no-untyped-def]
    for rid, _, _ in recips:
        add_hit(store, cid, rid, "click", T0 + timedelta(seconds=4), "203.0.113.9", method="HEAD")


def report(store, cid, token, at, reporter="x@example.co.jp"):  # type: ignore[no-untyped-def]
    with store.session() as s:
        if s.get(ReportAnalysis, "a" * 64) is None:
            s.add(ReportAnalysis(key="a" * 64, verdict="phishing", score=9.0, result={}))
            s.flush()
        s.add(
            Report(
                reported_at=at,
                reporter=reporter,
                path="api",
                raw=b"x",
                analysis_key="a" * 64,
                verdict="phishing",
                score=9.0,
                status="resolved",
                classification="simulation",
                simulation=f"{cid}.{token}",
            )
        )


def test_scanner_heads_every_link_three_of_ten_click(store):
    cid, recips = make_campaign(store, 10)
    hook = webhooks.add_webhook(store, "http://127.0.0.1:9/hook", ["recipient.clicked"])
    scanner_heads_everything(store, cid, recips)
    for i in range(3):
        rid = recips[i][0]
        person_clicks(store, cid, rid, T0 + timedelta(hours=1, minutes=10 * i), f"198.51.100.{i + 1}")
    # a replay: the first person clicks again the next day; counted once
    person_clicks(store, cid, recips[0][0], T0 + timedelta(days=1), "198.51.100.1")
    now = T0 + timedelta(days=2)

    first = classify.classify_campaign(store, cid, now=now)
    assert first["hits"] == 10 + 3 * 3 + 3 and first["pending"] == 0
    assert first["automated"] == 10 and first["events"] == 3
    again = classify.classify_campaign(store, cid, now=now)
    assert again["changed"] == 0 and again["events"] == 0  # idempotent, no second webhook

    m = figures.campaign_metrics(store, cid, now=now)
    f = m["figures"]
    assert f["sent"] == 10
    assert f["clicked"] == {"human": 3, "rate": 0.3, "raw_hits": 14, "raw_recipients": 10, "raw_rate": 1.0}
    assert (f["opened"]["human"], f["opened"]["rate"], f["opened"]["raw_hits"]) == (3, 0.3, 4 + 14)
    assert f["failures"] == 3 and f["submitted"]["human"] == 0
    assert m["automated"]["by_reason"]["method"] == 10 and m["automated"]["hits"] == 10
    # 60, 70, 80 minutes after delivery: the median is 70
    assert f["time_to_click"] == {"count": 3, "median_seconds": 4200.0, "p90_seconds": 4800.0}
    assert f["resilience"] == 0.0 and f["reported"] == 0
    with store.session() as s:
        events = s.scalars(
            select(SimWebhookDelivery.event).where(SimWebhookDelivery.webhook_id == hook["webhook"]["id"])
        )
        assert sorted(events) == ["recipient.clicked"] * 3

    hits = listings.list_hits(store, cid, human=False, limit=50)
    assert hits["total"] == 10
    assert all(h["reasons"] and h["reasons"][0]["code"] == "method" for h in hits["hits"])
    assert "HEAD" in hits["hits"][0]["reasons"][0]["text"]
    human = listings.list_hits(store, cid, human=True, limit=50)
    assert {h["recipient_id"] for h in human["hits"] if h["kind"] == "click"} == {r[0] for r in recips[:3]}

    listed = figures.list_campaigns(store)
    assert [(c["campaign"]["id"], c["click_rate"], c["raw_click_rate"]) for c in listed] == [(cid, 0.3, 1.0)]


def test_reports_count_once_with_the_right_time_to_report(store):
    cid, recips = make_campaign(store, 4, departments=("営業部", "経理部"))
    webhooks.add_webhook(store, "http://127.0.0.1:9/all")
    # recipient 0 reports twice (20 and 90 minutes): the earliest counts, once
    report(store, cid, recips[0][1], T0 + timedelta(minutes=90))
    report(store, cid, recips[0][1], T0 + timedelta(minutes=20))
    report(store, cid, recips[1][1], T0 + timedelta(minutes=50))
    # a report of another campaign's token is not ours
    report(store, cid + 1000, recips[2][1], T0 + timedelta(minutes=5))
    person_clicks(store, cid, recips[1][0], T0 + timedelta(minutes=30), "198.51.100.7")
    m = figures.campaign_metrics(store, cid, now=T0 + timedelta(days=1))
    f = m["figures"]
    assert f["reported"] == 2 and f["report_rate"] == 0.5
    assert f["time_to_report"]["count"] == 2
    assert f["time_to_report"]["median_seconds"] == 20 * 60.0
    assert f["time_to_report"]["p90_seconds"] == 50 * 60.0
    assert f["failures"] == 1 and f["resilience"] == 2.0
    with store.session() as s:
        got = {
            r.id: r.reported_at
            for r in s.scalars(select(SimRecipient).where(SimRecipient.campaign_id == cid))
        }
        assert got[recips[0][0]].replace(tzinfo=UTC) == T0 + timedelta(minutes=20)
        assert got[recips[2][0]] is None
        events = sorted(s.scalars(select(SimWebhookDelivery.event)))
    assert events == ["recipient.clicked", "recipient.reported", "recipient.reported"]
    # a second pass changes nothing and emits nothing
    assert classify.sync_reports(store, cid) == 0
    depts = {d["department"]: d["figures"] for d in m["departments"]}
    assert depts["営業部"]["sent"] == 2 and depts["営業部"]["reported"] == 1
    assert depts["経理部"]["clicked"]["human"] == 1 and depts["経理部"]["reported"] == 1


def test_beacon_gets_two_minutes_before_a_click_is_decided(store):
    cid, recips = make_campaign(store, 1)
    rid = recips[0][0]
    at = T0 + timedelta(hours=2)
    add_hit(store, cid, rid, "click", at, "198.51.100.20")
    early = classify.classify_campaign(store, cid, now=at + timedelta(seconds=30))
    assert early["pending"] == 1
    late = classify.classify_campaign(store, cid, now=at + timedelta(minutes=3))
    assert late["automated"] == 1 and late["pending"] == 0
    hit = listings.list_hits(store, cid)["hits"][0]
    assert hit["human"] is False and [r["code"] for r in hit["reasons"]] == ["no-beacon"]
    # a HEAD is automated at once: no beacon can overturn it
    add_hit(store, cid, rid, "click", at + timedelta(minutes=10), "203.0.113.50", method="HEAD")
    got = classify.classify_campaign(store, cid, now=at + timedelta(minutes=10, seconds=5))
    assert got["pending"] == 0 and got["automated"] == 2


def test_csv_is_pseudonymised_and_excel_friendly(store):
    cid, recips = make_campaign(store, 3, departments=("=cmd", "営業部"))
    person_clicks(store, cid, recips[1][0], T0 + timedelta(minutes=10), "198.51.100.9", submit=True)
    report(store, cid, recips[2][1], T0 + timedelta(minutes=3))
    data = listings.export_csv(store, cid, KEY)
    assert data.startswith("\ufeff") and "\r\n" in data
    for _, _, address in recips:
        assert address not in data and address.split("@")[0] not in data
    assert "社員" not in data and "example.co.jp" not in data
    rows = list(csv.DictReader(io.StringIO(data.lstrip("\ufeff"))))
    assert [r["person"] for r in rows] == [listings.pseudonym(KEY, a) for _, _, a in recips]
    assert rows[0]["department"] == "'=cmd"  # never a formula
    assert (rows[1]["clicked"], rows[1]["submitted"], rows[1]["seconds_to_click"]) == ("1", "1", "600")
    assert (rows[2]["reported"], rows[2]["seconds_to_report"], rows[2]["clicked"]) == ("1", "180", "0")
    # the same person has the same id in another campaign; another key names nobody
    assert listings.pseudonym(KEY, recips[0][2].upper()) == rows[0]["person"]
    assert listings.pseudonym("other" * 8, recips[0][2]) != rows[0]["person"]
    assert len(rows[0]["person"]) == 16


def test_repeat_offenders_and_idempotent_assignments(store):
    people = ["a@example.co.jp", "b@example.co.jp", "c@example.co.jp"]
    c1, r1 = make_campaign(store, people=people, name="一回目", sent_at=T0)
    c2, r2 = make_campaign(store, people=people, name="二回目", sent_at=T0 + timedelta(days=30))
    # a fails both; b fails once; c is only scanned (never counts)
    person_clicks(store, c1, r1[0][0], T0 + timedelta(hours=1), "198.51.100.1")
    person_clicks(store, c2, r2[0][0], T0 + timedelta(days=30, hours=1), "198.51.100.1", submit=True)
    person_clicks(store, c1, r1[1][0], T0 + timedelta(hours=2), "198.51.100.2")
    for cid, recips, base in ((c1, r1, T0), (c2, r2, T0 + timedelta(days=30))):
        add_hit(store, cid, recips[2][0], "click", base + timedelta(seconds=3), "203.0.113.1", method="HEAD")
        classify.classify_campaign(store, cid, now=T0 + timedelta(days=60))
    found = offenders.repeat_offenders(store)
    assert [(o["address"], o["failures"], o["campaigns"], o["assigned"]) for o in found] == [
        ("a@example.co.jp", 2, [c1, c2], False)
    ]
    assert len(offenders.repeat_offenders(store, min_failures=1)) == 2
    assert offenders.assign_repeat_offenders(store) == {"offenders": 1, "created": 1}
    assert offenders.assign_repeat_offenders(store) == {"offenders": 1, "created": 0}
    with store.session() as s:
        rows = list(s.execute(select(SimAssignment.campaign_id, SimAssignment.reason)))
        assert [tuple(r) for r in rows] == [(c2, "repeat")]
        assert s.scalar(select(func.count()).select_from(SimAssignment)) == 1
    assert offenders.repeat_offenders(store)[0]["assigned"] is True
    assert [a["address"] for a in offenders.list_assignments(store)] == ["a@example.co.jp"]

    rows = figures.trend(store)
    assert [(t["campaign"]["id"], t["clicked"], t["submitted"], t["raw_click_rate"]) for t in rows] == [
        (c1, 2, 0, 1.0),
        (c2, 1, 1, round(2 / 3, 4)),
    ]


def test_purged_hits_stay_frozen(store):
    from mailwarden.simulate import retention

    cid, recips = make_campaign(store, 2)
    person_clicks(store, cid, recips[0][0], T0 + timedelta(hours=1), "198.51.100.1")
    scanner_heads_everything(store, cid, recips)
    got = retention.purge(store, days=30, now=T0 + timedelta(days=40))
    assert got["classified_campaigns"] == 1 and got["hits"] == 5
    # classified before emptying, and the figures stay as they were afterwards
    m = figures.campaign_metrics(store, cid, now=T0 + timedelta(days=41))
    assert m["figures"]["clicked"]["human"] == 1 and m["automated"]["by_reason"] == {
        "method": 2,
        "instant": 2,
        "no-beacon": 2,
    }
    assert classify.classify_campaign(store, cid, now=T0 + timedelta(days=42))["hits"] == 0


def test_large_campaign_is_classified_in_bulk(store):
    """10,000 recipients, a scanner and some people: one pass, within bounds, then nothing to do."""
    n = 10_000
    with store.session() as s:
        s.add(SimProfile(name="relay", relay="127.0.0.1:2525", mail_from="it@example.co.jp"))
        s.flush()
        pid = s.scalar(select(SimProfile.id))
        c = SimCampaign(
            name="大規模", template="invoice-check", profile_id=pid, status="running", start_at=T0
        )
        s.add(c)
        s.flush()
        cid = c.id
        s.execute(
            SimRecipient.__table__.insert(),
            [
                {
                    "campaign_id": cid,
                    "address": f"u{i}@example.co.jp",
                    "name": "",
                    "department": f"部{i % 7}",
                    "manager": "",
                    "token": new_token(),
                    "status": "sent",
                    "attempts": 0,
                    "sent_at": T0,
                    "last_error": "",
                }
                for i in range(n)
            ],
        )
        ids = list(s.scalars(select(SimRecipient.id).where(SimRecipient.campaign_id == cid)))
        rows = []
        for k, rid in enumerate(ids):
            rows.append(_hit(cid, rid, "open", T0 + timedelta(seconds=1), "17.58.0.1", "Mozilla/5.0"))
            rows.append(_hit(cid, rid, "click", T0 + timedelta(seconds=3), "40.107.0.1", CHROME))
            if k % 10 == 0:
                at = T0 + timedelta(hours=1, seconds=k)
                ip = f"10.{k // 65536}.{(k // 256) % 256}.{k % 256}"
                rows.append(_hit(cid, rid, "click", at, ip, CHROME))
                rows.append(_hit(cid, rid, "beacon", at + timedelta(seconds=1), ip, CHROME))
        s.execute(SimHit.__table__.insert(), rows)
    counts = classify.classify_campaign(store, cid, now=T0 + timedelta(days=1))
    assert counts["hits"] == len(rows) and counts["pending"] == 0
    m = figures.campaign_metrics(store, cid, update_first=False)
    assert m["figures"]["clicked"]["human"] == n // 10
    assert m["figures"]["clicked"]["raw_rate"] == 1.0
    assert classify.classify_campaign(store, cid, now=T0 + timedelta(days=1))["changed"] == 0


def _hit(cid, rid, kind, at, ip, ua):  # type: ignore[no-untyped-def]
    return {
        "campaign_id": cid,
        "recipient_id": rid,
        "kind": kind,
        "at": at,
        "ip": ip,
        "method": "GET",
        "user_agent": ua,
        "headers": {},
        "reasons": [],
    }


def test_passes_at_once_emit_each_first_click_once(store):
    """The worker and page views may classify one campaign at the same moment: whatever the
    interleaving, each person's first click is one webhook event."""
    from concurrent.futures import ThreadPoolExecutor

    cid, recips = make_campaign(store, 6)
    webhooks.add_webhook(store, "http://127.0.0.1:9/hook")
    scanner_heads_everything(store, cid, recips)
    for i in range(3):
        person_clicks(store, cid, recips[i][0], T0 + timedelta(hours=1, minutes=i), f"198.51.100.{i + 1}")
    report(store, cid, recips[4][1], T0 + timedelta(minutes=9))
    now = T0 + timedelta(days=1)
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda _: classify.refresh(store, cid, now=now, force=True), range(8)))
    with store.session() as s:
        events = sorted(s.scalars(select(SimWebhookDelivery.event)))
    assert events == ["recipient.clicked"] * 3 + ["recipient.reported"]
