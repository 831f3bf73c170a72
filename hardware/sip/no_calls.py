"""The position in SIP mode until call handling over SIP is available: it never
pretends. It reports the PBX link as down with the reason, refuses every call
command with ``CallFailed(LINK_DOWN)``, and leaves the lamps to the BLF watcher,
which does work against the real PBX."""

from __future__ import annotations

from collections.abc import Sequence

from switchboard.clock import Clock
from switchboard.pbx import (
    CallFailed,
    EventSink,
    FailureReason,
    LinkName,
    LinkStateChanged,
    LinkStatus,
    new_call_id,
)

REASON = "call handling over SIP is not available in this version; lamps only"


class LampsOnlyPosition:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._sink: EventSink = lambda _e: None

    def start(self, sink: EventSink) -> None:
        self._sink = sink
        sink(LinkStateChanged(LinkName.PBX, LinkStatus.DOWN, self._clock.now(), REASON))

    def stop(self) -> None:
        pass

    def watch(self, extensions: Sequence[str]) -> None:
        pass  # the BLF watcher subscribes the lamps

    def _refuse(self, call_id: str, target: str = "") -> None:
        self._sink(CallFailed(call_id, target, FailureReason.LINK_DOWN, self._clock.now(), REASON))

    def answer(self, call_id: str) -> None:
        self._refuse(call_id)

    def release(self, call_id: str) -> None:
        self._refuse(call_id)

    def hold(self, call_id: str) -> None:
        self._refuse(call_id)

    def retrieve(self, call_id: str) -> None:
        self._refuse(call_id)

    def blind_transfer(self, call_id: str, target: str) -> None:
        self._refuse(call_id, target)

    def consult(self, call_id: str, target: str) -> str:
        self._refuse(call_id, target)
        return new_call_id()

    def complete_transfer(self, call_id: str, consult_id: str) -> None:
        self._refuse(call_id)

    def park(self, call_id: str) -> None:
        self._refuse(call_id)

    def pickup(self, slot: str) -> str:
        call_id = new_call_id()
        self._refuse(call_id, slot)
        return call_id

    def camp_on(self, call_id: str, target: str, recall_after_s: float) -> None:
        self._refuse(call_id, target)

    def conference(self, call_id: str, other_call_id: str) -> None:
        self._refuse(call_id)

    def dial(self, number: str) -> str:
        call_id = new_call_id()
        self._refuse(call_id, number)
        return call_id

    def set_dnd(self, extension: str, on: bool) -> None:
        pass  # kept in the console's records; the PBX side needs the SIP position

    def set_message_lamp(self, extension: str, on: bool) -> None:
        pass
