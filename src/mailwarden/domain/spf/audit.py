"""Audit a domain's SPF: record selection, syntax, the lookup tree, limits and policy advice."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...core.dns import Resolver, Status
from ...core.txt import fetch_txt
from ..model import CheckResult
from .record import LOOKUP_MECHANISMS, SpfRecord, SpfSyntaxError, is_spf_record, parse_record

MAX_TREE_DEPTH = 12
RECORD_SIZE_WARN = 450  # bytes: keeps a UDP answer safe (RFC 7208 §3.4)


@dataclass
class Node:
    """One SPF record in the include tree and the lookups its evaluation can cost."""

    domain: str
    via: str
    record: str | None = None
    error: str | None = None
    own_lookups: int = 0
    children: list[Node] = field(default_factory=list)
    terms: list[dict[str, Any]] = field(default_factory=list)
    void: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.own_lookups + sum(c.total for c in self.children)

    @property
    def void_total(self) -> list[tuple[str, str]]:
        out = list(self.void)
        for c in self.children:
            out.extend(c.void_total)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "via": self.via,
            "record": self.record,
            "error": self.error,
            "lookups": self.total,
            "terms": self.terms,
            "children": [c.to_dict() for c in self.children],
        }


async def fetch_spf(domain: str, resolver: Resolver) -> tuple[Status, list[str], list[list[bytes]], str]:
    """(status, SPF records, their strings, reason for a temporary failure)."""
    ans = await fetch_txt(resolver, domain, is_spf_record)
    return ans.status, ans.records, ans.strings, ans.reason


class _TreeBuilder:
    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.loops: list[str] = []
        self.missing_includes: list[tuple[str, str, str]] = []  # (parent, term, target)
        self.undetermined: list[tuple[str, str]] = []

    async def build(self, domain: str, record: SpfRecord | None, via: str, path: tuple[str, ...]) -> Node:
        node = Node(domain, via)
        if record is None:
            status, texts, _, reason = await fetch_spf(domain, self.resolver)
            if status.temporary:
                node.error = f"lookup failed ({reason})"
                self.undetermined.append((domain, reason))
                return node
            if len(texts) != 1:
                node.error = "no SPF record" if not texts else f"{len(texts)} SPF records"
                return node
            node.record = texts[0]
            try:
                record = parse_record(texts[0])
            except SpfSyntaxError as exc:
                node.error = f"syntax error: {exc.message}"
                return node
        else:
            node.record = record.text
        for mech in record.mechanisms:
            cost = 1 if mech.name in LOOKUP_MECHANISMS else 0
            node.own_lookups += cost
            term: dict[str, Any] = {"term": mech.text, "lookups": cost}
            static = mech.domain_spec is not None and "%" not in mech.domain_spec
            if mech.name == "include" and static and mech.domain_spec:
                target = mech.domain_spec.rstrip(".").lower()
                child = await self._child(target, mech.text, path)
                if child is not None:
                    node.children.append(child)
                    term["lookups"] = cost + child.total
                    if child.error == "no SPF record":
                        self.missing_includes.append((domain, mech.text, target))
            elif mech.name in ("a", "mx", "exists") and (static or mech.domain_spec is None):
                target = (mech.domain_spec or domain).rstrip(".").lower()
                rdtype = {"a": "A", "mx": "MX", "exists": "A"}[mech.name]
                ans = await self.resolver.query(target, rdtype)
                if ans.status in (Status.NXDOMAIN, Status.NODATA) and not (
                    mech.name == "a" and (await self.resolver.query(target, "AAAA")).ok
                ):
                    node.void.append((mech.text, target))
                if mech.name == "mx" and ans.ok:
                    term["mx_hosts"] = len(ans.records)
            node.terms.append(term)
        if record.redirect is not None:
            node.own_lookups += 1
            spec = record.redirect.value
            term = {"term": record.redirect.text, "lookups": 1}
            if "%" not in spec:
                target = spec.rstrip(".").lower()
                child = await self._child(target, record.redirect.text, path)
                if child is not None:
                    node.children.append(child)
                    term["lookups"] = 1 + child.total
            node.terms.append(term)
        return node

    async def _child(self, target: str, via: str, path: tuple[str, ...]) -> Node | None:
        if target in path:
            self.loops.append(" → ".join((*path, target)))
            return None
        if len(path) >= MAX_TREE_DEPTH:
            self.loops.append(" → ".join((*path, target)) + " …")
            return None
        return await self.build(target, None, via, (*path, target))


def _all_fix(record: SpfRecord, qualifier: str = "-") -> str:
    """The same record with its 'all' (or missing end) replaced by ``qualifier``all."""
    terms = [t for t in record.text.split(" ")[1:] if t]
    kept = [
        t
        for t in terms
        if t.lstrip("+-~?").lower() != "all"
        and not t.lower().startswith("ptr")
        and not t.lower()[1:].startswith("ptr")
    ]
    mods = [t for t in kept if "=" in t.split(":")[0]]
    mechs = [t for t in kept if t not in mods]
    return " ".join(
        ["v=spf1", *mechs, f"{qualifier}all", *[m for m in mods if not m.lower().startswith("redirect=")]]
    )


async def audit_spf(domain: str, *, resolver: Resolver, has_mx: bool | None = None) -> CheckResult:
    res = CheckResult("spf")
    status, texts, strings, reason = await fetch_spf(domain, resolver)
    if status.temporary:
        return res.undetermined("spf.undetermined", domain, reason=reason)
    if not texts:
        res.status = "absent"
        fix = "v=spf1 mx -all" if has_mx else "v=spf1 -all"
        res.add("spf.missing", domain, fix=f'{domain}. TXT "{fix}"')
        return res
    if len(texts) > 1:
        res.status = "invalid"
        res.record = texts[0]
        res.add("spf.multiple-records", domain, count=len(texts), evidence=" | ".join(texts))
        return res
    text = texts[0]
    res.record = text
    res.status = "present"
    for part in strings[0]:
        if len(part) > 255:
            res.add("spf.string-too-long", domain, length=len(part))
    if len(text.encode()) > RECORD_SIZE_WARN:
        res.add("spf.record-too-long", domain, length=len(text.encode()))
    try:
        record = parse_record(text)
    except SpfSyntaxError as exc:
        res.status = "invalid"
        res.add(
            "spf.syntax-error",
            domain,
            position=exc.position + 1,
            term=exc.term,
            message=exc.message,
            evidence=text,
        )
        return res
    builder = _TreeBuilder(resolver)
    tree = await builder.build(domain, record, "", (domain,))
    total = tree.total
    res.data["lookups"] = total
    res.data["tree"] = tree.to_dict()
    void = tree.void_total
    res.data["void_lookups"] = len(void)
    if total > 10:
        per_term = ", ".join(f"{t['term']}={t['lookups']}" for t in tree.terms if t["lookups"])
        res.add("spf.too-many-lookups", domain, count=total, evidence=per_term)
    elif total >= 9:
        res.add("spf.lookups-near-limit", domain, count=total)
    if len(void) > 2:
        res.add("spf.too-many-void-lookups", domain, count=len(void), names=", ".join(n for _, n in void))
    else:
        for term, name in void:
            res.add("spf.void-lookup", domain, term=term, name=name)
    for loop in builder.loops:
        res.add("spf.loop", domain, path=loop)
    for _parent, term, _target in builder.missing_includes:
        res.add("spf.include-missing", domain, term=term)
    for name, reason in builder.undetermined:
        res.add("spf.include-undetermined", domain, name=name, reason=reason)
    if record.redirect is not None and tree.children:
        redirect_child = tree.children[-1]
        if redirect_child.via == record.redirect.text and redirect_child.error == "no SPF record":
            res.add("spf.redirect-missing", domain, name=redirect_child.domain)
    for mech in record.mechanisms:
        if mech.name == "ptr":
            res.add("spf.ptr", domain, term=mech.text, fix=f'{domain}. TXT "{_all_fix(record, "-")}"')
    all_mech = record.all_mechanism
    res.data["all"] = (all_mech.qualifier + "all") if all_mech else None
    if all_mech is None and record.redirect is None:
        res.add("spf.no-all", domain, fix=f'{domain}. TXT "{_all_fix(record)}"')
    elif all_mech is not None:
        q = all_mech.qualifier
        if q == "+":
            res.add("spf.plus-all", domain, fix=f'{domain}. TXT "{_all_fix(record)}"')
        elif q == "?":
            res.add("spf.neutral-all", domain, fix=f'{domain}. TXT "{_all_fix(record)}"')
        elif q == "~":
            res.add("spf.softfail-all", domain, fix=f'{domain}. TXT "{_all_fix(record)}"')
    if not any(f.severity.rank >= 3 for f in res.findings):
        res.add("spf.ok", domain, all=res.data["all"] or (record.redirect.text if record.redirect else ""))
    return res
