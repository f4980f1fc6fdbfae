"""The tracking server of phishing simulations: pixel, links, honeypot, landing page, submit
and beacon (``simulate/urls.py``), plus the training pages (``web/sim_pages.py``). Public:
reached by link id, no login. Mounted at ``/t`` in the console, or served alone
(:func:`create_server_app`, ``mailwarden campaign tracking-server``), mounted at ``/t`` too so
the URLs are the same.

=================  =========  ==============================================================
route              methods    answer (hit kind stored)
=================  =========  ==============================================================
``/o/<id>.gif``    GET, HEAD  a 1x1 transparent GIF, also for an unknown id (``open``)
``/c/<id>``        GET, HEAD  302 to the landing page, or to training when the campaign sends
                              people there on a click or the template has none (``click``)
``/h/<id>``        GET, HEAD  a blank page, also for an unknown id (``honeypot``)
``/l/<id>``        GET, HEAD  the landing page: no password inputs, every form posting to
                              ``/s/<id>``, and the beacon script under a CSP nonce (``landing``)
``/s/<id>``        POST       303 to training; the body (64 KB at most, else 413) leaves only
                              its field names (``submit``)
``/b/<id>``        POST       204 (``beacon``)
=================  =========  ==============================================================

An id that is forged, truncated, altered or names no recipient stores nothing and is answered
404 (a short page in Japanese and English), except by the pixel and the honeypot, which answer
as usual (they would otherwise tell which ids are real). The client address is the socket
peer: ``X-Forwarded-For`` is not trusted (a reverse proxy's setting is for later).

The hits go to :class:`~mailwarden.simulate.hits.HitRecorder`, which stores them from a
background thread; :func:`close_tracking` flushes and stops it on shutdown."""

from __future__ import annotations

import asyncio
import html
import json
import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, cast
from urllib.parse import parse_qsl

import lxml.html
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route

from ..core import i18n
from ..core.config import Settings
from ..core.i18n import gettext as _
from ..core.secretkey import secret_key
from ..core.store import Store
from ..core.store.models import utcnow
from ..core.timefmt import local_date
from ..simulate.hits import FIELDS_HEADER, HitRecorder, Missing, Recipient, bounded_headers
from ..simulate.ids import read_id
from ..simulate.templates import render_landing, submitted
from ..simulate.urls import path as sim_path
from . import sim_pages

__all__ = ["SUBMIT_LIMIT", "close_tracking", "create_server_app", "create_tracking_app"]

#: the largest landing-page submission read (a form of a few fields is well under 1 KB)
SUBMIT_LIMIT = 64 * 1024
#: field names kept of one submission
MAX_FIELDS = 50
#: landing pages kept rendered (one per recipient and day)
PAGE_CACHE = 4096

#: the smallest transparent GIF: 1x1, one colour, that colour transparent
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
BLANK = b'<!DOCTYPE html><html><head><meta charset="utf-8"><title></title></head><body></body></html>'
#: every answer: nothing cached, nothing indexed, no referrer leaving the page
BASE_HEADERS = {
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
    "x-robots-tag": "noindex",
    "x-content-type-options": "nosniff",
}
#: every answer but the landing page, which has its own
PLAIN_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
LANDING_CSP = (
    "default-src 'none'; script-src 'nonce-{nonce}'; connect-src 'self'; form-action 'self'; "
    "img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'"
)
#: the landing page's confirmation that a browser showed it (simulate/tracking.py, rule 8):
#: one POST once the page has loaded, by sendBeacon, or fetch with keepalive where it is missing
BEACON_JS = (
    "(function(){{var u={url};function s(){{try{{if(navigator.sendBeacon&&navigator.sendBeacon(u,''))"
    "return}}catch(e){{}}try{{fetch(u,{{method:'POST',keepalive:true,credentials:'omit'}})}}catch(e){{}}}}"
    "if(document.readyState==='complete')s();else addEventListener('load',s,{{once:true}})}})();"
)
_MULTIPART_NAME = re.compile(rb'content-disposition:[^\r\n]*?\bname="([^"\r\n]*)"', re.I)


