"""The console's tables as SQLAlchemy 2.0 typed rows.

Rows stay in ``db/``; services turn them into ``switchboard`` dataclasses.  The
schema itself is created only by the Alembic migrations in ``db/migrations``.
Times are stored as UTC and come back timezone-aware (``UtcDateTime``).  Rows
that two positions may edit at once carry ``version`` for optimistic locking.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    false,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from switchboard.hotel import MAX_WING as WING_LENGTH

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, stored as naive UTC, aware UTC out (SQLite keeps no zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


# switchboard.wakeup_status.OPEN, for the partial unique index on open wake-ups
WAKEUP_OPEN = "('booked', 'dialling', 'retry_wait', 'escalated', 'manual', 'handed_to_pbx')"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# ---------------------------------------------------------------- people and access


class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))  # switchboard.hotel.Role
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    language: Mapped[str] = mapped_column(String(10), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # sign-in failures since the last success; the lock after too many, which an administrator lifts
    failed_signins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class AuditRow(Base):
    """Who changed what, when, from which position. Never updated or deleted."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(80))
    position: Mapped[str] = mapped_column(String(80), default="")
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    chain_seq: Mapped[int | None] = mapped_column(Integer, unique=True, nullable=True)  # db/chain.py
    chain_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")


# ---------------------------------------------------------------- rooms and extensions


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


# ---------------------------------------------------------------- guests and stays


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


# ---------------------------------------------------------------- wake-ups


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


# ---------------------------------------------------------------- shifts, logbook, handover


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


# ---------------------------------------------------------------- calls


class CallRecordRow(Base):
    __tablename__ = "call_records"
    __table_args__ = (Index("ix_call_records_started", "started_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(10))  # console, smdr
    call_id: Mapped[str] = mapped_column(String(80), default="", index=True)
    direction: Mapped[str] = mapped_column(String(10), default="in")
    kind: Mapped[str] = mapped_column(String(20), default="")  # switchboard.pbx.CallKind
    caller: Mapped[str] = mapped_column(String(40), default="")
    called: Mapped[str] = mapped_column(String(40), default="")
    room_number: Mapped[str] = mapped_column(String(8), default="", index=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    ring_seconds: Mapped[float] = mapped_column(default=0.0)
    talk_seconds: Mapped[float] = mapped_column(default=0.0)
    abandoned: Mapped[bool] = mapped_column(Boolean, default=False)
    handled_by: Mapped[str] = mapped_column(String(80), default="")
    category: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(String(400), default="")
    trunk: Mapped[str] = mapped_column(String(20), default="")
    charge_cents: Mapped[int] = mapped_column(Integer, default=0)
    posted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    # "", due, posted or refused: a charge on its way to the PMS
    posting: Mapped[str] = mapped_column(String(10), default="", server_default="")
    raw: Mapped[str] = mapped_column(Text, default="")
    # the PBX's own grouping of a call's records (Avaya Call ID, Asterisk linkedid) and this one's place
    pbx_call: Mapped[str] = mapped_column(String(64), default="", server_default="", index=True)
    segment: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    hold_seconds: Mapped[float] = mapped_column(default=0.0, server_default="0")
    park_seconds: Mapped[float] = mapped_column(default=0.0, server_default="0")
    pbx_charge: Mapped[str] = mapped_column(String(20), default="", server_default="")
    currency: Mapped[str] = mapped_column(String(8), default="", server_default="")
    system_made: Mapped[str] = mapped_column(String(40), default="", server_default="")  # not the room's


# A call record from the PBX is stored once: its key (a digest of the record) is unique among them.
Index(
    "uq_call_records_smdr_key",
    CallRecordRow.call_id,
    unique=True,
    sqlite_where=CallRecordRow.source == "smdr",
    postgresql_where=CallRecordRow.source == "smdr",
)


class CallbackTaskRow(Base):
    __tablename__ = "callback_tasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    caller: Mapped[str] = mapped_column(String(200))
    number: Mapped[str] = mapped_column(String(40))
    for_extension: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(String(400), default="")
    due_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(80))
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    done_by: Mapped[str] = mapped_column(String(80), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


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


class ChangeRow(Base):
    """A change feed for other positions: one row per committed change they should re-read."""

    __tablename__ = "changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    topic: Mapped[str] = mapped_column(String(40))  # rooms, dnd, messages, wakeups, logbook
    key: Mapped[str] = mapped_column(String(40), default="")
    position: Mapped[str] = mapped_column(String(80), default="")


class FiasSequenceRow(Base):
    """Numbers the PMS link hands out and must not repeat after a restart: ``posting`` is the
    last posting number (FIAS P#, 1-99999999) sent to the PMS."""

    __tablename__ = "fias_sequences"
    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


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


class CallClaimRow(Base):
    """A call to the operator number taken by one position: the PBX rings every signed-in position at
    once, and the unique ``call_key`` (the call's SIP Call-ID, the same on every forked branch) lets
    exactly one of two operators pressing F5 in the same moment answer it."""

    __tablename__ = "call_claims"
    id: Mapped[int] = mapped_column(primary_key=True)
    call_key: Mapped[str] = mapped_column(String(200), unique=True)
    position: Mapped[str] = mapped_column(String(80))
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


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
