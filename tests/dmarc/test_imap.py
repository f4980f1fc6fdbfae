"""`dmarc fetch` against a real Dovecot on loopback: TLS, STARTTLS, moving what was handled."""

from __future__ import annotations

import gzip
import io
import zipfile
from email.message import EmailMessage

import pytest
from sqlalchemy import func, select

from mailwarden.core.errors import ConfigError
from mailwarden.dmarc.imap import ImapSettings, fetch_once
from mailwarden.dmarc.ingest import Ingestor
from mailwarden.dmarc.models import AggregateRecord
from tests.dmarc.test_bad_input import record, report


def mail_with(attachment: bytes, filename: str, ctype: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "noreply-dmarc@reporter.example"
    msg["To"] = "dmarc@example.jp"
    msg["Subject"] = f"Report Domain: example.jp Submitter: reporter.example {filename}"
    msg.set_content("aggregate report attached")
    maintype, subtype = ctype.split("/")
    msg.add_attachment(attachment, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes()


def zipped(name: str, data: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, data)
    return buf.getvalue()


def fill(dovecot) -> None:
    dovecot.deliver(mail_with(report(record() * 3, rid="plain"), "r.xml", "text/xml"))
    dovecot.deliver(mail_with(gzip.compress(report(record(), rid="gz")), "r.xml.gz", "application/gzip"))
    dovecot.deliver(mail_with(zipped("r.xml", report(record() * 2, rid="zip")), "r.zip", "application/zip"))
    dovecot.deliver(mail_with(b"\x1f\x8b\x08\x00broken", "broken.xml.gz", "application/gzip"))
    dovecot.deliver(b"From: someone@example.jp\r\nSubject: hello\r\n\r\nno report here\r\n")


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_fetch_stores_and_moves(store, dovecot, ca_file, security):
    fill(dovecot)
    port = dovecot.tls_port if security == "tls" else dovecot.port
    settings = ImapSettings(
        host="127.0.0.1",
        port=port,
        user="reports",
        password="secret-pass",
        security=security,
        ca_file=ca_file,
    )
    outcomes = fetch_once(Ingestor(store), settings)
    assert sorted(o.status for o in outcomes) == ["rejected", "rejected", "stored", "stored", "stored"]
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(AggregateRecord)) == 6
    assert dovecot.count() == 0
    assert dovecot.count("Processed") == 3 and dovecot.count("Rejected") == 2
    # nothing left: a second pass finds nothing; the same reports again are duplicates
    assert fetch_once(Ingestor(store), settings) == []
    fill(dovecot)
    again = fetch_once(Ingestor(store), settings)
    assert sorted(o.status for o in again) == ["duplicate", "duplicate", "duplicate", "rejected", "rejected"]


def test_wrong_password_and_untrusted_certificate(store, dovecot, ca_file):
    bad = ImapSettings(
        host="127.0.0.1",
        port=dovecot.tls_port,
        user="reports",
        password="wrong",
        security="tls",
        ca_file=ca_file,
    )
    with pytest.raises(ConfigError, match="failed"):
        fetch_once(Ingestor(store), bad)
    untrusted = ImapSettings(
        host="127.0.0.1", port=dovecot.tls_port, user="reports", password="secret-pass", security="tls"
    )
    with pytest.raises(ConfigError, match=r"CERTIFICATE_VERIFY_FAILED|certificate"):
        fetch_once(Ingestor(store), untrusted)
