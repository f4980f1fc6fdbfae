"""The one async DNS seam every feature uses (dnspython underneath).

* explicit nameservers with ports (``--nameserver HOST[:PORT]``, several allowed), or the
  system's resolvers from ``/etc/resolv.conf``;
* per-query timeout, retries that rotate through the nameservers, TCP fallback when a UDP
  answer is truncated (RFC 7766 §3);
* CNAME chains followed (bounded, loops detected);
* a per-run LRU cache that also coalesces identical questions in flight;
* a semaphore bounding the number of questions in flight.

Answers are :class:`DnsAnswer` values, never exceptions: a timeout or SERVFAIL is a
*temporary* status that callers must report as "could not determine", never as "missing".
"""

from __future__ import annotations

import asyncio
import ipaddress
import random
import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import dns.asyncquery
import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.resolver
import dns.reversename
import idna

from .errors import ConfigError, InvalidDomainError

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
        return self in (Status.TIMEOUT, Status.SERVFAIL, Status.REFUSED, Status.ERROR)


@dataclass(frozen=True)
class Nameserver:
    host: str
    port: int = 53

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


def parse_nameserver(spec: str) -> Nameserver:
    """``1.2.3.4``, ``1.2.3.4:5353``, ``::1``, ``[::1]:5353`` → Nameserver."""
    s = spec.strip()
    host, port = s, 53
    if s.startswith("["):
        end = s.find("]")
        if end < 0:
            raise ConfigError(f"bad nameserver: {spec!r}")
        host = s[1:end]
        rest = s[end + 1 :]
        if rest:
            if not rest.startswith(":"):
                raise ConfigError(f"bad nameserver: {spec!r}")
            port = _port(rest[1:], spec)
    elif s.count(":") == 1:
        host, p = s.split(":")
        port = _port(p, spec)
    try:
        ipaddress.ip_address(host)
    except ValueError as exc:
        raise ConfigError(f"nameserver must be an IP address: {spec!r}") from exc
    return Nameserver(host, port)


