"""``mailwarden reports queue|cluster|take|note``: the triage queue from the command line —
clusters of reports by priority, one cluster in full, taking one in review, notes."""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import typer
from rich.table import Table

from ..core.errors import InputError
from ..core.i18n import gettext as _
from ..core.labels import label
from ..core.render import to_json
from ..core.timefmt import local_datetime
from .common import fail, out, print_rows
from .reports_cmds import JsonOpt, reports_app

ClusterArg = Annotated[int, typer.Argument(help=_("The cluster's ID."))]


def _actor() -> str:
    return f"cli:{getpass.getuser()}"


@reports_app.command("queue")
def reports_queue(
    resolved: Annotated[
        bool, typer.Option("--resolved", help=_("The resolved clusters, latest decision first."))
    ] = False,
    status: Annotated[str | None, typer.Option("--status", help=_("received, in_review or resolved"))] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000)] = 50,
    offset: Annotated[int, typer.Option("--offset", min=0)] = 0,
    as_json: JsonOpt = False,
) -> None:
    """The triage queue: open clusters of reports, most urgent first."""
    from ..core.store import open_store
    from ..reports.triage import list_clusters

    try:
        rows = list_clusters(open_store(), resolved=resolved, status=status, limit=limit, offset=offset)
    except InputError as exc:
        raise fail(str(exc)) from exc
    print_rows(
        rows,
        as_json,
        (_("ID"), _("Priority"), _("Reports"), _("Reporters"), _("Verdict"), _("Status"), _("Subject")),
        lambda r: (
            str(r["id"]),
            f"{r['priority']:.1f}",
            str(r["size"]),
            str(r["reporters"]),
            label(r["verdict"], "report"),
            label(r["classification"] or r["status"], "report"),
            f"{r['subject'][:60]}\n{r['sender_domain']}" if r["sender_domain"] else r["subject"][:60],
        ),
        empty=_("No clusters."),
    )


@reports_app.command("cluster")
def reports_cluster(cluster_id: ClusterArg, as_json: JsonOpt = False) -> None:
    """Show one cluster: its reports, the analyser's signals, notes and decisions."""
    from ..core.store import open_store
    from ..reports.triage import get_cluster

    detail = get_cluster(open_store(), cluster_id)
    if detail is None:
        raise fail(_("no such cluster: {id}").format(id=cluster_id))
    if as_json:
        sys.stdout.write(to_json(detail) + "\n")
        return
    for name, value in (
        (_("Subject"), detail["subject"]),
        (_("Sender domain"), detail["sender_domain"] or "-"),
        (_("Status"), label(detail["status"], "report")),
        (_("Classification"), label(detail["classification"], "report") if detail["classification"] else "-"),
        (_("Verdict"), f"{label(detail['verdict'], 'report')} ({detail['score']:.1f})"),
        (_("Priority"), f"{detail['priority']:.1f}"),
        (_("Reports"), str(detail["size"])),
        (_("Reporters"), str(detail["reporters"])),
        (_("Assignee"), detail["assignee"] or "-"),
    ):
        out.print(f"[bold]{name}:[/bold] {value}", highlight=False)
    for s in detail["signals"]:
        out.print(f"  {s.get('weight', 0):+.1f} {s.get('code')}: {s.get('explanation', '')}", highlight=False)
    t = Table(title=_("Reports"))
    for col in (_("ID"), _("Reported"), _("Reporter"), _("Status")):
        t.add_column(col)
    for r in detail["reports"]:
        t.add_row(str(r["id"]), local_datetime(r["reported_at"]), r["reporter"], label(r["status"], "report"))
    out.print(t)
    for a in detail["audit"]:
        out.print(f"  {local_datetime(a['at'])} {a['actor']} {a['action']}: {a['detail']}", highlight=False)


@reports_app.command("take")
def reports_take(
    cluster_id: ClusterArg,
    to: Annotated[str | None, typer.Option("--to", help=_("Who reviews it (default: you)."))] = None,
) -> None:
    """Put a cluster in review, assigned to you or to --to; the decision is logged."""
    from ..core.store import open_store
    from ..reports.service import take_cluster

    who = to or getpass.getuser()
    try:
        count = take_cluster(open_store(), cluster_id, who, _actor())
    except InputError as exc:
        raise fail(str(exc)) from exc
    out.print(
        _("Cluster {id} is in review with {who}: {count} reports.").format(
            id=cluster_id, who=who, count=count
        )
    )


@reports_app.command("note")
def reports_note(
    cluster_id: ClusterArg, text: Annotated[str, typer.Argument(help=_("The note, kept in the audit log."))]
) -> None:
    """Add a note to a cluster (kept in its audit log)."""
    from ..core.store import open_store
    from ..reports.triage import add_note

    try:
        add_note(open_store(), cluster_id, _actor(), text)
    except InputError as exc:
        raise fail(str(exc)) from exc
    out.print(_("Note added to cluster {id}.").format(id=cluster_id))
