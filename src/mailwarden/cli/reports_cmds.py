"""``mailwarden reports …`` (staff reports: take in, list, show, decide) and ``mailwarden token …``
(the API tokens report buttons post with)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ..core.errors import ConfigError, InputError
from ..core.i18n import gettext as _
from ..core.labels import label as shown_as
from ..core.render import to_json, to_jsonl
from ..core.timefmt import local_datetime
from .common import (
    CaFileOpt,
    FolderOpt,
    ImapHostOpt,
    ImapPortOpt,
    ImapUserOpt,
    ProcessedFolderOpt,
    err,
    fail,
    out,
    print_rows,
)

reports_app = typer.Typer(
    help=_("Staff reports of suspicious mail: take in, list, decide."), no_args_is_help=True
)
token_app = typer.Typer(help=_("API tokens for the report buttons."), no_args_is_help=True)

JsonOpt = Annotated[bool, typer.Option("--json", help=_("Print JSON."))]


def _read_bounded(path: Path, limit: int) -> bytes | None:
    """The file's bytes, or None when it is larger than ``limit`` (only limit + 1 bytes read)."""
    with path.open("rb") as fh:
        data = fh.read(limit + 1)
    return None if len(data) > limit else data


@reports_app.command("ingest")
def reports_ingest(
    files: Annotated[list[Path], typer.Argument(help=_("Report mails (.eml) as staff sent them."))],
    as_json: JsonOpt = False,
) -> None:
    """Take in report mails: find the reported message, analyse it and file it in a cluster."""
    from ..analyze.rules import load_rules
    from ..core.config import get_settings
    from ..core.secretkey import secret_key
    from ..core.store import open_store
    from ..reports.intake import MAX_REPORT_BYTES, MB, REASON_TOO_LARGE
    from ..reports.service import ingest_report

    settings = get_settings()
    try:
        rules = load_rules(settings.analyze_rules)
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    store, key = open_store(settings), secret_key(settings)
    rows: list[dict[str, Any]] = []
    refused = 0
    for path in files:
        if not path.is_file():
            rows.append({"file": str(path), "report_id": None, "reason": _("not a regular file")})
            refused += 1
            continue
        data = _read_bounded(path, MAX_REPORT_BYTES)
        if data is None:
            reason = _(REASON_TOO_LARGE).format(limit=MAX_REPORT_BYTES // MB)
            rows.append({"file": str(path), "report_id": None, "reason": reason})
            refused += 1
            continue
        got = ingest_report(store, rules, key, path="upload", report_mail=data)
        if got.report_id is None:
            refused += 1
        rows.append(
            {
                "file": str(path),
                "report_id": got.report_id,
                "cluster_id": got.cluster_id,
                "status": got.status,
                "classification": got.classification,
                "degraded": got.degraded,
                "reason": got.reason_text() or None,
            }
        )
    if as_json:
        sys.stdout.write(to_json(rows) + "\n")
    else:
        for row in rows:
            if row["report_id"] is None:
                err.print(f"[red]{row['file']}[/red]: {row['reason']}")
            else:
                degraded = _(" (degraded: forwarded inline)") if row.get("degraded") else ""
                out.print(
                    _("{file}: report {id} in cluster {cluster}, {status}").format(
                        file=row["file"],
                        id=row["report_id"],
                        cluster=row["cluster_id"],
                        status=shown_as(row["status"], "report"),
                    )
                    + degraded
                )
    if refused:
        raise typer.Exit(2)


@reports_app.command("list")
def reports_list(
    status: Annotated[str | None, typer.Option("--status", help=_("received, in_review or resolved"))] = None,
    classification: Annotated[
        str | None, typer.Option("--classification", help=_("phishing, spam, clean or simulation"))
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000)] = 100,
    as_json: JsonOpt = False,
) -> None:
    """List reports, newest first."""
    from ..core.store import open_store
    from ..reports.service import list_reports

    try:
        rows = list_reports(open_store(), status=status, classification=classification, limit=limit)
    except InputError as exc:
        raise fail(str(exc)) from exc
    print_rows(
        rows,
        as_json,
        (
            _("ID"),
            _("Reported"),
            _("Reporter"),
            _("Sender"),
            _("Subject"),
            _("Verdict"),
            _("Status"),
            _("Cluster"),
        ),
        lambda r: (
            str(r["id"]),
            local_datetime(r["reported_at"]),
            r["reporter"],
            r["sender"],
            r["subject"][:60],
            f"{shown_as(r['verdict'], 'report')} ({r['score']:.1f})",
            shown_as(r["classification"] or r["status"], "report"),
            str(r["cluster_id"] or "-"),
        ),
    )


