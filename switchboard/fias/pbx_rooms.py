"""Telling a FIAS PBX each room's do-not-disturb and class of service (``RE`` with ``DN`` and ``CS``),
without I/O.

The console is the PMS side of the PBX's link (``[wakeup] mode = pbx``). The FIAS specification
(Oracle HGBU-IFC8-FIAS 2.20.23, p.62-67; ``shared/reference/protocols.md`` 1.8) has the PMS send
``RE|RN…|DNY|`` / ``DNN`` and ``CS0``-``CS3`` (0 barred to internal calls, 1 local, 2 national, 3 no
restriction), and a vendor system receives only the fields its ``LR|RIRE|FL…|`` named (p.28-30).
So a PBX that did not name ``DN`` or ``CS`` is told nothing of it, and the consoles show that.

What this connection has told the PBX is remembered; each round sends only what changed since.
A link that (re)starts, or a PBX that asks with ``DR`` (p.36-38), gets every room again between
``DS`` and ``DE``, the way the PMS resyncs its guests: the PBX may have lost its tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from switchboard.fias.records import FiasRecord, stamped
from switchboard.room_policy import RE_FIELDS, RoomRule


def re_record(room: str, rule: RoomRule, fields: frozenset[str]) -> FiasRecord:
    """One RE with the room and those of ``fields`` (DN, CS) the PBX takes, in the spec's forms."""
    out: list[tuple[str, str]] = [("RN", room)]
    if "DN" in fields:
        out.append(("DN", "Y" if rule.dnd else "N"))
    if "CS" in fields:
        out.append(("CS", str(int(rule.level))))
    return FiasRecord("RE", tuple(out))


class RoomTeller:
    """What one link to the PBX has been told about the rooms, and what to tell it next."""

    def __init__(self) -> None:
        self._told: dict[str, RoomRule] = {}
        self._resync = True

    def link_started(self) -> None:
        """A new connection, or the PBX describing its link again (it restarted): tell it everything."""
        self._told.clear()
        self._resync = True

    def resync_asked(self) -> None:
        self._resync = True

    def records(
        self, wanted: Mapping[str, RoomRule], fields: frozenset[str], now: datetime
    ) -> list[FiasRecord]:
        """What to send so the PBX holds ``wanted`` (room number -> rule): every room between DS and
        DE after a (re)start or a DR, else an RE with the changed fields of each changed room."""
        fields = fields & RE_FIELDS
        if not fields:
            self._resync = False
            return []  # the PBX takes neither: nothing to tell (the consoles show DND as theirs alone)
        if self._resync:
            self._resync = False
            self._told = dict(wanted)
            body = [re_record(room, rule, fields) for room, rule in sorted(wanted.items())]
            return [stamped("DS", now), *body, stamped("DE", now)]
        out: list[FiasRecord] = []
        for room, rule in sorted(wanted.items()):
            before = self._told.get(room)
            changed = frozenset(fields)
            if before is not None:
                changed = frozenset(
                    f
                    for f in fields
                    if (f == "DN" and before.dnd != rule.dnd) or (f == "CS" and before.level != rule.level)
                )
            if changed:
                out.append(re_record(room, rule, changed))
                self._told[room] = rule
        for room in [r for r in self._told if r not in wanted]:
            del self._told[room]  # a room gone from the plan: nothing to set any more
        return out
