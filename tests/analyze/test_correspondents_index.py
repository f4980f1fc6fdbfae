"""The index behind ``resembles`` gives the answers of the pass over every known domain: the
same known domain and the same technique, for names built to imitate one in each way and for
names that imitate none."""

from __future__ import annotations

import random

import pytest

from mailwarden.analyze import correspondents
from mailwarden.analyze.correspondents import resembles

SYLLABLES = [
    "ka",
    "ki",
    "ku",
    "ke",
    "ko",
    "sa",
    "shi",
    "su",
    "se",
    "so",
    "ta",
    "chi",
    "tsu",
    "te",
    "to",
    "na",
    "ni",
    "nu",
    "ne",
    "no",
    "ha",
    "hi",
    "fu",
    "he",
    "ho",
    "ma",
    "mi",
    "mu",
    "me",
    "mo",
    "ya",
    "yu",
    "yo",
    "ra",
    "ri",
    "ru",
    "re",
    "ro",
    "wa",
    "da",
    "ji",
    "zu",
    "de",
    "do",
    "ba",
    "bi",
    "bu",
    "be",
    "bo",
    "sho",
    "shu",
    "cha",
    "jo",
    "ou",
    "oo",
    "n",
]
SUFFIXES = ["co.jp", "jp", "com", "net", "ne.jp", "or.jp"]
WORDS = ["group", "jp", "inc", "holdings", "official", "mail", "secure", "bank"]


def _name(rng: random.Random) -> str:
    name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5)))
    if rng.random() < 0.3:
        cut = rng.randint(2, len(name) - 1)
        name = name[:cut] + "-" + name[cut:]
    return name


def _imitation(rng: random.Random, label: str) -> str:
    flat = label.replace("-", "")
    way = rng.randrange(9)
    if way == 0:  # another romanisation
        for a, b in (
            ("shi", "si"),
            ("sho", "syo"),
            ("tsu", "tu"),
            ("chi", "ti"),
            ("ji", "zi"),
            ("fu", "hu"),
            ("ou", "o"),
        ):
            if a in label:
                return label.replace(a, b, 1)
        return label + "h"
    if way == 1:
        return flat + rng.choice(WORDS)
    if way == 2:
        return rng.choice(WORDS) + "-" + label
    if way == 3 and len(flat) > 3:  # one letter changed
        i = rng.randrange(len(flat))
        return flat[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz") + flat[i + 1 :]
    if way == 4 and len(flat) > 3:  # two neighbours swapped
        i = rng.randrange(len(flat) - 1)
        return flat[:i] + flat[i + 1] + flat[i] + flat[i + 2 :]
    if way == 5:  # confusables
        return label.replace("o", "0").replace("l", "1").replace("m", "rn")
    if way == 6 and len(flat) > 3:  # one letter dropped
        i = rng.randrange(len(flat))
        return flat[:i] + flat[i + 1 :]
    if way == 7:
        return label  # the same name, another suffix
    return _name(rng)  # no imitation


def test_the_index_answers_as_the_pass_over_every_known_domain(monkeypatch):
    rng = random.Random(8)
    known = tuple(sorted({f"{_name(rng)}.{rng.choice(SUFFIXES)}" for _ in range(1500)}))
    queries = []
    for _ in range(1500):
        target = rng.choice(known).split(".", 1)[0]
        label = _imitation(rng, target)
        host = f"{label}.{rng.choice(SUFFIXES)}"
        if rng.random() < 0.1:  # the name in a subdomain of another domain
            host = f"{target}.secure-{_name(rng)}.com"
        queries.append(host)
    queries += list(known[:50])  # the known domains themselves, and under them
    queries += [f"mail.{k}" for k in known[50:100]]
    indexed = [resembles(q, known) for q in queries]
    monkeypatch.setattr(correspondents, "INDEXED_FROM", 10**9)  # the pass over every one
    scanned = [resembles(q, known) for q in queries]
    assert indexed == scanned
    found = [r for r in scanned if r is not None]
    # the queries exercise every technique, and many imitate nothing
    assert {r.how for r in found} == {"suffix", "confusable", "romanisation", "added word", "one edit"}
    assert 150 < len(found) < len(queries) - 150


@pytest.mark.parametrize(
    ("domain", "how"),
    [
        ("daiwa-syoji.co.jp", "romanisation"),
        ("daiwashoji-group.com", "added word"),
        ("daiwashoji.secure-mail.com", "added word"),
        ("daiwa-shoji.jp", "suffix"),
        ("daiwa-shoki.co.jp", "one edit"),
    ],
)
def test_a_large_known_set_still_finds_each_technique(domain, how):
    rng = random.Random(1)
    known = tuple({f"{_name(rng)}.com" for _ in range(500)} | {"daiwa-shoji.co.jp"})
    found = resembles(domain, known)
    assert found is not None and found.known == "daiwa-shoji.co.jp" and found.how == how


def test_a_very_long_name_costs_no_more_than_the_pass_over_every_known_domain():
    import tracemalloc

    rng = random.Random(2)
    known = tuple({f"{_name(rng)}.com" for _ in range(200)})
    label = "a" * 40_000  # a header can carry it; one-letter deletions of it would be 1.6 GB
    tracemalloc.start()
    try:
        assert resembles(f"{label}.com", known) is None
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50 * 2**20


def test_an_added_word_is_read_to_the_end_of_the_name(monkeypatch):
    rng = random.Random(3)
    known = tuple({f"{_name(rng)}.com" for _ in range(100)} | {"daiwa-shoji.co.jp"})
    odd = "daiwashojijp\n.com"  # no parser gives this; the two paths must still agree
    indexed = resembles(odd, known)
    monkeypatch.setattr(correspondents, "INDEXED_FROM", 10**9)
    assert resembles(odd, known) == indexed


def test_the_history_keeps_one_index_and_adds_to_it(tmp_path):
    from mailwarden.analyze.history import History
    from mailwarden.analyze.rules import load_rules
    from mailwarden.core.store import open_store

    rules = load_rules()
    store = open_store(url=f"sqlite:///{tmp_path / 'mw.db'}")
    try:
        history = History(store)
        rng = random.Random(4)
        learned = [f"{_name(rng)}.com" for _ in range(300)]
        first = history._index_of(learned, rules)
        assert history._index_of(list(reversed(learned)), rules) is first  # the order is no change
        assert history._index_of([*learned, "daiwa-shoji.co.jp"], rules) is first  # one more: added
        assert resembles("daiwa-syoji.co.jp", (), index=first).known == "daiwa-shoji.co.jp"
        assert history._index_of(learned[1:], rules) is not first  # one gone: built again
    finally:
        store.engine.dispose()
