"""The ``mailwarden`` command: thin Typer commands over library functions."""

from __future__ import annotations

import asyncio
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..core import i18n
from ..core.config import get_settings
from ..core.dns import Resolver, nameservers_from
from ..core.errors import ConfigError, InputError
from ..core.findings import FindingDef, registry
from ..core.i18n import N_
from ..core.i18n import gettext as _
from ..core.render import findings_csv, findings_sarif, findings_table, severity_label, to_json, to_jsonl
from ..domain import codes as _codes  # noqa: F401
from ..domain.audit import AuditOptions, check_domain
from ..domain.model import DomainReport
from ..domain.readiness import PROVIDERS, providers_caption
from ..domain.survey import SurveyStats, load_existing, read_domains, run_survey

i18n.set_language(i18n.language_from_environment())

app = typer.Typer(
    help=_("mailwarden: email-security toolkit"), no_args_is_help=True, pretty_exceptions_enable=False
)
domain_app = typer.Typer(
    help=_("Audit domain email authentication (SPF, DKIM, DMARC, MX, MTA-STS…)."), no_args_is_help=True
)
user_app = typer.Typer(help=_("Manage console users."), no_args_is_help=True)
db_app = typer.Typer(help=_("Database maintenance."), no_args_is_help=True)
app.add_typer(domain_app, name="domain")
app.add_typer(user_app, name="user")
app.add_typer(db_app, name="db")

out = Console()
err = Console(stderr=True)


class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    sarif = "sarif"


class SurveyFormat(StrEnum):
    table = "table"
    json = "json"


NameserverOpt = Annotated[
    list[str] | None,
    typer.Option("--nameserver", "-n", help=_("DNS server HOST[:PORT]; repeat for several.")),
]
LangOpt = Annotated[str | None, typer.Option("--lang", help=_("Output language: ja or en."))]


def _resolver(nameservers: list[str] | None, timeout: float | None = None) -> Resolver:
    s = get_settings()
    specs = list(nameservers or []) or ([s.nameservers] if s.nameservers else [])
    return Resolver(
        nameservers_from(specs) or None,
        timeout=timeout or s.dns_timeout,
        retries=s.dns_retries,
        concurrency=s.dns_concurrency,
    )


def _fail(message: str) -> typer.Exit:
    label = _("Error")
    err.print(f"[red]{label}:[/red] {message}")
    return typer.Exit(2)


def render_report(rep: DomainReport) -> None:
    title = _("{domain} — grade {grade} ({score}/100)").format(
        domain=rep.display_name, grade=rep.grade, score=rep.score
    )
    findings = [f for f in rep.all_findings()]
    findings.sort(key=lambda f: -f.severity.rank)
    out.print(findings_table(findings, title=title))
    if rep.readiness:
        t = Table(title=_("Bulk-sender readiness (Gmail, Yahoo, Outlook.com)"), caption=providers_caption())
        t.add_column(_("Requirement"))
        t.add_column(_("Status"))
        labels = {
            "met": _("met"),
            "not-met": _("not met"),
            "unknown": _("unknown"),
            "not-visible": _("not visible in DNS"),
        }
        t.add_column(_("Required by"))
        for r in rep.readiness:
            names = ", ".join(PROVIDERS[p]["name"] for p in r["providers"])
            t.add_row(_(r["requirement"]), labels[r["status"]], names)
        out.print(t)
    if rep.fixes:
        heading = _("Records to publish")
        out.print(f"[bold]{heading}[/bold]")
        for fx in rep.fixes:
            out.print(f"  [green]{fx['record']}[/green]   [dim]({fx['code']})[/dim]")


