"""Check one message: every detector over every readable part and every cell of every table,
matches masked, the bulk counts (distinct values per detector, table rows holding personal
data) and — given a policy — the action it calls for."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.gc import paused_gc
from ..core.message import parse_message
from .cells import scan_table
from .detectors import BY_ID, PERSONAL, Match, unique_counts
from .extract import Content, content_of
from .policy import Facts, Policy, decide, recipients_of
from .reasons import localise
from .result import DlpColumn, DlpMatch, DlpResult
from .scan import detect
from .tables import Table

ADDRESS_HEADERS = {"header:from", "header:to", "header:cc", "header:reply-to"}
#: matches listed one by one in a result; all of them are counted
MAX_LISTED = 1000


@dataclass(frozen=True, slots=True)
class Found:
    match: Match
    part: str | Table  # the text part's location, or the table
    row: int | None = None  # the row in its table, for a match in a table
    col: int = 0
    table: int = 0  # which of the message's tables
    header: str = ""  # the column's header
    block: int = 0  # the first column of the table it stands in (tables side by side)

    @property
    def key(self) -> tuple[int, int, int]:
        """The table row, as one key across the message's tables."""
        return (self.table, self.block, self.row if self.row is not None else -1)

    @property
    def location(self) -> str:
        """Where: "body:text1", "attachment:顧客.xlsx!data!E12" (made when asked: a sheet
        of 100,000 rows has hundreds of thousands of matches, few of them shown)."""
        if isinstance(self.part, str):
            return self.part
        assert self.row is not None
        return self.part.cell_name(self.row, self.col)


def found_in(content: Content) -> list[Found]:
    """Every match in the text parts and the tables of ``content``, with where it stands."""
    out: list[Found] = []
    with paused_gc():
        for location, text in content.parts:
            for m in detect(text):
                if m.detector == "email-address" and location in ADDRESS_HEADERS:
                    continue  # who the mail is from and to is addressing, not content
                out.append(Found(m, location))
        for t, table in enumerate(content.tables):
            out.extend(Found(c.match, table, c.row, c.col, t, c.header, c.block) for c in scan_table(table))
    return out


def column_summary(found: list[Found], content: Content) -> list[DlpColumn]:
    """One entry per table column and detector: how many matches, how many distinct values,
    the cells they span (``…!data!E2:E501``) and the column's header — what a person reads
    of a list, where the matches one by one would be hundreds of lines."""
    groups: dict[tuple[int, int, str, str], list[Found]] = {}
    for f in found:
        if f.row is not None:
            groups.setdefault((f.table, f.col, f.match.detector, f.header), []).append(f)
    out: list[DlpColumn] = []
    for (t, col, det, header), fs in groups.items():
        table = content.tables[t]
        last_row = fs[-1].row if fs[-1].row is not None else 0
        span = fs[0].location
        if len(fs) > 1:
            span += ":" + table.cell_name(last_row, col).rsplit("!", 1)[-1]
        out.append(
            {
                "location": span,
                "header": header,
                "detector": det,
                "description": BY_ID[det].description,
                "count": len(fs),
                "distinct": len({f.match.value for f in fs}),
                "confidence": max(f.match.confidence for f in fs),
            }
        )
    return out


def personal_rows(found: list[Found]) -> int:
    """Table rows holding personal data (two lists side by side: their rows apart)."""
    return len({f.key for f in found if f.row is not None and f.match.detector in PERSONAL})


def table_texts(content: Content) -> list[str]:
    """Each table as one text (cells by tabs, rows by lines), for keyword and pattern rules."""
    return ["\n".join("\t".join(r) for r in t.rows) for t in content.tables]


def masked_text(text: str) -> str:
    """``text`` with every value a detector finds replaced by its masked form."""
    out, last = [], 0
    for m in sorted(detect(text), key=lambda m: m.start):
        if m.start < last:
            continue
        out += [text[last : m.start], m.masked]
        last = m.end
    return "".join([*out, text[last:]])


def check_message(
    data: bytes,
    policy: Policy | None = None,
    *,
    recipients: list[str] | None = None,
    sender: str | None = None,
) -> DlpResult:
    """Matches (masked, with their detector, location and confidence), unique-instance counts
    per detector, what could not be scanned and, with a policy, the decision. Envelope
    ``recipients`` and ``sender`` default to the message's own headers. The full values never
    leave this function."""
    with paused_gc():  # the whole check: a workbook makes millions of objects and frees few
        return _check(data, policy, recipients, sender)


def _check(data: bytes, policy: Policy | None, recipients: list[str] | None, sender: str | None) -> DlpResult:
    msg = parse_message(data)
    content = content_of(msg)
    found = found_in(content)
    all_found = [f.match for f in found]
    matches: list[DlpMatch] = [
        {
            "detector": f.match.detector,
            "description": BY_ID[f.match.detector].description,
            "masked": f.match.masked,
            "location": f.location,
            "confidence": f.match.confidence,
            "cell": f.row is not None,
        }
        for f in found[:MAX_LISTED]
    ]
    rows = personal_rows(found)
    result: DlpResult = {
        "subject": masked_text(msg.subject),
        "matches": matches,
        "matches_total": len(found),
        "counts": unique_counts(all_found),
        "tables": len(content.tables),
        "columns": column_summary(found, content),
        "personal_rows": rows,
        "unscannable": [
            {"location": loc, "reason": why, "text": localise(why)} for loc, why in content.unscannable
        ],
    }
    if policy is not None:
        encrypted = {loc for loc, reason in content.unscannable if "encrypted" in reason}
        facts = Facts(
            sender=(sender or (msg.sender.address if msg.sender else "")).lower(),
            recipients=[r.lower() for r in recipients] if recipients else recipients_of(msg.headers),
            matches=all_found,
            texts=[text for _, text in content.parts] + table_texts(content),
            attachments=[
                (a.filename or "", f"attachment:{a.filename or '(unnamed)'}" in encrypted)
                for a in msg.attachments
            ],
            unscannable=bool(content.unscannable),
            size=len(data),
            rows=[(f.key, f.match.detector, f.match.confidence) for f in found if f.row is not None],
        )
        result["decision"] = decide(policy, facts).to_dict()
    return result
