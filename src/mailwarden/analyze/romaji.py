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
    "ティ": "ti", "ディ": "di", "トゥ": "tu", "ドゥ": "du", "シェ": "she", "ジェ": "je", "チェ": "che",
    "ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo", "ウィ": "wi", "ウェ": "we", "ウォ": "wo",
    "ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo",
}  # fmt: skip
_SMALL = {
    "ァ": "a",
    "ィ": "i",
    "ゥ": "u",
    "ェ": "e",
    "ォ": "o",
    "ャ": "ya",
    "ュ": "yu",
    "ョ": "yo",
    "ヴ": "vu",
}
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
            syllable, i = (out[-1][-1] if out and out[-1] else ""), i + 1
        else:
            syllable, i = _KANA.get(ch) or _SMALL.get(ch, ""), i + 1
        if double and syllable:
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
        double = False
        out.append(syllable)
    return "".join(out)


@cache
def latin_keys(name: str) -> frozenset[str]:
    """The keys of a configured Japanese name ("高橋 健一") in Latin letters, in either order,
    each part keyed alone; empty for a name already in Latin letters, a name not written as
    two parts, or one the dictionary cannot read."""
    parts = name.split()
    if len(parts) != 2 or _LATIN_NAME.match(name):
        return frozenset()
    readings = [romaji_key(hepburn(reading(p))) for p in parts]
    if not all(readings):
        return frozenset()
    # each part keyed alone: a long vowel must not fold across the seam ("Kazuo Ono")
    return frozenset({readings[0] + "|" + readings[1], readings[1] + "|" + readings[0]})


def latin_name_matches(display: str, name: str) -> bool:
    """A display name in Latin letters ("Kenichi Takahashi", "TAKAHASHI Kenichi") that is the
    configured Japanese ``name`` written out. A name of one part, or one the dictionary cannot
    read, has no Latin form here."""
    display = display.strip()
    if not _LATIN_NAME.match(display) or len(display) > 60:
        return False
    words = re.findall(r"[a-z]+", display.lower())
    if len(words) != 2:
        return False
    keys = latin_keys(name)
    return bool(keys) and f"{romaji_key(words[0])}|{romaji_key(words[1])}" in keys
