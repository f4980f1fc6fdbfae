"""``mailwarden dmarc …``: ingest reports (files, directories, stdin)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..core.errors import InputError
from ..core.i18n import gettext as _
from ..core.render import WrappingTable, to_json
from ..core.sources import read_stdin
from ..core.store import open_store
from ..dmarc.ingest import REJECTED, Ingestor, Outcome, counts
from .common import (
    CaFileOpt,
    FolderOpt,
    ImapHostOpt,
    ImapPortOpt,
    ImapUserOpt,
    LangOpt,
    NameserverOpt,
    ProcessedFolderOpt,
    fail,
    out,
    resolver_or_exit,
    use_language,
)

dmarc_app = typer.Typer(
    help=_("DMARC aggregate and failure reports, SMTP TLS reports."), no_args_is_help=True
)


class IngestFormat(StrEnum):
    table = "table"
    json = "json"


@dmarc_app.command("ingest")
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help=_("Report files or directories ('-' for stdin)."), allow_dash=True)
    ],
    fmt: Annotated[IngestFormat, typer.Option("--format", "-f")] = IngestFormat.table,
    lang: LangOpt = None,
) -> None:
    """Store reports found in PATHS: XML, gzip, zip, JSON, mail, mbox or maildir, by content."""
    use_language(lang)
    ingestor = Ingestor(open_store())
    outcomes: list[Outcome] = []
    files = [p for p in paths if str(p) != "-"]
    # one call for all files: one session, committed in batches, not once per file
    outcomes.extend(ingestor.ingest_paths(files))
    if len(files) < len(paths):
        outcomes.extend(ingestor.ingest_bytes("stdin", _stdin()))
    summary = _show(outcomes, fmt)
    if summary[REJECTED] and not summary["stored"] and not summary["duplicate"]:
        raise typer.Exit(1)


def _show(outcomes: list[Outcome], fmt: IngestFormat) -> dict[str, int]:
    summary = counts(outcomes)
    if fmt is IngestFormat.json:
        print(to_json({"counts": summary, "outcomes": [o.to_dict() for o in outcomes]}), flush=True)
    else:
        t = WrappingTable(title=_("Reports"))
        for col in (_("Result"), _("Kind"), _("Domain"), _("Records"), _("Input file"), _("Reason")):
            t.add_column(col)
        labels = {"stored": _("stored"), "duplicate": _("duplicate"), "rejected": _("rejected")}
        for o in outcomes:
            t.add_row(
                labels[o.status], o.kind, o.domain, str(o.records), o.origin, o.reason or "; ".join(o.notes)
            )
        out.print(t)
        out.print(_("{stored} stored, {duplicate} duplicate, {rejected} rejected").format(**summary))
    return summary


class Security(StrEnum):
    tls = "tls"
    starttls = "starttls"
    plain = "plain"


@dmarc_app.command("fetch")
def fetch(
    imap_host: ImapHostOpt,
    imap_user: ImapUserOpt,
    imap_port: ImapPortOpt = None,
    security: Annotated[
        Security, typer.Option("--imap-security", help=_("tls (993), starttls (143) or plain."))
    ] = Security.tls,
    folder: FolderOpt = "INBOX",
    processed: ProcessedFolderOpt = "Processed",
    rejected: Annotated[
        str, typer.Option("--rejected-folder", help=_("Where messages without a usable report go."))
    ] = "Rejected",
    ca_file: CaFileOpt = None,
    watch_: Annotated[bool, typer.Option("--watch", help=_("Keep polling."))] = False,
    interval: Annotated[
        float, typer.Option("--interval", help=_("Seconds between polls with --watch."))
    ] = 300.0,
    fmt: Annotated[IngestFormat, typer.Option("--format", "-f")] = IngestFormat.table,
    lang: LangOpt = None,
) -> None:
    """Read report mail over IMAP, store the reports, move the messages."""
    import os
    import signal

    from ..core.errors import ConfigError
    from ..dmarc.imap import ImapSettings, fetch_once, watch

    use_language(lang)
    password = os.environ.get("MAILWARDEN_IMAP_PASSWORD")
    if not password:
        raise fail(_("Set the IMAP password in MAILWARDEN_IMAP_PASSWORD."))
    settings = ImapSettings(
        host=imap_host,
        user=imap_user,
        password=password,
        port=imap_port,
        security=security.value,
        folder=folder,
        processed_folder=processed,
        rejected_folder=rejected or None,
        ca_file=ca_file,
    )
    ingestor = Ingestor(open_store())
    if not watch_:
        try:
            outcomes = fetch_once(ingestor, settings)
        except ConfigError as exc:
            raise fail(str(exc)) from exc
        _show(outcomes, fmt)
        return
    stopping = False

    def stop(*_args: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for outcomes in watch(ingestor, settings, interval=interval, stop=lambda: stopping):
        _show(outcomes, fmt)


class SummaryFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@dmarc_app.command("summary")
def summary(
    domain: Annotated[str, typer.Argument(help=_("Domain whose reports to sum up."))],
    since: Annotated[str | None, typer.Option("--since", help=_("First day (YYYY-MM-DD)."))] = None,
    offline: Annotated[bool, typer.Option("--offline", help=_("No reverse DNS lookups."))] = False,
    nameserver: NameserverOpt = None,
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f")] = SummaryFormat.table,
    lang: LangOpt = None,
) -> None:
    """Pass rates by service and by source, each source classified, with the fixes."""
    import asyncio
    from datetime import UTC, datetime

    from ..dmarc.analysis import CLASS_LABELS, sources_csv, summarise

    use_language(lang)
    start = 0
    if since:
        try:
            start = int(datetime.strptime(since, "%Y-%m-%d").replace(tzinfo=UTC).timestamp())
        except ValueError as exc:
            raise fail(_("--since must be a date like 2026-01-31")) from exc
    resolver = None if offline else resolver_or_exit(nameserver)
    data = asyncio.run(summarise(open_store(), domain, since=start, resolver=resolver))
    if fmt is SummaryFormat.json:
        print(to_json(data))
        return
    if fmt is SummaryFormat.csv:
        print(sources_csv(data), end="")
        return
    t = data["totals"]
    out.print(
        _(
            "{domain}: {messages} messages, DMARC pass {pass_rate:.1%}, aligned DKIM {dkim:.1%}, "
            "aligned SPF {spf:.1%}"
        ).format(
            domain=domain,
            messages=t["messages"],
            pass_rate=t["dmarc_pass_rate"],
            dkim=t["dkim_aligned_rate"],
            spf=t["spf_aligned_rate"],
        )
    )
    table = WrappingTable(title=_("By service"))
    for col in (_("Service"), _("Sources"), _("Messages"), _("DMARC pass"), _("Classification"), _("Fix")):
        table.add_column(col)
    for row in data["by_service"]:
        table.add_row(
            row["service"] or "-",
            str(row["sources"]),
            str(row["messages"]),
            f"{row['dmarc_pass_rate']:.1%}",
            _(CLASS_LABELS[row["classification"]]),
            "\n".join(row["fixes"]),
        )
    out.print(table)
    src = WrappingTable(title=_("Sources (largest first)"))
    for col in (
        _("Source"),
        _("Reverse DNS"),
        _("Service"),
        _("Evidence"),
        _("Messages"),
        _("DMARC pass"),
        _("Classification"),
    ):
        src.add_column(col)
    for source in data["sources"][:50]:
        src.add_row(
            source["source_ip"],
            source["ptr"] or "-",
            source["service"] or "-",
            source["evidence"] or "-",
            str(source["messages"]),
            f"{source['dmarc_pass_rate']:.1%}",
            _(CLASS_LABELS[source["classification"]]),
        )
    out.print(src)


@dmarc_app.command("advise")
def advise_cmd(
    domain: Annotated[str, typer.Argument(help=_("Domain to plan for."))],
    days: Annotated[int, typer.Option("--days", help=_("Days of reports to simulate on."))] = 30,
    offline: Annotated[
        bool, typer.Option("--offline", help=_("No DNS: use the policy the reports show."))
    ] = False,
    nameserver: NameserverOpt = None,
    report_to: Annotated[
        str | None, typer.Option("--report-to", help=_("Mailbox for DMARC/TLS reports in suggested records."))
    ] = None,
    https_port: Annotated[
        int, typer.Option("--https-port", help=_("Port for the MTA-STS policy fetch."))
    ] = 443,
    ca_file: CaFileOpt = None,
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f")] = SummaryFormat.table,
    lang: LangOpt = None,
) -> None:
    """Simulate quarantine and reject on the reports, state readiness, and plan the steps."""
    import asyncio

    from ..dmarc.advise import advise

    use_language(lang)
    resolver = None if offline else resolver_or_exit(nameserver)
    data = asyncio.run(
        advise(
            open_store(),
            domain,
            resolver=resolver,
            days=days,
            report_to=report_to,
            https_port=https_port,
            ca_file=ca_file,
        )
    )
    if fmt is not SummaryFormat.table:
        print(to_json(data))
        return
    verdict = _("ready to move on") if data["ready"] else _("not ready yet")
    out.print(
        _("{domain}: policy p={policy}, {verdict}").format(
            domain=domain, policy=data["policy"] or "-", verdict=verdict
        )
    )
    crit = WrappingTable(title=_("Readiness"))
    crit.add_column(_("Criterion"))
    crit.add_column(_("Met"))
    for c in data["criteria"]:
        crit.add_row(c["text"], "✓" if c["met"] else "✗")
    out.print(crit)
    for policy in ("quarantine", "reject"):
        sim = data["simulation"][policy]
        out.print(
            _(
                "With p={policy}: {n} messages in {days} days would fail, {legit} of them from legitimate "
                "sources."
            ).format(
                policy=policy,
                n=sim["messages_affected"],
                days=data["days"],
                legit=sim["legitimate_messages_affected"],
            )
        )
    for src in data["blocking_sources"]:
        out.print(f"  • {src['source_ip']} {src['service'] or ''}: " + " ".join(src["fixes"]))
    plan = WrappingTable(title=_("Plan"))
    for col in (_("Date"), _("Step"), _("Record to publish")):
        plan.add_column(col)
    for step in data["plan"]:
        plan.add_row(step["date"] or _("after the fixes"), step["action"], step["record"])
    out.print(plan)
    for dropped in data["dropped_reports"]:
        # a report address the plan left out: why, and the record that would authorise it
        out.print(f"  • {dropped['text']}")
        out.print(f"    {dropped['record']}", soft_wrap=True)
    out.print(data["note"])
    if data["mta_sts"]["advice"]:
        out.print(data["mta_sts"]["advice"])


def _stdin() -> bytes:
    try:
        return read_stdin()
    except InputError as exc:
        raise fail(str(exc)) from exc
