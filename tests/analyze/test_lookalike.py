"""The lookalike search: the targets one edit away found through their one-deletion variants,
the same answer as comparing with every target, and hosts too long to be any target's
neighbour never expanded."""

from __future__ import annotations

import random

import pytest

from mailwarden.analyze import lookalike
from mailwarden.analyze.lookalike import imitates, target_table, within_one_edit

TABLE = target_table(
    ["paypal.com", "amazon.co.jp", "docusign.net", "rakuten.co.jp", "microsoft.com", "sagawa-exp.co.jp"]
)


def _every_target(domain: str) -> tuple[str, int] | None:
    """The answer by comparing with every target, in the order of lengths and of the table."""
    label = lookalike.registrable(domain).split(".", 1)[0]
    sk = lookalike.skeleton(label)
    for n in (len(sk) - 1, len(sk), len(sk) + 1):
        for target_sk, reals in lookalike._index(TABLE).by_length.get(n, ()):
            real = reals.split(" ", 1)[0]
            if sk == target_sk and label != lookalike._label(real):
                return real, 0
            if sk != target_sk and len(target_sk) >= 6 and within_one_edit(sk, target_sk):
                return real, 1
    return None


@pytest.mark.parametrize(
    ("domain", "expected"),
    [
        ("paypa1.com", ("paypal.com", 0)),
        ("rnicrosoft.com", ("microsoft.com", 0)),
        ("docusgin.net", ("docusign.net", 1)),  # neighbours swapped
        ("rakuteen.co.jp", ("rakuten.co.jp", 1)),
        ("sagawaexp.co.jp", ("sagawa-exp.co.jp", 0)),  # the hyphen dropped: the same skeleton
        ("paypal.com", None),
        ("mail.paypal.com", None),
        ("example.com", None),
    ],
)
def test_lookalikes_one_edit_or_one_confusable_away(domain, expected):
    assert imitates(domain, TABLE) == expected


def test_the_deletion_index_gives_what_comparing_with_every_target_gives():
    rnd = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz01-"
    labels = ["paypal", "amazon", "docusign", "rakuten", "microsoft", "sagawa-exp"]
    checked = found = 0
    for _ in range(4000):
        word = list(rnd.choice(labels))
        for _ in range(rnd.randint(0, 2)):
            i = rnd.randrange(len(word))
            op = rnd.randrange(3)
            if op == 0:
                word[i] = rnd.choice(letters)
            elif op == 1:
                word.insert(i, rnd.choice(letters))
            elif len(word) > 1:
                del word[i]
        domain = "".join(word).strip("-") + rnd.choice([".com", ".net", ".co.jp"])
        if not lookalike.registrable(domain):
            continue
        got = imitates(domain, TABLE)
        assert got == _every_target(domain) or len(lookalike.skeleton(domain.split(".")[0])) < 4, domain
        checked += 1
        found += got is not None
    assert checked > 3000 and found > 500


def test_a_host_too_long_for_any_target_is_not_expanded(monkeypatch):
    def refuse(word: str) -> set[str]:
        raise AssertionError(f"deletions of a {len(word)}-letter label")

    monkeypatch.setattr(lookalike, "_deletions", refuse)
    assert imitates("x" * 5000 + ".top", TABLE) is None
