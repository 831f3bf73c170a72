"""A privacy guest's name never stands next to their room number: every list the pages show, every
export and every printout, on SQLite and PostgreSQL.

The demo hotel gets two more privacy guests: one in house (with a message, a wake-up, whereabouts, a
logbook entry naming them beside their room) and one VIP expected tomorrow with a room already
assigned.  Every view is searched row by row, the logbook CSV line by line, and the arrivals list and
the shift report as printed (PDF read back with pdftotext) line by line.
"""

from __future__ import annotations

import csv
import io
import subprocess
from collections.abc import Iterable
from dataclasses import astuple, is_dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from db.board import SqlBoard
from db.duties import SqlDuties
from db.frontoffice import SqlFrontOffice
from db.handover import SqlHandovers
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.room_board import SqlRoomBoard
from db.rows import GuestRow, RoomRow, StayRow
from db.seed import seed_demo_hotel
from db.shift_stats import SqlShiftStats
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory, LogQuery
from switchboard.frontoffice import CheckIn
from switchboard.hotel import Actor, Role, StayStatus
from switchboard.shifts import shift_at
from tests.conftest import HOTEL_ZONE
from tests.reader import READER
from ui.arrivals_page import ArrivalsPage, arrivals_pdf
from ui.board_page import BoardPage
from ui.logbook_page import LogbookPage
from ui.messages_page import MessagesPage
from ui.rooms_page import RoomsPage
from ui.shift_report import render
from ui.wakeup_page import WakeUpPage

NOW = datetime(2026, 11, 20, 22, 0, tzinfo=HOTEL_ZONE)
DESK = Actor(user="frontdesk", position="Front desk", role=Role.FRONT_DESK)
OP = Actor(user="lin", position="Console 1", role=Role.OPERATOR)
IN_HOUSE = "Kowalczyk-Privat"  # the in-house privacy guest
ARRIVING = "Okonkwo-Privat"  # the privacy VIP expected tomorrow


def _flat(value: Any) -> list[str]:
    """Every string in a view, however nested (dataclasses, tuples)."""
    if isinstance(value, str):
        return [value]
    if is_dataclass(value) and not isinstance(value, type):
        return [s for part in astuple(value) for s in _flat(part)]
    if isinstance(value, list | tuple):
        return [s for part in value for s in _flat(part)]
    return [str(value)] if value is not None else []


def _together(rows: Iterable[Any], name: str, room: str) -> list[str]:
    """Rows (or lines) in which the guest's name and their room number both stand."""
    found = []
    for row in rows:
        text = " | ".join(_flat(row))
        if name.lower() in text.lower() and room in text:
            found.append(text)
    return found


@pytest.fixture
def hotel(store: Store) -> tuple[Store, FakeClock, str, str]:
    clock = FakeClock(NOW)
    seed_demo_hotel(store, clock)
    rooms = SqlRoomBoard(store, clock).rooms(READER)
    vacant = [r.number for r in rooms if not r.guest and r.occupancy == "vacant"]
    staying, arriving = vacant[0], vacant[1]
    front = SqlFrontOffice(store, clock)
    front.check_in(CheckIn(room=staying, name=IN_HOUSE, title="Ms", vip_level=1, privacy=True), DESK)
    with store.unit() as s:  # the PMS sent tomorrow's reservation with its room
        guest = GuestRow(name=ARRIVING, title="Dr", vip_level=3, romanised=ARRIVING.lower())
        s.add(guest)
        s.flush()
        room_id = s.query(RoomRow.id).filter(RoomRow.number == arriving).scalar()
        s.add(
            StayRow(
                reservation="PRIV-2",
                guest_id=guest.id,
                room_id=room_id,
                status=StayStatus.EXPECTED.value,
                arrival=NOW.date() + timedelta(days=1),
                departure=NOW.date() + timedelta(days=3),
                privacy=True,
            )
        )
    SqlMessageBook(store, clock).take(staying, "Mr Brown", "13800000000", "Please call back", OP)
    SqlWakeUpBook(store, clock).book_due(staying, NOW + timedelta(hours=9), OP)
    front.set_whereabouts(staying, "At the spa", NOW + timedelta(hours=1), OP)
    SqlLogbook(store, clock).write(
        LogCategory.GUEST_REQUEST, f"{IN_HOUSE} in {staying} asked for a late check-out", OP, room=staying
    )
    SqlLogbook(store, clock).write(LogCategory.VIP, f"Flowers for {ARRIVING.upper()}, room {arriving}", OP)
    SqlHandovers(store, clock).compose(shift_at(NOW), "Quiet evening", OP)
    return store, clock, staying, arriving


def _pdf_lines(path: Path) -> list[str]:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout.splitlines()


