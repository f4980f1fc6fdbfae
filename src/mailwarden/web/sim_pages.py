"""The pages a simulation's recipient sees after failing: training (this message with its
tells marked), the quiz and the optional survey. Public (reached by link id, no login).

``/x/{id}``  GET: the training page — the mail as text, tells marked, and the quiz;
             POST: the quiz answered (scored, best score kept, completion on a pass).
``/v/{id}``  GET, POST: the survey, when the campaign asks for one.

Paths are relative to the tracking server's mount (``/t``: simulate/urls.py). An id that was
not made with the installation's key (forged, truncated, altered) or names no recipient gets a
short 404 in Japanese and English, before anything is recorded. Pages are in the campaign's
language unless ``?lang=ja|en`` asks otherwise.

The pages load nothing: no script, no remote image, style inline only, under a CSP that says
so; the mail is shown as its text part with every link as text. Forms carry a token that is an
HMAC of the link id under the secret key (:func:`form_token`): the page that shows the form has
it, a cross-site page posting on someone's behalf does not. No session is needed. Bodies are
read up to :data:`MAX_BODY` and refused beyond. Store, analyser and template work run on worker
threads (``run_in_threadpool``)."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.templating import Jinja2Templates

from ..analyze.rules import Rules, load_rules
from ..core.config import Settings
from ..core.i18n import language, normalise_language
from ..core.secretkey import secret_key
from ..core.store import Store
from ..simulate import tells, training
from ..simulate.ids import read_id
from ..simulate.templates import load_templates

__all__ = ["CSP", "MAX_BODY", "form_token", "routes"]

#: the largest request body read (a quiz or a survey with a 1,000-character comment fits)
MAX_BODY = 16 * 1024
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex",
    "X-Content-Type-Options": "nosniff",
}
_PREFETCH = ("purpose", "sec-purpose", "x-purpose", "x-moz")


def form_token(key: str, purpose: str, link_id: str) -> str:
    """The token the ``purpose`` form (quiz, survey) of ``link_id``'s page carries."""
    digest = hmac.new(
        key.encode(), f"mailwarden-sim-form:{purpose}:{link_id}".encode(), hashlib.sha256
    ).digest()
    return base64.urlsafe_b64encode(digest[:24]).decode("ascii")


@cache
def _templates() -> Jinja2Templates:
    from .console import make_templates  # the console's environment: its gettext and filters

    return make_templates()


@cache
def _rules(path: Path | None) -> Rules:
    return load_rules(path)


def _page(name: str, lang: str, status: int = 200, **ctx: Any) -> Response:
    with language(lang):
        body = _templates().get_template(name).render(lang=lang, **ctx)
    return HTMLResponse(body, status_code=status, headers=HEADERS)


def _not_found() -> Response:
    return _page("sim/notfound.html", "ja", 404)


def _refused(status: int) -> Response:
    return _page("sim/refused.html", "ja", status, code=status)


