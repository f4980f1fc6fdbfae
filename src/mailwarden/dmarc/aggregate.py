"""Streaming parser for DMARC aggregate reports: RFC 7489 Appendix C and RFC 9990.

DTDs and entity declarations are refused before parsing, entities are never resolved
and nothing is fetched; records are converted one at a time and their elements freed,
so memory does not grow with the report. Repairable defects are repaired and noted;
anything else raises ReportRejected.
"""

from __future__ import annotations

import codecs
import io
import ipaddress
import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from lxml import etree

from ..core.errors import ForbiddenConstruct, ReportRejected
from ..core.i18n import N_, gettext

NS_DMARC2 = "urn:ietf:params:xml:ns:dmarc-2.0"
MAX_COUNT = 1_000_000_000  # one record claiming more messages than this is not believable
FUTURE_SLACK = 2 * 86400
RESULTS = {"pass", "fail", "none", "neutral", "softfail", "temperror", "permerror", "policy"}
DISPOSITIONS = {"none", "quarantine", "reject", "pass"}
SMALL_ENOUGH_TO_REPAIR = 20 * 1024 * 1024
_IPV4 = re.compile(r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}")
_COUNT = re.compile(r"-?\d{1,15}")

REPAIRED_CASE = N_("upper-case result values were lower-cased")
REPAIRED_UTF8 = N_("invalid UTF-8 was replaced")
REPAIRED_MARKUP = N_("malformed markup was repaired")
UNKNOWN_NAMESPACE = N_("unknown XML namespace {ns} read as DMARC")


ROW_FIELDS = (
    "source_ip",
    "count",
    "disposition",
    "dkim_aligned",
    "spf_aligned",
    "header_from",
    "envelope_from",
    "envelope_to",
    "dkim",
    "spf",
    "reasons",
)
Row = tuple[str, int, str, bool, bool, str, str, str, str, str, str]


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


_NAMES: dict[str, str] = {}  # full tag -> local name, shared by all parsers


def _local(tag: str) -> str:
    name = _NAMES.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1]
        if len(_NAMES) < 1024:  # tags come from outside: the table stays small
            _NAMES[tag] = name
    return name


def _text(elem: Any) -> str:
    return (elem.text or "").strip() if elem is not None else ""


def _children(elem: Any) -> dict[str, Any]:
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


_ELEMENTS = etree.Element  # iter() filter: elements only, no entity references
_RECORD_PARTS = frozenset({"row", "identifiers", "policy_evaluated", "source_ip", "count"})
_LEAVES = frozenset(
    {"source_ip", "count", "disposition", "dkim", "spf", "header_from", "envelope_from", "envelope_to"}
)
PROLOG_LIMIT = 64 * 1024
MAX_RECORD_NOTES = 20  # the reasons of the first rejected records; the rest are counted


class RecordRejected(ReportRejected):
    """One record that cannot be stored: it is left out, the report is kept."""


RECORD_TAGS = ("{*}record", "{*}report_metadata", "{*}policy_published", "{*}version")


class _Replay(io.RawIOBase):
    """The bytes already read, then the rest of the stream."""

    def __init__(self, prefix: bytes, inner: IO[bytes]) -> None:
        self.prefix = prefix
        self.inner = inner

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        if self.prefix:
            n = min(len(b), len(self.prefix))
            b[:n] = self.prefix[:n]
            self.prefix = self.prefix[n:]
            return n
        data = self.inner.read(len(b))
        b[: len(data)] = data
        return len(data)


_ROOT_DEFAULT_NS = re.compile(rb"""(<feedback\b[^>]*?)\s+xmlns\s*=\s*(["'])([^"'<>]*)\2""")


def refuse_dtd(stream: IO[bytes]) -> tuple[IO[bytes], str]:
    """Reject any DOCTYPE or ENTITY declaration: they can only stand in the prolog, before
    the root element, so the prolog is read and checked before the parser sees anything.

    Also returns the default namespace declared on a ``<feedback>`` root, taken out of the
    stream: every tag is then a plain local name, which lxml hands over ~10 % faster.
    Prefixed or inner declarations stay as they are (names are read namespace-blind)."""
    prefix = stream.read(PROLOG_LIMIT)
    m = re.search(rb"<[A-Za-z_]", prefix)
    prolog = prefix[: m.start()] if m else prefix
    if re.search(rb"<!(?:DOCTYPE|ENTITY)", prolog, flags=re.IGNORECASE):
        raise ForbiddenConstruct(
            gettext("forbidden XML construct (DTD or entity): {error}").format(error="DOCTYPE")
        )
    if m is None and len(prefix) >= PROLOG_LIMIT:
        raise ReportRejected(gettext("no root element in the first {limit} bytes").format(limit=PROLOG_LIMIT))
    ns = ""
    if m is not None:
        root = _ROOT_DEFAULT_NS.match(prefix, m.start())
        if root is not None:
            ns = root.group(3).decode("utf-8", "replace")
            prefix = prefix[: root.start()] + root.group(1) + prefix[root.end() :]
    return io.BufferedReader(_Replay(prefix, stream), 1 << 16), ns


