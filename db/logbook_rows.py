"""The desk's books: shifts and sign-ins, the logbook and its earlier versions, handovers, duty
managers, timed duties, the daily board and the hotel information."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.row_base import Base, UtcDateTime


class ShiftRow(Base):
    __tablename__ = "shifts"
    __table_args__ = (UniqueConstraint("business_date", "kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # early, mid, night
    business_date: Mapped[date] = mapped_column(Date)
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    closed_by: Mapped[str] = mapped_column(String(80), default="")


class SignInRow(Base):
    __tablename__ = "sign_ins"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"), nullable=True)
    position: Mapped[str] = mapped_column(String(80))
    signed_in_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    signed_out_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class LogbookEntryRow(Base):
    """An entry of the LOG BOOK. Entries of a closed shift are never updated;
    a correction is a new entry whose ``corrects_id`` points at the old one."""

    __tablename__ = "logbook_entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"), nullable=True, index=True)
    kind: Mapped[str] = mapped_column(String(20), default="entry")  # entry, correction, annotation
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    author: Mapped[str] = mapped_column(String(80))
    category: Mapped[str] = mapped_column(String(20), index=True)
    room_number: Mapped[str] = mapped_column(String(8), default="", index=True)
    text: Mapped[str] = mapped_column(Text)
    follow_up: Mapped[bool] = mapped_column(Boolean, default=False)
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    assignee: Mapped[str] = mapped_column(String(80), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    resolved_by: Mapped[str] = mapped_column(String(80), default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("logbook_entries.id"), nullable=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    chain_seq: Mapped[int | None] = mapped_column(Integer, unique=True, nullable=True)  # db/chain.py
    chain_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    __mapper_args__ = {"version_id_col": version}


class LogbookVersionRow(Base):
    """The text an entry had before its author edited it (while the shift was open)."""

    __tablename__ = "logbook_versions"
    __table_args__ = (UniqueConstraint("entry_id", "version_no"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("logbook_entries.id"), index=True)
    version_no: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    replaced_at: Mapped[datetime] = mapped_column(UtcDateTime)
    replaced_by: Mapped[str] = mapped_column(String(80))
    chain_seq: Mapped[int | None] = mapped_column(Integer, unique=True, nullable=True)  # db/chain.py
    chain_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")


class HandoverRow(Base):
    __tablename__ = "handovers"
    id: Mapped[int] = mapped_column(primary_key=True)
    from_shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"))
    to_shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"), nullable=True)
    composed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    composed_by: Mapped[str] = mapped_column(String(80))
    note: Mapped[str] = mapped_column(Text, default="")
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    acknowledged_by: Mapped[str] = mapped_column(String(80), default="")


class HandoverItemRow(Base):
    __tablename__ = "handover_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    ref: Mapped[str] = mapped_column(String(40), default="")
    text: Mapped[str] = mapped_column(Text)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    acknowledged_by: Mapped[str] = mapped_column(String(80), default="")


class DutyManagerRow(Base):
    __tablename__ = "duty_managers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    pager: Mapped[str] = mapped_column(String(40), default="")
    mobile: Mapped[str] = mapped_column(String(40), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)


class TimedDutyRow(Base):
    __tablename__ = "timed_duties"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str] = mapped_column(String(200), default="")
    shift_kind: Mapped[str] = mapped_column(String(10))
    time_of_day: Mapped[str] = mapped_column(String(5))  # HH:MM hotel time
    season: Mapped[str] = mapped_column(String(10), default="all")  # all, summer, winter
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class TimedDutyTickRow(Base):
    __tablename__ = "timed_duty_ticks"
    __table_args__ = (UniqueConstraint("duty_id", "business_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    duty_id: Mapped[int] = mapped_column(ForeignKey("timed_duties.id"))
    business_date: Mapped[date] = mapped_column(Date)
    done_at: Mapped[datetime] = mapped_column(UtcDateTime)
    done_by: Mapped[str] = mapped_column(String(80))


class DailyInfoRow(Base):
    """The daily information board: weather, events, notes for one business date."""

    __tablename__ = "daily_info"
    id: Mapped[int] = mapped_column(primary_key=True)
    business_date: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20))  # weather, event, note
    text: Mapped[str] = mapped_column(Text)
    at_time: Mapped[str] = mapped_column(String(5), default="")
    written_by: Mapped[str] = mapped_column(String(80), default="")


class HotelInfoRow(Base):
    """The operators' knowledge base: restaurant hours, facilities, directions, procedures."""

    __tablename__ = "hotel_info"
    id: Mapped[int] = mapped_column(primary_key=True)
    topic: Mapped[str] = mapped_column(String(200))
    topic_zh: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text)
    body_zh: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[str] = mapped_column(String(400), default="")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_by: Mapped[str] = mapped_column(String(80))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}
