"""``mailwarden reports remediate|restore|remediations``: the reported message moved out of
every mailbox (IMAP master user) to a quarantine folder, and put back."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from ..core.errors import ConfigError, InputError
from ..core.i18n import gettext as _
from ..core.render import to_json
from ..core.timefmt import local_datetime
from .common import err, fail, out
from .reports_cmds import JsonOpt, reports_app

if TYPE_CHECKING:
    from ..reports.remediate import RemediationRow


def _table(rows: list[RemediationRow], title: str | None = None) -> Table:
    t = Table(title=title)
    for col in (
        _("When"),
        _("Run"),
        _("Cluster"),
        _("Mailbox"),
        _("Folder"),
        "UID",  # the IMAP term, as it is in every language
        _("Matched by"),
        _("Status"),
        _("Detail"),
    ):
        t.add_column(col)
    for r in rows:
        where = f"{r['uid']}" if r["uid"] else "-"
        if r["new_uid"] is not None:
            where += f" → {r['quarantine']} {r['new_uid']}"
        t.add_row(
            local_datetime(r["at"]),
            r["run"][:8],
            str(r["cluster_id"]),
            r["mailbox"],
            r["folder"] or "-",
            where,
            r["matched_by"] if r["uid"] else "-",
            r["status"],
            r["detail"][:120],
        )
    return t


@reports_app.command("remediate")
def reports_remediate(
    cluster_id: Annotated[int, typer.Argument(help=_("A cluster resolved as phishing."))],
    apply: Annotated[
        bool,
        typer.Option("--apply", help=_("Move what is found to the quarantine folder (default: a dry run).")),
    ] = False,
    mailbox: Annotated[
        list[str] | None, typer.Option("--mailbox", help=_("A mailbox to search; repeat for several."))
    ] = None,
    mailboxes: Annotated[
        Path | None,
        typer.Option(
            "--mailboxes",
            help=_("A file of mailboxes, one a line (default: MAILWARDEN_REMEDIATE_MAILBOXES)."),
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Find the cluster's message in every mailbox (Message-ID, or sender, subject and body) and,
    with --apply, move it to the quarantine folder. Every message found or moved is logged."""
    from ..core.config import get_settings
    from ..core.store import open_store
    from ..reports.remediate import RemediateConfig, mailboxes_from, remediate

    settings = get_settings()
    try:
        config = RemediateConfig.from_settings(settings)
        names = mailboxes_from(list(mailbox or []), mailboxes or settings.remediate_mailboxes)
        result = remediate(
            open_store(settings),
            config,
            cluster_id,
            names,
            actor=f"cli:{getpass.getuser()}",
            apply=apply,
            progress=None
            if as_json
            else lambda o: err.print(f"  {o['mailbox']}: {o['status']}", highlight=False),
        )
    except (ConfigError, InputError) as exc:
        raise fail(str(exc)) from exc
    if as_json:
        sys.stdout.write(to_json(result) + "\n")
    else:
        hits = [r for r in result["rows"] if r["uid"]]
        out.print(_table(hits, _("Messages")) if hits else _("No message of the cluster was found."))
        failed = [m for m in result["mailboxes"] if m["status"] == "failed"]
        for m in failed:
            err.print(f"[red]{m['mailbox']}[/red]: {m['detail']}", highlight=False)
        if result["applied"]:
            summary = _("Run {run}: {moved} moved to {folder}, {failed} failed, in {n} mailboxes.")
        else:
            summary = _("Dry run {run}: {found} found in {n} mailboxes ({failed} failed); nothing moved.")
        out.print(
            summary.format(
                run=result["run"],
                moved=result["moved"],
                found=result["found"],
                folder=result["quarantine"],
                failed=result["failed"],
                n=len(result["mailboxes"]),
            ),
            highlight=False,
        )
        if not result["applied"] and result["found"]:
            out.print(_("Run again with --apply to move them."))
    if result["failed"]:
        raise typer.Exit(1)


@reports_app.command("restore")
def reports_restore(
    run: Annotated[str | None, typer.Argument(help=_("The remediation run to undo."))] = None,
    cluster: Annotated[
        int | None, typer.Option("--cluster", help=_("Undo every remediation of this cluster."))
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Move the messages a remediation moved back to their folders."""
    from ..core.config import get_settings
    from ..core.store import open_store
    from ..reports.remediate import RemediateConfig, restore

    if (run is None) == (cluster is None):
        raise fail(_("name a run or --cluster, not both"))
    settings = get_settings()
    try:
        config = RemediateConfig.from_settings(settings)
        result = restore(
            open_store(settings), config, actor=f"cli:{getpass.getuser()}", run=run, cluster_id=cluster
        )
    except (ConfigError, InputError) as exc:
        raise fail(str(exc)) from exc
    if as_json:
        sys.stdout.write(to_json(result) + "\n")
    else:
        if result["rows"]:
            out.print(_table(result["rows"]))
        out.print(
            _("{restored} restored, {failed} not restored.").format(
                restored=result["restored"], failed=result["failed"]
            ),
            highlight=False,
        )
    if result["failed"]:
        raise typer.Exit(1)


@reports_app.command("remediations")
def reports_remediations(
    cluster: Annotated[int | None, typer.Option("--cluster", help=_("Only this cluster."))] = None,
    run: Annotated[str | None, typer.Option("--run", help=_("Only this run."))] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=10000)] = 1000,
    as_json: JsonOpt = False,
) -> None:
    """The remediation log: every message found, moved or restored, and every mailbox that failed."""
    from ..core.store import open_store
    from ..reports.remediate import remediations

    rows = remediations(open_store(), cluster_id=cluster, run=run, limit=limit)
    if as_json:
        sys.stdout.write(to_json(rows) + "\n")
        return
    out.print(_table(rows) if rows else _("Nothing was remediated."))
