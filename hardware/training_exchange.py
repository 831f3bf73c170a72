"""The training PBX's telephones: calls, lamps, timers and the hotel's traffic, as state that only the
PBX's own thread changes. ``TrainingPbx`` (training_pbx.py) puts the attendant position's commands on
top; this is what they set going.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import logging
import queue
import random
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from switchboard.clock import Clock
from switchboard.pbx import (
    CallEnded,
    CallFailed,
    CallKind,
    CallOffered,
    CallState,
    CallStateChanged,
    EventSink,
    FailureReason,
    LampChanged,
    LampState,
    NightService,
    PbxEvent,
    new_call_id,
)
from switchboard.shared_calls import SharedCall

if TYPE_CHECKING:  # they read TrainingCall from here
    from hardware.training_parks import TrainingParkShare
    from hardware.training_world import TrainingWorld

log = logging.getLogger(__name__)

EMERGENCY_NUMBER = "119"
PARK_SLOTS = tuple(f"790{n}" for n in range(1, 10))  # until the console sets its own
PARK_RECALL_S = 120.0


@dataclass
class TrainingCall:
    id: str
    caller: str
    kind: CallKind
    state: CallState
    since: datetime
    peer: str = ""  # target extension or park slot
    camp_deadline: datetime | None = None


@dataclass(order=True)
class _Timer:
    at: datetime
    seq: int
    action: Callable[[], None] = field(compare=False)


@dataclass(frozen=True, slots=True)
class TrafficProfile:
    """How busy the simulated hotel is."""

    operator_calls_per_hour: float = 90.0
    extension_calls_per_hour: float = 600.0
    abandon_after_s: float = 75.0
    answer_after_s: tuple[float, float] = (2.0, 9.0)
    no_answer_share: float = 0.15  # transferred calls that are not answered (they recall)
    no_answer_recall_s: float = 25.0
    emergency_share: float = 0.01
    start_busy_share: float = 0.08


class TrainingExchange:
    """Every telephone of the simulated hotel and every call among them."""

    def __init__(
        self,
        clock: Clock,
        extensions: Sequence[str],
        *,
        occupied_rooms: Sequence[str] = (),
        departments: Sequence[str] = (),
        profile: TrafficProfile | None = None,
        seed: int = 7,
        traffic: bool = True,
    ) -> None:
        self._clock = clock
        self._profile = profile or TrafficProfile()
        self._rng = random.Random(seed)
        self._traffic = traffic
        self._lamps: dict[str, LampState] = {e: LampState.IDLE for e in extensions}
        self._dnd: set[str] = set()
        self._lamp_msg: set[str] = set()
        self._rooms = list(occupied_rooms) or list(extensions)
        self._departments = list(departments)
        self._calls: dict[str, TrainingCall] = {}
        self._parked: dict[str, str] = {}  # slot -> call id
        self._park_slots: tuple[str, ...] = PARK_SLOTS
        self._park_recall_s = PARK_RECALL_S
        self._on_break = False  # the operator is on break: no new call is offered
        self._overflow_s = 0.0  # a call waiting longer goes to the overflow destination (0: never)
        self._share: TrainingParkShare | None = None  # the park area shared with other positions
        self._world: TrainingWorld | None = None  # the operator number shared with other positions
        self._timers: list[_Timer] = []
        self._seq = itertools.count()
        self._commands: queue.Queue[Callable[[], None]] = queue.Queue()
        self._sink: EventSink = lambda _e: None
        self._watched: list[str] = []
        self._last = clock.now()
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        if traffic:
            for ext in self._rng.sample(
                list(extensions), int(len(extensions) * self._profile.start_busy_share)
            ):
                self._lamps[ext] = LampState.BUSY
                self._after(
                    self._rng.uniform(20, 600), functools.partial(self._set_lamp, ext, LampState.IDLE)
                )

    def _park_recall(self, call_id: str, slot: str, parked_at: datetime) -> None:
        """Parked too long: the call rings the console again, marked as a recall from its slot (unless it
        was picked up meanwhile: a later parking has its own time)."""
        call = self._calls.get(call_id)
        if call is None or call.state is not CallState.PARKED or call.since != parked_at:
            return
        self._parked.pop(slot, None)
        call.state, call.since = CallState.OFFERED, self._clock.now()
        self._emit(CallOffered(call_id, call.caller, "", "9", call.kind, call.since, recall_of=slot))

    # ------------------------------------------------------------ simulation

    def _generate(self, now: datetime) -> None:
        seconds = max(0.0, (now - self._last).total_seconds())
        p = self._profile
        leading = self._world is None or self._world.leading  # one position invents the callers
        for _ in range(self._poisson(p.operator_calls_per_hour / 3600 * seconds) if leading else 0):
            roll = self._rng.random()
            if roll < p.emergency_share:
                self._ring(new_call_id(), self._rng.choice(self._rooms), CallKind.EMERGENCY, "")
            elif roll < 0.6:
                self._ring(new_call_id(), self._rng.choice(self._rooms), CallKind.ROOM, "")
            elif roll < 0.9:
                number = f"+86 21 {self._rng.randint(5000, 6999)} {self._rng.randint(1000, 9999)}"
                self._ring(new_call_id(), number, CallKind.OUTSIDE, "")
            elif self._departments:
                self._ring(new_call_id(), self._rng.choice(self._departments), CallKind.INTERNAL, "")
        idle = [e for e, s in self._lamps.items() if s is LampState.IDLE and e not in self._dnd]
        for _ in range(self._poisson(p.extension_calls_per_hour / 3600 * seconds)):
            if not idle:
                break
            ext = idle.pop(self._rng.randrange(len(idle)))
            self._set_lamp(ext, LampState.RINGING)
            self._after(self._rng.uniform(2, 10), functools.partial(self._set_lamp, ext, LampState.BUSY))
            self._after(self._rng.uniform(40, 400), functools.partial(self._set_lamp, ext, LampState.IDLE))

    def _poisson(self, mean: float) -> int:
        count, threshold, product = 0, pow(2.718281828459045, -mean), self._rng.random()
        while product > threshold:
            count += 1
            product *= self._rng.random()
        return count

    def _ring(self, call_id: str, caller: str, kind: CallKind, name: str) -> None:
        """A new caller rings the operator number: every training position sharing it, or this one."""
        if self._world is not None:
            rung = self._world.ring(SharedCall(call_id, caller, name, kind, self._clock.now()))
            if rung is None:
                log.info("training: call %s from %s went to night service", call_id, caller)
                self._emit(NightService(caller, self._clock.now()))
                return
            self._offer(call_id, caller, kind, name, since=rung.offered_at, order=rung.order)
            return
        self._offer(call_id, caller, kind, name)

    def _offer(
        self,
        call_id: str,
        caller: str,
        kind: CallKind,
        name: str,
        recall_of: str = "",
        since: datetime | None = None,
        order: int = 0,
    ) -> None:
        """Ring this position (``since``: when the caller rang the shared operator number, ``order``: its
        place in that number's calls)."""
        if self._on_break and not recall_of:
            return  # as a PBX that no longer rings this position: the caller reaches another one
        now = self._clock.now()
        waited = max(0.0, (now - since).total_seconds()) if since is not None else 0.0
        self._calls[call_id] = TrainingCall(call_id, caller, kind, CallState.OFFERED, since or now)
        called = EMERGENCY_NUMBER if kind is CallKind.EMERGENCY else "9"
        self._emit(CallOffered(call_id, caller, name, called, kind, since or now, recall_of, order))
        if caller in self._lamps and not recall_of:
            self._set_lamp(caller, LampState.BUSY)  # the caller's phone is off-hook while it waits
        if not recall_of and kind is not CallKind.EMERGENCY:
            self._after(self._profile.abandon_after_s - waited, lambda: self._abandon(call_id))
            if self._overflow_s:
                self._after(self._overflow_s - waited, lambda: self._abandon(call_id, "overflowed"))

    def _abandon(self, call_id: str, reason: str = "abandoned") -> None:
        """The caller hung up while waiting, or the call overflowed to the front desk."""
        call = self._calls.get(call_id)
        if call is not None and call.state is CallState.OFFERED:
            self._end(call_id, reason)

    def _transfer(self, call_id: str, target: str) -> None:
        call = self._calls.get(call_id)
        if call is None:
            return
        reason = self._refusal(target)
        if reason is not None:
            self._fail(call_id, target, reason)
            return
        self._set_lamp(target, LampState.RINGING)
        self._state(call, CallState.TRANSFERRED, target)
        if self._rng.random() < self._profile.no_answer_share:
            self._after(
                self._profile.no_answer_recall_s, lambda: self._recall(call_id, target, CallState.TRANSFERRED)
            )
        else:
            self._after(
                self._rng.uniform(*self._profile.answer_after_s), lambda: self._answered_at(call_id, target)
            )

    def _answered_at(self, call_id: str, target: str) -> None:
        self._set_lamp(target, LampState.BUSY)
        self._end(call_id, "answered at " + target, keep_lamp=True)
        self._after(self._rng.uniform(30, 300), lambda: self._set_lamp(target, LampState.IDLE))

    def _recall(self, call_id: str, target: str, expected: CallState) -> None:
        call = self._calls.get(call_id)
        if call is None or call.state is not expected:
            return
        if expected is CallState.TRANSFERRED:
            self._set_lamp(target, LampState.IDLE)
        call.state = CallState.OFFERED
        self._emit(CallOffered(call_id, call.caller, "", "9", call.kind, self._clock.now(), recall_of=target))

    def _consult(self, call_id: str, consult_id: str, target: str) -> None:
        now = self._clock.now()
        call = self._calls.get(call_id)
        if call is not None:
            self._state(call, CallState.HELD, call.peer)
        leg = TrainingCall(consult_id, target, CallKind.INTERNAL, CallState.DIALLING, now, peer=target)
        self._calls[consult_id] = leg
        self._emit(CallStateChanged(consult_id, CallState.DIALLING, now, target))
        reason = self._refusal(target)
        if reason is not None:
            self._fail(consult_id, target, reason)
            self._end(consult_id, reason.value)
            return
        self._set_lamp(target, LampState.RINGING)

        def answered() -> None:
            if consult_id in self._calls:
                self._set_lamp(target, LampState.BUSY)
                self._state(leg, CallState.CONSULTING, target)

        self._after(self._rng.uniform(*self._profile.answer_after_s), answered)

    def _dial_answered(self, call_id: str) -> None:
        call = self._calls.get(call_id)
        if call is not None and call.state is CallState.DIALLING:
            self._set_lamp(call.peer, LampState.BUSY)
            self._state(call, CallState.CONNECTED, call.peer)

    def _refusal(self, target: str) -> FailureReason | None:
        if target not in self._lamps:
            return FailureReason.NOT_FOUND
        if target in self._dnd:
            return FailureReason.DND
        if self._lamps[target] is not LampState.IDLE:
            return FailureReason.BUSY
        return None

    def _set_lamp(self, ext: str, state: LampState) -> None:
        if ext not in self._lamps or self._lamps[ext] is state:
            return
        self._lamps[ext] = state
        for call in list(self._calls.values()):  # a camped caller rings through when the extension frees up
            if state is LampState.IDLE and call.state is CallState.CAMPED and call.peer == ext:
                self._transfer(call.id, ext)
                break
        self._emit(LampChanged(ext, self._shown(ext), self._clock.now()))

    def _shown(self, ext: str) -> LampState:
        state = self._lamps.get(ext, LampState.UNKNOWN)
        if ext in self._dnd and state is LampState.IDLE:
            return LampState.DND
        return state

    def _change(self, call_id: str, state: CallState, allowed: set[CallState]) -> None:
        call = self._calls.get(call_id)
        if call is not None and call.state in allowed:
            self._state(call, state, call.peer)

    def _state(self, call: TrainingCall, state: CallState, peer: str) -> None:
        call.state, call.peer, call.since = state, peer, self._clock.now()
        self._emit(CallStateChanged(call.id, state, call.since, peer))

    def _fail(self, call_id: str, target: str, reason: FailureReason, detail: str = "") -> None:
        self._emit(CallFailed(call_id, target, reason, self._clock.now(), detail))

    def _end(self, call_id: str, reason: str, keep_lamp: bool = False) -> None:
        call = self._calls.pop(call_id, None)
        if call is None:
            return
        for slot, parked in list(self._parked.items()):
            if parked == call_id:
                del self._parked[slot]
        if (
            not keep_lamp
            and call.state in (CallState.CONSULTING, CallState.CONNECTED)
            and call.peer in self._lamps
        ):
            self._set_lamp(call.peer, LampState.IDLE)
        if call.caller in self._lamps and self._lamps[call.caller] is LampState.BUSY:
            if keep_lamp:  # transferred: the caller talks on, then hangs up
                self._after(
                    self._rng.uniform(30, 240), functools.partial(self._set_lamp, call.caller, LampState.IDLE)
                )
            else:
                self._set_lamp(call.caller, LampState.IDLE)
        self._emit(CallEnded(call_id, self._clock.now(), reason))

    def _after(self, seconds: float, action: Callable[[], None]) -> None:
        heapq.heappush(
            self._timers, _Timer(self._clock.now() + timedelta(seconds=seconds), next(self._seq), action)
        )

    def _emit(self, event: PbxEvent) -> None:
        try:
            self._sink(event)
        except Exception:
            log.exception("event sink failed for %r", event)
