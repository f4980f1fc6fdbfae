"""What runs beside the console for simulations, on threads of its own (the event loop never
waits for it):

- the campaign sender (``sender.CampaignSender``): what is due, handed to the relay;
- every ``interval`` seconds, for each campaign sent or sending in the last ``active_days``:
  the classification pass over new raw hits and the reports of simulations
  (``classify.refresh``, which also queues the webhook events of first human clicks, submits
  and reports); then the due webhook deliveries (``webhooks.deliver_due``);
- once a day: the retention limit on raw hits (``retention.run``).

A failure of one turn (the database away, a webhook receiver down) is logged and the next turn
tries again; :meth:`SimulationWorker.stop` ends the loop between two steps."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Self

from sqlalchemy import or_, select
from sqlalchemy.exc import SQLAlchemyError

from ..core.background import Background
from ..core.config import Settings
from ..core.errors import StoreError
from ..core.store import Store
from ..core.store.models import utcnow
from . import classify, retention, webhooks
from .models import SimCampaign
from .sender import CampaignSender

log = logging.getLogger("mailwarden.simulate")

INTERVAL = 30.0
#: campaigns finished longer ago than this are not refreshed by the worker (their figures are
#: refreshed when someone looks at them)
ACTIVE_DAYS = 30
RETENTION_EVERY = 24 * 3600.0


def active_campaigns(store: Store, days: int = ACTIVE_DAYS) -> list[int]:
    since = utcnow() - timedelta(days=days)
    with store.session() as s:
        query = select(SimCampaign.id).where(
            SimCampaign.status.in_(("running", "paused", "done", "stopped")),
            or_(SimCampaign.finished_at.is_(None), SimCampaign.finished_at >= since),
        )
        return list(s.scalars(query))


def turn(store: Store, settings: Settings) -> dict[str, int]:
    """One turn of the periodic work; counts of what it did."""
    rules = classify.rules_for(settings)
    refreshed = 0
    for campaign_id in active_campaigns(store):
        classify.refresh(store, campaign_id, rules=rules)
        refreshed += 1
    delivered = webhooks.deliver_due(store, settings)
    return {"campaigns": refreshed, "webhooks": delivered["attempted"]}


class SimulationWorker(Background):
    """The sender and the periodic work, started and stopped with the console."""

    name = "mailwarden-simulations"

    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        interval: float = INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store, self.settings, self.interval, self.clock = store, settings, interval, clock
        self.sender = CampaignSender(store, settings)
        self._last_retention: float | None = None
        #: turns completed (tests wait on it)
        self.turns = 0
        self.done = threading.Condition()
        super().__init__()

    def run(self) -> None:
        while not self.stopping.is_set():
            try:
                turn(self.store, self.settings)
                now = self.clock()
                if self._last_retention is None or now - self._last_retention >= RETENTION_EVERY:
                    retention.run(self.store, self.settings)
                    self._last_retention = now
            except (StoreError, SQLAlchemyError, OSError) as exc:
                log.warning("simulations: this turn failed, the next one tries again: %s", exc)
            with self.done:
                self.turns += 1
                self.done.notify_all()
            self.stopping.wait(self.interval)

    def start(self) -> Self:
        self.sender.start()
        return super().start()

    def stop(self, timeout: float = 60.0) -> None:
        self.stopping.set()
        self.sender.stop(timeout)
        super().stop(timeout)
