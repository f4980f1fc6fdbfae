"""Renderers shared by the CLI and the web: Rich table, JSON, JSONL, CSV, SARIF."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from .. import __version__
from .findings import Finding, Severity, registry
from .i18n import N_
from .i18n import gettext as _

SEVERITY_STYLE = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.NOTICE: "cyan",
    Severity.INFO: "dim",
    Severity.OK: "green",
}

SEVERITY_LABEL = {
    Severity.ERROR: N_("error"),
    Severity.WARNING: N_("warning"),
    Severity.NOTICE: N_("notice"),
    Severity.INFO: N_("info"),
    Severity.OK: N_("ok"),
}


def severity_label(sev: Severity) -> str:
    return _(SEVERITY_LABEL[sev])


class WrappingTable(Table):
    """A Rich table whose columns wrap, and fold a word longer than the column (a record to
    publish, a key, an id) onto the next line: on a narrow terminal nothing is cut off, so
    what is shown can be copied whole."""

    def add_column(  # type: ignore[override]
        self, header: str = "", footer: str = "", *, overflow: Any = "fold", no_wrap: bool = False, **kw: Any
    ) -> None:
        super().add_column(header, footer, overflow=overflow, no_wrap=no_wrap, **kw)


def findings_table(findings: Sequence[Finding], title: str | None = None) -> Table:
    table = WrappingTable(title=title, show_lines=False, expand=True)
    table.add_column(_("Severity"))
    table.add_column(_("Code"), no_wrap=True)  # an id, to look up: kept whole
    table.add_column(_("Finding"))
    for f in findings:
        body = Text(f.title, style="bold")
        body.append("\n" + f.detail, style="")
        if f.evidence:
            body.append("\n" + _("Evidence: ") + f.evidence, style="dim")
        if f.remediation and f.severity.rank >= Severity.NOTICE.rank:
            body.append("\n→ " + f.remediation, style="italic")
        if f.fix:
            body.append("\n" + _("Publish: ") + f.fix, style="green")
        table.add_row(Text(severity_label(f.severity), style=SEVERITY_STYLE[f.severity]), f.code, body)
    return table


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def to_jsonl(rows: Iterable[Any]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)


CSV_FIELDS = ("subject", "code", "severity", "title", "detail", "remediation", "evidence", "fix")


def findings_csv(findings: Iterable[Finding]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_FIELDS, extrasaction="ignore")
    w.writeheader()
    for f in findings:
        w.writerow(f.to_dict())
    return buf.getvalue()


def rows_csv(rows: Iterable[Mapping[str, Any]], fields: Sequence[str], *, header: bool = True) -> str:
    """Flat rows as CSV (a spreadsheet's columns ``fields``, in that order; other keys are
    left out). Without ``header`` only the rows: a stream writes its header once, then its
    rows as they come. ``None`` is an empty cell, booleans are ``true``/``false``."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(fields), extrasaction="ignore")
    if header:
        w.writeheader()
    for row in rows:
        w.writerow({k: _cell(row.get(k)) for k in fields})
    return buf.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_SARIF_LEVEL = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.NOTICE: "note",
    Severity.INFO: "note",
    Severity.OK: "none",
}


def findings_sarif(findings: Sequence[Finding]) -> dict[str, Any]:
    """SARIF 2.1.0 log: one rule per finding code used, one result per finding."""
    codes = sorted({f.code for f in findings})
    reg = registry()
    rules = [
        {
            "id": c,
            "name": c,
            "shortDescription": {"text": _(reg[c].title)},
            "help": {"text": _(reg[c].remediation) if reg[c].remediation else _(reg[c].title)},
            "helpUri": reg[c].references[0] if reg[c].references else None,
            "defaultConfiguration": {"level": _SARIF_LEVEL[reg[c].severity]},
        }
        for c in codes
    ]
    for r in rules:
        if r["helpUri"] is None:
            del r["helpUri"]
    index = {c: i for i, c in enumerate(codes)}
    results = [
        {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.detail},
            "locations": [{"logicalLocations": [{"name": f.subject or "-", "kind": "resource"}]}],
            "properties": {"severity": str(f.severity), "params": f.params, "fix": f.fix},
        }
        for f in findings
    ]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "mailwarden",
                        "version": __version__,
                        "informationUri": "https://github.com/mailwarden/mailwarden",
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
