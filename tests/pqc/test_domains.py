"""A domain's mail cryptography through a real NSD: MX hosts (a hybrid pyOpenSSL server, a
classical one, Debian's Postfix, one without STARTTLS, one with two addresses), DKIM keys
(named selectors and the domain audit's common ones), the implicit MX, a null MX, a domain that
does not exist; and the survey (input order, JSON Lines, resume, the hybrid share)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import io
import json
from collections.abc import Iterator

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

from mailwarden.core.dns import Resolver, nameservers_from
from mailwarden.domain.survey import load_existing
from mailwarden.pqc.assets import Asset, AssetKind, Usage
from mailwarden.pqc.classify import classify
from mailwarden.pqc.domains import inventory_domain, survey
from tests.support.nsd import NsdServer, Zone
from tests.support.postfix import PostfixServer
from tests.support.tlsmx import TlsMx, make_cert

pytestmark = [pytest.mark.smtp, pytest.mark.dns]

RSA_DER = (
    rsa.generate_private_key(65537, 1024)
    .public_key()
    .public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
)
ED_RAW = (
    ed25519.Ed25519PrivateKey.generate()
    .public_key()
    .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
)


def _dkim_txt(pub: bytes, k: str) -> str:
    return f'"v=DKIM1; k={k}; p={base64.b64encode(pub).decode()}"'


@pytest.fixture(scope="module")
def world() -> Iterator[dict]:
    """Postfix on 127.0.0.1 and test MX servers on other loopback addresses, all on one port
    (the survey probes one port for every MX), and the zone naming them."""
    cert = make_cert("mx.pq.test", key="rsa")
    postfix = PostfixServer(relay_port=9, tls=(cert.cert_pem, cert.key_pem)).start()
    port = postfix.port
    servers = [
        TlsMx(cert, hybrid=True, addresses=["127.0.0.2", "127.0.0.6"], port=port).start(),
        TlsMx(cert, hybrid=False, addresses=["127.0.0.3"], port=port).start(),
        TlsMx(cert, starttls=False, addresses=["127.0.0.4"], port=port).start(),
        TlsMx(cert, hybrid=True, addresses=["127.0.0.5"], port=port).start(),  # implicit MX
    ]
    zone = (
        Zone("pq.test")
        .add("pq.test.", "MX", "10 mx1.pq.test.")
        .add("pq.test.", "MX", "20 mx2.pq.test.")
        .add("pq.test.", "MX", "30 postfix.pq.test.")
        .add("mx1.pq.test.", "A", "127.0.0.2")
        .add("mx2.pq.test.", "A", "127.0.0.3")
        .add("postfix.pq.test.", "A", "127.0.0.1")
        .add("_domainkey.pq.test.", "TXT", '"o=~"')
        .add("s1._domainkey.pq.test.", "TXT", _dkim_txt(RSA_DER, "rsa"))
        .add("ed1._domainkey.pq.test.", "TXT", _dkim_txt(ED_RAW, "ed25519"))
        .add("google._domainkey.pq.test.", "TXT", _dkim_txt(RSA_DER, "rsa"))  # a common selector
        .add("old._domainkey.pq.test.", "TXT", '"v=DKIM1; p="')  # revoked
        # plain: no STARTTLS; twin: one host, two addresses; implicit: no MX, an A record
        .add("plain.pq.test.", "MX", "10 plain-mx.pq.test.")
        .add("plain-mx.pq.test.", "A", "127.0.0.4")
        .add("twin.pq.test.", "MX", "5 twin-mx.pq.test.")
        .add("twin-mx.pq.test.", "A", "127.0.0.2")
        .add("twin-mx.pq.test.", "A", "127.0.0.6")
        .add("implicit.pq.test.", "A", "127.0.0.5")
        .add("null.pq.test.", "MX", "0 .")
        .add("lost.pq.test.", "MX", "10 nowhere.pq.test.")
    )
    nsd = NsdServer([zone]).start()
    try:
        yield {"port": port, "resolver_ns": nsd.address}
    finally:
        nsd.stop()
        for s in servers:
            s.stop()
        postfix.stop()


def _resolver(world: dict) -> Resolver:
    return Resolver(nameservers_from([world["resolver_ns"]]))


def _inventory(world: dict, domain: str, selectors=()) -> list[Asset]:
    return asyncio.run(
        inventory_domain(
            domain, resolver=_resolver(world), selectors=selectors, port=world["port"], timeout=10
        )
    )


def test_mx_hosts_and_dkim_keys(world) -> None:
    port = world["port"]
    assets = _inventory(world, "pq.test", selectors=["s1", "ed1", "old"])
    sessions = {a.name: a for a in assets if a.kind is AssetKind.TLS_SESSION}
    assert set(sessions) == {f"mx1.pq.test:{port}", f"mx2.pq.test:{port}", f"postfix.pq.test:{port}"}
    assert all(not s.error for s in sessions.values()), [s.error for s in sessions.values()]
    mx1, mx2, pf = (sessions[f"{h}.pq.test:{port}"] for h in ("mx1", "mx2", "postfix"))
    assert (mx1.group, mx1.algorithm, mx1.protocol) == ("X25519MLKEM768", "X25519MLKEM768", "TLSv1.3")
    assert "MLKEM" not in mx2.group.upper() and mx2.algorithm in ("X25519", "ECDH")
    assert "MLKEM" not in pf.group.upper()  # Postfix links the system OpenSSL 3.0
    assert [s.details["mx_preference"] for s in (mx1, mx2, pf)] == [10, 20, 30]
    assert [s.details["address"] for s in (mx1, mx2, pf)] == ["127.0.0.2", "127.0.0.3", "127.0.0.1"]
    assert all(s.details["domain"] == "pq.test" and s.fingerprint for s in sessions.values())
    assert classify(mx1).findings[0].code == "pqc.tls-hybrid"
    assert classify(pf).exposure == "hndl"

    certs = [a for a in assets if a.kind is AssetKind.TLS_CERT]
    assert len(certs) == 3 and {c.details["mx_preference"] for c in certs} == {10, 20, 30}
    assert all(c.algorithm == "RSA" and c.key_size == 2048 and c.details["self_signed"] for c in certs)

    dkim = {a.name: a for a in assets if a.kind is AssetKind.DKIM_KEY}
    # the revoked key (empty p=) is no key; "google" is found without being asked for
    assert set(dkim) == {"s1._domainkey.pq.test", "ed1._domainkey.pq.test", "google._domainkey.pq.test"}
    s1, ed1 = dkim["s1._domainkey.pq.test"], dkim["ed1._domainkey.pq.test"]
    assert (s1.algorithm, s1.key_size, s1.usages) == ("RSA", 1024, (Usage.SIGNATURE,))
    assert (ed1.algorithm, ed1.key_size, ed1.curve) == ("Ed25519", None, "Ed25519")
    assert s1.fingerprint == hashlib.sha256(RSA_DER).hexdigest()
    assert dkim["google._domainkey.pq.test"].fingerprint == s1.fingerprint  # the same key twice
    assert ed1.fingerprint == hashlib.sha256(ED_RAW).hexdigest()
    assert classify(s1).findings[0].code == "pqc.weak-key"


def test_each_address_of_a_host_is_probed(world) -> None:
    port = world["port"]
    sessions = [a for a in _inventory(world, "twin.pq.test") if a.kind is AssetKind.TLS_SESSION]
    assert sorted(s.name for s in sessions) == [
        f"twin-mx.pq.test:{port} [127.0.0.2]",
        f"twin-mx.pq.test:{port} [127.0.0.6]",
    ]
    assert {s.group for s in sessions} == {"X25519MLKEM768"}


@pytest.mark.parametrize(
    ("domain", "name", "error"),
    [
        ("plain.pq.test", "plain-mx.pq.test", "STARTTLS not offered"),
        ("lost.pq.test", "nowhere.pq.test", "no address for nowhere.pq.test"),
        ("gone.pq.test", "gone.pq.test", "the domain does not exist"),
    ],
)
def test_mx_problems_become_assets(world, domain, name, error) -> None:
    sessions = [a for a in _inventory(world, domain) if a.kind is AssetKind.TLS_SESSION]
    assert len(sessions) == 1
    assert sessions[0].name.startswith(name) and sessions[0].error == error
    assert sessions[0].details["domain"] == domain


def test_implicit_and_null_mx(world) -> None:
    (session, cert) = _inventory(world, "implicit.pq.test")  # RFC 5321 §5.1: the domain itself
    assert session.name == f"implicit.pq.test:{world['port']}" and session.group == "X25519MLKEM768"
    assert session.details["mx_preference"] == 0 and cert.kind is AssetKind.TLS_CERT
    assert _inventory(world, "null.pq.test") == []  # RFC 7505: accepts no mail


def test_survey_in_order_with_resume(world, tmp_path) -> None:
    domains = ["twin.pq.test", "plain.pq.test", "pq.test", "implicit.pq.test", "null.pq.test"]
    out = tmp_path / "rows.jsonl"
    with out.open("w") as fh:
        first = asyncio.run(
            survey(domains[:3], resolver=_resolver(world), port=world["port"], concurrency=2, out=fh)
        )
    rows = load_existing(out)
    assert [r["domain"] for r in rows] == domains[:3]
    # twin: 2 hybrid; plain: no STARTTLS; pq.test: mx1 hybrid, mx2 and Postfix classical
    assert (first.domains, first.mx_sessions, first.hybrid, first.failed) == (3, 5, 3, 1)
    assert first.to_dict()["hybrid_share"] == 0.6

    done = {r["domain"]: r for r in rows}
    buf = io.StringIO()
    second = asyncio.run(
        survey(domains, resolver=_resolver(world), port=world["port"], concurrency=3, out=buf, done=done)
    )
    assert [json.loads(line)["domain"] for line in buf.getvalue().splitlines()] == domains[3:]
    assert (second.domains, second.resumed, second.mx_sessions, second.hybrid) == (5, 3, 6, 4)
    assert second.to_dict()["hybrid_share"] == round(4 / 6, 4)
    assert Asset.from_dict(json.loads(buf.getvalue().splitlines()[0])["assets"][0]).kind is (
        AssetKind.TLS_SESSION
    )
