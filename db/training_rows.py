"""The rows of the training PBX shared by several positions (db/training_calls.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from db.rows import Base, UtcDateTime


class TrainingCallRow(Base):
    """A call to the operator number in the shared training world. ``taken_by`` is the position that
    answered it, written only while it is empty (the database decides between two answering at once),
    or "night service"."""

    __tablename__ = "training_calls"
    id: Mapped[int] = mapped_column(primary_key=True)
    call_key: Mapped[str] = mapped_column(String(64), unique=True)
    caller: Mapped[str] = mapped_column(String(80), default="")
    caller_name: Mapped[str] = mapped_column(String(120), default="")
    kind: Mapped[str] = mapped_column(String(16))
    recall_of: Mapped[str] = mapped_column(String(20), default="")
    offered_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    taken_by: Mapped[str] = mapped_column(String(80), default="")


class TrainingLeadRow(Base):
    """The one position whose training PBX invents the callers, until ``until`` unless it renews."""

    __tablename__ = "training_lead"
    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    position: Mapped[str] = mapped_column(String(80))
    until: Mapped[datetime] = mapped_column(UtcDateTime)
