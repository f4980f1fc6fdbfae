"""``mailwarden campaign …``: phishing-awareness simulations — the ``campaign`` group and its
sub-groups, the options they share, and campaigns (create, start, pause, resume, stop, list,
show) and sending. The organisation's set-up (domains, targets, groups, templates, sending
profiles) is in ``campaign_setup_cmds``; results in ``campaign_results_cmds``."""

from __future__ import annotations

import re
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Annotated

import typer

from ..core.errors import ConfigError, InputError
from ..core.i18n import gettext as _
from ..core.render import to_json
from .common import err, fail, out, print_rows

if TYPE_CHECKING:
    from ..core.config import Settings
    from ..core.store import Store
    from ..simulate.campaigns import CampaignView
    from ..simulate.sender import SendStats

campaign_app = typer.Typer(help=_("Phishing-awareness simulations."), no_args_is_help=True)
domain_app = typer.Typer(
    help=_("The organisation's domains (verified by a DNS TXT token)."), no_args_is_help=True
)
targets_app = typer.Typer(help=_("Simulation targets."), no_args_is_help=True)
groups_app = typer.Typer(help=_("Groups of targets (departments)."), no_args_is_help=True)
templates_app = typer.Typer(help=_("Lure templates."), no_args_is_help=True)
campaign_app.add_typer(domain_app, name="domain")
campaign_app.add_typer(targets_app, name="targets")
campaign_app.add_typer(groups_app, name="groups")
campaign_app.add_typer(templates_app, name="templates")

profile_app = typer.Typer(
    help=_("Sending profiles: the SMTP relay a campaign's mail goes through."), no_args_is_help=True
)
campaign_app.add_typer(profile_app, name="profile")

CampaignArg = Annotated[str, typer.Argument(help=_("Campaign id or name."))]

JsonOpt = Annotated[bool, typer.Option("--json", help=_("Print JSON."))]
LangOpt = Annotated[str, typer.Option("--lang", help=_("Template language: ja or en."))]


def campaign_store() -> Store:
    """The store the settings name (opened per command)."""
    from ..core.config import get_settings
    from ..core.store import open_store

    return open_store(get_settings())


def _when(value: str | None, option: str) -> datetime | None:
    """An ISO time from the command line; without a zone it is the reader's (JST in Japanese)."""
    if value is None:
        return None
    from ..core.timefmt import reader_zone

    try:
        dt = datetime.fromisoformat(value.strip())
    except ValueError:
        raise fail(
            _("{option}: not an ISO time (e.g. 2026-12-07T09:00): {value}").format(option=option, value=value)
        ) from None
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=reader_zone())


_DURATION = re.compile(r"(\d+)\s*([smhd])")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(value: str) -> timedelta:
    """``90m``, ``2h``, ``1h30m``, ``2d`` → a timedelta; raises ValueError otherwise."""
    text = value.strip().lower().replace(" ", "")
    parts = _DURATION.findall(text)
    if not text or "".join(n + u for n, u in parts) != text:
        raise ValueError(value)
    seconds = sum(int(n) * _UNITS[u] for n, u in parts)
    if seconds <= 0:
        raise ValueError(value)
    return timedelta(seconds=seconds)


def _settings() -> Settings:
    from ..core.config import get_settings

    return get_settings()


def _time(value: datetime | None) -> str:
    from ..core.timefmt import local_datetime

    return local_datetime(value) if value is not None else "-"


def _print_campaign(v: CampaignView) -> None:
    out.print(_("Campaign {id}: {name}").format(id=v.id, name=v.name))
    rows = [
        (_("Status"), v.status),
        (_("Template"), f"{v.template} ({v.lang})"),
        (_("Sending profile"), v.profile),
        (_("Contact"), v.contact),
        (_("Base URL"), v.base_url),
        (_("Training after"), v.training_after),
        (_("Start"), _time(v.start_at)),
        (_("Send by"), _time(v.send_by)),
        (_("Finished"), _time(v.finished_at)),
        (_("Recipients"), str(v.recipients)),
    ]
    for label, value in rows:
        out.print(f"  {label}: {value}", highlight=False)
    counts = ", ".join(f"{k} {n}" for k, n in v.counts.items() if n)
    out.print(f"  {_('By status')}: {counts or '-'}", highlight=False)


def _campaign_json(v: CampaignView) -> str:
    return to_json(asdict(v))


