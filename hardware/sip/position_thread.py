"""The thread of the SIP position: ``sip-position`` opens the ringing front, the pjsua2 line, the
lamps and the message-waiting lamps, pumps them in turn, runs the commands queued for it and closes
them on stop; what happens leaves through ``_emit`` as the frozen ``switchboard.pbx`` events.

``SipPosition`` (``position.py``) is this thread with the ``PbxPosition`` commands on it. A step that
fails is logged and counted, never the end of the thread; the watchdog restarts a thread that dies.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence
from typing import cast

import pjsua2 as pj

from hardware.sip.call_desk import CallDesk
from hardware.sip.console_line import Line, OperatorAudio
from hardware.sip.desk_call import room_or_outside
from hardware.sip.front_registration import RegistrationState
from hardware.sip.line_gate import GateError
from hardware.sip.line_parser import LineParser
from hardware.sip.message_lamps import MessageLamps
from hardware.sip.park_share import ParkShare
from hardware.sip.registrations import RegistrationPoll
from hardware.sip.ringing_front import RingingFront
from hardware.sip.sdp_offer import line_codecs
from hardware.sip.sip_guard import SipGuard
from hardware.sip.sip_lamps import SipLamps
from hardware.sip.sip_message import SipMessage
from hardware.sip.supervised import Supervised
from switchboard.clock import Clock
from switchboard.emergency import MESSAGE_TYPE, EmergencyNumbers, from_pbx_message
from switchboard.pbx import (
    CallFailed,
    CallKind,
    EventSink,
    FailureReason,
    LinkName,
    LinkStateChanged,
    LinkStatus,
    PbxEvent,
    PositionSettings,
)
from switchboard.positions import ParkBook

log = logging.getLogger(__name__)


class PositionThread:
    """The state every command works on, and the one thread that owns it."""

    def __init__(
        self,
        settings: PositionSettings,
        clock: Clock,
        *,
        kind_of: Callable[[str], CallKind] = room_or_outside,
        emergency_numbers: Sequence[str] = ("119", "110", "120"),
        registrations_url: str = "",
        registrations_every_s: float = 5.0,
        claim: Callable[[str], bool] | None = None,
        unclaim: Callable[[str], None] | None = None,
        parks: ParkBook | None = None,
    ) -> None:
        self.settings = settings
        self._clock = clock
        self._commands: queue.Queue[Callable[[], object]] = queue.Queue()
        self._sink: EventSink = lambda _e: None
        self._report: Callable[[object], None] = lambda _e: None
        self._stopping = threading.Event()
        self._supervisor: Supervised | None = None
        self._status = LinkStatus.CONNECTING
        self._failures = 0
        self.guard: SipGuard | None = None
        self._lamps = SipLamps(
            settings,
            clock,
            self._emit,
            in_sip_thread=self._commands.put,
            went_idle=self._went_idle,
            trouble=lambda why: self._tell(f"busy lamps restarted after an error ({why})"),
            emergency=lambda told: self._report(told),  # the lamp field's path; the MESSAGE is the other
            emergency_ended=lambda over: self._report(over),
            numbers=lambda: self.emergency_numbers,
        )
        self._desk = CallDesk(
            clock,
            self._emit,
            kind_of=kind_of,
            emergency_numbers=set(emergency_numbers),
            is_dnd=self._lamps.is_dnd,
            watch_also=self._lamps.watch_also,
        )
        if claim is not None:  # several positions on one operator number (db/call_claims.py)
            self._desk.claim = claim
        if unclaim is not None:
            self._desk.unclaim = unclaim
        self._share: ParkShare | None = None
        self._parks = parks  # shared from the SIP thread's start (share_parks later also works)
        self._front: RingingFront | None = None
        self._line: Line | None = None
        self._mwi: MessageLamps | None = None
        self.ready = threading.Event()  # the thread has its endpoint (tests wait on it)
        self.emergency_numbers = EmergencyNumbers()  # [emergency] numbers, set by the composition root
        self._dead = ""  # why SIP could not start at all: every command is refused with it
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
        self._report = cast(Callable[[object], None], sink)  # the bridge takes the link monitor's events too
        self._supervisor = Supervised("sip-position", self._body, died=self._died)
        self._supervisor.start()

    def _pbx_message(self, message: SipMessage) -> None:
        """A MESSAGE the PBX sends as it routes an emergency call (the lab's Kamailio: route[EMERGENCY])."""
        if message.get("content-type").split(";")[0].strip().lower() != MESSAGE_TYPE:
            return
        told = from_pbx_message(message.body, self._clock.now(), self.emergency_numbers)
        if told is None:
            log.warning("a MESSAGE from the PBX that is not an emergency call was ignored")
            return
        self._report(told)

    def stop(self) -> None:
        self._stopping.set()
        if self._supervisor is not None:
            self._supervisor.stop(10)
            self._supervisor = None

    def _cannot_start(self, reason: str) -> None:
        self._dead = reason
        self._emit(LinkStateChanged(LinkName.PBX, LinkStatus.DOWN, self._clock.now(), reason))
        self.ready.set()

    def _open(self) -> bool:
        """Socket, endpoint and lamps; False if SIP cannot start (every command is then refused with why)."""
        s = self.settings
        if not s.server or not s.extension:
            self._cannot_start("no PBX server or extension in the settings")
            return False
        if s.transport.lower() != "udp":
            self._cannot_start(f"transport {s.transport} is not supported; use udp")
            return False
        self._emit(LinkStateChanged(LinkName.PBX, LinkStatus.CONNECTING, self._clock.now(), s.server))
        self.guard = SipGuard(s.server, s.trusted, self._clock, self._report)
        try:
            front = RingingFront(
                s.server,
                s.extension,
                username=s.username,
                password=s.password,
                local_port=s.local_port,
                guard=self.guard,
                max_ringing=s.max_ringing,
            )
            line = Line(s.server, s.extension, s.username or s.extension, s.password, front.host, self._desk)
            try:
                line.admit_only(self.guard, (front.host, front.port))
            except GateError:
                line.shutdown()  # never a line that answers anyone
                raise
        except (OSError, ValueError, GateError, pj.Error) as exc:
            detail = exc.info() if isinstance(exc, pj.Error) else str(exc)
            log.error("SIP position could not start: %s", detail)
            self._cannot_start(f"cannot start SIP: {detail}")
            return False
        self.guard.also((line.host, line.port))
        front.codecs = line_codecs(line.codec_ids())
        front.line_reads = LineParser().problem  # an INVITE its pjsip would drop is never offered
        self._lamps.guard = self.guard
        self._desk.attach(front, line)
        front.registration.on_change = self._registration
        front.on_message = self._pbx_message
        front.on_pbx_back = self._lamps.pbx_back
        self._front, self._line = front, line
        self._mwi = MessageLamps(
            s.server, front.host, user=s.username or s.extension, password=s.password, guard=self.guard
        )
        if self._poll is not None:
            self._poll.start()
        if self._parks is not None:
            self._start_share(self._parks)
        self.ready.set()
        return True

    def _body(self) -> None:
        """The ``sip-position`` thread: opens SIP the first time, resumes after a restart, closes on stop."""
        if self._front is None:
            if self._stopping.is_set() or not self._open():
                return
        elif self._line is not None and not self._line.endpoint.libIsThreadRegistered():
            self._line.endpoint.libRegisterThread(threading.current_thread().name)
        front, line, mwi = self._front, self._line, self._mwi
        assert front is not None and line is not None and mwi is not None
        steps: tuple[Callable[[], object], ...] = (
            self._run_commands,
            lambda: front.poll(0.003),
            lambda: line.pump(2),
            front.check_handovers,  # after the pump: the line has had its chance to answer
            mwi.poll,
            self._desk.check_timers,
            self._desk.check_overflow,
            self._poll_share,
        )
        while not self._stopping.is_set():
            for step in steps:
                try:
                    step()
                except Exception as exc:  # one bad step, never the whole position
                    self._failures += 1
                    if self._failures in (1, 10, 100) or self._failures % 1000 == 0:
                        detail = exc.info() if isinstance(exc, pj.Error) else repr(exc)
                        log.exception("SIP position: step failed (%d so far): %s", self._failures, detail)
        self._close()

    def _close(self) -> None:
        front, line, mwi = self._front, self._line, self._mwi
        if self._poll is not None:
            self._poll.stop()
        self._lamps.stop()
        if self._share is not None:
            self._share.sign_out(front, line, self.settings.extension)
        if front is not None:
            front.close()
        if mwi is not None:
            mwi.close()
        self._desk.detach()
        self._front = self._line = None
        if line is not None:
            line.shutdown()

    def _died(self, why: str) -> None:
        """From the watchdog: the thread is gone and about to be started again; the operator is told once."""
        self._tell(f"SIP position restarted after an error ({why}); calls kept")

    def _tell(self, detail: str) -> None:
        """One line in the PBX link's state, the link's status unchanged; counted as a restart."""
        if self.guard is not None:
            self.guard.restarted()
        self._emit(LinkStateChanged(LinkName.PBX, self._status, self._clock.now(), detail))

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
        if isinstance(event, LinkStateChanged) and event.link is LinkName.PBX:
            self._status = event.status
        try:
            self._sink(event)
        except Exception:
            log.exception("event sink failed for %r", event)

    @property
    def headset(self) -> OperatorAudio | None:
        """The operator's audio port (frames heard, frames to speak), once SIP has started."""
        line = self._line
        return line.audio if line is not None else None

    # ------------------------------------------------------------ in the SIP thread

    def _start_share(self, book: ParkBook) -> None:
        if self._share is not None:
            return

        def refused(why: str) -> None:
            self._emit(CallFailed("", "", FailureReason.NOT_FOUND, self._clock.now(), why))

        self._share = ParkShare(book, self._desk, self._clock, self._commands.put, refused)

    def _poll_share(self) -> None:
        if self._share is not None:
            self._share.poll()

    def _registration(self, state: RegistrationState) -> None:
        status = LinkStatus.UP if state.ok else LinkStatus.DOWN
        detail = f"registered as {self.settings.extension}" if state.ok else state.detail
        if not state.ok:
            log.warning("PBX link down: %s", state.detail)
        self._emit(LinkStateChanged(LinkName.PBX, status, self._clock.now(), detail))

    def _registrations(self, found: set[str] | None) -> None:
        if found is not None and self.settings.extension not in found and self._front is not None:
            # The PBX forgot the console (a restart): no waiting for the refresh.
            self._front.registration.register_now()
        self._lamps.registrations(found)

    def _went_idle(self, extension: str) -> None:
        self._desk.lamp_idle(extension)
