"""The analyser's memory: the link domains it has seen, for "newly seen domain"; the sender
domains of clean mail, the correspondents it learns."""

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


class SeenSender(Base):
    """The sender domains of mail analysed as clean: the correspondents learned, against which
    a first-contact lookalike (``header.correspondent-lookalike``) is measured."""

    __tablename__ = "seen_senders"
    domain: Mapped[str] = mapped_column(String(255), primary_key=True)
    first_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    messages: Mapped[int] = mapped_column(Integer, default=0)
