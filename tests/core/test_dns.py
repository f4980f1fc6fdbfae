"""The DNS seam against a real NSD."""

from __future__ import annotations

import asyncio
import socket

import pytest

from mailwarden.core.dns import Resolver, Status, parse_nameserver, to_ascii_name, to_unicode_name
from mailwarden.core.errors import ConfigError, InvalidDomainError
from tests.support.nsd import free_port
from tests.support.timing import DNS_TIMEOUT

pytestmark = pytest.mark.dns


@pytest.fixture
def r(audit_dns):
    return Resolver([audit_dns.address], timeout=DNS_TIMEOUT, retries=1)


async def test_answers_and_negative_answers(r):
    ans = await r.query("good.test", "MX")
    assert ans.ok and ans.targets() == ["mx1.good.test"]
    assert (await r.query("nothing-here.test", "TXT")).status is Status.NXDOMAIN
    assert (await r.query("sub.good.test", "TXT")).status is Status.NODATA


async def test_truncated_udp_falls_back_to_tcp(r):
    ans = await r.query("huge.test", "TXT")
    assert ans.ok and ans.truncated_retry
    assert len(ans.records) == 2
    assert any(t.startswith(b"v=spf1") for t in ans.texts())


async def test_cname_loop_is_an_error(r):
    ans = await r.query("cloop.test", "A")
    assert ans.status is Status.ERROR and "loop" in (ans.error or "")


async def test_cname_followed(r):
    ans = await r.query("alias.bad.test", "A")
    assert ans.ok and ans.addresses() == ["127.0.0.1"] and ans.cnames == ["mx1.good.test"]


async def test_cache_and_coalescing(r):
    before = r.queries_sent
    results = await asyncio.gather(*(r.query("good.test", "TXT") for _ in range(20)))
    assert all(a.ok for a in results)
    assert r.queries_sent - before == 1
    await r.query("GOOD.test.", "TXT")
    assert r.queries_sent - before == 1 and r.cache_hits >= 20


async def test_dead_nameserver_is_skipped(audit_dns):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as dead:
        dead.bind(("127.0.0.1", free_port()))
        dead_addr = f"127.0.0.1:{dead.getsockname()[1]}"
        r = Resolver([dead_addr, audit_dns.address], timeout=DNS_TIMEOUT, retries=1)
        for i in range(4):
            ans = await r.query(f"p{i}.heavy.test", "TXT")
            assert ans.ok


async def test_timeout_status(audit_dns):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as dead:
        dead.bind(("127.0.0.1", free_port()))
        r = Resolver([f"127.0.0.1:{dead.getsockname()[1]}"], timeout=DNS_TIMEOUT, retries=1)
        ans = await r.query("good.test", "TXT")
    assert ans.status is Status.TIMEOUT and ans.temporary and not ans.exists


async def test_refused_for_foreign_zone():
    # NSD answers REFUSED for a zone it does not serve: temporary, not "missing".
    from tests.support.nsd import NsdServer, Zone

    with NsdServer([Zone("only.test").add("@", "TXT", '"x"')]) as nsd:
        r = Resolver([nsd.address], timeout=DNS_TIMEOUT, retries=0)
        ans = await r.query("example.org", "TXT")
    assert ans.status is Status.REFUSED and ans.temporary


async def test_bounded_concurrency(audit_dns, monkeypatch):
    in_flight = peak = 0
    real_udp = Resolver._udp

    async def counting_udp(self, *a, **kw):
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        try:
            await asyncio.sleep(0.01)
            return await real_udp(self, *a, **kw)
        finally:
            in_flight -= 1

    monkeypatch.setattr(Resolver, "_udp", counting_udp)
    r = Resolver([audit_dns.address], timeout=DNS_TIMEOUT, concurrency=3)
    results = await asyncio.gather(*(r.query(f"p{i}.heavy.test", "TXT") for i in range(11)))
    assert all(a.ok for a in results)
    assert peak == 3


@pytest.mark.parametrize(
    ("spec", "host", "port"),
    [
        ("127.0.0.1", "127.0.0.1", 53),
        ("127.0.0.1:5353", "127.0.0.1", 5353),
        ("::1", "::1", 53),
        ("[::1]:5300", "::1", 5300),
    ],
)
def test_parse_nameserver(spec, host, port):
    ns = parse_nameserver(spec)
    assert (ns.host, ns.port) == (host, port)


@pytest.mark.parametrize("spec", ["localhost", "1.2.3.4:0", "1.2.3.4:99999", "[::1", "[::1]x"])
def test_parse_nameserver_rejects(spec):
    with pytest.raises(ConfigError):
        parse_nameserver(spec)


def test_names():
    assert to_ascii_name("Example.COM.") == "example.com"
    assert to_ascii_name("例え.jp") == "xn--r8jz45g.jp"
    assert to_unicode_name("xn--r8jz45g.jp") == "例え.jp"
    for bad in ("a" * 64 + ".jp", "x." * 127 + "jp", "a..b", ""):
        with pytest.raises(InvalidDomainError):
            to_ascii_name(bad)
    with pytest.raises(InvalidDomainError):
        to_ascii_name("bad name.jp", strict=True)
    assert to_ascii_name("_dmarc.example.jp", strict=True) == "_dmarc.example.jp"
