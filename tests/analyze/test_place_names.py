"""A local government's domain is named after its place (tokyo.lg.jp): a newspaper named
after the same city (tokyo-np.co.jp) imitates nothing — a new user's trial found it flagged."""

from __future__ import annotations

from mailwarden.analyze.lookalike import contains_brand, imitates
from mailwarden.analyze.rules import load_rules
from mailwarden.analyze.targets import targets as targets_of


def test_place_names_of_local_governments_are_no_brand():
    targets = targets_of(load_rules())
    for host in ("www.tokyo-np.co.jp", "www.tokyo-sports.co.jp", "osaka-gas.co.jp", "tokyo.example.com"):
        assert contains_brand(host, targets) is None, host
    # brands are still found inside other domains, and lookalikes of them
    assert contains_brand("amazon-security.com", targets) == "amazon.com"
    assert imitates("rakutem.co.jp", targets) is not None


def test_the_organisations_own_domain_stays_a_target_whatever_it_is_called():
    from dataclasses import replace

    rules = replace(load_rules(), own_domains=("town.example.co.jp",))
    assert imitates("town.examp1e.co.jp", targets_of(rules)) is not None


def test_how_a_lookalike_resembles_is_recorded_as_written_and_shown_translated():
    from mailwarden.analyze.engine import analyze
    from mailwarden.core.i18n import language
    from tests.analyze.mail import message

    with language("ja"):
        v = analyze(message("ご確認ください", from_="SMBC <info@smbc-card-security.com>"), load_rules())
    hit = next(s for s in v.signals if s["code"] == "header.lookalike-domain")
    assert hit["evidence"]["how"] == "its name with words added"  # the record, as written
    assert "its name" not in hit["explanation"] and "語を付け足した" in hit["explanation"]
