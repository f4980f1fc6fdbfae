"""Console: remediation of a resolved phishing cluster across mailboxes (dry run, move, restore)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
