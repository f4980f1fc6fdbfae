"""SPF ``check_host()`` (RFC 7208 §4–§8) over the async DNS seam.

Limits enforced: 10 DNS-querying terms (§4.6.4), 2 void lookups (§4.6.4), 10 MX
records per ``mx`` (permerror past it), 10 PTR names per ``ptr``/``%{p}`` (the rest
ignored). Temporary DNS failures give ``temperror`` (§4.4, §5).
"""

from __future__ import annotations

import ipaddress
import re
import time
import urllib.parse
from dataclasses import dataclass, field
from enum import StrEnum

from ...core.dns import DnsAnswer, Resolver, Status, to_ascii_name
from ...core.errors import InvalidDomainError
from .record import (
    Mechanism,
    SpfRecord,
    SpfSyntaxError,
    is_spf_record,
    parse_record,
    validate_macro_string,
)

LOOKUP_LIMIT = 10
VOID_LIMIT = 2
MX_LIMIT = 10
PTR_LIMIT = 10
DEFAULT_EXPLANATION = (
    "See https://www.rfc-editor.org/rfc/rfc7208 : %{i} is not allowed to send mail from %{o}"
)


class SpfResult(StrEnum):
    NONE = "none"
    NEUTRAL = "neutral"
    PASS = "pass"
    FAIL = "fail"
    SOFTFAIL = "softfail"
    TEMPERROR = "temperror"
    PERMERROR = "permerror"


QUALIFIER_RESULT = {
    "+": SpfResult.PASS,
    "-": SpfResult.FAIL,
    "~": SpfResult.SOFTFAIL,
    "?": SpfResult.NEUTRAL,
}


class _PermError(Exception):
    pass


class _TempError(Exception):
    pass


IP = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass
class Evaluation:
    result: SpfResult
    domain: str
    explanation: str | None = None
    mechanism: str | None = None
    reason: str | None = None
    lookups: int = 0
    void_lookups: int = 0
    trace: list[str] = field(default_factory=list)


def _client_ip(ip: str) -> IP:
    addr = ipaddress.ip_address(ip.strip())
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        return addr.ipv4_mapped  # §5: an IPv4-mapped IPv6 client is treated as IPv4
    return addr


def valid_check_domain(domain: str) -> str | None:
    """Initial processing (§4.3): the A-label form, or None when malformed or single-label."""
    if not domain or domain.startswith("[") or ".." in domain.rstrip("."):
        return None
    try:
        name = to_ascii_name(domain)
    except InvalidDomainError:
        return None
    if "." not in name:
        return None
    return name


