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
background thread; :func:`close_tracking` flushes and stops it on shutdown. The six routes are
answered as plain ASGI before Starlette's router is asked (it cost a hit several times what the
endpoint does), and a landing page is its template's skeleton, rendered once a day, with the
recipient's values put in (benchmarks/campaign_tracking.py)."""

from __future__ import annotations

import asyncio
import html
import json
import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any, cast
from urllib.parse import parse_qsl

import lxml.html
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.routing import BaseRoute, Mount
from starlette.types import Receive, Scope, Send

from ..core import i18n
from ..core.config import Settings
from ..core.i18n import gettext as _
from ..core.secretkey import secret_key
from ..core.store import Store
from ..core.store.models import utcnow
from ..core.timefmt import local_date
from ..simulate.hits import FIELDS_HEADER, HitRecorder, Missing, Recipient, bounded_headers
from ..simulate.ids import read_id
from ..simulate.templates import VARIABLES, Template, render_landing, submitted
from ..simulate.urls import path as sim_path
from . import sim_pages

__all__ = [
    "SUBMIT_LIMIT",
    "ServerApp",
    "TrackingApp",
    "close_tracking",
    "create_server_app",
    "create_tracking_app",
]

#: the largest landing-page submission read (a form of a few fields is well under 1 KB)
SUBMIT_LIMIT = 64 * 1024
#: field names kept of one submission
MAX_FIELDS = 50
#: landing pages kept rendered (one per recipient and day)
PAGE_CACHE = 4096
#: landing-page skeletons kept (one per template, language and day)
SKELETONS = 256

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
_GETS = frozenset({"GET", "HEAD"})
_POSTS = frozenset({"POST"})
Endpoint = Callable[[Scope, Receive, Send, str], Awaitable[None]]
_MULTIPART_NAME = re.compile(rb'content-disposition:[^\r\n]*?\bname="([^"\r\n]*)"', re.I)


Headers = list[tuple[bytes, bytes]]
_BASE_RAW: Headers = [(k.encode(), v.encode()) for k, v in BASE_HEADERS.items()]
_PLAIN_CSP_RAW = (b"content-security-policy", PLAIN_CSP.encode())
_HTML = (b"content-type", b"text/html; charset=utf-8")


async def _reply(
    scope: Scope, send: Send, status: int, body: bytes = b"", headers: Headers | None = None
) -> None:
    """Send an answer with the common headers (and the plain CSP unless ``headers`` has one);
    a HEAD request gets its headers, not its body."""
    h = [*_BASE_RAW, *(headers or ())]
    if not any(name == b"content-security-policy" for name, _v in h):
        h.append(_PLAIN_CSP_RAW)
    h.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": h})
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


def _not_found_page() -> bytes:
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
    return page.encode()


async def _not_found(scope: Scope, send: Send) -> None:
    await _reply(scope, send, 404, _not_found_page(), [_HTML])


