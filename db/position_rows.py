"""What the operator positions share: the change feed, claimed calls, where each position stands and
the parked and camped calls every position sees."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from db.row_base import Base, UtcDateTime


class ChangeRow(Base):
    """A change feed for other positions: one row per committed change they should re-read."""

    __tablename__ = "changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    topic: Mapped[str] = mapped_column(String(40))  # rooms, dnd, messages, wakeups, logbook
    key: Mapped[str] = mapped_column(String(40), default="")
    position: Mapped[str] = mapped_column(String(80), default="")


class CallClaimRow(Base):
    """A call to the operator number taken by one position: the PBX rings every signed-in position at
    once, and the unique ``call_key`` (the call's SIP Call-ID, the same on every forked branch) lets
    exactly one of two operators pressing F5 in the same moment answer it."""

    __tablename__ = "call_claims"
    id: Mapped[int] = mapped_column(primary_key=True)
    call_key: Mapped[str] = mapped_column(String(200), unique=True)
    position: Mapped[str] = mapped_column(String(80))
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class PositionStateRow(Base):
    """Where an operator position stands (``switchboard.positions.PositionState``), for every other
    position to see: one row per position, written when it signs in, goes on break or comes back."""

    __tablename__ = "position_states"
    position: Mapped[str] = mapped_column(String(80), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    operator: Mapped[str] = mapped_column(String(80), default="")
    since: Mapped[datetime] = mapped_column(UtcDateTime)


class SharedParkRow(Base):
    """A call parked or camped at one position, shown in every position's park area. ``slot`` is the
    park slot (unique across positions; NULL for a camp-on), ``target`` the busy extension camped on.
    A position picking the call up writes itself into ``picked_by`` (only while it is empty: the
    database decides between two picking at once) and its own SIP contact; the holding position then
    hands the call over."""

    __tablename__ = "shared_parks"
    id: Mapped[int] = mapped_column(primary_key=True)
    call_key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # park | camp
    slot: Mapped[str | None] = mapped_column(String(20), nullable=True, unique=True)
    target: Mapped[str] = mapped_column(String(20), default="")
    position: Mapped[str] = mapped_column(String(80), index=True)
    caller: Mapped[str] = mapped_column(String(80), default="")
    caller_name: Mapped[str] = mapped_column(String(120), default="")
    since: Mapped[datetime] = mapped_column(UtcDateTime)
    picked_by: Mapped[str] = mapped_column(String(80), default="")
    picked_contact: Mapped[str] = mapped_column(String(200), default="")
