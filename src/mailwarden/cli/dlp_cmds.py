"""``mailwarden dlp``: find personal data and secrets in messages, offline."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from ..core.i18n import gettext as _
from ..core.sources import per_message
from ..dlp.service import check_message
from .common import LangOpt, fail, out, use_language

dlp_app = typer.Typer(
    help=_("Data-loss prevention: personal data and secrets in outgoing mail."), no_args_is_help=True
)


class DlpFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


@dlp_app.command("check")
def check(
    paths: Annotated[list[str], typer.Argument(help=_("Messages: .eml, mbox, directories, or - for stdin."))],
    fmt: Annotated[DlpFormat, typer.Option("--format", "-f", help=_("Output format."))] = DlpFormat.table,
    lang: LangOpt = None,
) -> None:
    """List every match, masked, with its detector, location and unique-instance counts."""
    use_language(lang)
    if not paths:
        raise fail(_("give at least one message, directory or -"))
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    results = per_message(paths, stdin, check_message)
    if fmt == DlpFormat.jsonl:
        for r in results:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    if fmt == DlpFormat.json:
        sys.stdout.write(json.dumps(list(results), ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=_("Data-loss prevention"))
    for col in (_("Message"), _("Detector"), _("Match"), _("Where"), _("Confidence")):
        table.add_column(col)
    for r in results:
        if "error" in r:
            table.add_row(r["path"], _("unreadable"), "-", r["error"], "-")
            continue
        for m in r["matches"]:
            table.add_row(
                r["path"], _(m["description"]), m["masked"], m["location"], f"{m['confidence']:.2f}"
            )
        for u in r["unscannable"]:
            table.add_row(r["path"], _("unscannable"), "-", f"{u['location']}: {u['reason']}", "-")
        if not r["matches"] and not r["unscannable"]:
            table.add_row(r["path"], _("nothing found"), "-", "-", "-")
    out.print(table)
