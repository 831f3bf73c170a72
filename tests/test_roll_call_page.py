"""The roll-call board page on SQLite and PostgreSQL: who may start and stop a roll-call (a duty
manager typing their password again), the board's order and counts as the book has them, the CSV and
the PDF for the fire brigade (read back with pdftotext) listing every room with its answer and no
privacy guest's name, the call keys working while the start panel is open, and in training mode the
console ringing the roll-call it started."""

from __future__ import annotations

import csv
import io
import subprocess
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.context import Console
from console.roll_call import build_roll_call_page
from db.roll_call_board import SqlRollCallBoard
from db.roll_calls import SqlRollCalls
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.store import Store, sqlite_url
from db.users import UserDirectory
from hardware.training_pbx import TrainingPbx
from switchboard.auth import User
from switchboard.clock import FakeClock
from switchboard.hotel import Actor, Role
from switchboard.roll_call import RollCallRoom, RoomAnswer, Scope, board
from switchboard.settings import ConsoleSettings
from switchboard.wakeup_plan import CallResult
from tests.reader import READER
from ui.blf_model import BlfModel
from ui.blf_view import LampField
from ui.bridge import EventBridge
from ui.main_window import MainWindow
from ui.print_job import print_html
from ui.roll_call_page import RollCallPage
from ui.roll_call_print import answer_words
from ui.rows_model import RowsModel

MANAGER = Actor(user="manager", position="Console 1", role=Role.DUTY_MANAGER)
PRIVATE_NAMES = ["黄晓明", "Al-Rashid", "Omar"]  # the demo hotel's privacy guests (switchboard/demo_hotel.py)


class CountingBook(SqlRollCalls):
    """The real book, counting how often the page reads the rooms."""

    reads = 0

    def rooms(self, roll_call_id: int) -> Sequence[RollCallRoom]:
        self.reads += 1
        return super().rooms(roll_call_id)


def _page(qtbot: QtBot, store: Store, clock: FakeClock, book: SqlRollCalls) -> RollCallPage:
    floors = sorted({r.floor for r in SqlRoomBoard(store, clock).rooms(READER)})
    page = RollCallPage(
        book,
        SqlRollCallBoard(store).stamp,
        UserDirectory(store, clock),
        lambda: "operator",
        "Console 1",
        clock.now,
        "Harbour Hotel",
        floors,
    )
    qtbot.addWidget(page)
    return page


@pytest.fixture
def book(store: Store, clock: FakeClock) -> CountingBook:
    seed_demo_hotel(store, clock)
    return CountingBook(store, clock)


def _confirm(page: RollCallPage, user: str, password: str, clock: FakeClock) -> str:
    page.user.setText(user)
    page.password.setText(password)
    page.confirm()
    clock.advance(timedelta(minutes=5))  # past any wait a failed sign-in set
    return page.panel_message.text()


def test_an_operator_cannot_start_it_a_duty_manager_with_the_right_password_can(
    qtbot: QtBot, store: Store, clock: FakeClock, book: CountingBook
) -> None:
    page = _page(qtbot, store, clock, book)
    started: list[int] = []
    page.started.connect(started.append)
    page.start_button.click()
    assert page.panel.isVisibleTo(page) and page.user.text() == "operator"
    assert _confirm(page, "operator", "training-op", clock) == "Your role may not do this."
    assert book.running() is None
    assert _confirm(page, "manager", "not-the-password", clock) == "Wrong user name or password."
    assert book.running() is None and page.password.text() == ""  # never left in the box
    floor_index = page.scope.findData(5)
    page.scope.setCurrentIndex(floor_index)
    assert _confirm(page, "manager", "training-dm", clock) == ""
    running = book.running()
    assert running is not None and running.floor == 5 and running.started_by == "manager"
    assert started == [running.id] and not page.panel.isVisibleTo(page)
    occupied = {
        r.number for r in SqlRoomBoard(store, clock).rooms(READER) if (r.guest or r.privacy) and r.floor == 5
    }
    assert {r.room for r in page.rooms()} == occupied
    assert not page.start_button.isEnabled() and page.stop_button.isEnabled()
    page.stop_button.click()
    assert _confirm(page, "operator", "training-op", clock) == "Your role may not do this."
    assert book.running() is not None
    assert _confirm(page, "admin", "training-admin", clock) == ""  # an administrator may too
    assert book.running() is None and page.start_button.isEnabled()


