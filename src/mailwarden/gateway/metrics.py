"""The gateway's Prometheus metrics (docs/operations.md), kept by the parent process: the
screening workers return an outcome and the parent counts it on the event loop, so the counts
are whole with any number of ``--scan-processes``. Labels are outcomes and statuses only,
never an address, a subject or a rule's evidence."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from ..core.metrics import LATENCY_BUCKETS
from .spool import STATES, Spool

__all__ = ["OUTCOMES", "GatewayMetrics", "SpoolDepth"]

#: what became of a message the MTA handed over: a disposition of the policy (deliver, delay,
#: hold, block), ``malformed`` (refused: bare CR or LF) or ``tempfail`` (451: the spool)
OUTCOMES = ("deliver", "delay", "hold", "block", "malformed", "tempfail")
#: what became of one recipient of a relay attempt
RELAY_STATUSES = ("sent", "deferred", "bounced")


class SpoolDepth(Collector):
    """Messages in each of the spool's queues, counted at scrape time (one directory listing
    each); nothing when there is no spool yet (the console need not run beside a gateway)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def collect(self) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily(
            "mailwarden_gateway_spool_messages",
            "Messages in the gateway spool, by queue (queue, held, delayed, failed).",
            labels=["state"],
        )
        if self.root.is_dir():
            spool = Spool(self.root)
            for state in STATES:
                family.add_metric([state], len(spool.ids(state)))
        yield family


class GatewayMetrics:
    def __init__(self, spool_root: Path, pending_incidents: Callable[[], int]) -> None:
        self.registry = CollectorRegistry()
        self.received = Counter(
            "mailwarden_gateway_messages_received",
            "Messages the MTA handed over (end of DATA).",
            registry=self.registry,
        )
        self.messages = Counter(
            "mailwarden_gateway_messages",
            "Messages by what became of them: deliver, delay, hold, block, malformed, tempfail.",
            ["outcome"],
            registry=self.registry,
        )
        self.recipients = Counter(
            "mailwarden_gateway_relay_recipients",
            "Recipients of relay attempts, by status: sent, deferred, bounced.",
            ["status"],
            registry=self.registry,
        )
        self.screen_seconds = Histogram(
            "mailwarden_gateway_screen_duration_seconds",
            "Time to screen one message against the policy (timeouts and failures included).",
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.spool_full = Counter(
            "mailwarden_gateway_spool_full_refusals",
            "MAIL FROM answered 451 because the spool had no room (before any message data).",
            registry=self.registry,
        )
        self.screen_failures = Counter(
            "mailwarden_gateway_screen_failures",
            "Screens that failed or timed out (the message is held).",
            registry=self.registry,
        )
        pending = Gauge(
            "mailwarden_gateway_incidents_pending",
            "Incidents waiting to be written to the database (grows while it is down).",
            registry=self.registry,
        )
        pending.set_function(lambda: float(pending_incidents()))
        # every series from the start, at zero: a rate() over a fresh process needs no gap
        for outcome in OUTCOMES:
            self.messages.labels(outcome)
        for status in RELAY_STATUSES:
            self.recipients.labels(status)
        self.registry.register(SpoolDepth(spool_root))
