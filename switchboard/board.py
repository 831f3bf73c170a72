"""The daily information board: what every shift begins with."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from switchboard.hotel import Actor


@dataclass(frozen=True, slots=True)
class Arrival:
    name: str
    title: str
    room: str
    vip_level: int
    arrival: date
    companions: str
    note: str


@dataclass(frozen=True, slots=True)
class DailyBoard:
    day: date
    notices: tuple[tuple[str, str, str], ...] = field(default=())  # (kind, time, text): weather, event, note
    arrivals: tuple[Arrival, ...] = field(default=())  # today's and tomorrow's, VIPs first
    room_moves: tuple[str, ...] = field(default=())
    dnd_rooms: tuple[str, ...] = field(default=())
    whereabouts: tuple[str, ...] = field(default=())
    duty_manager: str = ""


class BoardSource(Protocol):
    def today(self, actor: Actor) -> DailyBoard: ...

    def add_notice(
        self, kind: str, at_time: str, text: str, actor: Actor, day: date | None = None
    ) -> None: ...
