"""``mailwarden campaign …``: phishing-awareness simulations — the organisation's domains,
targets and groups, the lure templates, sending profiles, campaigns (create, start, pause,
resume, stop, list, show) and sending."""

from __future__ import annotations

import asyncio
import re
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..core.errors import ConfigError, InputError
from ..core.i18n import gettext as _
from ..core.render import to_json
from .common import NameserverOpt, err, fail, out, print_rows

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

JsonOpt = Annotated[bool, typer.Option("--json", help=_("Print JSON."))]
LangOpt = Annotated[str, typer.Option("--lang", help=_("Template language: ja or en."))]


def _store() -> Store:
    from ..core.config import get_settings
    from ..core.store import open_store

    return open_store(get_settings())


@domain_app.command("add")
def domain_add(domain: Annotated[str, typer.Argument(help=_("A domain of the organisation."))]) -> None:
    """Add a domain and print the TXT record that verifies it."""
    from ..simulate.domains import add_domain

    st = add_domain(domain, store=_store())
    out.print(
        _("Publish this TXT record, then run 'mailwarden campaign domain verify {domain}':").format(
            domain=st.domain
        )
    )
    sys.stdout.write(f'{st.record_name}. TXT "{st.record_value}"\n')


@domain_app.command("verify")
def domain_verify(
    domain: Annotated[str, typer.Argument(help=_("The domain to verify."))],
    nameserver: NameserverOpt = None,
) -> None:
    """Look up the domain's verification record."""
    from ..simulate.domains import verify_domain
    from .common import resolver_or_exit

    resolver = resolver_or_exit(nameserver)
    v = asyncio.run(verify_domain(domain, store=_store(), resolver=resolver))
    if not v.verified:
        raise fail(_("{domain} is not verified: {reason}").format(domain=v.domain, reason=v.reason))
    out.print(_("{domain} is verified").format(domain=v.domain))


@domain_app.command("list")
def domain_list(as_json: JsonOpt = False) -> None:
    """The organisation's domains and whether they are verified."""
    from ..simulate.domains import list_domains

    rows = [asdict(d) for d in list_domains(store=_store())]
    print_rows(
        rows,
        as_json,
        [_("Domain"), _("Verified"), _("Last checked"), _("TXT record")],
        lambda r: [r["domain"], str(r["verified_at"] or "-"), str(r["checked_at"] or "-"), r["record_value"]],
        empty=_("No domains yet."),
    )


@targets_app.command("import")
def targets_import(
    file: Annotated[Path, typer.Argument(help=_("CSV file: name, address, department, manager."))],
    dry_run: Annotated[bool, typer.Option("--dry-run", help=_("Check the file, import nothing."))] = False,
    as_json: JsonOpt = False,
) -> None:
    """Import targets from a CSV file (UTF-8, Shift_JIS or UTF-16; English or Japanese headers)."""
    from ..simulate.targets import MAX_BYTES, import_targets

    if not file.is_file():
        raise fail(_("not a regular file"))
    with file.open("rb") as fh:
        data = fh.read(MAX_BYTES + 1)
    try:
        r = import_targets(data, store=_store(), dry_run=dry_run)
    except InputError as exc:
        raise fail(str(exc)) from exc
    if as_json:
        sys.stdout.write(to_json(asdict(r)) + "\n")
        return
    out.print(
        _("imported: {imported}, updated: {updated}, duplicates: {dup}, refused: {refused}").format(
            imported=r.imported, updated=r.updated, dup=len(r.duplicates), refused=len(r.refused)
        )
    )
    if dry_run:
        out.print(_("(dry run: nothing was written)"))
    for d in r.duplicates:
        out.print(_("duplicate, imported once: {address}").format(address=d))
    for x in r.refused:
        out.print(
            _("line {line}: {address} refused: {reason}").format(
                line=x.line, address=x.address, reason=x.reason
            )
        )


@targets_app.command("list")
def targets_list(
    group: Annotated[str | None, typer.Option("--group", help=_("Only this group."))] = None,
    as_json: JsonOpt = False,
) -> None:
    """The targets."""
    from ..simulate.targets import list_targets

    rows = [asdict(t) for t in list_targets(store=_store(), group=group)]
    print_rows(
        rows,
        as_json,
        [_("Name"), _("Address"), _("Group"), _("Manager")],
        lambda r: [r["name"], r["address"], r["group"] or "-", r["manager"] or "-"],
        empty=_("No targets."),
    )


