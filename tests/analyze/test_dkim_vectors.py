"""dkimpy's copies of the RFC 8463 Appendix A example, verified by mailwarden's own path
(analyze_online, keys served by NSD): every Ed25519 and RSA signature passes, and fails once
the message is changed. The vectors and their licence: tests/data/dkimpy-vectors/."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from mailwarden.analyze.engine import analyze_online
from mailwarden.analyze.rules import load_rules
from mailwarden.core.dns import Resolver
from tests.support.nsd import NsdServer, Zone, txt_rdata
from tests.support.timing import DNS_TIMEOUT

pytestmark = pytest.mark.dns

VECTORS = Path(__file__).parents[1] / "data" / "dkimpy-vectors"
BRISBANE = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="


@pytest.fixture(scope="module")
def football():
    z = Zone("football.example.com")
    z.add("brisbane._domainkey.football.example.com", "TXT", txt_rdata([BRISBANE]))
    z.add(
        "test._domainkey.football.example.com", "TXT", txt_rdata([(VECTORS / "test.txt").read_text().strip()])
    )
    with NsdServer([z]) as nsd:
        yield nsd


def dkim_results(nsd, data: bytes) -> list[tuple[str, str]]:
    v = asyncio.run(analyze_online(data, load_rules(), resolver=Resolver([nsd.address], timeout=DNS_TIMEOUT)))
    return [(r["header.s"], r["result"]) for r in v.authentication["results"] if r["method"] == "dkim"]


@pytest.mark.parametrize(
    ("name", "selectors"),
    [("rfc6376.signed.msg", {"brisbane", "test"}), ("rfc6376.signed.rsa.msg", {"test"})],
)
def test_the_rfc8463_example_verifies_and_breaks_when_changed(football, name, selectors):
    data = (VECTORS / name).read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    got = dkim_results(football, data)
    assert got and all(result == "pass" for _, result in got), got
    assert {s for s, _ in got} == selectors
    changed = data.replace(b"We lost the game.", b"We won the game.")
    assert changed != data
    broken = dkim_results(football, changed)
    assert broken and all(result == "fail" for _, result in broken), broken


def test_a_signature_without_its_timestamp_is_a_verdict_not_a_crash(football):
    # dkimpy's "no t=" vector: the t= tag removed after signing, so the signature cannot
    # verify — dkimpy's own test expects exactly that (and no exception)
    data = (VECTORS / "rfc6376.signed.no_t.msg").read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    assert dkim_results(football, data) == [("test", "fail")]
