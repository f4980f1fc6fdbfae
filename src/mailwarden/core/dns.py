"""The one async DNS seam every feature uses.

* explicit nameservers with ports (``--nameserver HOST[:PORT]``, several allowed), or the
  system's resolvers from ``/etc/resolv.conf``;
* per-query timeout, retries that rotate through the nameservers, TCP fallback when a UDP
  answer is truncated (RFC 7766 §3);
* CNAME chains followed (bounded, loops detected);
* a per-run LRU cache that also coalesces identical questions in flight;
* a limit on the number of questions in flight (served in order; a burst takes its share at once);
* fan-outs (``query_many``: DKIM selector probes) sent in one burst on one socket and
  gathered by one waiter, with query()'s answers;
* a small pool of connected UDP sockets per server (random source ports and query ids,
  answers checked against the question) and the lean codec in ``dnswire``; dnspython
  reads ``/etc/resolv.conf`` and serves as the codec's test oracle.

Answers are :class:`DnsAnswer` values, never exceptions: a timeout or SERVFAIL is a
*temporary* status that callers must report as "could not determine", never as "missing".
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import random
import secrets
import socket
from collections import OrderedDict, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from . import dnswire
from .dnswire import AddressRecord, MxRecord, NameRecord, Record, TxtRecord

__all__ = [
    "DnsAnswer",
    "Nameserver",
    "Resolver",
    "Status",
    "nameservers_from",
    "parse_nameserver",
    "to_ascii_name",
    "to_unicode_name",
]
from .dnsnames import (
    Nameserver,
    nameservers_from,
    parse_nameserver,
    to_ascii_name,
    to_unicode_name,
)
from .errors import ConfigError, InvalidDomainError
from .i18n import gettext

MAX_CNAME_HOPS = 8


class Status(StrEnum):
    OK = "ok"
    NXDOMAIN = "nxdomain"
    NODATA = "nodata"
    TIMEOUT = "timeout"
    SERVFAIL = "servfail"
    REFUSED = "refused"
    ERROR = "error"

    @property
    def temporary(self) -> bool:
        return self in _TEMPORARY


_TEMPORARY = frozenset({Status.TIMEOUT, Status.SERVFAIL, Status.REFUSED, Status.ERROR})


@dataclass
class DnsAnswer:
    name: str
    rdtype: str
    status: Status
    records: list[Record] = field(default_factory=list)
    cnames: list[str] = field(default_factory=list)
    error: str | None = None
    authenticated: bool = False
    truncated_retry: bool = False

    @property
    def ok(self) -> bool:
        return self.status is Status.OK

    @property
    def temporary(self) -> bool:
        return self.status.temporary

    @property
    def exists(self) -> bool:
        """The name exists (it may still have no records of this type)."""
        return self.status in (Status.OK, Status.NODATA)

    @property
    def reason(self) -> str:
        """Why the question failed, for "could not determine" findings."""
        return self.error or str(self.status)

    def text_records(self) -> list[str]:
        """TXT records as text (UTF-8, invalid bytes replaced), strings joined."""
        return [t.decode("utf-8", "replace") for t in self.texts()]

    def texts(self) -> list[bytes]:
        """TXT records as bytes, each record's strings joined without separator (RFC 7208 §3.3)."""
        return [b"".join(r.strings) for r in self.records if isinstance(r, TxtRecord)]

    def strings(self) -> list[list[bytes]]:
        return [list(r.strings) for r in self.records if isinstance(r, TxtRecord)]

    def addresses(self) -> list[str]:
        return [r.address for r in self.records if isinstance(r, AddressRecord)]

    def mx(self) -> list[tuple[int, str]]:
        return [(r.preference, r.exchange.lower()) for r in self.records if isinstance(r, MxRecord)]

    def targets(self) -> list[str]:
        """Target names of PTR/CNAME/NS records, or MX exchanges."""
        out = []
        for r in self.records:
            if isinstance(r, NameRecord):
                out.append(r.target.lower())
            elif isinstance(r, MxRecord):
                out.append(r.exchange.lower())
        return out


