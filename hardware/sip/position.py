"""The attendant position over SIP: ``switchboard.pbx.PbxPosition`` on a real PBX.

One thread, ``sip-position``, owns everything SIP: the ringing front (where
waiting calls ring, any number of them), the pjsua2 line (the operator's four
talking legs) and the BLF watcher's lamps as they pass through. Commands from the
GUI are closures on a queue run by that thread; what happens leaves as the frozen
``switchboard.pbx`` events through the sink. No other thread calls pjsua2.

How each feature maps onto SIP (a PBX with no media server of its own, such as
Kamailio, is enough):

- answer: the front hands the ringing INVITE to pjsua2, which answers it;
- hold / retrieve: re-INVITE (sendonly / sendrecv);
- blind transfer: REFER to the caller; a refused or unanswered transfer brings the
  call back to the operator connected;
- announced transfer: a consultation leg, then REFER with Replaces to the caller;
- park: on the console's own line, held, under a slot number 701–709; pick-up is
  from the console (the PBX has no park orbit the room phones could dial);
- camp-on: the caller is held on the console while the BLF lamp of the busy
  extension is watched; when it goes idle the call is transferred, at the
  time-out it rings the console again as a recall;
- conference: the console's bridge joins both legs and the operator;
- DND: kept by the console (the PBX has no DND of its own): the lamp shows DND,
  transfers and camp-on to a DND room are refused before any SIP is sent;
- message-waiting lamps: PUBLISH ``message-summary`` for the room's extension
  (RFC 3842); the PBX's presence server NOTIFYs the telephone;
- lamps: the BLF watcher's dialog states, with DND laid over an idle lamp, and
  "unregistered" for an extension with no telephone registered when the PBX's
  registrations can be read (``registrations_url``, Kamailio ``ul.dump``).

Scheduling uses real (monotonic) time, because the far end does; event times come
from the injected clock.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pjsua2 as pj

from hardware.sip.blf import BlfWatcher
from hardware.sip.console_line import Line, LineCall, OperatorAudio
from hardware.sip.message_lamps import MessageLamps
from hardware.sip.registrations import RegistrationPoll
from hardware.sip.ringing_front import RegistrationState, RingingFront, WaitingCall
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
    LinkName,
    LinkStateChanged,
    LinkStatus,
    PbxEvent,
    PositionSettings,
    new_call_id,
)

log = logging.getLogger(__name__)

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
    """Short all-digit numbers are the hotel's own telephones."""
    return CallKind.ROOM if caller.isdigit() and len(caller) <= 5 else CallKind.OUTSIDE


@dataclass
class _Call:
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
    transfer_to: str = ""
    replaced_by: str = ""  # the consultation leg an announced transfer joins it to
    ending: str = ""  # why the console hung up, for CallEnded


