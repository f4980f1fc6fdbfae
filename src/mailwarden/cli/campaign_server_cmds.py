"""``mailwarden campaign tracking-server``: the simulations' tracking server alone (pixel,
links, landing and training pages), for exposing it without the console."""

from __future__ import annotations

from .campaign_cmds import campaign_app

__all__ = ["campaign_app"]
