"""Timed duties of a shift and their ticks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from db.audit import audit
from db.rows import TimedDutyRow, TimedDutyTickRow
from db.store import Store
from switchboard.auth import Permission, require
from switchboard.clock import Clock
from switchboard.duties import Duty, DutyState
from switchboard.errors import InputError, NotFound
from switchboard.hotel import Actor, clean_text
from switchboard.shifts import ShiftKind, ShiftSlot, season_of


def _due(slot: ShiftSlot, hhmm: str) -> datetime:
    hour, minute = (int(x) for x in hhmm.split(":"))
    due = datetime.combine(slot.business_date, time(hour, minute), slot.starts_at.tzinfo)
    return due if due >= slot.starts_at else due + timedelta(days=1)  # 02:00 in a night shift: the next day


class SqlDuties:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def for_shift(self, slot: ShiftSlot) -> Sequence[Duty]:
        now = self._clock.now()
        season = season_of(slot.business_date)
        with self._store.read() as s:
            rows = list(
                s.scalars(
                    select(TimedDutyRow).where(
                        TimedDutyRow.active.is_(True),
                        TimedDutyRow.shift_kind == slot.kind.value,
                        TimedDutyRow.season.in_(["all", season]),
                    )
                )
            )
            ticks = {
                t.duty_id: t
                for t in s.scalars(
                    select(TimedDutyTickRow).where(TimedDutyTickRow.business_date == slot.business_date)
                )
            }
            duties = []
            for row in rows:
                due = _due(slot, row.time_of_day)
                tick = ticks.get(row.id)
                if tick is not None:
                    state = DutyState.DONE
                elif now >= slot.ends_at:
                    state = DutyState.MISSED
                else:
                    state = DutyState.DUE if now >= due else DutyState.UPCOMING
                duties.append(
                    Duty(
                        row.id,
                        row.name,
                        row.name_zh,
                        due,
                        state,
                        tick.done_by if tick else "",
                        tick.done_at.astimezone(now.tzinfo) if tick else None,
                    )
                )
        return sorted(duties, key=lambda d: d.due_at)

    def tick(self, duty_id: int, slot: ShiftSlot, actor: Actor) -> None:
        require(actor, Permission.WRITE_LOGBOOK)
        now = self._clock.now()
        try:
            with self._store.unit() as s:
                if s.get(TimedDutyRow, duty_id) is None:
                    raise NotFound("duty.missing", "That duty no longer exists")
                s.add(
                    TimedDutyTickRow(
                        duty_id=duty_id, business_date=slot.business_date, done_at=now, done_by=actor.user
                    )
                )
                s.flush()
                audit(s, actor, now, "duty.tick", "timed_duty", duty_id)
        except IntegrityError as exc:
            raise InputError("duty.done", "This duty is already ticked off for the shift") from exc

    def define(self, name: str, name_zh: str, shift_kind: str, hhmm: str, season: str, actor: Actor) -> int:
        """A new timed duty (duty managers and administrators)."""
        require(actor, Permission.EDIT_HOTEL_INFO)
        if shift_kind not in {k.value for k in ShiftKind}:
            raise InputError("duty.shift", f"Unknown shift {shift_kind!r}", shift=shift_kind)
        if season not in ("all", "summer", "winter"):
            raise InputError("duty.season", f"Unknown season {season!r}", season=season)
        try:
            at = time.fromisoformat(hhmm.strip()).strftime("%H:%M")
        except ValueError as exc:
            raise InputError("board.time", f"Not a time of day: {hhmm[:10]!r}", time=hhmm[:10]) from exc
        now = self._clock.now()
        with self._store.unit() as s:
            row = TimedDutyRow(
                name=clean_text(name, limit=200, what="duty", required=True),
                name_zh=clean_text(name_zh, limit=200, what="Chinese name"),
                shift_kind=shift_kind,
                time_of_day=at,
                season=season,
                active=True,
            )
            s.add(row)
            s.flush()
            audit(s, actor, now, "duty.define", "timed_duty", row.id)
            return row.id

    def retire(self, duty_id: int, actor: Actor) -> None:
        require(actor, Permission.EDIT_HOTEL_INFO)
        now = self._clock.now()
        with self._store.unit() as s:
            row = s.get(TimedDutyRow, duty_id)
            if row is None:
                raise NotFound("duty.missing", "That duty no longer exists")
            row.active = False
            audit(s, actor, now, "duty.retire", "timed_duty", duty_id)