@domain_app.command("check")
def domain_check(
    domains: Annotated[list[str], typer.Argument(help=_("Domains to check."))],
    nameserver: NameserverOpt = None,
    selector: Annotated[
        list[str] | None, typer.Option("--selector", "-s", help=_("DKIM selector to probe; repeatable."))
    ] = None,
    report_to: Annotated[
        str | None, typer.Option("--report-to", help=_("Mailbox for DMARC/TLS reports in suggested records."))
    ] = None,
    smtp: Annotated[bool, typer.Option("--smtp", help=_("Connect to each MX and test STARTTLS."))] = False,
    smtp_port: Annotated[int, typer.Option("--smtp-port", help=_("SMTP port of the MX hosts."))] = 25,
    smtp_timeout: Annotated[
        float, typer.Option("--smtp-timeout", help=_("Seconds allowed for each SMTP probe."))
    ] = 5.0,
    https_port: Annotated[
        int, typer.Option("--https-port", help=_("Port for the MTA-STS policy fetch."))
    ] = 443,
    ca_file: Annotated[Path | None, typer.Option("--ca-file", help=_("Extra CA certificates (PEM)."))] = None,
    timeout: Annotated[float | None, typer.Option("--timeout", help=_("DNS timeout in seconds."))] = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f")] = CheckFormat.table,
    lang: LangOpt = None,
) -> None:
    """Check the email authentication setup of DOMAIN(s)."""
    if lang:
        i18n.set_language(lang)
    try:
        resolver = _resolver(nameserver, timeout)
    except ConfigError as exc:
        raise _fail(str(exc)) from exc
    opts = AuditOptions(
        selectors=selector or [],
        report_to=report_to,
        smtp=smtp,
        smtp_port=smtp_port,
        smtp_timeout=smtp_timeout,
        https_port=https_port,
        ca_file=ca_file or get_settings().ca_bundle,
    )

    async def run() -> list[DomainReport]:
        return list(
            await asyncio.gather(*(check_domain(d, resolver=resolver, options=opts) for d in domains))
        )

    reports = asyncio.run(run())
    if fmt is CheckFormat.json:
        data = [r.to_dict() for r in reports]
        out.print_json(to_json(data if len(data) > 1 else data[0])) if sys.stdout.isatty() else print(
            to_json(data if len(data) > 1 else data[0])
        )
    elif fmt is CheckFormat.jsonl:
        sys.stdout.write(to_jsonl(r.to_dict() for r in reports))
    elif fmt is CheckFormat.csv:
        sys.stdout.write(findings_csv([f for r in reports for f in r.all_findings()]))
    elif fmt is CheckFormat.sarif:
        print(to_json(findings_sarif([f for r in reports for f in r.all_findings()])))
    else:
        for r in reports:
            render_report(r)
    if any(r.error for r in reports):
        raise typer.Exit(1)


def render_summary(stats: SurveyStats, console: Console) -> None:
    t = Table(
        title=_("Adoption ({checked} domains checked, {errors} errors counted apart)").format(
            checked=stats.checked, errors=stats.errors
        )
    )
    t.add_column(_("Measure"))
    t.add_column(_("Domains"), justify="right")
    t.add_column(_("Share"), justify="right")
    t.add_column(_("Undetermined"), justify="right")
    for row in stats.table():
        share = "-" if row["share"] is None else f"{row['share'] * 100:.1f}%"
        t.add_row(_(row["label"]), str(row["count"]), share, str(row["undetermined"]))
    console.print(t)


@domain_app.command("survey")
def domain_survey(
    file: Annotated[
        Path, typer.Argument(help=_("File with one domain per line ('-' for stdin)."), allow_dash=True)
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=_("JSONL output ('-' for stdout); an existing file is resumed."),
            allow_dash=True,
        ),
    ] = None,
    nameserver: NameserverOpt = None,
    concurrency: Annotated[
        int, typer.Option("--concurrency", "-c", help=_("Domains checked at once."))
    ] = 100,
    timeout: Annotated[float | None, typer.Option("--timeout", help=_("DNS timeout in seconds."))] = None,
    fetch_policies: Annotated[
        bool, typer.Option("--fetch-policies", help=_("Also fetch MTA-STS policies over HTTPS."))
    ] = False,
    fmt: Annotated[SurveyFormat, typer.Option("--format", "-f")] = SurveyFormat.table,
    lang: LangOpt = None,
) -> None:
    """Check many domains and summarise adoption."""
    if lang:
        i18n.set_language(lang)
    try:
        resolver = _resolver(nameserver, timeout)
    except ConfigError as exc:
        raise _fail(str(exc)) from exc
    try:
        lines = sys.stdin if str(file) == "-" else file.open(encoding="utf-8", errors="replace")
        domains = list(read_domains(lines))
    except OSError as exc:
        raise _fail(str(exc)) from exc
    done: dict[str, dict[str, object]] = {}
    to_stdout = output is not None and str(output) == "-"
    if output is not None and not to_stdout:
        for row in load_existing(output):
            done[str(row.get("input"))] = row
        # Rewrite without a torn last line before appending.
        with output.open("w", encoding="utf-8") as fh:
            for row in done.values():
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    sink: TextIO | None = None
    if to_stdout:
        sink = sys.stdout
    elif output is not None:
        sink = output.open("a", encoding="utf-8")
    opts = AuditOptions(fetch_mta_sts=fetch_policies, probe_common_selectors=True)
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=err,
        disable=fmt is SurveyFormat.json and not err.is_terminal,
    )
    with progress:
        task = progress.add_task(_("Checking"), total=len(domains), completed=len(done), rate="")

        def on_row(row: dict[str, object]) -> None:
            progress.advance(task)
            t = progress.tasks[0]
            speed = t.speed or 0
            progress.update(task, rate=f"{speed:.0f}/s")

        stats = asyncio.run(
            run_survey(
                domains,
                resolver=resolver,
                options=opts,
                concurrency=concurrency,
                out=sink,
                done=done,
                on_row=on_row,
            )
        )
    if sink is not None and not to_stdout:
        sink.close()
    # With rows on stdout, the summary goes to stderr so the JSONL stream stays clean.
    if fmt is SurveyFormat.json:
        print(to_json(stats.to_dict()), file=sys.stderr if to_stdout else sys.stdout)
    else:
        render_summary(stats, err if to_stdout else out)


