"""The tracking server of phishing simulations: pixel, links, honeypot, landing page, submit
and beacon (``simulate/urls.py``), plus the training pages (``web/sim_pages.py``). Public:
reached by link id, no login. Mounted at ``/t`` in the console, or served alone."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.routing import BaseRoute

from ..core.config import Settings
from ..core.store import Store
from . import sim_pages


def create_tracking_app(settings: Settings, store: Store) -> Starlette:
    routes: list[BaseRoute] = [*sim_pages.routes]
    app = Starlette(routes=routes)
    app.state.settings = settings
    app.state.store = store
    return app
