"""Remediation across staff mailboxes needs a login to every mailbox: the Dovecot fixture's
master user (``<mailbox>*<master>``) opens each staff mailbox on the real server. Then the
remediation of a phishing cluster: dry run, move, a second run, restore, a mailbox that cannot
be opened, the COPY fallback, a cluster that is not phishing."""

from __future__ import annotations

import imaplib
import ssl

import pytest

from mailwarden.analyze.rules import load_rules
from mailwarden.core.errors import ConfigError, InputError
from mailwarden.reports import service
from mailwarden.reports.models import ReportRemediation
from mailwarden.reports.remediate import RemediateConfig, mailboxes_from, remediate, remediations, restore
from tests.support.dovecot import DovecotServer

from . import corpus

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


# -- remediation -------------------------------------------------------------------------------
PHISH_ID = b"<20261201093000.4411@micros0ft-support.example>"


@pytest.fixture
def remediation_dovecot(test_ca):  # type: ignore[no-untyped-def]
    """alice, bob, carol hold the phishing message (bob's copy has its own Message-ID, carol's is
    in a subfolder); dave holds a message from the same sender and subject with another body and
    an unrelated one; alice an unrelated one beside the phish."""
    staff = {"alice": "a-pass", "bob": "b-pass", "carol": "c-pass", "dave": "d-pass"}
    cert = test_ca.issue_cert("localhost", "127.0.0.1")
    chain = "".join(b.bytes().decode() for b in cert.cert_chain_pems)
    server = DovecotServer(chain, cert.private_key_pem.bytes().decode(), staff=staff, master=MASTER).start()
    server.deliver(corpus.phish(to="alice@example.co.jp"), user="alice")
    server.deliver(
        b"From: boss@example.co.jp\r\nSubject: lunch\r\nMessage-ID: <l@x>\r\n\r\nat noon\r\n", user="alice"
    )
    server.deliver(
        corpus.phish(to="bob@example.co.jp").replace(
            PHISH_ID, b"<per-recipient-77@micros0ft-support.example>"
        ),
        user="bob",
    )
    server.deliver(corpus.phish(to="carol@example.co.jp"), folder="Archive", user="carol")
    server.deliver(
        corpus.phish(to="dave@example.co.jp", body="別の本文です。\n").replace(PHISH_ID, b"<other@x>"),
        user="dave",
    )
    server.deliver(
        b"From: hr@example.co.jp\r\nSubject: payslip\r\nMessage-ID: <p@x>\r\n\r\nhi\r\n", user="dave"
    )
    yield server
    server.stop()


def config_for(server: DovecotServer, ca_file, **kw) -> RemediateConfig:  # type: ignore[no-untyped-def]
    return RemediateConfig(
        host="127.0.0.1",
        port=server.tls_port,
        master_user=MASTER[0],
        master_password=MASTER[1],
        ca_file=ca_file,
        timeout=10,
        **kw,
    )


def phishing_cluster(store, classification: str | None = "phishing") -> int:  # type: ignore[no-untyped-def]
    got = service.ingest_report(
        store,
        load_rules(),
        "k" * 40,
        path="imap",
        report_mail=corpus.attached(corpus.phish(to="alice@example.co.jp"), reporter="alice@example.co.jp"),
    )
    assert got.cluster_id is not None
    if classification:
        service.resolve_cluster(store, got.cluster_id, classification, "tester")
    return got.cluster_id


#: "no+such" holds a character Dovecot refuses in a login name: that login fails
MAILBOXES = ["alice", "bob", "carol", "dave", "no+such"]


def counts(server: DovecotServer) -> dict[str, tuple[int, int, int]]:
    return {
        u: (server.count(user=u), server.count("Archive", user=u), server.count("Quarantine", user=u))
        for u in ("alice", "bob", "carol", "dave")
    }


BEFORE = {"alice": (2, 0, 0), "bob": (1, 0, 0), "carol": (0, 1, 0), "dave": (2, 0, 0)}
AFTER = {"alice": (1, 0, 1), "bob": (0, 0, 1), "carol": (0, 0, 1), "dave": (2, 0, 0)}


