"""The shift LOG BOOK. Entries are added, never deleted; an entry can be edited
only by its author while its shift is open, and its earlier text is kept as a
version a duty manager can read. After that it is answered: a correction, a
resolution of its follow-up, or a duty manager's annotation, each a new entry
pointing to it. Entries and versions are hash-chained (``db/chain.py``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from db.audit import audit, changed
from db.chain import reseal, seal
from db.privacy import mask_text, private_guests
from db.rooms import find_room
from db.rows import LogbookEntryRow, LogbookVersionRow, ShiftRow
from db.shifts import shift_row
from db.store import Store
from switchboard.audit_trail import EntryVersion
from switchboard.auth import Permission, require
from switchboard.clock import Clock
from switchboard.desk import EntryKind, LogCategory, LogEntry, LogQuery
from switchboard.errors import InputError, NotFound, PermissionDenied
from switchboard.hotel import Actor, clean_text
from switchboard.input_checks import FOLLOW_UP_AHEAD, search_text, time_in_range
from switchboard.shifts import shift_at

MAX_ENTRY = 4000


class SqlLogbook:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    # ------------------------------------------------------------ reading

    def _entries(self, s: Session, query: Select[LogbookEntryRow]) -> list[LogEntry]:
        rows = list(s.scalars(query))
        closed = {
            shift_id for (shift_id,) in s.execute(select(ShiftRow.id).where(ShiftRow.closed_at.is_not(None)))
        }
        ids = [r.id for r in rows]
        resolved = (
            set(
                s.scalars(
                    select(LogbookEntryRow.corrects_id).where(
                        LogbookEntryRow.kind == EntryKind.RESOLUTION.value,
                        LogbookEntryRow.corrects_id.in_(ids),
                    )
                )
            )
            if ids
            else set()
        )
        zone = self._clock.now().tzinfo
        private = private_guests(s) if rows else {}
        return [
            LogEntry(
                r.id,
                r.created_at.astimezone(zone),
                r.author,
                LogCategory(r.category),
                r.room_number,
                mask_text(r.text, r.room_number, private),
                r.follow_up,
                r.corrects_id,
                EntryKind(r.kind),
                r.shift_id in closed,
                r.due_at.astimezone(zone) if r.due_at else None,
                r.assignee,
                r.id in resolved,
            )
            for r in rows
        ]

    def recent(self, actor: Actor, limit: int = 200) -> Sequence[LogEntry]:
        require(actor, Permission.READ_LOGBOOK)
        with self._store.read() as s:
            return self._entries(
                s,
                select(LogbookEntryRow)
                .order_by(LogbookEntryRow.created_at.desc(), LogbookEntryRow.id.desc())
                .limit(limit),
            )

    def search(self, query: LogQuery, actor: Actor, limit: int = 2000) -> Sequence[LogEntry]:
        require(actor, Permission.READ_LOGBOOK)
        return self._search(query, limit)

    def _search(self, query: LogQuery, limit: int) -> Sequence[LogEntry]:
        q = select(LogbookEntryRow)
        words, room, author = (search_text(v) for v in (query.text, query.room, query.author))
        if words:
            q = q.where(LogbookEntryRow.text.icontains(words, autoescape=True))
        if query.since is not None:
            q = q.where(LogbookEntryRow.created_at >= query.since)
        if query.until is not None:
            q = q.where(LogbookEntryRow.created_at < query.until)
        if query.category is not None:
            q = q.where(LogbookEntryRow.category == query.category.value)
        if room:
            q = q.where(LogbookEntryRow.room_number == room)
        if author:
            q = q.where(LogbookEntryRow.author == author.lower())
        if query.open_only:
            answer = aliased(LogbookEntryRow)
            q = q.where(
                LogbookEntryRow.follow_up.is_(True),
                ~select(answer.id)
                .where(answer.corrects_id == LogbookEntryRow.id, answer.kind == EntryKind.RESOLUTION.value)
                .exists(),
            )
        with self._store.read() as s:
            found = self._entries(s, q.order_by(LogbookEntryRow.created_at.desc()).limit(limit))
        # words found only in a masked name find nothing: a search by a privacy guest's name must not
        # list the entries that name them, each beside its room
        return [e for e in found if words.casefold() in e.text.casefold()] if words else found

    def open_follow_ups(self, actor: Actor) -> Sequence[LogEntry]:
        return self.search(LogQuery(open_only=True), actor)

    def export_csv(self, query: LogQuery, actor: Actor) -> str:
        """The entries as CSV, for duty managers and administrators (``review_logbook``)."""
        require(actor, Permission.REVIEW_LOGBOOK)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            ["id", "time", "author", "kind", "category", "room", "text", "follow_up", "refers_to"]
        )
        for e in self._search(query, limit=1_000_000):
            writer.writerow(
                [
                    e.id,
                    e.created_at.isoformat(timespec="minutes"),
                    e.author,
                    e.kind.value,
                    e.category.value,
                    e.room,
                    e.text,
                    "yes" if e.follow_up else "",
                    e.corrects_id or "",
                ]
            )
        return out.getvalue()

    # ------------------------------------------------------------ writing

    def write(
        self,
        category: LogCategory,
        text: str,
        actor: Actor,
        room: str = "",
        follow_up: bool = False,
        due_at: datetime | None = None,
        assignee: str = "",
    ) -> LogEntry:
        require(actor, Permission.WRITE_LOGBOOK)
        return self._add(EntryKind.ENTRY, category, text, actor, room, follow_up, None, due_at, assignee)

    def correct(self, entry_id: int, text: str, actor: Actor) -> LogEntry:
        require(actor, Permission.WRITE_LOGBOOK)
        original = self._get(entry_id)
        return self._add(EntryKind.CORRECTION, original.category, text, actor, original.room, False, entry_id)

    def resolve(self, entry_id: int, note: str, actor: Actor) -> LogEntry:
        require(actor, Permission.WRITE_LOGBOOK)
        original = self._get(entry_id)
        if not original.follow_up:
            raise InputError("logbook.no_follow_up", "This entry has no follow-up to resolve")
        if original.resolved:
            raise InputError("logbook.resolved", "This follow-up is already resolved")
        return self._add(EntryKind.RESOLUTION, original.category, note, actor, original.room, False, entry_id)

    def annotate(self, entry_id: int, note: str, actor: Actor) -> LogEntry:
        require(actor, Permission.ANNOTATE_LOGBOOK)
        original = self._get(entry_id)
        return self._add(EntryKind.ANNOTATION, original.category, note, actor, original.room, False, entry_id)

    def edit(self, entry_id: int, text: str, actor: Actor) -> LogEntry:
        """Fix a typo in one's own entry while the shift is still open."""
        require(actor, Permission.WRITE_LOGBOOK)
        body = clean_text(text, limit=MAX_ENTRY, what="entry", required=True)
        now = self._clock.now()
        with self._store.unit() as s:
            row = s.get(LogbookEntryRow, entry_id)
            if row is None:
                raise NotFound("logbook.missing", "That logbook entry does not exist")
            shift = s.get(ShiftRow, row.shift_id) if row.shift_id is not None else None
            # a shift past its end is closed even before the shift clock has marked it
            if shift is None or shift.closed_at is not None or shift.ends_at <= now:
                raise InputError(
                    "logbook.closed", "The shift of this entry is closed: write a correction instead"
                )
            if row.author != actor.user:
                raise PermissionDenied(
                    "logbook.not_author", "Only the author may change an entry; write a correction"
                )
            if row.text == body:
                return self._get(entry_id)
            older = LogbookVersionRow
            latest = select(func.max(older.version_no)).where(older.entry_id == row.id)
            number = 1 + (s.scalar(latest) or 0)
            kept = LogbookVersionRow(
                entry_id=row.id, version_no=number, text=row.text, replaced_at=now, replaced_by=actor.user
            )
            s.add(kept)
            seal(s, kept)
            row.text = body
            reseal(s, row)
            audit(s, actor, now, "logbook.edit", "logbook", row.id, version=number)
            changed(s, actor, now, "logbook", row.id)
        return self._get(entry_id)

    def versions(self, entry_id: int, actor: Actor) -> list[EntryVersion]:
        """The texts an entry had before its author's edits, oldest first (duty managers)."""
        require(actor, Permission.REVIEW_LOGBOOK)
        zone = self._clock.now().tzinfo
        with self._store.read() as s:
            room = s.scalar(select(LogbookEntryRow.room_number).where(LogbookEntryRow.id == entry_id))
            rows = list(
                s.scalars(
                    select(LogbookVersionRow)
                    .where(LogbookVersionRow.entry_id == entry_id)
                    .order_by(LogbookVersionRow.version_no)
                )
            )
            private = private_guests(s) if rows else {}  # an earlier text is masked as the entry is
            return [
                EntryVersion(
                    r.entry_id,
                    r.version_no,
                    mask_text(r.text, room or "", private),
                    r.replaced_at.astimezone(zone),
                    r.replaced_by,
                )
                for r in rows
            ]

    def _get(self, entry_id: int) -> LogEntry:
        with self._store.read() as s:
            found = self._entries(s, select(LogbookEntryRow).where(LogbookEntryRow.id == entry_id))
        if not found:
            raise NotFound("logbook.missing", "That logbook entry does not exist")
        return found[0]

    def _add(
        self,
        kind: EntryKind,
        category: LogCategory,
        text: str,
        actor: Actor,
        room: str,
        follow_up: bool,
        refers_to: int | None,
        due_at: datetime | None = None,
        assignee: str = "",
    ) -> LogEntry:
        now = self._clock.now()
        body = clean_text(text, limit=MAX_ENTRY, what="entry", required=True)
        who = clean_text(assignee, limit=80, what="assignee")
        if due_at is not None:
            time_in_range(due_at, now, "follow-up time", FOLLOW_UP_AHEAD)
        with self._store.unit() as s:
            number = find_room(s, room).number if room.strip() else ""
            shift = shift_row(s, shift_at(now))
            row = LogbookEntryRow(
                shift_id=shift.id,
                kind=kind.value,
                created_at=now,
                author=actor.user,
                category=category.value,
                room_number=number,
                text=body,
                follow_up=follow_up,
                due_at=due_at,
                assignee=who,
                corrects_id=refers_to,
            )
            s.add(row)
            s.flush()
            seal(s, row)
            audit(s, actor, now, f"logbook.{kind.value}", "logbook", row.id, category=category.value)
            changed(s, actor, now, "logbook", row.id)
            entry_id = row.id
        return self._get(entry_id)
