"""``mailwarden jobs …`` (start, follow and read jobs) and ``mailwarden worker``.

With the embedded database a job runs in this process, with a progress bar; with PostgreSQL
(or ``MAILWARDEN_JOBS=queue``) it is queued and ``mailwarden worker`` processes on any host run
it, while ``jobs show`` / ``jobs wait`` follow it."""

from __future__ import annotations

import asyncio
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ..core.config import get_settings
from ..core.errors import ConfigError
from ..core.gc import tune_for_long_run
from ..core.i18n import gettext as _
from ..core.render import to_json, to_jsonl
from ..core.store import Store
from .common import (
    LangOpt,
    LogFormatOpt,
    MetricsListenOpt,
    NameserverOpt,
    err,
    fail,
    out,
    use_language,
)

jobs_app = typer.Typer(
    help=_("Long jobs (surveys, audits, DMARC ingestion and polls, scans): start, follow, read results."),
    no_args_is_help=True,
)


class Fmt(StrEnum):
    table = "table"
    json = "json"


FmtOpt = Annotated[Fmt, typer.Option("--format", "-f")]
NameOpt = Annotated[str, typer.Option("--name", help=_("A name for the job (shown in lists)."))]
WaitOpt = Annotated[
    bool,
    typer.Option("--wait/--no-wait", help=_("Wait for a queued job to finish (in-process jobs always do).")),
]
TimeoutOpt = Annotated[float | None, typer.Option("--timeout", help=_("DNS timeout in seconds."))]


def _store() -> Store:
    from ..core.store import open_store

    return open_store(get_settings())


def _lines(path: Path) -> list[str]:
    from ..domain.survey import read_domains

    try:
        with sys.stdin if str(path) == "-" else path.open(encoding="utf-8", errors="replace") as fh:
            return list(read_domains(fh))
    except OSError as exc:
        raise fail(f"{exc.strerror or exc}: {path}") from exc


def _files(paths: list[Path], suffixes: tuple[str, ...] | None = None) -> list[str]:
    """Absolute paths of the files named or found under the directories named (workers on
    other hosts read them from shared storage, so the path must mean the same there)."""
    found: list[str] = []
    for p in paths:
        if p.is_dir():
            found.extend(
                str(f.resolve())
                for f in sorted(p.rglob("*"))
                if f.is_file() and (suffixes is None or f.suffix.lower() in suffixes)
            )
        elif p.is_file():
            found.append(str(p.resolve()))
        else:
            raise fail(_("no such file: {path}").format(path=p))
    return found


def _dns_params(nameserver: list[str] | None, timeout: float | None) -> dict[str, Any]:
    from ..tasks.submit import dns_params

    return dns_params(get_settings(), nameserver, timeout)


def _start(kind: str, total: int, fmt: Fmt, wait: bool, submit: Any) -> None:
    """Run ``submit(on_chunk)`` under a progress bar; report the run; wait when asked."""
    from ..tasks import runs

    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=fmt is not Fmt.table or not err.is_terminal,
    )
    from ..tasks.submit import use_queue

    store = _store()
    try:
        inline = not use_queue(get_settings())
    except ConfigError:
        inline = False  # submit says why
    if inline:  # the jobs run here, as long as `domain survey` does: the collector looks less often
        tune_for_long_run()
    with progress:
        bar = progress.add_task(_("Running"), total=total)
        try:
            submitted = asyncio.run(submit(store, lambda n: progress.advance(bar, n)))
        except ConfigError as exc:
            raise fail(str(exc)) from exc
    if submitted.queued:
        err.print(
            _(
                "Job {id}: {jobs} queue jobs for the workers; follow it with: mailwarden jobs show {id}"
            ).format(id=submitted.run_id, jobs=submitted.jobs)
        )
        if wait:
            _wait(store, submitted.run_id, None)
    info = runs.run_info(store, submitted.run_id)
    assert info is not None
    _show(info, fmt)


@jobs_app.command("survey")
def jobs_survey(
    file: Annotated[
        Path, typer.Argument(help=_("File with one domain per line ('-' for stdin)."), allow_dash=True)
    ],
    name: NameOpt = "",
    nameserver: NameserverOpt = None,
    timeout: TimeoutOpt = None,
    concurrency: Annotated[
        int, typer.Option("--concurrency", "-c", help=_("Domains checked at once."))
    ] = 100,
    chunk: Annotated[int, typer.Option("--chunk", min=1, help=_("Domains in one queue job."))] = 250,
    wait: WaitOpt = False,
    fmt: FmtOpt = Fmt.table,
    lang: LangOpt = None,
) -> None:
    """Survey many domains as a job: rows as `domain survey` writes them, kept in the store."""
    from ..tasks.submit import submit_survey

    use_language(lang)
    domains = _lines(file)
    params = {**_dns_params(nameserver, timeout), "concurrency": concurrency}
    settings = get_settings()

    async def submit(store: Store, advance: Any) -> Any:
        return await submit_survey(
            store, settings, name or file.name, domains, params, chunk=chunk, on_chunk=advance
        )

    _start("survey", len(domains), fmt, wait, submit)


