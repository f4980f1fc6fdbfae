"""Lookalike domains: fold confusable characters to a skeleton (after Unicode TR39, with the
Latin look-alikes phishers type: 0→o, 1→l, rn→m, vv→w) and compare registrable names within
one edit."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from ..domain.orgdomain import registrable

_CONFUSABLE = str.maketrans(
    {
        # Cyrillic and Greek letters that render as Latin ones
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "l", "ј": "j",
        "ԁ": "d", "ѕ": "s", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w", "ɡ": "g", "ο": "o", "α": "a",
        "ν": "v", "τ": "t", "ι": "l", "κ": "k", "ρ": "p", "ε": "e", "μ": "u",
        # digits and letters typed for letters
        "0": "o", "1": "l", "i": "l", "3": "e", "5": "s", "$": "s", "@": "a",
    }
)  # fmt: skip


@cache
def skeleton(label: str) -> str:
    text = unicodedata.normalize("NFKD", label.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(_CONFUSABLE).replace("rn", "m").replace("vv", "w").replace("-", "")


def _label(domain: str) -> str:
    """The registrable name without its public suffix: 'amazon' of 'www.amazon.co.jp'."""
    reg = registrable(domain)
    return reg.split(".", 1)[0] if reg else ""


def within_one_edit(a: str, b: str) -> bool:
    """Levenshtein distance ≤ 1 (plus one adjacent swap), in one pass."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def _is_real(domain: str, reg: str, targets: dict[str, str]) -> bool:
    reals = _reals(targets)
    if reg in reals:
        return True
    labels = domain.split(".")
    return any(".".join(labels[i:]) in reals for i in range(1, len(labels)))


_REALS: dict[int, frozenset[str]] = {}


def _reals(targets: dict[str, str]) -> frozenset[str]:
    key = id(targets)
    found = _REALS.get(key)
    if found is None:
        found = frozenset(r for v in targets.values() for r in v.split(" "))
        _REALS.clear()
        _REALS[key] = found
    return found


def imitates(domain: str, targets: dict[str, str]) -> tuple[str, int] | None:
    """(imitated domain, distance) when ``domain`` looks like one of ``targets`` (skeleton of
    its label → real domain) without being it or under it."""
    domain = domain.lower().rstrip(".")
    reg = registrable(domain)
    if not reg:
        return None
    label = reg.split(".", 1)[0]
    if len(label) < 4:
        return None
    sk = skeleton(label)
    if _is_real(domain, reg, targets):
        return None
    index = _index(targets)
    if len(sk) > index.longest + 1:
        return None  # no target is within one edit (and the deletions below grow as the square)
    # only the targets that share a one-deletion variant with the skeleton can be within one
    # edit of it (a substitution, an insertion, a swap of neighbours all leave one in common);
    # taken in the order the lengths and the table give, so the first found is the same
    near = {k for variant in _deletions(sk) for k in index.deletes.get(variant, ())}
    for key in sorted(near, key=lambda k: (k[0] - len(sk), k[1])):  # shorter, same, longer
        target_sk, reals = index.by_length[key[0]][key[1]]
        if len(target_sk) < 4:
            continue
        real = reals.split(" ", 1)[0]
        if sk == target_sk and label != _label(real):
            return real, 0
        if sk != target_sk and len(target_sk) >= 6 and within_one_edit(sk, target_sk):
            return real, 1
    return None


