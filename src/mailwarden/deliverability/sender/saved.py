"""Sender reports kept in ``sender_checks`` and read back for the console."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ...core.store import Store
from ..models import SenderCheck
from .report import SenderReport


def save_report(store: Store, report: SenderReport, token: str = "") -> int:
    """Keep ``report`` (the JSON of ``to_dict()``) under ``token``; the row id."""
    row = SenderCheck(
        token=token[:64],
        sender=report.sender[:320],
        subject=report.subject,
        grade=report.grade,
        score=report.score,
        report=report.to_dict(),
    )
    with store.session(write=True) as s:
        s.add(row)
        s.flush()
        return int(row.id)


def _row(c: SenderCheck) -> dict[str, Any]:
    return {
        "id": c.id,
        "at": c.at.isoformat() if c.at else None,
        "token": c.token,
        "sender": c.sender,
        "subject": c.subject,
        "grade": c.grade,
        "score": c.score,
        "report": c.report,
    }


def latest_check(store: Store, token: str) -> dict[str, Any] | None:
    """The last message graded for ``token`` (the local part it was sent to), or None."""
    with store.session() as s:
        c = s.scalars(
            select(SenderCheck).where(SenderCheck.token == token).order_by(SenderCheck.id.desc()).limit(1)
        ).first()
        return _row(c) if c else None


def recent_checks(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    """The last ``limit`` messages graded, newest first."""
    with store.session() as s:
        rows = s.scalars(select(SenderCheck).order_by(SenderCheck.id.desc()).limit(max(1, min(limit, 1000))))
        return [_row(c) for c in rows]


def get_check(store: Store, check_id: int) -> dict[str, Any] | None:
    with store.session() as s:
        c = s.get(SenderCheck, check_id)
        return _row(c) if c else None


def checks_for(store: Store, token: str, limit: int = 20) -> list[dict[str, Any]]:
    """The last ``limit`` messages graded for ``token``, newest first."""
    with store.session() as s:
        q = (
            select(SenderCheck)
            .where(SenderCheck.token == token)
            .order_by(SenderCheck.id.desc())
            .limit(max(1, min(limit, 1000)))
        )
        return [_row(c) for c in s.scalars(q)]
