"""Proposed SPF records that are safe by construction.

A proposal keeps every sender the published record authorises: a mechanism is removed only
when what it authorised is put back in another form (``ptr`` by the addresses it stood for,
``a``/``mx`` by their addresses, a stable ``include:`` by its ranges) or when it authorised
nothing (a name without records, an include of a domain without SPF). Replacements are made
only while the record needs more DNS lookups than ``LOOKUP_TARGET``.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

from ...core.dns import Resolver, Status
from ...core.txt import fetch_txt
from .record import Mechanism, Modifier, SpfRecord, SpfSyntaxError, is_spf_record, parse_record

#: Below the 'near the limit' warning (9) so that a provider adding one include stays legal.
LOOKUP_TARGET = 8
MAX_FLATTEN_DEPTH = 8
MX_LIMIT = 10


@dataclass
class SpfProposal:
    text: str
    lookups: int
    #: the sender list was inferred (mx and the includes present), not stated by the record
    inferred: bool = False
    #: 'ptr' terms replaced by the addresses they matched
    ptr: list[str] = field(default_factory=list)
    #: terms replaced by the addresses they resolve to today (re-check when these change)
    flattened: list[str] = field(default_factory=list)
    #: terms dropped because they were duplicates or authorised nothing
    removed: list[str] = field(default_factory=list)


def _net_term(net: ipaddress.IPv4Network | ipaddress.IPv6Network, qualifier: str = "+") -> str:
    prefix = "" if qualifier == "+" else qualifier
    kind = "ip4" if net.version == 4 else "ip6"
    value = str(net.network_address) if net.prefixlen == net.max_prefixlen else str(net)
    return f"{prefix}{kind}:{value}"


def _static(mech: Mechanism) -> bool:
    return mech.domain_spec is None or "%" not in mech.domain_spec


class _Fixer:
    def __init__(self, domain: str, resolver: Resolver) -> None:
        self.domain = domain
        self.resolver = resolver
        self.cost_cache: dict[str, int] = {}

    async def addresses(self, name: str) -> list[str] | None:
        """A and AAAA of ``name``; None when a lookup failed (not known)."""
        out: list[str] = []
        for rdtype in ("A", "AAAA"):
            ans = await self.resolver.query(name, rdtype)
            if ans.temporary:
                return None
            out.extend(ans.addresses())
        return out

    async def mx_hosts(self, name: str) -> list[str] | None:
        ans = await self.resolver.query(name, "MX")
        if ans.temporary:
            return None
        return [h.rstrip(".").lower() for _p, h in ans.mx() if h and h != "."]

    async def mech_networks(self, mech: Mechanism) -> list[str] | None:
        """The ip4:/ip6: terms an ``a`` or ``mx`` mechanism stands for today."""
        target = (mech.domain_spec or self.domain).rstrip(".").lower()
        hosts = [target] if mech.name == "a" else await self.mx_hosts(target)
        if hosts is None or len(hosts) > MX_LIMIT:
            return None
        terms: list[str] = []
        for host in hosts:
            addrs = await self.addresses(host)
            if addrs is None:
                return None
            for a in addrs:
                ip = ipaddress.ip_address(a)
                cidr = mech.cidr4 if ip.version == 4 else mech.cidr6
                net = ipaddress.ip_network(
                    f"{ip}/{cidr if cidr is not None else ip.max_prefixlen}", strict=False
                )
                terms.append(_net_term(net, mech.qualifier))
        return terms

    async def ptr_networks(self, mech: Mechanism) -> list[str] | None:
        """The addresses ``ptr[:target]`` matched: known hosts whose reverse name is in target
        and resolves back to them (RFC 7208 §5.5)."""
        target = (mech.domain_spec or self.domain).rstrip(".").lower()
        hosts = [target, self.domain]
        mx = await self.mx_hosts(self.domain)
        hosts.extend(mx or [])
        terms: list[str] = []
        for host in dict.fromkeys(hosts):
            addrs = await self.addresses(host)
            if addrs is None:
                return None
            for a in addrs:
                ip = ipaddress.ip_address(a)
                if await self._validated(ip, target):
                    terms.append(_net_term(ipaddress.ip_network(ip), mech.qualifier))
        return terms

    async def _validated(self, ip: ipaddress.IPv4Address | ipaddress.IPv6Address, target: str) -> bool:
        ptr = await self.resolver.query(ip.reverse_pointer, "PTR")
        if ptr.temporary:
            return True  # cannot tell: keep the sender
        for name in ptr.targets()[:10]:
            name = name.rstrip(".").lower()
            if name != target and not name.endswith("." + target):
                continue
            addrs = await self.addresses(name)
            if addrs is None or str(ip) in {str(ipaddress.ip_address(x)) for x in addrs}:
                return True
        return False

    async def record_of(self, name: str) -> SpfRecord | None:
        ans = await fetch_txt(self.resolver, name, is_spf_record)
        if ans.status.temporary or len(ans.records) != 1:
            return None
        try:
            return parse_record(ans.records[0])
        except SpfSyntaxError:
            return None

    async def cost(self, name: str, depth: int = 0) -> int:
        """DNS lookups the record at ``name`` costs when included (its own, not the include)."""
        if name in self.cost_cache:
            return self.cost_cache[name]
        rec = await self.record_of(name) if depth < MAX_FLATTEN_DEPTH else None
        total = 0
        if rec is not None:
            for m in rec.mechanisms:
                if m.does_lookup:
                    total += 1
                    if m.name == "include" and m.domain_spec and _static(m):
                        total += await self.cost(m.domain_spec.rstrip(".").lower(), depth + 1)
            if rec.redirect is not None and rec.all_mechanism is None:
                total += 1 + await self.cost(rec.redirect.value.rstrip(".").lower(), depth + 1)
        self.cost_cache[name] = total
        return total

    async def flatten(self, name: str, depth: int = 0) -> list[str] | None:
        """The ranges an included record passes, or None when it is not stable enough to copy:
        only '+' ip4/ip6/a/mx/include terms before a non-'+' all (or a redirect) qualify."""
        if depth >= MAX_FLATTEN_DEPTH:
            return None
        rec = await self.record_of(name)
        if rec is None:
            return None
        out: list[str] = []
        ended = False
        for m in rec.mechanisms:
            if m.name == "all":
                if m.qualifier == "+":
                    return None
                ended = True
                break
            if m.qualifier != "+" or not _static(m):
                return None
            if m.name in ("ip4", "ip6") and m.network is not None:
                out.append(_net_term(m.network))
            elif m.name in ("a", "mx"):
                saved, self.domain = self.domain, name
                try:
                    terms = await self.mech_networks(m)
                finally:
                    self.domain = saved
                if terms is None:
                    return None
                out.extend(terms)
            elif m.name == "include" and m.domain_spec:
                sub = await self.flatten(m.domain_spec.rstrip(".").lower(), depth + 1)
                if sub is None:
                    return None
                out.extend(sub)
            else:
                return None  # ptr, exists: depend on the connection
        if not ended and rec.redirect is not None:
            if "%" in rec.redirect.value:
                return None
            sub = await self.flatten(rec.redirect.value.rstrip(".").lower(), depth + 1)
            if sub is None:
                return None
            out.extend(sub)
        return out

    async def is_void(self, mech: Mechanism) -> bool:
        target = (mech.domain_spec or self.domain).rstrip(".").lower()
        if mech.name == "a":
            statuses = [(await self.resolver.query(target, t)).status for t in ("A", "AAAA")]
            return all(s in (Status.NXDOMAIN, Status.NODATA) for s in statuses)
        ans = await self.resolver.query(target, "MX")
        return ans.status in (Status.NXDOMAIN, Status.NODATA)


def _key(term: str) -> str:
    t = term.lower()
    return t[1:] if t.startswith("+") else t


class _Draft:
    """The terms of a proposal in order: (term, its mechanism or None for address terms)."""

    def __init__(self, fx: _Fixer) -> None:
        self.fx = fx
        #: a 'ptr' matched none of the hosts known from DNS: what it stood for is unknown
        self.ptr_unknown = False
        self.terms: list[tuple[str, Mechanism | None]] = []
        self.seen: set[str] = set()
        self.ptr: list[str] = []
        self.removed: list[str] = []
        self.flattened: list[str] = []
        self.redirect: Modifier | None = None

    def add(self, term: str, mech: Mechanism | None) -> None:
        if _key(term) not in self.seen:
            self.seen.add(_key(term))
            self.terms.append((term, mech))

    async def take(self, record: SpfRecord) -> bool:
        """Copy the record's mechanisms up to 'all': duplicates and mechanisms that authorise
        nothing dropped, 'ptr' by its addresses. False when a lookup failed."""
        for mech in record.mechanisms:
            if mech.name == "all":
                break  # nothing after 'all' is ever evaluated
            if _key(mech.text) in self.seen:
                self.removed.append(mech.text)
            elif mech.name == "ptr" and _static(mech):
                nets = await self.fx.ptr_networks(mech)
                if nets is None:
                    return False
                self.seen.add(_key(mech.text))
                self.ptr_unknown = self.ptr_unknown or not nets
                for n in nets:
                    self.add(n, None)
                self.ptr.append(mech.text)
            elif mech.name in ("a", "mx") and _static(mech) and await self.fx.is_void(mech):
                self.removed.append(mech.text)  # a name without records authorises nothing
            elif mech.name == "include" and _static(mech) and mech.domain_spec:
                ans = await fetch_txt(self.fx.resolver, mech.domain_spec.rstrip(".").lower(), is_spf_record)
                if ans.status.temporary:
                    return False
                if ans.records:
                    self.add(mech.text, mech)
                else:
                    self.removed.append(mech.text)  # no SPF there: permerror, never a pass
            else:
                self.add(mech.text, mech)
        return True

    async def term_cost(self, mech: Mechanism | None) -> int:
        if mech is None or not mech.does_lookup:
            return 0
        if mech.name == "include" and mech.domain_spec and _static(mech):
            return 1 + await self.fx.cost(mech.domain_spec.rstrip(".").lower())
        return 1

    async def total(self) -> int:
        n = sum([await self.term_cost(m) for _t, m in self.terms])
        if self.redirect is not None:
            n += 1 + await self.fx.cost(self.redirect.value.rstrip(".").lower())
        return n

    async def reduce(self, limit: int) -> None:
        """Over ``limit``: own a/mx by their addresses first, then stable includes, dearest first."""
        for kinds in (("a", "mx"), ("include",)):
            candidates = [
                (await self.term_cost(m), i) for i, (_t, m) in enumerate(self.terms) if m and m.name in kinds
            ]
            for _cost, i in sorted(candidates, key=lambda c: -c[0]):
                if await self.total() <= limit:
                    return
                await self._flatten_term(i)

    async def _flatten_term(self, i: int) -> None:
        term, mech = self.terms[i]
        if mech is None or not _static(mech) or mech.qualifier != "+":
            return
        if mech.name == "include" and mech.domain_spec:
            nets = await self.fx.flatten(mech.domain_spec.rstrip(".").lower())
        else:
            nets = await self.fx.mech_networks(mech)
        if nets is None:
            return
        self.flattened.append(term)
        self.terms[i] = (" ".join(dict.fromkeys(n for n in nets if _key(n) not in self.seen)), None)
        self.seen.update(_key(n) for n in nets)


async def propose_spf(
    domain: str,
    record: SpfRecord,
    resolver: Resolver,
    *,
    qualifier: str | None,
    infer_senders: bool = False,
) -> SpfProposal | None:
    """A record that keeps the senders of ``record``, ends in ``qualifier``all (None: keep the
    record's own end) and needs at most LOOKUP_TARGET lookups when it can; None when no record
    can be built safely (a lookup failed, or a 'ptr' matched no host known from DNS)."""
    fx = _Fixer(domain, resolver)
    draft = _Draft(fx)
    if not await draft.take(record):
        return None
    if draft.ptr_unknown and not infer_senders:
        return None  # dropping it would drop its senders: advice only, no record
    inferred = False
    if infer_senders and "mx" not in draft.seen and await fx.mx_hosts(domain):
        draft.terms.insert(0, ("mx", Mechanism("+", "mx", text="mx")))
        draft.seen.add("mx")
        inferred = True
    all_mech = record.all_mechanism
    draft.redirect = record.redirect if all_mech is None else None
    end_q = qualifier if qualifier is not None else (all_mech.qualifier if all_mech else None)
    if draft.redirect is not None and end_q is not None:
        # an 'all' makes a redirect dead: what it authorised becomes an include
        value = draft.redirect.value
        draft.add(f"include:{value}", Mechanism("+", "include", value, text=f"include:{value}"))
        draft.redirect = None
    await draft.reduce(LOOKUP_TARGET)
    parts = ["v=spf1", *(t for t, _m in draft.terms if t)]
    if end_q is not None:
        parts.append(("" if end_q == "+" else end_q) + "all")
    if draft.redirect is not None:
        parts.append(draft.redirect.text)
    if record.exp is not None:
        parts.append(record.exp.text)
    parts.extend(m.text for m in record.unknown_modifiers)
    return SpfProposal(
        " ".join(parts), await draft.total(), inferred, draft.ptr, draft.flattened, draft.removed
    )
