"""Printing into a real CUPS queue (a private cupsd with a cups-pdf printer) through the console's
print dialog, and reading the printed pages back with pdftotext: the morning-call list with each
call's attempts and result, the VIP and arrivals list, and the shift report with its timed duties.
The wake-up history page keeps confirmed, handled and unanswered calls for the morning audit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from pytestqt.qtbot import QtBot

from db.board import SqlBoard
from db.duties import SqlDuties
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.shift_stats import SqlShiftStats
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from db.wakeup_dialling import SqlWakeUpDialling
from db.wakeup_history import SqlWakeUpHistory
from switchboard import demo_hotel
from switchboard.clock import FakeClock
from switchboard.hotel import Actor, Role
from switchboard.shifts import shift_at
from switchboard.wakeup_plan import CallResult, DiallingRules
from switchboard.wakeup_status import WakeUpStatus
from tests.cups_queue import PrintQueue, cups_pdf_queue, text_of
from tests.reader import READER
from ui.arrivals_page import ArrivalsPage
from ui.print_job import print_html
from ui.print_lists import shift_report_html
from ui.print_report import ShiftReportDialog
from ui.shift_report import render
from ui.wakeup_history import WakeUpHistoryPage

ZONE = ZoneInfo("Asia/Shanghai")
NIGHT = Actor(user="operator", position="Console 1", role=Role.OPERATOR)
RULES = DiallingRules(attempts=3, retry_interval=timedelta(minutes=5), snooze=timedelta(minutes=10), lines=4)


@pytest.fixture(scope="module")
def queue() -> Iterator[PrintQueue]:
    with cups_pdf_queue() as q, pytest.MonkeyPatch.context() as patch:
        patch.setenv("CUPS_SERVER", q.server)
        yield q


def _printer(queue: PrintQueue) -> QPrinter:
    info = QPrinterInfo.printerInfo(queue.name)
    assert info.printerName() == queue.name, [p.printerName() for p in QPrinterInfo.availablePrinters()]
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def _morning(store: Store) -> tuple[FakeClock, dict[str, str]]:
    """A night's wake-ups: one confirmed, one never answered then handled at the door, one for a
    privacy guest confirmed on the second attempt, one still booked."""
    clock = FakeClock(datetime(2026, 11, 21, 5, 50, tzinfo=ZONE))
    seed_demo_hotel(store, clock)
    stays = [s for s in demo_hotel.stays(clock.now().date()) if s.in_house]
    shown = [s.room for s in stays if not s.privacy][:3]
    private = next(s for s in stays if s.privacy)
    rooms = {"confirmed": shown[0], "handled": shown[1], "private": private.room, "open": shown[2]}
    book = SqlWakeUpBook(store, clock)
    for key, at in (("confirmed", time(6, 0)), ("handled", time(6, 0)), ("private", time(6, 5))):
        book.book(rooms[key], at, NIGHT)
    book.book(rooms["open"], time(7, 30), NIGHT)
    dialling = SqlWakeUpDialling(store, clock, RULES)
    clock.advance(timedelta(minutes=10))  # 06:00
    results = {rooms["confirmed"]: [CallResult.CONFIRMED], rooms["handled"]: [CallResult.NO_ANSWER] * 3}
    results[rooms["private"]] = [CallResult.NO_ANSWER, CallResult.CONFIRMED]
    for _round in range(40):
        order = dialling.claim_next("line-1")
        if order is not None:
            dialling.finish(order, results[order.room].pop(0), "")
        else:
            clock.advance(timedelta(minutes=1))
    handled = next(w for w in book.upcoming(READER) if w.room == rooms["handled"])
    assert handled.status is WakeUpStatus.ESCALATED
    book.mark_done(handled.id, handled.version, NIGHT, "bellboy Li knocked")
    return clock, rooms


def test_wake_up_history_keeps_every_call_for_the_audit(qtbot: QtBot, sqlite_store: Store) -> None:
    clock, rooms = _morning(sqlite_store)
    page = WakeUpHistoryPage(
        SqlWakeUpHistory(sqlite_store, clock), lambda: READER, clock.now, demo_hotel.HOTEL_NAME
    )
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.reads.busy)  # read off the GUI thread
    rows = {r.call.room: r for r in page.model.rows()}
    assert set(rows) == set(rooms.values())  # confirmed calls stay listed
    assert rows[rooms["confirmed"]].call.status is WakeUpStatus.CONFIRMED
    assert [a.result for a in rows[rooms["handled"]].attempts] == ["no_answer"] * 3
    assert rows[rooms["handled"]].call.status is WakeUpStatus.HANDLED
    cells = {page.model.index(i, 1).data(): i for i in range(page.model.rowCount())}
    handled_row = cells[rooms["handled"]]
    assert page.model.index(handled_row, 3).data() == "handled by a person"
    assert page.model.index(handled_row, 4).data().count("no answer") == 3
    assert "bellboy Li knocked" in page.model.index(handled_row, 5).data()
    assert page.model.index(cells[rooms["private"]], 2).data() == "(privacy)"
    assert page.summary.text().startswith(
        "4 calls: 2 confirmed, 1 handled by a person, 0 not answered, 1 open"
    )


def test_the_morning_call_list_prints_through_the_dialog(
    qtbot: QtBot, sqlite_store: Store, queue: PrintQueue
) -> None:
    clock, rooms = _morning(sqlite_store)
    page = WakeUpHistoryPage(
        SqlWakeUpHistory(sqlite_store, clock), lambda: READER, clock.now, demo_hotel.HOTEL_NAME
    )
    qtbot.addWidget(page)
    page.print_list()
    dialog = page.print_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()  # F5 still answers
    assert dialog.printer().printerName() == queue.name  # the only printer, the default
    dialog.accept()
    assert page.message.text() == "Sent to the printer."
    (printed,) = queue.printed()
    text = text_of(printed)
    assert "Morning calls" in text and "2026-11-21" in text and demo_hotel.HOTEL_NAME in text
    for room in rooms.values():
        assert room in text
    assert "handled by a" in text and "bellboy Li knocked" in text and text.count("no answer") == 4
    private_name = next(
        demo_hotel.GUESTS[s.guest_index][0]
        for s in demo_hotel.stays(clock.now().date())
        if s.room == rooms["private"]
    )
    assert private_name not in text  # never beside the room number on paper


def test_the_arrivals_list_and_the_shift_report_print(
    qtbot: QtBot, sqlite_store: Store, queue: PrintQueue, tmp_path: Path
) -> None:
    clock = FakeClock(datetime(2026, 11, 21, 2, 40, tzinfo=ZONE))
    seed_demo_hotel(sqlite_store, clock)
    arrivals = ArrivalsPage(
        SqlBoard(sqlite_store, clock),
        lambda: READER,
        clock.now,
        demo_hotel.HOTEL_NAME,
        in_house=SqlRoomBoard(sqlite_store, clock).rooms,
    )
    qtbot.addWidget(arrivals)
    arrivals.print_list()
    assert arrivals.print_dialog is not None and not arrivals.print_dialog.isModal()
    arrivals.print_dialog.accept()
    (first,) = queue.printed()
    listed = text_of(first)
    assert "VIP and expected arrivals" in listed
    assert all(a.name.split(",")[0] in listed for a in arrivals.arrivals())
    assert "VIPs in house" in listed
    in_house = [s for s in demo_hotel.stays(clock.now().date()) if s.in_house]
    vip_rooms = [s for s in in_house if demo_hotel.GUESTS[s.guest_index][5] and not s.privacy]
    assert vip_rooms and all(s.room in listed for s in vip_rooms)
    for stay in (s for s in in_house if s.privacy):
        assert demo_hotel.GUESTS[stay.guest_index][0] not in listed  # never beside a room on paper

    slot = shift_at(clock.now())
    duties = SqlDuties(sqlite_store, clock)
    cctv = next(d for d in duties.for_shift(slot) if d.name == "CCTV night mode")
    duties.tick(cctv.id, slot, NIGHT)
    figures = SqlShiftStats(sqlite_store, clock).figures(
        "2026-11-20 night", slot.starts_at, slot.ends_at, READER
    )
    listed_duties = list(duties.for_shift(slot))

    def save(_index: int, path: Path) -> None:
        render(figures, path, demo_hotel.HOTEL_NAME, clock.now(), listed_duties)

    report = ShiftReportDialog(
        ["2026-11-20 night"],
        lambda _i: shift_report_html(figures, listed_duties, demo_hotel.HOTEL_NAME, clock.now()),
        save,
        tmp_path,
    )
    qtbot.addWidget(report)
    assert not report.isModal()
    report.print_report()  # read off the GUI thread, then the print dialog
    qtbot.waitUntil(lambda: report.print_dialog is not None)
    assert report.print_dialog is not None
    report.print_dialog.accept()
    (printed,) = queue.printed()
    text = " ".join(text_of(printed).split())  # the heading wraps on the page
    assert "Switchboard shift report" in text and "Timed duties" in text
    assert "CCTV night mode" in text and "done" in text and "operator" in text
    assert "Night audit call to the front desk" in text

    report.save_to(tmp_path / "report.pdf")
    qtbot.waitUntil(lambda: report.message.text().startswith("Saved"))
    saved = text_of(tmp_path / "report.pdf")
    assert "Timed duties" in saved and "CCTV night mode" in saved


def test_print_html_reaches_a_named_queue_in_chinese(qtbot: QtBot, queue: PrintQueue) -> None:
    print_html("<h1>叫醒服务清单</h1><p>06:30 1208 王先生</p>", _printer(queue), "叫醒")
    (printed,) = queue.printed()
    assert "叫醒服务清单" in text_of(printed) and "1208" in text_of(printed)
