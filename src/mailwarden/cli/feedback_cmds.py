"""``mailwarden reports feedback …``: the feedback outbox (thank-you and outcome mails to
reporters) listed and sent."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from ..core.errors import ConfigError, InputError
from ..core.i18n import gettext as _
from ..core.render import to_json, to_jsonl
from ..core.timefmt import local_datetime
from .common import err, fail, out, print_rows
from .reports_cmds import JsonOpt, reports_app

if TYPE_CHECKING:
    from ..reports.feedback_send import Run

feedback_app = typer.Typer(
    help=_("Feedback mails to reporters: a thank-you on intake, the outcome when resolved."),
    no_args_is_help=True,
)
reports_app.add_typer(feedback_app, name="feedback")


def _summary(run: Run) -> str:
    return _("Sent {sent}, to retry {retry}, failed {failed}, skipped {skipped}.").format(
        sent=run.sent, retry=run.retry, failed=run.failed, skipped=run.skipped
    )


def _as_dict(run: Run) -> dict[str, object]:
    return {
        "sent": run.sent,
        "retry": run.retry,
        "failed": run.failed,
        "skipped": run.skipped,
        "relay_down": run.relay_down,
        "last_error": run.last_error,
    }


@feedback_app.command("send")
def feedback_send(
    relay: Annotated[
        str | None,
        typer.Option("--relay", help=_("SMTP relay HOST[:PORT] (default: MAILWARDEN_FEEDBACK_RELAY).")),
    ] = None,
    watch_: Annotated[bool, typer.Option("--watch", help=_("Keep sending as mails fall due."))] = False,
    interval: Annotated[
        float, typer.Option("--interval", min=1.0, help=_("Seconds between passes with --watch."))
    ] = 15.0,
    as_json: JsonOpt = False,
) -> None:
    """Send the feedback mails that are due through the SMTP relay (retried later when it is down)."""
    import signal
    import threading

    from ..core.config import get_settings
    from ..core.mailout import RelayConfig
    from ..core.store import open_store
    from ..reports.feedback_send import deliver_all, watch

    settings = get_settings()
    try:
        config = RelayConfig.from_settings(settings, relay)
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    store = open_store(settings)
    if not watch_:
        run = deliver_all(store, settings, relay=config)
        if as_json:
            sys.stdout.write(to_json(_as_dict(run)) + "\n")
        else:
            out.print(_summary(run), highlight=False)
        if run.relay_down:
            err.print(
                _("The relay could not be reached ({error}); the mails wait for the next attempt.").format(
                    error=run.last_error
                ),
                highlight=False,
            )
            raise typer.Exit(1)
        return
    stop = threading.Event()

    def stopping(*_args: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, stopping)
    signal.signal(signal.SIGINT, stopping)

    def show(run: Run) -> None:
        if as_json:  # one line a pass (JSON Lines)
            sys.stdout.write(to_jsonl([_as_dict(run)]))
            sys.stdout.flush()
        else:
            out.print(_summary(run), highlight=False)

    settings = settings.model_copy(update={"feedback_relay": relay or settings.feedback_relay})
    watch(store, settings, stop, interval=interval, report=show)


@feedback_app.command("list")
def feedback_list(
    status: Annotated[
        str | None, typer.Option("--status", help=_("pending, sending, sent, failed or skipped"))
    ] = None,
    report: Annotated[int | None, typer.Option("--report", help=_("Only this report's mails."))] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=10000)] = 100,
    as_json: JsonOpt = False,
) -> None:
    """List feedback mails, newest first."""
    from ..core.store import open_store
    from ..reports.outbox import list_feedback

    try:
        rows = list_feedback(open_store(), status=status, report_id=report, limit=limit)
    except InputError as exc:
        raise fail(str(exc)) from exc
    print_rows(
        rows,
        as_json,
        (_("ID"), _("Report"), _("Reporter"), _("Kind"), _("Status"), _("Attempts"), _("When"), _("Error")),
        lambda r: (
            str(r["id"]),
            str(r["report_id"]),
            r["reporter"],
            r["kind"],
            r["status"],
            str(r["attempts"]),
            local_datetime(r["sent_at"] or r["next_attempt_at"])
            if r["sent_at"] or r["next_attempt_at"]
            else "-",
            r["last_error"][:80],
        ),
    )


def _when(at: str | None) -> str:
    return local_datetime(at) if at else "-"
