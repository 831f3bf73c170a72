"""What the console's pages show and change: rooms, wake-ups, messages, logbook.

Frozen views handed to the UI, and the Protocols the pages call; ``db/``
implements them, one transaction and one audit row per action.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from enum import Enum
from typing import Protocol

from switchboard.frontoffice import CheckIn, CheckOutResult
from switchboard.hotel import Actor, Housekeeping, Stay
from switchboard.wakeup_status import WakeUpStatus


@dataclass(frozen=True, slots=True)
class RoomView:
    number: str
    floor: int
    room_type: str
    extension: str
    occupancy: str
    housekeeping: str
    dnd: bool
    message_lamp: bool
    guest: str = ""
    title: str = ""
    vip_level: int = 0
    privacy: bool = False
    version: int = 0  # of the room row: an edit made from this view is refused if the room changed since


@dataclass(frozen=True, slots=True)
class WakeUpView:
    id: int
    room: str
    due_at: datetime
    status: WakeUpStatus
    guest: str
    note: str
    booked_by: str
    attempts: int
    version: int
    language: str = ""
    repeat: str = "once"
    outcome: str = ""
    handled_by: str = ""
    extension: str = ""  # the room's telephone, for calling by hand
    personal: bool = False  # a VIP's: the operator calls in person at the time, the dialler only as backup
    group_id: int | None = None  # one of a group wake-up's members


@dataclass(frozen=True, slots=True)
class MessageView:
    id: int
    room: str
    guest: str
    sender: str
    callback: str
    text: str
    taken_at: datetime
    taken_by: str
    delivered_at: datetime | None
    version: int


class LogCategory(Enum):
    GUEST_REQUEST = "guest_request"
    COMPLAINT = "complaint"
    MAINTENANCE = "maintenance"
    SECURITY = "security"
    VIP = "vip"
    WAKEUP = "wakeup"
    OTHER = "other"


class EntryKind(Enum):
    ENTRY = "entry"
    CORRECTION = "correction"  # replaces the text of the entry it points to; the old one is kept
    RESOLUTION = "resolution"  # closes the follow-up it points to
    ANNOTATION = "annotation"  # a duty manager's remark on the entry it points to


@dataclass(frozen=True, slots=True)
class LogEntry:
    id: int
    created_at: datetime
    author: str
    category: LogCategory
    room: str
    text: str
    follow_up: bool
    corrects_id: int | None
    kind: EntryKind = EntryKind.ENTRY
    shift_closed: bool = False
    due_at: datetime | None = None
    assignee: str = ""
    resolved: bool = False


@dataclass(frozen=True, slots=True)
class LogQuery:
    """A duty manager's search of the logbook; empty fields do not filter."""

    text: str = ""
    since: datetime | None = None
    until: datetime | None = None
    category: LogCategory | None = None
    room: str = ""
    author: str = ""
    open_only: bool = False


class RoomBoard(Protocol):
    def rooms(self, actor: Actor) -> Sequence[RoomView]: ...

    def set_dnd(self, room: str, on: bool, actor: Actor) -> RoomView: ...


@dataclass(frozen=True, slots=True)
class AttemptView:
    attempt_no: int
    started_at: datetime
    result: str  # switchboard.wakeup_plan.CallResult value; "" while the call is under way
    detail: str


@dataclass(frozen=True, slots=True)
class DiallerState:
    name: str
    beat_at: datetime
    pbx_up: bool
    lines: int
    busy: int
    detail: str


class WakeUpBook(Protocol):
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
        """Book for the next ``at``; ``InputError('wakeup.past_today')`` when it passed a moment ago."""
        ...

    def booked_in_minute(self, due: datetime) -> int: ...

    def dialler(self) -> DiallerState | None: ...

    def attempts(self, wakeup_id: int) -> list[AttemptView]: ...

    def cancel(self, wakeup_id: int, version: int, actor: Actor) -> WakeUpView: ...

    def upcoming(self, actor: Actor) -> Sequence[WakeUpView]: ...

    def needing_a_person(self) -> Sequence[WakeUpView]:
        """Escalated and manual calls without guest or note, for any role or nobody (the alarm)."""
        ...

    def escalate_due(self) -> Sequence[WakeUpView]: ...

    def mark_done(
        self, wakeup_id: int, version: int, actor: Actor, outcome: str = "called by the operator"
    ) -> WakeUpView: ...


class MessageBook(Protocol):
    def take(self, room: str, sender: str, callback: str, text: str, actor: Actor) -> MessageView: ...

    def deliver(self, message_id: int, version: int, actor: Actor, how: str = "phone") -> MessageView: ...

    def waiting(self, actor: Actor) -> Sequence[MessageView]: ...


class Logbook(Protocol):
    def write(
        self,
        category: LogCategory,
        text: str,
        actor: Actor,
        room: str = "",
        follow_up: bool = False,
        due_at: datetime | None = None,
        assignee: str = "",
    ) -> LogEntry: ...

    def recent(self, actor: Actor, limit: int = 200) -> Sequence[LogEntry]: ...

    def search(self, query: LogQuery, actor: Actor, limit: int = 2000) -> Sequence[LogEntry]: ...

    def correct(self, entry_id: int, text: str, actor: Actor) -> LogEntry: ...

    def resolve(self, entry_id: int, note: str, actor: Actor) -> LogEntry: ...

    def annotate(self, entry_id: int, note: str, actor: Actor) -> LogEntry: ...

    def export_csv(self, query: LogQuery, actor: Actor) -> str: ...


@dataclass(frozen=True, slots=True)
class InfoPage:
    """A page of the operators' knowledge base (restaurant hours, shuttle, procedures)."""

    id: int
    topic: str
    topic_zh: str
    body: str
    body_zh: str
    keywords: str
    updated_by: str
    version: int


class HotelInfoBook(Protocol):
    def pages(self) -> Sequence[InfoPage]: ...

    def save(
        self,
        page_id: int | None,
        version: int,
        topic: str,
        topic_zh: str,
        body: str,
        body_zh: str,
        keywords: str,
        actor: Actor,
    ) -> InfoPage: ...


class RoomDesk(Protocol):
    """The front-office actions the rooms page offers (implemented by the one front office)."""

    def check_in(self, request: CheckIn, actor: Actor) -> Stay: ...

    def check_out(self, room: str, reservation: str, actor: Actor) -> CheckOutResult: ...

    def move_room(self, from_room: str, to_room: str, reservation: str, actor: Actor) -> Stay: ...

    def set_dnd(self, room: str, on: bool, actor: Actor, until: datetime | None = None) -> None: ...

    def set_whereabouts(self, room: str, text: str, until: datetime, actor: Actor) -> None: ...

    def set_housekeeping(
        self, room: str, status: Housekeeping, actor: Actor, *, version: int | None = None
    ) -> None: ...
