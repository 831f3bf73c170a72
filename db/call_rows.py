"""Call records (the console's and the PBX's), call-backs to make, and the PMS link's posting numbers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.row_base import Base, UtcDateTime


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


class FiasSequenceRow(Base):
    """Numbers the PMS link hands out and must not repeat after a restart: ``posting`` is the
    last posting number (FIAS P#, 1-99999999) sent to the PMS."""

    __tablename__ = "fias_sequences"
    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
