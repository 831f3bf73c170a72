"""Wake-up calls, their groups and attempts, and the dialler's heartbeat."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, UniqueConstraint, event, false, text
from sqlalchemy.orm import Mapped, mapped_column

from db.row_base import Base, UtcDateTime

# switchboard.wakeup_status.OPEN, for the partial unique index on open wake-ups
WAKEUP_OPEN = "('booked', 'dialling', 'retry_wait', 'escalated', 'manual', 'handed_to_pbx')"


class WakeUpRow(Base):
    __tablename__ = "wakeups"
    __table_args__ = (  # one open wake-up per room and minute, however many positions book it at once
        Index(
            "uq_wakeups_open_room_due",
            "room_number",
            "due_minute",
            unique=True,
            sqlite_where=text(f"status IN {WAKEUP_OPEN}"),
            postgresql_where=text(f"status IN {WAKEUP_OPEN}"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    stay_id: Mapped[int | None] = mapped_column(ForeignKey("stays.id"), nullable=True, index=True)
    room_number: Mapped[str] = mapped_column(String(8), index=True)
    due_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    # due_at cut to the minute, for the unique index: set on every insert and update (below), never by hand
    due_minute: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    repeat: Mapped[str] = mapped_column(String(10), default="once")
    language: Mapped[str] = mapped_column(String(10), default="en")
    note: Mapped[str] = mapped_column(String(400), default="")
    status: Mapped[str] = mapped_column(String(20), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True, index=True)
    claimed_by: Mapped[str] = mapped_column(String(80), default="")
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    booked_at: Mapped[datetime] = mapped_column(UtcDateTime)
    booked_by: Mapped[str] = mapped_column(String(80))
    source: Mapped[str] = mapped_column(String(20), default="console")
    outcome: Mapped[str] = mapped_column(String(40), default="")
    handled_by: Mapped[str] = mapped_column(String(80), default="")
    handled_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    series_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pms_answer: Mapped[str] = mapped_column(String(2), default="", server_default="")  # FIAS WA AS sent
    # the PMS's own time (WR TI with seconds) when its request was merged into this call: one WA owed with it
    pms_due: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    group_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)  # wakeup_groups.id
    personal: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # VIP: by a person
    dial_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)  # personal: dialler after
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


def minute_of(due: datetime) -> datetime:
    """The minute a wake-up is due in: the one the unique index on open calls holds."""
    return due.replace(second=0, microsecond=0)


@event.listens_for(WakeUpRow, "before_insert")
@event.listens_for(WakeUpRow, "before_update")
def _cut_to_the_minute(_mapper: object, _connection: object, row: WakeUpRow) -> None:
    """The minute the unique index holds: a PMS's 07:00:30 and a console's 07:00 are one call."""
    row.due_minute = minute_of(row.due_at)


class WakeUpGroupRow(Base):
    """One time for a PMS group, a floor or a list of rooms; each member is an ordinary wake-up."""

    __tablename__ = "wakeup_groups"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # switchboard.wakeup_groups.GroupKind
    label: Mapped[str] = mapped_column(String(80))
    booked_at: Mapped[datetime] = mapped_column(UtcDateTime)
    booked_by: Mapped[str] = mapped_column(String(80))


class WakeUpAttemptRow(Base):
    __tablename__ = "wakeup_attempts"
    __table_args__ = (UniqueConstraint("wakeup_id", "attempt_no"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    wakeup_id: Mapped[int] = mapped_column(ForeignKey("wakeups.id"), index=True)
    attempt_no: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    result: Mapped[str] = mapped_column(String(20), default="")
    line: Mapped[str] = mapped_column(String(40), default="")
    detail: Mapped[str] = mapped_column(String(400), default="")


class DiallerBeatRow(Base):
    """The wake-up dialler's heartbeat: consoles take over (manual list) when it stops beating."""

    __tablename__ = "dialler_beats"
    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    pid: Mapped[int] = mapped_column(Integer)
    beat_at: Mapped[datetime] = mapped_column(UtcDateTime)
    pbx_up: Mapped[bool] = mapped_column(Boolean)
    lines: Mapped[int] = mapped_column(Integer)
    busy: Mapped[int] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(String(400), default="")
