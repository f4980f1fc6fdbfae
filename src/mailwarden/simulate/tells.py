"""*This* message with its tells marked (issue 18, point 6), for the training page.

The page shows the mail the person got — rebuilt with :func:`compose.compose` from the
recipient's token and send time, so no copy of each mail is kept — and runs the message
analyser on it. Each signal the analyser raises becomes a *tell*: its title and explanation in
the reader's language, and the spans of the shown message (sender name, address, subject,
body, attachment names) that the signal's evidence names. The analyser judges mail from
outside; a drill mail is built to look ordinary, so where it has nothing to say about the
sender, the link, the deadline or an attachment, a *generic* tell names it from what the lure
is made of (:func:`_generic_tells`). Tells say which they are (``Tell.generic``)."""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import parseaddr
from urllib.parse import urlsplit

from ..analyze.engine import analyze
from ..analyze.result import Signal
from ..analyze.rules import Rules
from ..core.i18n import N_, gettext, language
from .compose import compose, links, values
from .models import SimCampaign, SimProfile, SimRecipient
from .templates import Template

#: the parts of the shown message a tell can mark; attachments are "attachment:<n>"
FIELDS = ("from_name", "from_address", "subject", "body")

# -- the message shown, and its tells ---------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """``text[start:end]`` of one field of the shown message."""

    field: str
    start: int
    end: int


@dataclass(frozen=True)
class Tell:
    #: the analyser's signal code, or ``generic.<what>`` for a tell the analyser did not raise
    code: str
    title: str
    explanation: str
    spans: tuple[Span, ...] = ()
    generic: bool = False


@dataclass(frozen=True)
class Shown:
    """What the training page shows of the mail: the text part, never the HTML."""

    from_name: str
    from_address: str
    to: str
    subject: str
    date: datetime
    body: str
    #: (filename, content type)
    attachments: tuple[tuple[str, str], ...] = ()

    def text(self, name: str) -> str:
        if name.startswith("attachment:"):
            index = int(name.partition(":")[2])
            return self.attachments[index][0] if index < len(self.attachments) else ""
        return str(getattr(self, name))


@dataclass(frozen=True)
class Segment:
    """A run of a field's text and the (1-based) numbers of the tells marking it; ``ends``:
    the tells whose mark ends with this run (where the page puts their numbers)."""

    text: str
    tells: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()


@dataclass(frozen=True)
class MarkedMessage:
    shown: Shown
    tells: tuple[Tell, ...]
    verdict: str

    def segments(self, name: str) -> list[Segment]:
        """``name``'s text cut where marks start and end."""
        text = self.shown.text(name)
        marks = [(s.start, s.end, n) for n, t in enumerate(self.tells, 1) for s in t.spans if s.field == name]
        cuts = sorted({0, len(text), *(a for a, _, _ in marks), *(b for _, b, _ in marks)})
        out: list[Segment] = []
        for a, b in itertools.pairwise(cuts):
            if a >= b:
                continue
            covering = tuple(sorted({n for s, e, n in marks if s <= a and b <= e}))
            ending = tuple(sorted({n for s, e, n in marks if e == b and s < b}))
            out.append(Segment(text[a:b], covering, ending))
        return out


def aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes: they are UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _fold(text: str) -> tuple[str, list[int]]:
    """``text`` read as the analyser reads it (NFKC, case-folded, ``_`` as a space, runs of
    white space as one), and for each folded character the index it came from."""
    out: list[str] = []
    where: list[int] = []
    space = False
    for i, ch in enumerate(text):
        folded = unicodedata.normalize("NFKC", ch).casefold().replace("_", " ")
        if folded.isspace():
            if space:
                continue
            folded, space = " ", True
        else:
            space = False
        out.append(folded)
        where.extend([i] * len(folded))
    return "".join(out), where


def find(text: str, needle: str) -> tuple[int, int] | None:
    """Where ``needle`` is in ``text`` as the analyser would match it, in ``text``'s indices."""
    want, _ = _fold(needle.strip())
    if len(want) < 2:
        return None
    folded, where = _fold(text)
    at = folded.find(want)
    if at < 0:
        return None
    return where[at], where[at + len(want) - 1] + 1


#: which evidence of a signal names what, and where in the shown message to look for it
_EVIDENCE_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("from_name", "attachments"),
    "shown": ("from_name", "body"),
    "address": ("from_address",),
    "sender": ("from_address",),
    "reply": ("from_address",),
    "domain": ("from_address",),
    "host": ("body", "subject"),
    "url": ("body",),
    "image": ("attachments",),
    "phrase": ("subject", "body", "from_name"),
    "word": ("subject", "body", "from_name"),
    "hidden": ("body",),
    "phone": ("body",),
    "token": ("subject",),
    "brand": ("from_name", "subject", "body"),
}


