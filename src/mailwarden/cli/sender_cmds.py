"""``mailwarden sender``: the sender test inbox — grade a real outgoing message against the
receivers' rules (``sender check``) or receive messages to grade (``sender inbox``).

Exit codes (README, "Exit codes"): ``check`` 0 when no check fails, 1 when one fails, 2 for a
file that cannot be read (or is over 40 MB) or a usage error."""

from __future__ import annotations

import asyncio
import signal
import sys
import threading
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..core.i18n import gettext as _
from ..core.render import WrappingTable, to_json
from .common import (
    CaFileOpt,
    ExitCode,
    LangOpt,
    NameserverOpt,
    err,
    fail,
    out,
    resolver_or_exit,
    use_language,
)
from .localise import LocalisedGroup

if TYPE_CHECKING:
    from ..deliverability.sender.report import SenderReport

sender_app = typer.Typer(
    cls=LocalisedGroup,
    help=_("Sender test inbox: grade outgoing mail against the receivers' rules"),
    no_args_is_help=True,
)


class CheckFormat(StrEnum):
    table = "table"
    json = "json"


STATUS_STYLE = {"pass": "green", "fail": "red", "warn": "yellow", "info": "cyan", "skipped": "dim"}


def _status_label(status: str) -> str:
    labels = {
        "pass": _("pass"),
        "fail": _("fail"),
        "warn": _("warn"),
        "info": _("info"),
        "skipped": _("skipped"),
    }
    return f"[{STATUS_STYLE[status]}]{labels[status]}[/{STATUS_STYLE[status]}]"


def _meets(value: bool | None) -> str:
    return _("yes") if value is True else _("no") if value is False else _("not known")


def render_report(report: SenderReport) -> None:
    heading = _("{sender}: grade {grade}, {score}/100 — {subject}")
    out.print(
        "[bold]"
        + heading.format(
            sender=report.sender or "-", grade=report.grade, score=report.score, subject=report.subject
        )
        + "[/bold]"
    )
    names = {"gmail": "Gmail", "yahoo": "Yahoo", "outlook": "Outlook"}
    for r, v in report.receivers().items():
        out.print(
            _("Meets {receiver}'s bulk-sender rules: {answer}").format(
                receiver=names[r], answer=_meets(v["meets"])
            )
        )
    t = WrappingTable()
    t.add_column(_("Status"))
    t.add_column(_("Check"))
    t.add_column(_("Detail"))
    t.add_column(_("What to do"))
    order = {"fail": 0, "warn": 1, "info": 2, "skipped": 3, "pass": 4}
    for c in sorted(report.checks, key=lambda c: order[c.status]):
        d = c.to_dict()
        todo = d["remediation"] + (f"\n[dim]{c.fix}[/dim]" if c.fix and c.status in ("fail", "warn") else "")
        t.add_row(_status_label(c.status), d["title"], d["detail"], todo)
    out.print(t)


