"""A small in-memory front office for the FIAS link tests (protocol logic, not storage).

Thread-safe because the link thread applies records while the test reads.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, fields
from datetime import date, datetime

from switchboard.errors import InputError, NotFound
from switchboard.frontoffice import CheckIn, CheckOutResult, GuestChange, WakeUpRepeat
from switchboard.hotel import Actor, Guest, Housekeeping, Stay, StayStatus


class MemoryHotel:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.guests: dict[str, tuple[str, str]] = {}
        self.dnd: dict[str, bool] = {}
        self.lamp: dict[str, bool] = {}
        self.cos: dict[str, int] = {}
        self.maid: dict[str, Housekeeping] = {}
        self.wakeups: set[tuple[str, datetime]] = set()
        self.messages: list[tuple[str, str]] = []
        self.stays: dict[str, dict[str, object]] = {}  # room -> every CheckIn field as last given
        self._resent: set[str] | None = None

    def _stay(self, room: str) -> Stay:
        reservation, name = self.guests[room]
        guest = Guest(name=name)
        return Stay(0, reservation, room, guest, date(2026, 11, 20), date(2026, 11, 22), StayStatus.IN_HOUSE)

    def check_in(self, request: CheckIn, actor: Actor) -> Stay:
        with self.lock:
            if not request.room or not request.name:
                raise InputError("checkin.incomplete", "room and name needed")
            self.guests[request.room] = (request.reservation, request.name)
            self.stays[request.room] = asdict(request)
            if self._resent is not None:
                self._resent.add(request.room)
            return self._stay(request.room)

    def check_out(self, room: str, reservation: str, actor: Actor) -> CheckOutResult:
        with self.lock:
            if room not in self.guests:
                raise NotFound("stay.not_found", f"nobody in {room}")
            stay = self._stay(room)
            del self.guests[room]
            self.stays.pop(room, None)
            self.dnd.pop(room, None)
            return CheckOutResult(stay, 0, 0)

    def change_guest(self, change: GuestChange, actor: Actor) -> Stay:
        with self.lock:
            if change.room not in self.guests:
                raise NotFound("stay.not_found", f"nobody in {change.room}")
            reservation, name = self.guests[change.room]
            self.guests[change.room] = (change.reservation or reservation, change.name or name)
            stay = self.stays.setdefault(change.room, {})
            for item in fields(change):
                if getattr(change, item.name) is not None and item.name != "room":
                    stay[item.name] = getattr(change, item.name)
            if self._resent is not None:
                self._resent.add(change.room)
            return self._stay(change.room)

    def move_room(self, from_room: str, to_room: str, reservation: str, actor: Actor) -> Stay:
        with self.lock:
            if from_room not in self.guests:
                raise NotFound("stay.not_found", f"nobody in {from_room}")
            self.guests[to_room] = self.guests.pop(from_room)
            self.stays[to_room] = self.stays.pop(from_room, {})
            if from_room in self.dnd:
                self.dnd[to_room] = self.dnd.pop(from_room)
            return self._stay(to_room)

    def set_dnd(self, room: str, on: bool, actor: Actor, until: datetime | None = None) -> None:
        with self.lock:
            self.dnd[room] = on

    def set_message_lamp(self, room: str, on: bool, actor: Actor) -> None:
        with self.lock:
            self.lamp[room] = on

    def set_class_of_service(self, room: str, level: int, actor: Actor) -> None:
        with self.lock:
            self.cos[room] = level

    def set_housekeeping(self, room: str, status: Housekeeping, actor: Actor) -> None:
        with self.lock:
            self.maid[room] = status

    def take_message(self, room: str, sender: str, text: str, actor: Actor, callback: str = "",
                     reservation: str = "", message_id: str = "") -> int:
        with self.lock:
            self.messages.append((room, text))
            return len(self.messages)

    def begin_resync(self, actor: Actor) -> None:
        with self.lock:
            self._resent = set()

    def end_resync(self, actor: Actor) -> None:
        with self.lock:
            resent = self._resent or set()
            for room in list(self.guests):
                if room not in resent:
                    del self.guests[room]
            self._resent = None

    def book(self, room: str, due_at: datetime, actor: Actor, *, repeat: WakeUpRepeat = WakeUpRepeat.ONCE,
             language: str = "", note: str = "") -> int:
        with self.lock:
            if due_at < datetime(2026, 11, 20):
                raise InputError("wakeup.past", "time in the past")
            if (room, due_at) in self.wakeups:  # as the wake-up book: one open call per room and time
                raise InputError("wakeup.duplicate", f"{room} already has a wake-up at {due_at:%H:%M}")
            self.wakeups.add((room, due_at))
            return len(self.wakeups)

    def cancel(self, room: str, due_at: datetime | None, actor: Actor) -> int:
        with self.lock:
            gone = {w for w in self.wakeups if w[0] == room and (due_at is None or w[1] == due_at)}
            self.wakeups -= gone
            return len(gone)

    def snapshot(self) -> dict[str, tuple[str, str]]:
        with self.lock:
            return dict(self.guests)
