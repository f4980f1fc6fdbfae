"""TLS handshakes against real servers on loopback: a hybrid server (pyOpenSSL on the bundled
OpenSSL: X25519MLKEM768), classical ones (Python's ssl on the system OpenSSL 3.0, and Debian's
Postfix with STARTTLS), TLS 1.0 only, no STARTTLS, a garbage greeting, a host that never
greets, an expired self-signed certificate, TLS from the first byte. A domain's MX hosts and
DKIM keys through NSD: test_domains.py."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from mailwarden.pqc.assets import AssetKind, Usage
from mailwarden.pqc.classify import classify
from mailwarden.pqc.tls_probe import key_exchange, probe_starttls, probe_tls
from tests.support.nsd import free_port
from tests.support.postfix import PostfixServer
from tests.support.tlsmx import TlsMx, make_cert

pytestmark = [pytest.mark.smtp, pytest.mark.dns]


@pytest.fixture(scope="module")
def cert():
    return make_cert("mx.example.test", key="rsa")


def run(server: TlsMx, *, timeout: float = 10.0):
    if server.implicit:
        return asyncio.run(probe_tls("mx.example.test", server.port, address="127.0.0.1", timeout=timeout))
    return asyncio.run(probe_starttls("mx.example.test", server.port, address="127.0.0.1", timeout=timeout))


@pytest.fixture
def serve(cert) -> Iterator:
    started: list[TlsMx] = []

    def start(**kw) -> TlsMx:
        server = TlsMx(kw.pop("cert", cert), **kw).start()
        started.append(server)
        return server

    yield start
    for s in started:
        s.stop()


def test_hybrid_server_negotiates_x25519mlkem768(serve) -> None:
    session, certificate = run(serve(hybrid=True))
    assert (session.kind, session.protocol, session.group) == (
        AssetKind.TLS_SESSION,
        "TLSv1.3",
        "X25519MLKEM768",
    )
    assert not session.error
    assert (session.algorithm, session.usages) == ("X25519MLKEM768", (Usage.KEY_EXCHANGE,))
    assert session.fingerprint and session.details["certificate"] == certificate.fingerprint
    assert (certificate.kind, certificate.algorithm, certificate.key_size) == (
        AssetKind.TLS_CERT,
        "RSA",
        2048,
    )
    assert certificate.signature_algorithm == "sha256WithRSAEncryption"
    assert certificate.details["self_signed"] and not certificate.details["expired"]
    assert classify(session).findings[0].code == "pqc.tls-hybrid"


def test_classical_server_and_tls10(serve) -> None:
    session, _cert = run(serve(hybrid=False))
    assert session.protocol == "TLSv1.3" and session.group in ("x25519", "secp256r1")
    assert session.algorithm in ("X25519", "ECDH")
    assert classify(session).findings[0].code == "pqc.tls-classical"
    old, old_cert = run(serve(hybrid=False, tls_max="TLSv1"))
    assert old.protocol == "TLSv1" and not old.error and old_cert.kind is AssetKind.TLS_CERT
    assert classify(old).findings[0].code == "pqc.tls-old-protocol"


@pytest.mark.parametrize(
    ("kw", "error"),
    [
        ({"starttls": False}, "STARTTLS not offered"),
        ({"banner": b"garbage"}, "not an SMTP reply"),
        ({"banner": b"554 go away"}, "greeted with 554"),
    ],
)
def test_failures_become_assets(serve, kw, error) -> None:
    (session,) = run(serve(**kw))
    assert error in session.error
    assert session.kind is AssetKind.TLS_SESSION and session.fingerprint and not session.group


def test_a_tls_alert_is_a_handshake_failure(serve) -> None:
    # the server only has anonymous DH, which the probe never offers: it answers with an alert
    (session,) = run(serve(hybrid=False, ciphers="ADH-AES128-SHA:@SECLEVEL=0"))
    assert session.error.startswith("TLS handshake failed:") and "alert" in session.error
    assert classify(session).findings[0].code == "pqc.tls-unreachable"


def test_tls_on_a_plain_text_port_is_a_handshake_failure(serve) -> None:
    (session,) = asyncio.run(probe_tls("mx.example.test", serve().port, address="127.0.0.1", timeout=5))
    assert session.error == "TLS handshake failed: wrong version number"


@pytest.mark.parametrize(
    ("group", "cipher", "expected"),
    [
        ("X25519MLKEM768", "TLS_AES_256_GCM_SHA384", ("X25519MLKEM768", "")),
        ("x25519", "TLS_AES_256_GCM_SHA384", ("X25519", "X25519")),
        ("secp384r1", "ECDHE-RSA-AES256-GCM-SHA384", ("ECDH", "secp384r1")),
        ("ffdhe2048", "DHE-RSA-AES256-GCM-SHA384", ("DH", "")),
        ("", "DHE-RSA-AES256-SHA", ("DH", "")),
        ("", "AES256-SHA", ("RSA", "")),
    ],
)
def test_key_exchange_names(group, cipher, expected) -> None:
    assert key_exchange(group, cipher) == expected


def test_a_host_that_never_greets_times_out(serve) -> None:
    (session,) = run(serve(banner=None), timeout=2.0)
    assert "timed out" in session.error
    assert classify(session).findings[0].code == "pqc.tls-unreachable"


def test_refused_connection() -> None:
    port = free_port()  # nothing listens there
    (session,) = asyncio.run(probe_starttls("mx.example.test", port, address="127.0.0.1", timeout=5))
    assert "connection failed" in session.error


def test_expired_certificate_is_reported(serve) -> None:
    _s, certificate = run(serve(cert=make_cert("mx.example.test", expired=True)))
    assert certificate.algorithm == "ECDSA" and certificate.curve == "secp256r1"
    codes = [f.code for f in classify(certificate).findings]
    assert "pqc.cert-not-valid" in codes and certificate.details["expired"]


def test_implicit_tls_listener(serve) -> None:
    session, _cert = run(serve(implicit=True))
    assert session.group == "X25519MLKEM768"


def test_postfix_starttls_is_classical(cert) -> None:
    postfix = PostfixServer(relay_port=9, tls=(cert.cert_pem, cert.key_pem)).start()
    try:
        session, certificate = asyncio.run(
            probe_starttls("mta.example.test", postfix.port, address="127.0.0.1", timeout=10)
        )
    finally:
        postfix.stop()
    assert not session.error, session.error
    assert session.protocol == "TLSv1.3" and session.group and "MLKEM" not in session.group.upper()
    assert certificate.fingerprint  # the certificate Postfix presented
    assert classify(session).exposure == "hndl"
