"""Faults and bad input: the next hop refusing or gone and coming back, a refusal for good,
a full spool, a failed screen, SMTP smuggling, oversized lines, pipelining abuse, and hostile
content — clean SMTP replies, and every message answered 250 delivered or queued, never lost."""

from __future__ import annotations

import email.policy
import io
import smtplib
import socket
import zipfile
from pathlib import Path

import pytest

from mailwarden.gateway import screen as screen_module
from mailwarden.gateway import server as server_module
from tests.gateway.mail import mail
from tests.gateway.test_flow import send_reply
from tests.support.smtpsink import SinkServer, wait_until

pytestmark = pytest.mark.smtp

OPEN = """
internal_domains: [example.co.jp]
rules:
  - {id: hold-unscannable, when: {unscannable: true}, action: hold}
  - {id: tag-external, when: {recipients: external}, action: tag_subject, tag: "[EXT]"}
"""


def test_next_hop_refusing_then_back(start_gateway, sink):
    gw = start_gateway(OPEN)
    sink.sink.refuse = "451 4.3.0 try again later"
    ids = [
        send_reply(gw.port, mail(f"本文 {i}"), ["a@example.co.jp"])[1].rsplit(" ", 1)[-1] for i in range(5)
    ]
    wait_until(lambda: sink.sink.refused_count >= 10)  # each tried, and tried again
    spool = gw.gateway.spool

    def queued_or_claimed() -> set[str]:
        return set(spool.ids("queue")) | {p.name.split(".")[0] for p in (spool.root / "tmp").iterdir()}

    assert sink.sink.messages == [] and wait_until(lambda: queued_or_claimed() == set(ids))
    sink.sink.refuse = None
    got = sink.sink.wait(5)
    assert sorted(m.spool_id for m in got) == sorted(ids)
    wait_until(lambda: not gw.gateway.spool.ids("queue"))
    assert len(sink.sink.messages) == 5


def test_next_hop_down_then_started(start_gateway, sink):
    port = sink.port
    sink.stop()
    gw = start_gateway(OPEN)
    code, text = send_reply(gw.port, mail("停止中"), ["a@example.co.jp"])
    assert code == 250, text
    sid = text.rsplit(" ", 1)[-1]
    wait_until(lambda: gw.gateway.stats["deferred"] >= 2)
    # kept for the next try: in the queue between tries (a relay worker may hold it for a moment)
    wait_until(lambda: gw.gateway.spool.ids("queue") == [sid])
    again = SinkServer(port).start()
    try:
        got = again.sink.wait(1)
        assert [m.spool_id for m in got] == [sid]
    finally:
        again.stop()


def test_refused_for_good_for_one_recipient(start_gateway, sink):
    sink.sink.refuse_rcpt["nobody@example.co.jp"] = "550 5.1.1 no such user"
    gw = start_gateway(OPEN)
    _, text = send_reply(gw.port, mail("二名宛"), ["a@example.co.jp", "nobody@example.co.jp"])
    sid = text.rsplit(" ", 1)[-1]
    got = sink.sink.wait(2)
    delivered = [m for m in got if m.spool_id == sid]
    assert len(delivered) == 1 and delivered[0].rcpt_tos == ["a@example.co.jp"]
    dsn = [m for m in got if m.rcpt_tos == ["taro@example.co.jp"]]
    assert len(dsn) == 1 and b"550 5.1.1 no such user" in dsn[0].data
    failed = gw.gateway.spool.read(sid, "failed")[0]
    assert failed["rcpt_tos"] == ["nobody@example.co.jp"]


def test_full_spool_answers_451_and_stores_nothing(start_gateway, sink):
    gw = start_gateway(OPEN, max_spool=500)
    with smtplib.SMTP("127.0.0.1", gw.port, timeout=10) as s:
        with pytest.raises(smtplib.SMTPDataError) as err:
            s.sendmail("taro@example.co.jp", ["a@example.co.jp"], mail("x" * 2000))
        assert err.value.smtp_code == 451
        s.noop()  # the session goes on
    assert gw.gateway.spool.used == 0 and sink.sink.messages == []


