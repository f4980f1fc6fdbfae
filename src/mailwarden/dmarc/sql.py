"""The ingest hot path's SQL, in the driver's own parameter style."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .aggregate import ROW_FIELDS

RECORD_COLUMNS = ("report_pk", "policy_domain", "begin", *ROW_FIELDS)


@dataclass(frozen=True)
class Statements:
    records: str
    #: the same rows through COPY (PostgreSQL): one statement per batch, no per-row round of binding
    copy: str
    exists: str
    report: str
    finish: str


@cache
def statements(paramstyle: str) -> Statements:
    """The aggregate-report statements in the driver's own parameter style. This is the hot
    path of ingest, so it skips SQLAlchemy's per-statement and per-row processing (JSON
    columns get their text from json.dumps)."""
    mark = "?" if paramstyle == "qmark" else "%s"

    def cols(names: tuple[str, ...]) -> str:
        return ", ".join(f'"{c}"' for c in names)

    def marks(n: int) -> str:
        return ", ".join([mark] * n)

    return Statements(
        records=f"INSERT INTO dmarc_records ({cols(RECORD_COLUMNS)}) VALUES ({marks(len(RECORD_COLUMNS))})",
        copy=f"COPY dmarc_records ({cols(RECORD_COLUMNS)}) FROM STDIN",
        exists=f"SELECT id FROM dmarc_reports WHERE org_name = {mark} AND report_id = {mark} "
        f'AND policy_domain = {mark} AND "begin" = {mark} AND "end" = {mark}',
        report=f"INSERT INTO dmarc_reports ({cols(REPORT_COLUMNS)}) VALUES ({marks(len(REPORT_COLUMNS))}) "
        "RETURNING id",
        finish=f"UPDATE dmarc_reports SET record_count = {mark}, message_count = {mark}, notes = {mark}, "
        f"raw = {mark} WHERE id = {mark}",
    )


REPORT_COLUMNS = (
    "org_name",
    "email",
    "report_id",
    "policy_domain",
    "begin",
    "end",
    "policy",
    "namespace",
    "generator",
    "record_count",
    "message_count",
    "notes",
    "origin",
    "raw",
    "created_at",
)
