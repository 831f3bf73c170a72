"""The attendant position's view of a PBX.

``PbxPosition`` is the one Protocol that the training PBX and the SIP position
both implement.  Commands are asynchronous: a method queues the request and
returns at once; what happened comes back later as an immutable ``PbxEvent``
handed to the sink given to ``start``.  The sink may be called from any thread
(the bridge in ``ui/`` re-emits on the GUI thread), so events are frozen
dataclasses and carry everything the receiver needs.

Call ids are chosen by whoever creates the call: the PBX for offered calls,
the console for calls it dials (``dial`` and ``consult`` return the new id), so
the UI can follow a call before the PBX has said anything about it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Protocol


class LampState(Enum):
    """What a lamp on the busy-lamp field shows for one extension."""

    IDLE = "idle"
    RINGING = "ringing"
    BUSY = "busy"
    HELD = "held"
    DND = "dnd"
    UNREGISTERED = "unregistered"
    UNKNOWN = "unknown"


class CallKind(Enum):
    """Where a call comes from, for marking and ordering the queue."""

    ROOM = "room"
    OUTSIDE = "outside"
    INTERNAL = "internal"
    EMERGENCY = "emergency"


class CallState(Enum):
    """A call's state as the attendant position sees it."""

    OFFERED = "offered"  # ringing at the console, waiting in the queue
    DIALLING = "dialling"  # the console is calling out
    CONNECTED = "connected"  # talking to the operator
    HELD = "held"
    CONSULTING = "consulting"  # the console's leg to a transfer target
    PARKED = "parked"
    CAMPED = "camped"  # waiting on a busy extension, will recall
    CONFERENCE = "conference"
    TRANSFERRED = "transferred"
    ENDED = "ended"


class FailureReason(Enum):
    """Why a transfer, dial or camp-on did not go through."""

    BUSY = "busy"
    NO_ANSWER = "no_answer"
    DND = "dnd"
    NOT_FOUND = "not_found"
    REJECTED = "rejected"
    LINK_DOWN = "link_down"
    OTHER = "other"


class LinkName(Enum):
    """The console's links to the outside world, shown in the status bar."""

    PBX = "pbx"
    PMS = "pms"
    SMDR = "smdr"


class LinkStatus(Enum):
    UP = "up"
    CONNECTING = "connecting"
    DOWN = "down"
    TRAINING = "training"
    DISABLED = "disabled"


@dataclass(frozen=True, slots=True)
class LampChanged:
    extension: str
    state: LampState
    at: datetime


@dataclass(frozen=True, slots=True)
class CallOffered:
    """A new call rings at the console (joins the queue in arrival order)."""

    call_id: str
    caller: str  # number or extension of the calling party
    caller_name: str  # display name from the PBX, may be ""
    called: str  # the number dialled (operator, DDI, emergency code)
    kind: CallKind
    offered_at: datetime
    recall_of: str = ""  # a camp-on or park recall: the extension it comes back from
    # Several positions on one operator number: the number's own order of its calls (the shared table's
    # row), which puts calls that rang at the same moment in one order on every position; 0: none given.
    order: int = 0


@dataclass(frozen=True, slots=True)
class CallStateChanged:
    call_id: str
    state: CallState
    at: datetime
    peer: str = ""  # the other party now, e.g. the transfer target or park slot
    detail: str = ""


@dataclass(frozen=True, slots=True)
class CallFailed:
    """A command on a call failed; the call itself may still be alive."""

    call_id: str
    target: str
    reason: FailureReason
    at: datetime
    detail: str = ""


@dataclass(frozen=True, slots=True)
class CallEnded:
    call_id: str
    at: datetime
    reason: str = ""


@dataclass(frozen=True, slots=True)
class LinkStateChanged:
    link: LinkName
    status: LinkStatus
    at: datetime
    detail: str = ""


@dataclass(frozen=True, slots=True)
class NightService:
    """A call to the operator number that rang no position: none was signed in, so it went to night
    service (told on every position, which otherwise would never know it)."""

    caller: str
    at: datetime


PbxEvent = (
    LampChanged | CallOffered | CallStateChanged | CallFailed | CallEnded | LinkStateChanged | NightService
)
EventSink = Callable[[PbxEvent], None]


def new_call_id() -> str:
    """An id for a call the console creates itself."""
    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class PositionSettings:
    """Where and as whom the console registers; unused by the training PBX."""

    server: str = ""
    extension: str = ""
    username: str = ""
    password: str = field(default="", repr=False)
    transport: str = "udp"
    local_port: int = 0
    realm: str = "*"
    # Addresses, networks or host names besides the server's own that may send the position requests
    # (the other nodes of a PBX cluster); everything else is dropped ([pbx] trusted, comma-separated).
    trusted: tuple[str, ...] = ()
    # Calls that may ring at the console at once; one more gets 486 Busy Here ([pbx] max_ringing).
    max_ringing: int = 100


class PbxPosition(Protocol):
    """An attendant position on a PBX (training or SIP)."""

    def start(self, sink: EventSink) -> None:
        """Connect and begin sending events to ``sink`` (from any thread)."""
        ...

    def stop(self) -> None:
        """Release every call and subscription and disconnect. Idempotent."""
        ...

    def watch(self, extensions: Sequence[str]) -> None:
        """Show these extensions on the busy-lamp field (replaces the previous set)."""
        ...

    def answer(self, call_id: str) -> None: ...

    def release(self, call_id: str) -> None: ...

    def hold(self, call_id: str) -> None: ...

    def retrieve(self, call_id: str) -> None: ...

    def blind_transfer(self, call_id: str, target: str) -> None: ...

    def consult(self, call_id: str, target: str) -> str:
        """Hold ``call_id`` and call ``target``; returns the id of the new consultation leg."""
        ...

    def complete_transfer(self, call_id: str, consult_id: str) -> None:
        """Join the held caller to the consulted party and leave both (announced transfer)."""
        ...

    def park(self, call_id: str) -> None:
        """Park the call; the slot comes back as ``CallStateChanged(PARKED, peer=slot)``."""
        ...

    def pickup(self, slot: str) -> str:
        """Take a parked call back to the console; returns its call id."""
        ...

    def set_parking(self, slots: Sequence[str], recall_after_s: float) -> None:
        """Park in these slots (the console has checked them against the extension plan); a call
        left parked past ``recall_after_s`` rings the console again as a recall from its slot."""
        ...

    def camp_on(self, call_id: str, target: str, recall_after_s: float) -> None:
        """Let the caller wait for a busy extension; recall to the console after the time-out."""
        ...

    def conference(self, call_id: str, other_call_id: str) -> None:
        """Join two of the console's calls and the operator in a three-way conference."""
        ...

    def dial(self, number: str) -> str:
        """Call out from the console; returns the new call's id."""
        ...

    def set_dnd(self, extension: str, on: bool) -> None: ...

    def set_message_lamp(self, extension: str, on: bool) -> None: ...
