"""Times as a reader expects them: in their time zone, in their language's format.

The zone is ``MAILWARDEN_TIMEZONE`` when set; otherwise Asia/Tokyo for a Japanese reader
(mailwarden's first users, whose servers often run in UTC) and the system's zone for others.
Stored times stay UTC; only what is shown is converted.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime

from .i18n import get_language

JAPAN = "Asia/Tokyo"


@cache
def _zone(name: str) -> tzinfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _system_zone() -> tzinfo:
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        found = _zone(name)
        if found is not None:
            return found
    local = datetime.now().astimezone().tzinfo
    return local if local is not None else UTC


def reader_zone(lang: str | None = None) -> tzinfo:
    """The zone times are shown in for a reader of ``lang`` (default: the current language)."""
    configured = os.environ.get("MAILWARDEN_TIMEZONE", "").strip()
    if configured:
        found = _zone(configured)
        if found is not None:
            return found
    if (lang or get_language()) == "ja":
        return _zone(JAPAN) or _system_zone()
    return _system_zone()


def to_datetime(value: datetime | int | float | str) -> datetime:
    """A stored time — aware or naive-UTC datetime, Unix seconds or ISO text — as aware UTC."""
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, int | float):
        dt = datetime.fromtimestamp(float(value), UTC)
    else:
        dt = datetime.fromisoformat(value)
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


def local_datetime(value: datetime | int | float | str | None, lang: str | None = None) -> str:
    """``2026/12/04 16:05 JST`` for a Japanese reader, ``Dec 4, 2026, 4:05 PM UTC`` for an
    English one; "" for no time."""
    if value is None or value == "":
        return ""
    lang = lang or get_language()
    zone = reader_zone(lang)
    dt = to_datetime(value).astimezone(zone)
    if lang == "ja":
        return dt.strftime("%Y/%m/%d %H:%M ") + (dt.tzname() or "")
    return _babel_datetime(dt, "MMM d, y, h:mm a", tzinfo=zone, locale="en") + " " + (dt.tzname() or "")


def local_date(value: datetime | int | float | str | None, lang: str | None = None) -> str:
    """The day in the reader's zone: ``2026/12/04`` (ja), ``Dec 4, 2026`` (en)."""
    if value is None or value == "":
        return ""
    lang = lang or get_language()
    dt = to_datetime(value).astimezone(reader_zone(lang))
    if lang == "ja":
        return dt.strftime("%Y/%m/%d")
    return _babel_date(dt.date(), "medium", locale="en")
