"""The shift pages as operators use them: the daily board and its duties, the
handover from both sides, the logbook's answers, search and export."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.board import SqlBoard
from db.duties import SqlDuties
from db.handover import SqlHandovers
from db.logbook import SqlLogbook
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory, LogQuery
from switchboard.duties import DutyState
from switchboard.hotel import Actor, Role
from switchboard.shifts import shift_at
from tests.reader import READER
from ui.board_page import BoardPage
from ui.handover_dialog import HandOverDialog, TakeOverDialog
from ui.logbook_page import LogbookPage

ZONE = ZoneInfo("Asia/Shanghai")
NIGHT = Actor(user="operator", position="Console 1", role=Role.OPERATOR)
EARLY = Actor(user="frontdesk", position="Console 1", role=Role.OPERATOR)
MANAGER = Actor(user="manager", position="Office", role=Role.DUTY_MANAGER)


def hotel(store: Store, at: datetime) -> FakeClock:
    clock = FakeClock(at)
    seed_demo_hotel(store, clock)
    return clock


def test_the_board_shows_the_day_and_ticks_duties(qtbot: QtBot, sqlite_store: Store) -> None:
    clock = hotel(sqlite_store, datetime(2026, 11, 20, 23, 50, tzinfo=ZONE))
    SqlRoomBoard(sqlite_store, clock).set_dnd(
        next(r.number for r in SqlRoomBoard(sqlite_store, clock).rooms(READER)), True, NIGHT
    )
    page = BoardPage(
        SqlBoard(sqlite_store, clock),
        SqlDuties(sqlite_store, clock),
        lambda: shift_at(clock.now()),
        lambda: NIGHT,
    )
    qtbot.addWidget(page)
    page.kind.setCurrentIndex(page.kind.findData("weather"))
    qtbot.keyClicks(page.notice, "Typhoon warning: close the pool terrace")
    qtbot.keyClick(page.notice, Qt.Key.Key_Return)
    assert page.message.text() == "Added."
    page.at_time.setText("25:99")
    page.notice.setText("broken time")
    page.add_notice()
    assert "Not a time of day" in page.message.text()
    html = page.text.toPlainText()
    assert "Typhoon warning" in html and "broken time" not in html
    assert "Duty manager" in html and "Rooms on DND" in html and "Arrivals today and tomorrow" in html
    assert page.duty_model.rowCount() == 3  # the night's duties
    page.duty_view.selectRow(0)
    clock.advance(timedelta(hours=1))
    page.tick_selected()
    first = page.duty_model.row(0)
    assert first is not None and first.state is DutyState.DONE and first.done_by == "operator"


def test_hand_over_and_take_over_item_by_item(qtbot: QtBot, sqlite_store: Store) -> None:
    clock = hotel(sqlite_store, datetime(2026, 11, 21, 7, 20, tzinfo=ZONE))
    SqlLogbook(sqlite_store, clock).write(
        LogCategory.MAINTENANCE, "Lift 2 stuck at 5F, engineering called", NIGHT, follow_up=True
    )
    book = SqlHandovers(sqlite_store, clock)
    out = HandOverDialog(book, shift_at(clock.now()), lambda: NIGHT)
    qtbot.addWidget(out)
    out.note.setPlainText("Lift 2 out of order until engineering says otherwise")
    out.compose()
    assert out.handover is not None and out.items.count() == len(out.handover.items) >= 3
    clock.advance(timedelta(minutes=15))
    handover = book.latest(READER)
    assert handover is not None
    take = TakeOverDialog(book, handover, lambda: EARLY)
    qtbot.addWidget(take)
    take.items.item(0).setCheckState(Qt.CheckState.Checked)
    take.acknowledge()
    assert "still to acknowledge" in take.message.text()
    latest = book.latest(READER)
    assert latest is not None and len(latest.pending) == len(latest.items) - 1
    take.tick_all()
    take.acknowledge()
    latest = book.latest(READER)
    assert latest is not None and latest.acknowledged_by == "frontdesk" and not latest.pending


def test_logbook_answers_search_and_export(qtbot: QtBot, sqlite_store: Store, tmp_path: Path) -> None:
    clock = hotel(sqlite_store, datetime(2026, 11, 20, 23, 45, tzinfo=ZONE))
    log = SqlLogbook(sqlite_store, clock)
    user = {"who": NIGHT}
    page = LogbookPage(log, lambda: user["who"], clock.now)
    qtbot.addWidget(page)

    def read() -> None:  # the page reads off the GUI thread
        qtbot.waitUntil(lambda: not page.reads.busy)

    page.category.setCurrentIndex(page.category.findData(LogCategory.COMPLAINT))
    page.follow_up.setChecked(True)
    assert page.due.isEnabled() and page.due.dateTime().toString("HH:mm") == "01:45"
    page.assignee.setText("security")
    page.text.setPlainText("客人投诉楼上噪音 — noise from the room above")
    page.write()
    assert page.message.text().startswith("Written as #")
    read()
    page.view.selectRow(0)
    page.answer.setText("Security spoke to the guests upstairs; quiet now")
    page._answer(log.resolve)
    page.open_only.setChecked(True)
    read()
    assert page.model.rowCount() == 0
    page.open_only.setChecked(False)
    page.find_text.setText("noise")
    page.refresh()
    read()
    assert page.model.rowCount() == 1
    page.find_text.clear()
    page.find_from.setDate(page.find_from.date().fromString("2026-11-21", "yyyy-MM-dd"))
    read()
    assert page.model.rowCount() == 0  # everything was written on the 20th
    page.find_from.setDate(page.find_from.minimumDate())
    written = next(e for e in log.search(LogQuery(category=LogCategory.COMPLAINT), READER) if e.follow_up)
    assert (
        written.assignee == "security" and written.due_at is not None and f"{written.due_at:%H:%M}" == "01:45"
    )
    page.refresh()
    read()
    original = next(i for i in range(page.model.rowCount()) if page.model.row(i).kind.value == "entry")  # type: ignore[union-attr]
    page.view.selectRow(original)
    page.answer.setText("Seen")
    page._answer(log.annotate)
    assert "duty manager" in page.message.text().lower() or "may" in page.message.text()
    user["who"] = MANAGER
    page.view.selectRow(original)
    page.answer.setText("Seen, call the guest tomorrow")
    page._answer(log.annotate)
    assert page.message.text().startswith("Written as #")
    rows = page.export_to(tmp_path / "log.csv")
    with (tmp_path / "log.csv").open(encoding="utf-8-sig") as f:
        exported = list(csv.reader(f))
    assert rows == 3 == len(exported) - 1
    assert any("客人投诉楼上噪音" in r[6] for r in exported[1:])


def test_report_periods_and_unacknowledged_handovers_for_the_duty_manager(
    qtbot: QtBot, sqlite_store: Store
) -> None:
    from console.reports import report_periods

    periods = report_periods(datetime(2026, 11, 21, 2, 0, tzinfo=ZONE))
    assert [p[0] for p in periods] == ["2026-11-20 night", "2026-11-20 mid", "2026-11-21", "2026-11-20"]
    assert periods[1][1] == datetime(2026, 11, 20, 15, 30, tzinfo=ZONE)

    clock = hotel(sqlite_store, datetime(2026, 11, 21, 7, 20, tzinfo=ZONE))
    book = SqlHandovers(sqlite_store, clock)
    book.compose(shift_at(clock.now()), "All quiet", NIGHT)
    page = BoardPage(
        SqlBoard(sqlite_store, clock),
        SqlDuties(sqlite_store, clock),
        lambda: shift_at(clock.now()),
        lambda: MANAGER,
        pending_handovers=book.unacknowledged,
    )
    qtbot.addWidget(page)
    text = page.text.toPlainText()
    assert "Handovers not yet acknowledged" in text and "2026-11-20 night by operator" in text


def test_duty_managers_define_and_retire_timed_duties(qtbot: QtBot, sqlite_store: Store) -> None:
    clock = hotel(sqlite_store, datetime(2026, 11, 20, 23, 50, tzinfo=ZONE))
    who = {"actor": NIGHT}
    page = BoardPage(
        SqlBoard(sqlite_store, clock),
        SqlDuties(sqlite_store, clock),
        lambda: shift_at(clock.now()),
        lambda: who["actor"],
    )
    qtbot.addWidget(page)
    before = page.duty_model.rowCount()
    page.duty_name.setText("Check the car park barrier")
    page.duty_shift.setCurrentIndex(page.duty_shift.findData("night"))
    page.duty_time.setText("03:00")
    page.define_duty()
    assert page.duty_model.rowCount() == before  # an operator may not
    who["actor"] = MANAGER
    page.duty_time.setText("3 am")
    page.define_duty()
    assert "Not a time of day" in page.message.text()
    page.duty_time.setText("03:00")
    page.define_duty()
    assert page.message.text() == "Duty added." and page.duty_model.rowCount() == before + 1
    row = next(i for i in range(page.duty_model.rowCount()) if "barrier" in page.duty_model.row(i).name)  # type: ignore[union-attr]
    page.duty_view.selectRow(row)
    page.retire_selected()
    assert page.duty_model.rowCount() == before