async def _too_large(scope: Scope, send: Send) -> None:
    texts = []
    for lang in ("ja", "en"):
        with i18n.language(lang):
            texts.append(_("The form is too large."))
    body = ("\n".join(texts) + "\n").encode()
    await _reply(scope, send, 413, body, [(b"content-type", b"text/plain; charset=utf-8")])


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
        self._skeletons: dict[tuple[str, str, str], _Skeleton] = {}
        self._endpoints: dict[str, tuple[Endpoint, frozenset[str]]] = {
            "o": (self.pixel, _GETS),
            "c": (self.click, _GETS),
            "h": (self.honeypot, _GETS),
            "l": (self.landing, _GETS),
            "s": (self.submit, _POSTS),
            "b": (self.beacon, _POSTS),
        }

    def endpoint(self, scope: Scope) -> tuple[Endpoint, frozenset[str], str] | None:
        """The endpoint of an HTTP request and its link id, or None when it is not one of
        the tracking routes (then the training pages' router has it). Matched by hand: the
        routes are six letters, and Starlette's routing was a fifth of a hit's cost."""
        path: str = scope["path"]
        root: str = scope.get("root_path", "")
        if root and path.startswith(root):
            path = path[len(root) :]
        if len(path) < 4 or path[0] != "/" or path[2] != "/":
            return None
        kind, lid = path[1], path[3:]
        if kind == "o":
            if not lid.endswith(".gif"):
                return None
            lid = lid[:-4]
        found = self._endpoints.get(kind)
        if found is None or not lid or "/" in lid:
            return None
        return found[0], found[1], lid

    async def __call__(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        endpoint: Endpoint,
        methods: frozenset[str],
        lid: str,
    ) -> None:
        if scope["method"] not in methods:
            allow = (b"allow", ", ".join(sorted(methods)).encode())
            await _reply(scope, send, 405, headers=[allow])
            return
        await endpoint(scope, receive, send, lid)

    # -- who and what ------------------------------------------------------------------------

    async def _who(self, lid: str) -> Recipient | None:
        token = read_id(self.key, lid)
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
        self, scope: Scope, recipient: Recipient, kind: str, extra: dict[str, str] | None = None
    ) -> None:
        raw = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"]]
        agent = next((v for k, v in raw if k == "user-agent"), "")
        client = scope.get("client")
        self.recorder.record(
            recipient,
            kind,
            ip=str(client[0]) if client else "",
            method=scope["method"],
            user_agent=agent,
            headers=bounded_headers(raw, extra),
        )

    # -- the endpoints ---------------------------------------------------------------------

    async def pixel(self, scope: Scope, receive: Receive, send: Send, lid: str) -> None:
        recipient = await self._who(lid)
        if recipient is not None:
            self._record(scope, recipient, "open")
        await _reply(scope, send, 200, GIF, [(b"content-type", b"image/gif")])

    async def click(self, scope: Scope, receive: Receive, send: Send, lid: str) -> None:
        recipient = await self._who(lid)
        if recipient is None:
            await _not_found(scope, send)
            return
        self._record(scope, recipient, "click")
        to_training = recipient.training_after == "click" or not recipient.has_landing
        where = sim_path("training" if to_training else "landing", lid)
        await _reply(scope, send, 302, headers=[(b"location", where.encode())])

    async def honeypot(self, scope: Scope, receive: Receive, send: Send, lid: str) -> None:
        recipient = await self._who(lid)
        if recipient is not None:
            self._record(scope, recipient, "honeypot")
        await _reply(scope, send, 200, BLANK, [_HTML])

    async def landing(self, scope: Scope, receive: Receive, send: Send, lid: str) -> None:
        recipient = await self._who(lid)
        if recipient is None:
            await _not_found(scope, send)
            return
        self._record(scope, recipient, "landing")
        if not recipient.has_landing:
            await _reply(scope, send, 302, headers=[(b"location", sim_path("training", lid).encode())])
            return
        day = local_date(utcnow(), recipient.lang)
        parts = self._page(recipient, lid, day)
        if parts is None:
            parts = await asyncio.to_thread(self._render, recipient, lid, day)
        nonce = secrets.token_urlsafe(18)
        script = (
            f'<script nonce="{nonce}">{BEACON_JS.format(url=json.dumps(sim_path("beacon", lid)))}</script>'
        )
        body = (parts[0] + script + parts[1]).encode()
        csp = (b"content-security-policy", LANDING_CSP.format(nonce=nonce).encode())
        await _reply(scope, send, 200, body, [_HTML, csp])

    async def submit(self, scope: Scope, receive: Receive, send: Send, lid: str) -> None:
        recipient = await self._who(lid)
        if recipient is None:
            await _not_found(scope, send)
            return
        request = Request(scope, receive)
        try:
            declared = int(request.headers.get("content-length", "0"))
        except ValueError:
            await _reply(scope, send, 400)
            return
        if declared > SUBMIT_LIMIT:
            await _too_large(scope, send)
            return
        body = bytearray()
        try:
            async for chunk in request.stream():
                body += chunk
                if len(body) > SUBMIT_LIMIT:
                    await _too_large(scope, send)
                    return
        except ClientDisconnect:  # gone before the form was whole: nothing was submitted
            return
        names = _field_names(bytes(body), request.headers.get("content-type", ""))
        del body  # the values go no further than this function
        fields = submitted(dict.fromkeys(names[:MAX_FIELDS], "")).fields
        self._record(scope, recipient, "submit", {FIELDS_HEADER: ",".join(fields)})
        await _reply(scope, send, 303, headers=[(b"location", sim_path("training", lid).encode())])

    async def beacon(self, scope: Scope, receive: Receive, send: Send, lid: str) -> None:
        recipient = await self._who(lid)
        if recipient is None:
            await _reply(scope, send, 404)
            return
        self._record(scope, recipient, "beacon")
        await _reply(scope, send, 204)

    # -- landing pages -------------------------------------------------------------------------

    def _page(self, r: Recipient, lid: str, day: str) -> tuple[str, str] | None:
        """The recipient's page from its template's skeleton (no parsing), or None when the
        skeleton cannot serve it (rendered then per recipient, off the loop)."""
        with self._pages_lock:
            skeleton = self._skeletons.get((r.template, r.lang, day))
            if skeleton is None:
                skeleton = self._skeletons[(r.template, r.lang, day)] = _Skeleton.build(
                    self.recorder.templates[r.template], r.lang, day
                )
                while len(self._skeletons) > SKELETONS:
                    del self._skeletons[next(iter(self._skeletons))]
            if skeleton.parts is None:
                parts = self._pages.get((r.id, day))
                if parts is not None:
                    self._pages.move_to_end((r.id, day))
                return parts
        return skeleton.fill(_values(r, lid, day))

    def _render(self, r: Recipient, lid: str, day: str) -> tuple[str, str]:
        template = self.recorder.templates[r.template]
        page = render_landing(template, r.lang, _values(r, lid, day))
        parts = landing_parts(page, submit=sim_path("submit", lid))
        with self._pages_lock:
            self._pages[(r.id, day)] = parts
            while len(self._pages) > PAGE_CACHE:
                self._pages.popitem(last=False)
        return parts