@campaign_app.command("create")
def campaign_create(
    name: Annotated[str, typer.Argument(help=_("Campaign name."))],
    template: Annotated[str, typer.Option("--template", help=_("Template id."))],
    profile: Annotated[str, typer.Option("--profile", help=_("Sending profile."))],
    contact: Annotated[
        str, typer.Option("--contact", help=_("Who runs the exercise (an address), named in every mail."))
    ],
    group: Annotated[
        list[str] | None,
        typer.Option("--group", help=_("A group (department) to mail; repeat. Default: all targets.")),
    ] = None,
    lang: LangOpt = "ja",
    company: Annotated[str, typer.Option("--company", help=_("Company name used by the templates."))] = "",
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            help=_("Public base URL of the tracking links (default: MAILWARDEN_SIM_URL or the console URL)."),
        ),
    ] = None,
    training_after: Annotated[
        str | None,
        typer.Option("--training-after", help=_("What leads to the training page: click or submit.")),
    ] = None,
    survey: Annotated[
        bool, typer.Option("--survey", help=_("Ask for the survey after the training."))
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Create a campaign (a draft) from a template for groups of targets."""
    import getpass

    from ..simulate.campaigns import create_campaign

    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = ""
    try:
        v = create_campaign(
            name,
            template=template,
            profile=profile,
            contact=contact,
            groups=group,
            lang=lang,
            company=company,
            base_url=base_url,
            training_after=training_after,
            survey=survey,
            created_by=f"cli:{who}" if who else "cli",
            store=campaign_store(),
            settings=_settings(),
        )
    except (InputError, ConfigError) as exc:
        raise fail(str(exc)) from exc
    if as_json:
        sys.stdout.write(_campaign_json(v) + "\n")
        return
    out.print(
        _("campaign {name} created (id {id}): {n} recipients; start it with 'campaign start {id}'").format(
            name=v.name, id=v.id, n=v.recipients
        )
    )


@campaign_app.command("start")
def campaign_start(
    campaign: CampaignArg,
    at: Annotated[str | None, typer.Option("--at", help=_("Start time, ISO 8601 (default: now)."))] = None,
    send_by: Annotated[
        str | None,
        typer.Option("--send-by", help=_("Send everything by this time, ISO 8601 (spread evenly).")),
    ] = None,
    over: Annotated[
        str | None,
        typer.Option("--over", help=_("Spread the sending over this long from the start, e.g. 2h, 90m, 1d.")),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Schedule a draft campaign: its mail spread evenly from the start to the send-by time."""
    from ..core.store.models import utcnow
    from ..simulate.campaigns import schedule

    if send_by is not None and over is not None:
        raise fail(_("--send-by and --over cannot be used together"))
    start = _when(at, "--at")
    end = _when(send_by, "--send-by")
    if over is not None:
        try:
            end = (start or utcnow()) + parse_duration(over)
        except ValueError:
            raise fail(_("--over: not a duration (e.g. 2h, 90m, 1d): {value}").format(value=over)) from None
    try:
        v = schedule(campaign, start_at=start, send_by=end, store=campaign_store())
    except InputError as exc:
        raise fail(str(exc)) from exc
    if as_json:
        sys.stdout.write(_campaign_json(v) + "\n")
        return
    if v.send_by is not None:
        out.print(
            _("campaign {name} scheduled: {n} mails from {start} to {end}").format(
                name=v.name, n=v.recipients, start=_time(v.start_at), end=_time(v.send_by)
            )
        )
    else:
        out.print(
            _("campaign {name} scheduled: {n} mails from {start}").format(
                name=v.name, n=v.recipients, start=_time(v.start_at)
            )
        )
    out.print(_("mail is sent by the console's background sender or 'mailwarden campaign send --watch'"))


def _transition(action: Callable[..., CampaignView], campaign: str, done: str, as_json: bool) -> None:
    try:
        v = action(campaign, store=campaign_store())
    except InputError as exc:
        raise fail(str(exc)) from exc
    if as_json:
        sys.stdout.write(_campaign_json(v) + "\n")
        return
    out.print(done.format(name=v.name, status=v.status))


@campaign_app.command("pause")
def campaign_pause(campaign: CampaignArg, as_json: JsonOpt = False) -> None:
    """Pause sending (takes effect between two messages)."""
    from ..simulate.campaigns import pause

    _transition(pause, campaign, _("campaign {name} paused"), as_json)


@campaign_app.command("resume")
def campaign_resume(campaign: CampaignArg, as_json: JsonOpt = False) -> None:
    """Resume a paused campaign: what is left is spread over what is left of the window."""
    from ..simulate.campaigns import resume

    _transition(resume, campaign, _("campaign {name} resumed ({status})"), as_json)


@campaign_app.command("stop")
def campaign_stop(campaign: CampaignArg, as_json: JsonOpt = False) -> None:
    """Stop a campaign for good: mail not yet sent is cancelled."""
    from ..simulate.campaigns import stop

    _transition(stop, campaign, _("campaign {name} stopped"), as_json)


@campaign_app.command("list")
def campaign_list(as_json: JsonOpt = False) -> None:
    """The campaigns, newest first, with their recipients by status."""
    from ..simulate.campaigns import list_campaigns

    rows = [asdict(v) for v in list_campaigns(store=campaign_store())]
    print_rows(
        rows,
        as_json,
        [
            _("Campaign id"),
            _("Name"),
            _("Status"),
            _("Template"),
            _("Recipients"),
            _("Sent"),
            _("Failed"),
            _("Send by"),
        ],
        lambda r: [
            str(r["id"]),
            r["name"],
            r["status"],
            r["template"],
            str(r["recipients"]),
            str(r["counts"]["sent"]),
            str(r["counts"]["failed"]),
            _time(r["send_by"]),
        ],
        empty=_("No campaigns."),
    )


@campaign_app.command("show")
def campaign_show(campaign: CampaignArg, as_json: JsonOpt = False) -> None:
    """One campaign: status, window, recipients by status."""
    from ..simulate.campaigns import get_campaign

    try:
        v = get_campaign(campaign, store=campaign_store())
    except InputError as exc:
        raise fail(str(exc)) from exc
    if as_json:
        sys.stdout.write(_campaign_json(v) + "\n")
        return
    _print_campaign(v)


def _report(stats: SendStats) -> None:
    if not (stats.handed or stats.cancelled or stats.released or stats.relay_down or stats.errors):
        out.print(_("no campaign mail is due"))
        return
    out.print(
        _(
            "sent {sent}, to retry {retry}, failed {failed}, cancelled {cancelled} ({rate:.0f} mails/s)"
        ).format(
            sent=stats.sent,
            retry=stats.retry,
            failed=stats.failed,
            cancelled=stats.cancelled,
            rate=stats.rate,
        ),
        highlight=False,
    )
    for profile, reply in stats.relay_down.items():
        err.print(
            _("the relay of profile {name} is down, trying again later: {reply}").format(
                name=profile, reply=reply
            )
        )
    for name, why in stats.errors.items():
        err.print(_("campaign {name} is not sent: {reason}").format(name=name, reason=why))
    for name in stats.done:
        out.print(_("campaign {name} is done").format(name=name))


@campaign_app.command("send")
def campaign_send(
    watch: Annotated[
        bool, typer.Option("--watch", help=_("Keep sending as mail falls due, until Ctrl-C."))
    ] = False,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help=_("At most this many mails (one pass)."))
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, max=32, help=_("Parallel relay connections."))
    ] = 4,
    interval: Annotated[
        float,
        typer.Option("--interval", min=0.1, help=_("With --watch: seconds between two looks for due mail.")),
    ] = 2.0,
    as_json: JsonOpt = False,
) -> None:
    """Send the campaign mail that is due (once, or with --watch until stopped)."""
    from ..simulate import sender

    store, settings = campaign_store(), _settings()
    if not watch:
        if as_json or not out.is_terminal:
            stats = sender.send_due(store, settings, limit=limit, workers=workers)
        else:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            columns = (
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
            )
            with Progress(*columns, console=out, transient=True) as bar:
                task = bar.add_task(_("sending"), total=None)

                def show(done: int, due: int) -> None:
                    bar.update(task, completed=done, total=due or None)

                stats = sender.send_due(store, settings, limit=limit, workers=workers, progress=show)
        if as_json:
            sys.stdout.write(to_json({**asdict(stats), "handed": stats.handed, "rate": stats.rate}) + "\n")
        else:
            _report(stats)
        if stats.errors and not stats.handed:
            raise typer.Exit(2)
        return
    stop = threading.Event()

    def on_term(signum: int, frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_term)
    out.print(_("sending campaign mail as it falls due; Ctrl-C to stop"))
    try:
        sender.watch(store, settings, stop, interval=interval, workers=workers, report=_report)
    except KeyboardInterrupt:
        stop.set()
    out.print(_("stopped"))
