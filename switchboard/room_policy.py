"""What the PBX itself must enforce for each room telephone: do-not-disturb and class of service.

The console keeps DND and the class of service in its database; a PBX that can be told (Kamailio's
``htable`` in the lab, a FIAS PBX interface with ``RE``) refuses calls to a DND room and bars a
room's outside calls by itself, so a call that never passes the console obeys them too. The rule
here is what the PBX should hold; ``changes`` is what has to be sent to make it so, whatever the
PBX holds now (after its restart it holds nothing).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum, IntEnum


class ClassOfService(IntEnum):
    """FIAS ``CS``: what a room telephone may dial outside the hotel."""

    BARRED = 0  # internal calls, the operator and emergency numbers only
    LOCAL = 1
    NATIONAL = 2
    INTERNATIONAL = 3


@dataclass(frozen=True, slots=True)
class RoomRule:
    dnd: bool
    level: ClassOfService


def rule_for(*, occupied: bool, dnd: bool, level: int) -> RoomRule:
    """A vacant room is barred whatever its stored class; a level out of range counts as barred."""
    if not occupied:
        return RoomRule(dnd=False, level=ClassOfService.BARRED)
    try:
        cos = ClassOfService(level)
    except ValueError:
        cos = ClassOfService.BARRED
    return RoomRule(dnd=dnd, level=cos)


class Table(Enum):
    DND = "dnd"
    COS = "cos"


@dataclass(frozen=True, slots=True)
class Change:
    """One entry to set (``value`` not None) or remove in one of the PBX's two tables."""

    table: Table
    extension: str
    value: int | None


def changes(
    wanted: Mapping[str, RoomRule], dnd_now: Mapping[str, int], cos_now: Mapping[str, int]
) -> list[Change]:
    """What to send so the PBX holds ``wanted``: DND for exactly the DND rooms, a class for every room.

    Entries for extensions the console does not know (a room that left the plan) are removed."""
    out: list[Change] = []
    for extension, rule in sorted(wanted.items()):
        if rule.dnd and dnd_now.get(extension) != 1:
            out.append(Change(Table.DND, extension, 1))
        elif not rule.dnd and extension in dnd_now:
            out.append(Change(Table.DND, extension, None))
        if cos_now.get(extension) != int(rule.level):
            out.append(Change(Table.COS, extension, int(rule.level)))
    out += [Change(Table.DND, e, None) for e in sorted(dnd_now) if e not in wanted]
    out += [Change(Table.COS, e, None) for e in sorted(cos_now) if e not in wanted]
    return out


def policy_choice(pbx: Mapping[str, str], wakeup: Mapping[str, str]) -> str:
    """How the PBX is told about DND and class of service: ``[pbx] policy`` when it is set, else
    ``fias`` when the PBX runs the wake-ups over FIAS (``[wakeup] mode = pbx``: the same link carries
    ``RE``), else ``none``."""
    chosen = pbx.get("policy", "").strip().lower()
    if chosen:
        return chosen
    return "fias" if wakeup.get("mode", "dial").strip().lower() == "pbx" else "none"


# What the PBX's FIAS link announced it takes in RE, as the wake-up link's beat carries it to the
# consoles (``dialler_beats.detail``): "RE:CS,DN", "RE:" for neither.
RE_FIELDS = frozenset({"DN", "CS"})
_TOLD = "RE:"


def told_detail(fields: frozenset[str]) -> str:
    return _TOLD + ",".join(sorted(fields & RE_FIELDS))


def told_fields(detail: str) -> frozenset[str] | None:
    """The RE fields the PBX takes, from a beat's detail; None when the beat does not say (link down)."""
    if not detail.startswith(_TOLD):
        return None
    return frozenset(detail[len(_TOLD) :].split(",")) & RE_FIELDS
