"""A staff report mail in, the reported message out.

A report mail carries the suspicious message in one of several ways, tried in this order:
attached as ``message/rfc822`` or an ``.eml`` file (the message as received, headers and
all), an Outlook ``.msg`` (extract-msg; the transport headers kept when Outlook stored them,
otherwise an RFC 5322 message rebuilt from its fields, body and attachments), a TNEF
``winmail.dat`` (tnefparse), or forwarded inline, where only what the mail client kept of
the original's headers can be recovered (the report is then *degraded*). Microsoft's
third-party reporting format names the reporter's classification in the subject (``1|`` or
``Junk:``, ``2|`` or ``Not junk:``, ``3|`` or ``Phishing:``).

A forward of a forward is opened down to the innermost message, at most ``MAX_NESTING``
levels. Everything is bounded: the report's size (checked before parsing), its parts, the
nesting; bad input is a ``reason`` (an English message id, shown through the catalogue),
never an exception.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import re
from dataclasses import dataclass, field
from email.generator import BytesGenerator
from email.message import EmailMessage, Message
from email.utils import format_datetime, parseaddr, parsedate_to_datetime
from io import BytesIO
from typing import Any

from ..core.htmltext import html_text
from ..core.i18n import N_
from ..core.message import decode_bytes, decode_header_value

MB = 1024 * 1024
#: the largest report mail read; a larger one is refused with its reason before parsing
MAX_REPORT_BYTES = 40 * MB
#: parts of a report mail looked at
MAX_PARTS = 200
#: forwards of forwards opened
MAX_NESTING = 5
#: characters of a report's text searched for an inline forward
MAX_INLINE_CHARS = 500_000

REASON_TOO_LARGE = N_("the report is over {limit} MB and was not read")
REASON_EMPTY = N_("the report is empty")
REASON_NOTHING = N_("the report has no attached message and no forwarded original in its text")
REASON_TOO_DEEP = N_("the report's MIME parts are nested too deeply to read")
REASON_MSG_CORRUPT = N_("the attached Outlook message (.msg) could not be read: {error}")
REASON_TNEF_CORRUPT = N_("the attached winmail.dat (TNEF) could not be read: {error}")

#: what the reporter said in Microsoft's third-party reporting format
_MS_PREFIXES: tuple[tuple[str, str], ...] = (
    ("1|", "spam"),
    ("2|", "clean"),
    ("3|", "phishing"),
    ("phishing:", "phishing"),
    ("not junk:", "clean"),
    ("junk:", "spam"),
)
_FORWARD_SUBJECT = re.compile(r"^\s*(?:fwd?|fw|tr|wg|rv|転送|ＦＷ|ＦＷＤ)\s*[:：]", re.I)


@dataclass
class Intake:
    """What a report mail held: the reported message (or why there is none)."""

    #: the reported message as RFC 5322 bytes; None when nothing could be recovered
    message: bytes | None
    #: how it was found: rfc822, eml, msg, tnef, inline, or raw (the message itself was given)
    how: str = ""
    #: recovered from an inline forward: the original's headers are what the client kept
    degraded: bool = False
    #: the reporter's classification in Microsoft's format (phishing, spam, clean), if any
    reporter_classification: str | None = None
    #: the report mail's sender (the staff member)
    reporter: str = ""
    #: why there is no message (an English message id with its parameters)
    reason: str | None = None
    reason_params: dict[str, str] = field(default_factory=dict)
    #: forwards opened to reach the message
    depth: int = 0
    notes: list[str] = field(default_factory=list)


def ms_classification(subject: str) -> str | None:
    """The classification a subject states in Microsoft's third-party reporting format."""
    s = subject.strip().lower()
    for prefix, label in _MS_PREFIXES:
        if s.startswith(prefix):
            return label
    return None


def _parse(data: bytes) -> Message:
    return email.message_from_bytes(data, policy=email.policy.compat32)


def _as_bytes(msg: Message) -> bytes:
    out = BytesIO()
    BytesGenerator(out, mangle_from_=False, maxheaderlen=0, policy=email.policy.compat32).flatten(msg)
    return out.getvalue()


