"""Streaming parser for DMARC aggregate reports: RFC 7489 Appendix C and RFC 9990.

defusedxml's iterparse refuses DTDs, entities and external references; records are
converted one at a time and their elements freed, so memory does not grow with the
report. Repairable defects are repaired and noted; anything else raises ReportRejected.
"""

from __future__ import annotations

import codecs
import io
import ipaddress
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from ..core.errors import ReportRejected
from ..core.i18n import N_, gettext

NS_DMARC2 = "urn:ietf:params:xml:ns:dmarc-2.0"
MAX_COUNT = 1_000_000_000  # one record claiming more messages than this is not believable
FUTURE_SLACK = 2 * 86400
RESULTS = {"pass", "fail", "none", "neutral", "softfail", "temperror", "permerror", "policy"}
DISPOSITIONS = {"none", "quarantine", "reject", "pass"}
SMALL_ENOUGH_TO_REPAIR = 20 * 1024 * 1024

REPAIRED_CASE = N_("upper-case result values were lower-cased")
REPAIRED_UTF8 = N_("invalid UTF-8 was replaced")
REPAIRED_MARKUP = N_("malformed markup was repaired")
UNKNOWN_NAMESPACE = N_("unknown XML namespace {ns} read as DMARC")


@dataclass
class Header:
    org_name: str
    email: str
    report_id: str
    begin: int
    end: int
    policy_domain: str
    policy: dict[str, str]
    namespace: str
    version: str
    generator: str
    extra: dict[str, str] = field(default_factory=dict)


def _local(tag: str, cache: dict[str, str] = {}) -> str:  # noqa: B006 - a deliberate shared cache
    name = cache.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1]
        cache[tag] = name
    return name


def _text(elem: Element | None) -> str:
    return (elem.text or "").strip() if elem is not None else ""


def _children(elem: Element) -> dict[str, Element]:
    return {_local(c.tag): c for c in elem}


class _Transcoder(io.RawIOBase):
    """UTF-8 with invalid bytes replaced (U+FFFD), streamed."""

    def __init__(self, inner: IO[bytes]) -> None:
        self.inner = inner
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.buf = b""

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self.buf:
            chunk = self.inner.read(65536)
            final = not chunk
            self.buf = self.decoder.decode(chunk, final=final).encode("utf-8")
            if final:
                break
        n = min(len(b), len(self.buf))
        b[:n] = self.buf[:n]
        self.buf = self.buf[n:]
        return n


_LEAF = re.compile(rb"^([ \t]*<([A-Za-z_][\w.-]*)>)(.*)(</\2>[ \t]*\r?)$", re.MULTILINE)


def _escape_leaf(m: re.Match[bytes]) -> bytes:
    inner = m.group(3)
    if b"</" in inner:
        return m.group(0)  # it holds elements of its own: not a leaf, leave it
    return m.group(1) + inner.replace(b"<", b"&lt;").replace(b">", b"&gt;") + m.group(4)


def repair_markup(data: bytes) -> bytes:
    """Textual repairs for small documents that are not well-formed XML."""
    # Keep only the <feedback> element: drops unclosed wrappers and trailing junk.
    start = data.find(b"<feedback")
    end = data.rfind(b"</feedback>")
    if start >= 0 and end > start:
        data = data[start : end + len(b"</feedback>")]
    # One-line leaf elements whose text holds '<' or '>' (<email><a@b.jp></email>, bad<xml.net)
    data = _LEAF.sub(_escape_leaf, data)
    # bare ampersands
    return re.sub(rb"&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)", b"&amp;", data)


