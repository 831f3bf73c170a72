"""The PMS's wake-ups: what the PMS link books and cancels (FIAS WR/WC) through the console's book,
and the one WA each owes the PMS when it ends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select, update

from db.audit import audit, changed
from db.rows import WakeUpAttemptRow, WakeUpRow, minute_of
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from switchboard.auth import Permission, require
from switchboard.clock import Clock
from switchboard.errors import ConflictError, InputError
from switchboard.frontoffice import WakeUpDesk, WakeUpRepeat
from switchboard.hotel import Actor, check_room_number
from switchboard.wakeup_plan import pms_answer
from switchboard.wakeup_status import CANCELLABLE, OPEN, WakeUpStatus

_OPEN = [s.value for s in OPEN]
_CANCELLABLE = [s.value for s in CANCELLABLE]


class SqlPmsWakeUps:
    """The ``WakeUpDesk`` the PMS link books through: the same book, times as the PMS sends them."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._book = SqlWakeUpBook(store, clock)
        self._store = store
        self._clock = clock

    def _aware(self, due_at: datetime) -> datetime:
        now = self._clock.now()
        return (
            due_at.replace(tzinfo=now.tzinfo) if due_at.tzinfo is None else due_at
        )  # PMS times are hotel time

    def book(
        self,
        room: str,
        due_at: datetime,
        actor: Actor,
        *,
        repeat: WakeUpRepeat = WakeUpRepeat.ONCE,
        language: str = "",
        note: str = "",
    ) -> int:
        due = self._aware(due_at)
        try:
            return self._book.book_due(
                room, due, actor, note, source="pms", repeat=repeat.value, language=language
            ).id
        except InputError as exc:
            if exc.key == "wakeup.duplicate":
                self._merged(room, due)
            raise

    def _merged(self, room: str, due: datetime) -> None:
        """The PMS asked for a minute the room has a call in: that call is the PMS's too, and answers it
        (one WA, with the PMS's own time) when it ends. A PMS repeating its own WR changes nothing."""
        with self._store.unit() as s:
            row = s.scalars(
                select(WakeUpRow).where(
                    WakeUpRow.room_number == check_room_number(room),
                    WakeUpRow.due_minute == minute_of(due),
                    WakeUpRow.status.in_(_OPEN),
                )
            ).first()
            if row is not None and row.source != "pms" and row.pms_due is None:
                row.pms_due = due

    def cancel(self, room: str, due_at: datetime | None, actor: Actor) -> int:
        """A WC is never answered, so it is never refused for a race: an operator cancelling or the
        dialler claiming the same call this very moment (the row's version moved) is read again."""
        for _ in range(2):
            try:
                return self._cancel(room, due_at, actor)
            except ConflictError:
                continue
        return self._cancel(room, due_at, actor)

    def _cancel(self, room: str, due_at: datetime | None, actor: Actor) -> int:
        require(actor, Permission.BOOK_WAKEUPS)
        now = self._clock.now()
        number = check_room_number(room)
        with self._store.unit() as s:
            q = select(WakeUpRow).where(WakeUpRow.room_number == number, WakeUpRow.status.in_(_CANCELLABLE))
            q = (
                q.where(WakeUpRow.due_minute == minute_of(self._aware(due_at)))
                if due_at is not None
                else q.where(WakeUpRow.due_at > now)
            )
            rows = list(s.scalars(q))
            for row in rows:
                row.status, row.outcome = WakeUpStatus.CANCELLED.value, "cancelled by the PMS"
                audit(s, actor, now, "wakeup.cancel", "wakeup", row.id, room=number)
                changed(s, actor, now, "wakeup", row.id)
            return len(rows)


@dataclass(frozen=True, slots=True)
class PmsAnswer:
    wakeup_id: int
    room: str
    due_at: datetime  # hotel time without a zone, as the PMS sent it
    status: str  # FIAS AS


class SqlPmsAnswers:
    """Wake-ups the PMS booked that reached their end and still owe the PMS their one WA."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def owed(self) -> list[PmsAnswer]:
        zone = self._clock.now().tzinfo
        final = [
            WakeUpStatus.CONFIRMED.value,
            WakeUpStatus.ESCALATED.value,
            WakeUpStatus.HANDLED.value,
            WakeUpStatus.CANCELLED.value,
        ]
        owed: list[PmsAnswer] = []
        with self._store.read() as s:
            rows = s.scalars(
                select(WakeUpRow).where(
                    or_(WakeUpRow.source == "pms", WakeUpRow.pms_due.is_not(None)),
                    WakeUpRow.pms_answer == "",
                    WakeUpRow.status.in_(final),
                )
            )
            for row in rows:
                last = s.scalar(
                    select(WakeUpAttemptRow.result)
                    .where(WakeUpAttemptRow.wakeup_id == row.id)
                    .order_by(WakeUpAttemptRow.attempt_no.desc())
                    .limit(1)
                )
                code = pms_answer(WakeUpStatus(row.status), last or "", row.outcome)
                local = (row.pms_due or row.due_at).astimezone(zone).replace(tzinfo=None)
                owed.append(PmsAnswer(row.id, row.room_number, local, code or "--"))
        return owed

    def answered(self, wakeup_id: int, status: str) -> None:
        """Recorded once the WA is handed to the link (``--`` marks a PMS cancel that needs none)."""
        with self._store.unit() as s:
            s.execute(update(WakeUpRow).where(WakeUpRow.id == wakeup_id).values(pms_answer=status[:2]))


def as_wake_up_desk(desk: SqlPmsWakeUps) -> WakeUpDesk:
    """The PMS link takes a ``WakeUpDesk``; mypy checks here that this is one."""
    return desk
