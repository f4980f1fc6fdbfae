"""ISO-2022-JP as Outlook, Becky! and other Windows mailers write it (Microsoft's CP50220,
"ISO-2022-JP-MS"): JIS X 0208 designated by ``ESC $ B`` but carrying the NEC special
characters of row 13 (①, ㈱, ㌔…) and the NEC-selected IBM extensions (rows 89–92), which
Python's ``iso2022_jp`` codecs reject. Python has no CP50220 codec; the JIS bytes are
transcoded to Shift_JIS (the two differ only by arithmetic) and read as CP932, which holds
every one of those characters. One pass over the bytes: linear time, whatever they hold.
"""

from __future__ import annotations

import re
from functools import cache

#: the escape sequences this reader knows, longest first: (sequence, mode)
_ASCII, _KANA, _TWO_BYTE = 0, 1, 2
_ESCAPES = re.compile(
    rb"\x1b(?:"
    rb"(?P<ascii>\([BJH])"  # ASCII, JIS X 0201 Roman (read as ASCII, as CP50220 does)
    rb"|(?P<kana>\(I)"  # JIS X 0201 katakana
    rb"|(?P<two>\$[@B]|\$\([BQOP])"  # JIS C 6226, JIS X 0208, JIS X 0213 (read as 0208)
    rb"|(?P<announce>&@)"  # JIS X 0208-1990's announcer: no change of mode
    rb")"
)
#: bytes that are read as they are in any mode (controls, space): a mailer that forgets to
#: return to ASCII before a line break loses no more than that line's two-byte text
_CONTROLS = frozenset(b"\t\n\r \x0b\x0c")
_SO, _SI, _ESC = 0x0E, 0x0F, 0x1B
# runs found by the regex engine, not a byte at a time (10 MB of text in a loop took 4.7 s)
_PRINTABLE_RUN = re.compile(rb"[\x20-\x7e]+")


def _sjis(j1: int, j2: int) -> bytes:
    """The Shift_JIS bytes of the JIS X 0208 code point (j1, j2), both in 0x21–0x7E."""
    s1 = ((j1 - 0x21) >> 1) + 0x81
    if s1 > 0x9F:
        s1 += 0x40
    if j1 & 1:
        s2 = j2 + 0x1F
        if s2 >= 0x7F:
            s2 += 1
    else:
        s2 = j2 + 0x7E
    return bytes((s1, s2))


_SEGMENT_END = re.compile(rb"[\x1b\x0e\x0f]")
# in two-byte mode: a character's two bytes, a control or space, or any other byte alone
_TOKEN = re.compile(rb"[\x21-\x7e]{2}|[^\x1b\x0e\x0f]", re.S)


@cache
def _two_byte_table() -> dict[bytes, str]:
    """What a token of two-byte mode reads as: a character, or a control or space as itself."""
    table = dict(_pairs())
    table.update({bytes((c,)): chr(c) for c in range(0x20) if c not in (_ESC, _SO, _SI)})
    table[b" "] = " "
    return table


@cache
def _pairs() -> dict[bytes, str]:
    """Every JIS X 0208 code point (two bytes, 0x21–0x7E each) CP932 assigns, as its character."""
    table: dict[bytes, str] = {}
    for j1 in range(0x21, 0x7F):
        for j2 in range(0x21, 0x7F):
            try:
                table[bytes((j1, j2))] = _sjis(j1, j2).decode("cp932")
            except UnicodeDecodeError:
                continue
    return table


def decode_cp50220(data: bytes) -> tuple[str, bool]:
    """(text, repaired): ``data`` read as ISO-2022-JP with Microsoft's extensions; what no
    table holds (an unknown escape, a byte outside any set, an unassigned code point) becomes
    U+FFFD and ``repaired`` is true."""
    out: list[str] = []
    repaired = False
    mode = _ASCII
    shifted = False  # between SO and SI: katakana, whatever the designation
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b == _ESC:
            m = _ESCAPES.match(data, i)
            if m is None:
                out.append("\ufffd")
                repaired = True
                i += 1
                continue
            if m.group("ascii"):
                mode = _ASCII
            elif m.group("kana"):
                mode = _KANA
            elif m.group("two"):
                mode = _TWO_BYTE
            i = m.end()
            continue
        if mode == _TWO_BYTE and not shifted and b != _SO and b != _SI:
            # the whole stretch up to the next escape or shift, token by token at C speed:
            # two-byte characters, and controls and spaces read as they are
            end = _SEGMENT_END.search(data, i)
            stop = end.start() if end else n
            table = _two_byte_table()
            text = "".join([table.get(t, "\ufffd") for t in _TOKEN.findall(data, i, stop)])
            repaired = repaired or "\ufffd" in text
            out.append(text)
            i = stop
            continue
        if b == _SO:
            shifted = True
            i += 1
            continue
        if b == _SI:
            shifted = False
            i += 1
            continue
        if b in _CONTROLS or b < 0x20:
            out.append(chr(b))
            i += 1
            continue
        kana_mode = shifted or mode == _KANA
        if kana_mode or b >= 0x80:
            # half-width katakana: 7-bit in the kana mode, 8-bit in any mode (as some mailers
            # put them in ISO-2022-JP)
            kana = _half_width(b, kana_mode)
            out.append(kana or "\ufffd")
            repaired = repaired or kana is None
            i += 1
            continue
        # ASCII (or Roman) mode, a 7-bit byte
        m = _PRINTABLE_RUN.match(data, i)
        j = m.end() if m else i
        if j == i:  # DEL
            out.append(chr(b))
            i += 1
        else:
            out.append(data[i:j].decode("ascii"))
            i = j
    return "".join(out), repaired


def _half_width(b: int, seven_bit: bool) -> str | None:
    """The half-width katakana byte ``b`` stands for: 0x21–0x5F where ``seven_bit`` (after
    ESC ( I or SO), 0xA1–0xDF anywhere; None for any other byte."""
    if seven_bit and 0x21 <= b <= 0x5F:
        return chr(0xFF61 + b - 0x21)
    if 0xA1 <= b <= 0xDF:
        return chr(0xFF61 + b - 0xA1)
    return None