class SipPosition:
    def __init__(
        self,
        settings: PositionSettings,
        clock: Clock,
        *,
        kind_of: Callable[[str], CallKind] = room_or_outside,
        emergency_numbers: Sequence[str] = ("119", "110", "120"),
        registrations_url: str = "",
        registrations_every_s: float = 5.0,
    ) -> None:
        self.settings = settings
        self._clock = clock
        self._kind_of = kind_of
        self._emergency = set(emergency_numbers)
        self._commands: queue.Queue[Callable[[], object]] = queue.Queue()
        self._sink: EventSink = lambda _e: None
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._calls: dict[str, _Call] = {}
        self._parked: dict[str, str] = {}  # slot -> call id; read by pickup() from the GUI thread
        self._lamps: dict[str, LampState] = {}
        self._dnd: set[str] = set()
        self._watched: list[str] = []
        self._front: RingingFront | None = None
        self._line: Line | None = None
        self._blf: BlfWatcher | None = None
        self._mwi: MessageLamps | None = None
        self.ready = threading.Event()  # the thread has its endpoint (tests wait on it)
        self._dead = ""  # why SIP could not start at all: every command is refused with it
        self._later: list[tuple[float, Callable[[], None]]] = []  # (monotonic due, action) in the SIP thread
        self._registered: set[str] | None = None  # extensions with a telephone registered, if known
        self._poll = (
            RegistrationPoll(
                registrations_url,
                lambda found: self._commands.put(lambda: self._registrations(found)),
                registrations_every_s,
            )
            if registrations_url
            else None
        )

    # ------------------------------------------------------------ lifecycle

    def start(self, sink: EventSink) -> None:
        self._sink = sink
        self._thread = threading.Thread(target=self._run, name="sip-position", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None

    def _cannot_start(self, reason: str) -> None:
        self._dead = reason
        self._emit(LinkStateChanged(LinkName.PBX, LinkStatus.DOWN, self._clock.now(), reason))
        self.ready.set()

    def _run(self) -> None:
        s = self.settings
        now = self._clock.now
        if not s.server or not s.extension:
            self._cannot_start("no PBX server or extension in the settings")
            return
        if s.transport.lower() != "udp":
            self._cannot_start(f"transport {s.transport} is not supported; use udp")
            return
        self._emit(LinkStateChanged(LinkName.PBX, LinkStatus.CONNECTING, now(), s.server))
        try:
            front = RingingFront(
                s.server, s.extension, username=s.username, password=s.password, local_port=s.local_port
            )
            line = Line(s.server, s.extension, s.username or s.extension, s.password, front.host, self)
        except (OSError, ValueError, pj.Error) as exc:
            detail = exc.info() if isinstance(exc, pj.Error) else str(exc)
            log.error("SIP position could not start: %s", detail)
            self._cannot_start(f"cannot start SIP: {detail}")
            return
        front.on_offered = self._offered
        front.on_gone = self._abandoned
        front.on_handover_failed = self._handover_failed
        front.on_registration = self._registration
        self._front, self._line = front, line
        self._mwi = MessageLamps(s.server, front.host, user=s.username or s.extension, password=s.password)
        if self._poll is not None:
            self._poll.start()
        self.ready.set()
        try:
            while not self._stopping.is_set():
                self._run_commands()
                front.poll(0.003)
                line.pump(2)
                self._mwi.poll()
                self._check_timers()
        except Exception:
            log.exception("SIP position stopped by an error")
            self._emit(LinkStateChanged(LinkName.PBX, LinkStatus.DOWN, now(), "SIP position failed"))
        finally:
            if self._poll is not None:
                self._poll.stop()
            if self._blf is not None:
                self._blf.stop()
            front.close()
            self._mwi.close()
            self._calls.clear()
            self._front = self._line = None
            line.shutdown()

    def _run_commands(self) -> None:
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return
            try:
                command()
            except pj.Error as exc:
                log.warning("SIP command failed: %s", exc.info())
            except Exception:
                log.exception("SIP command failed")

    def _emit(self, event: PbxEvent) -> None:
        try:
            self._sink(event)
        except Exception:
            log.exception("event sink failed for %r", event)

    @property
    def headset(self) -> OperatorAudio | None:
        """The operator's audio port (frames heard, frames to speak), once SIP has started."""
        line = self._line
        return line.audio if line is not None else None

    # ------------------------------------------------------------ Protocol: commands

    def _put(self, command: Callable[[], object], call_id: str = "", target: str = "") -> None:
        """Queue a command for the SIP thread; refuse it at once if SIP could not start at all."""
        if self._dead:
            self._emit(CallFailed(call_id, target, FailureReason.LINK_DOWN, self._clock.now(), self._dead))
            return
        self._commands.put(command)

    def watch(self, extensions: Sequence[str]) -> None:
        if not self._dead:
            self._commands.put(lambda: self._watch(list(extensions)))

    def answer(self, call_id: str) -> None:
        self._put(lambda: self._answer(call_id), call_id)

    def release(self, call_id: str) -> None:
        self._put(lambda: self._release(call_id), call_id)

    def hold(self, call_id: str) -> None:
        self._put(lambda: self._hold(call_id, CallState.HELD), call_id)

    def retrieve(self, call_id: str) -> None:
        self._put(lambda: self._retrieve(call_id), call_id)

    def blind_transfer(self, call_id: str, target: str) -> None:
        self._put(lambda: self._transfer(call_id, target), call_id, target)

    def consult(self, call_id: str, target: str) -> str:
        consult_id = new_call_id()
        self._put(lambda: self._consult(call_id, consult_id, target), consult_id, target)
        return consult_id

    def complete_transfer(self, call_id: str, consult_id: str) -> None:
        self._put(lambda: self._complete(call_id, consult_id), call_id)

    def park(self, call_id: str) -> None:
        self._put(lambda: self._park(call_id), call_id)

    def pickup(self, slot: str) -> str:
        call_id = self._parked.get(slot, "")
        self._put(lambda: self._pickup(slot), call_id, slot)
        return call_id

    def camp_on(self, call_id: str, target: str, recall_after_s: float) -> None:
        self._put(lambda: self._camp_on(call_id, target, recall_after_s), call_id, target)

    def conference(self, call_id: str, other_call_id: str) -> None:
        self._put(lambda: self._conference(call_id, other_call_id), call_id)

    def dial(self, number: str) -> str:
        call_id = new_call_id()
        self._put(lambda: self._dial(call_id, number), call_id, number)
        return call_id

    def set_dnd(self, extension: str, on: bool) -> None:
        def run() -> None:
            (self._dnd.add if on else self._dnd.discard)(extension)
            self._emit(LampChanged(extension, self._shown(extension), self._clock.now()))

        self._commands.put(run)

    def set_message_lamp(self, extension: str, on: bool) -> None:
        def run() -> None:
            if self._mwi is not None:
                self._mwi.set(extension, on)

        if not self._dead:
            self._commands.put(run)

    # ------------------------------------------------------------ front and line callbacks

    def _registration(self, state: RegistrationState) -> None:
        status = LinkStatus.UP if state.ok else LinkStatus.DOWN
        detail = f"registered as {self.settings.extension}" if state.ok else state.detail
        if not state.ok:
            log.warning("PBX link down: %s", state.detail)
        self._emit(LinkStateChanged(LinkName.PBX, status, self._clock.now(), detail))

    def _offered(self, waiting: WaitingCall) -> None:
        kind = CallKind.EMERGENCY if waiting.called in self._emergency else self._kind_of(waiting.caller)
        call = _Call(
            new_call_id(),
            waiting.caller,
            waiting.caller_name,
            waiting.called,
            kind,
            CallState.OFFERED,
            sip_call_id=waiting.sip_call_id,
        )
        self._calls[call.id] = call
        self._emit(CallOffered(call.id, call.caller, call.caller_name, call.called, kind, self._clock.now()))

    def _by_sip(self, sip_call_id: str) -> _Call | None:
        return next((c for c in self._calls.values() if c.sip_call_id == sip_call_id), None)

    def _abandoned(self, waiting: WaitingCall, reason: str) -> None:
        assert self._front is not None
        self._front.forget(waiting.sip_call_id)
        call = self._by_sip(waiting.sip_call_id)
        if call is not None:
            self._end(call, reason)

    def _handover_failed(self, waiting: WaitingCall, code: int, reason: str) -> None:
        call = self._by_sip(waiting.sip_call_id)
        if call is not None:
            self._emit(CallFailed(call.id, "", FailureReason.OTHER, self._clock.now(), f"{code} {reason}"))

    def incoming(self, line_call: LineCall, sip_call_id: str) -> bool:
        call = self._by_sip(sip_call_id)
        if call is None or call.line is not None:
            return False
        call.line, line_call.key = line_call, call.id
        return True

    def line_state(self, line_call: LineCall, state: int, code: int, reason: str) -> None:
        call = self._calls.get(line_call.key)
        if call is None:
            return
        if state == pj.PJSIP_INV_STATE_CONFIRMED:
            if self._front is not None and call.sip_call_id:
                self._front.forget(call.sip_call_id)
            if call.state is CallState.DIALLING:
                self._state(call, CallState.CONSULTING if call.consult_of else CallState.CONNECTED)
            elif call.state is CallState.OFFERED:
                self._state(call, CallState.CONNECTED)
        elif state == pj.PJSIP_INV_STATE_DISCONNECTED:
            if call.state is CallState.DIALLING:
                why = FAILURES.get(code, FailureReason.OTHER)
                self._emit(CallFailed(call.id, call.peer, why, self._clock.now(), f"{code} {reason}"))
            if call.state is CallState.TRANSFERRED:
                call.ending = call.ending or "transferred"
            self._end(call, call.ending or ("hung up" if code in (200, 0) else f"{code} {reason}".strip()))

    def line_transfer(self, line_call: LineCall, code: int, final: bool) -> None:
        call = self._calls.get(line_call.key)
        if call is None or (not final and code < 300):
            return
        if 200 <= code < 300:
            consult = self._calls.get(call.replaced_by)
            call.ending = f"answered at {call.transfer_to}"
            self._line_hangup(call)
            if consult is not None:
                consult.ending = "transfer completed"
                self._line_hangup(consult)
        elif code >= 300:
            target = call.transfer_to
            call.transfer_to = call.replaced_by = ""
            why = FAILURES.get(code, FailureReason.OTHER)
            self._emit(CallFailed(call.id, target, why, self._clock.now(), f"transfer {code}"))
            self._connect(call)

    # ------------------------------------------------------------ commands in the SIP thread

    def _answer(self, call_id: str) -> None:
        call = self._calls.get(call_id)
        if call is None or call.state is not CallState.OFFERED or self._line is None or self._front is None:
            return
        if call.line is not None:  # a recall: the caller is already on our line
            self._connect(call)
            return
        if self._line.free() <= 0:
            self._emit(
                CallFailed(
                    call.id, "", FailureReason.OTHER, self._clock.now(), "all four console lines in use"
                )
            )
            return
        if not self._front.hand_over(
            call.sip_call_id, (self._line.host, self._line.port), self._line.contact
        ):
            self._end(call, "abandoned")

    def _release(self, call_id: str) -> None:
        call = self._calls.get(call_id)
        if call is None:
            return
        if call.line is None:
            if self._front is not None:
                self._front.refuse(call.sip_call_id, 480, "Temporarily Unavailable")
                self._front.forget(call.sip_call_id)
            self._end(call, "released")
        else:
            call.ending = "released"
            self._line_hangup(call)

    def _line_hangup(self, call: _Call) -> None:
        if call.line is not None and self._line is not None:
            self._line.hangup(call.line)

    def _hold(self, call_id: str, state: CallState, peer: str | None = None) -> _Call | None:
        call = self._calls.get(call_id)
        if call is None or call.line is None or self._line is None:
            return None
        if call.state in (CallState.CONNECTED, CallState.CONSULTING, CallState.CONFERENCE):
            self._media_op(call, hold=True)
        self._state(call, state, peer)
        return call

    def _media_op(self, call: _Call, *, hold: bool, deadline: float = 0.0) -> None:
        """Hold or retrieve; while an earlier re-INVITE of the call is still under way pjsua refuses
        a new one, so it is tried again shortly (for up to 3 s) instead of being lost."""
        if call.line is None or self._line is None or call.id not in self._calls:
            return
        try:
            (self._line.hold if hold else self._line.unhold)(call.line)
        except pj.Error as exc:
            if exc.status != PJ_EINVALIDOP:
                raise
            deadline = deadline or time.monotonic() + 3.0
            if time.monotonic() < deadline:
                self._later.append(
                    (time.monotonic() + 0.05, lambda: self._media_op(call, hold=hold, deadline=deadline))
                )
            else:
                log.warning("re-INVITE for %s still refused after 3 s", call.id)

    def _retrieve(self, call_id: str) -> None:
        call = self._calls.get(call_id)
        if call is not None and call.state in (CallState.HELD, CallState.PARKED, CallState.CAMPED):
            self._connect(call)

    def _connect(self, call: _Call) -> None:
        if call.line is None or self._line is None:
            return
        if call.state in (CallState.HELD, CallState.PARKED, CallState.CAMPED, CallState.OFFERED):
            self._media_op(call, hold=False)
        for slot, parked in list(self._parked.items()):
            if parked == call.id:
                del self._parked[slot]
        call.camp_target = ""
        self._state(call, CallState.CONNECTED, "")

    def _refusal(self, target: str) -> FailureReason | None:
        return FailureReason.DND if target in self._dnd else None

    def _transfer(self, call_id: str, target: str) -> None:
        call = self._calls.get(call_id)
        if call is None or call.line is None or self._line is None:
            return
        reason = self._refusal(target)
        if reason is not None:
            self._emit(CallFailed(call.id, target, reason, self._clock.now(), ""))
            return
        call.transfer_to = target
        self._state(call, CallState.TRANSFERRED, target)
        self._line.xfer(call.line, target)

    def _consult(self, call_id: str, consult_id: str, target: str) -> None:
        if self._line is None:
            return
        call = self._calls.get(call_id)
        if call is not None and call.state is CallState.CONNECTED:
            self._hold(call_id, CallState.HELD)
        leg = _Call(
            consult_id,
            target,
            "",
            target,
            CallKind.INTERNAL,
            CallState.DIALLING,
            peer=target,
            consult_of=call_id,
        )
        self._calls[consult_id] = leg
        self._emit(CallStateChanged(consult_id, CallState.DIALLING, self._clock.now(), target))
        reason = self._refusal(target)
        if reason is None and self._line.free() <= 0:
            reason = FailureReason.OTHER
        if reason is not None:
            self._emit(CallFailed(consult_id, target, reason, self._clock.now(), ""))
            self._end(leg, reason.value)
            return
        leg.line = self._line.dial(target, consult_id)

    def _complete(self, call_id: str, consult_id: str) -> None:
        held, leg = self._calls.get(call_id), self._calls.get(consult_id)
        if (
            held is None
            or leg is None
            or held.line is None
            or leg.line is None
            or self._line is None
            or leg.state is not CallState.CONSULTING
        ):
            self._emit(
                CallFailed(call_id, consult_id, FailureReason.OTHER, self._clock.now(), "no consultation")
            )
            return
        held.transfer_to, held.replaced_by = leg.peer, consult_id
        self._state(held, CallState.TRANSFERRED, leg.peer)
        self._line.xfer_replaces(held.line, leg.line)

    def _park(self, call_id: str) -> None:
        slot = next((s for s in PARK_SLOTS if s not in self._parked), "")
        call = self._calls.get(call_id)
        if call is None or not slot:
            self._emit(CallFailed(call_id, "", FailureReason.OTHER, self._clock.now(), "no free park slot"))
            return
        if self._hold(call_id, CallState.PARKED, slot) is not None:
            self._parked[slot] = call_id

    def _pickup(self, slot: str) -> None:
        call = self._calls.get(self._parked.get(slot, ""))
        if call is None:
            self._emit(CallFailed("", slot, FailureReason.NOT_FOUND, self._clock.now(), "nothing parked"))
            return
        self._connect(call)

    def _camp_on(self, call_id: str, target: str, recall_after_s: float) -> None:
        reason = self._refusal(target)
        if reason is not None:
            self._emit(CallFailed(call_id, target, reason, self._clock.now(), ""))
            return
        call = self._hold(call_id, CallState.CAMPED, target)
        if call is None:
            return
        call.camp_target = target
        call.camp_deadline = time.monotonic() + recall_after_s
        if target not in self._watched:
            self._watch([*self._watched, target], announce=False)

    def _conference(self, call_id: str, other_call_id: str) -> None:
        first, second = self._calls.get(call_id), self._calls.get(other_call_id)
        if first is None or second is None or first.line is None or second.line is None or self._line is None:
            return
        for call in (first, second):
            if call.state in (CallState.HELD, CallState.PARKED):
                self._media_op(call, hold=False)
        # The bridge needs both media active: joined when the un-hold has gone through.
        self._after_media = (first, second)
        for call in (first, second):
            self._state(call, CallState.CONFERENCE)

    def _dial(self, call_id: str, number: str) -> None:
        call = _Call(call_id, number, "", number, CallKind.INTERNAL, CallState.DIALLING, peer=number)
        self._calls[call_id] = call
        self._emit(CallStateChanged(call_id, CallState.DIALLING, self._clock.now(), number))
        if self._line is None or self._line.free() <= 0:
            self._emit(
                CallFailed(
                    call_id, number, FailureReason.OTHER, self._clock.now(), "all four console lines in use"
                )
            )
            self._end(call, "no line")
            return
        call.line = self._line.dial(number, call_id)

    # ------------------------------------------------------------ lamps and timers

    def _watch(self, extensions: list[str], announce: bool = True) -> None:
        s = self.settings
        self._watched = extensions
        if self._blf is None:
            self._blf = BlfWatcher(s.server, self._clock, user=s.username or s.extension, password=s.password)
            self._blf.start(lambda event: self._commands.put(lambda: self._lamp(event)))
        self._blf.watch(extensions)
        if announce:
            now = self._clock.now()
            for ext in extensions:
                self._emit(LampChanged(ext, self._shown(ext), now))

    def _lamp(self, event: LampChanged) -> None:
        before = self._shown(event.extension)
        self._lamps[event.extension] = event.state
        if self._shown(event.extension) is not before:
            self._emit(LampChanged(event.extension, self._shown(event.extension), event.at))
        if event.state is LampState.IDLE:
            for call in list(self._calls.values()):
                if call.state is CallState.CAMPED and call.camp_target == event.extension:
                    call.camp_target = ""
                    self._transfer(call.id, event.extension)
                    break

    def _registrations(self, found: set[str] | None) -> None:
        if found is not None and self.settings.extension not in found and self._front is not None:
            self._front.register_now()  # the PBX forgot the console (a restart): no waiting for the refresh
        if found is None or found == self._registered:
            return  # not asked (PBX unreachable): lamps keep what they show
        before = {ext: self._shown(ext) for ext in self._watched}
        self._registered = found
        now = self._clock.now()
        for ext in self._watched:
            shown = self._shown(ext)
            if shown is not before[ext]:
                self._emit(LampChanged(ext, shown, now))

    def _shown(self, ext: str) -> LampState:
        if self._registered is not None and ext not in self._registered:
            return LampState.UNREGISTERED
        state = self._lamps.get(ext, LampState.UNKNOWN)
        if ext in self._dnd and state in (LampState.IDLE, LampState.UNKNOWN):
            return LampState.DND
        return state

    _after_media: tuple[_Call, _Call] | None = None

    def _check_timers(self) -> None:
        if self._later:
            now = time.monotonic()
            due = [action for at, action in self._later if at <= now]
            self._later = [(at, action) for at, action in self._later if at > now]
            for action in due:
                action()
        if self._after_media is not None and self._line is not None:
            first, second = self._after_media
            if first.line is None or second.line is None or self._line.bridge(first.line, second.line):
                self._after_media = None
        now = time.monotonic()
        for call in list(self._calls.values()):
            if call.state is CallState.CAMPED and call.camp_deadline and now >= call.camp_deadline:
                target, call.camp_deadline = call.camp_target, 0.0
                call.state = CallState.OFFERED
                self._emit(
                    CallOffered(
                        call.id,
                        call.caller,
                        call.caller_name,
                        call.called,
                        call.kind,
                        self._clock.now(),
                        recall_of=target,
                    )
                )

    # ------------------------------------------------------------ state

    def _state(self, call: _Call, state: CallState, peer: str | None = None) -> None:
        call.state = state
        if peer is not None:
            call.peer = peer
        self._emit(CallStateChanged(call.id, state, self._clock.now(), call.peer))

    def _end(self, call: _Call, reason: str) -> None:
        if self._calls.pop(call.id, None) is None:
            return
        call.line = None
        for slot, parked in list(self._parked.items()):
            if parked == call.id:
                del self._parked[slot]
        self._emit(CallEnded(call.id, self._clock.now(), reason))
