"""The attendant column as the console wires it (console/attendant.py), in a real main window, over the
training PBX and a real database with the demo hotel; the clock is a fake one the test moves."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.attendant import Attendant, build_attendant, wire_call_handling
from console.context import Console
from db.callers import SqlCallers
from db.frontoffice import SqlFrontOffice
from db.lamp_field import SqlLampField
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.store import Store
from db.users import UserDirectory
from db.wakeup_book import SqlWakeUpBook
from hardware.training_pbx import TrafficProfile, TrainingPbx
from switchboard.auth import User
from switchboard.clock import FakeClock
from switchboard.directory import DirectoryEntry, EntryKind
from switchboard.hotel import ExtensionKind, Role
from switchboard.pbx import CallStateChanged, LampChanged, PbxEvent
from switchboard.settings import ConsoleSettings
from ui.blf_model import BlfModel
from ui.blf_view import LampField
from ui.bridge import EventBridge
from ui.call_handling import CallHandling
from ui.main_window import MainWindow
from ui.messages_page import MessagesPage
from ui.queue_panel import QueuePanel
from ui.rooms_page import RoomsPage
from ui.wakeup_page import WakeUpPage

AT = datetime(2026, 11, 20, 22, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
QUIET = TrafficProfile(
    operator_calls_per_hour=0, extension_calls_per_hour=0, no_answer_share=0, start_busy_share=0
)


class ConsoleDesk:
    """One operator position: window, attendant column, messages and wake-up pages, training PBX."""

    def __init__(
        self,
        qtbot: QtBot,
        store: Store,
        tmp_path: Path,
        *,
        sections: dict[str, dict[str, str]] | None = None,
        at: datetime = AT,
        language: str = "en",
        profile: TrafficProfile = QUIET,
        position: str = "Console 1",
        seed: bool = True,  # False: a second position on a database already seeded
    ) -> None:
        self.qtbot = qtbot
        self.clock = FakeClock(at)
        if seed:
            seed_demo_hotel(store, self.clock)
        self.store = store
        field = SqlLampField(store).field_lamps()
        self.pbx = TrainingPbx(
            self.clock,
            [lamp.extension for lamp in field],
            occupied_rooms=[lamp.extension for lamp in field if lamp.occupied],
            departments=[lamp.extension for lamp in field if lamp.kind is ExtensionKind.DEPARTMENT],
            profile=profile,
            traffic=False,
        )
        self.events: list[PbxEvent] = []
        self.model = BlfModel()
        self.model.set_lamps(field)
        self.lamp_field = LampField(self.model)
        self.window = MainWindow(
            self.clock,
            lamp_field=self.lamp_field,
            training=True,
            hotel="Grand Harbour Hotel",
            user_name="lin",
            position=position,
        )
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.console = Console(
            app,
            ConsoleSettings(position=position, sections=sections or {}),
            tmp_path / "console.ini",
            tmp_path,
            self.clock,
            store,
            UserDirectory(store, self.clock),
            self.pbx,
            EventBridge(),
            language,
            True,
        )
        self.console.headless = True  # no dialler process started for a test desk (it would outlive the test)
        self.console.user = User(1, "lin", "Lin Fang", Role.OPERATOR)
        self.console.bridge.arrived.connect(self._route)
        self.attendant: Attendant = build_attendant(self.window, self.console)
        self.board = SqlRoomBoard(store, self.clock, self.pbx.set_dnd)
        self.messages = MessagesPage(
            SqlMessageBook(store, self.clock, self.pbx.set_message_lamp),
            self.clock,
            lambda: self.console.actor,
        )
        self.wakeups = WakeUpPage(
            SqlWakeUpBook(store, self.clock), lambda: self.console.actor, self.clock.now
        )
        self.rooms = RoomsPage(
            self.board,
            lambda: self.console.actor,
            desk=SqlFrontOffice(store, self.clock, on_dnd=self.pbx.set_dnd),
            now=self.clock.now,
            waiting_messages=lambda _number: 0,
        )
        self.window.add_page(self.rooms, "Rooms", "Ctrl+2")
        self.window.add_page(self.messages, "Messages", "Ctrl+4")
        self.window.add_page(self.wakeups, "Wake-up calls", "Ctrl+3")
        self.handling: CallHandling = wire_call_handling(
            self.window,
            self.console,
            self.attendant,
            messages=self.messages,
            wakeups=self.wakeups,
            rooms=self.board,
            logbook=SqlLogbook(store, self.clock),
            rooms_page=self.rooms,
        )
        self.callers = SqlCallers(store, self.clock)
        self.pbx.start(self.console.bridge.post, threaded=False)
        self.pbx.watch(self.model.extensions())
        qtbot.addWidget(self.window)
        self.window.resize(1600, 960)
        with qtbot.waitActive(self.window):
            self.window.show()
            self.window.activateWindow()
        self.pump()

    def _route(self, event: PbxEvent) -> None:
        self.events.append(event)
        if isinstance(event, LampChanged):
            self.model.apply(event)

    @property
    def queue(self) -> QueuePanel:
        return self.attendant.queue

    def pump(self, seconds: float = 0.0) -> None:
        """Let the PBX run ``seconds`` of simulated time, half a second at a time, and deliver its events."""
        steps = max(1, int(seconds / 0.5))
        for _ in range(steps):
            if seconds:
                self.clock.advance(seconds / steps)
            self.pbx.pump()
            QCoreApplication.processEvents()
        self.model.flush()
        QCoreApplication.processEvents()

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """A key as the operator presses it, wherever the focus is now."""
        target = QApplication.focusWidget() or self.window
        self.qtbot.keyClick(target, key, modifier)
        self.pump()

    def states(self, call_id: str) -> list[tuple[object, str]]:
        return [
            (e.state, e.peer) for e in self.events if isinstance(e, CallStateChanged) and e.call_id == call_id
        ]

    def guests(self) -> list[DirectoryEntry]:
        """Guests in house whose room may be named (no privacy flag), VIPs first."""
        found = [
            e
            for e in self.callers.directory_entries()
            if e.kind is EntryKind.GUEST and e.number and not e.privacy
        ]
        return sorted(found, key=lambda e: -e.vip_level)

    def answer_call_from(self, number: str) -> str:
        call_id = self.pbx.offer_call(number)
        self.pump()
        self.key(Qt.Key.Key_F5)
        return call_id
