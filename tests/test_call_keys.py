"""Issue 13, points 1 to 4, as the operator meets them on the console wired as in production
(console/attendant.py) over the training PBX and the demo hotel in a real database:

1. no window or box stops the call keys; a double click on a lamp sends the call once;
2. a parked call stays in sight, is picked up with one key and recalls to the console; the park slots
   keep clear of the extension plan;
3. select, then act: a highlighted lamp or entry is only selected; F8 and F10 act on the selection;
4. where a call went: one outcome line per transfer; the caller panel lets a gone caller go; a camped
   caller stays in sight.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.attendant import show_note
from db.store import Store
from hardware.training_pbx import TrafficProfile
from switchboard.pbx import CallState
from tests.attendant_desk import ConsoleDesk
from ui.blf_model import EXTENSION_ROLE
from ui.busy_options import BusyOptions

NOBODY_ANSWERS = TrafficProfile(
    operator_calls_per_hour=0, extension_calls_per_hour=0, no_answer_share=1, start_busy_share=0
)
SECURITY = "8105"  # Huang Lei, the security manager, in the demo hotel


def lamp_index(desk: ConsoleDesk, extension: str) -> QModelIndex:
    proxy = desk.lamp_field.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if index.data(EXTENSION_ROLE) == extension:
            return index
    raise AssertionError(extension)


def double_click_lamp(desk: ConsoleDesk, extension: str) -> None:
    """Press, release, double click, release: the events a mouse sends (QTest's mouseDClick on a
    viewport leaves out the press the view needs to take the double click)."""
    desk.window.show_page(0)  # the lamp field
    view = desk.lamp_field.view
    index = lamp_index(desk, extension)
    view.scrollTo(index)
    at = QPointF(view.visualRect(index).center())
    screen = QPointF(view.viewport().mapToGlobal(at.toPoint()))
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, held in (
        (QEvent.Type.MouseButtonPress, left),
        (QEvent.Type.MouseButtonRelease, none),
        (QEvent.Type.MouseButtonDblClick, left),
        (QEvent.Type.MouseButtonRelease, none),
    ):
        event = QMouseEvent(kind, at, screen, left, held, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), event)
    desk.pump()


# ---------------------------------------------------------------- 1: nothing stops the call keys


def test_f5_answers_while_the_key_sheet_the_duty_manager_note_and_the_callers_options_are_open(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    guest = desk.guests()[0]
    first = desk.answer_call_from(guest.number)
    desk.pbx.set_extension_busy(SECURITY, True)
    desk.queue.select(SECURITY)
    desk.key(Qt.Key.Key_F8)  # busy: the caller's options open beside the queue
    options = desk.handling.options
    assert isinstance(options, BusyOptions) and options.isVisible()
    assert options.window() is desk.window  # part of the window, not a box over it
    desk.window.show_key_sheet()  # F1
    note = show_note(desk.window, "Duty manager", "Mr Zhou, pager 8061")  # Ctrl+J
    assert note.isVisible() and note.window() is desk.window  # a band in the window, not a box
    assert QApplication.activeModalWidget() is None
    sheets = [w for w in QApplication.topLevelWidgets() if w.objectName() == "keySheet" and w.isVisible()]
    assert sheets and not sheets[0].isModal()
    sheets[0].activateWindow()
    second = desk.pbx.offer_call("8020")
    desk.pump()
    desk.qtbot.keyClick(sheets[0], Qt.Key.Key_F5)  # pressed while the keyboard sheet has the focus
    desk.pump()
    assert desk.queue.queue.active() is not None and desk.queue.queue.active().call_id == second  # type: ignore[union-attr]
    held = desk.queue.queue.get(first)
    assert held is not None and held.state is CallState.HELD  # the first caller was held, not dropped
    assert options.isVisible()  # the question stays open beside the queue until answered


def test_a_double_click_on_a_lamp_transfers_once_and_opens_one_set_of_options(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    guest = desk.guests()[0]
    call_id = desk.answer_call_from(guest.number)
    double_click_lamp(desk, SECURITY)
    assert [s for s in desk.states(call_id) if s[0] is CallState.TRANSFERRED] == [
        (CallState.TRANSFERRED, SECURITY)
    ]
    # a busy lamp double-clicked: one refusal, one options panel, and F5 still answers
    other = desk.answer_call_from(desk.guests()[1].number)
    desk.pbx.set_extension_busy("8020", True)
    desk.pump()
    double_click_lamp(desk, "8020")
    assert len(desk.queue.findChildren(BusyOptions)) == 1
    waiting = desk.pbx.offer_call("8000")
    desk.pump()
    desk.key(Qt.Key.Key_F5)
    active = desk.queue.queue.active()
    assert active is not None and active.call_id == waiting
    assert desk.queue.queue.get(other) is not None


# ---------------------------------------------------------------- 2: park


def test_a_parked_call_stays_in_sight_is_picked_up_with_one_key_and_recalls(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(
        qtbot,
        sqlite_store,
        tmp_path,
        sections={"pbx": {"park_slots": "701-703, 7901-7902"}, "attendant": {"park_recall_s": "45"}},
    )
    # 701-703 are rooms of the demo hotel: the console said so and parks only in 7901-7902
    assert "701, 702, 703" in desk.window.statusBar().currentMessage()
    guest = desk.guests()[0]
    call_id = desk.answer_call_from(guest.number)
    desk.key(Qt.Key.Key_F9)
    park = desk.attendant.park
    assert park.model.rowCount() == 1
    caller, where, _time = (
        park.model.data(park.model.index(0, 0)),
        park.model.data(park.model.index(0, 1)),
        "",
    )
    assert caller.startswith(guest.number) and guest.name in caller  # who, by name
    assert where == "parked at 7901"
    assert desk.queue.queue.active() is None
    desk.pump(20)
    park.refresh()  # what its one-second tick does
    assert park.model.data(park.model.index(0, 2)) == "0:20"  # its timer
    desk.key(Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)  # one key: back on the headset
    active = desk.queue.queue.active()
    assert active is not None and active.call_id == call_id and park.model.rowCount() == 0
    assert desk.attendant.caller.info is not None and desk.attendant.caller.info.number == guest.number

    # parked again and forgotten: after the recall time it rings the console, marked as a recall
    desk.key(Qt.Key.Key_F9)
    desk.pump(44)
    assert desk.queue.queue.next_to_answer() is None
    desk.pump(2)
    recall = desk.queue.queue.next_to_answer()
    assert recall is not None and recall.call_id == call_id and recall.recall_of == "7901"
    assert park.model.rowCount() == 0
    desk.key(Qt.Key.Key_F5)
    active = desk.queue.queue.active()
    assert active is not None and active.call_id == call_id


def test_a_second_parked_call_takes_the_next_slot_and_shift_f9_takes_the_highlighted_one(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    one, two = desk.guests()[:2]
    first = desk.answer_call_from(one.number)
    desk.key(Qt.Key.Key_F9)
    second = desk.answer_call_from(two.number)
    desk.key(Qt.Key.Key_F9)
    park = desk.attendant.park
    assert [park.model.data(park.model.index(r, 1)) for r in range(2)] == ["parked at 7901", "parked at 7902"]
    park.view.selectRow(1)
    desk.key(Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    active = desk.queue.queue.active()
    assert active is not None and active.call_id == second
    assert desk.queue.queue.get(first) is not None and desk.queue.queue.get(first).state is CallState.PARKED  # type: ignore[union-attr]


# ---------------------------------------------------------------- 3: select, then act


def test_highlighting_only_selects_f8_sends_f10_consults_the_selection_and_enter_dials_with_no_call(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    guest = desk.guests()[0]
    call_id = desk.answer_call_from(guest.number)
    directory = desk.attendant.directory
    desk.key(Qt.Key.Key_F3)
    qtbot.keyClicks(directory.search, "huang lei")
    desk.pump()
    assert desk.queue.transfer_target == SECURITY  # highlighted: selected
    assert "8105" in desk.queue.selection.text() and "Huang Lei" in desk.queue.selection.text()
    desk.key(Qt.Key.Key_Return)  # a call is up: Enter only selects
    assert not any(state is CallState.TRANSFERRED for state, _ in desk.states(call_id))
    desk.key(Qt.Key.Key_F8)
    assert (CallState.TRANSFERRED, SECURITY) in desk.states(call_id)
    assert desk.queue.transfer_target == ""  # that selection was for the call that went
    assert directory.current_entry() is None  # and nothing stays highlighted as if it still were

    # the next caller: another entry highlighted; F10 consults it, not the last call's target
    second = desk.answer_call_from(desk.guests()[1].number)
    desk.key(Qt.Key.Key_F3)
    qtbot.keyClicks(directory.search, "housekeeping")
    desk.pump()
    target = desk.queue.transfer_target
    assert target and target != SECURITY
    desk.key(Qt.Key.Key_F10)
    assert desk.queue.consulting is not None and desk.queue.consulting[0] == second
    leg = desk.queue.consulting[1]
    assert (CallState.DIALLING, target) in desk.states(leg)

    # a lamp highlighted with the arrow keys selects it; nothing is sent until a key says so
    desk.window.show_page(0)
    view = desk.lamp_field.view
    view.setFocus()
    view.setCurrentIndex(lamp_index(desk, "8020"))
    assert desk.queue.transfer_target == "8020"


def test_enter_on_a_directory_entry_with_no_call_rings_it_from_the_console(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    desk.key(Qt.Key.Key_F3)
    qtbot.keyClicks(desk.attendant.directory.search, "huang lei")
    desk.pump()
    desk.key(Qt.Key.Key_Return)
    dialled = desk.queue.queue.active()
    assert dialled is not None and dialled.state is CallState.DIALLING and dialled.peer == SECURITY
    # F8 with no caller on the line sends nothing and dials nothing
    desk.pump(15)
    desk.key(Qt.Key.Key_F6)
    before = len(desk.events)
    desk.key(Qt.Key.Key_F8)
    assert "No call to transfer" in desk.window.statusBar().currentMessage()
    assert not [e for e in desk.events[before:] if getattr(e, "state", None) is CallState.DIALLING]


def test_enter_in_the_directory_beside_the_wake_up_page_still_rings_the_entry(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    """The wake-up page's Enter belongs to its time field alone: made window-wide, it took Enter from the
    directory search (and the message text) while the page was in sight, and booked nothing."""
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    desk.key(Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert desk.wakeups.isVisible()
    desk.key(Qt.Key.Key_F3)
    qtbot.keyClicks(desk.attendant.directory.search, "huang lei")
    desk.pump()
    desk.key(Qt.Key.Key_Return)
    dialled = desk.queue.queue.active()
    assert dialled is not None and dialled.state is CallState.DIALLING and dialled.peer == SECURITY
    assert desk.wakeups.message.text() == "" and desk.wakeups.model.rowCount() == 0


def test_the_busy_options_offer_the_callers_number_for_a_call_back(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    outside = "+86 21 5555 0199"
    desk.pbx.offer_call(outside)
    desk.pump()
    desk.key(Qt.Key.Key_F5)
    desk.pbx.set_extension_busy(SECURITY, True)
    desk.pump()
    desk.queue.select(SECURITY)
    desk.key(Qt.Key.Key_F8)
    options = desk.handling.options
    assert options is not None and options.number.text() == outside
    # an announced transfer to a busy extension: the options are the held caller's too
    options.buttons["close"].click() if "close" in options.buttons else options.answered.emit()
    desk.key(Qt.Key.Key_F10)
    options = desk.handling.options
    assert options is not None and options.number.text() == outside
    assert "busy" in options.headline.text()


# ---------------------------------------------------------------- 4: where the call went


def test_each_transfer_ends_in_one_outcome_line_and_the_caller_panel_lets_the_caller_go(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    history = desk.attendant.history
    guest = desk.guests()[0]
    desk.answer_call_from(guest.number)
    caller = desk.attendant.caller
    assert guest.name in caller.title.text()
    desk.queue.select(SECURITY)
    desk.key(Qt.Key.Key_F8)
    desk.pump(12)  # the security manager answers within the training PBX's 9 s
    lines = history.texts()
    assert len(lines) == 1
    assert f"{guest.number} {guest.name}" in lines[0] and "→ 8105 Huang Lei" in lines[0]
    assert lines[0].startswith("22:00") and lines[0].endswith("answered")
    assert caller.title.text() == "No call" and guest.name not in caller.details.text()

    # busy, then camped on: the line says so and the caller stays in sight in the park area
    second = desk.guests()[1]
    call_id = desk.answer_call_from(second.number)
    desk.pbx.set_extension_busy("8020", True)
    desk.pump()
    desk.queue.select("8020")
    desk.key(Qt.Key.Key_F8)
    assert history.texts()[0].endswith("busy: not sent")
    options = desk.handling.options
    assert options is not None
    options.buttons["wait"].click()
    desk.pump()
    assert history.texts()[0].endswith("waiting (camped on)") and len(history.texts()) == 2
    park = desk.attendant.park
    assert park.model.rowCount() == 1
    assert park.model.data(park.model.index(0, 1)) == "waiting for 8020"
    # the extension frees up: the camped caller rings through; the same line says where it stands
    desk.pbx.set_extension_busy("8020", False)
    desk.pump(12)
    assert park.model.rowCount() == 0
    assert history.texts()[0].endswith("answered") and "→ 8020" in history.texts()[0]
    assert (CallState.TRANSFERRED, "8020") in desk.states(call_id)


def test_an_announced_transfer_to_a_busy_extension_gives_the_held_callers_options_and_a_line(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    guest = desk.guests()[0]
    call_id = desk.answer_call_from(guest.number)
    desk.pbx.set_extension_busy("8020", True)
    desk.pump()
    desk.queue.select("8020")
    desk.key(Qt.Key.Key_F10)
    options = desk.handling.options
    assert options is not None and options.number.text() == guest.number
    held = desk.queue.queue.get(call_id)
    assert held is not None and held.state is CallState.HELD
    lines = desk.attendant.history.texts()
    assert len(lines) == 1 and lines[0].endswith("→ 8020 Housekeeping: busy: not sent")


def test_an_unanswered_transfer_comes_back_and_its_line_says_so(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path, profile=NOBODY_ANSWERS)
    guest = desk.guests()[0]
    call_id = desk.answer_call_from(guest.number)
    desk.queue.select("8020")
    desk.key(Qt.Key.Key_F8)
    history = desk.attendant.history
    assert history.texts()[0].endswith("ringing there")
    desk.pump(26)  # the training PBX recalls after 25 s
    recall = desk.queue.queue.next_to_answer()
    assert recall is not None and recall.call_id == call_id and recall.recall_of == "8020"
    assert history.texts() == [history.texts()[0]]  # still one line for the one transfer
    assert history.texts()[0].endswith("not answered: back at the console")
