"""Check one message: every detector over every readable part, matches masked, and — given
a policy — the action it calls for."""

from __future__ import annotations

from typing import Any

from ..core.message import parse_message
from .detectors import BY_ID, Match, unique_counts
from .extract import content_of
from .policy import Facts, Policy, decide, recipients_of
from .scan import detect

ADDRESS_HEADERS = {"header:from", "header:to", "header:cc", "header:reply-to"}


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
) -> dict[str, Any]:
    """Matches (masked, with their detector, location and confidence), unique-instance counts
    per detector, what could not be scanned and, with a policy, the decision. Envelope
    ``recipients`` and ``sender`` default to the message's own headers. The full values never
    leave this function."""
    msg = parse_message(data)
    content = content_of(msg)
    matches = []
    all_found: list[Match] = []
    for location, text in content.parts:
        for m in detect(text):
            if m.detector == "email-address" and location in ADDRESS_HEADERS:
                continue  # who the mail is from and to is addressing, not content
            all_found.append(m)
            matches.append(
                {
                    "detector": m.detector,
                    "description": BY_ID[m.detector].description,
                    "masked": m.masked,
                    "location": location,
                    "confidence": m.confidence,
                }
            )
    result: dict[str, Any] = {
        "subject": masked_text(msg.subject),
        "matches": matches,
        "counts": unique_counts(all_found),
        "unscannable": [{"location": loc, "reason": reason} for loc, reason in content.unscannable],
    }
    if policy is not None:
        encrypted = {loc for loc, reason in content.unscannable if "encrypted" in reason}
        facts = Facts(
            sender=(sender or (msg.sender.address if msg.sender else "")).lower(),
            recipients=[r.lower() for r in recipients] if recipients else recipients_of(msg.headers),
            matches=all_found,
            texts=[text for _, text in content.parts],
            attachments=[
                (a.filename or "", f"attachment:{a.filename or '(unnamed)'}" in encrypted)
                for a in msg.attachments
            ],
            unscannable=bool(content.unscannable),
            size=len(data),
        )
        result["decision"] = decide(policy, facts).to_dict()
    return result
