"""Reads the daily information board and adds notices to it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from db.audit import audit
from db.privacy import mask_text, private_guests
from db.rows import DailyInfoRow, DutyManagerRow, GuestRow, RoomMoveRow, RoomRow, StayRow, WhereaboutsRow
from db.store import Store
from switchboard.auth import Permission, require
from switchboard.board import Arrival, DailyBoard
from switchboard.clock import Clock
from switchboard.errors import InputError
from switchboard.hotel import Actor, StayStatus, clean_text
from switchboard.input_checks import day_in_range

NOTICE_KINDS = ("weather", "event", "note")


class SqlBoard:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def today(self, actor: Actor) -> DailyBoard:
        require(actor, Permission.READ_BOARD)
        now = self._clock.now()
        day = now.date()
        start = datetime.combine(day, time(0, 0), now.tzinfo)
        with self._store.read() as s:
            private = private_guests(s)  # a notice or whereabouts may name a privacy guest by their room
            notices = tuple(
                (r.kind, r.at_time, mask_text(r.text, "", private))
                for r in s.scalars(
                    select(DailyInfoRow)
                    .where(DailyInfoRow.business_date == day)
                    .order_by(DailyInfoRow.at_time, DailyInfoRow.id)
                )
            )
            arrivals = tuple(
                # a privacy guest's arrival is listed by name, without the room
                Arrival(
                    g.name,
                    g.title,
                    "" if st.privacy else number or "",
                    g.vip_level,
                    st.arrival,
                    st.companions,
                    st.vip_note,
                )
                for st, g, number in s.execute(
                    select(StayRow, GuestRow, RoomRow.number)
                    .join(GuestRow, GuestRow.id == StayRow.guest_id)
                    .outerjoin(RoomRow, RoomRow.id == StayRow.room_id)
                    .where(
                        StayRow.status == StayStatus.EXPECTED.value,
                        StayRow.arrival <= day + timedelta(days=1),
                    )
                    .order_by(StayRow.arrival, GuestRow.vip_level.desc(), GuestRow.name)
                )
            )
            moves = tuple(
                f"{m.at.astimezone(now.tzinfo):%H:%M} {m.from_room} → {m.to_room}"
                for m in s.scalars(
                    select(RoomMoveRow).where(RoomMoveRow.at >= start).order_by(RoomMoveRow.at)
                )
            )
            dnd = tuple(
                s.scalars(select(RoomRow.number).where(RoomRow.dnd.is_(True)).order_by(RoomRow.number))
            )
            where = tuple(
                f"{number}: {mask_text(w.text, number or '', private)} "
                f"({w.until.astimezone(now.tzinfo):%H:%M})"
                for w, number in s.execute(
                    select(WhereaboutsRow, RoomRow.number)
                    .join(StayRow, StayRow.id == WhereaboutsRow.stay_id)
                    .outerjoin(RoomRow, RoomRow.id == StayRow.room_id)
                    .where(WhereaboutsRow.starts_at <= now, WhereaboutsRow.until > now)
                )
            )
            manager = s.scalars(
                select(DutyManagerRow).where(DutyManagerRow.starts_at <= now, DutyManagerRow.ends_at > now)
            ).first()
            duty = (
                f"{manager.name} · {manager.pager} · {manager.mobile} · {manager.location}" if manager else ""
            )
        return DailyBoard(day, notices, arrivals, moves, dnd, where, duty)

    def add_notice(self, kind: str, at_time: str, text: str, actor: Actor, day: date | None = None) -> None:
        require(actor, Permission.WRITE_LOGBOOK)
        if kind not in NOTICE_KINDS:
            raise InputError("board.kind", f"Unknown notice kind {kind!r}", kind=kind)
        body = clean_text(text, limit=1000, what="notice", required=True)
        when = at_time.strip()
        if when:
            try:
                when = time.fromisoformat(when).strftime("%H:%M")
            except ValueError as exc:
                raise InputError("board.time", f"Not a time of day: {when[:10]!r}", time=when[:10]) from exc
        now = self._clock.now()
        if day is not None:
            day_in_range(day, now.date(), "notice day")
        with self._store.unit() as s:
            row = DailyInfoRow(
                business_date=day or now.date(), kind=kind, text=body, at_time=when, written_by=actor.user
            )
            s.add(row)
            s.flush()
            audit(s, actor, now, "board.notice", "daily_info", row.id)
