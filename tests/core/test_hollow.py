"""Large bodies decoded from the raw bytes (core/hollow.py) must read exactly as the stdlib
parser reads them: the same texts, the same attachment bytes, sizes and hashes — on message
shapes where the cut is made, and where it must not be."""

from __future__ import annotations

import base64
import quopri
import random
from dataclasses import replace

import pytest

from mailwarden.core.hollow import hollow
from mailwarden.core.message import DEFAULT_LIMITS, ParsedMessage, parse_message

CUT = replace(DEFAULT_LIMITS, hollow_min=2000)  # hollow anything over 2 kB
WHOLE = replace(DEFAULT_LIMITS, hollow_min=1 << 62)  # the stdlib parser reads everything

rng = random.Random(11)
BINARY = bytes(rng.randrange(256) for _ in range(30_000))
TEXT = ("ご確認のほど、よろしくお願いいたします。顧客番号 4111 1111 1111 1111\n" * 300).encode("utf-8")


def b64(data: bytes, width: int = 76, eol: bytes = b"\r\n") -> bytes:
    enc = base64.b64encode(data)
    return eol.join(enc[i : i + width] for i in range(0, len(enc), width)) + eol


def multipart(*parts: bytes, eol: bytes = b"\r\n", boundary: bytes = b"b1") -> bytes:
    head = (
        b"From: a@example.jp\r\nTo: b@example.jp\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="' + boundary + b'"\r\n\r\npreamble\r\n'
    )
    body = b"".join(b"--" + boundary + b"\r\n" + p for p in parts) + b"--" + boundary + b"--\r\n"
    return (head + body).replace(b"\r\n", eol)


def attachment(data: bytes, name: str = "a.bin", **kw: object) -> bytes:
    return (
        f'Content-Type: application/octet-stream; name="{name}"\r\n'
        f'Content-Disposition: attachment; filename="{name}"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n"
    ).encode() + b64(data, **kw)  # type: ignore[arg-type]


TEXT_PART = b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + TEXT
SINGLE = b"From: a@example.jp\r\nTo: b@example.jp\r\nSubject: x\r\nMIME-Version: 1.0\r\n"

SHAPES = {
    "attachment": multipart(TEXT_PART, attachment(BINARY)),
    "attachment, LF line ends": multipart(TEXT_PART, attachment(BINARY), eol=b"\n"),
    "attachment, 64-character lines": multipart(attachment(BINARY, width=64)),
    "attachment, odd line length": multipart(attachment(BINARY[:-1], width=71)),
    "two attachments and a signature line": multipart(
        b"Content-Type: text/plain\r\n\r\nhi\r\n-- \r\nTaro\r\n",
        attachment(BINARY, "one.bin"),
        attachment(TEXT, "two.txt"),
    ),
    "nested alternative": multipart(
        b'Content-Type: multipart/alternative; boundary="inner"\r\n\r\n--inner\r\n'
        + TEXT_PART
        + b"--inner\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + b64(b"<p>" + TEXT + b"</p>")
        + b"--inner--\r\n",
        attachment(BINARY),
    ),
    "forwarded message": multipart(
        TEXT_PART,
        b"Content-Type: message/rfc822\r\n\r\n" + multipart(attachment(BINARY), boundary=b"fwd"),
    ),
    "single part, base64 text": SINGLE
    + b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    + b64(TEXT),
    "single part, quoted-printable": SINGLE
    + b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
    + quopri.encodestring(TEXT).replace(b"\n", b"\r\n"),
    "single part, 8bit iso-2022-jp": SINGLE
    + b"Content-Type: text/plain; charset=iso-2022-jp\r\n\r\n"
    + TEXT.decode().encode("iso2022_jp").replace(b"\n", b"\r\n"),
    "single part, base64 attachment": SINGLE
    + b'Content-Type: application/pdf; name="x.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
    + b64(BINARY),
}
#: shapes the cut must leave to the parser (nothing it can place for certain)
NOT_CUT = {
    "base64 with a stray character": multipart(attachment(BINARY).replace(b"A", b"A*", 1)),
    "quoted-printable part in a multipart": multipart(
        b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + quopri.encodestring(TEXT).replace(b"\n", b"\r\n")
    ),
}


def summary(m: ParsedMessage) -> dict[str, object]:
    return {
        "subject": m.subject,
        "texts": m.texts,
        "htmls": m.htmls,
        "attachments": [
            (a.filename, a.content_type, a.size, a.sha256, a.data, a.truncated) for a in m.attachments
        ],
        "uninspected": m.uninspected,
    }


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_cut_bodies_read_as_the_parser_reads_them(name):
    data = SHAPES[name]
    assert hollow(data, CUT.hollow_min)[1] is not None  # the cut is made: the test compares something
    cut, whole = parse_message(data, CUT), parse_message(data, WHOLE)
    assert summary(cut) == summary(whole)
    assert cut.raw is data  # the original bytes, not a copy
    assert cut.texts or cut.attachments


@pytest.mark.parametrize("name", sorted(NOT_CUT))
def test_what_cannot_be_placed_is_left_to_the_parser(name):
    data = NOT_CUT[name]
    assert hollow(data, CUT.hollow_min)[1] is None
    assert summary(parse_message(data, CUT)) == summary(parse_message(data, WHOLE))


def test_limits_hold_for_cut_bodies():
    """Kept bytes and body text are capped as before; size and hash cover the whole part."""
    small = replace(CUT, max_attachment_bytes=1000, max_body_chars=500)
    for data in (SHAPES["attachment"], SHAPES["single part, base64 text"]):
        cut, whole = parse_message(data, small), parse_message(data, replace(small, hollow_min=1 << 62))
        assert summary(cut) == summary(whole)
    att = parse_message(SHAPES["attachment"], small).attachments[0]
    assert att.truncated and len(att.data) == 1000 and att.size == len(BINARY)


def test_a_marker_written_by_the_sender_is_only_text():
    """The marker carries a secret nonce: text that imitates one is read as text."""
    data = SHAPES["attachment"]
    _, holes = hollow(data, CUT.hollow_min)
    assert holes is not None
    forged = multipart(b"Content-Type: text/plain\r\n\r\n" + holes.marker.encode()[:-17] + b"0\r\n")
    parsed = parse_message(forged + b"x" * 3000, CUT)
    assert parsed.texts and "MWHOLLOW" in parsed.texts[0]
    assert parsed.attachments == []
