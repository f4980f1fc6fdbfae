"""``mailwarden jobs dmarc-poll|reports-poll``: a pass over a mailbox as a queue job — once, or
``--every`` N seconds on whichever worker is free (the next pass is queued by the one before,
once) until ``jobs cancel``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..core.config import get_settings
from ..core.i18n import gettext as _
from .common import (
    CaFileOpt,
    FolderOpt,
    ImapHostOpt,
    ImapPortOpt,
    ImapUserOpt,
    LangOpt,
    ProcessedFolderOpt,
    fail,
    use_language,
)
from .jobs_cmds import Fmt, FmtOpt, NameOpt, WaitOpt, items_command, jobs_app

SecurityOpt = Annotated[str, typer.Option("--security", help="tls | starttls | plain")]
PasswordEnvOpt = Annotated[
    str,
    typer.Option(
        "--password-env", help=_("The environment variable holding the IMAP password on the workers.")
    ),
]
RejectedOpt = Annotated[
    str, typer.Option("--rejected-folder", help=_("Where messages without a usable report go."))
]
EveryOpt = Annotated[
    float | None,
    typer.Option(
        "--every", min=10.0, help=_("Poll again every this many seconds, on the workers, until jobs cancel.")
    ),
]


def _poll(kind: str, params: dict[str, Any], every: float | None, name: str, fmt: Fmt, wait: bool) -> None:
    from ..tasks.submit import use_queue
    from ..tasks.work import poll_item, poll_lock

    if every is not None:
        if not use_queue(get_settings()):
            command = "dmarc fetch --watch" if kind == "dmarc-poll" else "reports fetch --watch"
            raise fail(
                _(
                    "--every needs the job queue (PostgreSQL); with the embedded database use {command}"
                ).format(command=command)
            )
        params["every"] = every
    # a repeating poll never finishes: --wait waits for a single pass only
    items_command(
        kind, [poll_item(params)], name, params, fmt, wait and every is None, lock=poll_lock(params)
    )


def _params(
    host: str,
    user: str,
    port: int | None,
    security: str,
    folder: str,
    processed: str,
    rejected: str,
    ca_file: Path | None,
    password_env: str,
) -> dict[str, Any]:
    return {
        "host": host,
        "user": user,
        "port": port,
        "security": security,
        "folder": folder,
        "processed": processed,
        "rejected": rejected,
        "ca_file": str(ca_file.resolve()) if ca_file else None,
        "password_env": password_env,
    }


@jobs_app.command("dmarc-poll")
def jobs_dmarc_poll(
    imap_host: ImapHostOpt,
    imap_user: ImapUserOpt,
    imap_port: ImapPortOpt = None,
    security: SecurityOpt = "tls",
    folder: FolderOpt = "INBOX",
    processed: ProcessedFolderOpt = "Processed",
    rejected: RejectedOpt = "Rejected",
    ca_file: CaFileOpt = None,
    password_env: PasswordEnvOpt = "MAILWARDEN_IMAP_PASSWORD",
    every: EveryOpt = None,
    name: NameOpt = "",
    wait: WaitOpt = False,
    fmt: FmtOpt = Fmt.table,
    lang: LangOpt = None,
) -> None:
    """Poll a DMARC report mailbox as a job: once, or --every N seconds."""
    use_language(lang)
    params = _params(
        imap_host, imap_user, imap_port, security, folder, processed, rejected, ca_file, password_env
    )
    _poll("dmarc-poll", params, every, name, fmt, wait)


@jobs_app.command("reports-poll")
def jobs_reports_poll(
    imap_host: ImapHostOpt,
    imap_user: ImapUserOpt,
    imap_port: ImapPortOpt = None,
    security: SecurityOpt = "tls",
    folder: FolderOpt = "INBOX",
    processed: ProcessedFolderOpt = "Processed",
    rejected: RejectedOpt = "Rejected",
    ca_file: CaFileOpt = None,
    password_env: PasswordEnvOpt = "MAILWARDEN_IMAP_PASSWORD",
    every: EveryOpt = None,
    name: NameOpt = "",
    wait: WaitOpt = False,
    fmt: FmtOpt = Fmt.table,
    lang: LangOpt = None,
) -> None:
    """Poll the staff's reporting mailbox as a job: once, or --every N seconds."""
    use_language(lang)
    params = _params(
        imap_host, imap_user, imap_port, security, folder, processed, rejected, ca_file, password_env
    )
    _poll("reports-poll", params, every, name, fmt, wait)