def _reply(
    request: Request,
    status: int,
    body: bytes = b"",
    content_type: str | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """An answer with the common headers; a HEAD request gets its headers, not its body."""
    h = {**BASE_HEADERS, "content-security-policy": PLAIN_CSP, **(headers or {})}
    if content_type:
        h["content-type"] = content_type
    h["content-length"] = str(len(body))
    return Response(b"" if request.method == "HEAD" else body, status_code=status, headers=h)


def _not_found(request: Request) -> Response:
    """A short page in both languages: the reader's is not known to a link out of a mail."""
    lines = []
    for lang in ("ja", "en"):
        with i18n.language(lang):
            title = _("Link not found")
            text = _("This link is not valid. Check that the whole link was copied from the mail.")
        lines.append(f'<div lang="{lang}"><h1>{html.escape(title)}</h1><p>{html.escape(text)}</p></div>')
    page = (
        '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>404</title></head><body>'
        + "".join(lines)
        + "</body></html>"
    )
    return _reply(request, 404, page.encode(), "text/html; charset=utf-8")


def _too_large(request: Request) -> Response:
    texts = []
    for lang in ("ja", "en"):
        with i18n.language(lang):
            texts.append(_("The form is too large."))
    return _reply(request, 413, ("\n".join(texts) + "\n").encode(), "text/plain; charset=utf-8")


def landing_parts(page: str, *, submit: str) -> tuple[str, str]:
    """A rendered landing page (passwords already removed) split where the beacon script
    goes, at the end of the body: every form posts, urlencoded, to ``submit``, and no script
    of the template's stays (the CSP would block it anyway)."""
    doc = lxml.html.document_fromstring(page)
    for form in doc.iter("form"):
        form.set("action", submit)
        form.set("method", "post")
        for attr in ("enctype", "target", "onsubmit"):
            if attr in form.attrib:
                del form.attrib[attr]
    for el in list(doc.iter("script")):
        cast(lxml.html.HtmlElement, el).drop_tree()
    text = str(lxml.html.tostring(doc, encoding="unicode", doctype="<!DOCTYPE html>"))
    at = text.rfind("</body>")
    if at < 0:  # lxml always closes the body; a page without one gets the script at its end
        return text, ""
    return text[:at], text[at:]


class Tracker:
    """The tracking endpoints over one recorder and one link key."""

    def __init__(self, key: str, recorder: HitRecorder) -> None:
        self.key = key
        self.recorder = recorder
        self._pages: OrderedDict[tuple[int, str], tuple[str, str]] = OrderedDict()
        self._pages_lock = threading.Lock()

    def routes(self) -> list[BaseRoute]:
        get = ["GET", "HEAD"]
        return [
            Route("/o/{id}.gif", self.pixel, methods=get),
            Route("/c/{id}", self.click, methods=get),
            Route("/h/{id}", self.honeypot, methods=get),
            Route("/l/{id}", self.landing, methods=get),
            Route("/s/{id}", self.submit, methods=["POST"]),
            Route("/b/{id}", self.beacon, methods=["POST"]),
        ]

    # -- who and what ------------------------------------------------------------------------

    async def _who(self, request: Request) -> Recipient | None:
        token = read_id(self.key, request.path_params["id"])
        found: Recipient | None = None
        if token is not None:
            cached = self.recorder.peek(token)
            if isinstance(cached, Missing):
                found = await asyncio.to_thread(self.recorder.resolve, token)
            else:
                found = cached
        if found is None:
            self.recorder.count_unknown()
        return found

    def _record(
        self, request: Request, recipient: Recipient, kind: str, extra: dict[str, str] | None = None
    ) -> None:
        raw = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw]
        self.recorder.record(
            recipient,
            kind,
            ip=request.client.host if request.client else "",
            method=request.method,
            user_agent=request.headers.get("user-agent", ""),
            headers=bounded_headers(raw, extra),
        )

    # -- the endpoints ---------------------------------------------------------------------

    async def pixel(self, request: Request) -> Response:
        recipient = await self._who(request)
        if recipient is not None:
            self._record(request, recipient, "open")
        return _reply(request, 200, GIF, "image/gif")

    async def click(self, request: Request) -> Response:
        recipient = await self._who(request)
        if recipient is None:
            return _not_found(request)
        self._record(request, recipient, "click")
        lid = request.path_params["id"]
        to_training = recipient.training_after == "click" or not recipient.has_landing
        return _reply(
            request, 302, headers={"location": sim_path("training" if to_training else "landing", lid)}
        )

    async def honeypot(self, request: Request) -> Response:
        recipient = await self._who(request)
        if recipient is not None:
            self._record(request, recipient, "honeypot")
        return _reply(request, 200, BLANK, "text/html; charset=utf-8")

    async def landing(self, request: Request) -> Response:
        recipient = await self._who(request)
        if recipient is None:
            return _not_found(request)
        self._record(request, recipient, "landing")
        lid = request.path_params["id"]
        if not recipient.has_landing:
            return _reply(request, 302, headers={"location": sim_path("training", lid)})
        day = local_date(utcnow(), recipient.lang)
        parts = self._cached_page(recipient.id, day)
        if parts is None:
            parts = await asyncio.to_thread(self._render, recipient, lid, day)
        nonce = secrets.token_urlsafe(18)
        script = (
            f'<script nonce="{nonce}">{BEACON_JS.format(url=json.dumps(sim_path("beacon", lid)))}</script>'
        )
        body = (parts[0] + script + parts[1]).encode()
        return _reply(
            request,
            200,
            body,
            "text/html; charset=utf-8",
            {"content-security-policy": LANDING_CSP.format(nonce=nonce)},
        )

    async def submit(self, request: Request) -> Response:
        recipient = await self._who(request)
        if recipient is None:
            return _not_found(request)
        try:
            declared = int(request.headers.get("content-length", "0"))
        except ValueError:
            return _reply(request, 400)
        if declared > SUBMIT_LIMIT:
            return _too_large(request)
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > SUBMIT_LIMIT:
                return _too_large(request)
        names = _field_names(bytes(body), request.headers.get("content-type", ""))
        del body  # the values go no further than this function
        fields = submitted(dict.fromkeys(names[:MAX_FIELDS], "")).fields
        self._record(request, recipient, "submit", {FIELDS_HEADER: ",".join(fields)})
        return _reply(request, 303, headers={"location": sim_path("training", request.path_params["id"])})

    async def beacon(self, request: Request) -> Response:
        recipient = await self._who(request)
        if recipient is None:
            return _reply(request, 404)
        self._record(request, recipient, "beacon")
        return _reply(request, 204)

    # -- landing pages -------------------------------------------------------------------------

    def _cached_page(self, recipient_id: int, day: str) -> tuple[str, str] | None:
        with self._pages_lock:
            parts = self._pages.get((recipient_id, day))
            if parts is not None:
                self._pages.move_to_end((recipient_id, day))
            return parts

    def _render(self, r: Recipient, lid: str, day: str) -> tuple[str, str]:
        template = self.recorder.templates[r.template]
        submit = sim_path("submit", lid)
        values = {
            "name": r.name or r.address.split("@", 1)[0],
            "email": r.address,
            "department": r.department,
            "manager": r.manager,
            "company": r.company,
            "date": day,
            "link": submit,
        }
        parts = landing_parts(render_landing(template, r.lang, values), submit=submit)
        with self._pages_lock:
            self._pages[(r.id, day)] = parts
            while len(self._pages) > PAGE_CACHE:
                self._pages.popitem(last=False)
        return parts