def _parts(root: Message) -> list[Message]:
    """The report's own parts, breadth first, without entering attached messages."""
    out: list[Message] = []
    queue: list[Message] = [root]
    while queue and len(out) < MAX_PARTS:
        part = queue.pop(0)
        out.append(part)
        if part.get_content_maintype() == "multipart" and isinstance(part.get_payload(), list):
            queue.extend(p for p in part.get_payload() if isinstance(p, Message))
    return out


def _filename(part: Message) -> str:
    try:
        name = part.get_filename() or part.get_param("name") or ""
    except Exception:  # a malformed RFC 2231 parameter: no name
        return ""
    return decode_header_value(name if isinstance(name, str) else "").lower()


def _payload(part: Message) -> bytes:
    data = part.get_payload(decode=True)
    return data if isinstance(data, bytes) else b""


class _Unreadable(Exception):
    def __init__(self, reason: str, error: str) -> None:
        super().__init__(error)
        self.reason = reason
        self.error = error


def _attached(part: Message) -> tuple[str, bytes] | None:
    """(how, message bytes) when ``part`` carries a message; raises _Unreadable for a corrupt one."""
    ctype = part.get_content_type()
    name = _filename(part)
    if ctype == "message/rfc822":
        inner = part.get_payload()
        if isinstance(inner, list) and inner and isinstance(inner[0], Message):
            return "rfc822", _as_bytes(inner[0])
        data = _payload(part)  # a base64-encoded message/rfc822 (some clients write that)
        return ("rfc822", data) if data else None
    if name.endswith(".eml"):
        data = _payload(part)
        return ("eml", data) if data else None
    if name.endswith(".msg") or ctype == "application/vnd.ms-outlook":
        return "msg", from_msg(_payload(part))
    if name == "winmail.dat" or ctype in ("application/ms-tnef", "application/vnd.ms-tnef"):
        return "tnef", from_tnef(_payload(part))
    return None


# -- Outlook .msg and TNEF: rebuilt as RFC 5322 --------------------------------------------------
_DROP_HEADERS = {"content-type", "content-transfer-encoding", "mime-version", "content-disposition"}


def _clean(value: object) -> str:
    return " ".join(str(value or "").split())


def rebuild(
    transport_headers: str | None,
    fields: dict[str, str],
    text: str | None,
    html: str | None,
    attachments: list[tuple[str, bytes]],
) -> bytes:
    """An RFC 5322 message from what an Outlook or TNEF container kept: the original transport
    headers when it has them (so authentication results and Received lines survive), else
    the fields it stores; the text and HTML bodies; the attachments."""
    body = EmailMessage()
    if text is not None or html is None:
        body.set_content(text or "", subtype="plain", cte="base64" if text and not text.isascii() else None)
    if html is not None:
        if text is not None:
            body.add_alternative(html, subtype="html")
        else:
            body.set_content(html, subtype="html")
    for name, data in attachments:
        body.add_attachment(
            data, maintype="application", subtype="octet-stream", filename=name or "attachment"
        )
    mime = bytes(body)
    head_end = mime.find(b"\n\n")
    mime_headers = mime[:head_end].decode("ascii", "replace").splitlines() if head_end != -1 else []
    rest = mime[head_end + 2 :] if head_end != -1 else mime
    lines: list[str] = []
    if transport_headers:
        held = _parse(transport_headers.strip().encode("utf-8", "surrogateescape") + b"\n\n")
        for k, v in held.raw_items():
            if k.lower() not in _DROP_HEADERS:
                lines.append(f"{k}: {_clean(v)}")
    else:
        hdr = EmailMessage()
        for k, v in fields.items():
            if v:
                try:
                    hdr[k] = _clean(v)
                except (ValueError, TypeError, IndexError):
                    hdr["X-Mailwarden-Unparsed-" + k] = _clean(v).encode("ascii", "replace").decode()
        lines.extend(bytes(hdr).decode("ascii", "replace").strip().splitlines())
    lines.extend(h for h in mime_headers if h)
    head = "\n".join(lines).encode("utf-8", "surrogateescape")
    return head + b"\n\n" + rest