def test_dry_run_apply_again_and_restore(store, remediation_dovecot, ca_file):
    server, cid = remediation_dovecot, phishing_cluster(store)
    config = config_for(server, ca_file)
    dry = remediate(store, config, cid, MAILBOXES, actor="tester")
    found = sorted(
        (r["mailbox"], r["folder"], r["matched_by"]) for r in dry["rows"] if r["status"] == "found"
    )
    assert found == [
        ("alice", "INBOX", "message_id"),
        ("bob", "INBOX", "hash"),
        ("carol", "Archive", "message_id"),
    ]
    assert (dry["applied"], dry["found"], dry["moved"], dry["failed"]) == (False, 3, 0, 1)
    refused = next(m for m in dry["mailboxes"] if m["mailbox"] == "no+such")
    assert refused["status"] == "failed" and "IMAP connection to 127.0.0.1 failed" in refused["detail"]
    assert all(MASTER[1] not in r["detail"] for r in dry["rows"])
    assert counts(server) == BEFORE  # a dry run moves nothing (and makes no folder)

    done = remediate(store, config, cid, MAILBOXES, actor="tester", apply=True)
    assert (done["applied"], done["found"], done["moved"], done["failed"]) == (True, 3, 3, 1)
    moved = [r for r in done["rows"] if r["status"] == "moved"]
    assert all(r["uidvalidity"] and r["uid"] and r["new_uidvalidity"] and r["new_uid"] for r in moved)
    assert all(r["quarantine"] == "Quarantine" for r in moved)
    assert counts(server) == AFTER
    # a second run finds nothing left to move
    again = remediate(store, config, cid, MAILBOXES[:4], actor="tester", apply=True)
    assert (again["found"], again["moved"], again["failed"]) == (0, 0, 0)
    assert counts(server) == AFTER

    back = restore(store, config, actor="tester", run=done["run"])
    assert (back["restored"], back["failed"]) == (3, 0)
    assert counts(server) == BEFORE
    log = remediations(store, run=done["run"])
    assert sorted(r["status"] for r in log) == ["failed", "restored", "restored", "restored"]
    assert all(r["restored_at"] for r in log if r["status"] == "restored")
    # nothing left to put back; the audit log holds every run
    assert restore(store, config, actor="tester", cluster_id=cid)["restored"] == 0
    detail = service.get_report(store, service.list_reports(store)[0]["id"])
    assert detail is not None
    assert [a["action"] for a in detail["audit"]] == [
        "resolve",
        "remediate",
        "remediate",
        "remediate",
        "restore",
    ]
    # the message can be removed again after a restore
    assert remediate(store, config, cid, MAILBOXES[:4], actor="tester", apply=True)["moved"] == 3


def test_copy_and_expunge_without_move(store, remediation_dovecot, ca_file, monkeypatch):
    from mailwarden.reports import remediate_imap

    real = remediate_imap.capabilities
    monkeypatch.setattr(remediate_imap, "capabilities", lambda conn: real(conn) - {"MOVE"})
    server, cid = remediation_dovecot, phishing_cluster(store)
    config = config_for(server, ca_file)
    done = remediate(store, config, cid, MAILBOXES[:4], actor="tester", apply=True)
    assert done["moved"] == 3 and all(r["new_uid"] for r in done["rows"])
    assert counts(server) == AFTER
    assert restore(store, config, actor="tester", cluster_id=cid)["restored"] == 3
    assert counts(server) == BEFORE


def test_restore_refuses_a_changed_quarantine(store, remediation_dovecot, ca_file):
    server, cid = remediation_dovecot, phishing_cluster(store)
    config = config_for(server, ca_file)
    done = remediate(store, config, cid, ["alice"], actor="tester", apply=True)
    assert done["moved"] == 1
    with store.session(write=True) as s:
        row = s.get(ReportRemediation, done["rows"][0]["id"])
        assert row is not None
        row.new_uidvalidity = 1  # as if the folder had been made again
    back = restore(store, config, actor="tester", run=done["run"])
    assert (back["restored"], back["failed"]) == (0, 1)
    assert back["rows"][0]["status"] == "moved" and "UIDVALIDITY" in back["rows"][0]["detail"]
    assert server.count("Quarantine", user="alice") == 1


