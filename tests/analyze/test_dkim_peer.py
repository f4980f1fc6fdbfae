"""DKIM and ARC verdicts beside Mail::DKIM (Debian's libmail-dkim-perl), on the same messages
with the same keys served by a real NSD.

ValiMail's ARC suite and Mail::DKIM's own test vectors are not on the package registries
this project may use, so this is the substitute: 30-odd cases signed here with dkimpy
(RSA and Ed25519; simple and relaxed; l=; two hops of ARC) and then broken in the ways the
RFCs name. Each case has the verdict the RFCs call for, which mailwarden must give; and
Mail::DKIM, verifying the same bytes against the same name server, must agree — except
where it is listed in ``DIVERGENCES`` with the RFC text that decides. A new disagreement,
or a listed one that went away, fails the test."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
from pathlib import Path

import dkim
import pytest

from mailwarden.analyze.engine import analyze_online
from mailwarden.analyze.rules import load_rules
from mailwarden.core.dns import Resolver
from tests.support.dkimkeys import ed25519_pair, rsa_pair
from tests.support.nsd import NsdServer, Zone, txt_rdata
from tests.support.timing import DNS_TIMEOUT

pytestmark = pytest.mark.dns

PERL = Path(__file__).parents[1] / "support" / "mail_dkim_verify.pl"
D = b"example.co.jp"
H = [b"from", b"to", b"subject", b"date"]
RAW = (
    "From: Taro <taro@example.co.jp>\r\nTo: hanako@example.co.jp\r\nSubject: Q3 figures\r\n"
    "Date: Fri, 04 Dec 2026 10:00:00 +0900\r\nMessage-ID: <q3@example.co.jp>\r\nMIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    "添付の資料をご確認ください。\r\n"
).encode()

#: (case, what): Mail::DKIM's verdict where it differs from the RFC's, and the RFC text
DIVERGENCES: dict[tuple[str, str], tuple[str, str]] = {
    ("ed25519-sha256", "dkim"): (
        "['permerror']",
        "Mail::DKIM 1.20230212 (Debian 12) does not implement ed25519-sha256; to a verifier without "
        "it the algorithm is unknown, PERMFAIL (RFC 6376 6.1.1). RFC 8463 3 defines it: mailwarden "
        "verifies it (pass).",
    ),
    ("rsa and ed25519 on one message", "dkim"): (
        "['permerror', 'pass']",
        "as above: the Ed25519 signature is not verified by Mail::DKIM; the RSA one passes in both.",
    ),
    ("rsa-sha1", "dkim"): (
        "['pass']",
        "RFC 8301 3.1: 'Verifiers MUST NOT consider signatures using rsa-sha1 valid' (mailwarden: "
        "fail, unless the rules set allow_rsa_sha1, and then reported).",
    ),
    ("From not signed", "dkim"): (
        "['fail']",
        "RFC 6376 6.1.1: 'If the h= tag does not include the From header field, the Verifier MUST "
        "ignore the DKIM-Signature header field and return PERMFAIL (From field not signed)' — "
        "before any cryptography; Mail::DKIM reports the changed header's signature failing.",
    ),
    ("ARC seal key missing", "arc"): (
        "invalid",
        "RFC 8617 4.4 / 5.2: the chain's validation status is none, pass or fail; a seal that "
        "cannot be validated (no key) fails the chain. 'invalid' is Mail::DKIM's own word.",
    ),
}


def sign(msg: bytes, selector: bytes, key: bytes, **kw: object) -> bytes:
    return dkim.sign(msg, selector, D, key, include_headers=H, **kw) + msg  # type: ignore[arg-type]


def seal(msg: bytes, selector: bytes, key: bytes, hop: bytes, arc: str | None) -> bytes:
    ar = f"Authentication-Results: {hop.decode()}; dkim=pass header.d=example.co.jp"
    if arc:
        ar += f"; arc={arc}"
    msg = ar.encode() + b"\r\n" + msg
    return b"".join(dkim.arc_sign(msg, selector, D, key, hop, include_headers=H)) + msg


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    rsa_priv, rsa_pub = rsa_pair(2048)
    small_priv, small_pub = rsa_pair(1024)
    ed_priv, ed_pub = ed25519_pair()
    z = Zone("example.co.jp")
    records = {
        "rsa": f"v=DKIM1; k=rsa; p={rsa_pub}",
        "rsa1024": f"v=DKIM1; k=rsa; p={small_pub}",
        "ed": f"v=DKIM1; k=ed25519; p={ed_pub}",
        "revoked": "v=DKIM1; k=rsa; p=",
        "broken": "v=DKIM1; k=rsa; p=bm90IGEga2V5IGF0IGFsbA==",
        "sha1only": f"v=DKIM1; k=rsa; h=sha1; p={rsa_pub}",
        "edrecord": f"v=DKIM1; k=ed25519; p={ed_pub}",  # an Ed25519 key; RSA signatures name it
        "badversion": f"v=DKIM2; k=rsa; p={rsa_pub}",
        "unknownkey": f"v=DKIM1; k=dsa; p={rsa_pub}",
        "strict": f"v=DKIM1; k=rsa; t=s; p={rsa_pub}",
    }
    for selector, record in records.items():
        z.add(f"{selector}._domainkey.example.co.jp", "TXT", txt_rdata([record]))
    z.add("_dmarc.example.co.jp", "TXT", txt_rdata(["v=DMARC1; p=reject"]))

    rsa_sig = sign(RAW, b"rsa", rsa_priv)
    cases: dict[str, tuple[bytes, dict[str, object]]] = {}

    def case(name: str, data: bytes, dkim_results: list[str] | None = None, arc: str = "none") -> None:
        cases[name] = (data, {"dkim": dkim_results or [], "arc": arc})

    # -- DKIM (RFC 6376, 8301, 8463) --------------------------------------------------------
    case("rsa-sha256 relaxed/simple", rsa_sig, ["pass"])
    case(
        "rsa-sha256 simple/simple", sign(RAW, b"rsa", rsa_priv, canonicalize=(b"simple", b"simple")), ["pass"]
    )
    case(
        "rsa-sha256 relaxed/relaxed",
        sign(RAW, b"rsa", rsa_priv, canonicalize=(b"relaxed", b"relaxed")),
        ["pass"],
    )
    case("ed25519-sha256", sign(RAW, b"ed", ed_priv, signature_algorithm=b"ed25519-sha256"), ["pass"])
    case(
        "rsa and ed25519 on one message",
        sign(sign(RAW, b"rsa", rsa_priv), b"ed", ed_priv, signature_algorithm=b"ed25519-sha256"),
        ["pass", "pass"],
    )
    case("1024-bit key", sign(RAW, b"rsa1024", small_priv), ["pass"])
    case("body changed", rsa_sig.replace("ご確認".encode(), "ご入金".encode()), ["fail"])
    case("signed header changed", rsa_sig.replace(b"Subject: ", b"Subject: Re: "), ["fail"])
    case("unsigned header added", b"X-Mailer: hop\r\n" + rsa_sig, ["pass"])
    case("relaxed header whitespace", rsa_sig.replace(b"Subject: ", b"Subject:    "), ["pass"])
    case(
        "simple header whitespace",
        sign(RAW, b"rsa", rsa_priv, canonicalize=(b"simple", b"simple")).replace(b"Subject: ", b"Subject:  "),
        ["fail"],
    )
    case(
        "relaxed body whitespace",
        sign(RAW, b"rsa", rsa_priv, canonicalize=(b"relaxed", b"relaxed")).replace(
            "ください。".encode(), "ください。   ".encode()
        ),
        ["pass"],
    )
    case("l= with text appended", sign(RAW, b"rsa", rsa_priv, length=True) + b"appended\r\n", ["pass"])
    case("no key record", sign(RAW, b"missing", rsa_priv), ["permerror"])
    case("revoked key (p=)", sign(RAW, b"revoked", rsa_priv), ["permerror"])
    case("key that is not a key", sign(RAW, b"broken", rsa_priv), ["permerror"])
    case("key for sha1 only, signature sha256", sign(RAW, b"sha1only", rsa_priv), ["permerror"])
    case("RSA signature, Ed25519 key record", sign(RAW, b"edrecord", rsa_priv), ["permerror"])
    case("key record v=DKIM2", sign(RAW, b"badversion", rsa_priv), ["permerror"])
    case("key type dsa", sign(RAW, b"unknownkey", rsa_priv), ["permerror"])
    case("rsa-sha1", sign(RAW, b"rsa", rsa_priv, signature_algorithm=b"rsa-sha1"), ["fail"])
    case(
        "i= in a subdomain, key t=s",
        sign(RAW, b"strict", rsa_priv, identity=b"taro@mail.example.co.jp"),
        ["permerror"],
    )
    case("i= outside d=", re.sub(rb"i=[^;]*;", b"i=taro@example.org;", rsa_sig, count=1), ["permerror"])
    case("From not signed", re.sub(rb"h=from\s*:\s*", b"h=", rsa_sig, count=1), ["permerror"])
    case("signature value changed", re.sub(rb"\bb=", b"b=AAAA", rsa_sig, count=1), ["fail"])
    case("no signature", RAW, ["none"])

    # -- ARC (RFC 8617) ---------------------------------------------------------------------
    hop1 = seal(rsa_sig, b"rsa", rsa_priv, b"lists.example.co.jp", None)
    case("ARC one hop", hop1, ["pass"], "pass")
    hop2 = seal(hop1, b"rsa1024", small_priv, b"relay.example.co.jp", "pass")
    case("ARC two hops", hop2, ["pass"], "pass")
    case(
        "ARC body changed after the last hop",
        hop2.replace("ご確認".encode(), "ご入金".encode()),
        ["fail"],
        "fail",
    )
    changed1 = hop1.replace("ご確認".encode(), "ご入金".encode())
    case(
        "ARC body changed between hops, second hop seals pass",
        seal(changed1, b"rsa", rsa_priv, b"relay.example.co.jp", "pass"),
        ["fail"],
        "pass",
    )
    case(
        "ARC seal says cv=fail",
        seal(hop1, b"rsa", rsa_priv, b"relay.example.co.jp", "fail"),
        ["pass"],
        "fail",
    )
    case("ARC without a seal", _without(hop1, b"ARC-Seal"), ["pass"], "fail")
    case(
        "ARC seal key missing",
        seal(rsa_sig, b"missing", rsa_priv, b"lists.example.co.jp", None),
        ["pass"],
        "fail",
    )

    root = tmp_path_factory.mktemp("dkim-peer")
    files = {}
    for i, (name, (data, _)) in enumerate(cases.items()):
        files[name] = root / f"{i:02d}.eml"
        files[name].write_bytes(data)
    with NsdServer([z]) as nsd:
        yield nsd, cases, files


def _field(msg: bytes, name: bytes) -> bytes:
    """The first header field called ``name``, folded lines and all."""
    m = re.search(rb"(?im)^" + name + rb":.*\r\n(?:[ \t].*\r\n)*", msg)
    assert m is not None, name
    return m.group(0)


def _without(msg: bytes, name: bytes) -> bytes:
    return msg.replace(_field(msg, name), b"", 1)


def ours(nsd, data: bytes) -> dict[str, object]:
    resolver = Resolver([nsd.address], timeout=DNS_TIMEOUT)
    v = asyncio.run(analyze_online(data, load_rules(), resolver=resolver))
    results = v.authentication["results"]
    arc = [r["result"] for r in results if r["method"] == "arc"]
    return {"dkim": [r["result"] for r in results if r["method"] == "dkim"], "arc": arc[0] if arc else "none"}


PEER_RESULT = {"invalid": "permerror"}  # Mail::DKIM's name for a signature that cannot be checked


def theirs(nsd, files: dict[str, Path]) -> dict[str, dict[str, object]]:
    host, port = nsd.address.rsplit(":", 1) if ":" in nsd.address else (nsd.address, "53")
    out = subprocess.run(
        ["perl", str(PERL), host, port, *map(str, files.values())],
        capture_output=True,
        check=True,
        timeout=300,
    ).stdout.decode()
    by_file = {json.loads(line)["file"]: json.loads(line) for line in out.splitlines()}
    got = {}
    for name, path in files.items():
        row = by_file[str(path)]
        got[name] = {
            "dkim": [PEER_RESULT.get(s["result"], s["result"]) for s in row["dkim"]] or ["none"],
            "arc": row["arc"] or "none",
            "detail": [s["detail"] for s in row["dkim"]] + [row["arc_detail"]],
        }
    return got


def test_verdicts_as_the_rfcs_define_and_beside_mail_dkim(world):
    nsd, cases, files = world
    mine = {name: ours(nsd, data) for name, (data, _) in cases.items()}
    peer = theirs(nsd, files)
    wrong = {name: (mine[name], want) for name, (_, want) in cases.items() if mine[name] != want}
    assert not wrong, wrong
    differ = {}
    for name in cases:
        for what in ("dkim", "arc"):
            if peer[name][what] != mine[name][what]:
                differ[(name, what)] = (str(peer[name][what]), str(peer[name]["detail"]))
    assert {k: v[0] for k, v in differ.items()} == {k: v[0] for k, v in DIVERGENCES.items()}, differ
