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
