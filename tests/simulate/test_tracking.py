"""Human or automated: each documented rule on the behaviour it names, and the whole rule set
on a generated campaign of labelled hits (tests/support/sim_events.py)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mailwarden.core.errors import ConfigError
from mailwarden.core.i18n import language
from mailwarden.simulate import tracking
from mailwarden.simulate.tracking import Hit, Seen, classify
from tests.support import sim_events

DELIVERED = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
CHROME = sim_events.BROWSERS[0]


def hit(kind: str = "click", after: float = 900, ip: str = "203.0.113.7", **kw) -> Hit:  # type: ignore[no-untyped-def]
    kw.setdefault("user_agent", CHROME)
    return Hit(kind, "t1", DELIVERED + timedelta(seconds=after), ip, delivered_at=DELIVERED, **kw)


def codes(h: Hit, seen: Seen | None = None) -> list[str]:
    return [r.code for r in classify(h, seen or Seen()).reasons]


def test_a_person_clicking_later_from_a_browser_is_human():
    got = classify(hit(), Seen(beacon=True))
    assert got.human and got.reasons == ()


@pytest.mark.parametrize(
    ("h", "code"),
    [
        (hit(method="HEAD"), "method"),
        (hit(headers={"sec-purpose": "prefetch;prerender"}), "prefetch"),
        (hit(headers={"x-moz": "prefetch"}), "prefetch"),
        (hit("honeypot"), "honeypot"),
        (hit(ip="40.107.12.34"), "network"),
        (hit(ip="::ffff:148.163.140.2"), "network"),
        (hit(ip="2a01:111:f400::10"), "network"),
        (hit(user_agent="python-requests/2.32.3"), "user-agent"),
        (hit(user_agent="Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/131.0.0.0"), "user-agent"),
        (hit(user_agent=""), "user-agent"),
        (hit(after=3), "instant"),
    ],
)
def test_each_rule_on_the_behaviour_it_names(h, code):
    got = classify(h, Seen())
    assert not got.human and code in [r.code for r in got.reasons]


def test_network_entries_limited_to_some_kinds():
    apple = "17.58.1.2"
    assert "network" in codes(hit("open", ip=apple))
    assert "network" not in codes(hit("click", ip=apple), Seen(beacon=True))


def test_the_campaign_context_honeypot_burst_and_beacon():
    assert codes(hit(), Seen(honeypot_from_ip=True, beacon=True)) == ["honeypot-ip"]
    assert codes(hit(), Seen(recipients_from_ip=40)) == ["burst"]
    assert codes(hit("landing"), Seen(beacon=False)) == ["no-beacon"]
    # a person who clicked fast, or behind the office's one address: the beacon says so
    assert classify(hit(after=4), Seen(beacon=True)).human
    assert classify(hit(), Seen(recipients_from_ip=40, beacon=True)).human
    # but a headless scanner runs the script too: its user agent still tells
    assert codes(hit(user_agent="HeadlessChrome/131"), Seen(beacon=True)) == ["user-agent"]
    # the people of a large office open many a minute from its one address: not a burst
    assert classify(hit("open", user_agent=sim_events.MAIL_CLIENTS[0]), Seen(recipients_from_ip=40)).human
    # opens have no beacon: an early open by an image proxy stays automated
    assert codes(hit("open", after=2, user_agent="Mozilla/5.0"), Seen(beacon=True)) == ["instant"]


def test_context_from_a_campaigns_hits():
    t0 = DELIVERED + timedelta(minutes=5)
    walker = [
        Hit("click", f"t{n}", t0 + timedelta(seconds=n * 0.1), "198.51.100.9", user_agent=CHROME)
        for n in range(20)
    ]
    person = [
        Hit("click", "p1", t0, "203.0.113.5", user_agent=CHROME),
        Hit("landing", "p1", t0 + timedelta(seconds=1), "203.0.113.5", user_agent=CHROME),
        Hit("beacon", "p1", t0 + timedelta(seconds=2), "203.0.113.5", user_agent=CHROME),
        # the same recipient's link fetched by a scanner elsewhere: the person's beacon is not its
        Hit("landing", "p1", t0 + timedelta(seconds=3), "198.18.0.1", user_agent=CHROME),
    ]
    seen = tracking.context(walker + person)
    assert seen[0].recipients_from_ip == 20 and seen[20].recipients_from_ip == 1
    assert seen[20].beacon is True and seen[23].beacon is False
    got = tracking.classify_all(walker + person)
    assert [g.human for g in got] == [False] * 20 + [True, True, True, False]


def brute_force_context(hits: list[Hit], rules: tracking.ScannerRules) -> list[Seen]:
    """``tracking.context`` as its docstring says it, hit by hit (quadratic): the reference."""
    window = timedelta(seconds=rules.burst_seconds)
    out = []
    for h in hits:
        near = {o.target for o in hits if o.ip == h.ip and o.kind != "beacon" and abs(o.at - h.at) <= window}
        out.append(
            Seen(
                recipients_from_ip=max(1, len(near)),
                honeypot_from_ip=any(o.kind == "honeypot" and o.ip == h.ip for o in hits),
                beacon=any(o.kind == "beacon" and (o.target, o.ip) == (h.target, h.ip) for o in hits),
            )
        )
    return out


def test_context_says_what_the_brute_force_reference_says():
    rules = tracking.shipped()
    for seed in (3, 18):
        hits = [e.hit for e in sim_events.campaign(150, seed=seed)]
        assert tracking.context(hits, rules) == brute_force_context(hits, rules)
    # the window's edges count (both ends inclusive), beacons count for nobody's burst
    t0 = DELIVERED + timedelta(minutes=5)
    edge = [
        Hit("click", f"t{n}", t0 + timedelta(seconds=n * rules.burst_seconds / 2), "198.51.100.9")
        for n in range(5)
    ] + [Hit("beacon", "t9", t0, "198.51.100.9"), Hit("click", "t0", t0, "198.51.100.9")]
    assert tracking.context(edge, rules) == brute_force_context(edge, rules)


def test_reasons_are_told_in_the_readers_language():
    got = classify(hit(ip="40.107.1.1", after=2), Seen())
    with language("ja"):
        ja = [r.text() for r in got.reasons]
    with language("en"):
        en = [r.text() for r in got.reasons]
    assert any("Microsoft" in t for t in en) and any("delivery" in t for t in en)
    assert all(t for t in ja) and ja != en


def test_user_rules_add_networks_and_set_limits(tmp_path: Path):
    extra = tmp_path / "scanners.yaml"
    extra.write_text(
        "networks:\n  - name: Our own gateway\n    cidrs: [192.0.2.0/24]\nlimits:\n  instant_seconds: 60\n",
        encoding="utf-8",
    )
    rules = tracking.load(extra)
    assert [r.code for r in classify(hit(ip="192.0.2.7"), Seen(beacon=True), rules).reasons] == ["network"]
    assert [r.code for r in classify(hit(after=30), Seen(), rules).reasons] == ["instant"]
    assert any(n.name.startswith("Microsoft") for n in rules.networks), "the shipped list stays"
    bad = tmp_path / "bad.yaml"
    bad.write_text("networks:\n  - name: x\n    cidrs: [not-an-address]\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        tracking.load(bad)
    bad.write_text("user_agents:\n  - name: x\n    pattern: '('\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        tracking.load(bad)


@pytest.mark.parametrize("seed", [3, 18])
def test_a_generated_campaign_is_classified_as_its_labels_say(seed):
    events = sim_events.campaign(1500, seed=seed)
    got = tracking.classify_all([e.hit for e in events])
    right = sum(g.human == e.human for g, e in zip(got, events, strict=True))
    assert right / len(events) >= 0.98
    # every scanner behaviour is caught, nearly always
    caught: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for g, e in zip(got, events, strict=True):
        if not e.human:
            total[e.behaviour] += 1
            caught[e.behaviour] += not g.human
    assert total.keys() >= {"safelinks", "proofpoint", "head", "prefetch", "sandbox", "walker", "image-proxy"}
    for behaviour, n in total.items():
        assert caught[behaviour] / n >= 0.95, behaviour


def test_lookups_are_remembered_per_rules_and_change_nothing():
    rules = tracking.load()
    hits = [e.hit for e in sim_events.campaign(120, seed=7)]
    first = tracking.classify_all(hits, rules)
    assert rules._agents_found and rules._networks_found
    assert tracking.classify_all(hits, rules) == first == tracking.classify_all(hits, tracking.load())
    # the memo is no part of the rules' value
    assert rules == tracking.load() and hash(rules) == hash(tracking.load())
