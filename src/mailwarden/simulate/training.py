"""Training at the moment of failure (issue 18, point 6): *this* message with its tells
marked, a short quiz, completion, and the optional survey.

A person who clicks (or submits) lands on the training page. It shows the mail they got —
rebuilt with :func:`compose.compose` from the recipient's token and send time, so no copy of
each mail is kept — and runs the message analyser on it. Each signal the analyser raises
becomes a *tell*: its title and explanation in the reader's language, and the spans of the
shown message (sender name, address, subject, body, attachment names) that the signal's
evidence names. The analyser judges mail from outside; a drill mail is built to look ordinary,
so where it has nothing to say about the sender, the link, the deadline or an attachment, a
*generic* tell names it from what the lure is made of (:func:`_generic_tells`). Tells say
which they are (``Tell.generic``).

The quiz (``quiz.yaml``) and survey (``survey.yaml``) keep their Japanese and English text in
the YAML, not in the gettext catalogue: they are content operators may edit like the lures.

What is recorded, per recipient (``SimRecipient``): ``trained_at`` when the page is first
shown; ``quiz_score`` (percent, the best of all tries) and ``completed_at`` when the quiz is
first passed — which also completes the target's open ``SimAssignment`` rows. Survey answers go
to ``SimSurvey``, one row per recipient, replaced when answered again."""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import math
import random
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import parseaddr
from functools import cache
from importlib import resources
from typing import Any, cast
from urllib.parse import urlsplit

import yaml
from sqlalchemy import CursorResult, case, select, update
from sqlalchemy.exc import IntegrityError

from ..analyze.engine import analyze
from ..analyze.result import Signal
from ..analyze.rules import Rules
from ..core.errors import ConfigError
from ..core.i18n import N_, gettext, language
from ..core.store import Store
from ..core.store.models import utcnow
from . import webhooks
from .compose import compose, links, values
from .models import SimAssignment, SimCampaign, SimProfile, SimRecipient, SimSurvey
from .templates import LANGS, Template

__all__ = [
    "FIELDS",
    "MarkedMessage",
    "Quiz",
    "QuizResult",
    "Recipient",
    "Segment",
    "Shown",
    "Span",
    "SurveyQuestion",
    "Tell",
    "aware",
    "clean_survey",
    "find_recipient",
    "load_quiz",
    "quiz_for",
    "record_quiz",
    "record_shown",
    "save_survey",
    "score",
    "survey_questions",
    "tells",
]

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
    # reassuring signals (negative weights) and notes about the analysis itself are no tells
    return signal["weight"] > 0 and signal["category"] not in ("analysis", "benign")


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


# -- the quiz ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    #: (choice id, text), in the order shown
    choices: tuple[tuple[str, str], ...]
    answer: str
    why: str


@dataclass(frozen=True)
class Quiz:
    questions: tuple[Question, ...]
    pass_percent: int

    @property
    def pass_mark(self) -> int:
        """Right answers needed to pass."""
        return math.ceil(len(self.questions) * self.pass_percent / 100)


@dataclass(frozen=True)
class QuizResult:
    #: percent right, 0–100
    score: int
    right: int
    total: int
    passed: bool
    #: question id → the choice given ("" when unanswered)
    given: dict[str, str] = field(default_factory=dict)


def _check_question(q: Any, where: str) -> dict[str, Any]:
    if not isinstance(q, dict) or not isinstance(q.get("id"), str):
        raise ConfigError(f"{where}: a question needs an id")
    for lang in LANGS:
        part = q.get(lang)
        if not isinstance(part, dict) or not isinstance(part.get("question"), str):
            raise ConfigError(f"{where} {q['id']}: no {lang} question")
        choices = part.get("choices")
        if not isinstance(choices, dict) or len(choices) < 2:
            raise ConfigError(f"{where} {q['id']}: {lang} needs two choices or more")
        if str(q.get("answer")) not in {str(k) for k in choices}:
            raise ConfigError(f"{where} {q['id']}: the answer is not one of the {lang} choices")
    if {str(k) for k in q["ja"]["choices"]} != {str(k) for k in q["en"]["choices"]}:
        raise ConfigError(f"{where} {q['id']}: the ja and en choices differ")
    return q


