"""Leak scans kept in the store, and read back for the console (masked values only)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from ..core.store import Store
from .find import Secret
from .models import LeakFinding, LeakScan
from .output import finding
from .scan import ScanResult


def save(
    store: Store, target: str, git: bool, result: ScanResult, reported: list[Secret], by: str = ""
) -> int:
    """Keep a scan and the findings it reported; its id."""
    with store.session(write=True) as s:
        scan = LeakScan(
            target=target[:4000],
            git=git,
            files=result.files,
            commits=result.commits,
            bytes=result.bytes,
            skipped=dict(result.skipped),
            notes=list(result.notes),
            found=len(reported),
            known=len(result.secrets) - len(reported),
            by=by,
        )
        s.add(scan)
        s.flush()
        for sec in reported:
            f = finding(sec)
            s.add(
                LeakFinding(
                    scan_id=scan.id,
                    code=sec.code,
                    severity=str(f.severity),
                    path=sec.path,
                    line=sec.line,
                    column=sec.column,
                    masked=sec.masked,
                    fingerprint=sec.fingerprint,
                    commit=sec.commit,
                    author=sec.author[:320],
                    date=sec.date,
                    params={k: v for k, v in f.params.items() if isinstance(v, str | int)},
                    evidence=sec.evidence,
                )
            )
        s.commit()
        return scan.id


def _scan(row: LeakScan) -> dict[str, Any]:
    return {
        "id": row.id,
        "at": row.at.isoformat(),
        "target": row.target,
        "git": row.git,
        "files": row.files,
        "commits": row.commits,
        "bytes": row.bytes,
        "skipped": row.skipped,
        "notes": row.notes,
        "found": row.found,
        "known": row.known,
        "by": row.by,
    }


def scans(store: Store, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    with store.session() as s:
        total = s.scalar(select(func.count()).select_from(LeakScan)) or 0
        rows = s.scalars(select(LeakScan).order_by(LeakScan.id.desc()).limit(limit).offset(offset)).all()
        return {"total": total, "scans": [_scan(r) for r in rows]}


def scan_detail(store: Store, scan_id: int) -> dict[str, Any] | None:
    """A scan and its findings, each with its title, detail and remediation in the reader's
    language (rendered from the code and the masked parameters)."""
    from ..core.findings import Finding

    with store.session() as s:
        row = s.get(LeakScan, scan_id)
        if row is None:
            return None
        found = s.scalars(
            select(LeakFinding)
            .where(LeakFinding.scan_id == scan_id)
            .order_by(LeakFinding.path, LeakFinding.line)
        ).all()
        out = _scan(row)
        out["findings"] = []
        for f in found:
            shown = Finding(f.code, subject=f"{f.path}:{f.line}", params=dict(f.params))
            out["findings"].append(
                {
                    "code": f.code,
                    "severity": f.severity,
                    "title": shown.title,
                    "detail": shown.detail,
                    "remediation": shown.remediation,
                    "path": f.path,
                    "line": f.line,
                    "column": f.column,
                    "masked": f.masked,
                    "fingerprint": f.fingerprint,
                    "commit": f.commit,
                    "author": f.author,
                    "date": f.date,
                    "evidence": f.evidence,
                }
            )
        return out