class _Burst:
    """Answers to questions sent together on one socket, gathered for one waiter."""

    __slots__ = ("answers", "left", "waiter")

    def __init__(self, waiter: asyncio.Future[None]) -> None:
        self.answers: dict[int, bytes] = {}
        self.waiter = waiter
        self.left = 0

    def deliver(self, qid: int, data: bytes) -> None:
        self.answers[qid] = data
        self.left -= 1
        if self.left <= 0:
            self.settle()

    def settle(self) -> None:
        if not self.waiter.done():
            self.waiter.set_result(None)


class _Limit:
    """At most ``capacity`` questions in flight. A burst takes what it needs at once, and
    waiters are served in the order they came: none holds part of its share while it waits,
    so two bursts cannot starve each other."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.free = capacity
        self.waiters: deque[tuple[int, asyncio.Future[None]]] = deque()

    async def acquire(self, n: int = 1) -> None:
        if not self.waiters and self.free >= n:
            self.free -= n
            return
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.waiters.append((n, fut))
        try:
            await fut
        except asyncio.CancelledError:
            if fut.done() and not fut.cancelled():  # granted as it was cancelled: give it back
                self.release(n)
            raise

    def release(self, n: int = 1) -> None:
        self.free += n
        waiters = self.waiters
        while waiters:
            k, fut = waiters[0]
            if fut.done():  # cancelled while waiting
                waiters.popleft()
                continue
            if k > self.free:
                break
            waiters.popleft()
            self.free -= k
            fut.set_result(None)


class _Channel(asyncio.DatagramProtocol):
    """One connected UDP socket; answers are matched to questions by id and question."""

    def __init__(self) -> None:
        self.transport: asyncio.DatagramTransport | None = None
        self.pending: dict[int, tuple[asyncio.Future[bytes] | _Burst, bytes]] = {}

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def datagram_received(self, data: bytes, addr: Any) -> None:
        if len(data) < 12:
            return
        qid = (data[0] << 8) | data[1]
        entry = self.pending.get(qid)
        if entry is None:
            return
        target, question = entry
        # The question must come back as asked (case-insensitively, RFC 4343): a stray or
        # spoofed answer with the right id but another question is ignored.
        if data[12 : 12 + len(question)].lower() != question or not data[2] & 0x80:
            return
        del self.pending[qid]
        if isinstance(target, _Burst):
            target.deliver(qid, data)
        elif not target.done():
            target.set_result(data)

    def error_received(self, exc: Exception) -> None:
        for target, _q in self.pending.values():
            if isinstance(target, _Burst):
                target.settle()
            elif not target.done():
                target.set_exception(exc)
        self.pending.clear()

    def connection_lost(self, exc: Exception | None) -> None:
        self.error_received(exc or ConnectionError("socket closed"))
        self.transport = None


class Resolver:
    """Async stub resolver with the behaviour described in the module docstring."""

    SOCKETS_PER_SERVER = 4
    #: the most questions one burst of ``query_many`` sends at once (never above the limit)
    BURST = 64
    #: each UDP socket's receive buffer asked for (the kernel caps it at net.core.rmem_max)
    RECEIVE_BUFFER = 4 * 1024 * 1024

    def __init__(
        self,
        nameservers: Sequence[Nameserver | str] | None = None,
        *,
        timeout: float = 2.0,
        retries: int = 2,
        concurrency: int = 200,
        cache_size: int = 50_000,
        edns_payload: int = 1232,
    ) -> None:
        ns = [parse_nameserver(n) if isinstance(n, str) else n for n in (nameservers or [])]
        if not ns:
            # dnspython only to read /etc/resolv.conf: imported here, as it costs ~0.25 s
            # (its DNS-over-HTTPS support imports an HTTP stack) and most runs name a server
            import dns.resolver

            sys_conf = dns.resolver.Resolver(configure=True)
            ns = [Nameserver(str(a), int(sys_conf.port)) for a in sys_conf.nameservers]
        if not ns:
            raise ConfigError(gettext("no nameserver configured"))
        self.nameservers = ns
        self.timeout = timeout
        self.retries = max(0, retries)
        self._concurrency = max(1, concurrency)
        self._limit: _Limit | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._channels: dict[tuple[Nameserver, int], _Channel] = {}
        self._cache: OrderedDict[tuple[str, str], DnsAnswer] = OrderedDict()
        self._inflight: dict[tuple[str, str], asyncio.Future[DnsAnswer]] = {}
        self._cache_size = cache_size
        self._payload = edns_payload
        self.queries_sent = 0
        self.cache_hits = 0
        self.timeouts = 0

    def _bind_loop(self) -> asyncio.AbstractEventLoop:
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            # A new event loop (e.g. another asyncio.run): sockets and waiters start afresh.
            self._loop = loop
            self._channels = {}
            self._inflight = {}
            self._limit = _Limit(self._concurrency)
        return loop

    def close(self) -> None:
        """Close the sockets (a long-running worker drops resolvers it no longer uses)."""
        for ch in self._channels.values():
            if ch.transport is not None:
                ch.transport.close()
        self._channels = {}

    async def query(self, name: str, rdtype: str) -> DnsAnswer:
        """Ask one question; CNAMEs are followed. Never raises for DNS failures."""
        self._bind_loop()
        try:
            qname = to_ascii_name(name)
        except InvalidDomainError as exc:
            return DnsAnswer(name, rdtype, Status.ERROR, error=str(exc))
        key = (qname, rdtype)
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            self.cache_hits += 1
            return hit
        pending = self._inflight.get(key)
        if pending is not None:
            self.cache_hits += 1
            return await asyncio.shield(pending)
        fut: asyncio.Future[DnsAnswer] = asyncio.get_running_loop().create_future()
        self._inflight[key] = fut
        try:
            ans = await self._resolve_chain(qname, rdtype)
        except BaseException as exc:
            fut.set_exception(exc)
            fut.exception()  # mark retrieved
            raise
        finally:
            self._inflight.pop(key, None)
        fut.set_result(ans)
        self._remember(key, ans)
        return ans

    async def ptr(self, address: str) -> DnsAnswer:
        return await self.query(ipaddress.ip_address(address).reverse_pointer, "PTR")

    async def query_many(self, names: Sequence[str], rdtype: str) -> list[DnsAnswer]:
        """One kind of question about many names (a fan-out such as DKIM selector probes),
        answered as :meth:`query` answers each, in the order given.

        The names not in the cache leave in bursts on one socket and are gathered by one
        waiter, instead of a task, a timer and a future each. A name the burst leaves
        unanswered in time, or whose answer needs more than one exchange (truncated, a bare
        CNAME, malformed, SERVFAIL or REFUSED while other servers remain), or that another
        question is already asking, goes through :meth:`query`, so the answers are the same."""
        self._bind_loop()
        answers: list[DnsAnswer | None] = [None] * len(names)
        fresh: dict[str, list[int]] = {}
        try:
            qtype = dnswire.type_code(rdtype)
        except dnswire.WireError:
            qtype = -1
        for i, name in enumerate(names):
            try:
                qname = to_ascii_name(name)
                dnswire.encode_name(qname)
            except (InvalidDomainError, dnswire.WireError):
                continue
            key = (qname, rdtype)
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                self.cache_hits += 1
                answers[i] = hit
            elif qtype >= 0 and key not in self._inflight:
                fresh.setdefault(qname, []).append(i)
        todo = list(fresh)
        step = max(1, min(self.BURST, self._concurrency))
        for start in range(0, len(todo), step):
            for qname, ans in await self._burst(todo[start : start + step], rdtype, qtype):
                self._remember((qname, rdtype), ans)
                for i in fresh[qname]:
                    answers[i] = ans
        rest = [i for i, a in enumerate(answers) if a is None]
        if rest:
            for i, ans in zip(
                rest, await asyncio.gather(*(self.query(names[i], rdtype) for i in rest)), strict=True
            ):
                answers[i] = ans
        return [a for a in answers if a is not None]

    async def _burst(self, qnames: list[str], rdtype: str, qtype: int) -> list[tuple[str, DnsAnswer]]:
        """Send ``qnames`` at once to one server; the answers that settle the question."""
        limit = self._limit
        assert limit is not None
        ns = self.nameservers[0] if len(self.nameservers) == 1 else random.choice(self.nameservers)
        ad = rdtype in ("DNSKEY", "DS")
        await limit.acquire(len(qnames))
        try:
            ch = await self._channel(ns)
            loop = asyncio.get_running_loop()
            burst = _Burst(loop.create_future())
            asked: dict[int, str] = {}
            wires: list[bytes] = []
            for qname in qnames:
                for _ in range(8):
                    qid = secrets.randbits(16)
                    if qid not in ch.pending:
                        break
                else:
                    continue  # no free id: left for query()
                wire = dnswire.encode_query(qid, qname, qtype, payload=self._payload, ad=ad)
                ch.pending[qid] = (burst, wire[12 : 12 + len(dnswire.encode_name(qname)) + 4].lower())
                asked[qid] = qname
                wires.append(wire)
            burst.left = len(asked)
            handle = loop.call_later(self.timeout, burst.settle)
            try:
                assert ch.transport is not None
                for wire in wires:
                    ch.transport.sendto(wire)
                self.queries_sent += len(wires)
                if wires:
                    await burst.waiter
            finally:
                handle.cancel()
                for qid in asked:
                    if ch.pending.get(qid, (None,))[0] is burst:
                        del ch.pending[qid]
        finally:
            limit.release(len(qnames))
        self.timeouts += len(asked) - len(burst.answers)
        settled: list[tuple[str, DnsAnswer]] = []
        others = len(self.nameservers) > 1
        for qid, data in burst.answers.items():
            qname = asked[qid]
            try:
                msg = dnswire.decode_response(data)
            except dnswire.WireError:
                continue
            if msg.truncated:
                continue
            ans = _interpret(qname, rdtype, qtype, msg)
            if others and ans.status in (Status.SERVFAIL, Status.REFUSED):
                continue
            if ans.status is Status.OK and not ans.records and ans.cnames:
                continue  # only a CNAME: query() follows it
            settled.append((qname, ans))
        return settled

    def _remember(self, key: tuple[str, str], ans: DnsAnswer) -> None:
        self._cache[key] = ans
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    async def _resolve_chain(self, qname: str, rdtype: str) -> DnsAnswer:
        seen: list[str] = []
        current = qname
        for _hop in range(MAX_CNAME_HOPS + 1):
            ans = await self._ask(current, rdtype)
            ans.name = qname
            ans.cnames = seen + ans.cnames
            if ans.status is not Status.OK or ans.records or not ans.cnames:
                return ans
            # Only a CNAME came back: follow it with a new question.
            target = ans.cnames[-1]
            if target in ans.cnames[:-1] or target == qname or len(ans.cnames) > MAX_CNAME_HOPS:
                return DnsAnswer(qname, rdtype, Status.ERROR, cnames=ans.cnames, error="CNAME loop")
            seen = ans.cnames
            current = target
        return DnsAnswer(qname, rdtype, Status.ERROR, cnames=seen, error="CNAME chain too long")

    async def _channel(self, ns: Nameserver) -> _Channel:
        key = (ns, secrets.randbelow(self.SOCKETS_PER_SERVER))
        ch = self._channels.get(key)
        if ch is None or ch.transport is None:
            loop = asyncio.get_running_loop()
            family = socket.AF_INET6 if ":" in ns.host else socket.AF_INET
            transport, ch = await loop.create_datagram_endpoint(
                _Channel, remote_addr=(ns.host, ns.port), family=family
            )
            sock = transport.get_extra_info("socket")
            if sock is not None:
                # a burst's answers come back together: room for them, or the kernel drops
                # some (the default ~200 KB holds a few dozen datagrams) and each costs a timeout
                with contextlib.suppress(OSError):
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, self.RECEIVE_BUFFER)
            self._channels[key] = ch
        return ch

    async def _udp(self, ns: Nameserver, qname: str, qtype: int, ad: bool) -> bytes:
        ch = await self._channel(ns)
        loop = asyncio.get_running_loop()
        for _ in range(8):
            qid = secrets.randbits(16)
            if qid not in ch.pending:
                break
        wire = dnswire.encode_query(qid, qname, qtype, payload=self._payload, ad=ad)
        question = wire[12 : 12 + len(dnswire.encode_name(qname)) + 4].lower()
        fut: asyncio.Future[bytes] = loop.create_future()
        ch.pending[qid] = (fut, question)
        handle = loop.call_later(self.timeout, _expire, fut)
        try:
            assert ch.transport is not None
            ch.transport.sendto(wire)
            return await fut
        finally:
            handle.cancel()
            if ch.pending.get(qid, (None,))[0] is fut:
                del ch.pending[qid]

    async def _tcp(self, ns: Nameserver, qname: str, qtype: int, ad: bool) -> bytes:
        wire = dnswire.encode_query(secrets.randbits(16), qname, qtype, payload=self._payload, ad=ad)

        async def exchange() -> bytes:
            reader, writer = await asyncio.open_connection(ns.host, ns.port)
            try:
                writer.write(len(wire).to_bytes(2, "big") + wire)
                await writer.drain()
                size = int.from_bytes(await reader.readexactly(2), "big")
                return await reader.readexactly(size)
            finally:
                writer.close()

        return await asyncio.wait_for(exchange(), self.timeout)

    async def _ask(self, qname: str, rdtype: str) -> DnsAnswer:
        try:
            qtype = dnswire.type_code(rdtype)
            dnswire.encode_name(qname)
        except dnswire.WireError as exc:
            return DnsAnswer(qname, rdtype, Status.ERROR, error=str(exc))
        ad = rdtype in ("DNSKEY", "DS")
        order = list(self.nameservers)
        if len(order) > 1:
            random.shuffle(order)
        last: DnsAnswer | None = None
        limit = self._limit
        assert limit is not None
        for attempt in range((self.retries + 1) * len(order)):
            ns = order[attempt % len(order)]
            truncated = False
            await limit.acquire()
            try:
                self.queries_sent += 1
                try:
                    raw = await self._udp(ns, qname, qtype, ad)
                    msg = dnswire.decode_response(raw)
                    if msg.truncated:
                        truncated = True
                        msg = dnswire.decode_response(await self._tcp(ns, qname, qtype, ad))
                except TimeoutError:
                    self.timeouts += 1
                    last = DnsAnswer(qname, rdtype, Status.TIMEOUT, error=f"timeout from {ns}")
                    continue
                except dnswire.WireError as exc:
                    last = DnsAnswer(qname, rdtype, Status.ERROR, error=f"malformed answer from {ns}: {exc}")
                    continue
                except (OSError, EOFError, asyncio.IncompleteReadError) as exc:
                    last = DnsAnswer(qname, rdtype, Status.ERROR, error=f"{type(exc).__name__}: {exc}")
                    continue
            finally:
                limit.release()
            ans = _interpret(qname, rdtype, qtype, msg)
            ans.truncated_retry = truncated
            if ans.status in (Status.SERVFAIL, Status.REFUSED) and attempt + 1 < len(order):
                last = ans
                continue
            return ans
        assert last is not None
        return last


def _expire(fut: asyncio.Future[bytes]) -> None:
    if not fut.done():
        fut.set_exception(TimeoutError())


def _interpret(qname: str, rdtype: str, qtype: int, msg: dnswire.Message) -> DnsAnswer:
    rcode = msg.rcode
    ad = msg.authenticated
    if rcode == 2:
        return DnsAnswer(qname, rdtype, Status.SERVFAIL, error="SERVFAIL", authenticated=ad)
    if rcode == 5:
        return DnsAnswer(qname, rdtype, Status.REFUSED, error="REFUSED", authenticated=ad)
    if rcode not in (0, 3):
        return DnsAnswer(qname, rdtype, Status.ERROR, error=f"RCODE {rcode}", authenticated=ad)
    by_name: dict[str, dict[int, list[Record]]] = {}
    for rr in msg.answer:
        if rr.rclass == dnswire.CLASS_IN:
            by_name.setdefault(rr.name.lower(), {}).setdefault(rr.rtype, []).append(rr.record)
    name = dnswire.canonical(qname)
    chain: list[str] = []
    for _ in range(MAX_CNAME_HOPS + 1):
        sets = by_name.get(name, {})
        if qtype in sets:
            return DnsAnswer(qname, rdtype, Status.OK, sets[qtype], chain, authenticated=ad)
        if 5 in sets and qtype != 5:
            target = sets[5][0]
            tname = target.target.lower() if isinstance(target, NameRecord) else ""
            if not tname or tname in chain or tname == qname:
                return DnsAnswer(qname, rdtype, Status.ERROR, cnames=chain, error="CNAME loop")
            chain.append(tname)
            name = tname
            continue
        break
    if rcode == 3:
        return DnsAnswer(qname, rdtype, Status.NXDOMAIN, cnames=chain, authenticated=ad)
    if chain:
        # The chain leaves the answer: the caller asks the target again.
        return DnsAnswer(qname, rdtype, Status.OK, [], chain, authenticated=ad)
    return DnsAnswer(qname, rdtype, Status.NODATA, authenticated=ad)