@sender_app.command("check")
def sender_check(
    message: Annotated[Path, typer.Argument(help=_("The message (.eml) to grade."))],
    client_ip: Annotated[
        str | None,
        typer.Option("--client-ip", help=_("Address the message is sent from (for SPF and reverse DNS).")),
    ] = None,
    helo: Annotated[str, typer.Option("--helo", help=_("Name the sending server gives in HELO/EHLO."))] = "",
    mail_from: Annotated[
        str | None, typer.Option("--mail-from", help=_("Envelope sender (MAIL FROM); default: Return-Path."))
    ] = None,
    nameserver: NameserverOpt = None,
    check_unsubscribe: Annotated[
        bool,
        typer.Option(
            "--check-unsubscribe", help=_("Send one one-click POST to the List-Unsubscribe https URL.")
        ),
    ] = False,
    ca_file: CaFileOpt = None,
    save: Annotated[bool, typer.Option("--save", help=_("Keep the report for the console."))] = False,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f")] = CheckFormat.table,
    lang: LangOpt = None,
) -> None:
    """Grade one outgoing message against Gmail's, Yahoo's and Outlook's rules for senders."""
    use_language(lang)
    from ..core.config import get_settings
    from ..deliverability.sender import MAX_MESSAGE, MessageTooLarge, check_message

    try:
        size = message.stat().st_size
        if size > MAX_MESSAGE:
            raise fail(
                _("{path}: {size} bytes, over the {limit} bytes the sender check reads").format(
                    path=message, size=size, limit=MAX_MESSAGE
                )
            )
        raw = message.read_bytes()
    except OSError as exc:
        raise fail(
            _("cannot read {path}: {reason}").format(path=message, reason=exc.strerror or exc)
        ) from exc
    resolver = resolver_or_exit(nameserver)
    settings = get_settings()
    try:
        report = asyncio.run(
            check_message(
                raw,
                resolver=resolver,
                client_ip=client_ip,
                helo=helo,
                mail_from=mail_from,
                check_unsubscribe=check_unsubscribe,
                ca_file=ca_file or settings.ca_bundle,
                settings=settings,
            )
        )
    except MessageTooLarge as exc:
        raise fail(str(exc)) from exc
    except ValueError as exc:  # a --client-ip that is not an address
        raise fail(str(exc)) from exc
    if save:
        from ..core.store import open_store
        from ..deliverability.sender import save_report

        row = save_report(open_store(settings), report)
        err.print(_("Kept as sender check {id}.").format(id=row))
    if fmt is CheckFormat.json:
        sys.stdout.write(to_json(report.to_dict()) + "\n")
    else:
        render_report(report)
    if report.failed():
        raise typer.Exit(int(ExitCode.FINDINGS))


def _listen(value: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise fail(_("--listen wants HOST:PORT, not {value}").format(value=value))
    return host.strip("[]") or "127.0.0.1", int(port)


@sender_app.command("inbox")
def sender_inbox(
    listen: Annotated[str, typer.Option("--listen", help=_("Address to listen on, HOST:PORT."))],
    domain: Annotated[
        str | None,
        typer.Option("--domain", help=_("Accept mail for *@DOMAIN only (default: any recipient).")),
    ] = None,
    tls_cert: Annotated[
        Path | None, typer.Option("--tls-cert", help=_("Certificate chain (PEM) for STARTTLS."))
    ] = None,
    tls_key: Annotated[
        Path | None, typer.Option("--tls-key", help=_("Private key (PEM) for STARTTLS."))
    ] = None,
    nameserver: NameserverOpt = None,
    lang: LangOpt = None,
) -> None:
    """Receive messages by SMTP and grade each one (runs until stopped)."""
    use_language(lang)
    from ..core.config import get_settings
    from ..core.store import open_store
    from ..deliverability.sender.inbox import SenderInbox

    host, port = _listen(listen)
    if bool(tls_cert) != bool(tls_key):
        raise fail(_("--tls-cert and --tls-key go together"))
    settings = get_settings()
    if nameserver:
        settings = settings.model_copy(update={"nameservers": ",".join(nameserver)})
    store = open_store(settings)

    def show(token: str, report: SenderReport) -> None:
        out.print(f"{token or '-'}  {report.summary()}", highlight=False, markup=False, soft_wrap=True)
        sys.stdout.flush()

    try:
        inbox = SenderInbox(
            host,
            port,
            store=store,
            resolver_settings=settings,
            tls_cert=tls_cert,
            tls_key=tls_key,
            domain=domain or settings.sender_inbox_domain or None,
            on_report=show,
            ca_file=settings.ca_bundle,
        ).start()
    except (OSError, RuntimeError, TimeoutError) as exc:
        raise fail(_("cannot listen on {listen}: {reason}").format(listen=listen, reason=exc)) from exc
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_a: stop.set())
    err.print(_("Sender test inbox listening on {listen}").format(listen=f"{host}:{port}"))
    sys.stdout.flush()
    stop.wait()
    inbox.stop()
