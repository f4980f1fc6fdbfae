"""End to end: a campaign handed to Postfix, which relays it to the organisation's mail store —
Dovecot's LDA delivering into Maildir mailboxes — and the mail read back over IMAP with its
marker and its recipient's own links."""

from __future__ import annotations

import imaplib
import subprocess
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from mailwarden.core import simmark
from mailwarden.core.store import Store
from mailwarden.simulate import campaigns as cmp
from mailwarden.simulate.compose import CONTACT_HEADER, links
from mailwarden.simulate.sender import send_due
from tests.simulate.test_campaigns import T0, make, recipients, seed, settings
from tests.support.dovecot import DovecotServer
from tests.support.nsd import free_port
from tests.support.postfix import PostfixServer
from tests.support.smtpsink import wait_until

pytestmark = [pytest.mark.smtp, pytest.mark.imap]
KEY = "k" * 40
LDA = "/usr/lib/dovecot/dovecot-lda"
PEOPLE = {"u0": "pass-u0", "u1": "pass-u1", "u2": "pass-u2"}


class _Lda:
    """The organisation's mail store's SMTP side: each message Postfix relays is delivered by
    Dovecot's LDA into the mailbox of its recipient's local part."""

    def __init__(self, dovecot: DovecotServer) -> None:
        self.dovecot = dovecot
        self.errors: list[str] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        for rcpt in envelope.rcpt_tos:
            user = rcpt.split("@", 1)[0]
            done = subprocess.run(
                [
                    LDA,
                    "-c",
                    str(self.dovecot.dir / "dovecot.conf"),
                    "-d",
                    user,
                    "-f",
                    envelope.mail_from or "",
                ],
                input=envelope.original_content or b"",
                capture_output=True,
                timeout=60,
            )
            if done.returncode != 0:
                self.errors.append(done.stderr.decode(errors="replace"))
                return "451 4.3.0 delivery failed"
        return "250 OK"


@pytest.fixture
def mailstore(test_ca):  # type: ignore[no-untyped-def]
    cert = test_ca.issue_cert("localhost", "127.0.0.1")
    chain = "".join(b.bytes().decode() for b in cert.cert_chain_pems)
    dovecot = DovecotServer(chain, cert.private_key_pem.bytes().decode(), staff=PEOPLE).start()
    lda = _Lda(dovecot)
    port = free_port()
    controller = Controller(lda, hostname="127.0.0.1", port=port)
    controller.start()
    postfix = PostfixServer(relay_port=port).start()
    yield postfix, dovecot, lda
    postfix.stop()
    controller.stop()
    dovecot.stop()


def _inbox(dovecot: DovecotServer, user: str) -> list[EmailMessage]:
    imap = imaplib.IMAP4("127.0.0.1", dovecot.port, timeout=30)
    try:
        imap.login(user, PEOPLE[user])
        imap.select("INBOX", readonly=True)
        _typ, data = imap.search(None, "ALL")
        found = []
        for num in data[0].split():
            _typ, parts = imap.fetch(num, "(RFC822)")
            raw = parts[0][1] if isinstance(parts[0], tuple) else b""
            msg = message_from_bytes(raw, policy=policy.default)
            assert isinstance(msg, EmailMessage)
            found.append(msg)
        return found
    finally:
        imap.logout()


def test_a_campaign_through_postfix_into_dovecot_read_over_imap(store: Store, tmp_path, mailstore) -> None:
    postfix, dovecot, lda = mailstore
    seed(store, 3, relay=f"127.0.0.1:{postfix.port}")
    c = make(store, settings(tmp_path), company="例株式会社", base_url="https://sim.example.co.jp")
    cmp.schedule(c.id, store=store, now=T0)
    got = send_due(store, settings(tmp_path), now=T0)
    assert got.sent == 3 and got.done == ["c1"]

    tokens = {r.address: r.token for r in recipients(store, c.id)}
    for user in PEOPLE:
        wait_until(lambda user=user: dovecot.count(user=user) >= 1, 60)
        (msg,) = _inbox(dovecot, user)
        token = tokens[f"{user}@example.co.jp"]
        assert simmark.check(KEY, str(msg[simmark.HEADER])) == (str(c.id), token)
        assert msg[CONTACT_HEADER] == "sec@example.co.jp"
        assert "mta.example.test" in str(msg["Received"])  # it went through Postfix
        link = links("https://sim.example.co.jp", KEY, token)
        text = msg.get_body(("plain",))
        html = msg.get_body(("html",))
        assert text is not None and link.click in text.get_content()
        assert html is not None and link.open in html.get_content() and link.honeypot in html.get_content()
        # the PDF the template attaches is there too
        assert [p.get_content_type() for p in msg.iter_attachments()] == ["application/pdf"]
    assert lda.errors == []
