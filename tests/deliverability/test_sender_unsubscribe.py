"""The one-click POST (RFC 8058 §3.2): sent once, only when asked, to a real HTTPS server."""

from __future__ import annotations

import pytest

from ._sender_support import DOMAIN, UNSUB_HOST, PostRecorder, check, make_keys, message, sign, start_dns

GOOD = {"client_ip": "127.0.0.1", "mail_from": f"bounce@{DOMAIN}"}

pytestmark = [pytest.mark.dns, pytest.mark.https]


@pytest.fixture(scope="module")
def keys():
    return make_keys()


@pytest.fixture(scope="module")
def dns(keys):
    server = start_dns(keys)
    yield server
    server.stop()


def _server(test_ca, status=200):
    cert = test_ca.issue_cert(UNSUB_HOST)
    chain = "".join(p.bytes().decode() for p in cert.cert_chain_pems)
    return PostRecorder(chain, cert.private_key_pem.bytes().decode(), status).start()


def _raw(keys, port):
    return sign(message(unsubscribe=f"<https://{UNSUB_HOST}:{port}/u/abc123?list=news>"), keys.own)


def test_one_post_when_asked(dns, keys, test_ca, ca_file):
    server = _server(test_ca)
    try:
        r = check(_raw(keys, server.port), dns, check_unsubscribe=True, ca_file=ca_file, **GOOD)
    finally:
        server.stop()
    assert server.requests == [
        ("POST", "/u/abc123?list=news", b"List-Unsubscribe=One-Click", f"{UNSUB_HOST}:{server.port}")
    ]
    c = r.check("unsubscribe-endpoint")
    assert c.code == "sender.unsubscribe-endpoint-ok" and c.params["status"] == "200"


def test_nothing_sent_unless_asked(dns, keys, test_ca, ca_file):
    server = _server(test_ca)
    try:
        r = check(_raw(keys, server.port), dns, ca_file=ca_file, **GOOD)
    finally:
        server.stop()
    assert server.requests == []
    c = r.check("unsubscribe-endpoint")
    assert c.status == "skipped" and c.code == "sender.unsubscribe-untried"
    assert "--check-unsubscribe" in c.finding.remediation


def test_redirect_and_error_fail(dns, keys, test_ca, ca_file):
    for status in (302, 500):
        server = _server(test_ca, status)
        try:
            r = check(_raw(keys, server.port), dns, check_unsubscribe=True, ca_file=ca_file, **GOOD)
        finally:
            server.stop()
        c = r.check("unsubscribe-endpoint")
        assert c.code == "sender.unsubscribe-endpoint-fail", c.params
        assert str(status) in c.params["reason"]
        assert len(server.requests) == 1  # the redirect was not followed


def test_untrusted_certificate_fails(dns, keys, test_ca):
    server = _server(test_ca)
    try:
        r = check(_raw(keys, server.port), dns, check_unsubscribe=True, **GOOD)  # no test CA
    finally:
        server.stop()
    c = r.check("unsubscribe-endpoint")
    assert c.code == "sender.unsubscribe-endpoint-fail"
    assert "certificate" in c.params["reason"].lower() or "ssl" in c.params["reason"].lower()
    assert server.requests == []
