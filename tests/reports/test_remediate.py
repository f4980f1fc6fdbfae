"""Remediation across staff mailboxes needs a login to every mailbox: the Dovecot fixture's
master user (``<mailbox>*<master>``) opens each staff mailbox on the real server. (The
remediation itself — find, dry-run, move, log, restore — is still to be built.)"""

from __future__ import annotations

import imaplib
import ssl

import pytest

from tests.support.dovecot import DovecotServer

pytestmark = pytest.mark.imap

STAFF = {"alice": "alice-pass", "bob": "bob-pass"}
MASTER = ("mailwarden", "master-pass")


@pytest.fixture
def staff_dovecot(test_ca):  # type: ignore[no-untyped-def]
    cert = test_ca.issue_cert("localhost", "127.0.0.1")
    chain = "".join(b.bytes().decode() for b in cert.cert_chain_pems)
    server = DovecotServer(chain, cert.private_key_pem.bytes().decode(), staff=STAFF, master=MASTER).start()
    yield server
    server.stop()


def login(server: DovecotServer, ca_file, user: str, password: str) -> imaplib.IMAP4_SSL:  # type: ignore[no-untyped-def]
    ctx = ssl.create_default_context(cafile=str(ca_file))
    conn = imaplib.IMAP4_SSL("127.0.0.1", server.tls_port, ssl_context=ctx, timeout=10)
    conn.login(user, password)
    return conn


def test_master_user_opens_each_staff_mailbox(staff_dovecot, ca_file):
    staff_dovecot.deliver(b"Subject: for alice\r\nMessage-ID: <a@x>\r\n\r\nhi\r\n", user="alice")
    staff_dovecot.deliver(b"Subject: for bob\r\nMessage-ID: <b@x>\r\n\r\nhi\r\n", user="bob")
    staff_dovecot.deliver(b"Subject: bob archive\r\n\r\nhi\r\n", folder="Archive", user="bob")
    seen = {}
    for user in STAFF:
        conn = login(staff_dovecot, ca_file, f"{user}*{MASTER[0]}", MASTER[1])
        conn.select("INBOX", readonly=True)
        typ, data = conn.uid("FETCH", "1:*", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
        assert typ == "OK"
        seen[user] = b"".join(p[1] for p in data if isinstance(p, tuple)).strip()
        conn.logout()
    assert seen == {"alice": b"Subject: for alice", "bob": b"Subject: for bob"}
    assert staff_dovecot.count("Archive", user="bob") == 1 and staff_dovecot.count(user="alice") == 1
    # each staff member still logs in as themselves; a wrong master password is refused
    login(staff_dovecot, ca_file, "alice", "alice-pass").logout()
    with pytest.raises(imaplib.IMAP4.error):
        login(staff_dovecot, ca_file, f"bob*{MASTER[0]}", "wrong")
