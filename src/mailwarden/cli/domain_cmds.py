"""``mailwarden domain …``: check and survey."""

from __future__ import annotations

import asyncio
import json
import re
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ..core.config import get_settings
from ..core.findings import Severity
from ..core.gc import tune_for_long_run
from ..core.i18n import gettext as _
from ..core.render import (
    WrappingTable,
    findings_csv,
    findings_sarif,
    findings_table,
    rows_csv,
    to_json,
    to_jsonl,
)
from ..domain.audit import AuditOptions, check_domain
from ..domain.model import DomainReport
from ..domain.readiness import PROVIDERS, providers_caption
from ..domain.survey import SurveyStats, load_existing, read_domains, run_survey
from .common import (
    ExitCode,
    ExitTracker,
    LangOpt,
    NameserverOpt,
    err,
    fail,
    make_resolver,
    out,
    resolver_or_exit,
    use_language,
)

domain_app = typer.Typer(
    help=_("Audit domain email authentication (SPF, DKIM, DMARC, MX, MTA-STS…)."), no_args_is_help=True
)


class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    sarif = "sarif"


class SurveyFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


#: the columns of ``domain survey --format csv``: one row a domain, every cell flat
SURVEY_CSV_FIELDS = (
    "position",
    "input",
    "domain",
    "grade",
    "score",
    "error",
    "spf",
    "spf_all",
    "spf_hardfail",
    "dmarc",
    "dmarc_policy",
    "dmarc_enforced",
    "dkim",
    "mta_sts",
    "tlsrpt",
    "bimi",
    "null_mx",
    "errors",
    "warnings",
    "findings",
    "spf_record",
    "dmarc_record",
    "fixes",
)
_SPF_ALL = re.compile(r"(?:^|\s)([-~?+]?)all(?:\s|$)", re.I)
_DMARC_P = re.compile(r"(?:^|;)\s*p\s*=\s*([a-z]+)", re.I)


def survey_csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """A survey row (as the JSONL output holds it) flattened for a spreadsheet: the adoption
    flags, SPF's ``all`` and DMARC's ``p=`` read from the records, findings counted and
    listed by code, the records to publish one a line."""
    checks = row.get("checks") or {}
    spf = (checks.get("spf") or {}).get("record") or ""
    dmarc = (checks.get("dmarc") or {}).get("record") or ""
    spf_all = _SPF_ALL.search(spf)
    dmarc_p = _DMARC_P.search(dmarc)
    findings = row.get("findings") or []
    flat: dict[str, Any] = {k: row.get(k) for k in ("position", "input", "domain", "grade", "score", "error")}
    flat.update(row.get("adoption") or {})
    flat.update(
        spf_all=(spf_all.group(1) or "+") + "all" if spf_all else None,
        dmarc_policy=dmarc_p.group(1).lower() if dmarc_p else None,
        errors=sum(1 for f in findings if f.get("severity") == "error"),
        warnings=sum(1 for f in findings if f.get("severity") == "warning"),
        findings=" ".join(f.get("code", "") for f in findings),
        spf_record=spf or None,
        dmarc_record=dmarc or None,
        fixes="\n".join(str(fx.get("record", "")) for fx in row.get("fixes") or []),
    )
    return flat


def render_report(rep: DomainReport) -> None:
    title = _("{domain} — grade {grade} ({score}/100)").format(
        domain=rep.display_name, grade=rep.grade, score=rep.score
    )
    findings = [f for f in rep.all_findings()]
    findings.sort(key=lambda f: -f.severity.rank)
    out.print(findings_table(findings, title=title))
    if rep.readiness:
        t = WrappingTable(
            title=_("Bulk-sender readiness (Gmail, Yahoo, Outlook.com)"), caption=providers_caption()
        )
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
            # one line each, never broken by the console: copied from a narrow terminal whole
            out.print(f"  [green]{fx['record']}[/green]   [dim]({fx['code']})[/dim]", soft_wrap=True)


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
    use_language(lang)
    resolver = resolver_or_exit(nameserver, timeout)
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
    tracker = ExitTracker()
    for r in reports:
        tracker.note(_exit_code(r))
    tracker.exit()