@user_app.command("add")
def user_add(
    username: str,
    role: Annotated[str, typer.Option("--role", help="admin | approver | viewer")] = "viewer",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help=_("Read the password from stdin."))
    ] = False,
) -> None:
    """Add a console user (prompts for the password)."""
    from ..core.store import open_store
    from ..core.users import create_user

    password = (
        sys.stdin.readline().rstrip("\n")
        if password_stdin
        else typer.prompt(_("Password"), hide_input=True, confirmation_prompt=True)
    )
    try:
        create_user(open_store(), username, password, role)
    except InputError as exc:
        raise _fail(str(exc)) from exc
    out.print(_("User {name} added with role {role}.").format(name=username, role=role))


@user_app.command("passwd")
def user_passwd(
    username: str, password_stdin: Annotated[bool, typer.Option("--password-stdin")] = False
) -> None:
    """Set a user's password."""
    from ..core.store import open_store
    from ..core.users import set_password

    password = (
        sys.stdin.readline().rstrip("\n")
        if password_stdin
        else typer.prompt(_("Password"), hide_input=True, confirmation_prompt=True)
    )
    try:
        set_password(open_store(), username, password)
    except InputError as exc:
        raise _fail(str(exc)) from exc
    out.print(_("Password changed."))


@user_app.command("list")
def user_list() -> None:
    """List console users."""
    from ..core.store import open_store
    from ..core.users import list_users

    t = Table()
    t.add_column(_("User"))
    t.add_column(_("Role"))
    for name, role in list_users(open_store()):
        t.add_row(name, role)
    out.print(t)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Migrate the database to the newest schema."""
    from ..core.store import open_store

    store = open_store()
    out.print(
        _("Database is up to date: {url}").format(url=store.engine.url.render_as_string(hide_password=True))
    )


@app.command("serve")
def serve(
    host: Annotated[str | None, typer.Option("--host")] = None,
    port: Annotated[int | None, typer.Option("--port")] = None,
) -> None:
    """Run the web console."""
    import uvicorn

    from ..core.store import open_store
    from ..core.users import ensure_admin
    from ..web.app import create_app

    s = get_settings()
    store = open_store(s)
    password = ensure_admin(store)
    if password:
        err.print(_("Created user 'admin' with one-time password: {password}").format(password=password))
        err.print(_("Change it with: mailwarden user passwd admin"))
    uvicorn.run(create_app(s, store=store), host=host or s.host, port=port or s.port, log_level="info")


@app.command("codes")
def codes(
    fmt: Annotated[str, typer.Option("--format", "-f", help="markdown | json")] = "markdown",
    lang: LangOpt = None,
) -> None:
    """List every finding code (the registry)."""
    if lang:
        i18n.set_language(lang)
    print(
        codes_markdown()
        if fmt == "markdown"
        else to_json(
            [
                {
                    "code": d.code,
                    "severity": str(d.severity),
                    "title": _(d.title),
                    "detail": _(d.detail),
                    "remediation": _(d.remediation) if d.remediation else "",
                    "references": list(d.references),
                    "penalty": d.penalty,
                }
                for d in registry().values()
            ]
        )
    )


CODES_HEADERS = (N_("code"), N_("severity"), N_("penalty"), N_("title"), N_("detail"), N_("remediation"))


def codes_markdown() -> str:
    lines = [
        "# " + _("Finding codes"),
        "",
        _("Generated from the registry by `make docs`; do not edit by hand."),
        _("`{…}` marks values filled in from the check."),
        _("Penalty: points taken off the grade (see grading.md)."),
        "",
    ]
    by_area: dict[str, list[FindingDef]] = {}
    for d in sorted(registry().values(), key=lambda d: d.code):
        by_area.setdefault(d.code.split(".")[0], []).append(d)
    for area, defs in by_area.items():
        lines += [
            f"## {area}",
            "",
            "| " + " | ".join(_(h) for h in CODES_HEADERS) + " |",
            "|---|---|---|---|---|---|",
        ]
        for d in defs:
            cells = [
                f"`{d.code}`",
                severity_label(d.severity),
                str(d.penalty),
                _(d.title),
                _(d.detail),
                _(d.remediation) if d.remediation else "",
            ]
            lines.append(("| " + " | ".join(cells) + " |").replace("\n", " "))
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    app()
