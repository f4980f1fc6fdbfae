"""``mailwarden campaign metrics|hits|export|offenders|purge|trend|webhook …`` as a user runs
them (a real process on its own SQLite store), on campaigns whose figures are known."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from mailwarden.core.store import open_store
from mailwarden.simulate import classify, listings

from .test_metrics import T0, make_campaign, person_clicks, report, scanner_heads_everything
from .test_webhooks import Receiver


def _seed(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = open_store(url=f"sqlite:///{tmp_path / 'mw.db'}")
    cid, recips = make_campaign(store, 10, departments=("営業部", "経理部"))
    scanner_heads_everything(store, cid, recips)
    for i in range(3):
        person_clicks(
            store, cid, recips[i][0], T0 + timedelta(hours=1, minutes=10 * i), f"198.51.100.{i + 1}"
        )
    report(store, cid, recips[5][1], T0 + timedelta(minutes=30))
    return store, cid, recips


def test_metrics_hits_export_trend(mw, tmp_path: Path) -> None:
    _store, cid, recips = _seed(tmp_path)
    got = mw("campaign", "metrics", str(cid), "--json")
    assert got.returncode == 0, got.stderr
    m = json.loads(got.stdout)
    clicked = m["figures"]["clicked"]
    assert (clicked["human"], clicked["rate"], clicked["raw_rate"]) == (3, 0.3, 1.0)
    assert m["figures"]["reported"] == 1 and m["figures"]["time_to_report"]["median_seconds"] == 1800
    text = mw("campaign", "metrics", str(cid), "--by-department")
    assert text.returncode == 0, text.stderr
    assert "30.0 %" in text.stdout and "100.0 %" in text.stdout and "経理部" in text.stdout
    assert "method: 10" in text.stdout

    hits = json.loads(mw("campaign", "hits", str(cid), "--automated", "--json").stdout)
    assert hits["total"] == 10 and all(h["human"] is False for h in hits["hits"])
    shown = mw("campaign", "hits", str(cid), "--automated")
    assert "a HEAD request: link checkers ask that way, browsers do not" in shown.stdout
    assert "automated" in shown.stdout
    human = json.loads(mw("campaign", "hits", str(cid), "--human", "--json").stdout)
    assert {h["kind"] for h in human["hits"]} == {"open", "click", "beacon"}
    assert mw("campaign", "hits", str(cid), "--human", "--automated").returncode == 2

    out = tmp_path / "result.csv"
    done = mw("campaign", "export", str(cid), "-o", str(out))
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    assert b"example.co.jp" not in data and "社員".encode() not in data
    key = (tmp_path / "data" / "secret_key").read_text().strip()
    assert listings.pseudonym(key, recips[0][2]).encode() in data

    trend = json.loads(mw("campaign", "trend", "--json").stdout)
    assert [(t["campaign"]["id"], t["click_rate"]) for t in trend] == [(cid, 0.3)]
    assert mw("campaign", "metrics", "4242").returncode == 2


def test_offenders_assign_and_purge(mw, tmp_path: Path) -> None:
    store, c1, r1 = _seed(tmp_path)
    c2, r2 = make_campaign(store, people=[r1[0][2], r1[1][2]], name="二回目", sent_at=T0 + timedelta(days=7))
    person_clicks(store, c2, r2[0][0], T0 + timedelta(days=7, hours=2), "198.51.100.1", submit=True)
    for cid in (c1, c2):
        classify.classify_campaign(store, cid, now=T0 + timedelta(days=8))
    listed = json.loads(mw("campaign", "offenders", "--json").stdout)
    assert [(o["address"], o["failures"]) for o in listed] == [(r1[0][2], 2)]
    first = json.loads(mw("campaign", "offenders", "--assign", "--json").stdout)
    assert first["assigned"] == {"offenders": 1, "created": 1}
    again = json.loads(mw("campaign", "offenders", "--assign", "--json").stdout)
    assert again["assigned"]["created"] == 0 and again["offenders"][0]["assigned"] is True
    assert len(json.loads(mw("campaign", "offenders", "--min-failures", "1", "--json").stdout)) == 3

    purged = json.loads(mw("campaign", "purge", "--older-than", "0", "--json").stdout)
    assert purged["hits"] > 0 and purged["days"] == 0
    hits = json.loads(mw("campaign", "hits", str(c1), "--json", "--limit", "1000").stdout)
    assert all(h["ip"] == "" and h["user_agent"] == "" for h in hits["hits"])
    assert json.loads(mw("campaign", "metrics", str(c1), "--json").stdout)["figures"]["clicked"]["human"] == 3
    assert "0 hits older than" in mw("campaign", "purge", "--older-than", "0").stdout


def test_webhook_add_deliver_list_remove(mw, tmp_path: Path) -> None:
    _store, cid, _ = _seed(tmp_path)
    assert mw("campaign", "webhook", "add", "ftp://127.0.0.1/x").returncode == 2
    assert mw("campaign", "webhook", "add", "http://hooks.example.com/x").returncode == 2
    with Receiver([200]) as r:
        added = mw("campaign", "webhook", "add", r.url(), "--event", "recipient.clicked", "--json")
        assert added.returncode == 0, added.stderr
        made = json.loads(added.stdout)
        r.secret = made["secret"]
        # the classification pass finds three people's first clicks: three events
        assert mw("campaign", "metrics", str(cid)).returncode == 0
        delivered = json.loads(mw("campaign", "webhook", "deliver", "--json").stdout)
        assert delivered == {"attempted": 3, "sent": 3, "retrying": 0, "failed": 0}
        assert len(r.got) == 3 and all(g["valid"] for g in r.got)
        assert {g["body"]["event"] for g in r.got} == {"recipient.clicked"}  # type: ignore[index]
    listed = mw("campaign", "webhook", "list")
    assert r.url() in listed.stdout and made["secret"] not in listed.stdout
    rows = json.loads(mw("campaign", "webhook", "list", "--json").stdout)
    assert rows[0]["sent"] == 3 and "secret" not in rows[0]
    wid = str(made["webhook"]["id"])
    assert mw("campaign", "webhook", "disable", wid).returncode == 0
    assert json.loads(mw("campaign", "webhook", "list", "--json").stdout)[0]["enabled"] is False
    assert mw("campaign", "webhook", "remove", wid).returncode == 0
    assert mw("campaign", "webhook", "remove", wid).returncode == 2