class _Evaluator:
    def __init__(
        self,
        ip: IP,
        sender: str,
        helo: str,
        resolver: Resolver,
        receiver: str,
        default_explanation: str,
    ) -> None:
        self.ip = ip
        self.sender = sender
        self.local, _, self.sender_domain = sender.rpartition("@")
        if not self.local:
            self.local = "postmaster"
        self.helo = helo
        self.resolver = resolver
        self.receiver = receiver
        self.default_explanation = default_explanation
        self.lookups = 0
        self.void = 0
        self.trace: list[str] = []
        self.matched: str | None = None

    # -- DNS helpers -------------------------------------------------------------
    def _count_lookup(self, what: str) -> None:
        self.lookups += 1
        if self.lookups > LOOKUP_LIMIT:
            raise _PermError(f"more than {LOOKUP_LIMIT} DNS-querying terms (at {what})")

    def _void(self, ans: DnsAnswer) -> None:
        if ans.status in (Status.NXDOMAIN, Status.NODATA) or (ans.ok and not ans.records):
            self.void += 1
            if self.void > VOID_LIMIT:
                raise _PermError(f"more than {VOID_LIMIT} void lookups (at {ans.name})")

    async def _q(self, name: str, rdtype: str) -> DnsAnswer:
        try:
            to_ascii_name(name)
        except InvalidDomainError:
            # A target that is no valid DNS name does not exist (suite: invalid-domain-*).
            self.trace.append(f"{rdtype} {name} -> invalid name")
            return DnsAnswer(name, rdtype, Status.NXDOMAIN)
        ans = await self.resolver.query(name, rdtype)
        self.trace.append(f"{rdtype} {name} -> {ans.status}")
        return ans

    async def _addresses(self, name: str, *, strict: bool = True) -> list[IP] | None:
        """A or AAAA (by client family); None when the name has no such records."""
        rdtype = "A" if self.ip.version == 4 else "AAAA"
        ans = await self._q(name, rdtype)
        if ans.temporary:
            if strict:
                raise _TempError(f"{rdtype} lookup for {name} failed: {ans.error or ans.status}")
            return None
        if not ans.records:
            return None
        return [ipaddress.ip_address(a) for a in ans.addresses()]

    # -- macros (§7) -------------------------------------------------------------
    async def expand(self, spec: str, domain: str, *, exp: bool = False) -> str:
        out: list[str] = []
        i = 0
        while i < len(spec):
            c = spec[i]
            if c != "%":
                out.append(c)
                i += 1
                continue
            nxt = spec[i + 1]
            if nxt == "%":
                out.append("%")
                i += 2
                continue
            if nxt == "_":
                out.append(" ")
                i += 2
                continue
            if nxt == "-":
                out.append("%20")
                i += 2
                continue
            end = spec.index("}", i)
            body = spec[i + 2 : end]
            i = end + 1
            m = re.fullmatch(r"([A-Za-z])([0-9]*)(r?)([.\-+,/_=]*)", body, flags=re.IGNORECASE)
            if not m:
                raise _PermError(f"invalid macro %{{{body}}}")
            letter, digits, rev, delims = m.groups()
            value = await self._macro_value(letter.lower(), domain, exp=exp)
            parts = re.split("[" + re.escape(delims or ".") + "]", value)
            if rev:
                parts.reverse()
            if digits:
                n = int(digits)
                if n == 0:
                    raise _PermError("macro transformer digit must be nonzero")
                parts = parts[-n:]
            text = ".".join(parts)
            if letter.isupper():
                text = urllib.parse.quote(text, safe="")
            out.append(text)
        result = "".join(out)
        if not exp:
            # §7.3: a domain-spec longer than 253 characters loses labels on the left.
            while len(result.rstrip(".")) > 253 and "." in result:
                result = result.split(".", 1)[1]
        return result

    async def _macro_value(self, letter: str, domain: str, *, exp: bool) -> str:
        if letter == "s":
            return f"{self.local}@{self.sender_domain}"
        if letter == "l":
            return self.local
        if letter == "o":
            return self.sender_domain
        if letter == "d":
            return domain
        if letter == "i":
            if self.ip.version == 4:
                return str(self.ip)
            # Dot-format nibbles (§7.3). Upper case as the OpenSPF suite expects in
            # explanations; DNS compares names case-insensitively, so lookups are unaffected.
            return ".".join(self.ip.exploded.replace(":", "").upper())
        if letter == "v":
            return "in-addr" if self.ip.version == 4 else "ip6"
        if letter == "h":
            return self.helo
        if letter == "p":
            return await self._validated_name(domain) or "unknown"
        if exp and letter == "c":
            return str(self.ip)
        if exp and letter == "r":
            return self.receiver
        if exp and letter == "t":
            return str(int(time.time()))
        raise _PermError(f"macro %{{{letter}}} not allowed here")

    async def _validated_names(self, limit: int = PTR_LIMIT) -> list[str]:
        """Forward-confirmed PTR names of the client (§5.5), first ``limit`` only."""
        ans = await self._q(_reverse_name(self.ip), "PTR")
        if not ans.ok:
            return []
        names = [t for t in ans.targets()][:limit]
        out = []
        for name in names:
            addrs = await self._addresses(name, strict=False)
            if addrs and self.ip in addrs:
                out.append(name)
        return out

    async def _validated_name(self, domain: str) -> str | None:
        names = await self._validated_names()
        d = domain.lower().rstrip(".")
        for pref in (
            lambda n: n == d,
            lambda n: n.endswith("." + d),
            lambda n: True,
        ):
            for n in names:
                if pref(n):
                    return n
        return None

    # -- evaluation ----------------------------------------------------------------
    async def check(self, domain: str) -> tuple[SpfResult, str | None]:
        name = valid_check_domain(domain)
        if name is None:
            return SpfResult.NONE, None
        ans = await self._q(name, "TXT")
        if ans.temporary:
            raise _TempError(f"TXT lookup for {name} failed: {ans.error or ans.status}")
        if ans.status is Status.NXDOMAIN:
            return SpfResult.NONE, None
        texts = ans.text_records()
        records = [t for t in texts if is_spf_record(t)]
        if not records:
            return SpfResult.NONE, None
        if len(records) > 1:
            raise _PermError(f"{name} publishes {len(records)} SPF records")
        try:
            rec = parse_record(records[0])
        except SpfSyntaxError as exc:
            raise _PermError(f"syntax error in SPF record of {name}: {exc.message}") from exc
        return await self._evaluate(rec, name)

    async def _evaluate(self, rec: SpfRecord, domain: str) -> tuple[SpfResult, str | None]:
        for mech in rec.mechanisms:
            if mech.does_lookup:
                self._count_lookup(mech.text)
            if await self._match(mech, domain):
                result = QUALIFIER_RESULT[mech.qualifier]
                self.matched = mech.text
                explanation = await self._explain(rec, domain) if result is SpfResult.FAIL else None
                return result, explanation
        if rec.redirect is not None:
            self._count_lookup(rec.redirect.text)
            target = await self.expand(rec.redirect.value, domain)
            result, explanation = await self.check(target)
            if result is SpfResult.NONE:
                raise _PermError(f"redirect target {target} has no SPF record")
            return result, explanation
        return SpfResult.NEUTRAL, None

    async def _explain(self, rec: SpfRecord, domain: str) -> str:
        if rec.exp is None:
            return await self._default_explanation(domain)
        try:
            target = await self.expand(rec.exp.value, domain)
        except _PermError:
            return await self._default_explanation(domain)
        if valid_check_domain(target) is None:
            return await self._default_explanation(domain)
        ans = await self.resolver.query(target, "TXT")
        if not ans.ok or len(ans.records) != 1:
            return await self._default_explanation(domain)
        text = ans.text_records()[0]
        try:
            validate_macro_string(text, allow_exp=True)
            return await self.expand(text, domain, exp=True)
        except (ValueError, _PermError):
            return await self._default_explanation(domain)

    async def _default_explanation(self, domain: str) -> str:
        try:
            return await self.expand(self.default_explanation, domain, exp=True)
        except _PermError:
            return self.default_explanation

    async def _target(self, mech: Mechanism, domain: str) -> str:
        if mech.domain_spec is None:
            return domain
        return await self.expand(mech.domain_spec, domain)

    async def _match(self, mech: Mechanism, domain: str) -> bool:
        name = mech.name
        if name == "all":
            return True
        if name == "ip4":
            return self.ip.version == 4 and mech.network is not None and self.ip in mech.network
        if name == "ip6":
            return self.ip.version == 6 and mech.network is not None and self.ip in mech.network
        target = await self._target(mech, domain)
        if name == "include":
            result, _ = await self.check(target)
            if result is SpfResult.PASS:
                return True
            if result in (SpfResult.FAIL, SpfResult.SOFTFAIL, SpfResult.NEUTRAL):
                return False
            if result is SpfResult.TEMPERROR:
                raise _TempError(f"include:{target} gave temperror")
            raise _PermError(f"include:{target} gave {result}")
        if name == "exists":
            ans = await self._q(target, "A")
            if ans.temporary:
                raise _TempError(f"A lookup for {target} failed")
            self._void(ans)
            return bool(ans.records)
        if name == "a":
            rdtype = "A" if self.ip.version == 4 else "AAAA"
            ans = await self._q(target, rdtype)
            if ans.temporary:
                raise _TempError(f"{rdtype} lookup for {target} failed")
            self._void(ans)
            return self._in_any(ans.addresses(), mech)
        if name == "mx":
            ans = await self._q(target, "MX")
            if ans.temporary:
                raise _TempError(f"MX lookup for {target} failed")
            self._void(ans)
            if len(ans.records) > MX_LIMIT:
                raise _PermError(f"{target} has more than {MX_LIMIT} MX records")
            for _pref, host in ans.mx():
                if not host or host == ".":
                    continue
                addrs = await self._addresses(host)
                if addrs and self._in_any([str(a) for a in addrs], mech):
                    return True
            return False
        if name == "ptr":
            ptr = await self._q(_reverse_name(self.ip), "PTR")
            if ptr.temporary:
                return False  # §5.5: a DNS error here means no match
            self._void(ptr)
            t = target.lower().rstrip(".")
            for host in ptr.targets()[:PTR_LIMIT]:
                addrs = await self._addresses(host, strict=False)
                if addrs and self.ip in addrs and (host == t or host.endswith("." + t)):
                    return True
            return False
        raise _PermError(f"unknown mechanism {name}")

    def _in_any(self, addresses: list[str], mech: Mechanism) -> bool:
        prefix = mech.cidr4 if self.ip.version == 4 else mech.cidr6
        for a in addresses:
            try:
                net = ipaddress.ip_network(
                    f"{a}/{prefix if prefix is not None else self.ip.max_prefixlen}", strict=False
                )
            except ValueError:
                continue
            if net.version == self.ip.version and self.ip in net:
                return True
        return False


