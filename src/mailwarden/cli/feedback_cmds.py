"""``mailwarden reports feedback …``: the feedback outbox (thank-you and outcome mails to
reporters) listed and sent."""

from __future__ import annotations

from .reports_cmds import reports_app  # noqa: F401  (commands register on it)
