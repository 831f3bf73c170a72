"""Emergency calls from the extensions and the evacuation roll-calls."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from db.row_base import Base, UtcDateTime
from switchboard.hotel import MAX_WING as WING_LENGTH

# An emergency call told without a Call-ID (switchboard.emergency_dialogs.UNKEYED) whose call is up.
EMERGENCY_UNKEYED_UP = "up AND substr(call_key, 1, 7) = 'dialog:'"


class EmergencyRow(Base):
    """An emergency number dialled from an extension: the alarm every position shows until a person
    acknowledges it. ``call_key`` (the PBX's Call-ID) is unique, so the same call told by the PBX to
    several positions, or twice, is one alarm. ``occupants`` is who was in the room at that moment."""

    __tablename__ = "emergencies"
    __table_args__ = (  # one unkeyed alarm of a room and number up at once, however many positions raise it
        Index(
            "uq_emergencies_unkeyed_up",
            "extension",
            "number",
            unique=True,
            sqlite_where=text(EMERGENCY_UNKEYED_UP),
            postgresql_where=text(EMERGENCY_UNKEYED_UP),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    call_key: Mapped[str] = mapped_column(String(200), unique=True)
    extension: Mapped[str] = mapped_column(String(20), index=True)
    room_number: Mapped[str] = mapped_column(String(8), default="")
    floor: Mapped[int | None] = mapped_column(Integer, nullable=True)
    wing: Mapped[str | None] = mapped_column(String(WING_LENGTH), nullable=True)
    number: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    source: Mapped[str] = mapped_column(String(20))  # switchboard.emergency.Source
    up: Mapped[bool] = mapped_column(Boolean, default=True)
    occupants: Mapped[list[Any]] = mapped_column(JSON, default=list)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    acknowledged_by: Mapped[str] = mapped_column(String(80), default="")
    acknowledged_position: Mapped[str] = mapped_column(String(80), default="")
    escalated_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class RollCallRow(Base):
    """An evacuation roll-call. ``running`` is True while it runs and NULL after, and unique, so two
    duty managers starting one at the same moment get one roll-call."""

    __tablename__ = "roll_calls"
    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(20))  # switchboard.roll_call.Scope
    floor: Mapped[int | None] = mapped_column(Integer, nullable=True)
    wing: Mapped[str | None] = mapped_column(String(WING_LENGTH), nullable=True)  # scope "wing"
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    started_by: Mapped[str] = mapped_column(String(80))
    stopped_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    stopped_by: Mapped[str] = mapped_column(String(80), default="")
    running: Mapped[bool | None] = mapped_column(Boolean, nullable=True, unique=True)


class RollCallRoomRow(Base):
    """One room of a roll-call and where it stands (switchboard.roll_call.RoomAnswer)."""

    __tablename__ = "roll_call_rooms"
    id: Mapped[int] = mapped_column(primary_key=True)
    roll_call_id: Mapped[int] = mapped_column(ForeignKey("roll_calls.id"), index=True)
    room_number: Mapped[str] = mapped_column(String(8))
    extension: Mapped[str] = mapped_column(String(20))
    floor: Mapped[int] = mapped_column(Integer)
    wing: Mapped[str | None] = mapped_column(String(WING_LENGTH), nullable=True)
    guests: Mapped[str] = mapped_column(String(400), default="")
    language: Mapped[str] = mapped_column(String(10), default="en")
    answer: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    detail: Mapped[str] = mapped_column(String(200), default="")
