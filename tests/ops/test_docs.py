"""docs/operations.md names every metric the console, the gateway and the job workers expose,
and the settings and options that turn them on."""

from __future__ import annotations

from pathlib import Path

from mailwarden.core.store import open_store
from mailwarden.gateway.metrics import GatewayMetrics
from mailwarden.tasks.worker import WorkerMetrics
from mailwarden.web.ops import OpsEndpoints

DOC = (Path(__file__).resolve().parents[2] / "docs" / "operations.md").read_text()


def names(registry) -> set[str]:
    found = set()
    for family in registry.collect():
        for sample in family.samples:
            if not sample.name.endswith(("_bucket", "_count", "_sum", "_created")):
                found.add(sample.name)
        if family.type == "histogram":
            found.add(family.name)
    return found


def test_every_metric_is_documented(tmp_path):
    spool = tmp_path / "spool"
    gateway = GatewayMetrics(spool, lambda: 0)
    store = open_store(url=f"sqlite:///{tmp_path / 'mw.db'}")
    console = OpsEndpoints(lambda *a: None, store=store, spool_dir=spool, token=None)  # type: ignore[arg-type]
    console.requests.labels("GET", "/login", "200").inc()
    console.latency.labels("GET", "/login").observe(0.01)
    (spool / "held").mkdir(parents=True)
    worker = WorkerMetrics()
    worker.finished("survey", "ok", 1.5, 250)
    worker.retried.inc()
    exposed = names(gateway.registry) | names(console.registry) | names(worker.registry)
    assert "mailwarden_worker_jobs_total" in exposed
    assert "mailwarden_gateway_messages_total" in exposed and "mailwarden_http_requests_total" in exposed
    missing = sorted(n for n in exposed if f"`{n}`" not in DOC)
    assert not missing, f"document these in docs/operations.md: {missing}"


def test_the_switches_are_documented():
    for switch in (
        "MAILWARDEN_METRICS_TOKEN",
        "MAILWARDEN_LOG_FORMAT",
        "--metrics-listen",
        "--log-format",
        "/readyz",
        "MAILWARDEN_JOBS",
        "--stalled-after",
        "mailwarden-worker.service",
    ):
        assert switch in DOC
