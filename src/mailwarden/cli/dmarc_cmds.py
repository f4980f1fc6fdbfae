"""``mailwarden dmarc …``: ingest reports (files, directories, stdin)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..core.i18n import gettext as _
from ..core.render import to_json
from ..core.store import open_store
from ..dmarc.ingest import REJECTED, Ingestor, Outcome, counts
from .common import LangOpt, out, use_language

dmarc_app = typer.Typer(
    help=_("DMARC aggregate and failure reports, SMTP TLS reports."), no_args_is_help=True
)


class IngestFormat(StrEnum):
    table = "table"
    json = "json"


@dmarc_app.command("ingest")
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help=_("Report files or directories ('-' for stdin)."), allow_dash=True)
    ],
    fmt: Annotated[IngestFormat, typer.Option("--format", "-f")] = IngestFormat.table,
    lang: LangOpt = None,
) -> None:
    """Store reports found in PATHS: XML, gzip, zip, JSON, mail, mbox or maildir, by content."""
    use_language(lang)
    ingestor = Ingestor(open_store())
    outcomes: list[Outcome] = []
    for path in paths:
        if str(path) == "-":
            outcomes.extend(ingestor.ingest_bytes("stdin", sys.stdin.buffer.read()))
        else:
            outcomes.extend(ingestor.ingest_paths([path]))
    summary = counts(outcomes)
    if fmt is IngestFormat.json:
        print(to_json({"counts": summary, "outcomes": [o.to_dict() for o in outcomes]}))
    else:
        t = Table(title=_("Reports"))
        for col in (_("Result"), _("Kind"), _("Domain"), _("Records"), _("Source"), _("Reason")):
            t.add_column(col)
        labels = {"stored": _("stored"), "duplicate": _("duplicate"), "rejected": _("rejected")}
        for o in outcomes:
            t.add_row(
                labels[o.status], o.kind, o.domain, str(o.records), o.origin, o.reason or "; ".join(o.notes)
            )
        out.print(t)
        out.print(_("{stored} stored, {duplicate} duplicate, {rejected} rejected").format(**summary))
    if summary[REJECTED] and not summary["stored"] and not summary["duplicate"]:
        raise typer.Exit(1)