@reports_app.command("show")
def reports_show(report_id: int, as_json: JsonOpt = False) -> None:
    """Show one report: the message, the reporter's answers, the analyser's signals, the decisions."""
    from ..core.store import open_store
    from ..reports.service import get_report

    detail = get_report(open_store(), report_id)
    if detail is None:
        raise fail(_("no such report: {id}").format(id=report_id))
    if as_json:
        sys.stdout.write(to_json(detail) + "\n")
        return
    for label, value in (
        (_("Reporter"), detail["reporter"]),
        (_("Reported"), local_datetime(detail["reported_at"])),
        (
            _("Intake"),
            f"{detail['path']} / {detail['intake']}" + (_(" (degraded)") if detail["degraded"] else ""),
        ),
        (_("Sender"), detail["sender"]),
        (_("Subject"), detail["subject"]),
        (_("Message-ID"), detail["message_id"]),
        (_("Verdict"), f"{shown_as(detail['verdict'], 'report')} ({detail['score']:.1f})"),
        (_("Status"), shown_as(detail["status"], "report")),
        (
            _("Classification"),
            shown_as(detail["classification"], "report") if detail["classification"] else "-",
        ),
        (_("Cluster"), f"{detail['cluster_id'] or '-'} ({detail['cluster_size']})"),
    ):
        out.print(f"[bold]{label}:[/bold] {value}", highlight=False)
    for s in detail["signals"]:
        out.print(f"  {s.get('weight', 0):+.1f} {s.get('code')}: {s.get('explanation', '')}", highlight=False)
    for a in detail["audit"]:
        out.print(f"  {a['at'][:19]} {a['actor']} {a['action']} {a['detail']}", highlight=False)


@reports_app.command("resolve")
def reports_resolve(
    cluster_id: Annotated[int, typer.Argument(help=_("The cluster to decide."))],
    as_: Annotated[str, typer.Option("--as", help=_("phishing, spam or clean"))],
    note: Annotated[str, typer.Option("--note", help=_("Why, for the audit log."))] = "",
) -> None:
    """Classify a cluster: every report in it is resolved, and the decision is logged."""
    import getpass

    from ..core.store import open_store
    from ..reports.service import resolve_cluster

    try:
        count = resolve_cluster(open_store(), cluster_id, as_, f"cli:{getpass.getuser()}", note)
    except InputError as exc:
        raise fail(str(exc)) from exc
    out.print(
        _("Cluster {id}: {count} reports resolved as {classification}.").format(
            id=cluster_id, count=count, classification=shown_as(as_, "report")
        )
    )


@reports_app.command("metrics")
def reports_metrics(
    days: Annotated[int, typer.Option("--days", min=1, max=3660, help=_("Days back from today."))] = 30,
    fmt: Annotated[str, typer.Option("--format", help=_("table, json or csv"))] = "table",
) -> None:
    """Reporting metrics: reports per day, time to report and to triage, clusters, reporter
    accuracy, top lures and senders."""
    from ..core.store import open_store
    from ..reports.metrics import compute, to_csv

    if fmt not in ("table", "json", "csv"):
        raise fail(_("--format must be table, json or csv"))
    m = compute(open_store(), days)
    if fmt == "json":
        sys.stdout.write(to_json(m) + "\n")
        return
    if fmt == "csv":
        sys.stdout.write(to_csv(m))
        return

    def hours(seconds: float | None) -> str:
        return "-" if seconds is None else f"{seconds / 3600:.1f} h"

    ttr, ttt, cl = m["time_to_report"], m["time_to_triage"], m["clusters"]
    for label, value in (
        (_("Report count"), f"{m['reports']} ({_('{n} simulations reported').format(n=m['simulations'])})"),
        (_("Time to report"), f"{hours(ttr['median_seconds'])} / p90 {hours(ttr['p90_seconds'])}"),
        (_("Time to triage"), f"{hours(ttt['median_seconds'])} / p90 {hours(ttt['p90_seconds'])}"),
        (
            _("Clusters"),
            _("{n} clusters, {open} open, the largest {largest} reports").format(
                n=cl["count"], open=cl["open"], largest=cl["largest"]
            ),
        ),
    ):
        out.print(f"[bold]{label}:[/bold] {value}", highlight=False)
    t = Table(title=_("Reporters"))
    for col in (_("Reporter"), _("Report count"), _("Resolved"), _("Phishing"), _("Accuracy")):
        t.add_column(col)
    for r in m["reporters"]:
        acc = "-" if r["accuracy"] is None else f"{r['accuracy'] * 100:.0f} %"
        t.add_row(r["reporter"], str(r["reports"]), str(r["resolved"]), str(r["phishing"]), acc)
    out.print(t)
    t = Table(title=_("Top lures (subjects)"))
    t.add_column(_("Subject"))
    t.add_column(_("Report count"))
    for row in m["top_subjects"]:
        t.add_row(row["value"], str(row["reports"]))
    out.print(t)


@token_app.command("create")
def token_create(name: Annotated[str, typer.Argument(help=_("What the token is for."))]) -> None:
    """Create an API token; it is shown once and stored only as a hash."""
    from ..core.store import open_store
    from ..reports.tokens import create_token

    info, token = create_token(open_store(), name)
    err.print(_("Token {id} created. Keep it now: it is not shown again.").format(id=info.id))
    out.print(token, highlight=False)


