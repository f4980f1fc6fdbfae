"""Newly seen link domains, remembered in the store (SQLite and PostgreSQL)."""

from __future__ import annotations

from mailwarden.analyze.engine import analyze
from mailwarden.analyze.history import History
from mailwarden.analyze.rules import load_rules

from .mail import message

RULES = load_rules()


def scan(history, body):
    return history.apply(analyze(message(body), RULES).to_dict(), RULES)


def test_new_domains_flagged_once_the_memory_is_warm(store):
    history = History(store, warm=3)
    # cold: nothing is "new" while fewer than 3 domains are known
    first = scan(history, "https://a.example/ https://b.example/ https://c.example/")
    assert not [s for s in first["signals"] if s["code"] == "url.new-domain"]
    again = scan(history, "https://www.a.example/x https://b.example/y")
    assert not [s for s in again["signals"] if s["code"] == "url.new-domain"]
    fresh = scan(history, "https://a.example/ https://new-one.example/login")
    flagged = [s["evidence"]["host"] for s in fresh["signals"] if s["code"] == "url.new-domain"]
    assert flagged == ["new-one.example"]
    assert fresh["score"] >= RULES.weight("url.new-domain")
    # seen now: not new the second time
    later = scan(history, "https://new-one.example/")
    assert not [s for s in later["signals"] if s["code"] == "url.new-domain"]
    # a brand's own domain is no stranger, however new to this memory (a new user's trial saw
    # amazon.co.jp and live.com flagged); an unknown one beside it still is
    brands = scan(
        history, "https://www.amazon.co.jp/gp/ https://login.live.com/ https://another-new.example/"
    )
    assert [s["evidence"]["host"] for s in brands["signals"] if s["code"] == "url.new-domain"] == [
        "another-new.example"
    ]


def _from(history, sender, body="ご確認ください。"):
    return history.apply(analyze(message(body, from_=sender), RULES).to_dict(), RULES)


def test_correspondents_are_learned_from_clean_mail(store):
    history = History(store, known_after=2)
    # a lookalike of a domain never seen is nothing special
    first = _from(history, "担当 <tanaka@daiwa-syoji.co.jp>")
    assert "header.correspondent-lookalike" not in {s["code"] for s in first["signals"]}
    for _ in range(2):
        _from(history, "松本 <t.matsumoto@daiwa-shoji.co.jp>")
    # the real domain is a correspondent now; its romanisation variant is a lookalike of it
    fake = _from(history, "松本 <t.matsumoto@daiwa-syoji.co.jp>", "振込先の口座を変更いたしました。")
    found = {s["code"]: s["evidence"] for s in fake["signals"]}
    assert found["header.correspondent-lookalike"]["target"] == "daiwa-shoji.co.jp"
    assert found["header.correspondent-lookalike"]["technique"] == "romanisation"
    assert "bec.request" in found  # the request and the lookalike together
    assert fake["verdict"] != "clean"
    # the real correspondent stays clean, and the flagged lookalike is never learned
    real = _from(history, "松本 <t.matsumoto@daiwa-shoji.co.jp>", "振込先の口座を変更いたしました。")
    assert "header.correspondent-lookalike" not in {s["code"] for s in real["signals"]}
    for _ in range(3):
        _from(history, "松本 <t.matsumoto@daiwa-syoji.co.jp>")
    from mailwarden.analyze.models import SeenSender

    with store.session() as s:
        learned = {row.domain: row.messages for row in s.query(SeenSender)}
    assert learned.get("daiwa-shoji.co.jp", 0) >= 2
    assert learned.get("daiwa-syoji.co.jp", 0) <= 1  # only its first, unflagged, message