def test_the_board_lists_needs_help_first_in_red_with_the_counts(
    qtbot: QtBot, store: Store, clock: FakeClock, book: CountingBook
) -> None:
    call = book.start(Scope.HOUSE, MANAGER)
    page = _page(qtbot, store, clock, book)
    reads = book.reads
    page.refresh()
    assert book.reads == reads  # nothing moved: the stamp alone was read
    rooms = book.claim(call.id, 5)
    page.refresh()
    assert book.reads == reads + 1 and sum(r.answer is RoomAnswer.CALLING for r in page.rooms()) == 5
    results = [
        CallResult.CONFIRMED,
        CallResult.NO_ANSWER,
        CallResult.SNOOZED,
        CallResult.BUSY,
        CallResult.SNOOZED,
    ]
    for room, result in zip(rooms, results, strict=True):
        book.record(room.id, result, "")
        page.refresh()  # each result moves the board, even within the same second
    assert book.reads == reads + 6
    shown = page.rooms()
    assert [r.room for r in shown] == [r.room for r in board(book.rooms(call.id))]
    helped = sorted(r.room for r, res in zip(rooms, results, strict=True) if res is CallResult.SNOOZED)
    assert [r.room for r in shown[:2]] == helped and shown[2].answer is RoomAnswer.NO_ANSWER
    model = page.view.model()
    assert isinstance(model, RowsModel)
    red = model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert red is not None and red.color().name() == "#ffcdd2"
    assert model.data(model.index(2, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(0, 4)) == "NEEDS HELP"  # the answer, after room, floor, wing and guests
    total = len(book.rooms(call.id))
    text = page.counts.text()
    assert f"rooms {total}" in text and "NEEDS HELP 2" in text and "no answer 1" in text
    assert "busy 1" in text and "leaving 1" in text and f"not rung yet {total - 5}" in text


def _pdftotext(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=30
    )
    return done.stdout


def test_the_csv_and_the_pdf_list_every_room_with_its_answer_and_no_privacy_name(
    qtbot: QtBot, store: Store, clock: FakeClock, book: CountingBook, tmp_path: Path
) -> None:
    call = book.start(Scope.HOUSE, MANAGER)
    kinds = [
        CallResult.CONFIRMED,
        CallResult.SNOOZED,
        CallResult.NO_ANSWER,
        CallResult.BUSY,
        CallResult.NO_KEY,
    ]
    for n, room in enumerate(book.claim(call.id, 40)):
        book.record(room.id, kinds[n % len(kinds)], "")
    page = _page(qtbot, store, clock, book)
    rooms = {r.room: r for r in book.rooms(call.id)}
    private = [r for r in SqlRoomBoard(store, clock).rooms(READER) if r.privacy]
    assert private and all(rooms[r.number].guests == "(privacy)" for r in private)  # the demo's two
    words = answer_words()
    assert page.write_csv(tmp_path / "board.csv")
    text = (tmp_path / "board.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Room", "Floor", "Wing", "Guests", "Answer", "Calls", "Last call"]
    listed = {row[0]: row for row in rows[1:]}
    assert listed.keys() == rooms.keys() and len(rows) == len(rooms) + 1
    for number, room in rooms.items():
        assert listed[number][4] == words[room.answer] and listed[number][5] == str(room.attempts)
        assert listed[number][2] == ("West wing" if int(number[-2:]) >= 20 else "East wing")  # the seed's
    for r in private:
        assert listed[r.number][3] == "(privacy guest)"
    assert page.write_pdf(tmp_path / "board.pdf")
    printed = _pdftotext(tmp_path / "board.pdf")
    assert "Harbour Hotel — Evacuation roll-call" in printed
    lines = printed.splitlines()
    for number, room in rooms.items():
        line = next((x for x in lines if x.split()[:2] == [number, str(room.floor)]), None)
        assert line is not None, number
        assert words[room.answer] in line, (number, line)
    model = page.model
    shown = " ".join(
        str(model.data(model.index(row, column)))
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    )
    for name in PRIVATE_NAMES:
        assert name not in text and name not in printed and name not in shown
    named = next(r for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest and not r.privacy)
    assert named.guest in text  # the other guests are named, for the fire brigade


def test_f5_reaches_the_window_while_the_start_panel_is_open(
    qtbot: QtBot, store: Store, clock: FakeClock, book: CountingBook
) -> None:
    window = MainWindow(
        clock, lamp_field=LampField(BlfModel()), training=True, hotel="", user_name="op", position="Console 1"
    )
    qtbot.addWidget(window)
    page = _page(qtbot, store, clock, book)
    window.add_page(page, page.title(), "Ctrl+0")
    pressed: list[str] = []
    for key in ("F5", "F6", "F12"):
        window.add_console_action(key, key, lambda *_, k=key: pressed.append(k))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is page
    page.start_button.click()
    page.password.setFocus()
    qtbot.keyClicks(page.password, "training")
    assert QApplication.activeModalWidget() is None
    assert QApplication.focusWidget() is page.password
    for call_key in (Qt.Key.Key_F5, Qt.Key.Key_F6, Qt.Key.Key_F12):
        qtbot.keyClick(QApplication.focusWidget() or window, call_key)
    assert pressed == ["F5", "F6", "F12"]
    assert page.panel.isVisible() and page.password.text() == "training"  # the panel waits


def test_in_training_mode_the_console_rings_the_roll_call_it_started(
    qtbot: QtBot, store: Store, clock: FakeClock, book: CountingBook, tmp_path: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    console = Console(
        app,
        ConsoleSettings(position="Console 1"),
        tmp_path / "console.ini",
        tmp_path,
        clock,
        store,
        UserDirectory(store, clock),
        TrainingPbx(clock, [], traffic=False),
        EventBridge(),
        "en",
        True,
    )
    console.user = User(1, "manager", "Manager", Role.DUTY_MANAGER)
    window = MainWindow(
        clock, lamp_field=LampField(BlfModel()), training=True, hotel="", user_name="m", position="Console 1"
    )
    qtbot.addWidget(window)
    page = build_roll_call_page(console, window)
    assert window.pages.widget(window.pages.count() - 1) is page
    page.start_button.click()
    _confirm(page, "manager", "training-dm", clock)  # the whole house
    running = book.running()
    assert running is not None and running.floor is None and len(page.rooms()) > 8

    def answered() -> bool:
        page.refresh()
        done = [r for r in page.rooms() if r.answer not in (RoomAnswer.WAITING, RoomAnswer.CALLING)]
        return len(done) >= 8

    qtbot.waitUntil(answered, timeout=20_000)  # the training lines' first calls last 2-8 s
    assert all(r.attempts >= 1 for r in page.rooms() if r.answer is not RoomAnswer.WAITING)
    page.stop_button.click()
    _confirm(page, "manager", "training-dm", clock)
    assert book.running() is None
    for action in console.on_quit:
        action()


def test_it_prints_through_the_dialog_beside_the_console(
    qtbot: QtBot, store: Store, clock: FakeClock, book: CountingBook, tmp_path: Path
) -> None:
    call = book.start(Scope.HOUSE, MANAGER)
    (room,) = book.claim(call.id, 1)
    book.record(room.id, CallResult.SNOOZED, "")
    page = _page(qtbot, store, clock, book)
    page.print_button.click()
    dialog = page.dialog
    assert isinstance(dialog, QPrintDialog) and dialog.isVisible() and not dialog.isModal()  # F5 answers
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_html(page.html(), printer, "roll-call", landscape=True)  # what the dialog's Print does
    dialog.close()
    printed = _pdftotext(tmp_path / "printed.pdf")
    lines = printed.splitlines()
    words = answer_words()
    for listed in book.rooms(call.id):
        line = next((x for x in lines if x.split()[:2] == [listed.room, str(listed.floor)]), None)
        assert line is not None and words[listed.answer] in line, listed.room
    assert "NEEDS HELP 1" in printed and "(privacy guest)" in printed
    for name in PRIVATE_NAMES:
        assert name not in printed


def test_a_second_roll_call_is_refused_while_one_runs(
    qtbot: QtBot, store: Store, clock: FakeClock, book: CountingBook
) -> None:
    one, two = _page(qtbot, store, clock, book), _page(qtbot, store, clock, book)
    one.start_button.click()
    assert _confirm(one, "manager", "training-dm", clock) == ""
    two.start_button.click()  # the other position has not refreshed yet
    assert _confirm(two, "admin", "training-admin", clock) == "A roll-call is already running: stop it first."
    assert book.latest() == book.running() and two.panel.isVisibleTo(two)
    two.refresh()
    assert not two.start_button.isEnabled() and two.stop_button.isEnabled()


def test_the_board_stays_as_last_read_while_the_database_is_away(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 12, 5, 3, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    db = tmp_path / "hotel.db"
    store = Store(sqlite_url(db))
    store.migrate()
    seed_demo_hotel(store, clock)
    book = CountingBook(store, clock)
    call = book.start(Scope.HOUSE, MANAGER)
    page = _page(qtbot, store, clock, book)
    shown = [r.room for r in page.rooms()]
    assert shown and page.message.text() == ""
    db.rename(tmp_path / "elsewhere.db")  # the file is away
    page.refresh()
    assert page.message.text() != "" and [r.room for r in page.rooms()] == shown  # said, board kept
    (tmp_path / "elsewhere.db").rename(db)
    book.record(book.claim(call.id, 1)[0].id, CallResult.SNOOZED, "")
    page.refresh()
    assert page.message.text() == "" and page.rooms()[0].answer is RoomAnswer.NEEDS_HELP
    store.dispose()
