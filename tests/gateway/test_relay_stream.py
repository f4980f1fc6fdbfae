"""The relay sends DATA from blocks of a spool file (relay.dot_stuffed): whatever the block
boundaries, the bytes on the wire must be those smtplib sends for the whole message at once
(line ends made CRLF, a leading dot doubled, CRLF.CRLF at the end)."""

from __future__ import annotations

import random
import re
import smtplib

from mailwarden.gateway.relay import MessageFile, dot_stuffed


def smtplib_wire(msg: bytes) -> bytes:
    """What smtplib.SMTP.data() puts on the wire, its line-end repair included."""
    q = smtplib._quote_periods(re.sub(rb"(?:\r\n|\n|\r(?!\n))", b"\r\n", msg))  # type: ignore[attr-defined]
    if q[-2:] != b"\r\n":
        q += b"\r\n"
    return q + b".\r\n"


def test_blocks_send_what_smtplib_sends_for_the_whole():
    rng = random.Random(7)
    atoms = [b"a", b"text ", b".", b"..", b"\r\n", b"\r\n.", b"\r", b"\n", b"\n.", b"x" * 300]
    for _ in range(2000):
        msg = b"".join(rng.choice(atoms) for _ in range(rng.randrange(0, 60)))
        cuts = sorted(rng.sample(range(len(msg) + 1), min(len(msg) + 1, rng.randrange(0, 6))))
        blocks = [msg[a:b] for a, b in zip([0, *cuts], [*cuts, len(msg)], strict=True)]
        assert b"".join(dot_stuffed(blocks)) == smtplib_wire(msg), (msg, blocks)


def test_a_spool_file_is_streamed_from_its_offset_with_the_prefix(tmp_path):
    body = b"Subject: x\r\n\r\n" + b"".join(b".line %d\r\n" % i for i in range(50_000))
    path = tmp_path / "msg"
    path.write_bytes(b"MWSPOOL1 {}\n" + body)
    message = MessageFile(path, len(b"MWSPOOL1 {}\n"), b"X-Id: 1\r\n")
    assert len(message) == len(body) + len(b"X-Id: 1\r\n")
    blocks = list(message.blocks(size=4096))
    assert len(blocks) > 100  # streamed, not read whole
    assert b"".join(dot_stuffed(blocks)) == smtplib_wire(b"X-Id: 1\r\n" + body)


def test_lines_longer_than_the_carry_are_sent_on_without_splitting_a_line_end():
    msg = b".a" * (1 << 19) + b"\r" + b"\n.b" + b"c" * (1 << 20) + b"\r\r\n" + b"." + b"d" * (3 << 20)
    for size in (65536, (1 << 20) + 1, 1 << 22):
        blocks = [msg[i : i + size] for i in range(0, len(msg), size)]
        assert b"".join(dot_stuffed(blocks)) == smtplib_wire(msg), size
