"""A real client (smtplib) → the gateway → a downstream aiosmtpd sink: what each policy action
does to a message, and the hold and delay queues."""

from __future__ import annotations

import email
import smtplib
from email.header import decode_header, make_header

import pytest

from mailwarden.core.errors import InputError
from mailwarden.gateway import incidents
from mailwarden.gateway.models import Incident
from mailwarden.gateway.spool import decode
from tests.gateway.mail import mail
from tests.support.smtpsink import wait_until

pytestmark = pytest.mark.smtp

CARD = "4111 1111 1111 1111"
MY_NUMBER = "123456789018"


def send(port: int, data: bytes, rcpts: list[str], sender: str = "taro@example.co.jp") -> str:
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as s:
        s.sendmail(sender, rcpts, data)
        # the last reply names the queue id
        return s.noop() and ""  # type: ignore[return-value]


def send_reply(
    port: int, data: bytes, rcpts: list[str], sender: str = "taro@example.co.jp"
) -> tuple[int, str]:
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as s:
        s.ehlo()
        s.mail(sender)
        for r in rcpts:
            s.rcpt(r)
        code, text = s.data(data)
        return code, text.decode()


def subject_of(data: bytes) -> str:
    return str(make_header(decode_header(email.message_from_bytes(data)["Subject"])))


def test_clean_internal_mail_is_relayed_with_its_spool_id(start_gateway, sink):
    gw = start_gateway()
    code, text = send_reply(gw.port, mail("予定の件です。"), ["hanako@example.co.jp"])
    assert code == 250 and "queued as" in text
    sid = text.rsplit(" ", 1)[-1]
    got = sink.sink.wait(1)
    assert len(got) == 1 and got[0].rcpt_tos == ["hanako@example.co.jp"]
    assert (
        got[0].spool_id == sid
        and "予定の件です。" in email.message_from_bytes(got[0].data).get_payload(decode=True).decode()
    )
    wait_until(
        lambda: not gw.gateway.spool.ids("queue") and not list((gw.gateway.spool.root / "tmp").iterdir())
    )


def test_block_answers_550_with_the_reason_and_keeps_nothing(start_gateway, sink, store):
    gw = start_gateway(store=store)
    code, text = send_reply(gw.port, mail(f"マイナンバー {MY_NUMBER} です"), ["hanako@example.co.jp"])
    assert code == 550 and "My Number may not leave the company" in text
    inc = wait_until(lambda: incidents.listing(store))
    assert inc[0].state == "blocked" and inc[0].evidence["counts"] == {"jp.my-number": 1}
    stored = repr([inc[0].evidence, inc[0].subject])
    assert MY_NUMBER not in stored and "1234 **** 9018" in stored
    assert sink.sink.messages == [] and gw.gateway.spool.used == 0


def test_hold_then_release_by_an_approver(start_gateway, sink, store):
    gw = start_gateway(store=store)
    code, text = send_reply(gw.port, mail(f"カード {CARD} で決済"), ["buyer@partner.example"])
    assert code == 250
    sid = text.rsplit(" ", 1)[-1]
    assert gw.gateway.spool.ids("held") == [sid]
    # the approver is told (masked), the message itself waits
    notice = sink.sink.wait(1)[0]
    assert notice.rcpt_tos == ["approver@example.co.jp"] and CARD.encode() not in notice.data
    assert b"4111 **** **** 1111" in email.message_from_bytes(notice.data).get_payload(decode=True)
    inc = wait_until(lambda: incidents.listing(store))[0]
    assert inc.state == "held" and inc.spool_id == sid
    gw.gateway.queues.release(sid, "web:approver", "ok, contract")
    got = sink.sink.wait(3)
    relayed = [m for m in got if m.spool_id == sid]
    assert len(relayed) == 1 and relayed[0].rcpt_tos == ["buyer@partner.example"]
    released_notice = [m for m in got if m.rcpt_tos == ["taro@example.co.jp"]]
    assert len(released_notice) == 1
    found = incidents.get(store, inc.id)
    assert found is not None
    inc, log = found
    assert inc.state == "released" and inc.decided_by == "web:approver"
    assert [(e.actor, e.action, e.detail) for e in log] == [("web:approver", "release", "ok, contract")]


def test_reject_tells_the_sender_and_drops_the_message(start_gateway, sink, store):
    gw = start_gateway(store=store)
    _, text = send_reply(gw.port, mail(f"カード {CARD}"), ["buyer@partner.example"])
    sid = text.rsplit(" ", 1)[-1]
    sink.sink.wait(1)  # the approver's notice
    gw.gateway.queues.reject(sid, "cli:boss", "not allowed")
    got = sink.sink.wait(2)
    assert not any(m.spool_id == sid and m.rcpt_tos == ["buyer@partner.example"] for m in got)
    to_sender = [m for m in got if m.rcpt_tos == ["taro@example.co.jp"]]
    assert (
        len(to_sender) == 1
        and "not allowed" in email.message_from_bytes(to_sender[0].data).get_payload(decode=True).decode()
    )
    assert gw.gateway.spool.ids("held") == []
    with pytest.raises(InputError):
        gw.gateway.queues.release(sid, "cli:boss")
    assert wait_until(lambda: incidents.listing(store, state="rejected"))


