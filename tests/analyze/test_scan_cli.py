"""`mailwarden scan` end to end: formats, paths, directories and mbox in parallel, --explain;
DKIM verified against a real NSD serving the key."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys

import pytest

from mailwarden.analyze.engine import analyze_online
from mailwarden.analyze.rules import load_rules
from mailwarden.core.dns import Resolver
from tests.support.nsd import NsdServer, Zone, txt_rdata
from tests.support.timing import DNS_TIMEOUT

from .mail import message

pytestmark = pytest.mark.dns


def run(*args, stdin=None):
    env_lang = {"MAILWARDEN_LANG": "en"}
    import os

    return subprocess.run(
        [sys.executable, "-m", "mailwarden", "scan", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, **env_lang},
        timeout=120,
    )


def test_directory_and_mbox_jsonl_carry_their_paths(tmp_path):
    d = tmp_path / "mail"
    d.mkdir()
    for i in range(7):
        (d / f"m{i}.eml").write_bytes(message(f"本文 {i}", msgid=f"<{i}@example.co.jp>"))
    (d / "bec.eml").write_bytes(
        message(
            "振込先の変更をお願いします。至急。内密に。",
            reply_to="boss@gmail.com",
            from_="社長 <ceo@example.co.jp>",
        )
    )
    mbox = (
        b"From a@b Fri Nov 27 00:00:00 2026\n"
        + message("one")
        + b"\nFrom a@b Fri Nov 27 00:00:00 2026\n"
        + message("two")
    )
    (d / "box.mbox").write_bytes(mbox)
    proc = run("--offline", "--format", "jsonl", str(d))
    assert proc.returncode == 1, proc.stderr  # one message is flagged: exit code 1
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    paths = [r["path"] for r in rows]
    assert paths == sorted(paths, key=lambda p: paths.index(p))  # input order kept
    assert len(rows) == 10 and any(p.endswith("box.mbox#2") for p in paths)
    by_name = {r["path"].rsplit("/", 1)[-1]: r for r in rows}
    assert by_name["bec.eml"]["verdict"] == "phishing"
    assert by_name["m3.eml"]["verdict"] == "clean"


def test_stdin_json_and_explain():
    proc = run("--offline", "--format", "json", "-", stdin=message("hello"))
    data = json.loads(proc.stdout)
    assert data[0]["path"] == "stdin" and data[0]["verdict"] == "clean"
    proc = run("--explain", "header.reply-to-freemail")
    assert proc.returncode == 0 and b"Reply-To" in proc.stdout
    assert run("--explain", "no.such").returncode == 2


def test_unreadable_path_is_reported_not_fatal(tmp_path):
    proc = run("--offline", "--format", "json", str(tmp_path / "missing.eml"))
    data = json.loads(proc.stdout)
    assert "error" in data[0]


@pytest.fixture(scope="module")
def dkim_dns():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    priv = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    pub = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    import base64

    z = Zone("example.co.jp")
    z.add(
        "s1._domainkey.example.co.jp",
        "TXT",
        txt_rdata([f"v=DKIM1; k=rsa; p={base64.b64encode(pub).decode()}"]),
    )
    z.add("_dmarc.example.co.jp", "TXT", txt_rdata(["v=DMARC1; p=reject"]))
    z.add("example.co.jp", "TXT", txt_rdata(["v=spf1 ip4:192.0.2.10 -all"]))
    with NsdServer([z]) as nsd:
        yield nsd, priv


def test_dkim_verified_through_the_dns_seam(dkim_dns):
    import dkim

    nsd, priv = dkim_dns
    raw = message("署名されたメール", from_="Taro <taro@example.co.jp>")
    sig = dkim.sign(raw, b"s1", b"example.co.jp", priv, include_headers=[b"from", b"subject", b"date"])
    rules = load_rules()

    async def verdict(data):
        return await analyze_online(data, rules, resolver=Resolver([nsd.address], timeout=DNS_TIMEOUT))

    good = asyncio.run(verdict(sig + raw))
    results = {(r["method"], r["result"]) for r in good.authentication["results"]}
    assert ("dkim", "pass") in results and ("dmarc", "pass") in results
    tampered = sig + raw.replace(b"Subject: ", b"Subject: URGENT ")
    bad = asyncio.run(verdict(tampered))
    found = {s["code"] for s in bad.signals}
    assert {"auth.dkim-fail", "auth.dmarc-fail", "auth.dmarc-fail-reject"} <= found
    assert "dmarc=fail" in bad.authentication["header"]


def test_spf_for_the_client_and_the_trusted_relay(dkim_dns):
    from mailwarden.cli.scan_cmds import client_from_received
    from mailwarden.core.message import parse_message

    nsd, _ = dkim_dns
    received = (
        "Received: from mail.example.co.jp (mail.example.co.jp [192.0.2.10])\r\n"
        "\tby mx.receiver.example (Postfix) with ESMTPS id 4AB; Mon, 3 Nov 2025 09:00:00 +0900\r\n"
        "Received: from evil (unknown [198.51.100.66])\r\n"
        "\tby mail.example.co.jp; Mon, 3 Nov 2025 08:59:00 +0900\r\n"
    )
    raw = message("請求書の件", from_="Taro <taro@example.co.jp>", extra_headers=received)
    ip, helo = client_from_received(parse_message(raw).header_all("received"), "mx.receiver.example")
    assert (ip, helo) == ("192.0.2.10", "mail.example.co.jp")
    rules = load_rules()

    async def verdict(client):
        return await analyze_online(
            raw,
            rules,
            resolver=Resolver([nsd.address], timeout=DNS_TIMEOUT),
            client_ip=client,
            mail_from="taro@example.co.jp",
        )

    good = asyncio.run(verdict(ip))
    assert ("spf", "pass") in {(r["method"], r["result"]) for r in good.authentication["results"]}
    assert ("dmarc", "pass") in {(r["method"], r["result"]) for r in good.authentication["results"]}
    bad = asyncio.run(verdict("198.51.100.66"))
    found = {s["code"] for s in bad.signals}
    assert {"auth.spf-fail", "auth.dmarc-fail", "auth.dmarc-fail-reject"} <= found


def test_arc_chain_verified(dkim_dns):
    import dkim

    nsd, priv = dkim_dns
    raw = message(
        "転送されたメール",
        from_="Taro <taro@example.co.jp>",
        extra_headers="Authentication-Results: lists.example.co.jp; spf=pass smtp.mailfrom=example.co.jp\r\n",
    )
    seal = b"".join(dkim.arc_sign(raw, b"s1", b"example.co.jp", priv, b"lists.example.co.jp"))
    sealed = seal + raw
    rules = load_rules()

    async def verdict(data):
        return await analyze_online(data, rules, resolver=Resolver([nsd.address], timeout=DNS_TIMEOUT))

    good = asyncio.run(verdict(sealed))
    assert ("arc", "pass") in {(r["method"], r["result"]) for r in good.authentication["results"]}
    broken = sealed.replace(b"Subject: ", b"Subject: RE: ", 1)  # a sealed header changed in transit
    bad = asyncio.run(verdict(broken))
    assert ("arc", "pass") not in {(r["method"], r["result"]) for r in bad.authentication["results"]}
    assert "auth.arc-fail" in {s["code"] for s in bad.signals}
