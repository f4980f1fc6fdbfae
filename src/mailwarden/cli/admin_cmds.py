"""``mailwarden user …``, ``db …``, ``serve`` and ``codes``."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer
from rich.table import Table

from ..core import i18n
from ..core.config import get_settings
from ..core.errors import ConfigError, InputError
from ..core.findings import FindingDef, registry
from ..core.i18n import N_
from ..core.i18n import gettext as _
from ..core.render import severity_label, to_json
from .common import LangOpt, err, fail, out

user_app = typer.Typer(help=_("Manage console users."), no_args_is_help=True)
db_app = typer.Typer(help=_("Database maintenance."), no_args_is_help=True)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return str(typer.prompt(_("Password"), hide_input=True, confirmation_prompt=True))


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

    password = _read_password(password_stdin)
    try:
        create_user(open_store(), username, password, role)
    except InputError as exc:
        raise fail(str(exc)) from exc
    out.print(_("User {name} added with role {role}.").format(name=username, role=role))


@user_app.command("passwd")
def user_passwd(
    username: str, password_stdin: Annotated[bool, typer.Option("--password-stdin")] = False
) -> None:
    """Set a user's password; every console session of that user ends."""
    from ..core.sessions import end_all_of
    from ..core.store import open_store
    from ..core.users import set_password

    password = _read_password(password_stdin)
    store = open_store()
    try:
        set_password(store, username, password)
    except InputError as exc:
        raise fail(str(exc)) from exc
    end_all_of(store, username)
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


def serve(
    host: Annotated[str | None, typer.Option("--host")] = None,
    port: Annotated[int | None, typer.Option("--port")] = None,
    log_format: Annotated[
        str | None,
        typer.Option(
            "--log-format", help=_("text or json (one JSON object a line); default MAILWARDEN_LOG_FORMAT.")
        ),
    ] = None,
) -> None:
    """Run the web console."""
    import uvicorn

    from ..core.logs import configure_logging
    from ..core.logs import log_format as log_format_of
    from ..core.store import open_store
    from ..core.users import ensure_admin
    from ..web.app import create_app

    try:
        configure_logging(log_format_of(log_format))
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    s = get_settings()
    if s.intake_workers is None:
        # staff reports analysed beside the console where cores are to spare (at most 3): on
        # two cores the console does it all faster itself (docs/benchmarks.md, staff reports)
        cores = os.cpu_count() or 1
        s = s.model_copy(update={"intake_workers": max(0, min(cores - 2, 3))})
    store = open_store(s)
    password = ensure_admin(store)
    if password:
        err.print(_("Created user 'admin' with one-time password: {password}").format(password=password))
        err.print(_("Change it with: mailwarden user passwd admin"))
    app = create_app(s, store=store, simulations=True)
    # log_config=None: uvicorn's records go to the handler configure_logging set, in its format
    uvicorn.run(app, host=host or s.host, port=port or s.port, log_level="info", log_config=None)


def codes(
    fmt: Annotated[str, typer.Option("--format", "-f", help="markdown | json")] = "markdown",
    lang: LangOpt = None,
) -> None:
    """List every finding code (the registry)."""
    from ..cloud import codes as cloud_codes  # noqa: F401  (registers the cloud audit's codes)
    from ..deliverability.sender import codes as sender_codes  # noqa: F401  (the sender test inbox's codes)
    from ..leaks import codes as leak_codes  # noqa: F401  (registers the leak scanner's codes)
    from ..pqc import codes as pqc_codes  # noqa: F401  (the post-quantum inventory's codes)

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