@pytest.mark.parametrize("classification", [None, "spam", "clean"])
def test_only_a_phishing_cluster_is_remediated(store, classification):
    cid = phishing_cluster(store, classification)
    config = RemediateConfig(host="127.0.0.1", port=1, master_user="m", master_password="p")
    with pytest.raises(InputError, match=f"cluster {cid} is not resolved as phishing"):
        remediate(store, config, cid, ["alice"], actor="tester")
    with pytest.raises(InputError, match="no such cluster"):
        remediate(store, config, 424242, ["alice"], actor="tester")
    assert remediations(store) == []


def test_settings_are_checked():
    from mailwarden.core.config import Settings

    with pytest.raises(ConfigError, match="loopback"):
        RemediateConfig(host="imap.example.net", port=143, master_user="m", security="none")
    RemediateConfig(host="127.0.0.1", port=143, master_user="m", security="none")
    with pytest.raises(ConfigError, match="at least 2"):
        RemediateConfig(host="127.0.0.1", port=993, master_user="m", timeout=1)
    with pytest.raises(ConfigError, match="INBOX"):
        RemediateConfig(host="127.0.0.1", port=993, master_user="m", quarantine="inbox")
    with pytest.raises(ConfigError, match="master user"):
        RemediateConfig.from_settings(Settings(remediate_imap="imap.example.net"))
    got = RemediateConfig.from_settings(
        Settings(
            remediate_imap="imap.example.net",
            remediate_master_user="mw",
            remediate_master_password="pw",
            remediate_imap_security="starttls",
        )
    )
    assert (got.port, got.login("a@example.jp")) == (143, "a@example.jp*mw")


def test_mailbox_lists_and_folder_names(tmp_path):
    from mailwarden.reports.remediate_imap import decode_folder, encode_folder

    f = tmp_path / "mailboxes.txt"
    f.write_text("# staff\nalice@example.jp\n\nbob@example.jp\nalice@example.jp\n")
    assert mailboxes_from([], f) == ["alice@example.jp", "bob@example.jp"]
    assert mailboxes_from(["c@example.jp"], f) == ["c@example.jp"]
    with pytest.raises(InputError, match="no mailboxes"):
        mailboxes_from([], None)
    with pytest.raises(InputError, match="line 1"):
        mailboxes_from(["a b"], None)
    for name in ("隔離", "A&B", "Archive/2026 年", "~peter/mail/台北/日本語"):
        assert decode_folder(encode_folder(name)) == name
    assert encode_folder("~peter/mail/台北/日本語") == "~peter/mail/&U,BTFw-/&ZeVnLIqe-"  # RFC 3501 §5.1.3


def test_fingerprint_survives_a_forward():
    from email import message_from_bytes, policy
    from email.message import EmailMessage

    from mailwarden.reports.remediate_find import fingerprint

    raw = corpus.phish()
    original = message_from_bytes(raw, policy=policy.default)
    # the same message as another server or client writes it: quoted-printable, CRLF, re-wrapped
    again = EmailMessage()
    for name in ("From", "To", "Subject", "Date", "Message-ID"):
        again[name] = original[name]
    again.set_content(original.get_content().replace("\n", " \n"), cte="quoted-printable")
    other = bytes(again).replace(b"\n", b"\r\n")
    assert b"base64" in raw and b"quoted-printable" in other
    a = fingerprint(raw)
    assert a is not None and a == fingerprint(other)
    assert fingerprint(corpus.phish(body="別の本文")) != a
    assert fingerprint(corpus.phish(subject="別の件名")) != a


