"""Cloud audits kept in the store, read back for the console and compared with the run before:
what was fixed, what is new, and what could not be checked again."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from ..core.findings import Finding
from ..core.store import Store
from .model import CloudAudit, Status
from .models import CloudAuditFinding, CloudAuditRun


def save(store: Store, audit: CloudAudit, by: str = "") -> int:
    """Keep a run and its failing resources; its id."""
    report = audit.to_dict()
    with store.session(write=True) as s:
        run = CloudAuditRun(
            account_id=audit.account_id,
            partition=audit.partition,
            regions=list(audit.regions),
            counts=audit.counts(),
            failing=len(audit.findings),
            report=report,
            by=by[:320],
        )
        s.add(run)
        s.flush()
        s.add_all(
            CloudAuditFinding(
                audit_id=run.id,
                check=f.code,
                severity=str(f.severity),
                subject=f.subject,
                params={k: v for k, v in f.params.items() if isinstance(v, str | int | float | bool)},
            )
            for f in audit.findings
        )
        s.commit()
        return run.id


def _run(row: CloudAuditRun) -> dict[str, Any]:
    return {
        "id": row.id,
        "at": row.at.isoformat(),
        "account_id": row.account_id,
        "regions": row.regions,
        "counts": row.counts,
        "failing": row.failing,
        "by": row.by,
    }


def audits(store: Store, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    """Runs, newest first."""
    with store.session() as s:
        total = s.scalar(select(func.count()).select_from(CloudAuditRun)) or 0
        rows = s.scalars(
            select(CloudAuditRun).order_by(CloudAuditRun.id.desc()).limit(limit).offset(offset)
        ).all()
        return {"total": total, "audits": [_run(r) for r in rows]}


def _shown(finding: dict[str, Any]) -> dict[str, Any]:
    """A stored finding with its texts in the reader's language (rendered from code and params)."""
    try:
        return dict(Finding.from_dict(finding).to_dict())
    except KeyError:  # a code this version no longer has: shown as stored
        return finding


def audit_detail(store: Store, audit_id: int) -> dict[str, Any] | None:
    """A run's report (texts in the reader's language) and how it differs from the run before
    it for the same account: ``fixed`` (failing then, passing now), ``new`` (failing now, not
    then) and ``unchecked`` (failing then, undetermined now — not counted as fixed)."""
    with store.session() as s:
        row = s.get(CloudAuditRun, audit_id)
        if row is None:
            return None
        before = s.scalars(
            select(CloudAuditRun)
            .where(CloudAuditRun.account_id == row.account_id, CloudAuditRun.id < row.id)
            .order_by(CloudAuditRun.id.desc())
            .limit(1)
        ).first()
        now_rows = s.scalars(select(CloudAuditFinding).where(CloudAuditFinding.audit_id == row.id)).all()
        then_rows = (
            s.scalars(select(CloudAuditFinding).where(CloudAuditFinding.audit_id == before.id)).all()
            if before
            else []
        )
        report = dict(row.report)
        out = _run(row)
    checks = []
    for c in report.get("checks", []):
        c = dict(c)
        c["findings"] = [_shown(f) for f in c.get("findings", [])]
        if c["findings"]:
            c["title"] = c["findings"][0]["title"]
        else:
            c["title"] = _title(c["check"])
        checks.append(c)
    status = {c["check"]: c["status"] for c in checks}
    now_keys = {(f.check, f.subject) for f in now_rows}
    fixed, unchecked = [], []
    for f in then_rows:
        if (f.check, f.subject) in now_keys:
            continue
        shown = _shown({"code": f.check, "subject": f.subject, "params": f.params, "severity": f.severity})
        if status.get(f.check) == str(Status.UNDETERMINED) or f.check not in status:
            unchecked.append(shown)
        else:
            fixed.append(shown)
    then_keys = {(f.check, f.subject) for f in then_rows}
    new = [
        _shown({"code": f.check, "subject": f.subject, "params": f.params, "severity": f.severity})
        for f in now_rows
        if before is not None and (f.check, f.subject) not in then_keys
    ]
    domains = [
        {**d, "findings": [_shown(f) for f in d.get("findings", [])]} for d in report.get("domains", [])
    ]
    out.update(
        partition=report.get("partition", "aws"),
        started=report.get("started"),
        finished=report.get("finished"),
        checks=checks,
        domains=domains,
        actions=report.get("actions", []),
        previous=before.id if before else None,
        fixed=fixed,
        new=new,
        unchecked=unchecked,
    )
    return out


def _title(code: str) -> str:
    from ..core.findings import registry
    from ..core.i18n import gettext

    d = registry().get(code)
    return gettext(d.title) if d else code
