"""Lookalike domains: fold confusable characters to a skeleton (after Unicode TR39, with the
Latin look-alikes phishers type: 0→o, 1→l, rn→m, vv→w) and compare registrable names within
one edit."""

from __future__ import annotations

import unicodedata
from functools import cache

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
    for real in targets.values():
        if reg == real or domain.endswith("." + real):
            return None
    for target_sk, real in targets.items():
        if abs(len(sk) - len(target_sk)) > 1 or len(target_sk) < 4:
            continue
        if sk == target_sk and label != _label(real):
            return real, 0
        if sk != target_sk and len(target_sk) >= 5 and within_one_edit(sk, target_sk):
            return real, 1
    return None


def target_table(domains: list[str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for d in domains:
        lab = _label(d)
        if lab:
            table.setdefault(skeleton(lab), registrable(d))
    return table


def contains_brand(domain: str, targets: dict[str, str]) -> str | None:
    """The real domain whose name (5+ letters) sits inside ``domain``, an unrelated name
    ("amazon-security.com", "rakuten.co.jp.example.top"): combosquatting."""
    domain = domain.lower().rstrip(".")
    folded = skeleton(domain.replace(".", "-"))
    for target_sk, real in targets.items():
        if len(target_sk) >= 5 and target_sk in folded:
            if registrable(domain) == real or domain.endswith("." + real):
                return None
            return real
    return None
