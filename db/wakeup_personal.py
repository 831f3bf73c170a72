"""Personal wake-ups (VIPs) as the operator works them: from the time the operator is reminded to call
in person; marking it done closes it. Until its ``dial_at`` (the time plus the backup minutes) the
dialler's claim passes it over; after that, unmarked, the dialler calls the room as for any other."""

from __future__ import annotations

from sqlalchemy import select

from db.audit import audit, changed
from db.privacy import shown_guest
from db.rows import GuestRow, RoomRow, StayRow, WakeUpRow
from db.store import Store
from switchboard.auth import Permission, require
from switchboard.clock import Clock
from switchboard.desk import WakeUpView
from switchboard.errors import ConflictError, InputError, NotFound
from switchboard.hotel import Actor, clean_text
from switchboard.wakeup_status import WakeUpStatus


class SqlPersonalWakeUps:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def to_call(self) -> list[WakeUpView]:
        """Personal wake-ups due now that nobody has marked done and the dialler has not taken (a PBX
        that runs them may have: it has not answered yet)."""
        now = self._clock.now()
        zone = now.tzinfo
        with self._store.read() as s:
            found = s.execute(
                select(WakeUpRow, GuestRow.name, RoomRow.extension, StayRow.privacy)
                .outerjoin(StayRow, StayRow.id == WakeUpRow.stay_id)
                .outerjoin(GuestRow, GuestRow.id == StayRow.guest_id)
                .outerjoin(RoomRow, RoomRow.number == WakeUpRow.room_number)
                .where(
                    WakeUpRow.personal.is_(True),
                    # handed to a PBX at its backup time: still the operator's to mark until it answers
                    WakeUpRow.status.in_((WakeUpStatus.BOOKED.value, WakeUpStatus.HANDED_TO_PBX.value)),
                    WakeUpRow.due_at <= now,
                )
                .order_by(WakeUpRow.due_at, WakeUpRow.room_number)
            )
            return [
                WakeUpView(
                    row.id,
                    row.room_number,
                    row.due_at.astimezone(zone),
                    WakeUpStatus(row.status),
                    shown_guest(name, private),
                    row.note,
                    row.booked_by,
                    row.attempts,
                    row.version,
                    row.language,
                    row.repeat,
                    row.outcome,
                    row.handled_by,
                    extension or row.room_number,
                    True,
                    row.group_id,
                )
                for row, name, extension, private in found
            ]

    def mark_done(
        self, wakeup_id: int, version: int, actor: Actor, outcome: str = "called in person"
    ) -> None:
        """The operator called the guest in person: the wake-up is closed and the dialler never takes it.
        Too late once the dialler has taken it (``wakeup.state``): its call is under way. A PBX that
        runs the wake-ups (``[wakeup] mode = pbx``) and was handed it at the backup time has not rung
        yet for certain, so it is closed here and cleared at the PBX (WC) by the wake-up link."""
        require(actor, Permission.BOOK_WAKEUPS)
        text = clean_text(outcome, limit=40, what="outcome", required=True)
        now = self._clock.now()
        with self._store.unit() as s:
            row = s.get(WakeUpRow, wakeup_id)
            if row is None or not row.personal:
                raise NotFound("wakeup.missing", "That wake-up call no longer exists")
            if row.version != version:
                raise ConflictError("wakeup.changed", "Someone else changed this wake-up call just now")
            if row.status not in (WakeUpStatus.BOOKED.value, WakeUpStatus.HANDED_TO_PBX.value):
                raise InputError(
                    "wakeup.state",
                    f"A wake-up call that is {row.status} cannot be changed so",
                    status=row.status,
                )
            row.status = WakeUpStatus.HANDLED.value
            row.handled_by, row.handled_at, row.outcome = actor.user, now, text
            audit(s, actor, now, "wakeup.personal_done", "wakeup", row.id, room=row.room_number)
            changed(s, actor, now, "wakeup", row.id)
