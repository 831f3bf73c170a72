"""A simulated PBX for training mode and tests, behind the same ``PbxPosition``
Protocol as the SIP position.

Guests and outside callers ring the console at a realistic rate, extensions
ring, talk and hang up, and the console's commands behave as a PBX would:
a busy or DND extension refuses a transfer, an unanswered one recalls, a
camp-on rings through when the extension frees up.  The simulation is driven
by ``pump()`` on an injected clock; ``start()`` runs it on its own thread for
the real console, tests call ``pump()`` themselves.
"""

from __future__ import annotations

import functools
import heapq
import logging
import queue
import threading
from collections.abc import Sequence
from datetime import timedelta

from hardware.training_exchange import (
    EMERGENCY_NUMBER,
    PARK_RECALL_S,
    PARK_SLOTS,
    TrafficProfile,
    TrainingCall,
    TrainingExchange,
)
from hardware.training_parks import TrainingParkShare
from hardware.training_world import TrainingWorld
from switchboard.pbx import (
    CallFailed,
    CallKind,
    CallState,
    CallStateChanged,
    EventSink,
    FailureReason,
    LampChanged,
    LampState,
    LinkName,
    LinkStateChanged,
    LinkStatus,
    NightService,
    new_call_id,
)
from switchboard.positions import ParkBook
from switchboard.shared_calls import OperatorCalls, SharedCall

log = logging.getLogger(__name__)


__all__ = ["EMERGENCY_NUMBER", "PARK_RECALL_S", "PARK_SLOTS", "TrafficProfile", "TrainingPbx"]


