"""Check one message: every detector over every readable part and every cell of every table,
matches masked, the bulk counts (distinct values per detector, table rows holding personal
data) and — given a policy — the action it calls for."""

from __future__ import annotations

from ..core.gc import paused_gc
from ..core.message import parse_message
from .extract import content_of
from .found import MAX_LISTED, found_in
from .policy import Facts, Policy, decide, recipients_of
from .reasons import localise
from .result import DlpResult
from .scan import detect
from .tables import Table

__all__ = ["MAX_LISTED", "check_message", "masked_text", "table_texts"]


def table_texts(tables: list[Table]) -> list[str]:
    """Each table as one text (cells by tabs, rows by lines), for keyword and pattern rules."""
    return ["\n".join("\t".join(r) for r in t.rows) for t in tables]


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
    result: DlpResult = {
        "subject": masked_text(msg.subject),
        "matches": [f.listed() for f in found.listed],
        "matches_total": found.total,
        "counts": found.counts(),
        "tables": len(content.tables),
        "columns": [c.summary() for c in found.columns],
        "personal_rows": found.personal_rows(),
        "unscannable": [
            {"location": loc, "reason": why, "text": localise(why)} for loc, why in content.unscannable
        ],
    }
    if policy is not None:
        encrypted = {loc for loc, reason in content.unscannable if "encrypted" in reason}
        facts = Facts(
            sender=(sender or (msg.sender.address if msg.sender else "")).lower(),
            recipients=[r.lower() for r in recipients] if recipients else recipients_of(msg.headers),
            matches=found.text_matches,
            texts=[text for _, text in content.parts] + table_texts(content.tables),
            attachments=[
                (a.filename or "", f"attachment:{a.filename or '(unnamed)'}" in encrypted)
                for a in msg.attachments
            ],
            unscannable=bool(content.unscannable),
            size=len(data),
            columns=found.columns,
        )
        result["decision"] = decide(policy, facts).to_dict()
    return result
