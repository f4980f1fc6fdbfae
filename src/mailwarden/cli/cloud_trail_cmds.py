"""``mailwarden cloud trail``: SES abuse patterns in CloudTrail log files."""

from __future__ import annotations

from .cloud_cmds import cloud_app as cloud_app
