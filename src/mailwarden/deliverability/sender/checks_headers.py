"""The header fields RFC 5322 asks of every message (§3.6: one From, one Date, a Message-ID)
and Gmail's Feedback-ID. Problems are English message ids (``N_``), translated when shown."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from ...core.i18n import N_
from ...core.message import ParsedMessage
from .report import SenderReport

_ADDRESS = re.compile(r"^[^@\s<>]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?\.[A-Za-z0-9-]{2,}$")
_MSGID = re.compile(r"^<[^<>@\s]{1,400}@[^<>@\s]{1,255}>$")
#: how far a Date may be from now before it is called skewed
SKEW_HOURS = 24


def check_headers(report: SenderReport, msg: ParsedMessage, *, now: datetime | None = None) -> None:
    froms = msg.header_all("from")
    if not froms:
        report.add("from", "sender.from-invalid", problem=N_("there is no From header"))
    elif len(froms) > 1:
        report.add("from", "sender.from-invalid", problem=N_("there is more than one From header"))
    elif len(msg.from_) != 1:
        report.add("from", "sender.from-invalid", problem=N_("it does not hold exactly one address"))
    elif not _ADDRESS.match(msg.from_[0].address):
        report.add("from", "sender.from-invalid", problem=N_("the address cannot be read"))
    else:
        report.add("from", "sender.from-ok", address=msg.from_[0].address)

    reply = msg.header_all("reply-to")
    bad = [a.address for a in msg.reply_to if not _ADDRESS.match(a.address)]
    if reply and (bad or not msg.reply_to):
        report.add("reply-to", "sender.reply-to-invalid", value=(", ".join(bad) or reply[0])[:200])
    else:
        report.add("reply-to", "sender.reply-to-ok")

    ids = msg.header_all("message-id")
    if not ids:
        report.add(
            "message-id",
            "sender.message-id-invalid",
            fix="Message-ID: <unique-id@your-domain>",
            problem=N_("there is no Message-ID header"),
        )
    elif len(ids) > 1:
        report.add(
            "message-id", "sender.message-id-invalid", problem=N_("there is more than one Message-ID header")
        )
    elif not _MSGID.match(ids[0].strip()):
        report.add(
            "message-id",
            "sender.message-id-invalid",
            fix="Message-ID: <unique-id@your-domain>",
            problem=N_("it is not of the form <id@domain>"),
        )
    else:
        report.add("message-id", "sender.message-id-ok", value=ids[0].strip()[:200])

    dates = msg.header_all("date")
    when = None
    if len(dates) == 1:
        try:
            when = parsedate_to_datetime(dates[0].strip())
        except (TypeError, ValueError, IndexError):
            when = None
    if not dates:
        report.add("date", "sender.date-invalid", problem=N_("there is no Date header"))
    elif len(dates) > 1:
        report.add("date", "sender.date-invalid", problem=N_("there is more than one Date header"))
    elif when is None or when.tzinfo is None:
        report.add("date", "sender.date-invalid", problem=N_("it cannot be read as an RFC 5322 date"))
    else:
        hours = ((now or datetime.now(UTC)) - when).total_seconds() / 3600
        if abs(hours) > SKEW_HOURS:
            report.add("date", "sender.date-skewed", value=dates[0].strip()[:80], hours=round(abs(hours)))
        else:
            report.add("date", "sender.date-ok", value=dates[0].strip()[:80])

    fbl = msg.header("feedback-id").strip()
    if fbl:
        report.add("feedback-id", "sender.feedback-id-ok", value=fbl[:200])
    else:
        report.add("feedback-id", "sender.feedback-id-missing")
