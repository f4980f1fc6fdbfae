"""Feedback mail to reporters (issue 17, point 6): the thank-you on intake and the outcome when
the cluster is resolved, in the reporter's language (the installation's setting, overridden by a
``lang`` in the reporter's answers). Plain text UTF-8, headers encoded for SMTP (a Japanese
Subject as a UTF-8 encoded-word).

Composing only: the outbox (``outbox.py``) queues one notice per report and kind, and
``feedback_send.py`` sends them off the request path, retried while the relay is down."""

from __future__ import annotations

import email.policy
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from typing import Any

from ..core.i18n import DEFAULT_LANGUAGE, N_, gettext, language, normalise_language

KINDS = ("thanks", "outcome")
OUTCOMES = ("phishing", "spam", "clean")
#: the reported subject as shown in our Subject line
SUBJECT_CHARS = 80

_SUBJECTS = {
    "thanks": N_("Thank you for your report: {subject}"),
    "simulation": N_("Well spotted: this was a training exercise"),
    "phishing": N_("Your report: this was phishing — {subject}"),
    "spam": N_("Your report: this was spam — {subject}"),
    "clean": N_("Your report: this was safe to open — {subject}"),
}
_BODIES = {
    "thanks": N_(
        "Thank you for reporting this message. The security team has received it and will look"
        " into it. Until you hear the outcome, please do not open its links or attachments."
    ),
    "simulation": N_(
        "The message you reported was one of our own phishing simulations. Thank you for reporting"
        " it: this is exactly what to do with a suspicious message."
    ),
    "phishing": N_(
        "The message you reported was phishing. If you opened a link or an attachment in it, or"
        " entered a password, tell the security team at once."
    ),
    "spam": N_(
        "The message you reported was unwanted advertising (spam), not an attack. You can delete it."
        " Thank you for reporting it."
    ),
    "clean": N_(
        "The message you reported was checked and is safe to open. Thank you for reporting it:"
        " checking is always better than guessing."
    ),
}
_PROTECTED_MANY = N_("Thank you: you protected {n} colleagues.")
_PROTECTED_ONE = N_("Thank you: you protected 1 colleague.")
_PROTECTED_NONE = N_("Thank you: your report helps protect your colleagues.")
_FOOTER = N_("This mail was sent automatically by the security team's reporting system.")


@dataclass(frozen=True)
class Notice:
    """What one feedback mail says: ``kind`` thanks or outcome; ``outcome`` phishing, spam,
    clean or simulation; ``protected`` the colleagues the report protected (phishing)."""

    kind: str
    recipient: str
    subject: str
    sender: str = ""
    outcome: str | None = None
    protected: int = 0


def reporter_language(answers: dict[str, Any] | None, default: str | None) -> str:
    """The reporter's ``lang`` answer when it names a supported language, else the setting."""
    said = (answers or {}).get("lang")
    return (
        normalise_language(said if isinstance(said, str) else None)
        or normalise_language(default)
        or DEFAULT_LANGUAGE
    )


def _lines(n: Notice) -> tuple[str, list[str]]:
    shown = " ".join(n.subject.split())[:SUBJECT_CHARS]
    which = n.outcome if n.kind == "outcome" else ("simulation" if n.outcome == "simulation" else "thanks")
    if which not in _SUBJECTS:
        raise ValueError(f"unknown outcome {n.outcome!r}")
    subject = gettext(_SUBJECTS[which]).format(subject=shown)
    body = [gettext(_BODIES[which])]
    if which == "phishing":
        if n.protected > 1:
            body.append(gettext(_PROTECTED_MANY).format(n=n.protected))
        else:
            body.append(gettext(_PROTECTED_ONE if n.protected == 1 else _PROTECTED_NONE))
    body += [
        "",
        gettext("From: {sender}").format(sender=n.sender or "-"),
        gettext("Subject: {subject}").format(subject=shown or "-"),
        "",
        "-- ",
        gettext(_FOOTER),
    ]
    return subject, body


def compose(n: Notice, *, lang: str, notify_from: str, key: str = "", message_id: str = "") -> bytes:
    """The mail, ready for SMTP (CRLF line ends, headers RFC 2047-encoded where needed).
    ``message_id``: the same for every attempt at one notice, so that a copy sent twice (the
    relay took it, then the connection dropped) is recognisably the same mail."""
    if n.kind not in KINDS:
        raise ValueError(f"unknown kind {n.kind!r}")
    with language(lang):
        subject, body = _lines(n)
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = notify_from
    msg["To"] = n.recipient
    msg["Subject"] = subject
    msg["Date"] = formatdate(usegmt=True)
    domain = parseaddr(notify_from)[1].rpartition("@")[2] or "localhost"
    msg["Message-ID"] = message_id or make_msgid(domain=domain)
    # RFC 3834 §5: made by a program, so that no auto-responder answers it
    msg["Auto-Submitted"] = "auto-generated"
    if key:
        msg["X-Mailwarden-Feedback"] = key
    msg.set_content("\n".join(body) + "\n", charset="utf-8")
    msg["Content-Language"] = lang  # after set_content, which replaces the Content-* fields
    return msg.as_bytes(policy=email.policy.SMTP)
