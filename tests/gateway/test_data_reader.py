"""The gateway reads DATA in blocks, not lines: on the same raw sessions it must answer and
keep exactly what aiosmtpd's own line reader does (dot-unstuffing, empty messages, the end
split across reads, pipelined commands after the end, long lines, the size limit)."""

from __future__ import annotations

import socket
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP

from mailwarden.gateway.smtpd import GatewaySMTP
from tests.support.nsd import free_port

pytestmark = pytest.mark.smtp


class Keep:
    def __init__(self) -> None:
        self.contents: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        incoming = getattr(server, "incoming", None)  # the gateway's reader writes to a file
        self.contents.append(incoming.path.read_bytes() if incoming else envelope.original_content)
        return "250 kept"


class Server(Controller):  # a Controller building the given SMTP class
    def __init__(self, cls: type[SMTP], **options: Any) -> None:
        self.keep = Keep()
        self.cls = cls
        self.options = options
        super().__init__(self.keep, hostname="127.0.0.1", port=free_port())

    def factory(self) -> SMTP:
        return self.cls(self.handler, data_size_limit=200_000, **self.options)


def session(port: int, payload: bytes, replies: int) -> list[str]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        f = sock.makefile("rb")
        f.readline()
        for i in range(0, len(payload), 7000):  # in pieces: the end may fall across reads
            sock.sendall(payload[i : i + 7000])
        out: list[str] = []
        while len(out) < replies:
            line = f.readline().decode()
            if not line:
                break
            if line[3:4] == " ":
                out.append(line.strip())
        return out


HEAD = b"EHLO c\r\nMAIL FROM:<a@example.jp>\r\nRCPT TO:<b@example.jp>\r\nDATA\r\n"
BODIES = {
    "plain": b"Subject: x\r\n\r\nhello\r\n",
    "empty": b"",
    "dots": b"..leading dot\r\n.\r\n".replace(b".\r\n", b"..\r\n") + b"...three\r\nend.\r\n",
    "big": b"".join(b"line %06d " % i + b"x" * 60 + b"\r\n" for i in range(2500)),
    "long-line": b"Subject: x\r\n\r\n" + b"y" * 1500 + b"\r\n",
    "too-much": b"z" * 998 + b"\r\n" + (b"w" * 998 + b"\r\n") * 300,
    "edge-999": b"q" * 999 + b"\r\n",
    "edge-1000": b"q" * 1000 + b"\r\n",
    "too-much-at-once": b"v" * 998 + b"\r\n" + (b"u" * 998 + b"\r\n") * 199 + b"end\r\n",
    "huge-line": b"Subject: x\r\n\r\n" + b"h" * 150_000 + b"\r\n",
    "long-then-much": b"x" * 1500 + b"\r\n" + (b"w" * 998 + b"\r\n") * 300,
    "much-then-long": (b"w" * 998 + b"\r\n") * 201 + b"y" * 1500 + b"\r\n",
    "dot-lines": b"..\r\n" * 20_000 + b".x\r\n",
    "bare-ends": b"a\rb\nc\r\r\n\n.\r\n".replace(b".\r\n", b"..\r\n") + b"\n\r\n",
}


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    incoming = tmp_path_factory.mktemp("incoming")
    ours, theirs = Server(GatewaySMTP, incoming_dir=incoming), Server(SMTP)
    ours.start()
    theirs.start()
    yield ours, theirs
    ours.stop()
    theirs.stop()


@pytest.mark.parametrize("name", sorted(BODIES))
def test_same_replies_and_content_as_aiosmtpd(servers, name):
    ours, theirs = servers
    payload = HEAD + BODIES[name] + b".\r\nNOOP\r\nMAIL FROM:<c@example.jp>\r\nQUIT\r\n"
    results = []
    for server in (ours, theirs):
        server.keep.contents.clear()
        replies = session(server.port, payload, 8)
        results.append((replies[3:], list(server.keep.contents)))
    assert results[0] == results[1]
    assert results[0][0][-3:] == ["250 OK", "250 OK", "221 Bye"]  # pipelined commands after the end


def test_bare_line_ends_found_by_counting_as_by_the_regex():
    """The gateway finds a bare CR or LF by counting CRs, LFs and CRLFs: on random byte strings
    of those characters, the same answer as the regex that defines it."""
    import random

    from mailwarden.gateway.smtpd import BARE_EOL, has_bare_eol

    rng = random.Random(31)
    for _ in range(5000):
        data = bytes(rng.choice(b"\r\n.a") for _ in range(rng.randrange(0, 12)))
        assert has_bare_eol(data) == (BARE_EOL.search(data) is not None), data


def test_random_sessions_match_aiosmtpd(servers):
    """Bodies put together at random from line ends, dots and runs of text — every way the
    end, a dot or a CRLF can fall across the 7000-byte pieces and the reader's blocks."""
    import random

    ours, theirs = servers
    rng = random.Random(5)
    atoms = [b"a", b"text ", b".", b"..", b"\r\n", b"\r\n.", b"\r", b"\n", b"x" * 997, b"y" * 6999]
    for _ in range(120):
        body = b"".join(rng.choice(atoms) for _ in range(rng.randrange(0, 400)))
        if not body.endswith(b"\r\n"):
            body += b"\r\n"
        while b"\r\n.\r\n" in b"\r\n" + body:  # no early end: compare whole bodies
            body = (b"\r\n" + body).replace(b"\r\n.\r\n", b"\r\n..\r\n")[2:]
        payload = HEAD + body + b".\r\nNOOP\r\nQUIT\r\n"
        results = []
        for server in (ours, theirs):
            server.keep.contents.clear()
            replies = session(server.port, payload, 7)
            results.append((replies[3:], list(server.keep.contents)))
        assert results[0] == results[1], body[:200]


def test_the_received_file_is_removed_after_the_reply(servers):
    ours, _ = servers
    session(ours.port, HEAD + b"Subject: x\r\n\r\nhello\r\n.\r\nQUIT\r\n", 6)
    assert ours.keep.contents[-1] == b"Subject: x\r\n\r\nhello\r\n"
    assert list(ours.options["incoming_dir"].iterdir()) == []
