"""Resolver.query_many (fan-outs in one burst) against a real NSD: the same answers as query(),
through lost questions too; and the in-flight limit it shares with query()."""

from __future__ import annotations

import asyncio
import socket
import threading
from typing import Any

import pytest

from mailwarden.core.dns import DnsAnswer, Resolver, Status, _Limit
from tests.support.nsd import free_port
from tests.support.timing import DNS_TIMEOUT

NAMES = [
    "good.test",
    "nothing-here.test",  # NXDOMAIN
    "sub.good.test",  # NODATA
    "huge.test",  # truncated over UDP: TCP
    "alias.bad.test",  # a CNAME only: followed
    "cloop.test",  # a CNAME loop: an error
    *(f"p{i}.heavy.test" for i in range(11)),
    "GOOD.test.",  # the same name as the first, written otherwise
    "good.test",  # twice
    "bad..name",  # not a name
    "x" * 70 + ".test",  # a label over 63 octets
]


def shape(a: DnsAnswer) -> tuple[Any, ...]:
    return (a.name.lower().rstrip("."), a.status, sorted(a.texts()), a.cnames, bool(a.error))


@pytest.mark.dns
async def test_same_answers_as_query(audit_dns: Any) -> None:
    many = Resolver([audit_dns.address], timeout=DNS_TIMEOUT, retries=1)
    one = Resolver([audit_dns.address], timeout=DNS_TIMEOUT, retries=1)
    got = await many.query_many(NAMES, "TXT")
    want = [await one.query(n, "TXT") for n in NAMES]
    assert [shape(a) for a in got] == [shape(a) for a in want]
    assert got[0].ok and got[3].ok and len(got[3].records) == 2
    assert got[1].status is Status.NXDOMAIN and got[2].status is Status.NODATA
    assert got[5].status is Status.ERROR and got[-2].status is Status.ERROR
    assert [a.status for a in got[6:17]] == [Status.OK] * 11
    # everything it learnt is in the cache: asked again, nothing leaves
    sent = many.queries_sent
    again = await many.query_many(NAMES, "TXT")
    assert many.queries_sent == sent
    assert [shape(a) for a in again] == [shape(a) for a in got]


class LossyRelay:
    """A UDP relay to NSD that drops the first question for every name containing ``drop``."""

    def __init__(self, upstream: tuple[str, int], drop: str) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", free_port()))
        self.sock.settimeout(0.2)
        self.up = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.up.settimeout(DNS_TIMEOUT)
        self.upstream = upstream
        self.drop = drop.encode()
        self.dropped: set[bytes] = set()
        self.running = True
        self.thread = threading.Thread(target=self.serve, daemon=True)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.sock.getsockname()[1]}"

    def serve(self) -> None:
        while self.running:
            try:
                data, client = self.sock.recvfrom(4096)
            except TimeoutError:
                continue
            question = data[12:].lower()
            if self.drop in question and question not in self.dropped:
                self.dropped.add(question)
                continue
            self.up.sendto(data, self.upstream)
            try:
                answer, _ = self.up.recvfrom(65535)
            except TimeoutError:
                continue
            self.sock.sendto(answer, client)

    def __enter__(self) -> LossyRelay:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.running = False
        self.thread.join()
        self.sock.close()
        self.up.close()


@pytest.mark.dns
async def test_lost_questions_asked_again(audit_dns: Any) -> None:
    host, port = audit_dns.address.rsplit(":", 1)
    names = [f"p{i}.heavy.test" for i in range(11)]
    with LossyRelay((host, int(port)), drop="p3") as relay:
        r = Resolver([relay.address], timeout=DNS_TIMEOUT, retries=1)
        got = await r.query_many(names, "TXT")
    assert relay.dropped  # the relay did lose a question
    assert [a.status for a in got] == [Status.OK] * 11
    assert got[3].texts() == [b"v=spf1 ip4:198.51.100.3 -all"]
    assert r.timeouts >= 1


@pytest.mark.dns
async def test_dead_server_answers_timeout_as_query_does() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as dead:
        dead.bind(("127.0.0.1", free_port()))
        r = Resolver([f"127.0.0.1:{dead.getsockname()[1]}"], timeout=DNS_TIMEOUT, retries=0)
        got = await r.query_many(["a.test", "b.test"], "TXT")
    assert [a.status for a in got] == [Status.TIMEOUT, Status.TIMEOUT]
    assert all(a.temporary for a in got)


async def test_limit_serves_in_order_and_a_burst_is_not_starved() -> None:
    limit = _Limit(4)
    await limit.acquire(3)
    order: list[str] = []

    async def take(name: str, n: int) -> None:
        await limit.acquire(n)
        order.append(name)

    burst = asyncio.create_task(take("burst", 3))
    await asyncio.sleep(0)
    single = asyncio.create_task(take("single", 1))
    await asyncio.sleep(0)
    # one permit is free, but the single question waits behind the burst that came first
    assert order == [] and limit.free == 1
    limit.release(3)
    await asyncio.gather(burst, single)
    assert order == ["burst", "single"] and limit.free == 0


async def test_limit_cancelled_waiter_gives_nothing_away() -> None:
    limit = _Limit(1)
    await limit.acquire()
    waiter = asyncio.create_task(limit.acquire())
    await asyncio.sleep(0)
    waiter.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiter
    limit.release()
    assert limit.free == 1 and not limit.waiters
    await asyncio.wait_for(limit.acquire(), DNS_TIMEOUT)  # still usable
    assert limit.free == 0
