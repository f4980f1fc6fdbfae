"""``mailwarden reports remediate|restore|remediations``: the reported message moved out of
every mailbox (IMAP master user) to a quarantine folder, and put back."""

from __future__ import annotations

from .reports_cmds import reports_app  # noqa: F401  (commands register on it)
