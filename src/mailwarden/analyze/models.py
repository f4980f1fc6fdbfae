"""The analyser's memory: the link domains it has seen, for "newly seen domain"."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..core.store.models import Base, utcnow


class SeenDomain(Base):
    __tablename__ = "seen_domains"
    domain: Mapped[str] = mapped_column(String(255), primary_key=True)
    first_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    messages: Mapped[int] = mapped_column(Integer, default=0)
