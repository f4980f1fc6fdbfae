"""``mailwarden campaign …`` (results): metrics, raw hits, CSV export, assignments, retention
and webhooks. Registered on the ``campaign`` group of ``campaign_cmds``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..core.errors import InputError
from ..core.i18n import gettext as _
from ..core.render import to_json
from .campaign_cmds import JsonOpt, campaign_app
from .common import fail, out, print_rows

if TYPE_CHECKING:
    from ..core.config import Settings
    from ..core.store import Store
    from ..reports.metrics import Durations
    from ..simulate.figures import Figures, KindCount

__all__ = ["campaign_app"]

webhook_app = typer.Typer(help=_("Webhooks: campaign events posted to other systems."), no_args_is_help=True)
campaign_app.add_typer(webhook_app, name="webhook")

CampaignArg = Annotated[int, typer.Argument(help=_("The campaign's ID."), min=1)]
MinFailuresOpt = Annotated[
    int,
    typer.Option(
        "--min-failures",
        min=1,
        help=_("Campaigns failed (a click or a submission) that make a repeat offender."),
    ),
]


def _settings() -> Settings:
    from ..core.config import get_settings

    return get_settings()


def _store() -> Store:
    from ..core.store import open_store

    return open_store(_settings())


def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f} %"


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 3600:
        return _("{n} min").format(n=round(seconds / 60, 1))
    if seconds < 172800:
        return _("{n} h").format(n=round(seconds / 3600, 1))
    return _("{n} days").format(n=round(seconds / 86400, 1))


def _kind_rows(f: Figures) -> list[tuple[str, KindCount]]:
    return [(_("Opened"), f["opened"]), (_("Clicked"), f["clicked"]), (_("Submitted"), f["submitted"])]


def _print_figures(f: Figures, title: str) -> None:
    from rich.table import Table

    t = Table(title=title)
    for col in (_("Action"), _("People"), _("Rate"), _("Raw: recipients"), _("Raw: rate"), _("Raw: hits")):
        t.add_column(col)
    for name, k in _kind_rows(f):
        t.add_row(
            name,
            str(k["human"]),
            _pct(k["rate"]),
            str(k["raw_recipients"]),
            _pct(k["raw_rate"]),
            str(k["raw_hits"]),
        )
    t.add_row(_("Reported the mail"), str(f["reported"]), _pct(f["report_rate"]), "", "", "")
    out.print(t)
    times: list[tuple[str, Durations]] = [
        (_("Time to click"), f["time_to_click"]),
        (_("Time to report"), f["time_to_report"]),
    ]
    for name, value in (
        (_("Sent"), f"{f['sent']} / {f['recipients']}"),
        (_("Failures (human click or submission)"), f"{f['failures']} ({_pct(f['failure_rate'])})"),
        (_("Resilience (reported ÷ failures)"), "—" if f["resilience"] is None else f"{f['resilience']:.2f}"),
        (_("Trained"), str(f["trained"])),
        (_("Completed"), str(f["completed"])),
        *(
            (name, _("median {median}, 90th percentile {p90} ({n} people)").format(
                median=_duration(d["median_seconds"]), p90=_duration(d["p90_seconds"]), n=d["count"]
            ))
            for name, d in times
        ),
    ):  # fmt: skip
        out.print(f"[bold]{name}:[/bold] {value}", highlight=False)


@campaign_app.command("metrics")
def campaign_metrics_cmd(
    campaign: CampaignArg,
    as_json: JsonOpt = False,
    by_department: Annotated[
        bool, typer.Option("--by-department", help=_("Figures per department."))
    ] = False,
) -> None:
    """A campaign's figures: people (human) beside the raw counts, automated hits by reason,
    time to click and to report; new hits are classified and reports counted first."""
    from ..simulate import classify, figures

    settings = _settings()
    try:
        m = figures.campaign_metrics(_store(), campaign, rules=classify.rules_for(settings))
    except InputError as exc:
        raise fail(str(exc)) from exc
    if as_json:
        sys.stdout.write(to_json(m) + "\n")
        return
    c = m["campaign"]
    out.print(f"[bold]{c['name']}[/bold] (#{c['id']}, {c['status']})", highlight=False)
    _print_figures(m["figures"], _("People, beside the raw counts"))
    auto = m["automated"]
    out.print(
        _("Automated hits: {n} (pending: {pending})").format(n=auto["hits"], pending=auto["pending_hits"]),
        highlight=False,
    )
    for code, n in auto["by_reason"].items():
        out.print(f"  {code}: {n}", highlight=False)
    if by_department:
        print_rows(
            m["departments"],
            False,
            (
                _("Department"),
                _("Sent"),
                _("Clicked"),
                _("Submitted"),
                _("Reported the mail"),
                _("Resilience"),
            ),
            lambda d: (
                d["department"] or "—",
                str(d["figures"]["sent"]),
                f"{d['figures']['clicked']['human']} ({_pct(d['figures']['clicked']['rate'])})",
                f"{d['figures']['submitted']['human']} ({_pct(d['figures']['submitted']['rate'])})",
                f"{d['figures']['reported']} ({_pct(d['figures']['report_rate'])})",
                "—" if d["figures"]["resilience"] is None else f"{d['figures']['resilience']:.2f}",
            ),
        )


def _verdict(human: bool | None) -> str:
    return _("pending") if human is None else _("human") if human else _("automated")


@campaign_app.command("hits")
def campaign_hits(
    campaign: CampaignArg,
    automated: Annotated[bool, typer.Option("--automated", help=_("Only the automated hits."))] = False,
    human: Annotated[bool, typer.Option("--human", help=_("Only the human hits."))] = False,
    limit: Annotated[int, typer.Option("--limit", min=1, max=10000)] = 200,
    offset: Annotated[int, typer.Option("--offset", min=0)] = 0,
    as_json: JsonOpt = False,
) -> None:
    """A campaign's raw hits with their classification and every reason."""
    from ..core.timefmt import local_datetime
    from ..simulate import classify, listings

    if automated and human:
        raise fail(_("--automated and --human exclude each other"))
    store, settings = _store(), _settings()
    try:
        classify.refresh(store, campaign, rules=classify.rules_for(settings))
        page = listings.list_hits(
            store, campaign, human=False if automated else True if human else None, limit=limit, offset=offset
        )
    except InputError as exc:
        raise fail(str(exc)) from exc
    if as_json:
        sys.stdout.write(to_json(page) + "\n")
        return
    print_rows(
        page["hits"],
        False,
        (
            _("Time"),
            _("Recipient"),
            _("Kind"),
            _("Method"),
            _("IP address"),
            _("Classification"),
            _("Reasons"),
        ),
        lambda h: (
            local_datetime(h["at"]),
            h["address"],
            h["kind"],
            h["method"],
            h["ip"] or "—",
            _verdict(h["human"]),
            "\n".join(r["text"] for r in h["reasons"]) or "—",
        ),
        empty=_("No hits."),
    )
    out.print(
        _("{shown} of {total} hits").format(shown=len(page["hits"]), total=page["total"]), highlight=False
    )