@token_app.command("list")
def token_list() -> None:
    """List API tokens (never the tokens themselves)."""
    from ..core.store import open_store
    from ..reports.tokens import list_tokens

    t = Table()
    for col in (_("ID"), _("Name"), _("Created"), _("Last used"), _("Revoked")):
        t.add_column(col)
    for info in list_tokens(open_store()):
        t.add_row(
            str(info.id),
            info.name,
            local_datetime(info.created_at),
            local_datetime(info.last_used) or "-",
            local_datetime(info.revoked_at) or "-",
        )
    out.print(t)


@token_app.command("revoke")
def token_revoke(token_id: Annotated[int, typer.Argument(help=_("The token's ID."))]) -> None:
    """Revoke an API token: report buttons using it are refused from now on."""
    from ..core.store import open_store
    from ..reports.tokens import revoke_token

    if not revoke_token(open_store(), token_id):
        raise fail(_("no live token with ID {id}").format(id=token_id))
    out.print(_("Token {id} revoked.").format(id=token_id))


class _Stop(Exception):
    """SIGTERM while watching: stop between passes."""


def _raise_stop(*_args: object) -> None:
    raise _Stop


@reports_app.command("fetch")
def reports_fetch(
    imap_host: ImapHostOpt,
    imap_user: ImapUserOpt,
    imap_port: ImapPortOpt = None,
    security: Annotated[
        str, typer.Option("--imap-security", help=_("tls (993), starttls (143) or plain."))
    ] = "tls",
    folder: FolderOpt = "INBOX",
    processed: ProcessedFolderOpt = "Processed",
    rejected: Annotated[
        str, typer.Option("--rejected-folder", help=_("Where report mails without a reported message go."))
    ] = "Rejected",
    ca_file: CaFileOpt = None,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch",
            help=_("Keep reading: wait for new mail with IMAP IDLE where the server has it, else poll."),
        ),
    ] = False,
    interval: Annotated[
        float, typer.Option("--interval", min=2, help=_("Seconds between polls when the server has no IDLE."))
    ] = 60.0,
    as_json: JsonOpt = False,
) -> None:
    """Read the reporting mailbox over IMAP: take in every report mail, then move it. Once, or
    with --watch until stopped."""
    import os
    import signal
    import time

    from ..analyze.rules import load_rules
    from ..core.config import get_settings
    from ..core.secretkey import secret_key
    from ..core.store import open_store
    from ..dmarc.imap import ImapSettings
    from ..reports.imap import IDLE_MAX, REASON_FETCH, fetch_once, wait_for_mail

    password = os.environ.get("MAILWARDEN_IMAP_PASSWORD")
    if not password:
        raise fail(_("Set the IMAP password in MAILWARDEN_IMAP_PASSWORD."))
    settings = get_settings()
    imap_settings = ImapSettings(
        host=imap_host,
        user=imap_user,
        password=password,
        port=imap_port,
        security=security,
        folder=folder,
        processed_folder=processed,
        rejected_folder=rejected or None,
        ca_file=ca_file,
    )
    store, rules, key = open_store(settings), load_rules(settings.analyze_rules), secret_key(settings)
    if watch:
        signal.signal(signal.SIGTERM, _raise_stop)
    try:
        while True:
            try:
                fetched = fetch_once(store, rules, key, imap_settings)
            except ConfigError as exc:
                if not watch:
                    raise fail(str(exc)) from exc
                err.print(str(exc), highlight=False)  # the server away: try again later
                time.sleep(interval)
                continue
            _show_fetched(fetched, as_json, lines=watch)
            if not watch:
                return
            left = sum(1 for f in fetched if f.result.reason == REASON_FETCH)
            try:
                wait_for_mail(imap_settings, IDLE_MAX, poll=interval, left=left)
            except ConfigError as exc:
                err.print(str(exc), highlight=False)
                time.sleep(interval)
    except (_Stop, KeyboardInterrupt):
        return


def _show_fetched(fetched: list[Any], as_json: bool, *, lines: bool) -> None:
    rows = [
        {
            "origin": f.origin,
            "report_id": f.result.report_id,
            "cluster_id": f.result.cluster_id,
            "duplicate": f.result.duplicate,
            "degraded": f.result.degraded,
            "reason": f.result.reason_text() or None,
        }
        for f in fetched
    ]
    if as_json:
        if lines:  # watching: one line a pass (JSON Lines), as it happens
            if rows:
                sys.stdout.write(to_jsonl([rows]))
                sys.stdout.flush()
        else:
            sys.stdout.write(to_json(rows) + "\n")
        return
    for row in rows:
        if row["report_id"] is None:
            err.print(f"{row['origin']}: {row['reason']}", highlight=False)
        else:
            out.print(
                _("{file}: report {id} in cluster {cluster}, {status}").format(
                    file=row["origin"],
                    id=row["report_id"],
                    cluster=row["cluster_id"],
                    status=_("duplicate") if row["duplicate"] else _("stored"),
                ),
                highlight=False,
            )
    sys.stdout.flush()  # watching: each pass as it happens, also into a pipe
