"""The words shown for values that are data (actions, states, statuses): the value stays in
JSON and URLs as it is, a page shows its label in the reader's language. An unknown value is
shown as it is."""

from __future__ import annotations

from .i18n import N_, gettext

LABELS: dict[str, dict[str, str]] = {
    # DLP policy actions (dlp/policy.ACTIONS) and the gateway's dispositions
    "action": {
        "allow": N_("allow"),
        "deliver": N_("deliver"),
        "add_header": N_("add a header"),
        "tag_subject": N_("tag the subject"),
        "notify": N_("notify"),
        "force_bcc": N_("force Bcc"),
        "delay": N_("delay"),
        "hold": N_("hold for approval"),
        "block": N_("block"),
        "release": N_("release"),
        "reject": N_("reject"),
        "cancel": N_("cancel"),
    },
    # an incident's state (gateway/incidents.py, gateway/queue.py)
    "state": {
        "delivered": N_("delivered"),
        "blocked": N_("blocked"),
        "held": N_("awaiting approval"),
        "delayed": N_("delayed"),
        "released": N_("released"),
        "rejected": N_("rejected by an approver"),
        "cancelled": N_("cancelled"),
        "failed": N_("failed"),
    },
    # a staff report's or cluster's status and classification, and the analyser's verdict
    # (reports/service.py, analyze/rules.VERDICT_LABELS)
    "report": {
        "received": N_("received"),
        "in_review": N_("in review"),
        "resolved": N_("resolved"),
        "phishing": N_("phishing"),
        "spam": N_("spam"),
        "clean": N_("clean"),
        "simulation": N_("simulation"),
        "suspicious": N_("suspicious"),
        "malicious": N_("malicious"),
    },
    # a message-analysis signal's category (analyze/signals.yaml)
    "category": {
        "analysis": N_("analysis"),
        "attachment": N_("attachment"),
        "authentication": N_("authentication"),
        "benign": N_("signs of legitimate mail"),
        "header": N_("headers"),
        "spam": N_("spam"),
        "text": N_("text"),
        "url": N_("links"),
    },
    # a stored DMARC/TLS report's outcome (dmarc/parsing.py)
    "ingest": {
        "stored": N_("stored"),
        "duplicate": N_("duplicate"),
        "rejected": N_("rejected"),
    },
    # a survey's run (domain/service.py)
    "survey": {
        "queued": N_("queued"),
        "running": N_("running"),
        "done": N_("done"),
        "failed": N_("failed"),
    },
    # a queued job's state (Procrastinate's statuses)
    "queue": {
        "todo": N_("waiting"),
        "doing": N_("running"),
        "succeeded": N_("done"),
        "failed": N_("failed"),
        "cancelled": N_("cancelled"),
        "aborting": N_("aborting"),
        "aborted": N_("aborted"),
    },
    # a job's kind (tasks/runs.py)
    "job": {
        "survey": N_("survey"),
        "audit": N_("domain audits"),
        "dmarc-ingest": N_("DMARC report ingestion"),
        "scan": N_("message scan"),
        "dmarc-poll": N_("DMARC mailbox poll"),
        "reports-poll": N_("staff-report mailbox poll"),
    },
    # a record check's outcome (domain/model.py)
    "check": {
        "present": N_("present"),
        "absent": N_("absent"),
        "invalid": N_("invalid"),
        "undetermined": N_("undetermined"),
    },
}


def label(value: object, kind: str) -> str:
    """``value`` of ``kind`` in the reader's language (as it is when unknown)."""
    text = LABELS.get(kind, {}).get(str(value))
    return gettext(text) if text else str(value)
