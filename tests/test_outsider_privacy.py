"""A privacy guest tried from outside: the way a front-desk clerk, an operator and a duty manager
actually write about guests, on every surface that can leave the operator's desk.

The rule (issue 16): a privacy guest's name never stands next to their room number on any list,
page, export or printout.  The guests here are written about as people write: the name in a wake-up's
note and a message's text, a board notice, a handover note, a logbook line typed with full-width
digits (a Chinese input method's), and a logbook line about a guest who has since checked out.
Every page model's cells, every CSV and every PDF (read back with pdftotext) are searched for the
name and the room together.  On SQLite and on the real PostgreSQL server.
"""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from db.audit_trail import SqlAuditTrail
from db.board import SqlBoard
from db.duties import SqlDuties
from db.emergencies import SqlEmergencies
from db.frontoffice import SqlFrontOffice
from db.handover import SqlHandovers
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.roll_calls import SqlRollCalls
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.shift_stats import SqlShiftStats
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from switchboard.audit_trail import AuditQuery
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory, LogQuery
from switchboard.emergency import EmergencyDialled, Source
from switchboard.frontoffice import CheckIn
from switchboard.hotel import Actor, Role
from switchboard.roll_call import Scope
from switchboard.shifts import shift_at
from tests.conftest import HOTEL_ZONE
from tests.reader import READER
from ui.arrivals_page import ArrivalsPage, arrivals_pdf
from ui.board_page import BoardPage
from ui.emergency_banner import EmergencyBanner
from ui.logbook_page import LogbookPage
from ui.messages_page import MessagesPage
from ui.roll_call_print import csv_text, write_pdf
from ui.rooms_page import RoomsPage
from ui.shift_report import render
from ui.wakeup_page import WakeUpPage

NOW = datetime(2026, 11, 20, 22, 0, tzinfo=HOTEL_ZONE)
DESK = Actor(user="mei", position="Front desk", role=Role.FRONT_DESK)
OP = Actor(user="lin", position="Console 1", role=Role.OPERATOR)
MANAGER = Actor(user="wang", position="Office", role=Role.DUTY_MANAGER)
ADMIN = Actor(user="chief", position="Office", role=Role.ADMINISTRATOR)
SURNAME, FIRST = "Kowalczyk", "Anna"  # in house, privacy
GONE = "Haddad"  # a privacy guest who checked out this evening


