"""Human or automated: the classification of a simulation's tracking hits (issue 18, point 4).

Mail scanners, link rewriters, image proxies and previewers open and click simulation mail
before — or instead of — the person it was sent to; counted as people, they inflate open and
click rates (Gophish's most reported complaint). Every raw hit is kept; each is classified by
the documented rules below, and every rule that fires is kept as a reason the console shows.

A hit is **automated** when any of these holds, in this order:

1. ``method``     — a HEAD or OPTIONS request (link checkers; a browser a person drives GETs);
2. ``prefetch``   — the request says it is a prefetch or preview (``Purpose``/``Sec-Purpose``/
   ``X-Purpose: prefetch|preview``, ``X-Moz: prefetch``);
3. ``honeypot``   — it is the hidden link no person can see or click, or comes from an address
   that followed that link in this campaign;
4. ``network``    — it comes from a scanner's published address block (scanners.yaml);
5. ``user-agent`` — its user agent is a library, a headless browser, a bot or a scanner;
6. ``instant``    — it came within ``instant_seconds`` of the mail's delivery (a scanner
   fetches on arrival; a person reads first);
7. ``burst``      — its address hit ``burst_recipients`` or more recipients within
   ``burst_seconds`` either side of it (one scanner walking a whole campaign does that in
   seconds). Not for opens: the people of a large office behind its one address open a
   campaign's mail many a minute in its first hour (their clicks have the beacon);
8. ``no-beacon``  — a click or landing whose landing page never ran its JavaScript
   confirmation beacon (decided once the beacon had time to arrive).

Rules 6 and 7 yield to the beacon: a landing whose JavaScript confirmed it was shown in a
browser is a person who clicked fast, or one of many colleagues behind one address. Rules 1–5
do not (a headless scanner runs JavaScript too). Otherwise the hit is **human**."""

from __future__ import annotations

import ipaddress
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ..core.errors import ConfigError
from ..core.i18n import N_, gettext

HERE = Path(__file__).parent
DEFAULT_FILE = HERE / "scanners.yaml"
KINDS = ("open", "click", "landing", "submit", "beacon", "honeypot")
#: hits a landing page's beacon confirms (the link followed, the page shown)
CONFIRMED = ("click", "landing")

REASONS: dict[str, str] = {
    "method": N_("a {method} request: link checkers ask that way, browsers do not"),
    "prefetch": N_("a prefetch or preview request ({header})"),
    "honeypot": N_("the hidden link no person can see was followed"),
    "honeypot-ip": N_("this address followed the hidden link in this campaign"),
    "network": N_("from a scanner's network: {name}"),
    "user-agent": N_("the user agent is automated: {name}"),
    "instant": N_("{seconds} s after delivery: scanners fetch on arrival"),
    "burst": N_("this address hit {count} recipients within {window} s"),
    "no-beacon": N_("the landing page's script never confirmed a browser showed it"),
}
_PREFETCH_HEADERS = ("purpose", "sec-purpose", "x-purpose", "x-moz")
_PREFETCH_VALUES = re.compile(r"prefetch|preview|prerender", re.I)
K = TypeVar("K")


@dataclass(frozen=True)
class Network:
    name: str
    blocks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]
    #: the hit kinds it applies to (empty: all)
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class Agent:
    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class ScannerRules:
    networks: tuple[Network, ...]
    agents: tuple[Agent, ...]
    instant_seconds: float = 10.0
    burst_recipients: int = 10
    burst_seconds: float = 30.0
    #: what ``_agent`` and ``_network`` found, by user agent and by (address, kind): a campaign's
    #: hits share a few of each, and the patterns and blocks are many (see ``_memo``)
    _agents_found: dict[str, str | None] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )
    _networks_found: dict[tuple[str, str], str | None] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )


@dataclass(frozen=True)
class Hit:
    """One raw tracking hit of one recipient (``target``) of a campaign."""

    kind: str
    target: str
    at: datetime
    ip: str
    method: str = "GET"
    user_agent: str = ""
    #: request headers, names in lower case
    headers: Mapping[str, str] = field(default_factory=dict)
    #: when the recipient's mail was handed to the relay
    delivered_at: datetime | None = None


