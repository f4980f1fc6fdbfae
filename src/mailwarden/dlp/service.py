"""Check one message: every detector over every readable part, matches masked."""

from __future__ import annotations

from typing import Any

from ..core.message import parse_message
from .detectors import BY_ID, detect, unique_counts
from .extract import content_of

ADDRESS_HEADERS = {"header:from", "header:to", "header:cc", "header:reply-to"}


def check_message(data: bytes) -> dict[str, Any]:
    """Matches (masked, with their detector, location and confidence), unique-instance counts
    per detector, and what could not be scanned. The full values never leave this function."""
    content = content_of(parse_message(data))
    matches = []
    all_found = []
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
    return {
        "matches": matches,
        "counts": unique_counts(all_found),
        "unscannable": [{"location": loc, "reason": reason} for loc, reason in content.unscannable],
    }
