"""Remediation: the message of a cluster resolved as phishing found in every staff mailbox and
moved to a quarantine folder — a dry run first — every move logged and reversible.

What is looked for (``targets``): the reports' Message-IDs, and for each report that is not a
degraded inline forward a fingerprint — the sender's address, the subject and a hash of the
body text (``fingerprint``) — that finds the copies whose Message-ID differs (a campaign that
writes one per recipient). Where: every selectable folder of each mailbox but the quarantine
folder itself (and folders under it), so a second run finds nothing that was already moved.

A mailbox that cannot be opened, or drops, is logged as failed with the reason; the others are
done. Each mailbox's rows are committed once it is done; the run's audit row at the end."""

from __future__ import annotations

import contextlib
import imaplib
import uuid
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from typing_extensions import TypedDict

from ..core.errors import ConfigError, InputError
from ..core.i18n import gettext
from ..core.store import Store
from ..core.store.models import utcnow
from . import remediate_imap as imap
from .models import ReportAudit, ReportRemediation
from .remediate_find import Budget, Targets, mailboxes_from, scan_folder, targets
from .remediate_imap import MoveFailed, RemediateConfig

__all__ = ["RemediateConfig", "mailboxes_from", "remediate", "remediations", "restore", "targets"]


class RemediationRow(TypedDict):
    id: int
    run: str
    cluster_id: int
    at: str
    actor: str
    mailbox: str
    folder: str
    uidvalidity: int
    uid: int
    message_id: str
    matched_by: str
    quarantine: str
    new_uidvalidity: int | None
    new_uid: int | None
    status: str
    detail: str
    restored_at: str | None


class MailboxOutcome(TypedDict):
    mailbox: str
    #: ok, failed
    status: str
    found: int
    moved: int
    detail: str


class RunResult(TypedDict):
    run: str
    cluster_id: int
    applied: bool
    quarantine: str
    mailboxes: list[MailboxOutcome]
    found: int
    moved: int
    failed: int
    rows: list[RemediationRow]


class RestoreResult(TypedDict):
    restored: int
    failed: int
    rows: list[RemediationRow]


def _row(
    run: str, cluster_id: int, actor: str, mailbox: str, config: RemediateConfig, **kw: object
) -> ReportRemediation:
    return ReportRemediation(
        run=run,
        cluster_id=cluster_id,
        at=utcnow(),
        actor=actor[:320],
        mailbox=mailbox[:320],
        quarantine=config.quarantine,
        **kw,
    )


def _mailbox(
    config: RemediateConfig, mailbox: str, t: Targets, apply: bool, make: Callable[..., ReportRemediation]
) -> tuple[MailboxOutcome, list[ReportRemediation]]:
    rows: list[ReportRemediation] = []
    outcome: MailboxOutcome = {"mailbox": mailbox, "status": "ok", "found": 0, "moved": 0, "detail": ""}
    budget = Budget()
    try:
        conn = imap.connect(config, mailbox)
    except ConfigError as exc:
        outcome["status"], outcome["detail"] = "failed", str(exc)
        rows.append(make(mailbox, folder="", uidvalidity=0, uid=0, status="failed", detail=str(exc)[:2000]))
        return outcome, rows
    try:
        caps = imap.capabilities(conn)
        folders, delim = imap.list_folders(conn)
        q = config.quarantine
        if apply:
            try:
                imap.ensure_folder(conn, q)
            except MoveFailed as exc:
                raise MoveFailed(
                    gettext("the quarantine folder {folder} cannot be made: {error}").format(
                        folder=q, error=exc
                    )
                ) from exc
        for folder in folders:
            if folder == q or folder.startswith(q + delim):
                continue
            validity = imap.select(conn, folder, readonly=not apply)
            if validity is None:
                continue  # gone since the listing
            for hit in scan_folder(conn, folder, validity, t, budget):
                outcome["found"] += 1
                base = {
                    "folder": folder,
                    "uidvalidity": hit.uidvalidity,
                    "uid": hit.uid,
                    "message_id": hit.message_id[:998],
                    "matched_by": hit.matched_by,
                }
                if not apply:
                    rows.append(make(mailbox, status="found", **base))
                    continue
                try:
                    new_validity, new_uid = imap.move(conn, caps, hit.uid, q)
                except MoveFailed as exc:
                    rows.append(make(mailbox, status="failed", detail=str(exc)[:2000], **base))
                    continue
                outcome["moved"] += 1
                rows.append(
                    make(mailbox, status="moved", new_uidvalidity=new_validity, new_uid=new_uid, **base)
                )
        outcome["detail"] = budget.note
    except (OSError, imaplib.IMAP4.error, MoveFailed) as exc:
        reason = (
            str(exc)
            if isinstance(exc, MoveFailed)
            else gettext("the connection failed: {error}").format(error=exc)
        )
        outcome["status"], outcome["detail"] = "failed", reason
        rows.append(make(mailbox, folder="", uidvalidity=0, uid=0, status="failed", detail=reason[:2000]))
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            conn.logout()
    return outcome, rows


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt is not None else None