def _field_names(body: bytes, content_type: str) -> list[str]:
    """The names of a submitted form's fields, in order, without repeats; values are dropped
    here."""
    if content_type.lower().startswith("multipart/form-data"):
        found = [m.decode("utf-8", "replace") for m in _MULTIPART_NAME.findall(body)]
    else:
        found = [k for k, _v in parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)]
    return list(dict.fromkeys(found))


def create_tracking_app(
    settings: Settings, store: Store, *, recorder: HitRecorder | None = None
) -> Starlette:
    """The tracking endpoints and the training pages, to be mounted at ``/t``. ``recorder``:
    one made with other limits (tests, benchmarks); by default one with the documented ones.
    Call :func:`close_tracking` on shutdown (mounted apps get no lifespan events)."""
    recorder = recorder or HitRecorder(store)
    tracker = Tracker(secret_key(settings), recorder)
    routes: list[BaseRoute] = [*tracker.routes(), *sim_pages.routes]
    app = Starlette(routes=routes)
    app.state.settings = settings
    app.state.store = store
    app.state.link_key = tracker.key
    app.state.recorder = recorder
    app.state.tracker = tracker
    return app


def _recorder_of(app: Any) -> HitRecorder | None:
    found = getattr(app.state, "recorder", None)
    if isinstance(found, HitRecorder):
        return found
    for route in getattr(app, "routes", ()):
        inner = getattr(route.app, "state", None) if isinstance(route, Mount) else None
        if isinstance(rec := getattr(inner, "recorder", None), HitRecorder):
            return rec
    return None


def close_tracking(app: Any) -> None:
    """Store every hit still queued and stop the writer thread. ``app`` is the tracking app
    or an app it is mounted in (the console). Blocks until the last batch is committed: from
    a lifespan, call it through ``asyncio.to_thread``."""
    recorder = _recorder_of(app)
    if recorder is not None:
        recorder.close()


def create_server_app(settings: Settings, store: Store, *, recorder: HitRecorder | None = None) -> Starlette:
    """The tracking app alone, mounted at ``/t`` (the URLs of the console), its recorder
    closed on shutdown."""
    tracking = create_tracking_app(settings, store, recorder=recorder)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await asyncio.to_thread(close_tracking, tracking)

    app = Starlette(routes=[Mount("/t", app=tracking)], lifespan=lifespan)
    app.state.tracking = tracking
    app.state.recorder = tracking.state.recorder
    return app