def _reverse_name(ip: IP) -> str:
    return ip.reverse_pointer


async def check_host(
    ip: str,
    mail_from: str,
    helo: str = "",
    *,
    resolver: Resolver,
    receiver: str = "unknown",
    default_explanation: str = DEFAULT_EXPLANATION,
    record: str | None = None,
) -> Evaluation:
    """Evaluate SPF for a connection: the MAIL FROM identity, or HELO when it is empty (§2.4).

    With ``record``, that text stands in for the domain's published SPF record (a proposed
    record, checked before it is published); includes and redirects are still looked up."""
    client = _client_ip(ip)
    mail_from = mail_from.strip().strip("<>")
    if mail_from and "@" in mail_from:
        sender = mail_from
    elif mail_from:
        sender = f"postmaster@{mail_from}"
    else:
        sender = f"postmaster@{helo}"
    domain = sender.rpartition("@")[2]
    ev = _Evaluator(client, sender, helo, resolver, receiver, default_explanation)
    try:
        if record is None:
            result, explanation = await ev.check(domain)
        else:
            # a record not (yet) published: evaluated as if it were the TXT record of the domain
            try:
                parsed = parse_record(record)
            except SpfSyntaxError as exc:
                raise _PermError(f"syntax error in the given SPF record: {exc.message}") from exc
            result, explanation = await ev._evaluate(parsed, domain.lower().rstrip("."))
        reason = None
    except _PermError as exc:
        result, explanation, reason = SpfResult.PERMERROR, None, str(exc)
    except _TempError as exc:
        result, explanation, reason = SpfResult.TEMPERROR, None, str(exc)
    return Evaluation(
        result=result,
        domain=domain,
        explanation=explanation,
        mechanism=ev.matched,
        reason=reason,
        lookups=ev.lookups,
        void_lookups=ev.void,
        trace=ev.trace,
    )
