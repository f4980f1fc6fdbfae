"""Audit a domain's SPF: record selection, syntax, the lookup tree, limits and policy advice."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...core.dns import Resolver, Status
from ...core.findings import Finding, Severity
from ...core.txt import fetch_txt
from ..model import CheckResult
from .fix import propose_spf
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


QUALIFIER_CODES = {"+": "spf.plus-all", "?": "spf.neutral-all", "~": "spf.softfail-all"}


def _end_for(record: SpfRecord) -> tuple[str | None, bool]:
    """The end a proposal takes (None: the record's own) and whether its senders are inferred.

    '+all' and '?all' state no sender list, so one is inferred (mx and the includes present)
    and the record ends in '~all' until the reports confirm it; a record without 'all' or
    ending in '~all' lists its senders, so it ends in '-all'.
    """
    all_mech = record.all_mechanism
    if all_mech is None:
        return (None if record.redirect is not None else "-"), False
    if all_mech.qualifier in "+?":
        return "~", True
    return "-", False


async def _vetted_fix(domain: str, record: SpfRecord, resolver: Resolver, res: CheckResult) -> str | None:
    """The proposed record as a zone line, with the findings that explain it; None when no
    proposal survives its own audit."""
    qualifier, inferred = _end_for(record)
    proposal = await propose_spf(domain, record, resolver, qualifier=qualifier, infer_senders=inferred)
    strings = split_strings(proposal.text) if proposal else []
    if proposal is None or await vet_spf(domain, proposal.text, resolver, strings=strings):
        return None
    if proposal.inferred:
        res.add("spf.proposal-inferred", domain)
    if proposal.ptr:
        res.add("spf.proposal-ptr", domain, terms=", ".join(proposal.ptr))
    if proposal.flattened:
        res.add("spf.proposal-flattened", domain, terms=", ".join(proposal.flattened))
    return f"{domain}. TXT " + " ".join(f'"{part.decode()}"' for part in strings)


def split_strings(text: str) -> list[bytes]:
    """The record as the character-strings of one TXT record, each at most 255 bytes
    (RFC 7208 §3.3: receivers join them without a space)."""
    out: list[bytes] = []
    current = b""
    for term in text.encode().split(b" "):
        piece = term if not current else b" " + term
        if len(current) + len(piece) <= 255:
            current += piece
            continue
        if current:  # a new string starts at a term boundary; the space ends the previous one
            out.append(current + b" ")
            piece = term
        while len(piece) > 255:  # a single term longer than a string (not from a proposal)
            out.append(piece[:255])
            piece = piece[255:]
        current = piece
    out.append(current)
    return out


async def vet_spf(
    domain: str, text: str, resolver: Resolver, *, strings: list[bytes] | None = None
) -> list[Finding]:
    """The findings of warning severity or worse that auditing ``text`` as the SPF record of
    ``domain`` raises (strings, size, parse, lookup tree and count against the live zone):
    none for a sound proposal."""
    strings = strings if strings is not None else split_strings(text)
    check = await audit_spf_record(domain, text, resolver=resolver, strings=strings, propose=False)
    return [f for f in check.findings if f.severity.rank >= Severity.WARNING.rank]


async def audit_spf(domain: str, *, resolver: Resolver, has_mx: bool | None = None) -> CheckResult:
    res = CheckResult("spf")
    status, texts, strings, reason = await fetch_spf(domain, resolver)
    if status.temporary:
        return res.undetermined("spf.undetermined", domain, reason=reason)
    if not texts:
        res.status = "absent"
        # With mail servers the sender list is inferred (mx): '~all' until the reports confirm it.
        fix: str | None = "v=spf1 mx ~all" if has_mx else "v=spf1 -all"
        if fix and await vet_spf(domain, fix, resolver):
            fix = None
        res.add("spf.missing", domain, fix=f'{domain}. TXT "{fix}"' if fix else None)
        if fix and has_mx:
            res.add("spf.proposal-inferred", domain)
        return res
    if len(texts) > 1:
        res.status = "invalid"
        res.record = texts[0]
        res.add("spf.multiple-records", domain, count=len(texts), evidence=" | ".join(texts))
        return res
    return await audit_spf_record(domain, texts[0], resolver=resolver, strings=strings[0])


async def audit_spf_record(
    domain: str,
    text: str,
    *,
    resolver: Resolver,
    strings: list[bytes] | None = None,
    propose: bool = True,
) -> CheckResult:
    """Audit one SPF record as published at ``domain`` (also a proposed one, not yet published).

    With ``propose``, findings that a new record would fix carry one: built by
    :func:`.fix.propose_spf` and shown only when this audit, run on it, finds nothing of
    warning severity or worse (:func:`vet_spf`).
    """
    res = CheckResult("spf")
    res.record = text
    res.status = "present"
    for part in strings or []:
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
    all_mech = record.all_mechanism
    res.data["all"] = (all_mech.qualifier + "all") if all_mech else None
    fixable: list[tuple[str, dict[str, Any]]] = [
        ("spf.ptr", {"term": m.text}) for m in record.mechanisms if m.name == "ptr"
    ]
    if all_mech is None and record.redirect is None:
        fixable.append(("spf.no-all", {}))
    elif all_mech is not None and all_mech.qualifier in QUALIFIER_CODES:
        fixable.append((QUALIFIER_CODES[all_mech.qualifier], {}))
    fix: str | None = None
    if propose and (fixable or total > 10) and not builder.undetermined:
        fix = await _vetted_fix(domain, record, resolver, res)
    if total > 10:
        for f in res.findings:
            if f.code == "spf.too-many-lookups":
                f.fix = fix
    for code, params in fixable:
        res.add(code, domain, fix=fix, **params)
    if not any(f.severity.rank >= 3 for f in res.findings):
        res.add("spf.ok", domain, all=res.data["all"] or (record.redirect.text if record.redirect else ""))
    return res