@campaign_app.command("export")
def campaign_export(
    campaign: CampaignArg,
    output: Annotated[Path, typer.Option("--output", "-o", help=_("The CSV file to write."))],
) -> None:
    """One row per recipient, pseudonymised (no names, no addresses), UTF-8 with BOM for Excel."""
    from ..core.secretkey import secret_key
    from ..simulate import classify, listings

    settings = _settings()
    store = _store()
    try:
        classify.refresh(store, campaign, rules=classify.rules_for(settings))
        data = listings.export_csv(store, campaign, secret_key(settings), update_first=False)
    except InputError as exc:
        raise fail(str(exc)) from exc
    output.write_text(data, encoding="utf-8", newline="")
    rows = data.count("\r\n") - 1
    out.print(_("{n} recipients written to {file}").format(n=rows, file=output), highlight=False)


@campaign_app.command("offenders")
def campaign_offenders(
    min_failures: MinFailuresOpt = 2,
    assign: Annotated[
        bool,
        typer.Option("--assign", help=_("Assign training to each (once per person and campaign).")),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Repeat offenders: people who clicked or submitted in several campaigns."""
    from ..simulate import offenders

    store = _store()
    result = offenders.assign_repeat_offenders(store, min_failures=min_failures) if assign else None
    rows = offenders.repeat_offenders(store, min_failures=min_failures)
    if as_json:
        doc: Any = {"offenders": rows, "assigned": result} if assign else rows
        sys.stdout.write(to_json(doc) + "\n")
        return
    print_rows(
        rows,
        False,
        (_("Name"), _("Address"), _("Department"), _("Failures"), _("Campaigns"), _("Training assigned")),
        lambda r: (
            r["name"],
            r["address"],
            r["department"] or "—",
            str(r["failures"]),
            ", ".join(f"#{c}" for c in r["campaigns"]),
            (_("completed") if r["assignment_completed_at"] else _("yes")) if r["assigned"] else _("no"),
        ),
        empty=_("No repeat offenders."),
    )
    if result is not None:
        out.print(_("{n} training assignments made.").format(n=result["created"]), highlight=False)


@campaign_app.command("purge")
def campaign_purge(
    older_than: Annotated[
        int | None,
        typer.Option("--older-than", min=0, help=_("Days (default: MAILWARDEN_SIM_RETENTION_DAYS).")),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Empty the address, user agent and headers of raw hits past the retention limit (their
    classification is kept)."""
    from ..simulate import classify, retention

    settings = _settings()
    days = settings.sim_retention_days if older_than is None else older_than
    got = retention.purge(_store(), days=days, rules=classify.rules_for(settings))
    if as_json:
        sys.stdout.write(to_json(got) + "\n")
        return
    out.print(
        _("{n} hits older than {days} days emptied (address, user agent, headers).").format(
            n=got["hits"], days=days
        ),
        highlight=False,
    )
    if got["deliveries"]:
        out.print(_("{n} webhook deliveries done with deleted.").format(n=got["deliveries"]), highlight=False)


@campaign_app.command("survey")
def campaign_survey(campaign: CampaignArg, as_json: JsonOpt = False) -> None:
    """Invite everyone the campaign was sent to (not only those who failed) to its survey: one
    mail each, in the campaign's language, through its sending profile."""
    from ..core.errors import ConfigError
    from ..simulate.survey_invite import invite

    try:
        got = invite(_store(), _settings(), campaign)
    except (InputError, ConfigError) as exc:
        raise fail(str(exc)) from exc
    if as_json:
        sys.stdout.write(to_json({"sent": got.sent, "failed": got.failed}) + "\n")
    else:
        out.print(_("{n} survey invitations sent.").format(n=got.sent), highlight=False)
        for address, why in got.failed.items():
            out.print(f"  {address}: {why}", highlight=False)
    if got.failed:
        raise typer.Exit(1)


@campaign_app.command("trend")
def campaign_trend(as_json: JsonOpt = False) -> None:
    """One row per campaign, oldest first: how the figures move over campaigns."""
    from ..core.timefmt import local_date
    from ..simulate import figures

    rows = figures.trend(_store())
    print_rows(
        rows,
        as_json,
        (
            _("Campaign"),
            _("Start"),
            _("Sent"),
            _("Clicked"),
            _("Submitted"),
            _("Reported the mail"),
            _("Resilience"),
            _("Raw click rate"),
        ),
        lambda r: (
            f"#{r['campaign']['id']} {r['campaign']['name']}",
            local_date(r["campaign"]["start_at"] or r["campaign"]["created_at"]),
            str(r["sent"]),
            _pct(r["click_rate"]),
            _pct(r["submit_rate"]),
            _pct(r["report_rate"]),
            "—" if r["resilience"] is None else f"{r['resilience']:.2f}",
            _pct(r["raw_click_rate"]),
        ),
        empty=_("No campaigns."),
    )


# -- webhooks ----------------------------------------------------------------------------------
@webhook_app.command("add")
def webhook_add(
    url: Annotated[str, typer.Argument(help=_("https:// URL (http:// to this machine only)."))],
    event: Annotated[
        list[str] | None,
        typer.Option("--event", "-e", help=_("An event to send; repeat for several (default: all).")),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Add a webhook; its signing secret is shown this once."""
    from ..simulate import webhooks

    try:
        made = webhooks.add_webhook(_store(), url, event or [])
    except InputError as exc:
        raise fail(str(exc)) from exc
    if as_json:
        sys.stdout.write(to_json(made) + "\n")
        return
    out.print(
        _("Webhook {id} added for {url}.").format(id=made["webhook"]["id"], url=made["webhook"]["url"]),
        highlight=False,
    )
    out.print(
        _("Its secret, shown only now (receivers check X-Mailwarden-Signature with it):"), highlight=False
    )
    sys.stdout.write(made["secret"] + "\n")


@webhook_app.command("list")
def webhook_list(as_json: JsonOpt = False) -> None:
    """Webhooks and their deliveries (never the secrets)."""
    from ..simulate import webhooks

    print_rows(
        webhooks.list_webhooks(_store()),
        as_json,
        (_("ID"), _("URL"), _("Events"), _("Enabled"), _("Pending"), _("Sent"), _("Failed"), _("Last error")),
        lambda w: (
            str(w["id"]),
            w["url"],
            ", ".join(w["events"]) or _("all"),
            _("yes") if w["enabled"] else _("no"),
            str(w["pending"]),
            str(w["sent"]),
            str(w["failed"]),
            w["last_error"] or "—",
        ),
        empty=_("No webhooks."),
    )


WebhookArg = Annotated[int, typer.Argument(help=_("The webhook's ID."), min=1)]


@webhook_app.command("remove")
def webhook_remove(webhook: WebhookArg) -> None:
    """Remove a webhook and its deliveries."""
    from ..simulate import webhooks

    try:
        webhooks.remove_webhook(_store(), webhook)
    except InputError as exc:
        raise fail(str(exc)) from exc
    out.print(_("Webhook {id} removed.").format(id=webhook), highlight=False)


@webhook_app.command("disable")
def webhook_disable(webhook: WebhookArg) -> None:
    """Stop sending to a webhook (nothing new is queued for it)."""
    _enable(webhook, False)


@webhook_app.command("enable")
def webhook_enable(webhook: WebhookArg) -> None:
    """Send to a webhook again."""
    _enable(webhook, True)


def _enable(webhook: int, enabled: bool) -> None:
    from ..simulate import webhooks

    try:
        webhooks.set_enabled(_store(), webhook, enabled)
    except InputError as exc:
        raise fail(str(exc)) from exc
    said = _("Webhook {id} enabled.") if enabled else _("Webhook {id} disabled.")
    out.print(said.format(id=webhook), highlight=False)


@webhook_app.command("deliver")
def webhook_deliver(
    limit: Annotated[
        int, typer.Option("--limit", min=1, max=10000, help=_("Deliveries to attempt at most."))
    ] = 100,
    as_json: JsonOpt = False,
) -> None:
    """Post the deliveries that are due now, one attempt each (the background worker does this
    too)."""
    from ..simulate import webhooks

    got = webhooks.deliver_due(_store(), _settings(), limit=limit)
    if as_json:
        sys.stdout.write(to_json(got) + "\n")
        return
    out.print(
        _("{attempted} attempted: {sent} delivered, {retrying} to retry, {failed} given up.").format(**got),
        highlight=False,
    )