def from_msg(data: bytes) -> bytes:
    """An Outlook .msg as RFC 5322 bytes (raises _Unreadable when it is not one)."""
    import extract_msg

    if not data:
        raise _Unreadable(REASON_MSG_CORRUPT, "empty attachment")
    try:
        # a file object, never bytes: olefile takes short bytes for a file name to open
        msg: Any = extract_msg.openMsg(BytesIO(data), delayAttachments=True)
    except Exception as exc:  # extract-msg and olefile raise many kinds on hostile bytes
        raise _Unreadable(REASON_MSG_CORRUPT, type(exc).__name__ + ": " + str(exc)[:200]) from exc
    try:
        headers = msg.headerText if hasattr(msg, "headerText") else None
        fields = {
            "From": _clean(getattr(msg, "sender", "")),
            "To": _clean(getattr(msg, "to", "")),
            "Cc": _clean(getattr(msg, "cc", "")),
            "Subject": _clean(getattr(msg, "subject", "")),
            "Message-ID": _clean(getattr(msg, "messageId", "")),
        }
        date = getattr(msg, "date", None)
        if date is not None and hasattr(date, "tzinfo"):
            fields["Date"] = format_datetime(date)
        text = getattr(msg, "body", None)
        html_raw = getattr(msg, "htmlBody", None)
        html = decode_bytes(html_raw, None)[0] if isinstance(html_raw, bytes) else None
        atts: list[tuple[str, bytes]] = []
        for att in getattr(msg, "attachments", [])[:MAX_PARTS]:
            blob = getattr(att, "data", None)
            if isinstance(blob, bytes):
                atts.append((str(getattr(att, "longFilename", None) or getattr(att, "name", "") or ""), blob))
        return rebuild(headers, fields, text if isinstance(text, str) else None, html, atts)
    except _Unreadable:
        raise
    except Exception as exc:
        raise _Unreadable(REASON_MSG_CORRUPT, type(exc).__name__ + ": " + str(exc)[:200]) from exc
    finally:
        with contextlib.suppress(Exception):
            msg.close()


_PR_TRANSPORT_MESSAGE_HEADERS = 0x007D


def from_tnef(data: bytes) -> bytes:
    """A TNEF winmail.dat as RFC 5322 bytes: an attached .msg/.eml inside it when there is one,
    else the message its properties describe."""
    import tnefparse

    if not data:
        raise _Unreadable(REASON_TNEF_CORRUPT, "empty attachment")
    try:
        tnef: Any = tnefparse.TNEF(data)
    except Exception as exc:  # tnefparse raises ValueError, struct.error, IndexError… on bad bytes
        raise _Unreadable(REASON_TNEF_CORRUPT, type(exc).__name__ + ": " + str(exc)[:200]) from exc
    try:
        return _tnef_message(tnef, 0)
    except _Unreadable:
        raise
    except Exception as exc:
        raise _Unreadable(REASON_TNEF_CORRUPT, type(exc).__name__ + ": " + str(exc)[:200]) from exc


def _tnef_text(value: object) -> str | None:
    if isinstance(value, bytes):
        return decode_bytes(value.rstrip(b"\x00"), None)[0]
    return value.rstrip("\x00") if isinstance(value, str) else None


def _tnef_message(tnef: Any, depth: int) -> bytes:
    import tnefparse

    atts: list[tuple[str, bytes]] = []
    for att in list(tnef.attachments)[:MAX_PARTS]:
        embedded = getattr(att, "embed", None)
        if embedded is not None and depth < MAX_NESTING:
            return _tnef_message(embedded, depth + 1)  # an attached Outlook item, inside the TNEF
        name = _tnef_text(att.long_filename()) or ""
        blob = att.data if isinstance(att.data, bytes) else b""
        if name.lower().endswith(".eml") and blob:
            return blob
        if name.lower().endswith(".msg") and blob:
            return from_msg(blob)
        atts.append((name, blob))
    headers = None
    for prop in getattr(tnef, "mapiprops", []) or []:
        if getattr(prop, "name", None) == _PR_TRANSPORT_MESSAGE_HEADERS:
            headers = _tnef_text(prop.data)
    subject = ""
    for prop in getattr(tnef, "msgprops", []) or []:
        if getattr(prop, "name", None) == tnefparse.TNEF.ATTSUBJECT:
            subject = _tnef_text(prop.data) or ""
    text = _tnef_text(getattr(tnef, "body", None))
    html = _tnef_text(getattr(tnef, "htmlbody", None))
    if headers is None and not (subject or text or html or atts):
        raise _Unreadable(REASON_TNEF_CORRUPT, "no message inside")
    return rebuild(headers, {"Subject": subject}, text, html, atts)


