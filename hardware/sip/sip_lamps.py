"""What each lamp on the field shows over SIP, in the position's SIP thread.

The BLF watcher reports dialog states (idle, ringing, busy, held). The console lays over them what a
dialog cannot say: DND, which the console keeps because the PBX has none, shows on an idle lamp; and an
extension with no telephone registered shows "unregistered" when the PBX's registrations can be read.
Only changes of what is shown leave as ``LampChanged``. A room's dialog naming an emergency number it
called leaves as ``EmergencyDialled`` (the alarm's second path, ``switchboard.emergency_dialogs``), and
its end, when the room hangs up, as ``EmergencyCallEnded``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from hardware.sip.blf import BlfWatcher
from hardware.sip.sip_guard import SipGuard
from switchboard.clock import Clock
from switchboard.dialoginfo import DialogInfo
from switchboard.emergency import EmergencyCallEnded, EmergencyDialled, EmergencyNumbers
from switchboard.emergency_dialogs import EmergencyDialogs
from switchboard.pbx import EventSink, LampChanged, LampState, PositionSettings

log = logging.getLogger(__name__)


class SipLamps:
    def __init__(
        self,
        settings: PositionSettings,
        clock: Clock,
        emit: EventSink,
        *,
        in_sip_thread: Callable[[Callable[[], object]], None],
        went_idle: Callable[[str], None],
        trouble: Callable[[str], None] = lambda _why: None,
        emergency: Callable[[EmergencyDialled], None] = lambda _e: None,
        emergency_ended: Callable[[EmergencyCallEnded], None] = lambda _e: None,
        numbers: Callable[[], EmergencyNumbers] = EmergencyNumbers,
    ) -> None:
        self._settings = settings
        self._clock = clock
        self._emit = emit
        self._in_sip_thread = in_sip_thread
        self._went_idle = went_idle
        self._trouble = trouble
        self._emergency = emergency
        self._emergency_ended = emergency_ended
        self._numbers = numbers  # read at each document: the composition root sets them after start
        self._emergency_dialogs = EmergencyDialogs()
        self.guard: SipGuard | None = None  # set once the position knows the PBX's addresses
        self._lamps: dict[str, LampState] = {}
        self._dnd: set[str] = set()
        self._registered: set[str] | None = None  # extensions with a telephone registered, if known
        self.watched: list[str] = []
        self._blf: BlfWatcher | None = None

    def watch(self, extensions: list[str], announce: bool = True) -> None:
        s = self._settings
        self.watched = extensions
        if self._blf is None:
            self._blf = BlfWatcher(
                s.server,
                self._clock,
                user=s.username or s.extension,
                password=s.password,
                guard=self.guard,
                died=self._trouble,
                dialogs=lambda ext, info: self._in_sip_thread(lambda: self.dialog_info(ext, info)),
            )
            self._blf.start(lambda event: self._in_sip_thread(lambda: self.lamp(event)))
        self._blf.watch(extensions)
        if announce:
            now = self._clock.now()
            for ext in extensions:
                self._emit(LampChanged(ext, self.shown(ext), now))

    def watch_also(self, extension: str) -> None:
        """Follow one more extension (a camp-on target) without announcing the field again."""
        if extension not in self.watched:
            self.watch([*self.watched, extension], announce=False)

    def pbx_back(self) -> None:
        """The PBX answers again after a silence: a restarted one has forgotten every subscription."""
        if self._blf is not None:
            self._blf.renew()

    def stop(self) -> None:
        if self._blf is not None:
            self._blf.stop()

    def is_dnd(self, extension: str) -> bool:
        return extension in self._dnd

    def set_dnd(self, extension: str, on: bool) -> None:
        (self._dnd.add if on else self._dnd.discard)(extension)
        self._emit(LampChanged(extension, self.shown(extension), self._clock.now()))

    def lamp(self, event: LampChanged) -> None:
        before = self.shown(event.extension)
        self._lamps[event.extension] = event.state
        if self.shown(event.extension) is not before:
            self._emit(LampChanged(event.extension, self.shown(event.extension), event.at))
        if event.state is LampState.IDLE:
            self._went_idle(event.extension)

    def dialog_info(self, extension: str, info: DialogInfo) -> None:
        """A new dialog-info document of a watched extension: an emergency call it placed raises the alarm,
        and its end says so on the alarm."""
        numbers, now = self._numbers(), self._clock.now()
        for told in self._emergency_dialogs.heard(extension, info, numbers, now):
            log.warning("dialog-info: extension %s dialled %s", told.extension, told.number)
            self._emergency(told)
        for over in self._emergency_dialogs.ended(extension, info, numbers, now):
            log.info("dialog-info: extension %s hung up its call to %s", over.extension, over.number)
            self._emergency_ended(over)

    def registrations(self, found: set[str] | None) -> None:
        if found is None or found == self._registered:
            return  # not asked (PBX unreachable): lamps keep what they show
        before = {ext: self.shown(ext) for ext in self.watched}
        self._registered = found
        now = self._clock.now()
        for ext in self.watched:
            shown = self.shown(ext)
            if shown is not before[ext]:
                self._emit(LampChanged(ext, shown, now))

    def shown(self, ext: str) -> LampState:
        if self._registered is not None and ext not in self._registered:
            return LampState.UNREGISTERED
        state = self._lamps.get(ext, LampState.UNKNOWN)
        if ext in self._dnd and state in (LampState.IDLE, LampState.UNKNOWN):
            return LampState.DND
        return state
