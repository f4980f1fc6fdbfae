"""The sending providers' webhooks, mounted at ``/hooks`` (public: each request is believed only
once its provider's verification passes — ``deliverability/providers``).

==========================  ===================================================================
``POST /hooks/<provider>``  ``ses`` (SNS), ``sendgrid``, ``postmark``, ``resend``, ``mailgun``;
                            ``?domain=D`` names the sending domain for providers whose events
                            do not (SendGrid)
==========================  ===================================================================

Answers: 200 with ``{"stored", "duplicates", "ignored": {why: count}}`` once the events are in
the store (a provider retries anything else, so nothing is acknowledged before it is kept);
404 for a provider that is not configured; 405 for another method; 413 for a body over the
provider's limit (cut off while read, before anything parses it); 400, 401 or 403 for a
request that is malformed, not signed by the provider (or replayed outside its window, or a
Mailgun token seen before), from a topic or network not allowed — and then nothing of it is
stored; 502 when an SNS subscription could not be
confirmed; 503 when the store cannot take the events (the provider sends them again later).

Plain ASGI, answered without Starlette's router; verification of a signature is cheap and runs
on the loop (the SNS certificate is fetched once and cached), parsing and storing run on a
worker thread so a 1,000-event batch never holds the loop."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl

import orjson

from ..core.config import Settings
from ..core.errors import StoreError
from ..core.i18n import gettext as _
from ..core.store import Store
from ..deliverability.events import HookRequest, Parsed, Rejected
from ..deliverability.providers import Verifier, configured
from ..deliverability.store import Stored, store_events

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

#: the largest body any provider's route reads (the console's BodyLimits bounds /hooks/ by it)
MAX_BODY = 10 * 1024 * 1024
#: the largest query string read (``?domain=``)
MAX_QUERY = 1024
_HEADERS = [
    (b"content-type", b"application/json"),
    (b"cache-control", b"no-store"),
    (b"x-content-type-options", b"nosniff"),
]


class _TooLarge(Exception):
    pass


def _domains(settings: Settings) -> frozenset[str]:
    return frozenset(d.strip().lower().rstrip(".") for d in settings.sending_domains.split(",") if d.strip())


def known_domain(domain: str, domains: frozenset[str]) -> bool:
    """``domain`` is a sending domain of the installation or below one (``news.example.co.jp``
    under ``example.co.jp``); every domain is when none are set."""
    if not domains:
        return True
    d = domain.lower().rstrip(".")
    while d:
        if d in domains:
            return True
        d = d.partition(".")[2]
    return False


def keep(parsed: Parsed, domains: frozenset[str]) -> Parsed:
    """Drop (and count) the events of domains that are not the installation's."""
    if not domains:
        return parsed
    kept = [e for e in parsed.events if known_domain(e.domain, domains)]
    dropped = len(parsed.events) - len(kept)
    if dropped:
        parsed.ignored["unknown-domain"] += dropped
    parsed.events = kept
    return parsed


async def _reply(send: Send, status: int, payload: dict[str, Any]) -> None:
    body = orjson.dumps(payload)
    headers = [*_HEADERS, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _error(send: Send, status: int, message: str) -> None:
    await _reply(send, status, {"error": {"code": status, "message": message}})


async def _read(scope: Scope, receive: Receive, limit: int) -> bytes:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                if int(value) > limit:
                    raise _TooLarge
            except ValueError:
                break
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ConnectionError("client went away")
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _TooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _headers(scope: Scope) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in scope.get("headers", ()):
        key = name.decode("latin-1").lower()
        text = value.decode("latin-1")
        out[key] = f"{out[key]}, {text}" if key in out else text
    return out


class HooksApp:
    """``/hooks/<provider>``. ``verifiers``: the providers by name (default: those whose
    secrets are set in ``settings``)."""

    def __init__(
        self, settings: Settings, store: Store, verifiers: dict[str, Verifier] | None = None
    ) -> None:
        self.settings = settings
        self.store = store
        #: providers whose secrets are set but unusable (a key that does not parse): answered
        #: 503 with the reason, so the provider retries once the setting is fixed
        self.broken: dict[str, str] = {}
        self.verifiers = configured(settings, self.broken) if verifiers is None else verifiers
        for name, why in self.broken.items():
            log.error("webhook %s is not usable: %s", name, why)
        self.domains = _domains(settings)
        self.counts: Counter[str] = Counter()  # answers by status, for the console and tests

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        path: str = scope["path"]
        root: str = scope.get("root_path", "")
        if root and path.startswith(root):
            path = path[len(root) :]
        name = path.strip("/")
        if name in self.broken:
            await _error(
                send, 503, _("This webhook's secret is set but cannot be used; see the server's log.")
            )
            self.counts["503"] += 1
            return
        status = await self._answer(scope, receive, send, self.verifiers.get(name))
        self.counts[str(status)] += 1

    async def _answer(self, scope: Scope, receive: Receive, send: Send, verifier: Verifier | None) -> int:
        if verifier is None:
            await _error(send, 404, _("No webhook for this provider is configured."))
            return 404
        if scope["method"] != "POST":
            await _error(send, 405, _("Webhooks are posted (POST)."))
            return 405
        try:
            body = await _read(scope, receive, min(verifier.max_body, MAX_BODY))
        except _TooLarge:
            await _error(send, 413, _("The request body is larger than this webhook accepts."))
            return 413
        except ConnectionError:
            return 499
        query = scope.get("query_string", b"")[:MAX_QUERY].decode("latin-1")
        client = scope.get("client") or ("", 0)
        req = HookRequest(
            provider=verifier.name,
            body=body,
            headers=_headers(scope),
            client_ip=str(client[0]),
            query=dict(parse_qsl(query)),
            received=datetime.now(UTC),
        )
        try:
            await verifier.verify(req)
            parsed, stored = await asyncio.to_thread(self._keep, verifier, req)
            if parsed.confirm_url:
                await verifier.confirm(parsed.confirm_url)
        except Rejected as exc:
            log.warning(
                "webhook %s from %s refused (%d): %s", verifier.name, req.client_ip, exc.status, exc.reason
            )
            await _error(send, exc.status, exc.reason)
            return exc.status
        except StoreError as exc:
            log.error("webhook %s: the store cannot take the events: %s", verifier.name, exc)
            await _error(send, 503, _("The events could not be stored; send them again later."))
            return 503
        await _reply(
            send,
            200,
            {"stored": stored.stored, "duplicates": stored.duplicates, "ignored": dict(parsed.ignored)},
        )
        return 200

    def _keep(self, verifier: Verifier, req: HookRequest) -> tuple[Parsed, Stored]:
        """Parse and store (a worker thread)."""
        parsed = keep(verifier.parse(req), self.domains)
        return parsed, store_events(self.store, parsed.events, received=req.received)
