"""``mailwarden reports …`` and ``mailwarden token …`` as a user runs them (a real process)."""

from __future__ import annotations

import json
from pathlib import Path

from . import corpus


def test_ingest_list_show_resolve(mw, tmp_path: Path) -> None:
    files = []
    for i, data in enumerate(
        [
            corpus.attached(corpus.phish(to="a@example.co.jp"), reporter="a@example.co.jp"),
            corpus.attached(corpus.phish(to="b@example.co.jp"), reporter="b@example.co.jp", as_eml=True),
            corpus.inline(corpus.GMAIL_JA),
            corpus.inline("nothing attached here\n"),
        ]
    ):
        f = tmp_path / f"r{i}.eml"
        f.write_bytes(data)
        files.append(str(f))
    r = mw("reports", "ingest", "--json", *files)
    assert r.returncode == 2, r.stderr  # one report had nothing in it
    rows = json.loads(r.stdout)
    assert [row["report_id"] is not None for row in rows] == [True, True, True, False]
    assert rows[0]["cluster_id"] == rows[1]["cluster_id"] != rows[2]["cluster_id"]
    assert rows[2]["degraded"] is True
    assert "no attached message" in rows[3]["reason"]

    listed = json.loads(mw("reports", "list", "--json", "--status", "received").stdout)
    assert sorted(r["id"] for r in listed) == sorted(row["report_id"] for row in rows[:3])
    shown = mw("reports", "show", str(rows[0]["report_id"]))
    assert shown.returncode == 0 and "micros0ft-support.example" in shown.stdout

    cluster = str(rows[0]["cluster_id"])
    bad = mw("reports", "resolve", cluster, "--as", "malware")
    assert bad.returncode == 2 and "phishing, spam, clean" in bad.stderr
    ok = mw("reports", "resolve", cluster, "--as", "phishing", "--note", "credential phish")
    assert ok.returncode == 0, ok.stderr
    assert "2 reports" in ok.stdout
    detail = json.loads(mw("reports", "show", "--json", str(rows[1]["report_id"])).stdout)
    assert detail["classification"] == "phishing" and detail["status"] == "resolved"
    assert detail["audit"][0]["action"] == "resolve" and detail["audit"][0]["actor"].startswith("cli:")
    assert mw("reports", "show", "99999").returncode == 2
    assert mw("reports", "list", "--status", "nope").returncode == 2


def test_ingest_refuses_an_oversized_file_without_reading_it_all(mw, tmp_path: Path) -> None:
    big = tmp_path / "big.eml"
    with big.open("wb") as fh:
        fh.write(corpus.attached(corpus.phish()))
        fh.truncate(60 * 1024 * 1024)
    r = mw("reports", "ingest", str(big))
    assert r.returncode == 2 and "over 40 MB" in r.stderr


def test_tokens(mw) -> None:
    created = mw("token", "create", "outlook add-in")
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip()
    assert token.startswith("mwr_") and "not shown again" in created.stderr
    listed = mw("token", "list")
    assert "outlook add-in" in listed.stdout and token not in listed.stdout
    assert mw("token", "revoke", "1").returncode == 0
    again = mw("token", "revoke", "1")
    assert again.returncode == 2 and "no live token" in again.stderr


def test_queue_cluster_take_and_note(mw, tmp_path: Path) -> None:
    for who in ("a", "b"):
        path = tmp_path / f"{who}.eml"
        path.write_bytes(
            corpus.attached(corpus.phish(to=f"{who}@example.co.jp"), reporter=f"{who}@example.co.jp")
        )
        assert mw("reports", "ingest", str(path)).returncode == 0
    queue = json.loads(mw("reports", "queue", "--json").stdout)
    assert len(queue) == 1 and queue[0]["size"] == 2 and queue[0]["reporters"] == 2
    cid = str(queue[0]["id"])
    shown = mw("reports", "queue")
    assert shown.returncode == 0 and "【重要】アカウントの確認をお願いします" in shown.stdout
    taken = mw("reports", "take", cid, "--to", "suzuki")
    assert taken.returncode == 0 and "suzuki" in taken.stdout, taken.stderr
    assert mw("reports", "note", cid, "the link goes to a fake login page").returncode == 0
    empty = mw("reports", "note", cid, "   ")
    assert empty.returncode != 0 and "empty" in empty.stderr
    detail = json.loads(mw("reports", "cluster", cid, "--json").stdout)
    assert detail["status"] == "in_review" and detail["assignee"] == "suzuki"
    assert [n["detail"] for n in detail["notes"]] == ["the link goes to a fake login page"]
    assert {a["action"] for a in detail["audit"]} >= {"assign", "note"}
    text = mw("reports", "cluster", cid)
    assert text.returncode == 0 and "in review" in text.stdout and "suzuki" in text.stdout
    assert mw("reports", "cluster", "999").returncode != 0
    assert json.loads(mw("reports", "queue", "--status", "received", "--json").stdout) == []
    assert mw("reports", "resolve", cid, "--as", "phishing").returncode == 0
    assert json.loads(mw("reports", "queue", "--json").stdout) == []
    done = json.loads(mw("reports", "queue", "--resolved", "--json").stdout)
    assert [(g["id"], g["classification"]) for g in done] == [(int(cid), "phishing")]
    assert mw("reports", "take", cid).returncode != 0, "a resolved cluster stays resolved"


def test_states_and_verdicts_are_shown_in_the_readers_language(tmp_path: Path) -> None:
    # `reports list/show/resolve` printed "received", "phishing (8.2)" in Japanese output
    from tests.conftest import mailwarden_runner

    mw_ja = mailwarden_runner(tmp_path, "ja")

    f = tmp_path / "r.eml"
    f.write_bytes(corpus.attached(corpus.phish(to="a@example.co.jp"), reporter="a@example.co.jp"))
    ingested = mw_ja("reports", "ingest", str(f))
    assert ingested.returncode == 0, ingested.stderr
    assert "received" not in ingested.stdout and "受付" in ingested.stdout
    listed = mw_ja("reports", "list").stdout
    assert "received" not in listed and "受付" in listed
    assert not any(f"{v} (" in listed for v in ("phishing", "suspicious", "clean", "spam"))
    assert any(f"{v} (" in listed for v in ("フィッシング", "疑わしい", "問題なし", "スパム"))
    report_id = json.loads(mw_ja("reports", "list", "--json").stdout)[0]["id"]
    shown = mw_ja("reports", "show", str(report_id)).stdout
    assert "received" not in shown and "受付" in shown