@cache
def load_quiz() -> dict[str, Any]:
    """The shipped quiz, checked: a generic set, sets per lure category, the pass mark."""
    data = yaml.safe_load(resources.files(__package__).joinpath("quiz.yaml").read_text("utf-8"))
    percent = int(data.get("pass_percent", 80))
    if not 0 < percent <= 100:
        raise ConfigError("quiz.yaml: pass_percent is 1–100")
    generic = [_check_question(q, "quiz.yaml generic") for q in data.get("generic") or []]
    categories = {
        str(cat): [_check_question(q, f"quiz.yaml {cat}") for q in qs]
        for cat, qs in (data.get("categories") or {}).items()
    }
    for cat, qs in {"generic": [], **categories}.items():
        ids = [q["id"] for q in generic + qs]
        if len(ids) != len(set(ids)) or not 3 <= len(ids) <= 5:
            raise ConfigError(f"quiz.yaml {cat}: 3–5 questions with unique ids")
    return {"pass_percent": percent, "generic": generic, "categories": categories}


def quiz_for(category: str, lang: str, seed: str = "") -> Quiz:
    """The quiz for a lure of ``category`` in ``lang``: the category's questions, then the
    generic ones. ``seed`` (the recipient's token) orders each question's choices, the same
    way on every visit, so the right answer is not always in the same place."""
    data = load_quiz()
    lang = lang if lang in LANGS else "en"
    questions: list[Question] = []
    for q in [*data["categories"].get(category, []), *data["generic"]]:
        part = q[lang]
        choices = [(str(k), str(v)) for k, v in part["choices"].items()]
        digest = hashlib.sha256(f"{seed}:{q['id']}".encode()).digest()
        random.Random(digest).shuffle(choices)
        questions.append(
            Question(q["id"], part["question"], tuple(choices), str(q["answer"]), part.get("why", ""))
        )
    return Quiz(tuple(questions), data["pass_percent"])


def score(quiz: Quiz, form: Mapping[str, str]) -> QuizResult:
    """The answers in ``form`` (``q.<question id>`` → choice id) scored; unanswered and
    unknown answers are wrong."""
    given = {q.id: str(form.get(f"q.{q.id}", ""))[:20] for q in quiz.questions}
    right = sum(1 for q in quiz.questions if given[q.id] == q.answer)
    total = len(quiz.questions)
    percent = round(100 * right / total) if total else 0
    return QuizResult(percent, right, total, right >= quiz.pass_mark, given)


# -- the survey -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyQuestion:
    id: str
    #: choice or text
    kind: str
    text: str
    choices: tuple[tuple[str, str], ...] = ()
    max_chars: int = 0


@cache
def _survey_data() -> list[dict[str, Any]]:
    data = yaml.safe_load(resources.files(__package__).joinpath("survey.yaml").read_text("utf-8"))
    out = []
    for q in data.get("questions") or []:
        if q.get("kind") not in ("choice", "text") or not isinstance(q.get("id"), str):
            raise ConfigError("survey.yaml: each question needs an id and a kind (choice, text)")
        for lang in LANGS:
            if not isinstance((q.get(lang) or {}).get("question"), str):
                raise ConfigError(f"survey.yaml {q['id']}: no {lang} question")
            if q["kind"] == "choice" and {str(c) for c in q["choices"]} != {
                str(c) for c in q[lang].get("choices", {})
            }:
                raise ConfigError(f"survey.yaml {q['id']}: the {lang} choices differ")
        out.append(q)
    return out


