"""The calls the dialler's journal holds, and how they are written and read back (validated: the
journal file is hostile input like any other byte from outside)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from switchboard.wakeup_plan import CallResult
from switchboard.wakeup_status import WakeUpStatus


class BookAway(Exception):
    """The wake-up book (the database) cannot be reached now; the dialler goes on from its journal."""


class JournalDamaged(ValueError):
    """A journal snapshot or event that is not what this module writes."""


@dataclass(slots=True)
class JournalAttempt:
    attempt_no: int
    started_at: datetime
    line: str
    ended_at: datetime | None = None
    result: str = ""  # a CallResult value once ended
    detail: str = ""


@dataclass(slots=True)
class JournalCall:
    """One wake-up as the journal holds it. ``key`` is ``w<id>`` for a call of the book, ``s<n>``
    for a snooze the guest asked for while the book was away (``wakeup_id`` None until told)."""

    key: str
    wakeup_id: int | None
    room: str
    extension: str
    language: str
    due_at: datetime
    status: WakeUpStatus
    attempts: int
    next_attempt_at: datetime | None = None
    outcome: str = ""
    parent_id: int | None = None
    dirty: bool = False  # holds steps the book has not been told yet
    tried: list[JournalAttempt] = field(default_factory=list)
    # a personal (VIP) wake-up is the operator's until then: the dialler rings it only at its backup time
    dial_at: datetime | None = None

    @property
    def in_flight(self) -> bool:
        """Ringing now on this dialler's lines: claimed here and not ended (a copy of the book may also
        hold calls another dialler is ringing; they are not this journal's to end)."""
        return self.status is WakeUpStatus.DIALLING and bool(self.tried) and self.tried[-1].ended_at is None


def key_of(wakeup_id: int) -> str:
    return f"w{wakeup_id}"


# --- snapshots ---------------------------------------------------------------------------------
def call_to_dict(call: JournalCall) -> dict[str, object]:
    return {
        "key": call.key,
        "id": call.wakeup_id,
        "room": call.room,
        "ext": call.extension,
        "lang": call.language,
        "due": iso(call.due_at),
        "status": call.status.value,
        "attempts": call.attempts,
        "next": iso(call.next_attempt_at),
        "outcome": call.outcome,
        "parent": call.parent_id,
        "dirty": call.dirty,
        "dial": iso(call.dial_at),
        "tried": [
            {
                "n": a.attempt_no,
                "at": iso(a.started_at),
                "line": a.line,
                "end": iso(a.ended_at),
                "r": a.result,
                "d": a.detail,
            }
            for a in call.tried
        ],
    }


def call_from_dict(raw: Mapping[str, object]) -> JournalCall:
    wakeup_id = raw.get("id")
    parent = raw.get("parent")
    if wakeup_id is not None and (not isinstance(wakeup_id, int) or wakeup_id < 1):
        raise JournalDamaged("call: bad id")
    if parent is not None and not isinstance(parent, int):
        raise JournalDamaged("call: bad parent")
    tried_raw = raw.get("tried", [])
    if not isinstance(tried_raw, list) or len(tried_raw) > 50:
        raise JournalDamaged("call: bad attempts")
    tried = []
    for item in tried_raw:
        if not isinstance(item, Mapping):
            raise JournalDamaged("call: bad attempt")
        result = text_of(item, "r", 20)
        if result:
            result_of({"r": result})
        tried.append(
            JournalAttempt(
                count_of(item, "n"),
                time_of(item, "at"),
                text_of(item, "line", 40),
                maybe_time_of(item, "end"),
                result,
                text_of(item, "d", 400),
            )
        )
    return JournalCall(
        key=text_of(raw, "key", 80),
        wakeup_id=wakeup_id,
        room=text_of(raw, "room", 8),
        extension=text_of(raw, "ext", 40),
        language=text_of(raw, "lang", 10),
        due_at=time_of(raw, "due"),
        status=status_of(raw, "status"),
        attempts=count_of(raw, "attempts"),
        next_attempt_at=maybe_time_of(raw, "next"),
        outcome=text_of(raw, "outcome", 40) if "outcome" in raw else "",
        parent_id=parent,
        dirty=bool(raw.get("dirty", False)),
        tried=tried,
        dial_at=maybe_time_of(raw, "dial"),  # absent in a journal written before personal wake-ups
    )


# --- validation ----------------------------------------------------------------------------------
def when_due(call: JournalCall) -> datetime:
    """When the dialler may ring ``call``: its retry time, or its due time, or for a personal wake-up
    not yet rung its backup time (as the book's claim has it: ``db.wakeup_dialling``)."""
    if call.status is WakeUpStatus.RETRY_WAIT and call.next_attempt_at:
        return call.next_attempt_at
    if call.dial_at is not None and call.status is WakeUpStatus.BOOKED:
        return max(call.due_at, call.dial_at)
    return call.due_at


def local_id(key: str) -> int:
    return int(key[1:]) if key.startswith("s") and key[1:].isdigit() else 0


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def text_of(raw: Mapping[str, object], name: str, limit: int) -> str:
    value = raw.get(name)
    if not isinstance(value, str) or len(value) > limit:
        raise JournalDamaged(f"{name}: not a text of at most {limit} characters")
    return value


def count_of(raw: Mapping[str, object], name: str) -> int:
    value = raw.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 1000:
        raise JournalDamaged(f"{name}: not a count")
    return value


def maybe_time_of(raw: Mapping[str, object], name: str) -> datetime | None:
    return None if raw.get(name) is None else time_of(raw, name)


def time_of(raw: Mapping[str, object], name: str) -> datetime:
    value = text_of(raw, name, 40)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise JournalDamaged(f"{name}: not a time") from exc
    if moment.tzinfo is None:
        raise JournalDamaged(f"{name}: a time without its zone")
    return moment


def status_of(raw: Mapping[str, object], name: str) -> WakeUpStatus:
    try:
        return WakeUpStatus(text_of(raw, name, 20))
    except ValueError as exc:
        raise JournalDamaged(f"{name}: not a wake-up status") from exc


def result_of(raw: Mapping[str, object]) -> str:
    try:
        return CallResult(text_of(raw, "r", 20)).value
    except ValueError as exc:
        raise JournalDamaged("r: not a call result") from exc


@dataclass(frozen=True, slots=True)
class PersonCall:
    """A wake-up a person must make while the database is away: escalated after its last attempt, or on
    the manual list because the PBX is away too (the dialler's list for the consoles and the printer)."""

    room: str
    due_at: datetime
    attempts: int
    last_result: str  # a CallResult value, or why the call went to the manual list
    status: WakeUpStatus


def person_call_to_dict(call: PersonCall) -> dict[str, object]:
    return {
        "room": call.room,
        "due": call.due_at.isoformat(),
        "attempts": call.attempts,
        "last": call.last_result,
        "status": call.status.value,
    }


def person_call_from_dict(raw: Mapping[str, object]) -> PersonCall:
    return PersonCall(
        text_of(raw, "room", 8),
        time_of(raw, "due"),
        count_of(raw, "attempts"),
        text_of(raw, "last", 40),
        status_of(raw, "status"),
    )
