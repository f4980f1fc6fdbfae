"""TLS handshakes against real servers on loopback: a hybrid server (pyOpenSSL on the bundled
OpenSSL: X25519MLKEM768), classical ones (Python's ssl on the system OpenSSL 3.0, and Debian's
Postfix with STARTTLS), TLS 1.0 only, no STARTTLS, a garbage greeting, a host that never
greets, an expired self-signed certificate, TLS from the first byte; and a domain's MX hosts
and DKIM keys through NSD."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Iterator

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

from mailwarden.core.dns import Resolver, nameservers_from
from mailwarden.pqc.assets import AssetKind
from mailwarden.pqc.classify import classify
from mailwarden.pqc.domains import inventory_domain, survey
from mailwarden.pqc.tls_probe import probe_starttls, probe_tls
from tests.support.nsd import NsdServer, Zone, free_port
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
    assert classify(session).findings[0].code == "pqc.tls-classical"
    old, _cert = run(serve(hybrid=False, tls_max="TLSv1"))
    assert old.protocol == "TLSv1"
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


def _dkim_txt(pub: bytes, k: str) -> str:
    return f"v=DKIM1; k={k}; p={base64.b64encode(pub).decode()}"


def test_domain_inventory_through_nsd(serve) -> None:
    hybrid = serve(hybrid=True, addresses=["127.0.0.2"])
    serve(hybrid=False, addresses=["127.0.0.3"], port=hybrid.port)  # mx2: classical
    rsa_pub = (
        rsa.generate_private_key(65537, 1024)
        .public_key()
        .public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    ed_pub = (
        ed25519.Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    zone = (
        Zone("pq.test")
        .add("pq.test.", "MX", "10 mx1.pq.test.")
        .add("pq.test.", "MX", "20 mx2.pq.test.")
        .add("mx1.pq.test.", "A", "127.0.0.2")
        .add("mx2.pq.test.", "A", "127.0.0.3")
        .add("_domainkey.pq.test.", "TXT", '"o=~"')
        .add("s1._domainkey.pq.test.", "TXT", f'"{_dkim_txt(rsa_pub, "rsa")}"')
        .add("ed1._domainkey.pq.test.", "TXT", f'"{_dkim_txt(ed_pub, "ed25519")}"')
    )
    nsd = NsdServer([zone]).start()
    try:
        resolver = Resolver(nameservers_from([nsd.address]))
        assets = asyncio.run(
            inventory_domain(
                "pq.test", resolver=resolver, selectors=["s1", "ed1"], port=hybrid.port, timeout=10
            )
        )
        stats = asyncio.run(survey(["pq.test"], resolver=resolver, selectors=["s1", "ed1"], port=hybrid.port))
    finally:
        nsd.stop()
    sessions = {a.name: a for a in assets if a.kind is AssetKind.TLS_SESSION}
    assert sessions["mx1.pq.test:" + str(hybrid.port)].group == "X25519MLKEM768"
    assert "MLKEM" not in sessions["mx2.pq.test:" + str(hybrid.port)].group.upper()
    assert {a.details["mx_preference"] for a in sessions.values()} == {10, 20}
    dkim = {a.name: a for a in assets if a.kind is AssetKind.DKIM_KEY}
    assert dkim["s1._domainkey.pq.test"].key_size == 1024
    assert dkim["ed1._domainkey.pq.test"].algorithm == "Ed25519"
    assert classify(dkim["s1._domainkey.pq.test"]).findings[0].code == "pqc.weak-key"
    assert (stats.domains, stats.mx_sessions, stats.hybrid, stats.dkim_keys) == (1, 2, 1, 2)
    assert stats.to_dict()["hybrid_share"] == 0.5
