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
