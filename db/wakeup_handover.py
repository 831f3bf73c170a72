"""The wake-up book when the PBX runs the calls itself: what to hand over, what to clear, its answers.

A handed-over call carries ``claimed_by = "pbx:<room>"`` (the room the PBX knows it by), so a
cancel or a room move can be cleared at the PBX under the right room even after the fact.

A personal (VIP) wake-up is the operator's to make in person until its ``dial_at`` (its time plus
``[wakeup] personal_backup_minutes``): if nobody marked it done, it is handed to the PBX
``HANDOVER_LEAD`` (a minute) before that backup time (never before its own time), for that backup time, so the
time in the WR is always still to come (a PBX may take a time already past as tomorrow's); marked done
after that, it is cleared at the PBX with WC. One the link could not hand over in time (the PBX was
away) goes for the next whole minute, which becomes its backup time."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select

from db.audit import audit, changed
from db.rows import WakeUpAttemptRow, WakeUpRow, minute_of
from db.store import Store
from db.wakeup_dialling import DIALLER, SqlWakeUpDialling
from switchboard.clock import Clock
from switchboard.errors import ConflictError
from switchboard.fias.pbx_wakeups import Handover, PbxAnswer, PbxHandoverBook
from switchboard.wakeup_plan import DiallingRules
from switchboard.wakeup_status import WakeUpStatus

PBX = "pbx:"
CLEARED = "pbx-cleared"
NO_ANSWER_AFTER = timedelta(minutes=15)  # a PBX that has not answered by then is not going to
HANDOVER_LEAD = timedelta(minutes=1)  # a personal wake-up reaches the PBX this long before its backup time
RESULTS = {
    "OK": "confirmed",
    "BY": "busy",
    "NR": "no_answer",
    "UR": "failed",
    "RY": "no_answer",
    "DE": "failed",
}


class SqlPbxHandover:
    def __init__(self, store: Store, clock: Clock, lead: timedelta = HANDOVER_LEAD) -> None:
        self._store = store
        self._clock = clock
        self._lead = lead
        self._beats = SqlWakeUpDialling(store, clock, DiallingRules())

    def _local(self, due: datetime) -> datetime:
        return due.astimezone(self._clock.now().tzinfo).replace(tzinfo=None)

    @staticmethod
    def _rings_at(row: WakeUpRow) -> datetime:
        """The time the PBX is given: a personal wake-up's backup time, else its own."""
        return row.dial_at if row.personal and row.dial_at is not None else row.due_at

    def to_hand_over(self) -> list[Handover]:
        now = self._clock.now()
        try:
            with self._store.unit() as s:
                rows = list(
                    s.scalars(
                        select(WakeUpRow)
                        .where(
                            WakeUpRow.status == WakeUpStatus.BOOKED.value,
                            or_(
                                and_(WakeUpRow.dial_at.is_(None), WakeUpRow.due_at > now),
                                # personal: shortly before its backup time, and not once a person has it
                                and_(
                                    WakeUpRow.dial_at.is_not(None),
                                    WakeUpRow.due_at <= now,
                                    WakeUpRow.dial_at <= now + self._lead,
                                    WakeUpRow.dial_at > now - NO_ANSWER_AFTER,
                                ),
                            ),
                        )
                        .order_by(WakeUpRow.due_at)
                    )
                )
                for row in rows:
                    late = row.personal and row.dial_at is not None and row.dial_at <= now
                    if late:  # the PBX was away at its time: the next whole minute, still to come
                        row.dial_at = (now + timedelta(minutes=1)).replace(second=0, microsecond=0)
                    row.status, row.claimed_by, row.claimed_at = (
                        WakeUpStatus.HANDED_TO_PBX.value,
                        PBX + row.room_number,
                        now,
                    )
                    audit(s, DIALLER, now, "wakeup.to_pbx", "wakeup", row.id, room=row.room_number)
                    changed(s, DIALLER, now, "wakeup", row.id)
                return [Handover(r.id, r.room_number, self._local(self._rings_at(r))) for r in rows]
        except ConflictError:
            return []  # a console changed one of them this moment; the next turn takes them

    def to_clear(self) -> list[Handover]:
        now = self._clock.now()
        out: list[Handover] = []
        try:
            with self._store.unit() as s:
                for row in s.scalars(select(WakeUpRow).where(WakeUpRow.claimed_by.startswith(PBX))):
                    held_as = row.claimed_by[len(PBX) :]
                    if row.status in (WakeUpStatus.CANCELLED.value, WakeUpStatus.HANDLED.value):
                        row.claimed_by = CLEARED  # cancelled, or a personal one a person has made
                    elif row.status == WakeUpStatus.HANDED_TO_PBX.value and held_as != row.room_number:
                        row.status, row.claimed_by = WakeUpStatus.BOOKED.value, ""  # moved: hand over again
                    else:
                        continue
                    out.append(Handover(row.id, held_as, self._local(self._rings_at(row))))
                    audit(s, DIALLER, now, "wakeup.pbx_clear", "wakeup", row.id, room=held_as)
                    changed(s, DIALLER, now, "wakeup", row.id)
            return out
        except ConflictError:
            return []

    def answer(self, answer: PbxAnswer) -> bool:
        now = self._clock.now()
        due = answer.due_at.replace(tzinfo=now.tzinfo)
        with self._store.unit() as s:
            row = next(
                (
                    r
                    for r in s.scalars(
                        select(WakeUpRow).where(
                            WakeUpRow.claimed_by == PBX + answer.room,
                            WakeUpRow.status == WakeUpStatus.HANDED_TO_PBX.value,
                        )
                    )
                    if minute_of(self._rings_at(r)) == minute_of(due)
                ),
                None,
            )
            if row is None:
                return False
            row.attempts += 1
            result = RESULTS.get(answer.status, "failed")
            s.add(
                WakeUpAttemptRow(
                    wakeup_id=row.id,
                    attempt_no=row.attempts,
                    started_at=self._rings_at(row),
                    ended_at=now,
                    result=result,
                    line="PBX",
                    detail=f"WA AS{answer.status}",
                )
            )
            if answer.status == "OK":
                row.status = WakeUpStatus.CONFIRMED.value
            elif answer.status == "DE":
                row.status = WakeUpStatus.CANCELLED.value
            else:
                row.status = WakeUpStatus.ESCALATED.value  # the PBX gave up: a person takes over
            row.outcome, row.claimed_by = f"PBX {answer.status}"[:40], CLEARED
            audit(
                s,
                DIALLER,
                now,
                "wakeup.pbx_answer",
                "wakeup",
                row.id,
                room=row.room_number,
                answer=answer.status,
            )
            changed(s, DIALLER, now, "wakeup", row.id)
            return True

    def overdue(self) -> list[str]:
        now = self._clock.now()
        with self._store.unit() as s:
            rows = list(
                s.scalars(
                    select(WakeUpRow).where(
                        WakeUpRow.status == WakeUpStatus.HANDED_TO_PBX.value,
                        or_(
                            and_(WakeUpRow.dial_at.is_(None), WakeUpRow.due_at < now - NO_ANSWER_AFTER),
                            WakeUpRow.dial_at < now - NO_ANSWER_AFTER,
                        ),
                    )
                )
            )
            for row in rows:
                row.status, row.outcome = WakeUpStatus.ESCALATED.value, "no answer from the PBX"
                audit(s, DIALLER, now, "wakeup.pbx_silent", "wakeup", row.id, room=row.room_number)
                changed(s, DIALLER, now, "wakeup", row.id)
            return [r.room_number for r in rows]

    def beat(self, dialler: str, pbx_up: bool, lines: int, busy: int, detail: str = "") -> None:
        self._beats.beat(dialler, pbx_up, lines, busy, detail)


def as_handover_book(book: SqlPbxHandover) -> PbxHandoverBook:
    """The PBX link takes a ``PbxHandoverBook``; mypy checks here that this is one."""
    return book
