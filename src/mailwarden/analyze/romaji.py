"""Japanese names as they are written in Latin letters. An attacker writing from a free-mail
account as the president signs "Kenichi Takahashi", not 「高橋 健一」, and the recipient reads
both as the same person. The reading of each part of a configured name comes from SudachiPy's
dictionary (高橋 → タカハシ), is written in Hepburn, and is compared through ``romaji_key``, so
Kunrei spellings and long vowels (Itou, Ito, Itoh) meet it too.

The attack family: executive impersonation from free mail (IPA's ビジネスメール詐欺, type 2)."""

from __future__ import annotations

import re
from functools import cache

from .correspondents import romaji_key
from .japanese import reading

_DIGRAPHS = {
    "キャ": "kya", "キュ": "kyu", "キョ": "kyo", "シャ": "sha", "シュ": "shu", "ショ": "sho",
    "チャ": "cha", "チュ": "chu", "チョ": "cho", "ニャ": "nya", "ニュ": "nyu", "ニョ": "nyo",
    "ヒャ": "hya", "ヒュ": "hyu", "ヒョ": "hyo", "ミャ": "mya", "ミュ": "myu", "ミョ": "myo",
    "リャ": "rya", "リュ": "ryu", "リョ": "ryo", "ギャ": "gya", "ギュ": "gyu", "ギョ": "gyo",
    "ジャ": "ja", "ジュ": "ju", "ジョ": "jo", "ビャ": "bya", "ビュ": "byu", "ビョ": "byo",
    "ピャ": "pya", "ピュ": "pyu", "ピョ": "pyo",
}  # fmt: skip
_ROWS = (
    ("アイウエオ", ("a", "i", "u", "e", "o")),
    ("カキクケコ", ("ka", "ki", "ku", "ke", "ko")),
    ("ガギグゲゴ", ("ga", "gi", "gu", "ge", "go")),
    ("サシスセソ", ("sa", "shi", "su", "se", "so")),
    ("ザジズゼゾ", ("za", "ji", "zu", "ze", "zo")),
    ("タチツテト", ("ta", "chi", "tsu", "te", "to")),
    ("ダヂヅデド", ("da", "ji", "zu", "de", "do")),
    ("ナニヌネノ", ("na", "ni", "nu", "ne", "no")),
    ("ハヒフヘホ", ("ha", "hi", "fu", "he", "ho")),
    ("バビブベボ", ("ba", "bi", "bu", "be", "bo")),
    ("パピプペポ", ("pa", "pi", "pu", "pe", "po")),
    ("マミムメモ", ("ma", "mi", "mu", "me", "mo")),
    ("ヤユヨ", ("ya", "yu", "yo")),
    ("ラリルレロ", ("ra", "ri", "ru", "re", "ro")),
    ("ワヲ", ("wa", "o")),
)
_KANA = {k: r for kana, romaji in _ROWS for k, r in zip(kana, romaji, strict=True)}
_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z .,'-]*$")


def hepburn(katakana: str) -> str:
    """タカハシ → takahashi, ケンイチ → kenichi, ショウ → shou; ッ doubles the next consonant."""
    out: list[str] = []
    i, double = 0, False
    while i < len(katakana):
        pair, ch = katakana[i : i + 2], katakana[i]
        if pair in _DIGRAPHS:
            syllable, i = _DIGRAPHS[pair], i + 2
        elif ch == "ッ":
            double, i = True, i + 1
            continue
        elif ch == "ン":
            syllable, i = "n", i + 1
        elif ch == "ー":
            syllable, i = (out[-1][-1] if out else ""), i + 1
        else:
            syllable, i = _KANA.get(ch, ""), i + 1
        if double and syllable:
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
        double = False
        out.append(syllable)
    return "".join(out)


@cache
def latin_keys(name: str) -> frozenset[str]:
    """The keys of a configured Japanese name ("高橋 健一") in Latin letters, in either order:
    {key('takahashikenichi'), key('kenichitakahashi')}; empty for a name already in Latin
    letters or one the dictionary cannot read."""
    parts = name.split()
    if len(parts) != 2 or _LATIN_NAME.match(name):
        return frozenset()
    readings = [hepburn(reading(p)) for p in parts]
    if not all(readings):
        return frozenset()
    return frozenset({romaji_key(readings[0] + readings[1]), romaji_key(readings[1] + readings[0])})


def latin_name_matches(display: str, name: str) -> bool:
    """A display name in Latin letters ("Kenichi Takahashi", "TAKAHASHI Kenichi") that is the
    configured Japanese ``name`` written out."""
    display = display.strip()
    if not _LATIN_NAME.match(display) or len(display) > 60:
        return False
    keys = latin_keys(name)
    return bool(keys) and romaji_key(re.sub(r"[^a-z]", "", display.lower())) in keys