def as_row(r: ReportRemediation) -> RemediationRow:
    return {
        "id": r.id,
        "run": r.run,
        "cluster_id": r.cluster_id,
        "at": r.at.isoformat(),
        "actor": r.actor,
        "mailbox": r.mailbox,
        "folder": r.folder,
        "uidvalidity": r.uidvalidity,
        "uid": r.uid,
        "message_id": r.message_id,
        "matched_by": r.matched_by,
        "quarantine": r.quarantine,
        "new_uidvalidity": r.new_uidvalidity,
        "new_uid": r.new_uid,
        "status": r.status,
        "detail": r.detail,
        "restored_at": _iso(r.restored_at),
    }


def remediate(
    store: Store,
    config: RemediateConfig,
    cluster_id: int,
    mailboxes: list[str],
    *,
    actor: str,
    apply: bool = False,
    progress: Callable[[MailboxOutcome], None] | None = None,
) -> RunResult:
    """Search ``mailboxes`` for the cluster's message; with ``apply``, move what is found to the
    quarantine folder. Every hit (found, moved or failed) and every failed mailbox is logged
    under one run id. InputError unless the cluster is resolved as phishing."""
    t = targets(store, cluster_id)
    run = uuid.uuid4().hex
    result: RunResult = {
        "run": run,
        "cluster_id": cluster_id,
        "applied": apply,
        "quarantine": config.quarantine,
        "mailboxes": [],
        "found": 0,
        "moved": 0,
        "failed": 0,
        "rows": [],
    }

    def make(mailbox: str, **kw: object) -> ReportRemediation:
        return _row(run, cluster_id, actor, mailbox, config, **kw)

    for mailbox in mailboxes:
        outcome, rows = _mailbox(config, mailbox, t, apply, make)
        with store.session(write=True) as s:
            s.add_all(rows)
            s.flush()
            result["rows"].extend(as_row(r) for r in rows)
        result["mailboxes"].append(outcome)
        result["found"] += outcome["found"]
        result["moved"] += outcome["moved"]
        result["failed"] += sum(1 for r in rows if r.status == "failed")
        if progress is not None:
            progress(outcome)
    detail = (
        f"run {run}: {'apply' if apply else 'dry run'}; {len(mailboxes)} mailboxes, "
        f"{result['found']} found, {result['moved']} moved, {result['failed']} failed"
    )
    with store.session(write=True) as s:
        s.add(ReportAudit(actor=actor[:320], action="remediate", cluster_id=cluster_id, detail=detail))
    return result


def remediations(
    store: Store, *, cluster_id: int | None = None, run: str | None = None, limit: int = 1000
) -> list[RemediationRow]:
    """The log, newest first."""
    q = select(ReportRemediation).order_by(ReportRemediation.id.desc()).limit(max(1, min(limit, 10_000)))
    if cluster_id is not None:
        q = q.where(ReportRemediation.cluster_id == cluster_id)
    if run is not None:
        q = q.where(ReportRemediation.run == run)
    with store.session() as s:
        return [as_row(r) for r in s.scalars(q)]