def items_command(
    kind: str,
    items: list[str],
    name: str,
    params: dict[str, Any],
    fmt: Fmt,
    wait: bool,
    lock: str | None = None,
) -> None:
    from ..tasks.submit import submit_items

    settings = get_settings()

    async def submit(store: Store, advance: Any) -> Any:
        return await submit_items(
            store, settings, kind, name or kind, items, params, lock=lock, on_chunk=advance
        )

    _start(kind, len(items), fmt, wait, submit)


@jobs_app.command("audit")
def jobs_audit(
    file: Annotated[
        Path, typer.Argument(help=_("File with one domain per line ('-' for stdin)."), allow_dash=True)
    ],
    name: NameOpt = "",
    nameserver: NameserverOpt = None,
    timeout: TimeoutOpt = None,
    wait: WaitOpt = False,
    fmt: FmtOpt = Fmt.table,
    lang: LangOpt = None,
) -> None:
    """Audit domains as a job; each audit is kept in the console's history."""
    use_language(lang)
    items_command("audit", _lines(file), name, _dns_params(nameserver, timeout), fmt, wait)


@jobs_app.command("dmarc-ingest")
def jobs_dmarc_ingest(
    paths: Annotated[
        list[Path], typer.Argument(help=_("Report files or directories, on storage every worker reads."))
    ],
    name: NameOpt = "",
    wait: WaitOpt = False,
    fmt: FmtOpt = Fmt.table,
    lang: LangOpt = None,
) -> None:
    """Ingest DMARC and TLS reports as a job (each report stored once)."""
    use_language(lang)
    items_command("dmarc-ingest", _files(paths), name, {}, fmt, wait)


@jobs_app.command("scan")
def jobs_scan(
    paths: Annotated[
        list[Path],
        typer.Argument(help=_("Message files (.eml) or directories, on storage every worker reads.")),
    ],
    name: NameOpt = "",
    rules: Annotated[
        Path | None, typer.Option("--rules", help=_("YAML file overriding weights and lists."))
    ] = None,
    wait: WaitOpt = False,
    fmt: FmtOpt = Fmt.table,
    lang: LangOpt = None,
) -> None:
    """Analyse messages offline as a job; each verdict is kept with the job."""
    use_language(lang)
    params = {"rules": str(rules.resolve())} if rules else {}
    items_command("scan", _files(paths, (".eml", ".msg", ".txt", "")), name, params, fmt, wait)


def _row(info: dict[str, Any]) -> list[str]:
    return [
        str(info["id"]),
        info["kind"],
        info["name"],
        info["status"],
        f"{info['done']:,}/{info['total']:,}",
        str(info.get("failed") or 0),
        info["created_at"][:19],
    ]


COLUMNS = (_("Job"), _("Kind"), _("Name"), _("Status"), _("Done"), _("Failed"), _("Created"))


def _show(info: dict[str, Any], fmt: Fmt) -> None:
    if fmt is Fmt.json:
        sys.stdout.write(to_json(info) + "\n")
        return
    from rich.table import Table

    table = Table()
    for column in COLUMNS:
        table.add_column(column)
    table.add_row(*_row(info))
    out.print(table)
    summary = info.get("summary") or {}
    if summary.get("adoption"):
        adoption = Table(
            title=_("Adoption ({checked} domains checked, {errors} errors counted apart)").format(
                checked=summary.get("checked", 0), errors=summary.get("errors", 0)
            )
        )
        adoption.add_column(_("Metric"))
        adoption.add_column(_("Count"), justify="right")
        adoption.add_column(_("Share"), justify="right")
        for m in summary["adoption"]:
            share = "—" if m["share"] is None else f"{m['share']:.1%}"
            adoption.add_row(_(m["label"]), f"{m['count']:,}", share)
        out.print(adoption)


