"""The new pieces of the shift pages as an operator sees them, in English and in Chinese: the timed
duty panel, taking over, the rooms page with its search, DND end times and legend, the wake-up
history, the printed morning-call list, the signed-out cover and the quit question.

The pictures go to tmp_path; with SCREENSHOTS_DIR set (docs/screenshots) they are kept there."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from db.dnd_ends import SqlDndEnds
from db.duties import SqlDuties
from db.frontoffice import SqlFrontOffice
from db.handover import SqlHandovers
from db.lamp_field import SqlLampField
from db.logbook import SqlLogbook
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from db.wakeup_dialling import SqlWakeUpDialling
from db.wakeup_history import SqlWakeUpHistory
from switchboard import demo_hotel
from switchboard.clock import FakeClock
from switchboard.hotel import Actor, Role
from switchboard.pbx import LampChanged, LampState
from switchboard.shifts import shift_at
from switchboard.wakeup_plan import CallResult, DiallingRules
from tests.reader import READER
from ui import i18n
from ui.blf_model import BlfModel
from ui.blf_view import LampField
from ui.duty_panel import DutyPanel
from ui.handover_dialog import TakeOverDialog
from ui.logbook_page import LogbookPage
from ui.main_window import MainWindow
from ui.print_job import document
from ui.rooms_page import RoomsPage
from ui.wakeup_history import WakeUpHistoryPage

ZONE = ZoneInfo("Asia/Shanghai")
EARLY = Actor(user="operator", position="Console 1", role=Role.OPERATOR)
RULES = DiallingRules(attempts=3, retry_interval=timedelta(minutes=5), snooze=timedelta(minutes=10), lines=4)


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


def _keep(widget_or_image: QWidget | QImage, name: str, language: str, tmp_path: Path) -> Path:
    image = widget_or_image if isinstance(widget_or_image, QImage) else widget_or_image.grab().toImage()
    folder = Path(os.environ.get("SCREENSHOTS_DIR") or tmp_path)
    shot = folder / f"{name}-{language}.png"
    assert image.save(str(shot))
    assert shot.stat().st_size > 5000
    return shot


def _hotel(store: Store, language: str) -> FakeClock:
    clock = FakeClock(datetime(2026, 11, 21, 7, 35, tzinfo=ZONE))
    seed_demo_hotel(store, clock, language=language, practice=True)
    return clock


def test_take_over_and_the_duty_panel(
    qtbot: QtBot, sqlite_store: Store, language: str, tmp_path: Path
) -> None:
    clock = _hotel(sqlite_store, language)
    chinese = i18n.is_chinese(language)
    handover = SqlHandovers(sqlite_store, clock).latest(READER)
    assert handover is not None
    take = TakeOverDialog(SqlHandovers(sqlite_store, clock), handover, lambda: EARLY, chinese=chinese)
    qtbot.addWidget(take)
    take.resize(720, 560)
    take.show()
    _keep(take, "take-over", language, tmp_path)

    clock.advance(timedelta(minutes=30))  # 08:05: the CCTV programme is due
    lamps = BlfModel()
    lamps.set_lamps(SqlLampField(sqlite_store).field_lamps())
    states = [LampState.IDLE] * 7 + [LampState.BUSY, LampState.IDLE, LampState.RINGING, LampState.HELD]
    for n, extension in enumerate(lamps.extensions()):
        lamps.apply(LampChanged(extension, states[n % len(states)], clock.now()))
    lamps.flush()
    window = MainWindow(
        clock,
        lamp_field=LampField(lamps, chinese=chinese),
        training=True,
        hotel=demo_hotel.HOTEL_NAME,
        user_name="林小红",
        position="Console 1",
    )
    qtbot.addWidget(window)
    panel = DutyPanel(
        SqlDuties(sqlite_store, clock),
        lambda: shift_at(clock.now()),
        lambda: EARLY,
        chime=lambda: None,
        now=clock.now,
        chinese=chinese,
    )
    window.add_notice_panel(panel)
    window.calls_waiting = lambda: 2
    window.resize(1280, 640)
    window.show()
    panel.check()
    window.close()  # two calls wait: the quit question stands in the window
    assert panel.isVisible() and window.quit_question is not None and window.quit_question.isVisible()
    _keep(window, "duty-panel-and-quit", language, tmp_path)
    window.cover(True)
    _keep(window, "signed-out", language, tmp_path)


def test_rooms_logbook_and_wake_up_history(
    qtbot: QtBot, sqlite_store: Store, language: str, tmp_path: Path
) -> None:
    clock = _hotel(sqlite_store, language)
    stays = [s for s in demo_hotel.stays(clock.now().date()) if s.in_house and not s.privacy]
    book = SqlWakeUpBook(sqlite_store, clock)
    page = RoomsPage(
        SqlRoomBoard(sqlite_store, clock),
        lambda: EARLY,
        desk=SqlFrontOffice(sqlite_store, clock),
        now=clock.now,
        dnd_ends=SqlDndEnds(sqlite_store, clock).ends,
        wakeups_of=lambda n: [w.due_at for w in book.upcoming(READER) if w.room == n],
    )
    qtbot.addWidget(page)
    page.resize(1140, 640)
    page.show()
    room = stays[0].room
    book.book(room, time(9, 30), EARLY)
    page.search.setText(room[:-1])
    page.find_room(room)
    page.dnd_time.setText("1100")
    page.dnd_until_typed()
    page.search.setText(room[:2])
    _keep(page, "rooms-dnd", language, tmp_path)

    log = LogbookPage(SqlLogbook(sqlite_store, clock), lambda: EARLY, clock.now)
    qtbot.addWidget(log)
    log.resize(1140, 520)
    log.show()
    _keep(log, "logbook-wrapped", language, tmp_path)

    for stay, at in zip(stays[1:4], (time(8, 0), time(8, 0), time(8, 10)), strict=True):
        book.book(stay.room, at, EARLY)
    dialling = SqlWakeUpDialling(sqlite_store, clock, RULES)
    clock.advance(timedelta(minutes=40))
    outcomes = [CallResult.CONFIRMED, CallResult.NO_ANSWER, CallResult.CONFIRMED]
    for _ in range(30):
        order = dialling.claim_next("line-1")
        if order is None:
            clock.advance(timedelta(minutes=1))
            continue
        dialling.finish(order, outcomes.pop(0) if outcomes else CallResult.NO_ANSWER, "")
    history = WakeUpHistoryPage(
        SqlWakeUpHistory(sqlite_store, clock), lambda: READER, clock.now, demo_hotel.HOTEL_NAME
    )
    qtbot.addWidget(history)
    history.resize(1140, 420)
    history.show()
    _keep(history, "wakeup-history", language, tmp_path)

    doc = document(history.html())
    doc.setPageSize(QSizeF(794, 560))  # A4 width at 96 dpi, the first part of the page
    image = QImage(794, 560, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    doc.drawContents(painter)
    painter.end()
    _keep(image, "morning-call-list-printed", language, tmp_path)
