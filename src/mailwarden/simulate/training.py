"""Training at the moment of failure (issue 18, point 6): the short quiz, completion, and the
optional survey. The page's message with its tells marked is ``simulate/tells.py``.

A person who clicks (or submits) lands on the training page (``web/sim_pages.py``).

The quiz (``quiz.yaml``) and survey (``survey.yaml``) keep their Japanese and English text in
the YAML, not in the gettext catalogue: they are content operators may edit like the lures.

What is recorded, per recipient (``SimRecipient``): ``trained_at`` when the page is first
shown; ``quiz_score`` (percent, the best of all tries) and ``completed_at`` when the quiz is
first passed — which also completes the target's open ``SimAssignment`` rows. Survey answers go
to ``SimSurvey``, one row per recipient, replaced when answered again."""

from __future__ import annotations

import hashlib
import math
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any, cast

import yaml
from sqlalchemy import CursorResult, case, select, update
from sqlalchemy.exc import IntegrityError

from ..core.errors import ConfigError
from ..core.store import Store
from ..core.store.models import utcnow
from . import webhooks
from .models import SimAssignment, SimCampaign, SimProfile, SimRecipient, SimSurvey
from .templates import LANGS

__all__ = [
    "Quiz",
    "QuizResult",
    "Recipient",
    "SurveyQuestion",
    "clean_survey",
    "find_recipient",
    "load_quiz",
    "quiz_for",
    "record_quiz",
    "record_shown",
    "save_survey",
    "score",
    "survey_questions",
]

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