class TrainingPbx(TrainingExchange):
    """The training PBX: a whole hotel's telephones in one object."""

    # ------------------------------------------------------------ Protocol: lifecycle

    def start(self, sink: EventSink, *, threaded: bool = True, tick_s: float = 0.1) -> None:
        self._sink = sink
        self._emit(LinkStateChanged(LinkName.PBX, LinkStatus.TRAINING, self._clock.now(), "training PBX"))
        if threaded:
            self._thread = threading.Thread(
                target=self._run, args=(tick_s,), name="training-pbx", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        """Close; with other positions sharing the operator number, the calls aside here ring there
        first (as a SIP position signing out refers them to the operator number)."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None
        if self._world is not None:
            try:
                self._hand_over_aside()
                if self._share is not None:
                    self._share.clear()
            except Exception:  # closing anyway: what is left is stale, not harmful
                log.exception("training PBX: calls aside not handed over at close")
            self._world.resign()

    def _run(self, tick_s: float) -> None:
        while not self._stopping.wait(tick_s):
            try:
                self.pump()
            except Exception:  # the simulation must never take the console down
                log.exception("training PBX step failed")

    def pump(self) -> None:
        """Run queued commands, then the simulation up to the clock's now."""
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                break
            command()
        now = self._clock.now()
        if self._world is not None:
            self._world_round()
        if self._traffic:
            self._generate(now)
        while self._timers and self._timers[0].at <= now:
            heapq.heappop(self._timers).action()
        self._last = now
        if self._share is not None:
            try:
                for call_id, by in self._share.round(self._calls):
                    self._end(call_id, f"answered at {by}")
            except Exception:  # the database away: the parked calls stay here
                log.exception("training PBX: shared park area not updated")

    def _world_round(self) -> None:
        world = self._world
        assert world is not None
        offers, gone = world.round(self._calls)
        for call in offers:
            self._offer(
                call.call_key,
                call.caller,
                call.kind,
                call.caller_name,
                call.recall_of,
                call.offered_at,
                call.order,
            )
            if call.call_key in self._calls:
                world.live.add(call.call_key)
        for call_id, by in gone.items():
            self._end(call_id, f"answered at {by}")
        for call in world.night:
            self._emit(NightService(call.caller, call.offered_at))

    # ------------------------------------------------------------ Protocol: commands

    def watch(self, extensions: Sequence[str]) -> None:
        def run() -> None:
            self._watched = list(extensions)
            now = self._clock.now()
            for ext in self._watched:
                self._emit(LampChanged(ext, self._shown(ext), now))

        self._commands.put(run)

    def answer(self, call_id: str) -> None:
        def run() -> None:
            call = self._calls.get(call_id)
            if self._world is not None and call is not None and call.state is CallState.OFFERED:
                by = self._world.take(call_id)
                if by:  # another position answered it a moment before
                    self._end(call_id, f"answered at {by}")
                    return
            self._change(call_id, CallState.CONNECTED, {CallState.OFFERED})

        self._commands.put(run)

    def release(self, call_id: str) -> None:
        self._commands.put(lambda: self._end(call_id, "released"))

    def hold(self, call_id: str) -> None:
        self._commands.put(
            lambda: self._change(call_id, CallState.HELD, {CallState.CONNECTED, CallState.CONSULTING})
        )

    def retrieve(self, call_id: str) -> None:
        """Back to the operator from hold, from a park slot or from waiting on a busy extension."""

        def run() -> None:
            for slot, parked in list(self._parked.items()):
                if parked == call_id:
                    del self._parked[slot]
            self._change(call_id, CallState.CONNECTED, {CallState.HELD, CallState.PARKED, CallState.CAMPED})

        self._commands.put(run)

    def blind_transfer(self, call_id: str, target: str) -> None:
        self._commands.put(lambda: self._transfer(call_id, target))

    def consult(self, call_id: str, target: str) -> str:
        consult_id = new_call_id()
        self._commands.put(lambda: self._consult(call_id, consult_id, target))
        return consult_id

    def complete_transfer(self, call_id: str, consult_id: str) -> None:
        def run() -> None:
            held, leg = self._calls.get(call_id), self._calls.get(consult_id)
            if held is None or leg is None or leg.state is not CallState.CONSULTING:
                self._fail(call_id, consult_id, FailureReason.OTHER, "no consultation to complete")
                return
            self._set_lamp(leg.peer, LampState.BUSY)
            self._state(held, CallState.TRANSFERRED, leg.peer)
            self._end(consult_id, "transfer completed")
            self._end(call_id, "transferred", keep_lamp=True)
            self._after(
                self._rng.uniform(30, 240), functools.partial(self._set_lamp, leg.peer, LampState.IDLE)
            )

        self._commands.put(run)

    def set_plan(
        self,
        extensions: Sequence[str],
        *,
        occupied_rooms: Sequence[str] = (),
        departments: Sequence[str] = (),
    ) -> None:
        """The extension plan as the database has it, once it is read (the console starts on the demo
        hotel's plan so that calls ring before the database is open): extensions new to the plan come in
        idle, those gone from it leave; the lamps of those that stay keep their state."""
        plan = list(extensions)

        def run() -> None:
            self._lamps = {ext: self._lamps.get(ext, LampState.IDLE) for ext in plan}
            self._rooms = list(occupied_rooms) or list(plan)
            self._departments = list(departments)

        self._commands.put(run)

    def set_parking(self, slots: Sequence[str], recall_after_s: float) -> None:
        """The park slots (checked against the extension plan by the console) and the recall time."""

        def run() -> None:
            self._park_slots, self._park_recall_s = tuple(slots), recall_after_s

        self._commands.put(run)

    def park(self, call_id: str) -> None:
        def run() -> None:
            call = self._calls.get(call_id)
            if call is None:
                return
            slot = next((s for s in self._park_slots if s not in self._parked), "")
            if not slot:
                self._fail(call_id, "", FailureReason.OTHER, "no free park slot")
                return
            self._parked[slot] = call_id
            self._state(call, CallState.PARKED, slot)
            parked_at = call.since
            self._after(self._park_recall_s, lambda: self._park_recall(call_id, slot, parked_at))

        self._commands.put(run)

    def pickup(self, slot: str) -> str:
        def run() -> None:
            call_id = self._parked.pop(slot, None)
            call = self._calls.get(call_id or "")
            if call is None or call.state is not CallState.PARKED:
                self._emit(CallFailed("", slot, FailureReason.NOT_FOUND, self._clock.now(), "nothing parked"))
                return
            self._state(call, CallState.CONNECTED, "")

        self._commands.put(run)
        return self._parked.get(slot, "")

    def camp_on(self, call_id: str, target: str, recall_after_s: float) -> None:
        def run() -> None:
            call = self._calls.get(call_id)
            if call is None:
                return
            call.camp_deadline = self._clock.now() + timedelta(seconds=recall_after_s)
            self._state(call, CallState.CAMPED, target)
            self._after(recall_after_s, lambda: self._recall(call_id, target, CallState.CAMPED))

        self._commands.put(run)

    def conference(self, call_id: str, other_call_id: str) -> None:
        def run() -> None:
            for cid in (call_id, other_call_id):
                call = self._calls.get(cid)
                if call is not None:
                    self._state(call, CallState.CONFERENCE, call.peer)

        self._commands.put(run)

    def dial(self, number: str) -> str:
        call_id = new_call_id()

        def run() -> None:
            now = self._clock.now()
            call = TrainingCall(call_id, number, CallKind.INTERNAL, CallState.DIALLING, now, peer=number)
            self._calls[call_id] = call
            self._emit(CallStateChanged(call_id, CallState.DIALLING, now, number))
            reason = self._refusal(number)
            if reason is not None:
                self._fail(call_id, number, reason)
                self._end(call_id, reason.value)
                return
            self._set_lamp(number, LampState.RINGING)
            self._after(
                self._rng.uniform(*self._profile.answer_after_s), lambda: self._dial_answered(call_id)
            )

        self._commands.put(run)
        return call_id

    def set_dnd(self, extension: str, on: bool) -> None:
        def run() -> None:
            (self._dnd.add if on else self._dnd.discard)(extension)
            self._emit(LampChanged(extension, self._shown(extension), self._clock.now()))

        self._commands.put(run)

    def set_message_lamp(self, extension: str, on: bool) -> None:
        self._commands.put(lambda: (self._lamp_msg.add if on else self._lamp_msg.discard)(extension))

    def set_break(self, on: bool) -> None:
        """On break: no new call is offered to this position (its parked calls still recall here)."""

        def run() -> None:
            self._on_break = on

        self._commands.put(run)

    def set_overflow(self, destination: str, after_s: float) -> None:
        """A call waiting longer than ``after_s`` leaves the queue as "overflowed" (to ``destination``)."""

        def run() -> None:
            self._overflow_s = after_s if destination else 0.0

        self._commands.put(run)

    def share_parks(self, book: ParkBook) -> None:
        """Share this position's parked and camped calls with the other training positions."""
        share = TrainingParkShare(book, self._clock)

        def run() -> None:
            self._share = share

        self._commands.put(run)

    def pickup_shared(self, call_key: str) -> None:
        """A call parked or camped at another training position, put through here."""

        def run() -> None:
            park = self._share.book.pick(call_key, "training") if self._share is not None else None
            if park is None:
                why = "no longer parked, or picked up at another position"
                self._fail("", "", FailureReason.NOT_FOUND, why)
                return
            call_id = new_call_id()
            kind = CallKind.ROOM if park.caller in self._lamps else CallKind.OUTSIDE
            self._offer(call_id, park.caller, kind, park.caller_name, recall_of=park.where)
            self._change(call_id, CallState.CONNECTED, {CallState.OFFERED})

        self._commands.put(run)

    def share_calls(self, calls: OperatorCalls) -> None:
        """Share the operator number with the other training positions on ``calls``' database."""
        world = TrainingWorld(calls, self._profile.abandon_after_s)

        def run() -> None:
            self._world = world

        self._commands.put(run)

    def hand_over_aside(self) -> None:
        """The operator signs out: the calls parked or camped here ring the operator number again."""
        self._commands.put(self._hand_over_aside)

    def _hand_over_aside(self) -> None:
        aside = [c for c in self._calls.values() if c.state in (CallState.PARKED, CallState.CAMPED)]
        for call in aside:
            if self._world is None:  # alone: the operator number is this position
                self._parked = {slot: cid for slot, cid in self._parked.items() if cid != call.id}
                self._recall(call.id, call.peer, call.state)
                continue
            if self._share is not None:
                self._share.withdraw(call.id)
            back = SharedCall(
                new_call_id(), call.caller, "", call.kind, self._clock.now(), recall_of=call.peer
            )
            to = self._world.hand_back(back)
            if to:  # as the SIP position's REFER to the operator number, answered there
                self._end(call.id, f"answered at {to}")

    # ------------------------------------------------------------ test and training hooks

    def offer_call(self, caller: str, kind: CallKind = CallKind.ROOM, caller_name: str = "") -> str:
        """Ring the operator number now (tests, and the trainer's "next caller" button)."""
        call_id = new_call_id()
        self._commands.put(lambda: self._ring(call_id, caller, kind, caller_name))
        return call_id

    def offer_first_call(self, caller: str) -> None:
        """The trainee's first caller, rung once per training world: by the position that leads it (the
        one that invents callers), or by this one alone."""

        def run() -> None:
            if self._world is None or self._world.leading:
                self._ring(new_call_id(), caller, CallKind.ROOM, "")

        self._commands.put(run)

    def set_extension_busy(self, extension: str, busy: bool) -> None:
        self._commands.put(lambda: self._set_lamp(extension, LampState.BUSY if busy else LampState.IDLE))

    def lamp(self, extension: str) -> LampState:
        return self._shown(extension)

    def message_lamp(self, extension: str) -> bool:
        return extension in self._lamp_msg