def survey_questions(lang: str) -> tuple[SurveyQuestion, ...]:
    lang = lang if lang in LANGS else "en"
    out = []
    for q in _survey_data():
        part = q[lang]
        if q["kind"] == "choice":
            choices = tuple((str(c), str(part["choices"][c])) for c in q["choices"])
            out.append(SurveyQuestion(q["id"], "choice", part["question"], choices))
        else:
            out.append(
                SurveyQuestion(q["id"], "text", part["question"], max_chars=int(q.get("max_chars", 1000)))
            )
    return tuple(out)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_survey(form: Mapping[str, str]) -> dict[str, str]:
    """The answers to keep: known question ids only, a choice only when it is one of the
    question's, a comment without control characters and cut to its length."""
    out: dict[str, str] = {}
    for q in survey_questions("en"):
        value = form.get(q.id)
        if value is None:
            continue
        if q.kind == "choice":
            if value in {c for c, _ in q.choices}:
                out[q.id] = value
        else:
            text = _CONTROL.sub("", value.replace("\r\n", "\n")).strip()[: q.max_chars]
            if text:
                out[q.id] = text
    return out


# -- the store --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    """A recipient, its campaign and the campaign's sending profile, detached from the session."""

    recipient: SimRecipient
    campaign: SimCampaign
    profile: SimProfile


def _count(result: Any) -> int:
    """The rows an UPDATE changed."""
    return int(cast(CursorResult[Any], result).rowcount)


def find_recipient(store: Store, token: str) -> Recipient | None:
    with store.session() as s:
        row = s.execute(
            select(SimRecipient, SimCampaign, SimProfile)
            .join(SimCampaign, SimCampaign.id == SimRecipient.campaign_id)
            .join(SimProfile, SimProfile.id == SimCampaign.profile_id)
            .where(SimRecipient.token == token)
        ).first()
        if row is None:
            return None
        s.expunge_all()
        return Recipient(row[0], row[1], row[2])


def record_shown(store: Store, recipient_id: int, *, now: datetime | None = None) -> None:
    """``trained_at``: when the training page was first shown (kept once set)."""
    with store.session(write=True) as s:
        s.execute(
            update(SimRecipient)
            .where(SimRecipient.id == recipient_id, SimRecipient.trained_at.is_(None))
            .values(trained_at=now or utcnow())
        )


def record_quiz(store: Store, recipient_id: int, result: QuizResult, *, now: datetime | None = None) -> bool:
    """Keep the best score; on a pass, the completion time (the first) and the completion of
    the target's open assignments. One statement per row, so two tries at once cannot lower
    the score. True when this try completed the training for the first time."""
    now = now or utcnow()
    best = case(
        (SimRecipient.quiz_score.is_(None), result.score),
        (SimRecipient.quiz_score < result.score, result.score),
        else_=SimRecipient.quiz_score,
    )
    with store.session(write=True) as s:
        s.execute(update(SimRecipient).where(SimRecipient.id == recipient_id).values(quiz_score=best))
        s.execute(
            update(SimRecipient)
            .where(SimRecipient.id == recipient_id, SimRecipient.trained_at.is_(None))
            .values(trained_at=now)
        )
        if not result.passed:
            return False
        first = _count(
            s.execute(
                update(SimRecipient)
                .where(SimRecipient.id == recipient_id, SimRecipient.completed_at.is_(None))
                .values(completed_at=now)
            )
        )
        target = s.scalar(select(SimRecipient.target_id).where(SimRecipient.id == recipient_id))
        if target is not None:
            s.execute(
                update(SimAssignment)
                .where(SimAssignment.target_id == target, SimAssignment.completed_at.is_(None))
                .values(completed_at=now)
            )
        if first:  # the first pass: other systems hear it once (webhooks)
            webhooks.emit_recipient(s, "recipient.trained", recipient_id, at=now)
        return bool(first)


def save_survey(
    store: Store, recipient_id: int, answers: Mapping[str, str], *, now: datetime | None = None
) -> bool:
    """Store ``answers`` (already cleaned) for the recipient, replacing earlier ones. Nothing
    is stored for an empty survey. True when something was stored."""
    if not answers:
        return False
    now = now or utcnow()
    for _ in range(2):  # a concurrent first answer makes the insert fail once: then replace
        try:
            with store.session(write=True) as s:
                changed = _count(
                    s.execute(
                        update(SimSurvey)
                        .where(SimSurvey.recipient_id == recipient_id)
                        .values(answers=dict(answers), at=now)
                    )
                )
                if not changed:
                    s.add(SimSurvey(recipient_id=recipient_id, answers=dict(answers), at=now))
            return True
        except IntegrityError:
            continue
    return False