def _exit_code(report: DomainReport) -> ExitCode:
    """Usage error: not a domain name; could not check: a check undetermined (DNS timeouts,
    SERVFAIL), which is what an unreachable resolver gives; findings: a warning or worse
    (a domain that does not exist is one)."""
    codes = {f.code for f in report.all_findings()}
    if "domain.invalid-name" in codes:
        return ExitCode.INPUT
    if report.grade == "?" or any(c.endswith(".undetermined") for c in codes):
        return ExitCode.UNCHECKED
    if report.worst.rank >= Severity.WARNING.rank:
        return ExitCode.FINDINGS
    return ExitCode.OK


def render_summary(stats: SurveyStats, console: Console) -> None:
    t = WrappingTable(
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
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", min=1, max=64, help=_("Processes (default: every core for 1,000 domains or more).")
        ),
    ] = None,
    fmt: Annotated[SurveyFormat, typer.Option("--format", "-f")] = SurveyFormat.table,
    lang: LangOpt = None,
) -> None:
    """Check many domains and summarise adoption."""
    use_language(lang)
    if fmt is SurveyFormat.csv and output is not None and str(output) == "-":
        raise fail(
            _("--format csv writes its rows to standard output: give --output a file, or leave it out")
        )
    resolver = resolver_or_exit(nameserver, timeout)
    try:
        lines = sys.stdin if str(file) == "-" else file.open(encoding="utf-8", errors="replace")
        domains = list(read_domains(lines))
    except OSError as exc:
        raise fail(str(exc)) from exc
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
        disable=fmt is not SurveyFormat.table and not err.is_terminal,
    )
    csv_out = _SurveyCsv(domains, done) if fmt is SurveyFormat.csv else None
    with progress:
        task = progress.add_task(_("Checking"), total=len(domains), completed=len(done), rate="")

        shown = [0.0]

        def on_row(row: dict[str, object]) -> None:
            if csv_out is not None:
                csv_out.row(row)
            progress.advance(task)
            now = time.monotonic()
            if progress.disable or now - shown[0] < 0.2:
                return  # the rate sums up to 1,000 samples: a few times a second is enough
            shown[0] = now
            speed = progress.tasks[0].speed or 0
            progress.update(task, rate=f"{speed:.0f}/s")

        procs = workers if workers is not None else _auto_workers(len(domains) - len(done))
        tune_for_long_run()  # the collector looks less often (core/gc.py)
        if procs > 1:
            from ..domain.survey_procs import run_survey_forked

            stats = run_survey_forked(
                domains,
                resolver_factory=lambda: make_resolver(nameserver, timeout),
                options=opts,
                concurrency=concurrency,
                out=sink,
                done=done,
                on_row=on_row,
                workers=procs,
            )
        else:
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
    if csv_out is not None:
        csv_out.finish()
    # With rows on stdout, the summary goes to stderr so the JSONL or CSV stream stays clean.
    if fmt is SurveyFormat.csv:
        render_summary(stats, err)
    elif fmt is SurveyFormat.json:
        print(to_json(stats.to_dict()), file=sys.stderr if to_stdout else sys.stdout)
    else:
        render_summary(stats, err if to_stdout else out)


def _auto_workers(todo: int) -> int:
    """Every core (at most 4) for a survey big enough to repay the processes' start."""
    import os

    from ..core.parallel import can_fork

    return min(4, os.cpu_count() or 1) if todo >= 1000 and can_fork() else 1


class _SurveyCsv:
    """CSV rows on standard output as the survey gives them, in input order; rows resumed
    from an earlier run (which the survey does not give again) in their places."""

    def __init__(self, domains: list[str], done: dict[str, dict[str, object]]) -> None:
        self.domains = domains
        self.done = done
        self.next = 0  # the position of the next domain to write
        sys.stdout.write(rows_csv([], SURVEY_CSV_FIELDS))

    def _write(self, row: dict[str, Any]) -> None:
        sys.stdout.write(rows_csv([survey_csv_row(row)], SURVEY_CSV_FIELDS, header=False))

    def _resumed_until(self, end: int) -> None:
        while self.next < end:
            old = self.done.get(self.domains[self.next])
            if old is not None:
                self._write(old)
            self.next += 1

    def row(self, row: dict[str, Any]) -> None:
        position = row.get("position")
        self._resumed_until(position if isinstance(position, int) else self.next)
        self._write(row)
        self.next = max(self.next, position + 1 if isinstance(position, int) else self.next)
        sys.stdout.flush()

    def finish(self) -> None:
        self._resumed_until(len(self.domains))
        sys.stdout.flush()
