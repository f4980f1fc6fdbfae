"""From a policy decision to what the gateway does with one message.

The most restrictive action decides where the message goes — on (``deliver``), ``delay``,
``hold`` or ``block`` — and every matching rule that changes the message on its way out
(``add_header``, ``tag_subject``, ``force_bcc``) or asks for a notification applies as well,
so a message both held and tagged is tagged when released. In test mode nothing is acted on:
the message is delivered unchanged and the incident records what would have happened.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import NotRequired

from pydantic import ConfigDict, with_config
from typing_extensions import TypedDict

from ..core.i18n import gettext
from ..dlp.policy import Policy
from ..dlp.result import DlpMatch, DlpMatchedRule, DlpUnscannable
from ..dlp.service import check_message
from . import rewrite

#: where a message goes, most restrictive last
DISPOSITIONS = ("deliver", "delay", "hold", "block")
#: cap on the masked evidence kept per incident
MAX_EVIDENCE = 200


@with_config(ConfigDict(extra="forbid"))
class GatewayRecord(TypedDict):
    """The gateway's decision on one message, kept with its spool file and its incident
    (docs/schemas/gateway-decision.json): what the policy said, with masked evidence only."""

    action: str
    #: where the message went: deliver, delay, hold or block
    disposition: str
    test_mode: bool
    rules: list[DlpMatchedRule]
    subject: str
    counts: dict[str, int]
    #: table rows holding personal data (records made before it was kept have none)
    personal_rows: NotRequired[int]
    matches: list[DlpMatch]
    unscannable: list[DlpUnscannable]
    #: when a delayed message goes (epoch seconds)
    release_at: NotRequired[float]


@dataclass
class Outcome:
    disposition: str
    #: what the policy said, masked evidence and all; stored with the spool file and the incident
    record: GatewayRecord
    reason: str = ""
    release_at: float | None = None
    notify: set[str] = field(default_factory=set)
    #: the message's header block as the rules changed it (``None``: unchanged), to replace
    #: its first ``head_len`` bytes; the body is never changed
    head: bytes | None = None
    head_len: int = 0

    @property
    def incident(self) -> bool:
        return bool(self.record.get("rules"))


def screen(
    data: bytes, mail_from: str, rcpt_tos: list[str], policy: Policy, *, now: float | None = None
) -> Outcome:
    now = time.time() if now is None else now
    result = check_message(data, policy, recipients=rcpt_tos, sender=mail_from)
    decision = result["decision"]
    rules: list[DlpMatchedRule] = decision["matched_rules"]
    action = decision["action"]
    disposition = (
        "block"
        if action == "block"
        else "hold"
        if action == "hold"
        else "delay"
        if action == "delay"
        else "deliver"
    )
    record: GatewayRecord = {
        "action": action,
        "disposition": disposition,
        "test_mode": policy.test_mode,
        "rules": rules,
        "subject": result["subject"],
        "counts": result["counts"],
        "personal_rows": result["personal_rows"],
        "matches": result["matches"][:MAX_EVIDENCE],
        "unscannable": result["unscannable"],
    }
    if policy.test_mode:
        record["disposition"] = "deliver"
        return Outcome("deliver", record)
    out = Outcome(disposition, record)
    for r in rules:
        out.notify.update(r.get("notify", ()))
    if disposition == "block":
        blocking = next(r for r in rules if r["action"] == "block")
        out.reason = blocking["reason"] or gettext(
            "refused by the data-loss prevention policy (rule {rule})"
        ).format(rule=blocking["rule"])
        return out
    if disposition == "delay":
        minutes = max(r.get("minutes", 0) for r in rules if r["action"] == "delay")
        out.release_at = now + 60 * minutes
        record["release_at"] = out.release_at
        if not any(r.get("notify") for r in rules if r["action"] == "delay"):
            out.notify.add("sender")  # the sender must learn of the delay to be able to cancel
    if disposition == "hold":
        out.notify.add("approver")
        out.reason = next(r["reason"] for r in rules if r["action"] == "hold")
    changes = [r for r in rules if r["action"] in ("add_header", "tag_subject", "force_bcc")]
    if not changes:
        return out
    head_len = rewrite.head_length(data)
    head = new = data[:head_len]
    for r in changes:
        if r["action"] == "add_header":
            name, _, value = r["header"].partition(":")
            new = rewrite.add_header(new, name.strip(), value.strip())
        elif r["action"] == "tag_subject":
            new = rewrite.tag_subject(new, r["tag"])
        elif r["action"] == "force_bcc":
            new = rewrite.hide_recipients(new)
    if new != head:
        out.head, out.head_len = new, head_len
    return out


def screen_file(
    path: str, mail_from: str, rcpt_tos: list[str], policy: Policy, *, now: float | None = None
) -> Outcome:
    """:func:`screen` on a message the gateway received to disk."""
    with open(path, "rb") as f:
        data = f.read()
    return screen(data, mail_from, rcpt_tos, policy, now=now)


_POLICY: Policy | None = None


def worker_init(policy: Policy) -> None:
    global _POLICY
    _POLICY = policy


def worker_screen(path: str, mail_from: str, rcpts: list[str], now: float) -> Outcome:
    """Screening in a worker process: the policy came once, at the worker's start; the
    message is read from the file the gateway received it to (never sent through a pipe)."""
    assert _POLICY is not None
    return screen_file(path, mail_from, rcpts, _POLICY, now=now)
