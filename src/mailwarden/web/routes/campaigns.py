"""Console and JSON API: phishing-simulation campaigns, their metrics and raw hits."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
