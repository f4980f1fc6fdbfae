"""``mailwarden campaign tracking-server``: the simulations' tracking server alone (pixel,
links, landing and training pages), for exposing it without the console."""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..core.i18n import gettext as _
from .campaign_cmds import campaign_app
from .common import err

if TYPE_CHECKING:
    import uvicorn

__all__ = ["campaign_app", "tracking_server", "uvicorn_config"]

#: the port when neither --port nor a setting says (the console's is 8000)
DEFAULT_PORT = 8001


def uvicorn_config(app: Any, host: str, port: int) -> uvicorn.Config:
    """How the tracking server runs: the client address is the socket peer's
    (``proxy_headers`` off: uvicorn would otherwise believe ``X-Forwarded-For`` from
    127.0.0.1), and no access log (every hit is stored already; logging each costs a third
    of the rate)."""
    import uvicorn

    return uvicorn.Config(
        app, host=host, port=port, log_level="warning", access_log=False, proxy_headers=False, lifespan="on"
    )


@campaign_app.command("tracking-server")
def tracking_server(
    host: Annotated[
        str | None, typer.Option("--host", help=_("Address to listen on (default: the console's host)."))
    ] = None,
    port: Annotated[
        int, typer.Option("--port", help=_("Port to listen on (0: any free port)."))
    ] = DEFAULT_PORT,
    per_address_rate: Annotated[
        float,
        typer.Option(
            "--per-address-rate",
            help=_("Tracking hits one address may have stored per second, sustained (0: no limit)."),
        ),
    ] = 20.0,
    per_address_burst: Annotated[
        int,
        typer.Option("--per-address-burst", help=_("Tracking hits one address may have stored at once.")),
    ] = 600,
) -> None:
    """Run the tracking server alone (tracking links, landing and training pages under /t/)."""
    import uvicorn

    from ..core.config import get_settings
    from ..core.store import open_store
    from ..simulate.hits import HitRecorder
    from ..web.tracking import create_server_app

    # the event loop shares the interpreter with the hit writer's thread: let it have the GIL
    # back within 1 ms of wanting it, not the default 5 (the p99 latency, docs/benchmarks.md)
    sys.setswitchinterval(0.001)
    settings = get_settings()
    store = open_store(settings)
    recorder = HitRecorder(store, rate=per_address_rate, burst=per_address_burst)
    app = create_server_app(settings, store, recorder=recorder)
    # what is loaded now lives as long as the process: out of the cyclic collector's sight,
    # a full collection takes well under a millisecond instead of ~100 ms stopping every
    # request (the p99 latency, docs/benchmarks.md)
    gc.collect()
    gc.freeze()
    try:
        # on Ctrl-C or SIGTERM uvicorn stops gracefully (the lifespan stores what is queued),
        # then raises the signal again: the counts are printed on the way out
        config = uvicorn_config(app, host or settings.host, port)
        sock = config.bind_socket()
        # listening from now: a client that connects before the server runs waits in the
        # backlog instead of being refused, so the line below means "ready" (port 0: any)
        sock.listen(config.backlog)
        bound = sock.getsockname()
        where = f"[{bound[0]}]" if ":" in bound[0] else bound[0]
        said = _("Tracking server: http://{where}:{port}/t/").format(where=where, port=bound[1])
        err.print(said, markup=False, highlight=False, soft_wrap=True)
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        recorder.close()  # the lifespan closed it; this covers a server that never started
        stats = recorder.snapshot()
        err.print(
            _(
                "Tracking hits: {stored} stored, {flood} not stored (over the per-address limit), "
                "{failed} failed, {unknown} unknown ids."
            ).format(
                stored=stats.stored, flood=stats.dropped_flood, failed=stats.failed, unknown=stats.unknown
            ),
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