# -- putting back ---------------------------------------------------------------------------
def _restore_one(conn: imap.Conn, caps: frozenset[str], r: ReportRemediation, q: str) -> str:
    """Put one message back; '' when done, else why not. The quarantine folder is selected."""
    if r.new_uid is None or r.new_uidvalidity is None:
        return gettext("its UID in the quarantine folder is not known")
    if not imap.exists(conn, r.new_uid):
        return gettext("it is no longer in the quarantine folder")
    if not imap.folder_exists(conn, r.folder):
        return gettext("its folder {folder} no longer exists").format(folder=r.folder)
    try:
        _, uid = imap.move(conn, caps, r.new_uid, r.folder)
    except MoveFailed as exc:
        return str(exc) or gettext("the server refused the move")
    r.detail = f"restored to {r.folder} as UID {uid}" if uid is not None else f"restored to {r.folder}"
    return ""


def _restore_mailbox(config: RemediateConfig, mailbox: str, rows: list[ReportRemediation]) -> None:
    q = config.quarantine if not rows else rows[0].quarantine or config.quarantine
    try:
        conn = imap.connect(config, mailbox)
    except ConfigError as exc:
        for r in rows:
            r.detail = f"restore failed: {exc}"[:2000]
        return
    try:
        caps = imap.capabilities(conn)
        validity = imap.select(conn, q, readonly=False)
        for r in rows:
            if validity is None:
                why = gettext("the quarantine folder {folder} cannot be opened").format(folder=q)
            elif validity != r.new_uidvalidity:
                why = gettext("the quarantine folder's UIDVALIDITY changed: the UIDs are no longer valid")
            else:
                why = _restore_one(conn, caps, r, q)
            if why:
                r.detail = f"restore failed: {why}"[:2000]
            else:
                r.status, r.restored_at = "restored", utcnow()
    except (OSError, imaplib.IMAP4.error) as exc:
        for r in rows:
            if r.status == "moved":
                r.detail = f"restore failed: {exc}"[:2000]
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            conn.logout()


def restore(
    store: Store,
    config: RemediateConfig,
    *,
    actor: str,
    run: str | None = None,
    cluster_id: int | None = None,
) -> RestoreResult:
    """Move back what a run (or every run of a cluster) moved, checking that the quarantine
    folder's UIDVALIDITY is the one logged. A message that cannot be put back stays logged as
    moved, with the reason in its detail."""
    if (run is None) == (cluster_id is None):
        raise InputError(gettext("name a run or a cluster to restore"))
    q = select(ReportRemediation).where(ReportRemediation.status == "moved").order_by(ReportRemediation.id)
    q = (
        q.where(ReportRemediation.run == run)
        if run is not None
        else q.where(ReportRemediation.cluster_id == cluster_id)
    )
    with store.session() as s:
        rows = list(s.scalars(q))
    if not rows and not remediations(store, run=run, cluster_id=cluster_id, limit=1):
        raise InputError(gettext("nothing was remediated in {what}").format(what=run or cluster_id))
    by_mailbox: dict[str, list[ReportRemediation]] = {}
    for r in rows:
        by_mailbox.setdefault(r.mailbox, []).append(r)
    done: list[RemediationRow] = []
    for mailbox, group in by_mailbox.items():
        _restore_mailbox(config, mailbox, group)
        with store.session(write=True) as s:
            for r in group:
                s.merge(r)
        done.extend(as_row(r) for r in group)
    restored = sum(1 for r in done if r["status"] == "restored")
    what = f"run {run}" if run else f"cluster {cluster_id}"
    detail = f"{what}: {restored} restored, {len(done) - restored} failed"
    for cid in sorted({r.cluster_id for r in rows}):
        with store.session(write=True) as s:
            s.add(ReportAudit(actor=actor[:320], action="restore", cluster_id=cid, detail=detail))
    return {"restored": restored, "failed": len(done) - restored, "rows": done}