@dataclass(frozen=True)
class Seen:
    """What the campaign's other hits say about one hit."""

    #: distinct recipients hit from this hit's address within the burst window around it
    recipients_from_ip: int = 1
    #: this address followed the hidden link in this campaign
    honeypot_from_ip: bool = False
    #: the landing page's beacon, from this recipient's page at this address: True (it fired),
    #: False (it never did, and had time to), None (not known yet)
    beacon: bool | None = None


@dataclass(frozen=True)
class Reason:
    code: str
    params: dict[str, str] = field(default_factory=dict)

    def text(self) -> str:
        """The reason in the reader's language."""
        return gettext(REASONS[self.code]).format(**self.params)


@dataclass(frozen=True)
class Classification:
    human: bool
    reasons: tuple[Reason, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"human": self.human, "reasons": [{"code": r.code, **r.params} for r in self.reasons]}


def _fail(source: str, why: str) -> ConfigError:
    return ConfigError(gettext("scanner rules {file}: {why}").format(file=source, why=why))


def _read(path: Path) -> dict[str, Any]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise _fail(str(path), str(exc)[:200]) from exc
    if not isinstance(doc, dict):
        raise _fail(str(path), gettext("the file must be a mapping"))
    return doc


def load(path: Path | None = None) -> ScannerRules:
    """The shipped rules, with the entries of ``path`` (a user's file of the same shape) added
    and its ``limits`` over the shipped ones."""
    networks: list[Network] = []
    agents: list[Agent] = []
    limits: dict[str, Any] = {}
    for source in (DEFAULT_FILE, path):
        if source is None:
            continue
        doc = _read(source)
        for entry in doc.get("networks") or []:
            try:
                blocks = tuple(ipaddress.ip_network(str(c), strict=False) for c in entry["cidrs"])
                kinds = tuple(str(k) for k in entry.get("kinds") or ())
                networks.append(Network(str(entry["name"]), blocks, kinds))
            except (KeyError, TypeError, ValueError) as exc:
                raise _fail(str(source), gettext("a bad network entry: {entry}").format(entry=entry)) from exc
        for entry in doc.get("user_agents") or []:
            try:
                agents.append(Agent(str(entry["name"]), re.compile(str(entry["pattern"]), re.I)))
            except (KeyError, TypeError, re.error) as exc:
                raise _fail(
                    str(source), gettext("a bad user agent entry: {entry}").format(entry=entry)
                ) from exc
        limits.update(doc.get("limits") or {})
    try:
        return ScannerRules(
            tuple(networks),
            tuple(agents),
            instant_seconds=float(limits.get("instant_seconds", 10.0)),
            burst_recipients=int(limits.get("burst_recipients", 10)),
            burst_seconds=float(limits.get("burst_seconds", 30.0)),
        )
    except (TypeError, ValueError) as exc:
        raise _fail(str(path or DEFAULT_FILE), gettext("bad limits: {limits}").format(limits=limits)) from exc


@cache
def shipped() -> ScannerRules:
    return load()


#: entries a memo of ScannerRules holds before it starts again (a long-running worker sees
#: every campaign's addresses; a 10,000-recipient campaign has far fewer distinct ones)
MEMO_SIZE = 20_000


def _memo(found: dict[K, str | None], key: K, look: Callable[[], str | None]) -> str | None:
    """``look()``, remembered under ``key``: the rules are frozen, so the answer is too."""
    try:
        return found[key]
    except KeyError:
        pass
    got = look()
    if len(found) >= MEMO_SIZE:
        found.clear()
    found[key] = got
    return got


def _agent(rules: ScannerRules, user_agent: str) -> str | None:
    """The name of the first automated user agent pattern ``user_agent`` matches."""

    def look() -> str | None:
        ua = user_agent.strip()
        return next((a.name for a in rules.agents if a.pattern.search(ua)), None)

    return _memo(rules._agents_found, user_agent, look)


def _network(rules: ScannerRules, ip: str, kind: str) -> str | None:
    """The name of the scanner network (for hits of ``kind``) that ``ip`` is in."""
    return _memo(rules._networks_found, (ip, kind), lambda: _find_network(rules, ip, kind))