def _field_names(shown: Shown, wanted: Iterable[str]) -> list[str]:
    out: list[str] = []
    for name in wanted:
        if name == "attachments":
            out.extend(f"attachment:{i}" for i in range(len(shown.attachments)))
        else:
            out.append(name)
    return out


#: signals whose evidence is found in one field only: the brand named *in the display name*
_SIGNAL_FIELDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("brand.in-display-name", "brand"): ("from_name",),
    ("brand.in-subject", "brand"): ("subject",),
    ("brand.in-body", "brand"): ("body",),
}


def _spans_for(signal: Signal, shown: Shown, rules: Rules) -> tuple[Span, ...]:
    spans: list[Span] = []
    for key, value in signal["evidence"].items():
        wanted = _SIGNAL_FIELDS.get((signal["code"], key)) or _EVIDENCE_FIELDS.get(key)
        if not wanted or not value:
            continue
        needles = [value]
        if key == "brand":  # the brand named by one of its names: "OneDrive" is Microsoft
            needles += [a for b in rules.brands if b.name == value for a in b.aliases]
        for name in _field_names(shown, wanted):
            text = shown.text(name)
            if key == "domain" and name == "from_address":
                # the domain part of the address, not a look-alike inside the local part
                at = text.rfind("@") + 1
                if text[at:].lower() == value.lower():
                    spans.append(Span(name, at, len(text)))
                continue
            for needle in needles:
                found = find(text, needle)
                if found:
                    spans.append(Span(name, *found))
                    break
    return tuple(dict.fromkeys(spans))


def _useful(signal: Signal) -> bool:
    # reassuring signals (negative weights) and notes about the analysis itself are no tells,
    # nor are signals weighed at zero — except what the reader sees in the lure: its wording
    # (genuine notices say "sign in to confirm" as often as lures do, so the fit weighs it zero,
    # but a reader should still stop at it in a lure) and a brand it names while sent from
    # elsewhere (the subject's brand is weighed zero for the same reason) — unlike "first
    # contact", which nothing on the page shows
    if signal["category"] in ("analysis", "benign"):
        return False
    seen = signal["category"] == "text" or signal["code"].startswith("brand.")
    return signal["weight"] > 0 or (signal["weight"] == 0 and seen)


# Generic tells: said only where the analyser raised nothing about the same thing.
_LINK_TITLE = N_("The link goes somewhere else")
_LINK = N_(
    "The link leads to {host}, which is not a site of your organisation ({own}). Before you "
    "open a link, look at where it goes; when in doubt, open the service from a bookmark."
)
_SENDER_OUTSIDE_TITLE = N_("The sender is outside your organisation")
_SENDER_OUTSIDE = N_(
    'The name shown is "{name}", but the mail comes from {address}, outside your organisation '
    "({own}). Anyone can choose the name a mail shows: look at the address."
)
_SENDER_NAME_TITLE = N_("Anyone can choose the name a mail shows")
_SENDER_NAME = N_('The name shown is "{name}"; the address is {address}. Check the address, not the name.')
_DEADLINE_TITLE = N_("A deadline to hurry you")
_DEADLINE = N_(
    "The mail sets a deadline ({date}) so that you act before you stop to check. A real "
    "request leaves time to ask the sender in another way."
)
_ATTACHMENT_TITLE = N_("An attachment you did not expect")
_ATTACHMENT_PDF = N_(
    "{name} is a PDF document. Documents in mail can carry links to the same kind of fake page; "
    "open attachments only when you expected them."
)
_ATTACHMENT_OTHER = N_(
    "{name} is an attachment you did not ask for; open attachments only when you expected them."
)

_BEFORE_DATE = re.compile(r"(?:\b(?:by|before|until|on)\s+|期限\s*)$", re.IGNORECASE)
_AFTER_DATE = re.compile(r"^(?:\s*までに|\s*まで|\s*に)")


def _date_spans(shown: Shown, date: str) -> list[Span]:
    """Each place the lure's date is, with the word that makes it a deadline ("by", 「までに」)."""
    spans: list[Span] = []
    if not date:
        return spans
    for name in ("subject", "body"):
        text = shown.text(name)
        for m in re.finditer(re.escape(date), text):
            start, end = m.start(), m.end()
            before = _BEFORE_DATE.search(text[max(0, start - 12) : start])
            if before:
                start -= len(before.group(0))
            after = _AFTER_DATE.match(text[end : end + 6])
            if after:
                end += len(after.group(0))
            spans.append(Span(name, start, end))
    return spans


