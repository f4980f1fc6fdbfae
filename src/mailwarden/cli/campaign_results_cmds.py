"""``mailwarden campaign …`` (results): metrics, raw hits, CSV export, assignments, retention
and webhooks. Registered on the ``campaign`` group of ``campaign_cmds``."""

from __future__ import annotations

from .campaign_cmds import campaign_app

__all__ = ["campaign_app"]