class AggregateParser:
    """``header()`` first (cheap: a duplicate can stop there), then ``records()``."""

    def __init__(self, stream: IO[bytes], *, now: float | None = None) -> None:
        self.notes: list[str] = []
        self._now = now or time.time()
        self._events = iterparse(
            stream, events=("start", "end"), forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
        self._root: Element | None = None
        self._pending: Element | None = None
        self._case_repaired = False
        self._unknown_noted: set[str] = set()
        self.records_seen = 0

    def _next(self) -> tuple[str, Element] | None:
        try:
            ev, elem = next(self._events)
            return ev, elem
        except StopIteration:
            return None
        except ParseError as exc:
            raise ReportRejected(gettext("not well-formed XML: {error}").format(error=exc)) from exc
        except DefusedXmlException as exc:
            raise ReportRejected(
                gettext("forbidden XML construct (DTD or entity): {error}").format(error=type(exc).__name__)
            ) from exc

    def header(self) -> Header:
        first = self._next()
        if first is None:
            raise ReportRejected(gettext("empty document"))
        _ev, root = first
        if _local(root.tag) != "feedback":
            # Some reporters wrap the report one level deep (ikea.com: <xs:schema><feedback>).
            wrapper = _local(root.tag)
            nxt = self._next()
            if nxt is None or _local(nxt[1].tag) != "feedback":
                raise ReportRejected(gettext("root element is <{tag}>, not <feedback>").format(tag=wrapper))
            root = nxt[1]
            self.notes.append(gettext("report wrapped in <{tag}> was unwrapped").format(tag=wrapper))
        self._root = root
        tag = root.tag
        ns = tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
        if ns and ns != NS_DMARC2:
            self.notes.append(gettext(UNKNOWN_NAMESPACE).format(ns=ns))
        # Read until the first <record> starts: metadata and policy come before it.
        while True:
            item = self._next()
            if item is None:
                break
            ev, elem = item
            if ev == "start" and _local(elem.tag) == "record":
                self._pending = elem
                break
        top = _children(root)
        meta = _children(top["report_metadata"]) if "report_metadata" in top else {}
        pol_el = top.get("policy_published")
        policy = {_local(c.tag): _text(c) for c in pol_el} if pol_el is not None else {}
        dr = _children(meta["date_range"]) if "date_range" in meta else {}
        hdr = Header(
            org_name=_text(meta.get("org_name")),
            email=_text(meta.get("email")),
            report_id=_text(meta.get("report_id")),
            begin=self._int(dr.get("begin"), "date_range/begin"),
            end=self._int(dr.get("end"), "date_range/end"),
            policy_domain=policy.get("domain", "").lower().rstrip("."),
            policy=policy,
            namespace=ns,
            version=_text(top.get("version")),
            generator=_text(meta.get("generator")),
            extra={"extra_contact_info": _text(meta.get("extra_contact_info"))},
        )
        if not hdr.org_name and "@" in hdr.email:
            hdr.org_name = hdr.email.rsplit("@", 1)[1].strip(">").lower()
            self.notes.append(gettext("empty org_name taken from the reporter's address"))
        for name, value in (
            ("org_name", hdr.org_name),
            ("report_id", hdr.report_id),
            ("policy_published/domain", hdr.policy_domain),
        ):
            if not value:
                raise ReportRejected(gettext("required field {name} is missing").format(name=name))
        if hdr.end < hdr.begin:
            raise ReportRejected(gettext("date range ends before it begins"))
        if hdr.begin > self._now + FUTURE_SLACK:
            raise ReportRejected(gettext("date range begins in the future"))
        return hdr

    @staticmethod
    def _int(elem: Element | None, name: str) -> int:
        text = _text(elem)
        if not re.fullmatch(r"-?\d{1,12}", text):
            raise ReportRejected(
                gettext("required field {name} is missing or not a number").format(name=name)
            )
        return int(text)

    def records(self) -> Iterator[dict[str, Any]]:
        root = self._root
        assert root is not None
        depth_record = False
        while True:
            if self._pending is not None:
                depth_record = True
                self._pending = None
            item = self._next()
            if item is None:
                break
            ev, elem = item
            name = _local(elem.tag)
            if ev == "start" and name == "record":
                depth_record = True
                continue
            if ev == "end" and name == "record" and depth_record:
                rec = self._record(elem)
                self.records_seen += 1
                root.remove(elem) if elem in root else None
                elem.clear()
                depth_record = False
                yield rec
        if self._case_repaired:
            self.notes.append(gettext(REPAIRED_CASE))

    def _lower(self, value: str, allowed: set[str], field_name: str) -> str:
        low = value.lower()
        if low != value:
            self._case_repaired = True
        if low and low not in allowed and field_name not in self._unknown_noted:
            # Kept as given: one odd value must not cost the whole report.
            self._unknown_noted.add(field_name)
            self.notes.append(
                gettext("unexpected value {value!r} in {field} kept as given").format(
                    value=value, field=field_name
                )
            )
        return low

    def _record(self, elem: Element) -> dict[str, Any]:
        parts = _children(elem)
        row = _children(parts["row"]) if "row" in parts else {}
        ip_text = _text(row.get("source_ip"))
        try:
            ip = str(ipaddress.ip_address(ip_text))
        except ValueError as exc:
            raise ReportRejected(
                gettext("record {n}: invalid source_ip {ip!r}").format(n=self.records_seen + 1, ip=ip_text)
            ) from exc
        count_text = _text(row.get("count"))
        if not re.fullmatch(r"-?\d{1,15}", count_text):
            raise ReportRejected(
                gettext("record {n}: count {count!r} is not a number").format(
                    n=self.records_seen + 1, count=count_text
                )
            )
        count = int(count_text)
        if count < 0 or count > MAX_COUNT:
            raise ReportRejected(
                gettext("record {n}: impossible count {count}").format(n=self.records_seen + 1, count=count)
            )
        pe = _children(row["policy_evaluated"]) if "policy_evaluated" in row else {}
        reasons = []
        for child in row.get("policy_evaluated", ()):
            if _local(child.tag) == "reason":
                rc = _children(child)
                reasons.append({"type": _text(rc.get("type")), "comment": _text(rc.get("comment"))})
        ids = _children(parts["identifiers"]) if "identifiers" in parts else {}
        dkim, spf = [], []
        auth = parts.get("auth_results")
        if auth is not None:
            for res in auth:
                kind = _local(res.tag)
                rc = _children(res)
                entry = {
                    "domain": _text(rc.get("domain")).lower(),
                    "result": self._lower(_text(rc.get("result")), RESULTS, kind),
                }
                if kind == "dkim":
                    entry["selector"] = _text(rc.get("selector"))
                    dkim.append(entry)
                elif kind == "spf":
                    entry["scope"] = _text(rc.get("scope"))
                    spf.append(entry)
        return {
            "source_ip": ip,
            "count": count,
            "disposition": self._lower(_text(pe.get("disposition")), DISPOSITIONS, "disposition"),
            "dkim_aligned": self._lower(_text(pe.get("dkim")), RESULTS, "policy_evaluated/dkim") == "pass",
            "spf_aligned": self._lower(_text(pe.get("spf")), RESULTS, "policy_evaluated/spf") == "pass",
            "reasons": reasons,
            "header_from": _text(ids.get("header_from")).lower(),
            "envelope_from": _text(ids.get("envelope_from")).lower(),
            "envelope_to": _text(ids.get("envelope_to")).lower(),
            "dkim": dkim,
            "spf": spf,
        }