@jobs_app.command("list")
def jobs_list(fmt: FmtOpt = Fmt.table, lang: LangOpt = None) -> None:
    """The latest jobs and their progress."""
    from ..tasks import runs

    use_language(lang)
    rows = runs.list_runs(_store())
    if fmt is Fmt.json:
        sys.stdout.write(to_json(rows) + "\n")
        return
    from rich.table import Table

    table = Table()
    for column in COLUMNS:
        table.add_column(column)
    for info in rows:
        table.add_row(*_row(info))
    out.print(table)
    if not rows:
        out.print(_("No jobs yet."))


def _info(store: Store, run_id: int) -> dict[str, Any]:
    from ..tasks import runs

    info = runs.run_info(store, run_id)
    if info is None:
        raise fail(_("no job {id}").format(id=run_id))
    return info


@jobs_app.command("show")
def jobs_show(
    run_id: Annotated[int, typer.Argument(help=_("Job number."))],
    fmt: FmtOpt = Fmt.table,
    lang: LangOpt = None,
) -> None:
    """A job's progress (and a survey's adoption table once it is done)."""
    use_language(lang)
    _show(_info(_store(), run_id), fmt)


def _wait(store: Store, run_id: int, limit: float | None) -> dict[str, Any]:
    deadline = None if limit is None else time.monotonic() + limit
    while True:
        info = _info(store, run_id)
        if info["status"] in ("done", "failed"):
            return info
        if deadline is not None and time.monotonic() > deadline:
            raise fail(
                _("job {id} is not finished: {done} of {total}").format(
                    id=run_id, done=info["done"], total=info["total"]
                )
            )
        time.sleep(0.5)


@jobs_app.command("wait")
def jobs_wait(
    run_id: Annotated[int, typer.Argument(help=_("Job number."))],
    limit: Annotated[
        float | None, typer.Option("--limit", help=_("Give up after this many seconds (exit 2)."))
    ] = None,
    fmt: FmtOpt = Fmt.table,
    lang: LangOpt = None,
) -> None:
    """Wait until a job is finished, then show it."""
    use_language(lang)
    _show(_wait(_store(), run_id, limit), fmt)


@jobs_app.command("results")
def jobs_results(run_id: Annotated[int, typer.Argument(help=_("Job number."))], lang: LangOpt = None) -> None:
    """A job's results as JSON Lines: a survey's rows in input order, other jobs' items."""
    from ..tasks import runs

    use_language(lang)
    store = _store()
    info = _info(store, run_id)
    if info["kind"] == "survey":
        rows: Any = runs.survey_rows(store, int(info["params"]["survey_id"]))
    else:
        rows = (
            r
            for start in range(0, info["total"] + 1, 1000)
            for r in runs.item_results(store, run_id, offset=start, limit=1000)
        )
    for row in rows:
        sys.stdout.write(to_jsonl([row]))


@jobs_app.command("cancel")
def jobs_cancel(run_id: Annotated[int, typer.Argument(help=_("Job number."))], lang: LangOpt = None) -> None:
    """Cancel a job: its parts not started yet do nothing; a repeating poll stops."""
    from ..tasks import runs

    use_language(lang)
    if not runs.cancel(_store(), run_id):
        raise fail(_("no job {id}").format(id=run_id))
    out.print(_("Job {id} cancelled.").format(id=run_id))


def worker(
    name: Annotated[
        str, typer.Option("--name", help=_("This worker's name (default: host name and process id)."))
    ] = "",
    concurrency: Annotated[
        int, typer.Option("--concurrency", "-c", min=1, max=64, help=_("Jobs run at once."))
    ] = 4,
    stalled_after: Annotated[
        float,
        typer.Option(
            "--stalled-after",
            min=2.0,
            help=_("Seconds without a heartbeat after which a worker's jobs are run again elsewhere."),
        ),
    ] = 30.0,
    metrics_listen: MetricsListenOpt = None,
    log_format: LogFormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """Run queued jobs (PostgreSQL): start one on every host that should share the work."""
    from ..core.logs import configure_logging
    from ..core.logs import log_format as log_format_of
    from ..core.net import split_hostport
    from ..tasks.queue import conninfo
    from ..tasks.worker import WorkerOptions, run_worker

    use_language(lang)
    settings = get_settings()
    url = settings.resolved_database_url()
    try:
        conninfo(url)  # PostgreSQL, or a clear error
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    try:
        configure_logging(log_format_of(log_format))
        host, port = split_hostport(metrics_listen, 9109) if metrics_listen else (None, 9109)
    except (ConfigError, ValueError) as exc:
        raise fail(str(exc)) from exc
    options = WorkerOptions(
        name=name, concurrency=concurrency, stalled_after=stalled_after, metrics_host=host, metrics_port=port
    )
    asyncio.run(run_worker(url, _store(), options))
