"""A queued call dragged onto a lamp, or clicked and then a lamp chosen, is transferred there;
the lamp field is worked from the keyboard. Offscreen Qt over the training PBX."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QHBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hardware.training_pbx import TrafficProfile, TrainingPbx
from switchboard.call_queue import CallQueue
from switchboard.clock import FakeClock
from switchboard.hotel import ExtensionKind
from switchboard.lamp_field import FieldLamp
from switchboard.pbx import CallState, CallStateChanged, PbxEvent
from ui.blf_model import EXTENSION_ROLE, BlfModel
from ui.blf_view import LampField
from ui.queue_panel import CALL_MIME, QueuePanel

AT = datetime(2026, 11, 20, 22, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
QUIET = TrafficProfile(
    operator_calls_per_hour=0, extension_calls_per_hour=0, no_answer_share=0, start_busy_share=0
)
ROOMS = ["301", "302", "303", "304"]


class Desk:
    def __init__(self, qtbot: QtBot) -> None:
        self.clock = FakeClock(AT)
        self.pbx = TrainingPbx(self.clock, ROOMS, profile=QUIET, traffic=False)
        self.events: list[PbxEvent] = []
        self.panel = QueuePanel(CallQueue(self.clock), self.pbx)
        model = BlfModel()
        model.set_lamps([FieldLamp(e, ExtensionKind.ROOM, e) for e in ROOMS])
        self.field = LampField(model)
        self.window = QWidget()
        row = QHBoxLayout(self.window)
        row.addWidget(self.panel)
        row.addWidget(self.field)
        self.field.call_dropped.connect(self.panel.transfer_call)
        self.field.extension_chosen.connect(self.panel.connect_to)
        qtbot.addWidget(self.window)
        self.window.resize(900, 500)
        self.window.show()
        self.pbx.start(self.arrived, threaded=False)

    def arrived(self, event: PbxEvent) -> None:
        self.events.append(event)
        self.panel.on_event(event)
        if hasattr(event, "extension"):
            self.field.model.apply(event)  # type: ignore[arg-type]

    def pump(self, seconds: float = 0.0) -> None:
        self.clock.advance(seconds)
        self.pbx.pump()

    def lamp_centre(self, extension: str) -> QPoint:
        proxy = self.field.proxy
        for row in range(proxy.rowCount()):
            index = proxy.index(row, 0)
            if index.data(EXTENSION_ROLE) == extension:
                return self.field.view.visualRect(index).center()
        raise AssertionError(extension)

    def states(self, call_id: str) -> list[tuple[CallState, str]]:
        return [
            (e.state, e.peer) for e in self.events if isinstance(e, CallStateChanged) and e.call_id == call_id
        ]


def test_a_call_dragged_onto_a_lamp_is_transferred_there(qtbot: QtBot) -> None:
    desk = Desk(qtbot)
    call_id = desk.pbx.offer_call("301")
    desk.pump()
    desk.panel.answer_next()
    desk.pump()
    row = desk.panel.model.index(0, 0)
    mime = desk.panel.model.mimeData([row])
    assert bytes(mime.data(CALL_MIME).data()).decode() == call_id
    drop = QDropEvent(
        desk.lamp_centre("303").toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    desk.field.view.dropEvent(drop)
    desk.pump()
    assert (CallState.TRANSFERRED, "303") in desk.states(call_id)


def test_a_waiting_call_is_not_transferred_unannounced(qtbot: QtBot) -> None:
    desk = Desk(qtbot)
    call_id = desk.pbx.offer_call("301")
    desk.pump()
    told: list[str] = []
    desk.panel.failed.connect(told.append)
    desk.panel.transfer_call(call_id, "303")
    desk.pump()
    assert told and "Answer the call first" in told[0]
    assert desk.states(call_id) == []


def test_a_held_call_clicked_then_a_lamp_chosen_from_the_keyboard_goes_there(qtbot: QtBot) -> None:
    desk = Desk(qtbot)
    first = desk.pbx.offer_call("301")
    second = desk.pbx.offer_call("302")
    desk.pump()
    desk.panel.answer_next()  # answers the first, then the second holds it
    desk.pump()
    desk.panel.answer_next()
    desk.pump()
    held_row = next(
        r
        for r in range(desk.panel.model.rowCount())
        if desk.panel.model.call_at(r).call_id == first  # type: ignore[union-attr]
    )
    desk.panel.view.selectRow(held_row)  # the operator clicks the held call
    view = desk.field.view
    view.setFocus()
    view.setCurrentIndex(desk.field.proxy.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Right)  # 301 -> 302 -> 303 with the arrow keys
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.currentIndex().data(EXTENSION_ROLE) == "303"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    desk.pump()
    assert (CallState.TRANSFERRED, "303") in desk.states(first)
    assert not any(state is CallState.TRANSFERRED for state, _ in desk.states(second))