def _generic_tells(found: list[Tell], shown: Shown, own: str, click: str, date: str) -> list[Tell]:
    """What a drill mail is made of, said where the analyser said nothing of it: the sender,
    where the link goes, the deadline, an attachment. The analyser scores mail from outside for
    a filter; these are for a reader, and true of every lure by construction."""
    marked = {s.field for t in found for s in t.spans}
    marked_body = [s for t in found for s in t.spans if s.field == "body"]
    codes = {t.code for t in found}
    out: list[Tell] = []
    # the sender: its name and address
    if "from_address" not in marked:
        domain = shown.from_address.rpartition("@")[2].lower()
        addr = Span("from_address", 0, len(shown.from_address))
        name = Span("from_name", 0, len(shown.from_name))
        spans = (name, addr) if shown.from_name and "from_name" not in marked else (addr,)
        args = {"name": shown.from_name, "address": shown.from_address, "own": own}
        if own and domain != own and not domain.endswith("." + own):
            out.append(
                Tell(
                    "generic.sender-outside",
                    gettext(_SENDER_OUTSIDE_TITLE),
                    gettext(_SENDER_OUTSIDE).format(**args),
                    spans,
                    True,
                )
            )
        elif shown.from_name:
            out.append(
                Tell(
                    "generic.sender-name",
                    gettext(_SENDER_NAME_TITLE),
                    gettext(_SENDER_NAME).format(**args),
                    spans,
                    True,
                )
            )
    # the link: where it really goes
    host = (urlsplit(click).hostname or "").lower()
    at = shown.body.find(click)
    if host and at >= 0 and own and not (host == own or host.endswith("." + own)):
        start = shown.body.find(host, at)
        if not any(s.start < at + len(click) and at < s.end for s in marked_body):
            span = Span("body", start, start + len(host))
            text = gettext(_LINK).format(host=host, own=own)
            out.append(Tell("generic.link-host", gettext(_LINK_TITLE), text, (span,), True))
    # the deadline
    if "text.urgency" not in codes:
        spans_d = tuple(_date_spans(shown, date))
        if spans_d:
            text = gettext(_DEADLINE).format(date=date)
            out.append(Tell("generic.deadline", gettext(_DEADLINE_TITLE), text, spans_d, True))
    # attachments the analyser said nothing of
    for i, (filename, ctype) in enumerate(shown.attachments):
        if f"attachment:{i}" in marked:
            continue
        message = _ATTACHMENT_PDF if ctype == "application/pdf" else _ATTACHMENT_OTHER
        span = Span(f"attachment:{i}", 0, len(filename))
        out.append(
            Tell(
                "generic.attachment",
                gettext(_ATTACHMENT_TITLE),
                gettext(message).format(name=filename),
                (span,),
                True,
            )
        )
    return out


def _shown(msg: EmailMessage, when: datetime) -> Shown:
    name, address = parseaddr(str(msg["From"]))
    body_part = msg.get_body(preferencelist=("plain",))
    body = body_part.get_content() if isinstance(body_part, EmailMessage) else ""
    attachments = tuple(
        (part.get_filename() or "", part.get_content_type()) for part in msg.iter_attachments()
    )
    return Shown(name, address, str(msg["To"]), str(msg["Subject"]), when, body, attachments)


def tells(
    campaign: SimCampaign,
    profile: SimProfile,
    recipient: SimRecipient,
    template: Template,
    *,
    key: str,
    base_url: str,
    rules: Rules,
    lang: str,
) -> MarkedMessage:
    """The recipient's mail as it was sent, and its tells in ``lang``.

    The mail is rebuilt in the campaign's language (its dates as the sender wrote them) with
    ``when = recipient.sent_at``. The analyser reads it with the recipient's domain among the
    organisation's own (the target's domain is verified: simulate/domains.py), so a sender
    made to look like the organisation is named as a look-alike. CPU work: call it on a worker
    thread."""
    if recipient.sent_at is None:
        raise ValueError("the recipient was never sent the mail")
    when = aware(recipient.sent_at)
    with language(campaign.lang):
        msg = compose(campaign, profile, recipient, template, key=key, base_url=base_url, when=when)
        click = links(base_url, key, recipient.token).click
        date = values(campaign, recipient, click, when)["date"]
    own = recipient.address.rpartition("@")[2].lower()
    if own and own not in rules.own_domains:
        rules = dataclasses.replace(rules, own_domains=(*rules.own_domains, own))
    shown = _shown(msg, when)
    with language(lang):
        verdict = analyze(msg.as_bytes(), rules)
        found = [
            Tell(s["code"], s["title"], s["explanation"], _spans_for(s, shown, rules))
            for s in verdict.signals
            if _useful(s)
        ]
        found += _generic_tells(found, shown, own, click, date)
    return MarkedMessage(shown, tuple(found), verdict.verdict)