def _find_network(rules: ScannerRules, ip: str, kind: str) -> str | None:
    try:
        addr = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    for net in rules.networks:
        if net.kinds and kind not in net.kinds:
            continue
        if any(addr.version == b.version and addr in b for b in net.blocks):
            return net.name
    return None


def classify(hit: Hit, seen: Seen, rules: ScannerRules | None = None) -> Classification:
    """Human or automated, with every reason that held (see the module's rules)."""
    rules = rules or shipped()
    reasons: list[Reason] = []
    method = hit.method.upper()
    if method in ("HEAD", "OPTIONS"):
        reasons.append(Reason("method", {"method": method}))
    for name in _PREFETCH_HEADERS:
        value = hit.headers.get(name, "")
        if value and (name == "x-moz" or _PREFETCH_VALUES.search(value)):
            reasons.append(Reason("prefetch", {"header": f"{name}: {value[:40]}"}))
            break
    if hit.kind == "honeypot":
        reasons.append(Reason("honeypot"))
    elif seen.honeypot_from_ip:
        reasons.append(Reason("honeypot-ip"))
    if (net := _network(rules, hit.ip, hit.kind)) is not None:
        reasons.append(Reason("network", {"name": net}))
    if (agent := _agent(rules, hit.user_agent)) is not None:
        reasons.append(Reason("user-agent", {"name": agent}))
    confirmed = seen.beacon is True and hit.kind in (*CONFIRMED, "submit", "beacon")
    if hit.delivered_at is not None and not confirmed:
        after = (hit.at - hit.delivered_at).total_seconds()
        if after < rules.instant_seconds:
            reasons.append(Reason("instant", {"seconds": f"{max(after, 0):.0f}"}))
    if hit.kind != "open" and seen.recipients_from_ip >= rules.burst_recipients and not confirmed:
        reasons.append(
            Reason("burst", {"count": str(seen.recipients_from_ip), "window": f"{rules.burst_seconds:.0f}"})
        )
    if hit.kind in CONFIRMED and seen.beacon is False:
        reasons.append(Reason("no-beacon"))
    return Classification(human=not reasons, reasons=tuple(reasons))


def context(hits: Sequence[Hit], rules: ScannerRules | None = None) -> list[Seen]:
    """What the other hits of a campaign say about each of ``hits`` (all of one campaign): the
    recipients hit from its address around it, honeypot addresses, and each recipient's beacon
    (False for a recipient whose landing has no beacon: call it once the beacon had time).

    Linear in the hits (after sorting): each address's hits are walked once in time order with
    a sliding window counting its recipients, where building the window's set anew for every
    hit is quadratic when one scanner walks a campaign of 10,000 within the burst window."""
    rules = rules or shipped()
    window = timedelta(seconds=rules.burst_seconds)
    honeypot_ips = {h.ip for h in hits if h.kind == "honeypot"}
    beacons = {(h.target, h.ip) for h in hits if h.kind == "beacon"}
    by_ip: dict[str, list[int]] = defaultdict(list)
    for i, h in enumerate(hits):
        by_ip[h.ip].append(i)
    near = [1] * len(hits)
    for idxs in by_ip.values():
        # beacons are not hits on a recipient: they count for nobody's burst (but get a context)
        members = sorted((hits[i].at, hits[i].target) for i in idxs if hits[i].kind != "beacon")
        counts: Counter[str] = Counter()
        lo = hi = 0
        for i in sorted(idxs, key=lambda i: hits[i].at):
            at = hits[i].at
            while hi < len(members) and members[hi][0] <= at + window:
                counts[members[hi][1]] += 1
                hi += 1
            while lo < hi and members[lo][0] < at - window:
                who = members[lo][1]
                counts[who] -= 1
                if not counts[who]:
                    del counts[who]
                lo += 1
            near[i] = max(1, len(counts))
    return [
        Seen(
            recipients_from_ip=near[i],
            honeypot_from_ip=h.ip in honeypot_ips,
            beacon=(h.target, h.ip) in beacons,
        )
        for i, h in enumerate(hits)
    ]


def classify_all(hits: Sequence[Hit], rules: ScannerRules | None = None) -> list[Classification]:
    """Every hit of one campaign classified with what the others say."""
    rules = rules or shipped()
    return [classify(h, s, rules) for h, s in zip(hits, context(hits, rules), strict=True)]