def test_cli_remediate_restore_and_log(store, remediation_dovecot, ca_file, tmp_path, monkeypatch):
    import json

    from typer.testing import CliRunner

    from mailwarden.cli.main import app
    from mailwarden.core import config
    from mailwarden.core.config import Settings

    server, cid = remediation_dovecot, phishing_cluster(store)
    listed = tmp_path / "mailboxes.txt"
    listed.write_text("alice\nbob\ncarol\ndave\n")
    settings = Settings(
        data_dir=tmp_path,
        remediate_imap=f"127.0.0.1:{server.tls_port}",
        remediate_master_user=MASTER[0],
        remediate_master_password=MASTER[1],
        remediate_mailboxes=listed,
        ca_bundle=ca_file,
    )
    monkeypatch.setattr(config, "get_settings", lambda: settings)
    monkeypatch.setattr("mailwarden.core.store.open_store", lambda *a, **k: store)
    runner = CliRunner()
    dry = runner.invoke(app, ["reports", "remediate", str(cid)], env={"COLUMNS": "300"})
    assert dry.exit_code == 0, dry.output
    assert "3 found in 4 mailboxes" in dry.stdout and "--apply" in dry.stdout
    assert counts(server) == BEFORE
    done = runner.invoke(app, ["reports", "remediate", str(cid), "--apply", "--json"])
    assert done.exit_code == 0, done.output
    run = json.loads(done.stdout)
    assert (run["moved"], run["applied"]) == (3, True)
    assert counts(server) == AFTER
    # one mailbox named on the command line, and its login refused: exit 1, the reason printed
    refused = runner.invoke(app, ["reports", "remediate", str(cid), "--apply", "--mailbox", "no+such"])
    assert refused.exit_code == 1 and "no+such" in refused.output
    log = runner.invoke(app, ["reports", "remediations", "--cluster", str(cid), "--json"])
    assert [r["status"] for r in json.loads(log.stdout)].count("moved") == 3
    table = runner.invoke(app, ["reports", "remediations"], env={"COLUMNS": "300"})
    assert table.exit_code == 0 and "Quarantine" in table.stdout
    back = runner.invoke(app, ["reports", "restore", run["run"]])
    assert back.exit_code == 0, back.output
    assert "3 restored, 0 not restored" in back.stdout and counts(server) == BEFORE
    assert runner.invoke(app, ["reports", "restore"]).exit_code == 2  # a run or --cluster
    # not phishing: refused with the reason
    service.resolve_cluster(store, cid, "spam", "tester")
    no = runner.invoke(app, ["reports", "remediate", str(cid)])
    assert no.exit_code == 2 and "not resolved as phishing (spam)" in no.output
    # no master password configured: a clear message
    monkeypatch.setattr(config, "get_settings", lambda: Settings(remediate_imap="127.0.0.1"))
    unset = runner.invoke(app, ["reports", "remediate", str(cid)])
    assert unset.exit_code == 2 and "master user" in unset.output


def test_starttls_and_a_connection_dropped_midway(store, remediation_dovecot, ca_file, monkeypatch):
    import socket

    from mailwarden.reports import remediate_imap

    server, cid = remediation_dovecot, phishing_cluster(store)
    starttls = RemediateConfig(
        host="127.0.0.1",
        port=server.port,
        security="starttls",
        master_user=MASTER[0],
        master_password=MASTER[1],
        ca_file=ca_file,
        timeout=10,
    )
    assert remediate(store, starttls, cid, ["alice"], actor="tester")["found"] == 1
    # bob's connection is cut right after the login: bob is logged failed, the others are done
    real = remediate_imap.connect

    def cut_for_bob(config, mailbox):  # type: ignore[no-untyped-def]
        conn = real(config, mailbox)
        if mailbox == "bob":
            conn.sock.shutdown(socket.SHUT_RDWR)
        return conn

    monkeypatch.setattr(remediate_imap, "connect", cut_for_bob)
    plain = RemediateConfig(
        host="127.0.0.1", port=server.port, security="none", master_user=MASTER[0], master_password=MASTER[1]
    )
    done = remediate(store, plain, cid, ["alice", "bob", "carol"], actor="tester", apply=True)
    outcome = {m["mailbox"]: (m["status"], m["moved"]) for m in done["mailboxes"]}
    assert outcome == {"alice": ("ok", 1), "bob": ("failed", 0), "carol": ("ok", 1)}
    bob = next(r for r in done["rows"] if r["mailbox"] == "bob")
    assert bob["status"] == "failed" and "connection failed" in bob["detail"]
    assert server.count("Quarantine", user="alice") == server.count("Quarantine", user="carol") == 1
    assert server.count(user="bob") == 1
