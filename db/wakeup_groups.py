"""Group wake-ups in the book: one action books, moves or cancels every member in one unit of work.

A member is an ordinary ``WakeUpRow`` with the group's id, so the unique index on open wake-ups per
room and time still decides: a room that already has one at that time is left as it is (a savepoint
takes the refused insert back) and the group says so."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.audit import audit, changed
from db.rooms import find_room, guest_in
from db.rows import RoomRow, StayRow, WakeUpGroupRow, WakeUpRow
from db.storage_faults import breaks
from db.store import Store
from switchboard.auth import Permission, require
from switchboard.clock import Clock
from switchboard.errors import InputError, NotFound
from switchboard.hotel import Actor, StayStatus, clean_text
from switchboard.input_checks import time_in_range
from switchboard.wakeup_groups import (
    PERSONAL_BACKUP,
    GroupKind,
    GroupMember,
    GroupResult,
    GroupView,
    floor_number,
    room_list,
)
from switchboard.wakeup_status import CANCELLABLE, OPEN, WakeUpStatus

SHOWN_AFTER = timedelta(hours=12)  # a group stays on the list this long after its time, with outcomes


class SqlWakeUpGroups:
    def __init__(self, store: Store, clock: Clock, personal_backup: timedelta = PERSONAL_BACKUP) -> None:
        self._store = store
        self._clock = clock
        self._personal_backup = personal_backup

    def _check_due(self, due: datetime) -> None:
        now = self._clock.now()
        time_in_range(due, now, "wake-up time")
        if due <= now:
            raise InputError("wakeup.past", f"{due:%m-%d %H:%M} has already passed", due=f"{due:%m-%d %H:%M}")

    def _rooms(self, s: Session, kind: GroupKind, key: str) -> tuple[str, list[str]]:
        """The group's label and its rooms, in room order (a PMS group: the rooms of its stays in house)."""
        if kind is GroupKind.GROUP:
            code = clean_text(key, limit=20, what="group code", required=True)
            in_group = s.scalars(
                select(RoomRow.number)
                .join(StayRow, StayRow.room_id == RoomRow.id)
                .where(StayRow.group_code == code, StayRow.status == StayStatus.IN_HOUSE.value)
                .distinct()
                .order_by(RoomRow.number)
            )
            found = list(in_group)
            if not found:
                raise InputError("wakeup.group_unknown", f"No guest in house in group {code}", group=code)
            return code, found
        if kind is GroupKind.FLOOR:
            floor = floor_number(key)
            found = list(
                s.scalars(select(RoomRow.number).where(RoomRow.floor == floor).order_by(RoomRow.number))
            )
            if not found:
                raise InputError("wakeup.floor", f"Not a floor: {floor}", floor=str(floor))
            return f"{floor}F", found
        rooms = room_list(key)
        label = " ".join(rooms)
        return (label if len(label) <= 80 else label[:77] + "..."), rooms

    def book(
        self,
        kind: GroupKind,
        key: str,
        due: datetime,
        actor: Actor,
        note: str = "",
        *,
        personal: bool = False,
    ) -> GroupResult:
        """Every room of the group with a guest in house gets a wake-up at ``due``; a floor's empty rooms
        are passed over, a room typed in a list without a guest is named."""
        require(actor, Permission.BOOK_WAKEUPS)
        self._check_due(due)
        now = self._clock.now()
        text = clean_text(note, limit=400, what="note")
        with self._store.unit() as s:
            label, rooms = self._rooms(s, kind, key)
            group = WakeUpGroupRow(kind=kind.value, label=label, booked_at=now, booked_by=actor.user)
            s.add(group)
            s.flush()
            booked: list[str] = []
            already: list[str] = []
            no_guest: list[str] = []
            for number in rooms:
                found = guest_in(s, find_room(s, number))
                if found is None:
                    no_guest.append(number)
                    continue
                stay, guest = found
                try:
                    with s.begin_nested():  # the unique index refuses a second open call: only it goes back
                        s.add(
                            WakeUpRow(
                                stay_id=stay.id,
                                room_number=number,
                                due_at=due,
                                status=WakeUpStatus.BOOKED.value,
                                language=guest.language or "en",
                                note=text,
                                booked_at=now,
                                booked_by=actor.user,
                                source="group",
                                group_id=group.id,
                                personal=personal,
                                dial_at=due + self._personal_backup if personal else None,
                            )
                        )
                except IntegrityError as exc:
                    if not breaks(exc, "uq_wakeups_open_room_due", "wakeups", "room_number", "due_minute"):
                        raise
                    already.append(number)
                    continue
                booked.append(number)
            if not booked:
                raise InputError("wakeup.group_none", "No room of the group could be booked", group=label)
            audit(s, actor, now, "wakeup.group_book", "wakeup_group", group.id, rooms=len(booked), due=due)
            changed(s, actor, now, "wakeup_group", group.id)
            shown_no_guest = tuple(no_guest) if kind is GroupKind.ROOMS else ()
            return GroupResult(group.id, tuple(booked), tuple(already), shown_no_guest)

    def move(self, group_id: int, due: datetime, actor: Actor) -> GroupResult:
        """Every member not yet under way moves to ``due``; a room that has another wake-up at that time
        keeps its old one and is named."""
        require(actor, Permission.BOOK_WAKEUPS)
        self._check_due(due)
        now = self._clock.now()
        with self._store.unit() as s:
            members = self._members(s, group_id)
            moved: list[str] = []
            already: list[str] = []
            under_way: list[str] = []
            for row in members:
                if row.status != WakeUpStatus.BOOKED.value:
                    if WakeUpStatus(row.status) in OPEN:
                        under_way.append(row.room_number)
                    continue
                try:
                    with s.begin_nested():
                        row.due_at = due
                        row.dial_at = due + self._personal_backup if row.personal else None
                        s.flush()
                except IntegrityError as exc:
                    if not breaks(exc, "uq_wakeups_open_room_due", "wakeups", "room_number", "due_minute"):
                        raise
                    s.refresh(row)
                    already.append(row.room_number)
                    continue
                changed(s, actor, now, "wakeup", row.id)
                moved.append(row.room_number)
            audit(s, actor, now, "wakeup.group_move", "wakeup_group", group_id, rooms=len(moved), due=due)
            changed(s, actor, now, "wakeup_group", group_id)
            return GroupResult(group_id, tuple(moved), tuple(already), (), tuple(under_way))

    def cancel(self, group_id: int, actor: Actor) -> GroupResult:
        require(actor, Permission.BOOK_WAKEUPS)
        now = self._clock.now()
        with self._store.unit() as s:
            cancelled: list[str] = []
            under_way: list[str] = []
            for row in self._members(s, group_id):
                status = WakeUpStatus(row.status)
                if status in CANCELLABLE:
                    row.status, row.outcome = WakeUpStatus.CANCELLED.value, "group cancelled"
                    changed(s, actor, now, "wakeup", row.id)
                    cancelled.append(row.room_number)
                elif status in OPEN:
                    under_way.append(row.room_number)
            audit(s, actor, now, "wakeup.group_cancel", "wakeup_group", group_id, rooms=len(cancelled))
            changed(s, actor, now, "wakeup_group", group_id)
            return GroupResult(group_id, tuple(cancelled), (), (), tuple(under_way))

    @staticmethod
    def _members(s: Session, group_id: int) -> list[WakeUpRow]:
        if s.get(WakeUpGroupRow, group_id) is None:
            raise NotFound("wakeup.group_missing", "That group wake-up no longer exists")
        q = select(WakeUpRow).where(WakeUpRow.group_id == group_id).order_by(WakeUpRow.room_number)
        if s.get_bind().dialect.name == "postgresql":
            q = q.with_for_update()  # a dialler claiming a member waits for the move, or the move sees it
        return list(s.scalars(q))

    def groups(self) -> list[GroupView]:
        """Groups with a member due from twelve hours ago on, each member with its status and outcome."""
        zone = self._clock.now().tzinfo
        since = self._clock.now() - SHOWN_AFTER
        with self._store.read() as s:
            recent = (
                select(WakeUpRow.group_id, func.max(WakeUpRow.due_at).label("due"))
                .where(WakeUpRow.group_id.is_not(None), WakeUpRow.due_at >= since)
                .group_by(WakeUpRow.group_id)
                .subquery()
            )
            groups = list(
                s.execute(
                    select(WakeUpGroupRow, recent.c.due)
                    .join(recent, recent.c.group_id == WakeUpGroupRow.id)
                    .order_by(recent.c.due, WakeUpGroupRow.id)
                )
            )
            ids = [g.id for g, _due in groups]
            members: dict[int, list[GroupMember]] = {i: [] for i in ids}
            due_of: dict[int, datetime] = {}
            if ids:
                for row in s.scalars(
                    select(WakeUpRow).where(WakeUpRow.group_id.in_(ids)).order_by(WakeUpRow.room_number)
                ):
                    assert row.group_id is not None
                    members[row.group_id].append(
                        GroupMember(
                            row.id, row.room_number, WakeUpStatus(row.status), row.outcome, row.version
                        )
                    )
                    if WakeUpStatus(row.status) is not WakeUpStatus.CANCELLED or row.group_id not in due_of:
                        due_of[row.group_id] = row.due_at
            return [
                GroupView(
                    g.id,
                    GroupKind(g.kind),
                    g.label,
                    due_of.get(g.id, due).astimezone(zone),
                    g.booked_by,
                    tuple(members[g.id]),
                )
                for g, due in groups
            ]