def test_no_view_shows_a_privacy_guest_beside_their_room(hotel: tuple[Store, FakeClock, str, str]) -> None:
    store, clock, staying, arriving = hotel
    board = SqlBoard(store, clock).today(READER)
    handover = SqlHandovers(store, clock).latest(READER)
    assert handover is not None
    figures = SqlShiftStats(store, clock).figures(
        "mid", NOW - timedelta(hours=8), NOW + timedelta(hours=1), READER
    )
    views: dict[str, list[Any]] = {  # one entry per line a page or report shows
        "rooms": list(SqlRoomBoard(store, clock).rooms(READER)),
        "wake-ups": list(SqlWakeUpBook(store, clock).upcoming(READER)),
        "messages": list(SqlMessageBook(store, clock).waiting(READER)),
        "daily board": [
            *board.arrivals,
            *board.whereabouts,
            *board.room_moves,
            *board.notices,
            board.duty_manager,
        ],
        "handover": list(handover.items),
        "logbook": list(SqlLogbook(store, clock).recent(READER)),
        "shift report": [*figures.log, *figures.handover_items, *figures.wakeup_log],
    }
    for page, rows in views.items():
        assert rows, page
        assert _together(rows, IN_HOUSE, staying) == [], page
        assert _together(rows, ARRIVING, arriving) == [], page
    # each page still does its job: the room for room lists, the name for the arrivals
    assert staying in [m.room for m in views["messages"]] and staying in [w.room for w in views["wake-ups"]]
    assert next(r for r in views["rooms"] if r.number == staying).privacy
    assert ARRIVING in [a.name for a in board.arrivals]
    assert any(staying in w for w in board.whereabouts)


def test_no_export_or_printout_shows_a_privacy_guest_beside_their_room(
    hotel: tuple[Store, FakeClock, str, str], tmp_path: Path
) -> None:
    store, clock, staying, arriving = hotel
    exported = SqlLogbook(store, clock).export_csv(LogQuery(), Actor("wang", "Office", Role.DUTY_MANAGER))
    lines = list(csv.reader(io.StringIO(exported)))
    assert len(lines) >= 3
    assert _together(lines, IN_HOUSE, staying) == []
    assert _together(lines, ARRIVING, arriving) == []
    listed = list(SqlBoard(store, clock).today(READER).arrivals)
    arrivals = arrivals_pdf(listed, tmp_path / "arrivals.pdf", "Demo Hotel", NOW)
    printed = _pdf_lines(arrivals)
    assert any(ARRIVING in line for line in printed)  # the list still names the guest
    assert _together(printed, ARRIVING, arriving) == []
    figures = SqlShiftStats(store, clock).figures(
        "mid", NOW - timedelta(hours=8), NOW + timedelta(hours=1), READER
    )
    report = render(figures, tmp_path / "report.pdf", "Demo Hotel", NOW)
    printed = _pdf_lines(report)
    assert any("late check-out" in line for line in printed)  # the entry is printed, without the name
    assert _together(printed, IN_HOUSE, staying) == []
    assert _together(printed, ARRIVING, arriving) == []


def _model_rows(page: QWidget) -> list[list[str]]:
    """Every row of every item model a page holds, as the text of its cells."""
    rows = []
    for model in page.findChildren(QAbstractItemModel):
        for r in range(model.rowCount()):
            rows.append([str(model.data(model.index(r, c)) or "") for c in range(model.columnCount())])
    return rows


def test_no_page_model_shows_a_privacy_guest_beside_their_room(
    qtbot: QtBot, hotel: tuple[Store, FakeClock, str, str]
) -> None:
    store, clock, staying, arriving = hotel
    board = SqlRoomBoard(store, clock)
    pages: dict[str, QWidget] = {
        "rooms": RoomsPage(board, lambda: OP),
        "wake-ups": WakeUpPage(SqlWakeUpBook(store, clock), lambda: OP, clock.now),
        "messages": MessagesPage(SqlMessageBook(store, clock), clock, lambda: OP),
        "logbook": LogbookPage(SqlLogbook(store, clock), lambda: OP, clock.now),
        "arrivals": ArrivalsPage(
            SqlBoard(store, clock), lambda: READER, clock.now, "Demo Hotel", in_house=board.rooms
        ),
        "daily board": BoardPage(
            SqlBoard(store, clock), SqlDuties(store, clock), lambda: shift_at(clock.now()), lambda: OP
        ),
    }
    for name, page in pages.items():
        qtbot.addWidget(page)
        page.refresh()  # type: ignore[attr-defined]
        rows = _model_rows(page)
        assert rows, name
        assert _together(rows, IN_HOUSE, staying) == [], name
        assert _together(rows, ARRIVING, arriving) == [], name
    assert any(staying in cell for row in _model_rows(pages["messages"]) for cell in row)
    assert any(ARRIVING in cell for row in _model_rows(pages["arrivals"]) for cell in row)
    for page in pages.values():  # no page's timer reads the database after the test has dropped it
        for timer in page.findChildren(QTimer):
            timer.stop()
