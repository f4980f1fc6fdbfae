"""The sender test inbox: grade a real outgoing message against what Gmail, Yahoo and Outlook
ask of senders (authentication verified through DNS, one-click unsubscribe, RFC 5322 headers,
content, how it arrived), from a file (``check_message``) or as received by an SMTP listener
(``SenderInbox``), kept in ``sender_checks`` for the console.

Errors: ``MessageTooLarge`` (an ``InputError``) for a message over 40 MB; nothing else is
raised on what a message holds."""

from __future__ import annotations

from .check import MAX_MESSAGE, MessageTooLarge, check_message
from .report import REQUIRED, Check, SenderReport, localised
from .saved import checks_for, get_check, latest_check, recent_checks, save_report

__all__ = [
    "MAX_MESSAGE",
    "REQUIRED",
    "Check",
    "MessageTooLarge",
    "SenderReport",
    "check_message",
    "checks_for",
    "get_check",
    "latest_check",
    "localised",
    "recent_checks",
    "save_report",
]
