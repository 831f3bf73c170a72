"""Console call records (``call_records`` with source "console"), the
operator's category and note on each, and call-back tasks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.audit import audit
from db.privacy import mask_text, private_guests
from db.rows import CallbackTaskRow, CallRecordRow, ExtensionRow, RoomRow
from db.store import Store
from switchboard.auth import Permission, require
from switchboard.call_log import CallbackTask, CallCategory, ConsoleCall
from switchboard.clock import Clock
from switchboard.errors import NotFound
from switchboard.hotel import Actor, clean_text
from switchboard.input_checks import FOLLOW_UP_AHEAD, time_in_range
from switchboard.privacy_call import PrivacyAnswer


class SqlConsoleCalls:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def record(self, call: ConsoleCall) -> None:
        with self._store.unit() as s:
            room = s.scalar(
                select(RoomRow.number)
                .join(ExtensionRow, ExtensionRow.room_id == RoomRow.id)
                .where(ExtensionRow.number == call.caller)
            )
            row = s.scalars(select(CallRecordRow).where(CallRecordRow.call_id == call.call_id)).first()
            if row is None:
                row = CallRecordRow(source="console", call_id=call.call_id, started_at=call.offered_at)
                s.add(row)
            row.kind, row.caller, row.room_number = call.kind.value, call.caller[:40], room or ""
            row.called = call.transferred_to[:40]
            row.answered_at, row.ended_at = call.answered_at, call.ended_at
            row.ring_seconds, row.talk_seconds = call.ring_seconds, call.talk_seconds
            row.abandoned, row.handled_by = call.abandoned, call.handled_by

    def categorise(self, call_id: str, category: CallCategory, note: str, actor: Actor) -> None:
        """The operator's category and note; kept even if the call record arrives later."""
        require(actor, Permission.HANDLE_CALLS)
        text = clean_text(note, limit=400, what="note")
        now = self._clock.now()
        with self._store.unit() as s:
            row = s.scalars(select(CallRecordRow).where(CallRecordRow.call_id == call_id)).first()
            if row is None:
                row = CallRecordRow(source="console", call_id=call_id, started_at=now)
                s.add(row)
            # the privacy confirmation (db/privacy_calls.py) stays in the note whatever the operator writes
            said = tuple(answer.value for answer in PrivacyAnswer)
            kept = [line for line in (row.note or "").splitlines() if line.startswith(said) and line != text]
            row.category, row.note = category.value, "\n".join([*kept, text] if text else kept)[:400]
            audit(s, actor, now, "call.note", "call", call_id, category=category.value)

    def categories(self, since: datetime, until: datetime) -> dict[str, int]:
        with self._store.read() as s:
            rows = s.execute(
                select(CallRecordRow.category, func.count())
                .where(
                    CallRecordRow.source == "console",
                    CallRecordRow.started_at >= since,
                    CallRecordRow.started_at < until,
                    CallRecordRow.category != "",
                )
                .group_by(CallRecordRow.category)
            )
            return {category: count for category, count in rows}

    def add_callback(
        self, caller: str, number: str, for_extension: str, note: str, due_at: datetime, actor: Actor
    ) -> CallbackTask:
        require(actor, Permission.HANDLE_CALLS)
        name = clean_text(caller, limit=200, what="caller's name", required=True)
        phone = clean_text(number, limit=40, what="call-back number", required=True)
        now = self._clock.now()
        time_in_range(due_at, now, "call-back time", FOLLOW_UP_AHEAD)
        with self._store.unit() as s:
            row = CallbackTaskRow(
                caller=name,
                number=phone,
                for_extension=for_extension[:20],
                note=clean_text(note, limit=400, what="note"),
                due_at=due_at,
                created_at=now,
                created_by=actor.user,
            )
            s.add(row)
            s.flush()
            audit(s, actor, now, "callback.add", "callback", row.id)
            return self._task(row)

    def _task(self, row: CallbackTaskRow) -> CallbackTask:
        zone = self._clock.now().tzinfo
        return CallbackTask(
            row.id, row.caller, row.number, row.for_extension, row.note, row.due_at.astimezone(zone)
        )

    def callbacks_due(self) -> Sequence[CallbackTask]:
        """Call-backs due, a privacy guest's name masked where it stands beside their room: the task's
        extension is the room's telephone, or the room is named in the caller's name or the note."""
        now = self._clock.now()
        with self._store.read() as s:
            rows = list(
                s.scalars(
                    select(CallbackTaskRow)
                    .where(CallbackTaskRow.done_at.is_(None), CallbackTaskRow.due_at <= now)
                    .order_by(CallbackTaskRow.due_at)
                )
            )
            private = private_guests(s) if rows else {}
            if not private:
                return [self._task(r) for r in rows]
            rooms = _rooms_of(s, {r.for_extension for r in rows})
            tasks = []
            for row in rows:
                room = rooms.get(row.for_extension, row.for_extension)
                task = self._task(row)
                tasks.append(
                    replace(
                        task,
                        caller=mask_text(task.caller, room, private),
                        note=mask_text(task.note, room, private),
                    )
                )
            return tasks

    def callback_done(self, task_id: int, actor: Actor) -> None:
        require(actor, Permission.HANDLE_CALLS)
        now = self._clock.now()
        with self._store.unit() as s:
            row = s.get(CallbackTaskRow, task_id)
            if row is None:
                raise NotFound("callback.missing", "That call-back no longer exists")
            row.done_at, row.done_by = now, actor.user
            audit(s, actor, now, "callback.done", "callback", row.id)


def _rooms_of(s: Session, extensions: set[str]) -> dict[str, str]:
    """Extension -> the number of the room it rings (a room's own line or another of its phones)."""
    found = dict(
        s.execute(select(RoomRow.extension, RoomRow.number).where(RoomRow.extension.in_(extensions))).all()
    )
    for number, room in s.execute(
        select(ExtensionRow.number, RoomRow.number)
        .join(RoomRow, RoomRow.id == ExtensionRow.room_id)
        .where(ExtensionRow.number.in_(extensions))
    ):
        found.setdefault(number, room)
    return found
