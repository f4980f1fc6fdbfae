"""Targets from a CSV file (name, address, department, manager) as Excel exports it: UTF-8
with or without BOM, UTF-16 ("Unicode text", tab-separated) or Shift_JIS (cp932); headers in
English or Japanese. Departments become groups. Duplicates are reported and imported once;
addresses outside the verified domains are refused with the reason; the rest are imported."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from sqlalchemy import select

from ..core.errors import InputError
from ..core.i18n import gettext as _
from ..core.store import Store
from .domains import verified_domains
from .models import SimGroup, SimTarget

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000

#: header spellings (lower-cased, stripped) → column
HEADERS: dict[str, str] = {
    "name": "name", "full name": "name", "氏名": "name", "名前": "name", "お名前": "name",
    "address": "address", "email": "address", "e-mail": "address", "email address": "address",
    "mail": "address", "メールアドレス": "address", "メール": "address", "アドレス": "address",
    "department": "department", "dept": "department", "group": "department", "部署": "department",
    "部署名": "department", "所属": "department", "部門": "department",
    "manager": "manager", "上長": "manager", "上司": "manager", "管理者": "manager",
}  # fmt: skip
REQUIRED = ("name", "address")


@dataclass(frozen=True)
class Refused:
    line: int
    address: str
    reason: str


@dataclass
class ImportResult:
    imported: int = 0
    updated: int = 0
    duplicates: list[str] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    dry_run: bool = False


def decode(data: bytes) -> str:
    """The text of an Excel export: BOMs first, then strict UTF-8, then Shift_JIS (cp932)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932")
    except UnicodeDecodeError as exc:
        raise InputError(_("the file is neither UTF-8, UTF-16 nor Shift_JIS")) from exc


@dataclass(frozen=True)
class Row:
    line: int
    name: str
    address: str
    department: str
    manager: str


def parse_csv(data: bytes) -> list[Row]:
    """The rows of a target CSV; raises InputError on a file too large, undecodable, or
    without a name or address column."""
    if len(data) > MAX_BYTES:
        raise InputError(_("the file is larger than {mb} MB").format(mb=MAX_BYTES // (1024 * 1024)))
    text = decode(data)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(_("the file is empty")) from None
    except csv.Error as exc:
        raise InputError(_("malformed CSV: {error}").format(error=exc)) from exc
    cols: dict[str, int] = {}
    for i, h in enumerate(header):
        key = HEADERS.get(h.strip().lower())
        if key is not None and key not in cols:
            cols[key] = i
    for need in REQUIRED:
        if need not in cols:
            raise InputError(_("missing column: {column}").format(column=need))
    rows: list[Row] = []
    try:
        records = list(reader)
    except csv.Error as exc:  # a field over csv's limit, a NUL byte
        raise InputError(_("malformed CSV: {error}").format(error=exc)) from exc
    for n, rec in enumerate(records, start=2):
        if not any(c.strip() for c in rec):
            continue
        if len(rows) >= MAX_ROWS:
            raise InputError(_("more than {n} rows").format(n=MAX_ROWS))

        def cell(key: str, rec: list[str] = rec) -> str:
            i = cols.get(key)
            return rec[i].strip() if i is not None and i < len(rec) else ""

        rows.append(Row(n, cell("name"), cell("address"), cell("department"), cell("manager")))
    return rows


def _check(row: Row, domains: set[str]) -> str | None:
    local, at, domain = row.address.rpartition("@")
    if not at or not local or not domain or any(c.isspace() for c in row.address):
        return _("not an email address")
    if domain.lower() not in domains:
        return _("domain {domain} is not verified").format(domain=domain.lower())
    return None


def import_targets(data: bytes, *, store: Store, dry_run: bool = False) -> ImportResult:
    """Import the CSV's targets (an address already known is updated, not duplicated)."""
    rows = parse_csv(data)
    domains = verified_domains(store=store)
    result = ImportResult(dry_run=dry_run)
    seen: set[str] = set()
    good: list[Row] = []
    for row in rows:
        address = row.address.lower()
        reason = _check(row, domains)
        if reason is not None:
            result.refused.append(Refused(row.line, row.address, reason))
        elif address in seen:
            result.duplicates.append(address)
        else:
            seen.add(address)
            good.append(row)
    departments = sorted({r.department for r in good if r.department})
    result.groups = departments
    with store.session(write=not dry_run) as s:
        # in chunks: SQLite allows at most 32 766 bound parameters a statement
        wanted, existing = sorted(seen), {}
        for i in range(0, len(wanted), 5000):
            q = select(SimTarget).where(SimTarget.address.in_(wanted[i : i + 5000]))
            existing.update({t.address: t for t in s.scalars(q)})
        groups = {g.name: g for g in s.scalars(select(SimGroup))}
        for dep in departments:
            if dep not in groups:
                groups[dep] = SimGroup(name=dep)
                if not dry_run:
                    s.add(groups[dep])
        if not dry_run:
            s.flush()
        for row in good:
            address = row.address.lower()
            gid = groups[row.department].id if row.department else None
            t = existing.get(address)
            if t is None:
                result.imported += 1
                if not dry_run:
                    s.add(SimTarget(name=row.name, address=address, group_id=gid, manager=row.manager))
            else:
                result.updated += 1
                if not dry_run:
                    t.name, t.group_id, t.manager = row.name, gid, row.manager
    return result


@dataclass(frozen=True)
class TargetView:
    name: str
    address: str
    group: str | None
    manager: str


def list_targets(*, store: Store, group: str | None = None) -> list[TargetView]:
    with store.session() as s:
        q = select(SimTarget, SimGroup.name).outerjoin(SimGroup, SimTarget.group_id == SimGroup.id)
        if group is not None:
            q = q.where(SimGroup.name == group)
        return [
            TargetView(t.name, t.address, g, t.manager) for t, g in s.execute(q.order_by(SimTarget.address))
        ]


def list_groups(*, store: Store) -> list[tuple[str, int]]:
    from sqlalchemy import func

    with store.session() as s:
        q = (
            select(SimGroup.name, func.count(SimTarget.id))
            .outerjoin(SimTarget, SimTarget.group_id == SimGroup.id)
            .group_by(SimGroup.name)
            .order_by(SimGroup.name)
        )
        return [(n, int(c)) for n, c in s.execute(q)]
