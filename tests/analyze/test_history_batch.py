"""``History.apply_all`` (one transaction per batch, as `mailwarden scan` uses it) gives every
message exactly what ``apply`` one message at a time gives: each still sees what the ones
before it taught, across batch boundaries."""

from __future__ import annotations

import copy

from mailwarden.analyze.engine import analyze
from mailwarden.analyze.history import History
from mailwarden.analyze.models import SeenDomain, SeenSender
from mailwarden.analyze.rules import load_rules
from mailwarden.core.store import open_store

from .mail import message

RULES = load_rules()

# links that become known, a domain that turns new once the memory is warm, a correspondent
# learned from clean mail and then imitated with a request for payment
MAIL = [
    ("松本 <t.matsumoto@daiwa-shoji.co.jp>", "https://a.example/ https://b.example/"),
    ("松本 <t.matsumoto@daiwa-shoji.co.jp>", "https://c.example/ https://a.example/x"),
    ("news <info@shop.example>", "https://b.example/ https://d.example/"),
    ("松本 <t.matsumoto@daiwa-shoji.co.jp>", "ご確認ください。"),
    ("松本 <t.matsumoto@daiwa-syoji.co.jp>", "振込先の口座を変更いたしました。 https://new-one.example/"),
    ("news <info@shop.example>", "https://new-one.example/ https://e.example/"),
    ("担当 <tanaka@other.example>", "https://f.example/"),
    ("松本 <t.matsumoto@daiwa-syoji.co.jp>", "ご確認ください。"),
]


def _results():
    rows = [dict(analyze(message(body, from_=sender), RULES).to_dict()) for sender, body in MAIL]
    rows.insert(3, {"path": "broken.eml", "error": "not an email message"})
    return rows


def _memory(store):
    with store.session() as s:
        domains = {r.domain: r.messages for r in s.query(SeenDomain)}
        senders = {r.domain: r.messages for r in s.query(SeenSender)}
    return domains, senders


def test_apply_all_matches_apply_one_at_a_time(tmp_path):
    rows = _results()
    one = open_store(url=f"sqlite:///{tmp_path / 'one.db'}")
    batched = open_store(url=f"sqlite:///{tmp_path / 'batched.db'}")
    try:
        single = History(one, warm=3, known_after=2)
        expected = [r if "error" in r else single.apply(r, RULES) for r in copy.deepcopy(rows)]
        got = list(History(batched, warm=3, known_after=2).apply_all(copy.deepcopy(rows), RULES, batch=3))
        assert got == expected
        codes = {s["code"] for r in got if "signals" in r for s in r["signals"]}
        # the memory did act, so the comparison means something
        assert {"url.new-domain", "header.correspondent-lookalike"} <= codes
        assert got[3] == {"path": "broken.eml", "error": "not an email message"}
        assert _memory(batched) == _memory(one)
    finally:
        one.engine.dispose()
        batched.engine.dispose()


def test_apply_all_commits_what_a_stopped_scan_saw(tmp_path):
    store = open_store(url=f"sqlite:///{tmp_path / 'mw.db'}")
    try:
        results = History(store, warm=3).apply_all(_results(), RULES, batch=100)
        next(results)
        next(results)
        results.close()  # the consumer stops early (Ctrl-C, a closed pipe)
        domains, _ = _memory(store)
        assert domains == {"a.example": 2, "b.example": 1, "c.example": 1}
    finally:
        store.engine.dispose()


def test_apply_all_on_each_store_matches_apply(store, tmp_path):
    rows = _results()
    one = open_store(url=f"sqlite:///{tmp_path / 'one.db'}")
    try:
        single = History(one, warm=3, known_after=2)
        expected = [r if "error" in r else single.apply(r, RULES) for r in copy.deepcopy(rows)]
        got = list(History(store, warm=3, known_after=2).apply_all(copy.deepcopy(rows), RULES, batch=4))
        assert got == expected
        assert _memory(store) == _memory(one)
    finally:
        one.engine.dispose()


def test_a_batch_adds_to_what_another_process_wrote_meanwhile(store):
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    with store.session() as s:
        s.add(SeenDomain(domain="a.example", first_seen=now, last_seen=now, messages=5))
    results = History(store, warm=3).apply_all(_results(), RULES, batch=100)
    next(results)  # the batch has read the store: b.example is new to it
    with store.session() as s:  # another scan, or the gateway, writes the same domains
        s.add(SeenDomain(domain="b.example", first_seen=now, last_seen=now, messages=7))
        s.add(SeenSender(domain="daiwa-shoji.co.jp", first_seen=now, last_seen=now, messages=1))
    rest = list(results)
    assert len(rest) == len(MAIL)  # the other rows, the broken one included
    domains, senders = _memory(store)
    assert domains["a.example"] == 5 + 2
    assert domains["b.example"] == 7 + 2  # added to, not written over nor refused
    assert senders["daiwa-shoji.co.jp"] == 1 + 3
