"""What every command module shares: consoles, the DNS seam from options, errors, options."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import IntEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from ..core import i18n
from ..core.config import get_settings
from ..core.dns import Resolver, nameservers_from
from ..core.errors import ConfigError
from ..core.i18n import gettext as _
from ..core.render import to_json, to_jsonl


def _console(stderr: bool = False) -> Console:
    """A console that reads COLUMNS when it prints, not once when this module is imported (Rich
    fixes the width it finds in the environment at construction): a process that runs several
    commands — the test suite's runner, a shell completing — gets each command's width."""
    console = Console(stderr=stderr)
    console._width = None  # the terminal's or COLUMNS' width, looked up at each print
    return console


out = _console()
err = _console(stderr=True)

NameserverOpt = Annotated[
    list[str] | None,
    typer.Option("--nameserver", "-n", help=_("DNS server HOST[:PORT]; repeat for several.")),
]
LogFormatOpt = Annotated[
    str | None,
    typer.Option(
        "--log-format", help=_("text or json (one JSON object a line); default MAILWARDEN_LOG_FORMAT.")
    ),
]
#: a long-running process's /metrics and probes (the gateway, a job worker)
MetricsListenOpt = Annotated[
    str | None,
    typer.Option(
        "--metrics-listen",
        help=_("Serve /metrics, /healthz and /readyz over HTTP on HOST:PORT (off by default)."),
    ),
]
LangOpt = Annotated[str | None, typer.Option("--lang", help=_("Output language: ja or en."))]

# the options of commands that read a mailbox over IMAP (dmarc fetch, reports fetch)
ImapHostOpt = Annotated[str, typer.Option("--imap-host", help=_("IMAP server."))]
ImapUserOpt = Annotated[
    str,
    typer.Option("--imap-user", help=_("IMAP user; the password comes from MAILWARDEN_IMAP_PASSWORD.")),
]
ImapPortOpt = Annotated[int | None, typer.Option("--imap-port")]
FolderOpt = Annotated[str, typer.Option("--folder", help=_("Folder to read."))]
ProcessedFolderOpt = Annotated[
    str, typer.Option("--processed-folder", help=_("Where handled messages are moved."))
]
CaFileOpt = Annotated[Path | None, typer.Option("--ca-file", help=_("Extra CA certificates (PEM)."))]


def make_resolver(nameservers: list[str] | None, timeout: float | None = None) -> Resolver:
    s = get_settings()
    specs = list(nameservers or []) or ([s.nameservers] if s.nameservers else [])
    return Resolver(
        nameservers_from(specs) or None,
        timeout=timeout or s.dns_timeout,
        retries=s.dns_retries,
        concurrency=s.dns_concurrency,
    )


def fail(message: str) -> typer.Exit:
    label = _("Error")
    err.print(f"[red]{label}:[/red] {message}")
    return typer.Exit(2)


def use_language(lang: str | None) -> None:
    """Apply ``--lang`` when given (else the environment's language stays); a language with
    no catalogue (``--lang fr``) is refused, not passed over in silence."""
    if lang:
        if i18n.normalise_language(lang) is None:
            raise fail(
                _("no output language {lang!r}: choose one of {choices}").format(
                    lang=lang, choices=", ".join(i18n.LANGUAGES)
                )
            )
        i18n.set_language(lang)


def resolver_or_exit(nameservers: list[str] | None, timeout: float | None = None) -> Resolver:
    try:
        return make_resolver(nameservers, timeout)
    except ConfigError as exc:
        raise fail(str(exc)) from exc


def write_json_rows(rows: Iterable[Any], *, jsonl: bool) -> None:
    """JSON Lines as each row comes (a directory of thousands streams), or one JSON array."""
    if jsonl:
        for row in rows:
            sys.stdout.write(to_jsonl([row]))
            sys.stdout.flush()
    else:
        sys.stdout.write(to_json(list(rows)) + "\n")


def print_rows(
    rows: Sequence[Any],
    as_json: bool,
    columns: Sequence[str],
    cells: Callable[[Any], Sequence[str]],
    *,
    empty: str | None = None,
) -> None:
    """``rows`` as one JSON array (``--json``), or as a table of ``columns`` whose cells
    ``cells`` makes from each row (with ``empty`` said under it when there are none)."""
    if as_json:
        sys.stdout.write(to_json(list(rows)) + "\n")
        return
    from rich.table import Table

    table = Table()
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*cells(row))
    out.print(table)
    if not rows and empty:
        out.print(empty)


class ExitCode(IntEnum):
    """What every checking command exits with (README, "Exit codes"); the largest code met wins."""

    OK = 0  #: everything read and checked, nothing found
    FINDINGS = 1  #: something was found (a flagged message, personal data, a domain warning)
    INPUT = 2  #: a usage error, or input that could not be read
    UNCHECKED = 3  #: input read but not checked (DNS unreachable, a check undetermined)


class ExitTracker:
    """Watches results go by (as they stream) and remembers the exit code they call for."""

    def __init__(self) -> None:
        self.code = ExitCode.OK

    def note(self, code: ExitCode) -> None:
        self.code = max(self.code, code)

    def watch(
        self, results: Iterable[dict[str, Any]], classify: Callable[[dict[str, Any]], ExitCode]
    ) -> Iterator[dict[str, Any]]:
        for r in results:
            self.note(ExitCode.INPUT if "error" in r else classify(r))
            yield r

    def exit(self) -> None:
        if self.code:
            raise typer.Exit(int(self.code))