class _Refused(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


async def _read_form(request: Request) -> dict[str, str]:
    """The urlencoded form, read no further than MAX_BODY; first value of each field."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
        raise _Refused(413 if declared.isdigit() else 400)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/x-www-form-urlencoded":
        raise _Refused(415)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise _Refused(413)
    try:
        pairs = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=100)
    except ValueError as exc:  # too many fields
        raise _Refused(413) from exc
    form: dict[str, str] = {}
    for k, v in pairs:
        form.setdefault(k, v)
    return form


@dataclass(frozen=True)
class _Ask:
    """One request, as the worker thread needs it."""

    settings: Settings
    store: Store
    link_id: str
    lang: str | None
    method: str
    form: Mapping[str, str] | None
    #: a prefetch or HEAD: the page is made, but nobody was shown it
    unseen: bool


def _ask(request: Request, form: Mapping[str, str] | None) -> _Ask:
    prefetch = any(request.headers.get(h, "").lower().find("prefetch") >= 0 for h in _PREFETCH)
    return _Ask(
        request.app.state.settings,
        request.app.state.store,
        request.path_params["id"],
        normalise_language(request.query_params.get("lang")),
        request.method,
        form,
        request.method == "HEAD" or prefetch,
    )


def _open(ask: _Ask) -> tuple[str, str, training.Recipient] | None:
    """(key, token, recipient) when the id is genuine and names a recipient who got the mail."""
    key = secret_key(ask.settings)
    token = read_id(key, ask.link_id)
    if token is None:
        return None
    found = training.find_recipient(ask.store, token)
    if found is None or found.recipient.sent_at is None:
        return None
    return key, token, found


def _lang(ask: _Ask, found: training.Recipient) -> str:
    return ask.lang or normalise_language(found.campaign.lang) or "ja"


def _base_url(settings: Settings, found: training.Recipient) -> str:
    # where the mail's links pointed when it was sent: the campaign's, else the installation's
    return found.campaign.base_url or settings.sim_url or settings.console_url


def _training(ask: _Ask) -> Response:
    opened = _open(ask)
    if opened is None:
        return _not_found()
    key, token, found = opened
    template = load_templates().get(found.campaign.template)
    if template is None:
        return _not_found()
    lang = _lang(ask, found)
    quiz = training.quiz_for(template.category, lang, token)
    ctx: dict[str, Any] = {
        "quiz": quiz,
        "token": form_token(key, "quiz", ask.link_id),
        "survey_token": form_token(key, "survey", ask.link_id),
        "link_id": ask.link_id,
        "recipient": found.recipient,
        "survey": found.campaign.survey,
    }
    if ask.method == "POST":
        form = ask.form or {}
        if not hmac.compare_digest(str(form.get("token", "")), ctx["token"]):
            return _page("sim/refused.html", lang, 403, code=403)
        result = training.score(quiz, form)
        training.record_quiz(ask.store, found.recipient.id, result)
        questions = training.survey_questions(lang) if result.passed and found.campaign.survey else ()
        return _page("sim/result.html", lang, result=result, survey_questions=questions, **ctx)
    marked = tells.tells(
        found.campaign,
        found.profile,
        found.recipient,
        template,
        key=key,
        base_url=_base_url(ask.settings, found),
        rules=_rules(ask.settings.analyze_rules),
        lang=lang,
    )
    if not ask.unseen:
        training.record_shown(ask.store, found.recipient.id)
    return _page("sim/training.html", lang, m=marked, **ctx)


def _survey(ask: _Ask) -> Response:
    opened = _open(ask)
    if opened is None or not opened[2].campaign.survey:
        return _not_found()
    key, _, found = opened
    lang = _lang(ask, found)
    token = form_token(key, "survey", ask.link_id)
    questions = training.survey_questions(lang)
    if ask.method == "POST":
        form = ask.form or {}
        if not hmac.compare_digest(str(form.get("token", "")), token):
            return _page("sim/refused.html", lang, 403, code=403)
        stored = training.save_survey(ask.store, found.recipient.id, training.clean_survey(form))
        return _page("sim/survey_done.html", lang, stored=stored, link_id=ask.link_id)
    return _page("sim/survey.html", lang, survey_questions=questions, survey_token=token, link_id=ask.link_id)


async def _serve(request: Request, view: Any) -> Response:
    form = None
    if request.method == "POST":
        try:
            form = await _read_form(request)
        except _Refused as refused:
            return _refused(refused.status)
    response: Response = await run_in_threadpool(view, _ask(request, form))
    return response


async def training_page(request: Request) -> Response:
    return await _serve(request, _training)


async def survey_page(request: Request) -> Response:
    return await _serve(request, _survey)


routes: list[BaseRoute] = [
    Route("/x/{id}", training_page, methods=["GET", "POST"], name="sim-training"),
    Route("/v/{id}", survey_page, methods=["GET", "POST"], name="sim-survey"),
]