def _deletions(word: str) -> set[str]:
    """``word`` and every string made by deleting one of its characters."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


class _Index:
    """The targets arranged for the two questions asked of every host: skeletons by length
    (one edit away needs a length within one), and the names that may stand as a word."""

    def __init__(self, targets: dict[str, str]) -> None:
        self.by_length: dict[int, list[tuple[str, str]]] = {}
        for sk, reals in targets.items():
            self.by_length.setdefault(len(sk), []).append((sk, reals))
        self.longest = max(self.by_length, default=0)
        #: each one-deletion variant of a skeleton → the (length, position) of the skeletons
        self.deletes: dict[str, list[tuple[int, int]]] = {}
        for n, entries in self.by_length.items():
            for i, (sk, _) in enumerate(entries):
                for variant in _deletions(sk):
                    self.deletes.setdefault(variant, []).append((n, i))
        self.words = {
            sk: r.split(" ", 1)[0] for sk, r in targets.items() if len(sk) >= 5 and sk not in GENERIC
        }
        self.hyphenated = [(sk, real) for sk, real in self.words.items() if "-" in real.split(".", 1)[0]]


#: the indexes of the last few tables, by identity (the table is kept, so an id is not reused):
#: the brands' table and a company's correspondents' are asked in turn
_INDEX: dict[int, tuple[dict[str, str], _Index]] = {}
_INDEXES_KEPT = 8


def _index(targets: dict[str, str]) -> _Index:
    found = _INDEX.get(id(targets))
    if found is not None and found[0] is targets:
        return found[1]
    if len(_INDEX) >= _INDEXES_KEPT:
        _INDEX.pop(next(iter(_INDEX)))
    index = _Index(targets)
    _INDEX[id(targets)] = (targets, index)
    return index


# a local government's domain is named after its place (tokyo.lg.jp, pref.osaka.jp): a place
# name in another domain (tokyo-np.co.jp, a newspaper) imitates nothing
_PLACE_HOSTS = frozenset({"pref", "city", "metro", "town", "vill", "ward"})


def place_named(domain: str) -> bool:
    """A Japanese local government's domain (tokyo.lg.jp, www.pref.osaka.jp, city.kobe.jp)."""
    d = domain.lower().rstrip(".")
    labels = d.split(".")
    return d.endswith(".lg.jp") or (d.endswith(".jp") and bool(_PLACE_HOSTS & set(labels[:-2])))


def target_table(domains: list[str]) -> dict[str, str]:
    """Skeleton of each registrable label → its real registrable domains (space-separated)."""
    table: dict[str, str] = {}
    for d in domains:
        lab = _label(d)
        reg = registrable(d)
        if lab:
            sk = skeleton(lab)
            if reg not in table.get(sk, "").split(" "):
                table[sk] = f"{table[sk]} {reg}" if sk in table else reg
    return table


# Brand names that are also everyday words or product names: inside another domain they say
# nothing ("digitalmedia", "outlook.example-team.biz", "applecore").
GENERIC = frozenset(
    {"digital", "outlook", "office", "apple", "live", "visa", "meta", "zoom", "mobile", "ledger", "kraken",
     "target", "orange", "shell", "google", "gmail", "docomo", "yahoo", "icloud", "myna", "netflix",
     "booking", "lowes", "online"}
)  # fmt: skip


def contains_brand(domain: str, targets: dict[str, str]) -> str | None:
    """The real domain whose name (5+ letters) stands as a word inside ``domain``, an
    unrelated name ("amazon-security.com", "rakuten.co.jp.example.top"): combosquatting.
    Not when the name is the domain's own label on another suffix (verizon.net)."""
    domain = domain.lower().rstrip(".")
    reg = registrable(domain)
    if _is_real(domain, reg, targets):
        return None
    own = skeleton(reg.split(".", 1)[0]) if reg else ""
    words = set(re.split(r"[.\-_0-9]+", skeleton(domain.replace(".", "-")).replace("-", ".")))
    parts = set(re.split(r"[.\-_0-9]+", domain))
    index = _index(targets)
    for target_sk in sorted((words | parts) & index.words.keys()):
        if target_sk != own:
            return index.words[target_sk]
    flat = skeleton(domain)
    for target_sk, real in index.hyphenated:  # "smbc-card" inside
        if target_sk != own and target_sk in flat:
            return real
    return None


def under(domain: str, suffixes: frozenset[str]) -> bool:
    """``domain`` lies below one of ``suffixes`` (a.b.go.jp below go.jp; go.jp itself is not)."""
    labels = domain.lower().rstrip(".").split(".")
    return any(".".join(labels[i:]) in suffixes for i in range(1, len(labels)))


def at_or_under(host: str, suffixes: frozenset[str]) -> bool:
    """``host`` is one of ``suffixes`` or lies below one (drive.google.com, x.r2.dev)."""
    return host in suffixes or under(host, suffixes)


def tenant_host(host: str, rules: Any) -> bool:
    """A customer's host at a SaaS that names hosts after its customers (minato-seiki.smarthr.jp)."""
    return under(host, rules.tenant_domains)
