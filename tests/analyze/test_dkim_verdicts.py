"""DKIM and ARC verdicts as RFC 6376, 8301, 8463, 8601 and 8617 define them, against keys
served by a real NSD: Ed25519 verified; rsa-sha1 refused unless the rules allow it; no key or
an unusable key is permerror; a lookup that cannot be answered is temperror; ARC headers
without a seal, or a broken chain, are fail."""

from __future__ import annotations

import asyncio
import socket

import dkim
import pytest

from mailwarden.analyze.engine import analyze_online
from mailwarden.analyze.rules import load_rules
from mailwarden.core.dns import Resolver
from tests.support.dkimkeys import ed25519_pair, rsa_pair
from tests.support.nsd import NsdServer, Zone, txt_rdata

from .mail import message

pytestmark = pytest.mark.dns

DOMAIN = b"example.co.jp"


@pytest.fixture(scope="module")
def keys():
    rsa_priv, rsa_pub = rsa_pair()
    ed_priv, ed_pub = ed25519_pair()
    z = Zone("example.co.jp")
    z.add(
        "rsa._domainkey.example.co.jp",
        "TXT",
        txt_rdata([f"v=DKIM1; k=rsa; p={rsa_pub}"]),
    )
    z.add(
        "ed._domainkey.example.co.jp",
        "TXT",
        txt_rdata([f"v=DKIM1; k=ed25519; p={ed_pub}"]),
    )
    z.add("broken._domainkey.example.co.jp", "TXT", txt_rdata(["v=DKIM1; k=rsa; p=not-base64-at-all!!"]))
    z.add("_dmarc.example.co.jp", "TXT", txt_rdata(["v=DMARC1; p=reject"]))
    with NsdServer([z]) as nsd:
        yield nsd, rsa_priv, ed_priv


def results(nsd_address: str, data: bytes, rules=None, timeout: float = 2.0, retries: int = 1):
    rules = rules or load_rules()
    resolver = Resolver([nsd_address], timeout=timeout, retries=retries)
    v = asyncio.run(analyze_online(data, rules, resolver=resolver))
    return [(r["method"], r["result"]) for r in v.authentication["results"]], v


RAW = message("署名されたメール", from_="Taro <taro@example.co.jp>")
HEADERS = [b"from", b"subject", b"date"]


def test_ed25519_signatures_are_verified(keys):
    nsd, _, ed_priv = keys
    sig = dkim.sign(
        RAW, b"ed", DOMAIN, ed_priv, include_headers=HEADERS, signature_algorithm=b"ed25519-sha256"
    )
    got, _ = results(nsd.address, sig + RAW)
    assert ("dkim", "pass") in got and ("dmarc", "pass") in got
    tampered = sig + RAW.replace(b"Subject: ", b"Subject: X ")
    assert ("dkim", "fail") in results(nsd.address, tampered)[0]


def test_rsa_sha1_fails_unless_the_rules_allow_it(keys, tmp_path):
    nsd, rsa_priv, _ = keys
    sig = dkim.sign(RAW, b"rsa", DOMAIN, rsa_priv, include_headers=HEADERS, signature_algorithm=b"rsa-sha1")
    got, v = results(nsd.address, sig + RAW)
    assert ("dkim", "fail") in got
    assert "RFC 8301" in v.authentication["header"]
    allowing = tmp_path / "rules.yaml"
    allowing.write_text("allow_rsa_sha1: true\n", encoding="utf-8")
    got, v = results(nsd.address, sig + RAW, rules=load_rules(allowing))
    assert ("dkim", "pass") in got and "rsa-sha1" in v.authentication["header"]


def test_no_key_and_an_unusable_key_are_permerror(keys):
    nsd, rsa_priv, _ = keys
    for selector in (b"missing", b"broken"):
        sig = dkim.sign(RAW, selector, DOMAIN, rsa_priv, include_headers=HEADERS)
        got, _ = results(nsd.address, sig + RAW)
        assert ("dkim", "permerror") in got, (selector, got)


def test_a_lookup_nobody_answers_is_temperror(keys):
    _, rsa_priv, _ = keys
    sig = dkim.sign(RAW, b"rsa", DOMAIN, rsa_priv, include_headers=HEADERS)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:  # receives, never answers
        silent.bind(("127.0.0.1", 0))
        address = f"127.0.0.1:{silent.getsockname()[1]}"
        got, _ = results(address, sig + RAW, timeout=2.0, retries=0)
    assert ("dkim", "temperror") in got


def test_arc_headers_without_a_seal_are_a_failed_chain(keys):
    nsd, _, _ = keys
    orphan = (
        b"ARC-Authentication-Results: i=1; lists.example.co.jp; spf=pass smtp.mailfrom=example.co.jp\r\n"
        b"ARC-Message-Signature: i=1; a=rsa-sha256; d=example.co.jp; s=rsa; h=from; bh=AAAA; b=AAAA\r\n"
    ) + RAW
    got, v = results(nsd.address, orphan)
    assert ("arc", "fail") in got
    assert "auth.arc-fail" in {s["code"] for s in v.signals}


def test_a_seal_saying_cv_fail_is_a_failed_chain(keys):
    nsd, _, _ = keys
    failed = b"ARC-Seal: i=1; a=rsa-sha256; cv=fail; d=example.co.jp; s=rsa; t=1700000000; b=AAAA\r\n" + RAW
    got, _ = results(nsd.address, failed)
    assert ("arc", "fail") in got