def _wide(number: str) -> str:
    """The room number as a Chinese input method types it (full-width digits, U+FF10..)."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in number)


def _together(lines: list[str], name: str, room: str) -> list[str]:
    return [line for line in lines if name.lower() in line.lower() and (room in line or _wide(room) in line)]


def _pdf(path: Path) -> list[str]:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout.splitlines()


def _model_rows(page: QWidget) -> list[str]:
    rows = []
    for model in page.findChildren(QAbstractItemModel):
        for r in range(model.rowCount()):
            rows.append(
                " | ".join(str(model.data(model.index(r, c)) or "") for c in range(model.columnCount()))
            )
    return rows


class Hotel:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.clock = FakeClock(NOW - timedelta(hours=2))
        clock = self.clock
        seed_demo_hotel(store, clock)
        vacant = [
            r.number
            for r in SqlRoomBoard(store, clock).rooms(READER)
            if not r.guest and r.occupancy == "vacant"
        ]
        self.room, self.gone_room = vacant[0], vacant[1]
        front = SqlFrontOffice(store, clock)
        front.check_in(
            CheckIn(room=self.room, name=SURNAME, first_name=FIRST, title="Ms", privacy=True), DESK
        )
        front.check_in(CheckIn(room=self.gone_room, name=GONE, title="Mr", privacy=True), DESK)
        room, wide = self.room, _wide(self.room)
        log = SqlLogbook(store, clock)
        log.write(LogCategory.GUEST_REQUEST, f"{GONE} in {self.gone_room} wants his invoice by e-mail", OP)
        log.write(LogCategory.GUEST_REQUEST, f"{SURNAME}女士 {wide}房 要加床", OP)  # full-width digits
        SqlWakeUpBook(store, clock).book_due(room, NOW + timedelta(hours=9), OP, note=f"Tea for Ms {SURNAME}")
        SqlMessageBook(store, clock).take(room, "Mr Brown", "", f"Ms {SURNAME}, your taxi is at 6", OP)
        SqlBoard(store, clock).add_notice("note", "", f"Flowers for {SURNAME} in {room}", MANAGER)
        SqlHandovers(store, clock).compose(shift_at(NOW), f"{FIRST} {SURNAME} ({room}) leaves early", OP)
        front.check_out(self.gone_room, "", DESK)
        clock.set(NOW)


@pytest.fixture
def hotel(store: Store) -> Hotel:
    return Hotel(store)


def _surfaces(h: Hotel, tmp_path: Path) -> dict[str, list[str]]:
    """Every line of every export and printout the console makes, by name."""
    store, clock = h.store, h.clock
    out: dict[str, list[str]] = {}
    exported = SqlLogbook(store, clock).export_csv(LogQuery(), MANAGER)
    out["logbook CSV"] = [" | ".join(r) for r in csv.reader(io.StringIO(exported))]
    audit = SqlAuditTrail(store, clock).export_csv(AuditQuery(), MANAGER)
    out["audit CSV"] = audit.splitlines()
    figures = SqlShiftStats(store, clock).figures(
        "mid", NOW - timedelta(hours=8), NOW + timedelta(hours=1), READER
    )
    out["shift report PDF"] = _pdf(render(figures, tmp_path / "report.pdf", "Demo Hotel", NOW))
    arrivals = list(SqlBoard(store, clock).today(READER).arrivals)
    out["arrivals PDF"] = _pdf(arrivals_pdf(arrivals, tmp_path / "arrivals.pdf", "Demo Hotel", NOW))
    roll = SqlRollCalls(store, clock)
    call = roll.start(Scope.HOUSE, MANAGER)
    rooms = roll.rooms(call.id)
    out["roll-call CSV"] = csv_text(rooms, HOTEL_ZONE).splitlines()
    out["roll-call PDF"] = _pdf(write_pdf(tmp_path / "roll.pdf", rooms, "Roll-call", "", HOTEL_ZONE))
    roll.stop(MANAGER)
    return out


def test_no_export_or_printout_shows_the_guest_beside_the_room(hotel: Hotel, tmp_path: Path) -> None:
    leaks = []
    for surface, lines in _surfaces(hotel, tmp_path).items():
        assert lines, surface
        for name, room in ((SURNAME, hotel.room),):
            leaks += [f"{surface}: {line}" for line in _together(lines, name, room)]
    assert leaks == [], "\n".join(leaks)


def _pages(h: Hotel) -> dict[str, QWidget]:
    store, clock = h.store, h.clock
    board = SqlRoomBoard(store, clock)
    return {
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


def _page_leaks(qtbot: QtBot, h: Hotel, name: str, room: str) -> list[str]:
    leaks = []
    pages = _pages(h)
    for page_name, page in pages.items():
        qtbot.addWidget(page)
        page.refresh()  # type: ignore[attr-defined]
        leaks += [f"{page_name}: {row}" for row in _together(_model_rows(page), name, room)]
    for page in pages.values():
        for timer in page.findChildren(QTimer):
            timer.stop()
    return leaks


def test_the_guests_name_in_free_text_is_not_shown_beside_their_room(qtbot: QtBot, hotel: Hotel) -> None:
    """Wake-up note, message text, board notice, handover note: the room is the line's, the name typed."""
    leaks = _page_leaks(qtbot, hotel, SURNAME, hotel.room)
    handover = SqlHandovers(hotel.store, hotel.clock).latest(READER)
    assert handover is not None
    items = [f"{i.kind} | {i.text}" for i in handover.items]
    leaks += [f"handover: {line}" for line in _together(items, SURNAME, hotel.room)]
    assert leaks == [], "\n".join(leaks)


def test_full_width_room_digits_do_not_slip_the_mask(hotel: Hotel) -> None:
    lines = [f"{e.room} | {e.text}" for e in SqlLogbook(hotel.store, hotel.clock).recent(READER)]
    assert any(_wide(hotel.room) in line for line in lines)
    assert _together(lines, SURNAME, hotel.room) == []


def test_a_departed_privacy_guest_is_not_named_beside_their_room(hotel: Hotel, tmp_path: Path) -> None:
    leaks = []
    for surface, lines in _surfaces(hotel, tmp_path).items():
        leaks += [f"{surface}: {line}" for line in _together(lines, GONE, hotel.gone_room)]
    assert leaks == [], "\n".join(leaks)


