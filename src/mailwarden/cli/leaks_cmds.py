"""``mailwarden leaks …``: sending credentials written in code, configuration and git history.

Exit codes (README, "Exit codes"): 0 nothing new found; 1 new findings at or above
``--fail-on``; 2 a usage error or a baseline that cannot be read; 3 something could not be
scanned to the end (a git history git could not read whole)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..core.errors import InputError
from ..core.i18n import gettext as _
from ..core.render import to_json
from .common import ExitCode, ExitTracker, LangOpt, fail, out, use_language

if TYPE_CHECKING:
    from ..leaks.find import Secret
    from ..leaks.scan import Options, ScanResult

leaks_app = typer.Typer(
    help=_("Sending credentials (AWS and SES, SMTP, mail APIs, DKIM keys) in code and git history."),
    no_args_is_help=True,
)
baseline_app = typer.Typer(help=_("Findings the team has reviewed, reported no more."), no_args_is_help=True)
leaks_app.add_typer(baseline_app, name="baseline")


class LeakFormat(StrEnum):
    table = "table"
    json = "json"
    sarif = "sarif"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    notice = "notice"
    never = "never"


PathsArg = Annotated[list[Path], typer.Argument(help=_("Files, directories or (with --git) repositories."))]
GitOpt = Annotated[bool, typer.Option("--git", help=_("Scan every commit of the repositories' history."))]
ExcludeOpt = Annotated[
    list[str] | None, typer.Option("--exclude", help=_("A path glob not to scan (repeatable)."))
]
MaxSizeOpt = Annotated[
    float, typer.Option("--max-size", min=0.001, help=_("Files larger than this many MB are skipped."))
]
AllDirsOpt = Annotated[
    bool, typer.Option("--all-dirs", help=_("Enter .git, node_modules, vendor and the like too."))
]
BaselineOpt = Annotated[
    Path | None, typer.Option("--baseline", help=_("Report only what is not in this baseline."))
]
_RANK = {FailOn.error: 4, FailOn.warning: 3, FailOn.notice: 2, FailOn.never: 99}


def _options(exclude: list[str] | None, max_size: float, all_dirs: bool, extra: list[str]) -> Options:
    from ..leaks.scan import Options

    return Options(
        max_size=int(max_size * 1024 * 1024), all_dirs=all_dirs, exclude=(*(exclude or []), *extra)
    )


def _run(paths: list[Path], git: bool, options: Options) -> ScanResult:
    from ..leaks.find import link
    from ..leaks.history import scan_history
    from ..leaks.scan import ScanResult, scan_paths

    for p in paths:
        if not p.exists() and not p.is_symlink():
            raise fail(_("{path}: no such file or directory").format(path=p))
    if not git:
        return scan_paths(paths, options)
    total = ScanResult()
    for repo in paths:
        r = scan_history(repo, options)
        total.secrets.extend(r.secrets)
        total.commits += r.commits
        total.bytes += r.bytes
        total.skipped.update(r.skipped)
        total.notes.extend(r.notes)
    total.secrets = link(total.secrets)
    return total


def _table(result: ScanResult, secrets: list[Secret], known: int) -> None:
    from rich.table import Table

    from ..leaks.output import finding

    table = Table()
    for column in (_("Severity"), _("Finding"), _("Where"), _("Value"), _("Fingerprint")):
        table.add_column(column)
    for s in secrets:
        f = finding(s)
        where = f"{s.path}:{s.line}" + (f"\n{s.commit[:12]} {s.date[:10]}" if s.commit else "")
        table.add_row(str(f.severity), f.title, where, s.masked, s.fingerprint[:12])
    out.print(table)
    for s in secrets:
        f = finding(s)
        out.print(f"[bold]{s.path}:{s.line}[/bold] {f.detail}")
        out.print(f"  → {f.remediation}")
    if result.commits:
        summary = _("{commits} commits, {mb:.1f} MB read; {found} new findings, {known} in the baseline.")
    else:
        summary = _("{files} files, {mb:.1f} MB read; {found} new findings, {known} in the baseline.")
    out.print(
        summary.format(
            files=result.files, commits=result.commits, mb=result.bytes / 1e6, found=len(secrets), known=known
        )
    )
    if result.skipped:
        skipped = ", ".join(f"{reason} {n}" for reason, n in sorted(result.skipped.items()))
        out.print(_("Not read: {skipped}").format(skipped=skipped))
    for note in result.notes:
        out.print(f"[yellow]{note}[/yellow]")


@leaks_app.command("scan")
def scan(
    paths: PathsArg,
    git: GitOpt = False,
    fmt: Annotated[
        LeakFormat, typer.Option("--format", "-f", help=_("table, json or sarif"))
    ] = LeakFormat.table,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=_("Write the report to this file."))
    ] = None,
    baseline: BaselineOpt = None,
    exclude: ExcludeOpt = None,
    max_size: MaxSizeOpt = 10.0,
    all_dirs: AllDirsOpt = False,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help=_("Exit 1 for new findings of this severity or worse."))
    ] = FailOn.notice,
    save: Annotated[
        bool, typer.Option("--save", help=_("Keep the scan (masked findings) for the console."))
    ] = False,
    lang: LangOpt = None,
) -> None:
    """Look for sending credentials in files, directories or git history."""
    from ..leaks import baseline as bl
    from ..leaks.output import finding, to_sarif
    from ..leaks.output import to_json as leaks_json

    use_language(lang)
    base = None
    if baseline is not None:
        try:
            base = bl.load(baseline)
        except InputError as exc:
            raise fail(str(exc)) from exc
    result = _run(paths, git, _options(exclude, max_size, all_dirs, base.exclude if base else []))
    new = base.new(result.secrets) if base else result.secrets
    known = len(result.secrets) - len(new)
    if fmt is LeakFormat.table and output is None:
        _table(result, new, known)
    else:
        doc = to_sarif(new) if fmt is LeakFormat.sarif else leaks_json(result, new)
        text = to_json(doc) + "\n"
        if output is None:
            sys.stdout.write(text)
        else:
            output.write_text(text, encoding="utf-8")
    if save:
        import getpass

        from ..core.config import get_settings
        from ..core.store import open_store
        from ..leaks.service import save as keep

        scan_id = keep(
            open_store(get_settings()), " ".join(map(str, paths)), git, result, new, getpass.getuser()
        )
        out.print(_("Kept as scan {id} (the console's Credential leaks page).").format(id=scan_id))
    tracker = ExitTracker()
    threshold = _RANK[fail_on]
    if any(finding(s).severity.rank >= threshold for s in new):
        tracker.note(ExitCode.FINDINGS)
    if result.notes:
        tracker.note(ExitCode.UNCHECKED)
    tracker.exit()


def _baseline_path(path: Path | None) -> Path:
    from ..leaks.baseline import DEFAULT_FILE

    return path or Path(DEFAULT_FILE)


@baseline_app.command("create")
def baseline_create(
    paths: PathsArg,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=_("The baseline file."))] = None,
    git: GitOpt = False,
    exclude: ExcludeOpt = None,
    max_size: MaxSizeOpt = 10.0,
    all_dirs: AllDirsOpt = False,
) -> None:
    """Record every current finding as reviewed-to-be: later scans with --baseline report only new ones."""
    from ..leaks.baseline import Baseline

    target = _baseline_path(output)
    result = _run(paths, git, _options(exclude, max_size, all_dirs, []))
    base = Baseline(exclude=list(exclude or []))
    added, _dropped = base.update(result.secrets)
    base.save(target)
    out.print(_("{file}: {n} findings recorded (unreviewed).").format(file=target, n=added))


@baseline_app.command("update")
def baseline_update(
    paths: PathsArg,
    baseline: Annotated[Path | None, typer.Option("--baseline", help=_("The baseline file."))] = None,
    git: GitOpt = False,
    max_size: MaxSizeOpt = 10.0,
    all_dirs: AllDirsOpt = False,
) -> None:
    """Add new findings to the baseline (unreviewed) and drop those no longer found."""
    from ..leaks import baseline as bl

    target = _baseline_path(baseline)
    try:
        base = bl.load(target)
    except InputError as exc:
        raise fail(str(exc)) from exc
    result = _run(paths, git, _options(None, max_size, all_dirs, base.exclude))
    added, dropped = base.update(result.secrets)
    base.save(target)
    out.print(
        _("{file}: {added} added, {dropped} no longer found.").format(
            file=target, added=added, dropped=dropped
        )
    )


@baseline_app.command("audit")
def baseline_audit(
    baseline: Annotated[Path | None, typer.Option("--baseline", help=_("The baseline file."))] = None,
    mark: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help=_("FINGERPRINT=accepted|false-positive|unreviewed (a prefix of 6+ characters will do)."),
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help=_("Print JSON."))] = False,
) -> None:
    """List the baseline's findings and their review status; --set records a decision."""
    from ..leaks import baseline as bl
    from .common import print_rows

    target = _baseline_path(baseline)
    try:
        base = bl.load(target)
        for item in mark or []:
            fp, eq, status = item.partition("=")
            if not eq:
                raise InputError(_("--set takes FINGERPRINT=STATUS, not {value}").format(value=item))
            base.mark(fp.strip(), status.strip())
    except InputError as exc:
        raise fail(str(exc)) from exc
    if mark:
        base.save(target)
    rows = [{"fingerprint": fp, **entry} for fp, entry in base.entries.items()]
    print_rows(
        rows,
        as_json,
        [_("Status"), _("Finding"), _("Where"), _("Value"), _("Fingerprint")],
        lambda r: [
            str(r.get("status")),
            str(r.get("code")),
            f"{r.get('path')}:{r.get('line')}",
            str(r.get("masked")),
            str(r["fingerprint"])[:12],
        ],
        empty=_("The baseline is empty."),
    )


__all__ = ["leaks_app"]
