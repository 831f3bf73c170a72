"""The wing of each room, set by an administrator (the hotel's layout is settings, like its numbers):
the roll-call by wing and the emergency alarm read it. The rooms themselves come from the demo seed or
the installer; a hotel without wings leaves them None."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from db.audit import audit, changed
from db.rows import RoomRow
from db.store import Store
from switchboard.auth import Permission, require
from switchboard.clock import Clock
from switchboard.errors import NotFound
from switchboard.hotel import Actor, check_wing
from switchboard.wings import room_list

TOPIC = "room"


class SqlRoomWings:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def set_wing(self, rooms: str, wing: str | None, actor: Actor) -> Sequence[str]:
        """Sets (or with an empty ``wing`` clears) the wing of the ``rooms`` typed (``switchboard.wings``),
        all or none: a number that is not a room of the hotel changes nothing. Returns the rooms set."""
        require(actor, Permission.CHANGE_SETTINGS)
        numbers = room_list(rooms)
        name = check_wing(wing)
        now = self._clock.now()
        with self._store.unit() as s:
            rows = {r.number: r for r in s.scalars(select(RoomRow).where(RoomRow.number.in_(numbers)))}
            missing = [n for n in numbers if n not in rows]
            if missing:
                raise NotFound(
                    "wing.no_room", f"No room {missing[0]} in this hotel", room=missing[0], count=len(missing)
                )
            for row in rows.values():
                row.wing = name
            audit(s, actor, now, "room.wing", "room", numbers[0], wing=name, rooms=len(numbers))
            changed(s, actor, now, TOPIC, numbers[0])
        return numbers
