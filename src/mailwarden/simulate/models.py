"""What simulations keep so far: the organisation's domains (verified by a DNS TXT token),
groups (departments) and the targets imported from CSV."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..core.store.models import Base, utcnow


class SimDomain(Base):
    """A domain of the organisation; only addresses in verified domains can be targets."""

    __tablename__ = "sim_domains"
    domain: Mapped[str] = mapped_column(String(253), primary_key=True)
    token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    verified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class SimGroup(Base):
    """A group of targets: one per department."""

    __tablename__ = "sim_groups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class SimTarget(Base):
    __tablename__ = "sim_targets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(320), unique=True)
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("sim_groups.id", ondelete="SET NULL"), nullable=True, index=True
    )
    manager: Mapped[str] = mapped_column(String(320), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
