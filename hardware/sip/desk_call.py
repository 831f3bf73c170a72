"""One call as the console's call desk keeps it, and the SIP facts the desk decides by."""

from __future__ import annotations

from dataclasses import dataclass

from hardware.sip.caller_id import is_room_number
from hardware.sip.console_line import LineCall
from switchboard.pbx import CallKind, CallState, FailureReason

PJ_EINVALIDOP = 70013
PARK_SLOTS = tuple(f"70{n}" for n in range(1, 10))
FAILURES = {
    486: FailureReason.BUSY,
    600: FailureReason.BUSY,
    480: FailureReason.NO_ANSWER,
    408: FailureReason.NO_ANSWER,
    487: FailureReason.NO_ANSWER,
    404: FailureReason.NOT_FOUND,
    484: FailureReason.NOT_FOUND,
    603: FailureReason.REJECTED,
    403: FailureReason.REJECTED,
}


def room_or_outside(caller: str) -> CallKind:
    """Short numbers in ASCII digits are the hotel's own telephones ('١٢٩٩' is no room's)."""
    return CallKind.ROOM if is_room_number(caller) else CallKind.OUTSIDE


@dataclass
class DeskCall:
    id: str
    caller: str
    caller_name: str
    called: str
    kind: CallKind
    state: CallState
    sip_call_id: str = ""
    line: LineCall | None = None
    peer: str = ""
    consult_of: str = ""
    camp_target: str = ""
    camp_deadline: float = 0.0
    park_deadline: float = 0.0  # monotonic time a parked call rings the console again
    transfer_to: str = ""
    replaced_by: str = ""  # the consultation leg an announced transfer joins it to
    ending: str = ""  # why the console hung up, for CallEnded
    handed_from: tuple[CallState, str] | None = None  # parked/camped before a hand-over to another position