# -- inline forwards -----------------------------------------------------------------------------
_MARKER = re.compile(
    r"^[ \t>]*(?:"
    r"-{2,}\s*(?:Forwarded message|Forwarded Message|Original Message|転送されたメッセージ|転送メッセージ|"
    r"元のメッセージ|転送済みメッセージ)\s*-{2,}"
    r"|Begin forwarded message:|転送されたメッセージ[:：]"
    r"|_{20,}"
    r")[ \t]*$",
    re.M | re.I,
)
_LABELS = {
    "from": "From",
    "差出人": "From",
    "送信者": "From",
    "to": "To",
    "宛先": "To",
    "cc": "Cc",
    "subject": "Subject",
    "件名": "Subject",
    "date": "Date",
    "sent": "Date",
    "日付": "Date",
    "送信日時": "Date",
    "日時": "Date",
    "reply-to": "Reply-To",
    "返信先": "Reply-To",
}
_FIELD = re.compile(r"^\s*([A-Za-z-]+|[\u3040-\u30ff\u4e00-\u9fff]+)\s*[:：]\s*(.*)$")
_MAILTO = re.compile(r"\[mailto:([^\]\s]+)\]")
_JA_DATE = re.compile(
    r"(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日(?:\s*\([^)]*\))?\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?"
)


def _date_header(value: str) -> str | None:
    """An RFC 5322 date from what a client wrote, when it can be read."""
    m = _JA_DATE.search(value)
    if m:
        y, mo, d, h, mi, s = (int(x or 0) for x in m.groups())
        try:
            from datetime import datetime, timedelta, timezone

            return format_datetime(datetime(y, mo, d, h, mi, s, tzinfo=timezone(timedelta(hours=9))))
        except ValueError:
            return None
    try:
        dt = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        pass
    else:
        return format_datetime(dt)
    from datetime import datetime

    cleaned = re.sub(r"^\w+,\s*", "", value.strip())
    for fmt in (
        "%b %d, %Y at %I:%M %p",
        "%B %d, %Y %I:%M %p",
        "%d %B %Y %H:%M",
        "%B %d, %Y at %I:%M:%S %p",
        "%Y/%m/%d %H:%M",
    ):
        try:
            return format_datetime(datetime.strptime(cleaned, fmt))
        except ValueError:
            continue
    return None


def _unquote(lines: list[str]) -> list[str]:
    if lines and all(ln.startswith(">") or not ln.strip() for ln in lines):
        return [re.sub(r"^> ?", "", ln) for ln in lines]
    return lines


def inline_original(text: str) -> tuple[dict[str, str], str] | None:
    """(headers, body) of the innermost forwarded original in ``text``, if a client's
    forward marker and at least a From or Subject line follow it."""
    text = text[:MAX_INLINE_CHARS].replace("\r\n", "\n")
    markers = list(_MARKER.finditer(text))
    for m in reversed(markers[-MAX_NESTING * 4 :]):
        lines = _unquote(text[m.end() :].lstrip("\n").split("\n"))
        headers: dict[str, str] = {}
        i = 0
        while i < len(lines) and i < 40:
            line = lines[i]
            if not line.strip():
                if headers:
                    break
                i += 1
                continue
            fm = _FIELD.match(line)
            if fm is None or fm.group(1).lower() not in _LABELS:
                if headers and line[:1] in " \t":  # a folded field value
                    last = next(reversed(headers))
                    headers[last] += " " + line.strip()
                    i += 1
                    continue
                break
            headers.setdefault(_LABELS[fm.group(1).lower()], fm.group(2).strip())
            i += 1
        if "From" in headers or "Subject" in headers:
            return headers, "\n".join(lines[i:]).strip("\n") + "\n"
    return None