def _port(text: str, spec: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise ConfigError(f"bad nameserver port: {spec!r}")
    return int(text)


_HOST_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$")


def to_ascii_name(name: str, *, strict: bool = False) -> str:
    """Validate a domain name and return its A-label form (lower case, no trailing dot).

    ASCII names are kept as they are (underscores are legal in DNS, e.g. ``_dmarc``);
    names with non-ASCII characters are converted with IDNA 2008 + UTS 46. ``strict``
    also requires letter-digit-hyphen(-underscore) labels, as a user-typed domain must
    have; without it any octets are allowed, as SPF macros can produce them.
    """
    n = name.strip().rstrip(".")
    if not n:
        raise InvalidDomainError("empty domain name")
    if not n.isascii():
        try:
            n = idna.encode(n, uts46=True).decode("ascii")
        except idna.IDNAError as exc:
            raise InvalidDomainError(f"invalid internationalised name {name!r}: {exc}") from exc
    n = n.lower()
    if len(n) > 253:
        raise InvalidDomainError(f"name longer than 253 characters ({len(n)})")
    for label in n.split("."):
        if not label:
            raise InvalidDomainError(f"empty label in {name!r}")
        if len(label) > 63:
            raise InvalidDomainError(f"label longer than 63 characters in {name!r}")
        if strict and not _HOST_LABEL.match(label):
            raise InvalidDomainError(f"invalid characters in label {label!r}")
    return n


def to_unicode_name(name: str) -> str:
    """A-labels → U-labels for display; unchanged when it cannot be decoded."""
    try:
        return idna.decode(name) if "xn--" in name else name
    except idna.IDNAError:
        return name


@dataclass
class DnsAnswer:
    name: str
    rdtype: str
    status: Status
    records: list[Any] = field(default_factory=list)
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

    def texts(self) -> list[bytes]:
        """TXT records as bytes, each record's strings joined without separator (RFC 7208 §3.3)."""
        return [b"".join(r.strings) for r in self.records]

    def strings(self) -> list[list[bytes]]:
        return [list(r.strings) for r in self.records]

    def addresses(self) -> list[str]:
        return [r.address for r in self.records]

    def targets(self) -> list[str]:
        """Target names of PTR/CNAME/NS (``target``) or MX (``exchange``) records."""
        out = []
        for r in self.records:
            name = getattr(r, "target", None) or getattr(r, "exchange", None)
            if name is not None:
                out.append(name.to_text(omit_final_dot=True).lower())
        return out


class Resolver:
    """Async stub resolver with the behaviour described in the module docstring."""

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
            sys_conf = dns.resolver.Resolver(configure=True)
            ns = [Nameserver(str(a), int(sys_conf.port)) for a in sys_conf.nameservers]
        if not ns:
            raise ConfigError("no nameserver configured")
        self.nameservers = ns
        self.timeout = timeout
        self.retries = max(0, retries)
        self._sem = asyncio.Semaphore(max(1, concurrency))
        self._cache: OrderedDict[tuple[str, str], DnsAnswer] = OrderedDict()
        self._inflight: dict[tuple[str, str], asyncio.Future[DnsAnswer]] = {}
        self._cache_size = cache_size
        self._payload = edns_payload
        self.queries_sent = 0
        self.cache_hits = 0

    async def query(self, name: str, rdtype: str) -> DnsAnswer:
        """Ask one question; CNAMEs are followed. Never raises for DNS failures."""
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
        self._cache[key] = ans
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return ans

    async def ptr(self, address: str) -> DnsAnswer:
        return await self.query(dns.reversename.from_address(address).to_text(omit_final_dot=True), "PTR")

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

    async def _ask(self, qname: str, rdtype: str) -> DnsAnswer:
        q = dns.message.make_query(qname, rdtype, use_edns=0, payload=self._payload)
        if rdtype in ("DNSKEY", "DS"):
            q.flags |= dns.flags.AD
        attempts = (self.retries + 1) * 1
        order = list(self.nameservers)
        if len(order) > 1:
            random.shuffle(order)
        last: DnsAnswer | None = None
        for attempt in range(attempts * max(1, len(order))):
            ns = order[attempt % len(order)]
            async with self._sem:
                self.queries_sent += 1
                try:
                    resp = await dns.asyncquery.udp(
                        q, ns.host, timeout=self.timeout, port=ns.port, ignore_unexpected=True
                    )
                    truncated = bool(resp.flags & dns.flags.TC)
                    if truncated:
                        resp = await dns.asyncquery.tcp(q, ns.host, timeout=self.timeout, port=ns.port)
                except dns.exception.Timeout:
                    last = DnsAnswer(qname, rdtype, Status.TIMEOUT, error=f"timeout from {ns}")
                    continue
                except (OSError, dns.exception.DNSException, EOFError) as exc:
                    last = DnsAnswer(qname, rdtype, Status.ERROR, error=f"{type(exc).__name__}: {exc}")
                    continue
            ans = _interpret(qname, rdtype, resp)
            ans.truncated_retry = truncated
            if ans.status in (Status.SERVFAIL, Status.REFUSED) and attempt + 1 < len(order):
                last = ans
                continue
            return ans
        assert last is not None
        return last


def _interpret(qname: str, rdtype: str, resp: dns.message.Message) -> DnsAnswer:
    rcode = resp.rcode()
    ad = bool(resp.flags & dns.flags.AD)
    if rcode == dns.rcode.SERVFAIL:
        return DnsAnswer(qname, rdtype, Status.SERVFAIL, error="SERVFAIL", authenticated=ad)
    if rcode == dns.rcode.REFUSED:
        return DnsAnswer(qname, rdtype, Status.REFUSED, error="REFUSED", authenticated=ad)
    if rcode not in (dns.rcode.NOERROR, dns.rcode.NXDOMAIN):
        return DnsAnswer(qname, rdtype, Status.ERROR, error=dns.rcode.to_text(rcode), authenticated=ad)
    want = dns.rdatatype.from_text(rdtype)
    cname_t = dns.rdatatype.CNAME
    by_name: dict[dns.name.Name, dict[int, Any]] = {}
    for rrset in resp.answer:
        if rrset.rdclass != dns.rdataclass.IN:
            continue
        by_name.setdefault(rrset.name, {})[rrset.rdtype] = rrset
    name = dns.name.from_text(qname)
    chain: list[str] = []
    for _ in range(MAX_CNAME_HOPS + 1):
        sets = by_name.get(name, {})
        if want in sets:
            return DnsAnswer(qname, rdtype, Status.OK, list(sets[want]), chain, authenticated=ad)
        if cname_t in sets and want != cname_t:
            target = next(iter(sets[cname_t])).target
            tname = target.to_text(omit_final_dot=True).lower()
            if tname in chain or tname == qname:
                return DnsAnswer(qname, rdtype, Status.ERROR, cnames=chain, error="CNAME loop")
            chain.append(tname)
            name = target
            continue
        break
    if rcode == dns.rcode.NXDOMAIN:
        return DnsAnswer(qname, rdtype, Status.NXDOMAIN, cnames=chain, authenticated=ad)
    if chain:
        # The chain leaves the answer: the caller asks the target again.
        return DnsAnswer(qname, rdtype, Status.OK, [], chain, authenticated=ad)
    return DnsAnswer(qname, rdtype, Status.NODATA, authenticated=ad)


def nameservers_from(specs: Iterable[str]) -> list[Nameserver]:
    out: list[Nameserver] = []
    for spec in specs:
        for part in spec.split(","):
            if part.strip():
                out.append(parse_nameserver(part))
    return out
