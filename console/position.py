"""The PBX position: the training PBX or the SIP attendant position, and the operator's headset."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from console.context import Console, seconds, yes
from db.call_claims import SqlCallClaims
from db.lamp_field import SqlLampField
from db.position_states import SqlPositionStates
from db.shared_parks import SqlSharedParks
from db.training_calls import SqlTrainingCalls
from hardware.training_pbx import TrainingPbx
from switchboard import settings as console_settings
from switchboard.clock import Clock
from switchboard.emergency import EmergencyNumbers
from switchboard.errors import ConsoleError
from switchboard.hotel import ExtensionKind
from switchboard.pbx import CallKind, CallOffered, NightService, PbxPosition, PositionSettings
from switchboard.positions import Breakable, Overflowing, PositionState, SharesParks, overflow_destination
from switchboard.settings import ConsoleSettings
from switchboard.shared_calls import SharesCalls
from switchboard.sip_field import on_field, parse_field
from ui.main_window import MainWindow
from ui.park_panel import ParkPanel
from ui.position_states import BREAK_KEY, PositionStates, break_key_text
from ui.queue_panel import QueuePanel

if TYPE_CHECKING:  # pjsua2 and PortAudio load only in SIP mode
    from hardware.sip.position import SipPosition

log = logging.getLogger("switchboard")
OVERFLOW_S = 45.0  # a call waiting longer at the positions goes to [attendant] overflow_to


def build_pbx(console_clock: Clock, lamps: SqlLampField) -> TrainingPbx:
    field_lamps = lamps.field_lamps()
    return TrainingPbx(
        console_clock,
        [lamp.extension for lamp in field_lamps],
        occupied_rooms=[lamp.extension for lamp in field_lamps if lamp.occupied],
        departments=[lamp.extension for lamp in field_lamps if lamp.kind is ExtensionKind.DEPARTMENT],
    )


def lamp_field_extensions(settings: ConsoleSettings, extensions: list[str]) -> list[str]:
    """The extensions to subscribe: ``[pbx] field`` (ranges) if set; one that cannot be read means all."""
    try:
        return on_field(extensions, parse_field(settings.section("pbx").get("field", "")))
    except ConsoleError as exc:
        log.error("[pbx] field ignored: %s", exc)
        return extensions


def _positive(text: str, default: int) -> int:
    text = text.strip()
    if text.isascii() and text.isdigit() and 0 < int(text) <= 10_000:
        return int(text)
    if text:
        log.warning("[pbx] max_ringing = %r is not a number of calls; using %d", text, default)
    return default


def sip_position(
    settings: console_settings.ConsoleSettings,
    clock: Clock,
    lamps: SqlLampField,
    claims: SqlCallClaims | None = None,
) -> SipPosition:
    """The attendant position on the real PBX from ``[pbx]``: server (host:port), extension,
    username (if not the extension), password, transport, local_port, registrations_url (the PBX's
    JSON-RPC, for "unregistered" lamps). It also subscribes the lamps."""
    from hardware.sip.position import SipPosition

    sip = settings.section("pbx")
    port = sip.get("local_port", "0").strip()
    kinds = {lamp.extension: lamp.kind for lamp in lamps.field_lamps()}

    def kind_of(caller: str) -> CallKind:
        """A guest room, a department or staff (internal), else an outside caller."""
        kind = kinds.get(caller)
        if kind is ExtensionKind.ROOM:
            return CallKind.ROOM
        return CallKind.OUTSIDE if kind is None else CallKind.INTERNAL

    position = SipPosition(
        PositionSettings(
            server=sip.get("server", "").strip(),
            extension=sip.get("extension", "").strip(),
            username=sip.get("username", "").strip(),
            password=sip.get("password", ""),
            transport=sip.get("transport", "udp").strip() or "udp",
            local_port=int(port) if port.isascii() and port.isdigit() else 0,
            # besides the PBX's own addresses, who may send requests (a cluster's other nodes)
            trusted=tuple(t.strip() for t in sip.get("trusted", "").split(",") if t.strip()),
            max_ringing=_positive(sip.get("max_ringing", ""), 100),
        ),
        clock,
        kind_of=kind_of,
        registrations_url=sip.get("registrations_url", "").strip(),
        claim=claims.claim if claims is not None else None,
        unclaim=claims.release if claims is not None else None,
    )
    position.emergency_numbers = EmergencyNumbers.from_settings(settings.section("emergency"))
    return position


def start_headset(console: Console, window: MainWindow, position: PbxPosition) -> None:
    """The operator's headset on the SIP position's audio once SIP has started, from ``[audio]``
    (output, input: PortAudio device names or numbers; headset = no for none). A headset that cannot
    be opened is said in the status bar; calls still work, the audio goes nowhere."""
    if console.training:
        return  # the training PBX has no audio
    from hardware.sip.headset import Headset, HeadsetError
    from hardware.sip.position import SipPosition

    audio = console.settings.section("audio")
    if not isinstance(position, SipPosition) or not yes(audio.get("headset", "yes")):
        return

    def attach(tries: int = 0) -> None:
        port = position.headset
        if port is None:
            if tries < 120:  # SIP starts on its own thread; give it a minute
                QTimer.singleShot(500, lambda: attach(tries + 1))
            return
        headset = Headset(
            port.tap(),
            output=audio.get("output", "default").strip(),
            input=audio.get("input", "default").strip(),
        )
        try:
            headset.start()
        except HeadsetError as exc:
            log.warning("no headset: %s", exc)
            window.statusBar().showMessage(
                QCoreApplication.translate("Console", "No headset: %1").replace("%1", str(exc)), 30_000
            )
            return
        console.on_quit.append(headset.stop)

    attach()


def start_positions(console: Console, window: MainWindow) -> PositionStates:
    """This position among the others: signed in at start and signed out at quit in the shared
    ``position_states`` table; Ctrl+B (Console menu, keyboard sheet) puts it on break, and the PBX stops
    ringing it (``set_break``); who else is on break is read every second into the status bar, and the
    other positions' parked and camped calls into the park area, where Shift+F9 picks one up here. The
    overflow of calls waiting too long (``[attendant] overflow_s``, ``overflow_to``) is given to the PBX."""
    states = SqlPositionStates(console.store, console.clock, console.settings.position)
    board = PositionStates(console.settings.position)
    window.statusBar().addPermanentWidget(board)

    def record(state: PositionState) -> None:
        try:
            states.set(state, console.user.username if console.user is not None else "")
        except ConsoleError as exc:  # the database away: the break still holds at the PBX
            log.warning("position state not recorded: %s", exc)

    def went_on_break(on: bool) -> None:
        if isinstance(console.pbx, Breakable):
            console.pbx.set_break(on)
        record(PositionState.ON_BREAK if on else PositionState.SIGNED_IN)

    if isinstance(console.pbx, SharesCalls):  # training positions on one database: one operator number
        console.pbx.share_calls(SqlTrainingCalls(console.store, console.clock, console.settings.position))
    parks = SqlSharedParks(console.store, console.clock, console.settings.position)
    park_panel = console.panels.get("park")
    if isinstance(console.pbx, SharesParks):
        console.pbx.share_parks(parks)
        sharing = console.pbx
        queue = console.panels.get("queue")

        def pick_shared(call_key: str) -> None:
            if not still_parked(call_key):  # a stale row: said, and the park area read again
                text = QCoreApplication.translate(
                    "Console", "That call is no longer parked: picked up at another position or handed back"
                )
                window.statusBar().showMessage(text, 15_000)
                refresh()
                return
            active = queue.queue.active() if isinstance(queue, QueuePanel) else None
            if active is not None:
                sharing.hold(active.call_id)  # never two callers on the headset
            sharing.pickup_shared(call_key)

        if isinstance(park_panel, ParkPanel):
            park_panel.pick_shared = pick_shared

    def still_parked(call_key: str) -> bool:
        try:
            return any(p.call_key == call_key and not p.picked_by for p in parks.all())
        except ConsoleError:  # the database away: the PBX tries, and says why not
            return True

    def heard(event: object) -> None:
        if isinstance(event, NightService):  # the caller reached no position: every position is told
            text = QCoreApplication.translate(
                "Console", "Call from %1 went to night service: no position was signed in"
            )
            window.statusBar().showMessage(text.replace("%1", event.caller[:40]), 60_000)
        elif isinstance(event, CallOffered) and event.recall_of:
            refresh()  # a call handed back rings here: its park row, removed first, leaves at once

    console.bridge.arrived.connect(heard)

    def refresh() -> None:
        try:
            board.show_states(states.all())
            if isinstance(park_panel, ParkPanel):
                park_panel.set_shared(parks.all(), console.settings.position)
        except ConsoleError as exc:
            log.debug("position states not read: %s", exc)

    board.break_changed.connect(went_on_break)
    window.add_console_action(break_key_text(), BREAK_KEY, board.toggle_break)
    record(PositionState.SIGNED_IN)
    console.on_quit.append(lambda: record(PositionState.SIGNED_OUT))
    timer = QTimer(window)
    timer.timeout.connect(refresh)
    timer.start(1000)
    console.on_quit.append(timer.stop)
    refresh()
    attendant = console.settings.section("attendant")
    overflow_to = overflow_destination(attendant.get("overflow_to", ""))
    if attendant.get("overflow_to", "").strip() and not overflow_to:
        log.error("[attendant] overflow_to is neither an extension nor a sip: URI; no overflow")
    if overflow_to and isinstance(console.pbx, Overflowing):
        console.pbx.set_overflow(overflow_to, seconds(attendant.get("overflow_s"), OVERFLOW_S))
    return board