def test_delay_is_cancelled_by_the_sender_or_sent_when_due(start_gateway, sink, store):
    gw = start_gateway(store=store)
    _, text = send_reply(gw.port, mail("見積書を送ります"), ["buyer@partner.example"])
    sid = text.rsplit(" ", 1)[-1]
    meta, _ = gw.gateway.spool.read(sid, "delayed")
    assert 290 < meta["record"]["release_at"] - meta["received"] <= 300
    notice = sink.sink.wait(1)[0]
    body = email.message_from_bytes(notice.data).get_payload(decode=True).decode()
    assert notice.rcpt_tos == ["taro@example.co.jp"] and f"/gateway/cancel/{sid}?t=" in body
    gw.gateway.queues.cancel(sid, "sender:taro@example.co.jp")
    assert gw.gateway.spool.ids("delayed") == []
    # a second one whose time has come goes out without anyone acting
    _, text = send_reply(gw.port, mail("二通目"), ["buyer@partner.example"])
    sid2 = text.rsplit(" ", 1)[-1]
    meta, data = gw.gateway.spool.read(sid2, "delayed")
    meta["record"]["release_at"] = 0
    gw.gateway.spool.rewrite("delayed", sid2, meta, data)
    gw.gateway._delayed.pop(sid2, None)
    got = wait_until(lambda: [m for m in sink.sink.messages if m.spool_id == sid2])
    assert got[0].rcpt_tos == ["buyer@partner.example"]
    assert not any(m.spool_id == sid for m in sink.sink.messages)
    states = {
        i.spool_id: i.state
        for i in wait_until(lambda: len(incidents.listing(store)) == 2 and incidents.listing(store))
    }
    assert states[sid] == "cancelled"
    wait_until(lambda: {i.spool_id: i.state for i in incidents.listing(store)}[sid2] == "released")


def test_tag_and_forced_bcc_change_the_relayed_copy(start_gateway, sink):
    policy = """
internal_domains: [example.co.jp]
keywords: [{id: confidential, words: [社外秘]}]
rules:
  - {id: tag, when: {keyword: confidential}, action: tag_subject, tag: "[社外秘]"}
  - {id: bcc, when: {external_recipients_over: 2}, action: force_bcc}
  - {id: mark, when: {recipients: external}, action: add_header, header: "X-DLP: checked"}
"""
    gw = start_gateway(policy)
    outside = ["a@one.example", "b@two.example", "c@three.example"]
    send_reply(gw.port, mail("社外秘の資料です", subject="資料送付", to=outside), outside)
    got = sink.sink.wait(1)[0]
    msg = email.message_from_bytes(got.data)
    assert subject_of(got.data) == "[社外秘] 資料送付"
    assert msg["To"] == "undisclosed-recipients:;" and msg["Cc"] is None
    assert msg["X-DLP"] == "checked" and sorted(got.rcpt_tos) == sorted(outside)
    assert "社外秘の資料です" in msg.get_payload(decode=True).decode()


def test_test_mode_delivers_unchanged_and_records_what_would_happen(start_gateway, sink, store):
    from tests.gateway.conftest import POLICY

    gw = start_gateway(POLICY + "test_mode: true\n", store=store)
    data = mail(f"マイナンバー {MY_NUMBER}")
    code, _ = send_reply(gw.port, data, ["x@partner.example"])
    assert code == 250
    got = sink.sink.wait(1)[0]
    assert got.data.endswith(data)
    inc = wait_until(lambda: incidents.listing(store))[0]
    assert inc.test_mode and inc.action == "block" and inc.state == "delivered"


def test_store_holds_no_full_values(start_gateway, sink, store):
    gw = start_gateway(store=store)
    send_reply(
        gw.port,
        mail(f"カード {CARD} / マイナンバー {MY_NUMBER}", subject=f"番号 {MY_NUMBER}"),
        ["x@partner.example"],
    )
    inc: Incident = wait_until(lambda: incidents.listing(store))[0]
    text = repr((inc.subject, inc.evidence))
    assert "1111 1111" not in text and MY_NUMBER not in text and "1234 **** 9018" in inc.subject
    # a held message: its spool header keeps masked evidence only (the bytes are the message)
    _, text = send_reply(gw.port, mail(f"カード {CARD}"), ["x@partner.example"])
    sid = text.rsplit(" ", 1)[-1]
    blob = (gw.gateway.spool.root / "held" / sid).read_bytes()
    meta, data = decode(blob)
    assert CARD not in repr(meta) and "4111 **** **** 1111" in repr(meta) and CARD.encode() in data
