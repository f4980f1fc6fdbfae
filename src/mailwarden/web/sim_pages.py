"""The pages a simulation's recipient sees after failing: training (this message with its
tells marked), the quiz and the optional survey. Public (reached by link id, no login)."""

from __future__ import annotations

from starlette.routing import BaseRoute

routes: list[BaseRoute] = []
