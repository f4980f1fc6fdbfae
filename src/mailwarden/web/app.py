"""The web console: server-rendered pages, each with a JSON twin under /api/. The routes live
in ``web/routes/`` (one module per feature); what they share is the app's ``Console``."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from urllib.parse import urlsplit

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..core import sessions
from ..core.config import Settings, get_settings
from ..core.metrics import metrics_token
from ..core.store import Store, open_store
from ..reports.feedback_send import BackgroundSender
from ..simulate.worker import SimulationWorker
from . import cors, errors
from .console import HERE, Console
from .hooks import HooksApp
from .limits import BodyLimits
from .ops import OpsEndpoints
from .routes import (
    account,
    campaigns,
    cloud,
    dashboard,
    deliverability,
    dlp,
    dmarc,
    dmarc_reports,
    domains,
    gateway,
    jobs,
    leaks,
    messages,
    pqc,
    remediation,
    reports,
    sender,
    surveys,
    users,
)
from .security import LanguageAndHeaders
from .tracking import close_tracking, create_tracking_app

ROUTERS = (
    account,
    dashboard,
    domains,
    surveys,
    jobs,
    dmarc,
    dmarc_reports,
    messages,
    dlp,
    gateway,
    users,
    reports,
    remediation,
    campaigns,
    leaks,
    cloud,
    deliverability,
    pqc,
    sender,
)


def trusted_hosts(settings: Settings) -> list[str]:
    if settings.trusted_hosts.strip():
        return [h.strip() for h in settings.trusted_hosts.split(",") if h.strip()]
    own = urlsplit(settings.console_url).hostname or "127.0.0.1"
    # the simulations' tracking links may name a host of their own (MAILWARDEN_SIM_URL)
    sim = urlsplit(settings.sim_url).hostname if settings.sim_url.strip() else None
    return sorted({own, "localhost", "127.0.0.1", "::1", *([sim] if sim else [])})


Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]


def background(store: Store, settings: Settings, *, simulations: bool) -> Lifespan:
    """What runs on threads of this process beside the console, never on the event loop:
    with a feedback relay set, the feedback outbox's sender; with ``simulations`` (``mailwarden
    serve``), the campaign sender and the simulations' periodic work. At shutdown each stops
    between two steps, and the tracking server's queued hits are stored."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        sender = BackgroundSender(store, settings).start() if settings.feedback_relay.strip() else None
        worker = SimulationWorker(store, settings).start() if simulations else None
        app.state.feedback_sender = sender
        app.state.simulation_worker = worker
        try:
            yield
        finally:
            if sender is not None:
                await asyncio.to_thread(sender.stop)
            if worker is not None:
                await asyncio.to_thread(worker.stop)
            await asyncio.to_thread(close_tracking, app)

    return lifespan


def create_app(
    settings: Settings | None = None, *, store: Store | None = None, simulations: bool = False
) -> FastAPI:
    """The console. ``simulations``: also send campaigns and refresh their figures in the
    background (``mailwarden serve`` does; tests that build an app need not)."""
    settings = settings or get_settings()
    store = store or open_store(settings)
    console = Console.build(settings, store)
    app = FastAPI(
        title="mailwarden",
        version=__version__,
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=background(store, settings, simulations=simulations),
    )
    app.state.console = console
    app.state.store = store
    app.state.settings = settings
    app.state.jobs = console.jobs
    app.add_middleware(LanguageAndHeaders, settings=settings)
    # a request naming another host is refused (400): nothing built from Host can point elsewhere
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=trusted_hosts(settings))
    # bodies bounded while read, and no body read without a session (inside the session layer)
    app.add_middleware(BodyLimits, store=store, refuse=errors.refuse)
    app.add_middleware(
        SessionMiddleware,
        secret_key=console.secret,
        session_cookie="mw_session",
        max_age=int(sessions.ABSOLUTE.total_seconds()),
        same_site="strict",
        # Secure when the console is reached over HTTPS (MAILWARDEN_CONSOLE_URL)
        https_only=settings.console_url.lower().startswith("https://"),
    )
    app.add_middleware(cors.ReportCors)  # POST /api/reports from MAILWARDEN_REPORT_ORIGINS only
    # outermost: /metrics, /healthz and /readyz (for machines, before the host check); every
    # request counted and timed
    app.add_middleware(OpsEndpoints, store=store, spool_dir=settings.spool_dir(), token=metrics_token())
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    # simulations' tracking links, landing and training pages (public: reached by link id)
    app.mount("/t", create_tracking_app(settings, store), name="tracking")
    # the sending providers' webhooks (public: each request verified by its provider)
    app.mount("/hooks", HooksApp(settings, store), name="hooks")
    # errors as pages for browsers, as {"error": {"code", "message"}} for API clients
    errors.install(app)
    for module in ROUTERS:
        app.include_router(module.router)
    return app
