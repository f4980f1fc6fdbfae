"""``mailwarden cloud trail``: SES abuse patterns in CloudTrail log files.

Exit codes (README, "Exit codes"): 0 nothing found; 1 findings; 2 a usage error, a source that
does not exist or an S3 location that cannot be listed; 3 some files could not be read (each
said in the result)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..core.i18n import gettext as _
from ..core.render import severity_label, to_json, to_jsonl
from .cloud_cmds import EndpointOpt, ProfileOpt
from .cloud_cmds import cloud_app as cloud_app
from .common import ExitCode, ExitTracker, LangOpt, err, fail, out, use_language

if TYPE_CHECKING:
    from ..cloud.trail import IpDb, Rules, TrailResult


class TrailFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"


@cloud_app.command("trail")
def cloud_trail(
    sources: Annotated[
        list[str], typer.Argument(help=_("CloudTrail log files, directories, or s3://BUCKET/PREFIX."))
    ],
    fmt: Annotated[
        TrailFormat, typer.Option("--format", "-f", help=_("table, json, jsonl or sarif"))
    ] = TrailFormat.table,
    ses_user: Annotated[
        list[str] | None,
        typer.Option("--ses-user", help=_("An IAM user that sends through SES (repeatable).")),
    ] = None,
    known_domain: Annotated[
        list[str] | None,
        typer.Option(
            "--known-domain", help=_("A domain of yours, verified in SES as expected (repeatable).")
        ),
    ] = None,
    ip_db: Annotated[
        Path | None,
        typer.Option("--ip-db", help=_("iptoasn.com ip2asn table (TSV, gzip accepted) for ASN and country.")),
    ] = None,
    silence_days: Annotated[
        int, typer.Option("--silence-days", min=1, help=_("Days unused after which a key's use is reported."))
    ] = 30,
    profile: ProfileOpt = None,
    endpoint_url: EndpointOpt = None,
    lang: LangOpt = None,
) -> None:
    """Find SES abuse patterns in CloudTrail logs (SMTP keys, identities, quota requests, probing)."""
    use_language(lang)
    from ..cloud.trail import IpDb, Rules
    from ..core.errors import InputError

    for s in sources:
        if not s.startswith("s3://") and not Path(s).exists():
            raise fail(_("{path}: no such file or directory").format(path=s))
    db = None
    if ip_db is not None:
        try:
            db = IpDb.load(ip_db)
        except InputError as exc:
            raise fail(str(exc)) from exc
    rules = Rules(
        ses_users=tuple(ses_user or ()), known_domains=tuple(known_domain or ()), silence_days=silence_days
    )
    result = _run(sources, rules, db, profile, endpoint_url)
    _emit(result, fmt)
    tracker = ExitTracker()
    if result.findings:
        tracker.note(ExitCode.FINDINGS)
    if result.skipped:
        tracker.note(ExitCode.UNCHECKED)
    tracker.exit()


def _run(
    sources: list[str], rules: Rules, db: IpDb | None, profile: str | None, endpoint_url: str | None
) -> TrailResult:
    from botocore.exceptions import BotoCoreError, ClientError
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from ..cloud.trail import analyse_sources

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn(_("{task.completed} files")),
        TimeElapsedColumn(),
    )
    try:
        with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task(_("Reading CloudTrail files"), total=None)
            return analyse_sources(
                sources,
                rules,
                ip_db=db,
                profile=profile,
                endpoint_url=endpoint_url,
                progress=lambda _b: bar.advance(task),
            )
    except (ClientError, BotoCoreError) as exc:
        raise fail(_("the S3 location cannot be listed: {reason}").format(reason=exc)) from exc


def _emit(result: TrailResult, fmt: TrailFormat) -> None:
    if fmt is TrailFormat.json:
        sys.stdout.write(to_json(result.to_dict()) + "\n")
    elif fmt is TrailFormat.jsonl:
        sys.stdout.write(to_jsonl([f.to_dict() for f in result.findings]))
    elif fmt is TrailFormat.sarif:
        from ..core.render import findings_sarif

        log = findings_sarif(result.findings)
        log["runs"][0]["tool"]["driver"]["name"] = "mailwarden-cloud-trail"
        sys.stdout.write(to_json(log) + "\n")
    else:
        _table(result)


def _table(result: TrailResult) -> None:
    from rich.table import Table

    out.print(
        "[bold]"
        + _("{files} files, {events} events, {mb:.1f} MB read; {found} findings.").format(
            files=result.files, events=result.events, mb=result.bytes / 1e6, found=len(result.findings)
        )
        + "[/bold]"
    )
    if result.findings:
        table = Table()
        for column in (_("Severity"), _("Time"), _("Finding"), _("Principal")):
            table.add_column(column)
        for f in result.findings:
            table.add_row(severity_label(f.severity), f.params["event_time"], f.title, f.subject)
        out.print(table)
        for f in result.findings:
            out.print(f"[bold]{f.title}[/bold]: {f.detail}")
            out.print(f"  → {f.remediation}")
    for note in result.skipped:
        out.print(f"[yellow]{note}[/yellow]")