def test_the_emergency_banner_names_the_guest_only_with_the_privacy_warning(
    qtbot: QtBot, hotel: Hotel
) -> None:
    """An emergency call from the guest's own room is the guest's own call: the name may show, but
    like the screen pop, with the privacy warning."""
    alarms = SqlEmergencies(hotel.store, hotel.clock)
    extension = next(
        r.extension for r in SqlRoomBoard(hotel.store, hotel.clock).rooms(READER) if r.number == hotel.room
    )
    alarm, _ = alarms.raise_alarm(
        EmergencyDialled("sos-9", extension or hotel.room, "120", NOW, Source.PBX), Actor.link("pbx")
    )
    banner = EmergencyBanner(lambda: NOW, sound=lambda: None)
    qtbot.addWidget(banner)
    banner.show_alarms(alarms.open_alarms())
    shown = f"{banner.title.text()}\n{banner.details.text()}"
    assert hotel.room in shown
    assert SURNAME in shown and "PRIVACY" in shown, shown
    for timer in banner.findChildren(QTimer):
        timer.stop()
    assert alarm.room == hotel.room


# ---------------------------------------------------------------- another user of the same computer


def _nobody_reads(path: Path) -> bool:
    done = subprocess.run(
        ["runuser", "-u", "nobody", "--", "cat", str(path)], capture_output=True, timeout=30, check=False
    )
    return done.returncode == 0


def test_another_local_user_reads_nothing_after_a_real_start_and_a_settings_save() -> None:
    """main.py started as an operator starts it, with the machine's usual umask (022), in folders
    anyone may pass through; then a settings save as the dialog makes it."""
    import os
    import shutil
    import sys
    import tempfile

    from switchboard import settings as console_settings

    place = Path(tempfile.mkdtemp(prefix="switchboard-outsider-", dir="/tmp"))
    try:
        place.chmod(0o755)
        control = place / "control.txt"
        control.write_text("anyone", encoding="utf-8")
        control.chmod(0o644)
        assert _nobody_reads(control)  # the check can see a readable file
        data, config = place / "data", place / "config"
        config.mkdir(mode=0o755)
        config.chmod(0o755)
        ini = config / "console.ini"
        ini.write_text("[console]\nposition = Console 1\nlanguage = en\n", encoding="utf-8")
        ini.chmod(0o644)  # as an installer or an editor left it
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(place / "xdg"))
        root = Path(__file__).resolve().parent.parent
        started = subprocess.run(
            [
                *(sys.executable, str(root / "main.py"), "--data-dir", str(data), "--settings", str(ini)),
                *("--screenshot", str(place / "shot.png"), "--language", "en"),
            ],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
            preexec_fn=lambda: os.umask(0o022),
        )
        assert started.returncode == 0, started.stderr
        store = Store(f"sqlite:///{data / 'switchboard.db'}")
        old = console_settings.load(ini)
        new = old.with_section("pbx", {"server": "pbx.hotel", "password": "s3cret-sip"})
        SqlAuditTrail(store, FakeClock(NOW)).save_settings(old, new, ini, ADMIN)
        store.dispose()
        assert data.stat().st_mode & 0o777 == 0o700
        made = sorted(p.name for p in data.iterdir())
        assert {"switchboard.db", "console.log"} <= set(made), made
        for path in [ini, *data.iterdir()]:
            assert path.stat().st_mode & 0o077 == 0, f"{path.name} {path.stat().st_mode & 0o777:o}"
        data.chmod(0o711)  # even a folder one may pass through keeps its files closed
        for path in [ini, data / "switchboard.db", data / "console.log"]:
            assert not _nobody_reads(path), path.name
    finally:
        shutil.rmtree(place, ignore_errors=True)


def test_the_wakeup_history_and_its_printout_keep_the_name_from_the_room(qtbot: QtBot, hotel: Hotel) -> None:
    """Tomorrow morning's list as the history page shows it and as it prints (the note names her)."""
    from PySide6.QtCore import QDate

    from db.wakeup_history import SqlWakeUpHistory
    from ui.wakeup_history import WakeUpHistoryPage

    page = WakeUpHistoryPage(
        SqlWakeUpHistory(hotel.store, hotel.clock), lambda: READER, hotel.clock.now, "Demo Hotel"
    )
    qtbot.addWidget(page)
    tomorrow = (NOW + timedelta(days=1)).date()
    page.day.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    page.refresh()
    qtbot.waitUntil(lambda: not page.reads.busy, timeout=10_000)  # the day is read off the GUI thread
    rows = _model_rows(page)
    assert any(hotel.room in row and "Tea for Ms" in row for row in rows), rows
    printed = page.html().replace("<", " <").replace(">", "> ")
    assert "Tea for Ms" in printed
    assert _together(rows, SURNAME, hotel.room) == []
    assert _together([printed], SURNAME, hotel.room) == []
