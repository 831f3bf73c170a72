"""Rooms, their extensions, guests and stays, and what hangs on a stay: room moves, DND periods,
messages and whereabouts."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from db.row_base import Base, UtcDateTime
from switchboard.hotel import MAX_WING as WING_LENGTH


class RoomRow(Base):
    __tablename__ = "rooms"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(8), unique=True)
    floor: Mapped[int] = mapped_column(Integer, index=True)
    wing: Mapped[str | None] = mapped_column(String(WING_LENGTH), nullable=True)  # "East"; None: no wings
    room_type: Mapped[str] = mapped_column(String(40))
    extension: Mapped[str] = mapped_column(String(20))
    occupancy: Mapped[str] = mapped_column(String(20), default="vacant")
    housekeeping: Mapped[str] = mapped_column(String(20), default="clean")
    dnd: Mapped[bool] = mapped_column(Boolean, default=False)
    message_lamp: Mapped[bool] = mapped_column(Boolean, default=False)
    class_of_service: Mapped[int] = mapped_column(Integer, default=3)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class ExtensionRow(Base):
    __tablename__ = "extensions"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # switchboard.hotel.ExtensionKind
    label: Mapped[str] = mapped_column(String(200))
    label_zh: Mapped[str] = mapped_column(String(200), default="")
    department: Mapped[str] = mapped_column(String(80), default="")
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id"), nullable=True)
    floor: Mapped[int | None] = mapped_column(Integer, nullable=True)
    on_field: Mapped[bool] = mapped_column(Boolean, default=True)  # shown on the lamp field


class GuestRow(Base):
    __tablename__ = "guests"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    first_name: Mapped[str] = mapped_column(String(80), default="")
    romanised: Mapped[str] = mapped_column(String(300), default="", index=True)
    initials: Mapped[str] = mapped_column(String(80), default="", index=True)
    title: Mapped[str] = mapped_column(String(40), default="")
    language: Mapped[str] = mapped_column(String(10), default="en")
    vip_level: Mapped[int] = mapped_column(Integer, default=0)
    company: Mapped[str] = mapped_column(String(200), default="")
    profile_no: Mapped[str] = mapped_column(String(20), default="")


class StayRow(Base):
    __tablename__ = "stays"
    id: Mapped[int] = mapped_column(primary_key=True)
    reservation: Mapped[str] = mapped_column(String(20), index=True)
    guest_id: Mapped[int] = mapped_column(ForeignKey("guests.id"))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id"), nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)  # switchboard.hotel.StayStatus
    arrival: Mapped[date] = mapped_column(Date, index=True)
    departure: Mapped[date] = mapped_column(Date)
    companions: Mapped[str] = mapped_column(Text, default="")
    privacy: Mapped[bool] = mapped_column(Boolean, default=False)
    privacy_note: Mapped[str] = mapped_column(String(400), default="")
    vip_note: Mapped[str] = mapped_column(Text, default="")
    group_code: Mapped[str] = mapped_column(String(20), default="")
    share: Mapped[bool] = mapped_column(Boolean, default=False)
    checked_in_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    checked_out_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    resync_mark: Mapped[int] = mapped_column(Integer, default=0)  # FIAS DS/DE bookkeeping
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class RoomMoveRow(Base):
    __tablename__ = "room_moves"
    id: Mapped[int] = mapped_column(primary_key=True)
    stay_id: Mapped[int] = mapped_column(ForeignKey("stays.id"))
    from_room: Mapped[str] = mapped_column(String(8))
    to_room: Mapped[str] = mapped_column(String(8))
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    by: Mapped[str] = mapped_column(String(80))


class DndRow(Base):
    """One period of do-not-disturb on a room; open while ``cleared_at`` is empty."""

    __tablename__ = "dnd_periods"
    __table_args__ = (  # one open period per room: two positions switching DND cannot leave two
        Index(
            "uq_dnd_periods_open_room",
            "room_id",
            unique=True,
            sqlite_where=text("cleared_at IS NULL"),
            postgresql_where=text("cleared_at IS NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"), index=True)
    set_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    set_by: Mapped[str] = mapped_column(String(80))
    until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    cleared_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    cleared_by: Mapped[str] = mapped_column(String(80), default="")
    source: Mapped[str] = mapped_column(String(20), default="console")


class MessageRow(Base):
    __tablename__ = "guest_messages"
    id: Mapped[int] = mapped_column(primary_key=True)
    stay_id: Mapped[int | None] = mapped_column(ForeignKey("stays.id"), nullable=True, index=True)
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id"), nullable=True)
    sender: Mapped[str] = mapped_column(String(200))
    callback: Mapped[str] = mapped_column(String(40), default="")
    text: Mapped[str] = mapped_column(Text)
    taken_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    taken_by: Mapped[str] = mapped_column(String(80))
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    delivered_by: Mapped[str] = mapped_column(String(80), default="")
    delivery: Mapped[str] = mapped_column(String(20), default="")  # phone, slip, screen
    status: Mapped[str] = mapped_column(String(20), default="waiting")
    purge_after: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    pms_id: Mapped[str] = mapped_column(String(20), default="")  # FIAS MI of a message from the PMS
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class WhereaboutsRow(Base):
    __tablename__ = "whereabouts"
    id: Mapped[int] = mapped_column(primary_key=True)
    stay_id: Mapped[int] = mapped_column(ForeignKey("stays.id"), index=True)
    text: Mapped[str] = mapped_column(String(400))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    until: Mapped[datetime] = mapped_column(UtcDateTime)
    set_by: Mapped[str] = mapped_column(String(80))
