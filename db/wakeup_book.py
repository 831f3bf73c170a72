"""Wake-up calls booked at the console: one per room and minute, never doubled;
a call that falls due is put in front of a person (the manual list) until
someone marks it done."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, time, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.exc import IntegrityError

from db.audit import audit, changed
from db.privacy import mask_text, private_guests, shown_guest, stay_guest
from db.rooms import find_room, guest_in
from db.rows import DiallerBeatRow, GuestRow, RoomRow, StayRow, WakeUpAttemptRow, WakeUpRow
from db.storage_faults import breaks
from db.store import Store
from switchboard.auth import Permission, require
from switchboard.clock import Clock
from switchboard.desk import AttemptView, DiallerState, WakeUpView
from switchboard.errors import ConflictError, InputError, NotFound
from switchboard.hotel import Actor, clean_text
from switchboard.input_checks import time_in_range
from switchboard.wakeup_groups import PERSONAL_BACKUP
from switchboard.wakeup_plan import due_for
from switchboard.wakeup_status import CANCELLABLE, OPEN, WakeUpStatus

_OPEN = [s.value for s in OPEN]
_CANCELLABLE = [s.value for s in CANCELLABLE]
DIALLER_STALE = timedelta(seconds=20)  # a dialler silent this long is taken for stopped



class SqlWakeUpBook:
    def __init__(self, store: Store, clock: Clock, personal_backup: timedelta = PERSONAL_BACKUP) -> None:
        self._store = store
        self._clock = clock
        self._personal_backup = personal_backup

    def _view(self, row: WakeUpRow, guest: str, extension: str = "") -> WakeUpView:
        zone = self._clock.now().tzinfo
        return WakeUpView(
            row.id,
            row.room_number,
            row.due_at.astimezone(zone),
            WakeUpStatus(row.status),
            guest,
            row.note,
            row.booked_by,
            row.attempts,
            row.version,
            row.language,
            row.repeat,
            row.outcome,
            row.handled_by,
            extension or row.room_number,
            row.personal,
            row.group_id,
        )

    def book(
        self,
        room: str,
        at: time,
        actor: Actor,
        note: str = "",
        *,
        repeat: str = "once",
        language: str = "",
        tomorrow_ok: bool = False,
        personal: bool = False,
    ) -> WakeUpView:
        due, ask = due_for(self._clock.now(), at)
        if ask and not tomorrow_ok:
            raise InputError(
                "wakeup.past_today",
                f"{at:%H:%M} has already passed today",
                time=f"{at:%H:%M}",
            )
        return self.book_due(room, due, actor, note, repeat=repeat, language=language, personal=personal)

    def book_due(
        self,
        room: str,
        due: datetime,
        actor: Actor,
        note: str = "",
        source: str = "console",
        *,
        repeat: str = "once",
        language: str = "",
        personal: bool = False,
    ) -> WakeUpView:
        require(actor, Permission.BOOK_WAKEUPS)
        time_in_range(due, self._clock.now(), "wake-up time")
        if due <= self._clock.now():
            raise InputError("wakeup.past", f"{due:%m-%d %H:%M} has already passed", due=f"{due:%m-%d %H:%M}")
        if repeat not in ("once", "daily"):
            raise InputError("wakeup.repeat", f"Not a repeat: {repeat!r}", repeat=repeat)
        if personal and repeat != "once":  # the next day is booked when the dialler takes today's call
            raise InputError("wakeup.personal_daily", "A personal wake-up is booked one day at a time")
        now = self._clock.now()
        text = clean_text(note, limit=400, what="note")
        with self._store.unit() as s:
            row_room = find_room(s, room)
            found = guest_in(s, row_room)
            if found is None:
                raise InputError(
                    "wakeup.no_guest", f"Room {row_room.number} has no guest in house", room=row_room.number
                )
            stay, guest = found
            row = WakeUpRow(
                stay_id=stay.id,
                room_number=row_room.number,
                due_at=due,
                status=WakeUpStatus.BOOKED.value,
                language=clean_text(language, limit=10, what="language") or guest.language,
                repeat=repeat,
                note=text,
                booked_at=now,
                booked_by=actor.user,
                source=source,
                personal=personal,
                dial_at=due + self._personal_backup if personal else None,  # the dialler is the backup
            )
            s.add(row)
            number = row.room_number
            try:
                s.flush()  # the unique index on open calls is the check: two positions at once get one call
            except IntegrityError as exc:
                if not breaks(exc, "uq_wakeups_open_room_due", "wakeups", "room_number", "due_minute"):
                    raise
                at = f"{due.astimezone(self._clock.now().tzinfo):%H:%M}"
                raise InputError(
                    "wakeup.duplicate", f"Room {number} already has a wake-up at {at}", room=number, time=at
                ) from exc
            audit(s, actor, now, "wakeup.book", "wakeup", row.id, room=row.room_number, due=due)
            changed(s, actor, now, "wakeup", row.id)
            return self._view(row, shown_guest(guest.name, stay.privacy))

    def _change(
        self,
        wakeup_id: int,
        version: int,
        actor: Actor,
        allowed: frozenset[WakeUpStatus],
        to: WakeUpStatus,
        action: str,
        outcome: str = "",
    ) -> WakeUpView:
        now = self._clock.now()
        with self._store.unit() as s:
            row = s.get(WakeUpRow, wakeup_id)
            if row is None:
                raise NotFound("wakeup.missing", "That wake-up call no longer exists")
            if row.version != version:
                raise ConflictError("wakeup.changed", "Someone else changed this wake-up call just now")
            if WakeUpStatus(row.status) not in allowed:
                raise InputError(
                    "wakeup.state",
                    f"A wake-up call that is {row.status} cannot be changed so",
                    status=row.status,
                )
            row.status = to.value
            if to is WakeUpStatus.HANDLED:
                row.handled_by, row.handled_at, row.outcome = actor.user, now, outcome
            audit(s, actor, now, action, "wakeup", row.id, room=row.room_number, outcome=outcome)
            changed(s, actor, now, "wakeup", row.id)
            return self._view(row, stay_guest(s, row.stay_id))

    def cancel(self, wakeup_id: int, version: int, actor: Actor) -> WakeUpView:
        require(actor, Permission.BOOK_WAKEUPS)
        return self._change(wakeup_id, version, actor, CANCELLABLE, WakeUpStatus.CANCELLED, "wakeup.cancel")

    def mark_done(
        self, wakeup_id: int, version: int, actor: Actor, outcome: str = "called by the operator"
    ) -> WakeUpView:
        require(actor, Permission.HANDLE_ESCALATIONS)
        allowed = frozenset({WakeUpStatus.MANUAL, WakeUpStatus.ESCALATED})
        text = clean_text(outcome, limit=40, what="outcome", required=True)
        return self._change(wakeup_id, version, actor, allowed, WakeUpStatus.HANDLED, "wakeup.done", text)

    def booked_in_minute(self, due: datetime) -> int:
        """Open wake-ups due in the same minute as ``due`` (for the capacity warning)."""
        start = due.replace(second=0, microsecond=0)
        with self._store.read() as s:
            return int(
                s.scalar(
                    select(func.count())
                    .select_from(WakeUpRow)
                    .where(
                        WakeUpRow.due_at >= start,
                        WakeUpRow.due_at < start + timedelta(minutes=1),
                        WakeUpRow.status.in_(_OPEN),
                    )
                )
                or 0
            )

    def dialler(self) -> DiallerState | None:
        """The freshest heartbeat of a wake-up dialler, if one ever ran against this database."""
        with self._store.read() as s:
            row = s.scalars(select(DiallerBeatRow).order_by(DiallerBeatRow.beat_at.desc())).first()
            if row is None:
                return None
            return DiallerState(row.name, row.beat_at, row.pbx_up, row.lines, row.busy, row.detail)

    def attempts(self, wakeup_id: int) -> list[AttemptView]:
        zone = self._clock.now().tzinfo
        with self._store.read() as s:
            return [
                AttemptView(a.attempt_no, a.started_at.astimezone(zone), a.result, a.detail)
                for a in s.scalars(
                    select(WakeUpAttemptRow)
                    .where(WakeUpAttemptRow.wakeup_id == wakeup_id)
                    .order_by(WakeUpAttemptRow.attempt_no)
                )
            ]

    def upcoming(self, actor: Actor) -> Sequence[WakeUpView]:
        require(actor, Permission.READ_WAKEUPS)
        with self._store.read() as s:
            rows = s.execute(
                select(WakeUpRow, GuestRow.name, RoomRow.extension, StayRow.privacy)
                .outerjoin(StayRow, StayRow.id == WakeUpRow.stay_id)
                .outerjoin(GuestRow, GuestRow.id == StayRow.guest_id)
                .outerjoin(RoomRow, RoomRow.number == WakeUpRow.room_number)
                .where(WakeUpRow.status.in_(_OPEN))
                .order_by(WakeUpRow.due_at, WakeUpRow.room_number)
            )
            found = list(rows)
            masked = private_guests(s) if found else {}  # a note may name a privacy guest
            return [
                replace(
                    self._view(row, shown_guest(name, private), extension or row.room_number),
                    note=mask_text(row.note, row.room_number, masked),
                )
                for row, name, extension, private in found
            ]

    def needing_a_person(self) -> Sequence[WakeUpView]:
        """Calls escalated or on the manual list, with room, time and status only (no guest, no note),
        read without a role: the alarm for a call nobody answered sounds whoever is signed in, or nobody."""
        with self._store.read() as s:
            rows = s.scalars(
                select(WakeUpRow)
                .where(WakeUpRow.status.in_([WakeUpStatus.ESCALATED.value, WakeUpStatus.MANUAL.value]))
                .order_by(WakeUpRow.due_at, WakeUpRow.room_number)
            )
            return [replace(self._view(row, ""), note="", booked_by="") for row in rows]

    def escalate_due(self) -> Sequence[WakeUpView]:
        """Due calls go to the manual list, once (the status change is the claim), unless a dialler
        that reaches the PBX beat a moment ago: then it is placing them."""
        now = self._clock.now()
        state = self.dialler()
        if state is not None and state.pbx_up and now - state.beat_at < DIALLER_STALE:
            return []
        due: list[WakeUpView] = []
        try:
            return self._escalate(now, due)
        except ConflictError:
            # Another position claimed the same calls a moment earlier: they are on its manual list,
            # and the change feed shows them here too. Nothing is lost and nothing is doubled.
            return []

    def _escalate(self, now: datetime, due: list[WakeUpView]) -> Sequence[WakeUpView]:
        with self._store.unit() as s:
            for row in s.scalars(
                select(WakeUpRow).where(
                    or_(
                        and_(
                            WakeUpRow.status == WakeUpStatus.BOOKED.value,
                            WakeUpRow.due_at <= now,
                            or_(WakeUpRow.dial_at.is_(None), WakeUpRow.dial_at <= now),  # personal: later
                        ),
                        and_(
                            WakeUpRow.status == WakeUpStatus.RETRY_WAIT.value,
                            WakeUpRow.next_attempt_at <= now,
                        ),
                    )
                )
            ):
                row.status = WakeUpStatus.MANUAL.value
                audit(
                    s,
                    Actor.link("wake-up clock"),
                    now,
                    "wakeup.manual",
                    "wakeup",
                    row.id,
                    room=row.room_number,
                )
                due.append(self._view(row, ""))
        return due