def test_failed_screen_holds_the_message(start_gateway, sink, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("detector crashed")

    monkeypatch.setattr(server_module, "screen_file", broken)
    gw = start_gateway(OPEN)
    code, text = send_reply(gw.port, mail("本文"), ["a@partner.example"])
    assert code == 250, text
    meta, _ = gw.gateway.spool.read(text.rsplit(" ", 1)[-1], "held")
    assert meta["record"]["rules"][0]["rule"] == "gateway.screen-failed"
    assert screen_module.screen is not broken


def _talk(port: int, payload: bytes, replies: int) -> list[str]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        f = sock.makefile("rb")
        lines = [f.readline().decode()]  # greeting
        sock.sendall(payload)
        while len([x for x in lines[1:] if x[3:4] == " "]) < replies:
            line = f.readline().decode()
            if not line:
                break
            lines.append(line)
        return [x.strip() for x in lines[1:] if x[3:4] == " "]


def test_smtp_smuggling_is_refused(start_gateway, sink):
    gw = start_gateway(OPEN)
    smuggled = (
        b"EHLO client\r\nMAIL FROM:<taro@example.co.jp>\r\nRCPT TO:<a@example.co.jp>\r\nDATA\r\n"
        b"Subject: first\r\n\r\nhello\n.\nMAIL FROM:<ceo@example.co.jp>\r\nRCPT TO:<victim@example.co.jp>\r\n"
        b"DATA\r\nSubject: smuggled\r\n\r\npay now\r\n.\r\nNOOP\r\n"
    )
    replies = _talk(gw.port, smuggled, 6)
    assert replies[-2].startswith("550 5.5.2") and replies[-1].startswith("250")
    for variant in (b"hello\r\n.\nMAIL", b"hello\r.\rMAIL"):
        payload = (
            b"EHLO c\r\nMAIL FROM:<taro@example.co.jp>\r\nRCPT TO:<a@example.co.jp>\r\nDATA\r\n"
            + b"Subject: x\r\n\r\n"
            + variant
            + b" FROM:<x@y>\r\n.\r\n"
        )
        assert _talk(gw.port, payload, 5)[-1].startswith("550 5.5.2")
    assert sink.sink.messages == [] and gw.gateway.spool.used == 0


def test_oversized_lines_and_pipelining_abuse(start_gateway, sink):
    gw = start_gateway(OPEN)
    long_line = b"EHLO c\r\nMAIL FROM:<taro@example.co.jp>\r\nRCPT TO:<a@example.co.jp>\r\nDATA\r\n"
    long_line += b"Subject: long\r\n\r\n" + b"x" * 5000 + b"\r\n.\r\nNOOP\r\n"
    replies = _talk(gw.port, long_line, 6)
    assert replies[-2].startswith("500") and replies[-1].startswith("250")
    burst = b"EHLO c\r\n" + b"NOOP\r\nRSET\r\n" * 500
    burst += b"MAIL FROM:<taro@example.co.jp>\r\nRCPT TO:<a@example.co.jp>\r\nDATA\r\n"
    burst += b"Subject: after\r\n\r\nstill here\r\n.\r\nQUIT\r\n"
    replies = _talk(gw.port, burst, 1006)
    assert len(replies) == 1006 and replies[-2].startswith("250 2.0.0 Ok: queued as")
    assert [m for m in sink.sink.wait(1) if b"still here" in m.data]
    overlong_command = _talk(gw.port, b"EHLO " + b"a" * 2000 + b"\r\nNOOP\r\n", 2)
    assert overlong_command[0].startswith("500") and overlong_command[1].startswith("250")


def _zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("zeros.txt", b"0" * (200 << 20))
    return buf.getvalue()


def _many_members() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(1000):
            zf.writestr(f"f{i}.txt", f"row {i}")
    return buf.getvalue()


def _with_attachment(name: str, payload: bytes, ctype: str = "application/octet-stream") -> bytes:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "taro@example.co.jp"
    msg["To"] = "a@example.co.jp"
    msg["Subject"] = "添付"
    msg.set_content("添付します")
    maintype, subtype = ctype.split("/")
    msg.add_attachment(payload, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes(policy=email.policy.SMTP)


CRLF = "\r\n"
HOSTILE = {
    "malformed-mime": (
        b'From: a@example.co.jp\r\nContent-Type: multipart/mixed; boundary="zz"\r\n\r\n'
        b"--zz\r\nContent-Type: text/plain\r\n\r\nno end"
    ),
    "bad-charset": (
        b"From: a@example.co.jp\r\nSubject: =?x-unknown?B?gqCCog==?=\r\n"
        b"Content-Type: text/plain; charset=x-unknown\r\n\r\n\x82\xa0\x82\xa2\r\n"
    ),
    "8bit-headers": CRLF.join(
        ["From: 山田 <a@example.co.jp>", "Subject: 未エンコードの件名", "", "本文", ""]
    ).encode("cp932"),
    "iso-2022-jp": CRLF.join(
        ["Subject: test", "Content-Type: text/plain; charset=iso-2022-jp", "", "①㈱の資料", ""]
    ).encode("iso2022_jp_ext", "replace"),
    "zip-bomb": None,
    "1000-members": None,
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_content_gets_a_clean_reply_and_is_not_lost(start_gateway, sink, kind):
    gw = start_gateway(OPEN)
    data = HOSTILE[kind]
    if kind == "zip-bomb":
        data = _with_attachment("bomb.zip", _zip_bomb(), "application/zip")
    elif kind == "1000-members":
        data = _with_attachment("many.zip", _many_members(), "application/zip")
    assert data is not None
    code, text = send_reply(gw.port, data, ["a@example.co.jp"])
    assert code == 250, text
    sid = text.rsplit(" ", 1)[-1]
    if kind in ("zip-bomb", "1000-members"):  # over a limit: unscannable, held per the policy
        meta, _ = gw.gateway.spool.read(sid, "held")
        assert meta["record"]["unscannable"] and meta["record"]["rules"][0]["rule"] == "hold-unscannable"
    else:
        assert wait_until(lambda: [m for m in sink.sink.messages if m.spool_id == sid])


def test_encrypted_zip_and_50_mb_attachment(start_gateway, sink):
    gw = start_gateway(OPEN)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(3):
            zf.writestr(f"名簿{i}.csv", "氏名,電話\n")
    encrypted = bytearray(buf.getvalue())
    # mark every member encrypted (general-purpose flag bit 0), as an encrypting archiver would
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = encrypted.find(sig)
        while i >= 0:
            encrypted[i + off] |= 1
            i = encrypted.find(sig, i + 4)
    code, text = send_reply(
        gw.port, _with_attachment("secret.zip", bytes(encrypted), "application/zip"), ["a@example.co.jp"]
    )
    assert code == 250
    meta, _ = gw.gateway.spool.read(text.rsplit(" ", 1)[-1], "held")
    assert any("encrypted" in u["reason"] for u in meta["record"]["unscannable"])
    big = _with_attachment("big.bin", bytes(range(256)) * (50 * 4096))
    assert len(big) > 50 << 20
    code, text = send_reply(gw.port, big, ["a@example.co.jp"])
    assert code == 250, text
    meta, data = gw.gateway.spool.read(text.rsplit(" ", 1)[-1], "held")
    assert meta["record"]["unscannable"] and data == big
    gw.gateway.queues.release(meta["id"], "cli:admin")
    got = wait_until(lambda: [m for m in sink.sink.messages if m.spool_id == meta["id"]], 60)
    assert got[0].data.endswith(big)


def test_fast_address_parsing_agrees_with_aiosmtpd():
    from aiosmtpd.smtp import SMTP

    from mailwarden.gateway.smtpd import GatewaySMTP

    ours, theirs = GatewaySMTP(object(), incoming_dir=Path()), SMTP(object())
    args = ["<a@b.example>", "<a@b.example> SIZE=100 BODY=8BITMIME", " <x.y+z@sub.d-e.example>", "<>", "a@b"]
    args += ['<"q s"@x>', "<a@b", "<@route:a@b>", "<ａ@b>", "<a b@c>", "<a@b>>", ""]
    for arg in args:
        assert ours._getaddr(arg) == theirs._getaddr(arg), arg


def test_screening_in_a_worker_process_and_its_death(start_gateway, sink):
    """With --scan-processes the policy runs in a worker process; if that process dies, the
    message being screened is held (not lost, not let through) and a new worker takes over."""
    import os
    import signal

    gw = start_gateway(
        OPEN + "  - {id: hold-cards, when: {detector: credit-card}, action: hold}\n", scan_processes=1
    )
    code, text = send_reply(gw.port, mail("カード 4111 1111 1111 1111"), ["a@example.co.jp"])
    assert code == 250
    meta, _ = gw.gateway.spool.read(text.rsplit(" ", 1)[-1], "held")
    assert meta["record"]["rules"][0]["rule"] == "hold-cards"
    for pid in list(gw.gateway._scan._processes):
        os.kill(pid, signal.SIGKILL)
    code, text = send_reply(gw.port, mail("本文"), ["a@example.co.jp"])
    assert code == 250
    meta, _ = gw.gateway.spool.read(text.rsplit(" ", 1)[-1], "held")
    assert meta["record"]["rules"][0]["rule"] == "gateway.screen-failed"
    code, text = send_reply(gw.port, mail("次の本文"), ["a@example.co.jp"])
    sid = text.rsplit(" ", 1)[-1]
    assert code == 250 and wait_until(lambda: [m for m in sink.sink.messages if m.spool_id == sid])


def test_spool_full_while_the_next_hop_is_down_loses_and_sticks_nothing(start_gateway, sink):
    # Messages are accepted, the next hop refuses, and meanwhile the spool fills up (here: its
    # limit drops below what it holds). Every retry must put the message back in the queue
    # without asking for room it already has — before, SpoolFull left it claimed in tmp/,
    # retried by nobody until a restart.
    gw = start_gateway(OPEN)
    sink.sink.refuse = "451 4.3.0 try again later"
    ids = [
        send_reply(gw.port, mail(f"満杯 {i}"), ["a@example.co.jp"])[1].rsplit(" ", 1)[-1] for i in range(20)
    ]
    spool = gw.gateway.spool
    spool.max_bytes = 1  # full from now on
    refused_before = sink.sink.refused_count
    wait_until(lambda: sink.sink.refused_count >= refused_before + 40)  # each retried twice more
    assert not [
        p for p in (spool.root / "tmp").iterdir() if p.name.endswith(".claim") and not _inflight(gw, p)
    ]
    sink.sink.refuse = None
    got = sink.sink.wait(20)
    wait_until(lambda: not spool.ids("queue") and not list((spool.root / "tmp").iterdir()))
    # all 20 delivered, each once
    assert sorted(m.spool_id for m in sink.sink.messages) == sorted(ids) == sorted(m.spool_id for m in got)


def _inflight(gw, claim) -> bool:
    return claim.name.split(".")[0] in gw.gateway._inflight
