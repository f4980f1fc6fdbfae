"""What the providers' verifiers and parsers share: reading the JSON body, times, addresses,
SMTP codes out of diagnostic texts, the timestamp window and a replay cache.

Everything here reads outside input: bounded (the body length is checked again, batches are
capped at :data:`MAX_EVENTS`, texts are clipped) and never raising anything but
:class:`~mailwarden.deliverability.events.Rejected` (for the request) or :class:`BadField`
(for one event, which the parser counts and skips)."""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from email.utils import parseaddr
from typing import Any

import orjson

from ...core.i18n import gettext as _
from ..events import MAX_DETAIL, MAX_ID, MAX_REASON, HookRequest, Parsed, Rejected, clip

__all__ = [
    "MAX_EVENTS",
    "BadField",
    "ReplayCache",
    "add_event",
    "address",
    "capped",
    "check_window",
    "codes_from",
    "detail",
    "domain_of",
    "field",
    "ident",
    "load_json",
    "parse_time",
    "reason",
]

#: most events read from one request; the rest are counted as ignored["over-limit"]
MAX_EVENTS = 10_000

# basic reply code (RFC 5321 §4.2) and enhanced status code (RFC 3463 §2) in a diagnostic
_SMTP_CODE = re.compile(r"\b([245]\d\d)\b")
_STATUS = re.compile(r"\b([245]\.\d{1,3}\.\d{1,3})\b")
#: diagnostic texts are searched in their first characters only (bounded time)
_SCAN = 2000
# an address with nothing around it (no display name, comment, quotes or spaces)
_BARE = re.compile(r"[^\s<>\"(),;:\\\[\]@]+@[^\s<>\"(),;:\\\[\]@]+\Z")
# epoch seconds between 2001 and 2286; larger numbers are taken as milliseconds
_EPOCH_MS = 10_000_000_000


class BadField(Exception):
    """One event's field is missing or of the wrong type: that event is ignored and counted as
    ``bad-field:<name>``, the others are kept."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name

    @property
    def key(self) -> str:
        return f"bad-field:{self.name}"


def load_json(req: HookRequest, max_body: int) -> Any:
    """The body as JSON: 413 when longer than ``max_body`` (checked again here, whatever the
    web layer did), 400 when it is not JSON."""
    if len(req.body) > max_body:
        raise Rejected(413, _("body too large"))
    try:
        return orjson.loads(req.body)
    except orjson.JSONDecodeError as exc:
        raise Rejected(400, _("body is not JSON")) from exc


def parse_time(value: object) -> datetime:
    """An aware UTC datetime from ISO 8601 (``Z`` or an offset; a naive time is taken as UTC)
    or epoch seconds (int, float or a string of digits; milliseconds when too large).
    Raises ValueError for anything else."""
    if isinstance(value, bool):
        raise ValueError("boolean is not a time")
    if isinstance(value, (int, float)):
        return _from_epoch(float(value))
    if not isinstance(value, str) or not value or len(value) > 64:
        raise ValueError("not a time")
    text = value.strip()
    try:
        return _from_epoch(float(text))
    except ValueError:
        pass
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    at = datetime.fromisoformat(text)
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC)


def _from_epoch(seconds: float) -> datetime:
    if seconds != seconds or seconds < 0:  # NaN or negative
        raise ValueError("not a time")
    if seconds >= _EPOCH_MS:
        seconds /= 1000.0
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError) as exc:
        raise ValueError("time out of range") from exc


def address(value: object) -> str:
    """The lower-case address of ``"Name <a@b>"`` or ``a@b``; "" when there is none."""
    if not isinstance(value, str) or not value:
        return ""
    if len(value) <= 320 and _BARE.match(value):  # a bare address: most events' recipients
        return value.lower()
    _name, addr = parseaddr(value[:1000])
    addr = addr.strip().lower()
    return addr if "@" in addr else ""


def domain_of(value: object) -> str:
    """The lower-case domain of an address (display name allowed); "" when there is none."""
    addr = address(value)
    return addr.rpartition("@")[2].rstrip(".") if addr else ""


def codes_from(text: object) -> tuple[str, str]:
    """``(smtp_code, status)`` found in a diagnostic text such as
    ``"smtp; 550 5.1.1 user unknown"`` → ``("550", "5.1.1")``; "" where absent."""
    if not isinstance(text, str) or not text:
        return "", ""
    head = text[:_SCAN]
    code = _SMTP_CODE.search(head)
    status = _STATUS.search(head)
    return (code.group(1) if code else "", status.group(1) if status else "")


def check_window(ts: datetime, now: datetime, tolerance: int) -> None:
    """401 unless ``ts`` is within ``tolerance`` seconds of ``now``, in either direction (a
    stale request may be a replay; one from the future is a wrong clock or a forgery)."""
    if abs((now - ts).total_seconds()) > tolerance:
        raise Rejected(401, _("timestamp outside the allowed window"))


def field(obj: object, name: str, kind: type | tuple[type, ...] = str, *, required: bool = False) -> Any:
    """``obj[name]`` checked to be of ``kind``: absent → None (or BadField when required);
    present with another type → BadField(name)."""
    if not isinstance(obj, dict):
        raise BadField(name)
    value = obj.get(name)
    if value is None:
        if required:
            raise BadField(name)
        return None
    if isinstance(value, bool) and kind in (int, float, (int, float)):
        raise BadField(name)
    if not isinstance(value, kind):
        raise BadField(name)
    return value


def capped(items: list[Any], parsed: Parsed, limit: int = MAX_EVENTS) -> Iterator[Any]:
    """The first ``limit`` items; those beyond are counted as ignored["over-limit"]."""
    if len(items) > limit:
        parsed.ignored["over-limit"] += len(items) - limit
    yield from items[:limit]


def add_event(parsed: Parsed, read: Callable[[], Any]) -> None:
    """Append what ``read()`` gives: an Event, or a string saying why it is ignored (counted);
    a BadField is counted as ``bad-field:<name>``."""
    try:
        event = read()
    except BadField as exc:
        parsed.ignored[exc.key] += 1
        return
    if isinstance(event, str):
        parsed.ignored[event] += 1
    else:
        parsed.events.append(event)


def reason(text: object) -> str:
    return clip(text, MAX_REASON) if text is not None else ""


def detail(text: object) -> str:
    return clip(text, MAX_DETAIL) if text is not None else ""


def ident(text: object) -> str:
    return clip(text, MAX_ID) if text is not None else ""


class ReplayCache:
    """Tokens seen within the last ``ttl`` seconds (bounded to ``size`` entries, the oldest
    dropped first). :meth:`seen` records a token and says whether it was already there.
    Thread-safe; O(1) per call plus the expired entries it drops."""

    def __init__(self, ttl: float, size: int = 100_000) -> None:
        self.ttl = float(ttl)
        self.size = size
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def seen(self, token: str, now: float | None = None) -> bool:
        t = time.monotonic() if now is None else now
        with self._lock:
            self._expire(t)
            if token in self._seen:
                return True
            self._seen[token] = t + self.ttl
            while len(self._seen) > self.size:
                self._seen.popitem(last=False)
            return False

    def _expire(self, now: float) -> None:
        seen = self._seen
        while seen:
            token, until = next(iter(seen.items()))
            if until > now:
                break
            del seen[token]

    def __len__(self) -> int:
        return len(self._seen)
