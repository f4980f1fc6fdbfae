"""The simulation marker, kept here for staff reports' callers; the code lives in
``core/simmark.py`` so that the simulations feature can make markers too."""

from __future__ import annotations

from ..core.simmark import HEADER, check, marker

__all__ = ["HEADER", "check", "marker"]