class AggregateParser:
    """``header()`` first (cheap: a duplicate can stop there), then ``records()``.

    lxml's iterparse yields only the elements named in RECORD_TAGS (the filtering runs in
    C), with entity resolution, network access and huge trees off; DTDs are refused
    before parsing (:func:`refuse_dtd`). Each record is freed once converted.
    """

    def __init__(self, stream: IO[bytes], *, now: float | None = None) -> None:
        self.notes: list[str] = []
        self._now = now or time.time()
        source, self._default_ns = refuse_dtd(stream)
        self._events = etree.iterparse(
            source,
            events=("end",),
            tag=RECORD_TAGS,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
        self._first: Any = None
        self._case_repaired = False
        self._unknown_noted: set[str] = set()
        self.records_seen = 0
        self.records_rejected = 0
        self._json_cache: dict[
            tuple[tuple[str, str | None, str | None, str | None], ...], tuple[str, str]
        ] = {}

    def _next(self) -> Any:
        try:
            return next(self._events)[1]
        except StopIteration:
            return None
        except etree.XMLSyntaxError as exc:
            raise ReportRejected(gettext("not well-formed XML: {error}").format(error=exc)) from exc

    def header(self) -> Header:
        meta = policy = version = None
        while True:
            elem = self._next()
            if elem is None:
                break
            name = _local(elem.tag)
            if name == "record":
                self._first = elem
                break
            if name == "report_metadata":
                meta = elem
            elif name == "policy_published":
                policy = elem
            elif name == "version":
                version = elem
        anchor = meta if meta is not None else policy
        if anchor is None:
            whole = getattr(self._events, "root", None)
            if whole is not None and _local(whole.tag) != "feedback":
                raise ReportRejected(
                    gettext("root element is <{tag}>, not <feedback>").format(tag=_local(whole.tag))
                )
            raise ReportRejected(gettext("required field {name} is missing").format(name="report_metadata"))
        root = anchor.getparent()
        if root is None or _local(root.tag) != "feedback":
            tag = _local(root.tag) if root is not None else "?"
            raise ReportRejected(gettext("root element is <{tag}>, not <feedback>").format(tag=tag))
        wrapper = root.getparent()
        if wrapper is not None:
            self.notes.append(
                gettext("report wrapped in <{tag}> was unwrapped").format(tag=_local(wrapper.tag))
            )
        tag = root.tag
        ns = tag[1:].split("}", 1)[0] if tag.startswith("{") else self._default_ns
        if ns and ns != NS_DMARC2:
            self.notes.append(gettext(UNKNOWN_NAMESPACE).format(ns=ns))
        meta_c = _children(meta) if meta is not None else {}
        policy_d = {_local(c.tag): _text(c) for c in policy} if policy is not None else {}
        dr = _children(meta_c["date_range"]) if "date_range" in meta_c else {}
        hdr = Header(
            org_name=_text(meta_c.get("org_name")),
            email=_text(meta_c.get("email")),
            report_id=_text(meta_c.get("report_id")),
            begin=self._int(dr.get("begin"), "date_range/begin"),
            end=self._int(dr.get("end"), "date_range/end"),
            policy_domain=policy_d.get("domain", "").lower().rstrip("."),
            policy=policy_d,
            namespace=ns,
            version=_text(version),
            generator=_text(meta_c.get("generator")),
            extra={"extra_contact_info": _text(meta_c.get("extra_contact_info"))},
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
    def _int(elem: Any, name: str) -> int:
        text = _text(elem)
        if not re.fullmatch(r"-?\d{1,12}", text):
            raise ReportRejected(
                gettext("required field {name} is missing or not a number").format(name=name)
            )
        return int(text)

    def batches(self, size: int) -> Iterator[list[Row]]:
        """The records as rows in ROW_FIELDS order (auth results and reasons as JSON text),
        ``size`` at a time."""
        convert = self._record
        events = self._events
        rows: list[Row] = []
        elem = self._first
        self._first = None
        while True:
            if elem is None:
                try:
                    elem = next(events)[1]
                except StopIteration:
                    break
                except etree.XMLSyntaxError as exc:
                    raise ReportRejected(gettext("not well-formed XML: {error}").format(error=exc)) from exc
            if (_NAMES.get(elem.tag) or _local(elem.tag)) == "record":
                try:
                    rows.append(convert(elem))
                except RecordRejected as exc:  # this record goes, with its reason; the report stays
                    self.records_rejected += 1
                    if len(self.notes) < MAX_RECORD_NOTES:
                        self.notes.append(str(exc))
                self.records_seen += 1
                # free what is parsed: the record and the siblings before it
                elem.clear(keep_tail=True)
                parent = elem.getparent()
                while parent is not None and elem.getprevious() is not None:
                    del parent[0]
                if len(rows) >= size:
                    yield rows
                    rows = []
            elem = None
        if rows:
            yield rows
        if self.records_rejected:
            self.notes.append(
                gettext("{n} of {total} records rejected").format(
                    n=self.records_rejected, total=self.records_seen
                )
            )
        if self._case_repaired:
            self.notes.append(gettext(REPAIRED_CASE))

    def _lower(self, value: str, allowed: set[str], field_name: str) -> str:
        if value in allowed:
            return value  # the usual case, already lower-case
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

    def _auth_json(
        self, entries: tuple[tuple[str, str | None, str | None, str | None], ...]
    ) -> tuple[str, str]:
        """(dkim JSON, spf JSON) of a record's auth results, cached by their raw text: a
        report repeats the same few combinations, so the clean-up runs once for each."""
        hit = self._json_cache.get(entries)
        if hit is not None:
            return hit
        dkim: list[dict[str, str]] = []
        spf: list[dict[str, str]] = []
        for kind, domain, second, result in entries:
            res = (result or "").strip()
            if res not in RESULTS:
                res = self._lower(res, RESULTS, kind)
            d = (domain or "").strip().lower()
            if kind == "dkim":
                dkim.append({"domain": d, "result": res, "selector": (second or "").strip()})
            else:
                spf.append({"domain": d, "result": res, "scope": (second or "").strip()})
        out = (json.dumps(dkim) if dkim else "[]", json.dumps(spf) if spf else "[]")
        if len(self._json_cache) < 4096:
            self._json_cache[entries] = out
        return out

    def _record(self, elem: Any) -> Row:
        # One flat pass over the record's elements in document order (this runs for every
        # record of every report): leaves are collected by name, cleaned up after the loop.
        # <dkim> and <spf> are results inside <policy_evaluated> and entries (domain,
        # selector or scope, result) inside <auth_results>.
        names = _NAMES
        leaves: dict[str, str | None] = {}
        entries: list[tuple[str, str | None, str | None, str | None]] = []
        reasons: list[dict[str, str]] = []
        reason: dict[str, str] = {}
        kind = ""
        domain = second = result = None
        in_auth = False
        for x in elem.iter(_ELEMENTS):
            name = names.get(x.tag) or _local(x.tag)
            if in_auth:
                if name == "domain":
                    domain = x.text
                elif name == "result":
                    result = x.text
                elif name == "selector" or name == "scope":
                    second = x.text
                elif name == "dkim" or name == "spf":
                    if kind:
                        entries.append((kind, domain, second, result))
                    kind, domain, second, result = name, None, None, None
                elif name in _RECORD_PARTS:
                    in_auth = False
                continue
            if name in _LEAVES:
                leaves[name] = x.text
            elif name == "auth_results":
                in_auth = True
            elif name == "reason":
                reason = {"type": "", "comment": ""}
                reasons.append(reason)
            elif (name == "type" or name == "comment") and reason:
                reason[name] = (x.text or "").strip()
        if kind:
            entries.append((kind, domain, second, result))
        get = leaves.get
        ip_text = (get("source_ip") or "").strip()
        count_text = (get("count") or "").strip()
        disposition = (get("disposition") or "").strip()
        pe_dkim = (get("dkim") or "").strip()
        pe_spf = (get("spf") or "").strip()
        header_from = (get("header_from") or "").strip().lower()
        envelope_from = (get("envelope_from") or "").strip().lower()
        envelope_to = (get("envelope_to") or "").strip().lower()
        dkim_json, spf_json = self._auth_json(tuple(entries)) if entries else ("[]", "[]")
        if not _IPV4.fullmatch(ip_text):
            try:
                ip_text = str(ipaddress.ip_address(ip_text))
            except ValueError as exc:
                raise RecordRejected(
                    gettext("record {n}: invalid source_ip {ip!r}").format(
                        n=self.records_seen + 1, ip=ip_text
                    )
                ) from exc
        if not _COUNT.fullmatch(count_text):
            raise RecordRejected(
                gettext("record {n}: count {count!r} is not a number").format(
                    n=self.records_seen + 1, count=count_text
                )
            )
        count = int(count_text)
        if count < 0 or count > MAX_COUNT:
            raise RecordRejected(
                gettext("record {n}: impossible count {count}").format(n=self.records_seen + 1, count=count)
            )
        if disposition not in DISPOSITIONS:
            disposition = self._lower(disposition, DISPOSITIONS, "disposition")
        if pe_dkim not in RESULTS:
            pe_dkim = self._lower(pe_dkim, RESULTS, "policy_evaluated/dkim")
        if pe_spf not in RESULTS:
            pe_spf = self._lower(pe_spf, RESULTS, "policy_evaluated/spf")
        return (
            ip_text,
            count,
            disposition[:20],
            pe_dkim == "pass",
            pe_spf == "pass",
            header_from[:255],
            envelope_from[:255],
            envelope_to[:255],
            dkim_json,
            spf_json,
            json.dumps(reasons) if reasons else "[]",
        )