def _values(r: Recipient, lid: str, day: str) -> dict[str, str]:
    return {
        "name": r.name or r.address.split("@", 1)[0],
        "email": r.address,
        "department": r.department,
        "manager": r.manager,
        "company": r.company,
        "date": day,
        "link": sim_path("submit", lid),
    }


def _mark(name: str) -> str:
    # private-use characters: neither the templates nor HTML give them any meaning
    return f"\ue000{name}\ue001"


class _Skeleton:
    """A template's landing page rendered once (passwords removed, forms rewritten) with a
    marker for each variable; a recipient's page is the skeleton with the markers replaced by
    the recipient's values, HTML-escaped as :func:`render_landing` escapes them. Not for a
    template that puts a variable in an input tag: whether an input is a password field may
    depend on it, so such a page is rendered per recipient."""

    def __init__(self, parts: tuple[str, str] | None, names: tuple[str, ...]) -> None:
        self.parts = parts
        self.names = names

    @classmethod
    def build(cls, template: Template, lang: str, day: str) -> _Skeleton:
        values = {name: _mark(name) for name in VARIABLES}
        values["date"] = day
        page = render_landing(template, lang, values)
        parts = landing_parts(page, submit=_mark("link"))
        text = "".join(parts)
        if re.search(r"<input[^>]*\ue000", text, re.I):
            return cls(None, ())
        return cls(parts, tuple(n for n in sorted(VARIABLES) if _mark(n) in text))

    def fill(self, values: dict[str, str]) -> tuple[str, str]:
        assert self.parts is not None
        before, after = self.parts
        for name in self.names:
            value = html.escape(values.get(name, ""))
            before = before.replace(_mark(name), value)
            after = after.replace(_mark(name), value)
        return before, after


def _field_names(body: bytes, content_type: str) -> list[str]:
    """The names of a submitted form's fields, in order, without repeats; values are dropped
    here."""
    if content_type.lower().startswith("multipart/form-data"):
        found = [m.decode("utf-8", "replace") for m in _MULTIPART_NAME.findall(body)]
    else:
        found = [k for k, _v in parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)]
    return list(dict.fromkeys(found))


class TrackingApp(Starlette):
    """A Starlette app whose tracking routes are answered before its router is asked: the
    training pages (``web/sim_pages.py``) are its ordinary routes."""

    def __init__(self, tracker: Tracker, routes: list[BaseRoute]) -> None:
        super().__init__(routes=routes)
        self.tracker = tracker

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (found := self.tracker.endpoint(scope)) is not None:
            scope["app"] = self
            await self.tracker(scope, receive, send, *found)
            return
        await super().__call__(scope, receive, send)


def create_tracking_app(
    settings: Settings, store: Store, *, recorder: HitRecorder | None = None
) -> Starlette:
    """The tracking endpoints and the training pages, to be mounted at ``/t``. ``recorder``:
    one made with other limits (tests, benchmarks); by default one with the documented ones.
    Call :func:`close_tracking` on shutdown (mounted apps get no lifespan events)."""
    recorder = recorder or HitRecorder(store)
    tracker = Tracker(secret_key(settings), recorder)
    app = TrackingApp(tracker, [*sim_pages.routes])
    app.state.settings = settings
    app.state.store = store
    app.state.link_key = tracker.key
    app.state.recorder = recorder
    app.state.tracker = tracker
    return app


def _recorder_of(app: Any) -> HitRecorder | None:
    found = getattr(getattr(app, "state", None), "recorder", None)
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


class ServerApp:
    """The tracking app alone: ``/t/…`` to it (as the console mounts it), anything else 404;
    its recorder closed on shutdown (the lifespan). Plain ASGI: a Starlette app with one Mount
    cost a tenth of a hit."""

    def __init__(self, tracking: Starlette) -> None:
        self.tracking = tracking
        self.state = tracking.state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        path: str = scope.get("path", "")
        if scope["type"] in ("http", "websocket") and (path == "/t" or path.startswith("/t/")):
            root = scope.get("root_path", "")
            child = {**scope, "root_path": root + "/t", "app_root_path": scope.get("app_root_path", root)}
            await self.tracking(child, receive, send)
            return
        if scope["type"] == "http":
            await _not_found(scope, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await asyncio.to_thread(close_tracking, self.tracking)
                await send({"type": "lifespan.shutdown.complete"})
                return


def create_server_app(settings: Settings, store: Store, *, recorder: HitRecorder | None = None) -> ServerApp:
    """The tracking app alone, at ``/t`` (the URLs of the console), its recorder closed on
    shutdown."""
    return ServerApp(create_tracking_app(settings, store, recorder=recorder))
