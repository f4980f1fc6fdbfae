"""Postfix (Debian's) in front: a client submits to Postfix, Postfix relays to the gateway
(its relayhost), the gateway relays onward to the sink — and a refusal by the gateway comes
back to the sender as Postfix's own bounce, with the policy's reason in it."""

from __future__ import annotations

import email
import smtplib
from collections.abc import Iterator

import pytest

from tests.gateway.mail import mail
from tests.support.postfix import PostfixServer
from tests.support.smtpsink import wait_until

pytestmark = pytest.mark.smtp

POLICY = """
internal_domains: [example.co.jp]
keywords: [{id: secret-project, words: [極秘プロジェクト]}]
rules:
  - id: block-secret-project
    when: {keyword: secret-project}
    action: block
    reason: 極秘プロジェクトの情報は社外へ送れません (secret project)
  - id: hold-cards
    when: {detector: credit-card, recipients: external}
    action: hold
"""


@pytest.fixture
def chain(start_gateway, sink) -> Iterator[tuple[PostfixServer, object]]:
    gw = start_gateway(POLICY)
    postfix = PostfixServer(gw.port, direct={"example.co.jp": sink.port}).start()
    try:
        yield postfix, gw
    finally:
        postfix.stop()


def test_postfix_relays_through_the_gateway(chain, sink):
    postfix, gw = chain
    with smtplib.SMTP("127.0.0.1", postfix.port, timeout=10) as s:
        s.sendmail("taro@example.co.jp", ["buyer@partner.example"], mail("来週の打ち合わせについて"))
        s.sendmail("taro@example.co.jp", ["buyer@partner.example"], mail("極秘プロジェクトの資料"))
        s.sendmail("taro@example.co.jp", ["buyer@partner.example"], mail("カード 4111 1111 1111 1111"))
    got = wait_until(lambda: [m for m in sink.sink.messages if m.mail_from == "taro@example.co.jp"], 60)
    assert len(got) == 1
    relayed = email.message_from_bytes(got[0].data)
    assert got[0].spool_id and "mta.example.test" in relayed["Received"]
    assert "来週の打ち合わせ" in relayed.get_payload(decode=True).decode()
    # the refusal: Postfix bounces to the (internal) sender, and the bounce says why
    bounce = wait_until(lambda: [m for m in sink.sink.messages if m.mail_from in ("", "<>")], 60)[0]
    assert bounce.rcpt_tos == ["taro@example.co.jp"] and bounce.spool_id is None
    text = " ".join(bounce.data.decode("utf-8", "replace").split())  # Postfix folds long lines
    assert "said: 550 5.7.1 極秘プロジェクトの情報は社外へ送れません (secret project)" in text
    # the held one waits for an approver, then goes out
    held = wait_until(lambda: gw.gateway.spool.ids("held"), 30)
    gw.gateway.queues.release(held[0], "cli:approver")
    out = wait_until(lambda: [m for m in sink.sink.messages if m.spool_id == held[0]], 30)
    assert out[0].rcpt_tos == ["buyer@partner.example"]
    assert "status=bounced" in postfix.log() and "550 5.7.1" in postfix.log()