def _inline_message(headers: dict[str, str], body: str) -> bytes:
    msg = EmailMessage()
    for name in ("From", "Reply-To", "To", "Cc", "Subject"):
        value = headers.get(name)
        if value:
            value = _MAILTO.sub(r"<\1>", value)
            try:
                msg[name] = _clean(value)
            except (ValueError, TypeError, IndexError):
                msg["X-Mailwarden-Forwarded-" + name] = _clean(value)
    if "Date" in headers:
        date = _date_header(headers["Date"])
        if date:
            msg["Date"] = date
        else:
            msg["X-Mailwarden-Forwarded-Date"] = _clean(headers["Date"])
    msg["X-Mailwarden-Recovered"] = "inline-forward"
    msg.set_content(body, cte="base64" if not body.isascii() else None)
    return bytes(msg)


def _text_of(root: Message) -> str:
    plain: list[str] = []
    htmls: list[str] = []
    for part in _parts(root):
        disposition = str(part.get("Content-Disposition", "")).lower()
        if part.get_content_maintype() == "multipart" or disposition.startswith("attachment"):
            continue
        ctype = part.get_content_type()
        if ctype not in ("text/plain", "text/html"):
            continue
        text = decode_bytes(_payload(part), part.get_content_charset())[0]
        (plain if ctype == "text/plain" else htmls).append(text)
    if plain:
        return "\n".join(plain)
    return "\n".join(_html_lines(h) for h in htmls)


def _html_lines(page: str) -> str:
    page = re.sub(r"\s*\n\s*", " ", page)  # source line breaks are spaces in HTML
    page = re.sub(r"(?i)<br\s*/?>|</(?:p|div|tr|li|h\d)>", "\n", page)
    text = html_text(page)
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


# -- the report ------------------------------------------------------------------------------------
def read_report(data: bytes, *, max_bytes: int = MAX_REPORT_BYTES) -> Intake:
    """The reported message inside a report mail (the innermost of nested forwards)."""
    if len(data) > max_bytes:
        return Intake(None, reason=REASON_TOO_LARGE, reason_params={"limit": str(max_bytes // MB)})
    if not data.strip():
        return Intake(None, reason=REASON_EMPTY)
    try:
        return _read(data)
    except RecursionError:
        # the stdlib parser and generator recurse once per level of MIME nesting
        return Intake(None, reason=REASON_TOO_DEEP)


def _read(data: bytes) -> Intake:
    root = _parse(data)
    subject = decode_header_value(root.get("Subject", ""))
    intake = Intake(
        None,
        reporter=parseaddr(decode_header_value(root.get("From", "")))[1].lower(),
        reporter_classification=ms_classification(subject),
    )
    current = root
    while intake.depth <= MAX_NESTING:
        found = _open(current, intake, outermost=intake.depth == 0)
        if found is None:
            break
        how, message = found
        intake.message, intake.how = message, how
        intake.depth += 1
        if how == "inline":
            intake.degraded = True
            break
        # descend while what was found is itself a forward of another message
        inner = _parse(message)
        inner_subject = decode_header_value(inner.get("Subject", ""))
        if not _FORWARD_SUBJECT.match(inner_subject):
            break
        current = inner
    else:
        intake.notes.append(f"forwards nested deeper than {MAX_NESTING}: the last one opened was taken")
    if intake.message is None and intake.reason is None:
        intake.reason = REASON_NOTHING
    return intake


def _open(msg: Message, intake: Intake, *, outermost: bool) -> tuple[str, bytes] | None:
    carried = 0
    first: tuple[str, bytes] | None = None
    failure: _Unreadable | None = None
    for part in _parts(msg)[1:]:
        try:
            found = _attached(part)
        except _Unreadable as exc:
            failure = failure or exc
            continue
        if found is None:
            continue
        carried += 1
        if first is None:
            first = found
    if carried > 1:
        intake.notes.append(f"{carried} attached messages: the first was taken")
    if first is not None:
        return first
    inline = inline_original(_text_of(msg))
    if inline is not None:
        return "inline", _inline_message(*inline)
    if failure is not None and outermost:
        intake.reason, intake.reason_params = failure.reason, {"error": failure.error}
    return None
