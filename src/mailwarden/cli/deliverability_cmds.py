"""``mailwarden deliverability``: the sending providers' events — rates against the receivers'
thresholds, bounce reasons, recipients to suppress, alerts, Google Postmaster Tools."""

from __future__ import annotations

import csv
import sys
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any

import typer

from ..core.i18n import gettext as _
from ..core.render import to_json
from .common import LangOpt, fail, out, use_language
from .localise import LocalisedGroup

deliverability_app = typer.Typer(
    cls=LocalisedGroup,
    help=_("Deliverability: bounce and complaint rates, alerts, Postmaster Tools"),
    no_args_is_help=True,
)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


DomainOpt = Annotated[str | None, typer.Option("--domain", help=_("Sending domain."))]
DaysOpt = Annotated[
    int, typer.Option("--days", min=1, max=366, help=_("Days to look back (today included)."))
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f")]


def _window(days: int) -> tuple[date, date]:
    until = datetime.now(UTC).date()
    return until - timedelta(days=days - 1), until


def _csv(header: list[str], rows: list[list[Any]]) -> None:
    w = csv.writer(sys.stdout)
    w.writerow(header)
    w.writerows(rows)


def _pct(x: float) -> str:
    return f"{x * 100:.2f}%"


def _store() -> Any:
    from ..core.errors import ConfigError
    from ..core.store import open_store

    try:
        return open_store()
    except ConfigError as exc:
        raise fail(str(exc)) from exc


@deliverability_app.command("rates")
def rates_cmd(
    domain: DomainOpt = None,
    provider: Annotated[str | None, typer.Option("--provider", help=_("Sending provider."))] = None,
    days: DaysOpt = 7,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
) -> None:
    """Bounce, complaint, deferral and unsubscribe rates against the thresholds.

    Exits 1 when a rate is at warning or critical."""
    use_language(lang)
    from ..deliverability.rates import rates

    since, until = _window(days)
    report = rates(
        _store(), domain=domain, provider=provider, since=since, until=until, with_days=fmt != Format.table
    )
    if fmt == Format.json:
        sys.stdout.write(to_json(report.to_dict()) + "\n")
    elif fmt == Format.csv:
        header = [
            "domain",
            "provider",
            "day",
            "denominator",
            "basis",
            "bounce_rate",
            "hard_bounce_rate",
            "complaint_rate",
            "deferral_rate",
            "unsubscribe_rate",
            "too_few",
        ]
        rows = []
        for p in report.pairs:
            for d in p.days:
                f = d.figures
                rows.append(
                    [
                        p.domain,
                        p.provider,
                        d.day.isoformat(),
                        f.denominator,
                        f.basis,
                        f.bounce_rate,
                        f.hard_bounce_rate,
                        f.complaint_rate,
                        f.deferral_rate,
                        f.unsubscribe_rate,
                        f.too_few,
                    ]
                )
        _csv(header, rows)
    else:
        from rich.table import Table

        table = Table()
        for c in (
            _("Domain"),
            _("Provider"),
            _("Messages"),
            _("Bounces"),
            _("Hard"),
            _("Complaints"),
            _("Deferrals"),
            _("Unsubscribes"),
            _("Level"),
        ):
            table.add_column(c)
        for p in report.pairs:
            f = p.figures
            level = _(p.level) + (f" ({_('too few messages to judge')})" if f.too_few else "")
            table.add_row(
                p.domain,
                p.provider,
                str(f.denominator),
                f"{_pct(f.bounce_rate)} {p.trends['bounce_rate']}",
                _pct(f.hard_bounce_rate),
                f"{_pct(f.complaint_rate)} {p.trends['complaint_rate']}",
                _pct(f.deferral_rate),
                _pct(f.unsubscribe_rate),
                level,
            )
        out.print(table)
        for p in report.pairs:
            for a in p.assessments:
                if a.level != "ok":
                    out.print(f"{p.domain} {p.provider}: {a.explanation} {a.action}")
    if report.level in ("warning", "critical"):
        raise typer.Exit(1)


@deliverability_app.command("reasons")
def reasons_cmd(
    domain: DomainOpt = None, days: DaysOpt = 7, fmt: FormatOpt = Format.table, lang: LangOpt = None
) -> None:
    """Bounce reasons grouped by meaning, most frequent first."""
    use_language(lang)
    from ..deliverability.reasons import top_reasons

    since, until = _window(days)
    groups = top_reasons(_store(), domain=domain, since=since, until=until)
    if fmt == Format.json:
        sys.stdout.write(to_json([g.to_dict() for g in groups]) + "\n")
    elif fmt == Format.csv:
        _csv(
            ["group", "count", "title", "examples"],
            [[g.id, g.count, g.title, " | ".join(g.examples)] for g in groups],
        )
    else:
        for g in groups:
            out.print(f"[bold]{g.title}[/bold] ({g.count})", highlight=False)
            out.print(f"  {g.advice}", highlight=False)
            for e in g.examples:
                out.print(f"  - {e}", highlight=False, markup=False)


@deliverability_app.command("suppressions")
def suppressions_cmd(domain: DomainOpt = None, fmt: FormatOpt = Format.table, lang: LangOpt = None) -> None:
    """Recipients to suppress: hard bounces, complaints, unsubscribes, soft bounces 3 times over 3 days."""
    use_language(lang)
    from ..deliverability.suppressions import suppressions

    found = suppressions(_store(), domain=domain)
    if fmt == Format.json:
        sys.stdout.write(to_json([s.to_dict() for s in found]) + "\n")
    elif fmt == Format.csv:
        _csv(
            ["recipient", "why", "at", "count"],
            [[s.recipient, s.why, s.at.isoformat(), s.count] for s in found],
        )
    else:
        from rich.table import Table

        table = Table()
        for c in (_("Recipient"), _("Why"), _("Latest"), _("Count")):
            table.add_column(c)
        for s in found:
            table.add_row(s.recipient, s.why, s.at.isoformat(timespec="seconds"), str(s.count))
        out.print(table)


@deliverability_app.command("alerts")
def alerts_cmd(
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=_("Show the alerts without sending or storing them."))
    ] = False,
    lang: LangOpt = None,
) -> None:
    """Evaluate the rates and send the alerts not sent yet (mail and signed webhook)."""
    use_language(lang)
    from ..core.config import get_settings
    from ..deliverability.alerts import check_alerts

    alerts = check_alerts(_store(), get_settings(), now=datetime.now(UTC), dry_run=dry_run, lang=lang or "ja")
    for a in alerts:
        state = ", ".join(f"{k}: {v}" for k, v in a.channels.items())
        out.print(
            f"{a.day} {a.domain} {a.provider} {a.metric} {_(a.level)} {_pct(a.rate)} {state}",
            highlight=False,
            markup=False,
        )
    if not alerts:
        out.print(_("No alert to send."))


@deliverability_app.command("postmaster")
def postmaster_cmd(
    days: Annotated[int, typer.Option("--days", min=1, max=120, help=_("Days to import."))] = 14,
    lang: LangOpt = None,
) -> None:
    """Import Google Postmaster Tools (API v2) figures of the domains the service account may read."""
    use_language(lang)
    import httpx

    from ..core.config import get_settings
    from ..core.errors import ConfigError
    from ..deliverability.postmaster import PostmasterError, import_postmaster

    try:
        result = import_postmaster(_store(), get_settings(), days=days)
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    except (PostmasterError, httpx.HTTPError, OSError, ValueError) as exc:
        label = _("Postmaster Tools could not be read")
        out.print(f"{label}: {exc}", highlight=False, markup=False)
        raise typer.Exit(3) from exc
    out.print(
        _("{n} days imported for {domains}").format(n=result.days, domains=", ".join(result.domains) or "-"),
        highlight=False,
    )
    for domain, why in result.errors.items():
        out.print(f"{domain}: {why}", highlight=False, markup=False)
    if result.errors:
        raise typer.Exit(3)
