"""The shift logbook: entries are only ever added (a correction is a new entry)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from db.audit import audit, changed
from db.room_board import find_room
from db.rows import LogbookEntryRow
from db.store import Store
from switchboard.clock import Clock
from switchboard.desk import LogCategory, LogEntry
from switchboard.hotel import Actor, clean_text

MAX_ENTRY = 4000


class SqlLogbook:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def _entry(self, row: LogbookEntryRow) -> LogEntry:
        return LogEntry(
            row.id,
            row.created_at.astimezone(self._clock.now().tzinfo),
            row.author,
            LogCategory(row.category),
            row.room_number,
            row.text,
            row.follow_up,
            row.corrects_id,
        )

    def write(
        self, category: LogCategory, text: str, actor: Actor, room: str = "", follow_up: bool = False
    ) -> LogEntry:
        now = self._clock.now()
        body = clean_text(text, limit=MAX_ENTRY, what="entry", required=True)
        with self._store.unit() as s:
            number = find_room(s, room).number if room.strip() else ""
            row = LogbookEntryRow(
                created_at=now,
                author=actor.user,
                category=category.value,
                room_number=number,
                text=body,
                follow_up=follow_up,
            )
            s.add(row)
            s.flush()
            audit(s, actor, now, "logbook.write", "logbook", row.id, category=category.value)
            changed(s, actor, now, "logbook", row.id)
            return self._entry(row)

    def recent(self, limit: int = 200) -> Sequence[LogEntry]:
        with self._store.read() as s:
            rows = s.scalars(
                select(LogbookEntryRow)
                .order_by(LogbookEntryRow.created_at.desc(), LogbookEntryRow.id.desc())
                .limit(limit)
            )
            return [self._entry(r) for r in rows]
