"""A call for a privacy guest: the operator's confirmation recorded in the call's note, and the guest's
extension looked up only then, by the stay (``switchboard.privacy_call.PrivacyCalls``).

The extension is never in the directory's entries; this is the one way a call reaches a privacy guest
from the directory, and it returns the extension only when the caller gave the agreed word.
"""

from __future__ import annotations

from sqlalchemy import select

from db.audit import audit
from db.rows import CallRecordRow, RoomRow, StayRow
from db.store import Store
from switchboard.auth import Permission, require
from switchboard.call_log import CallCategory
from switchboard.clock import Clock
from switchboard.desk import MessageBook
from switchboard.errors import NotFound
from switchboard.hotel import Actor, StayStatus
from switchboard.privacy_call import PrivacyAnswer

NOTE_LIMIT = 400


class SqlPrivacyCalls:
    def __init__(self, store: Store, clock: Clock, messages: MessageBook) -> None:
        self._store = store
        self._clock = clock
        self._messages = messages

    def confirm(self, call_id: str, stay_id: int, answer: PrivacyAnswer, actor: Actor) -> str:
        require(actor, Permission.HANDLE_CALLS)
        now = self._clock.now()
        line = f"{answer.value} ({actor.user})"
        with self._store.unit() as s:
            row = s.scalars(select(CallRecordRow).where(CallRecordRow.call_id == call_id[:80])).first()
            if row is None:
                row = CallRecordRow(source="console", call_id=call_id[:80], started_at=now)
                s.add(row)
            row.note = "\n".join(part for part in (row.note or "", line) if part)[-NOTE_LIMIT:]
            row.category = (
                CallCategory.TRANSFER if answer is PrivacyAnswer.GAVE_WORD else CallCategory.MESSAGE
            ).value
            audit(s, actor, now, "call.privacy", "call", call_id[:80], answer=answer.name)
            if answer is not PrivacyAnswer.GAVE_WORD:
                return ""
            found = s.execute(
                select(RoomRow.extension)
                .join(StayRow, StayRow.room_id == RoomRow.id)
                .where(
                    StayRow.id == stay_id,
                    StayRow.privacy.is_(True),
                    StayRow.status == StayStatus.IN_HOUSE.value,
                )
            ).first()
            return (found[0] or "") if found is not None else ""

    def take_message(self, stay_id: int, sender: str, callback: str, text: str, actor: Actor) -> None:
        """A message for the privacy guest, taken without the operator ever typing or seeing the room."""
        require(actor, Permission.TAKE_MESSAGES)
        with self._store.read() as s:
            room = s.scalar(
                select(RoomRow.number)
                .join(StayRow, StayRow.room_id == RoomRow.id)
                .where(
                    StayRow.id == stay_id,
                    StayRow.status.in_((StayStatus.IN_HOUSE.value, StayStatus.EXPECTED.value)),
                )
            )
        if not room:
            raise NotFound("stay.missing", "That guest is no longer in the hotel's list")
        self._messages.take(room, sender, callback, text, actor)