@groups_app.command("list")
def groups_list(as_json: JsonOpt = False) -> None:
    """The groups and how many targets each has."""
    from ..simulate.targets import list_groups

    rows = [{"group": g, "targets": n} for g, n in list_groups(store=_store())]
    print_rows(
        rows,
        as_json,
        [_("Group"), _("Targets")],
        lambda r: [r["group"], str(r["targets"])],
        empty=_("No groups."),
    )


@templates_app.command("list")
def templates_list(lang: LangOpt = "ja", as_json: JsonOpt = False) -> None:
    """The shipped lure templates."""
    from ..simulate.templates import load_templates

    rows = [
        {"id": t.id, "category": t.category, "difficulty": t.difficulty, "subject": t.part(lang).subject}
        for t in load_templates().values()
    ]
    print_rows(
        rows,
        as_json,
        [_("Template id"), _("Category"), _("Difficulty"), _("Subject")],
        lambda r: [r["id"], r["category"], r["difficulty"], r["subject"]],
    )


@templates_app.command("show")
def templates_show(
    template_id: Annotated[str, typer.Argument(help=_("Template id."))],
    lang: LangOpt = "ja",
    as_json: JsonOpt = False,
) -> None:
    """One template: sender, subject, body, attachments and landing page."""
    from ..simulate.templates import load_templates

    t = load_templates().get(template_id)
    if t is None:
        raise fail(_("no template {id}").format(id=template_id))
    p = t.part(lang)
    if as_json:
        sys.stdout.write(to_json({"id": t.id, "lang": lang, **asdict(p)}) + "\n")
        return
    sys.stdout.write(f"From: {p.sender_name}\nSubject: {p.subject}\n\n{p.body}\n")
    for a in p.attachments:
        sys.stdout.write(f"[{a.filename} ({a.content_type})]\n")
    if p.landing:
        sys.stdout.write(f"\n--- landing ---\n{p.landing}\n")


# -- sending profiles, campaigns, sending --------------------------------------------------------
profile_app = typer.Typer(
    help=_("Sending profiles: the SMTP relay a campaign's mail goes through."), no_args_is_help=True
)
campaign_app.add_typer(profile_app, name="profile")

CampaignArg = Annotated[str, typer.Argument(help=_("Campaign id or name."))]


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


@profile_app.command("add")
def profile_add(
    name: Annotated[str, typer.Argument(help=_("Profile name."))],
    relay: Annotated[str, typer.Option("--relay", help=_("SMTP relay HOST[:PORT]."))],
    mail_from: Annotated[str, typer.Option("--from", help=_("Sender address of the campaign's mail."))],
    security: Annotated[
        str, typer.Option("--security", help=_("starttls, tls or none (none only to a loopback relay)."))
    ] = "starttls",
    username: Annotated[str, typer.Option("--username", help=_("Relay login."))] = "",
    password_env: Annotated[
        str,
        typer.Option(
            "--password-env", help=_("Environment variable holding the relay password (never stored).")
        ),
    ] = "",
    as_json: JsonOpt = False,
) -> None:
    """Add a sending profile."""
    from ..simulate.campaigns import add_profile

    try:
        p = add_profile(
            name,
            relay,
            mail_from=mail_from,
            security=security,
            username=username,
            password_env=password_env,
            store=_store(),
        )
    except (InputError, ConfigError) as exc:
        raise fail(str(exc)) from exc
    if as_json:
        sys.stdout.write(to_json(asdict(p)) + "\n")
        return
    out.print(_("sending profile {name} added").format(name=p.name))


@profile_app.command("list")
def profile_list(as_json: JsonOpt = False) -> None:
    """The sending profiles."""
    from ..simulate.campaigns import list_profiles

    rows = [asdict(p) for p in list_profiles(store=_store())]
    print_rows(
        rows,
        as_json,
        [_("Name"), _("Relay"), _("Security"), _("Username"), _("Password variable"), _("From")],
        lambda r: [
            r["name"],
            r["relay"],
            r["security"],
            r["username"] or "-",
            r["password_env"] or "-",
            r["mail_from"],
        ],
        empty=_("No sending profiles."),
    )


@profile_app.command("remove")
def profile_remove(name: Annotated[str, typer.Argument(help=_("Profile name."))]) -> None:
    """Remove a sending profile no campaign uses."""
    from ..simulate.campaigns import remove_profile

    try:
        remove_profile(name, store=_store())
    except InputError as exc:
        raise fail(str(exc)) from exc
    out.print(_("sending profile {name} removed").format(name=name))


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
            store=_store(),
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
        v = schedule(campaign, start_at=start, send_by=end, store=_store())
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
        v = action(campaign, store=_store())
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

    rows = [asdict(v) for v in list_campaigns(store=_store())]
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
        v = get_campaign(campaign, store=_store())
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

    store, settings = _store(), _settings()
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
