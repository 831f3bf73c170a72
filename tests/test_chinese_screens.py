"""No English left on a Chinese screen: room types, the shift in the handover's header, timed duties
and every item of the handover, the operator's lamp, the demo's privacy notes; and the training
database starts with the shift before, to practise taking over."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.callers import SqlCallers
from db.handover import SqlHandovers
from db.lamp_field import SqlLampField
from db.logbook import SqlLogbook
from db.room_board import SqlRoomBoard
from db.rows import StayRow
from db.seed import seed_demo_hotel
from db.store import Store
from switchboard import demo_hotel
from switchboard.clock import FakeClock
from switchboard.desk import LogQuery
from switchboard.handover import ItemKind
from switchboard.hotel import Actor, Role
from tests.reader import READER
from ui import i18n
from ui.blf_model import BlfModel
from ui.handover_dialog import TakeOverDialog
from ui.rooms_page import RoomsPage

ZONE = ZoneInfo("Asia/Shanghai")
AT = datetime(2026, 11, 21, 7, 35, tzinfo=ZONE)  # the early shift has just begun
EARLY = Actor(user="operator", position="Console 1", role=Role.OPERATOR)
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")  # a room number or "VIP" may stand in Chinese text; words may not


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


def test_the_training_database_starts_with_the_shift_before(sqlite_store: Store) -> None:
    clock = FakeClock(AT)
    seed_demo_hotel(sqlite_store, clock, language="zh_CN", practice=True)
    handover = SqlHandovers(sqlite_store, clock).latest(READER)
    assert handover is not None and handover.composed_by == demo_hotel.PREVIOUS_OPERATOR
    assert handover.from_shift == "2026-11-20 night" and handover.pending == handover.items
    kinds = {i.kind for i in handover.items}
    assert {ItemKind.NOTE, ItemKind.FOLLOW_UP, ItemKind.DND, ItemKind.TIMED_DUTY} <= kinds
    entries = SqlLogbook(sqlite_store, clock).search(LogQuery(), READER, limit=50)
    assert len(entries) == len(demo_hotel.PRACTICE_LOGBOOK)
    assert all(not LATIN_WORD.search(e.text.replace("8300", "")) for e in entries)
    done = SqlHandovers(sqlite_store, clock).acknowledge_all([i.id for i in handover.items], EARLY)
    assert done.acknowledged_by == "operator"  # a demo operator can take it over


def test_a_chinese_take_over_speaks_chinese(qtbot: QtBot, sqlite_store: Store, chinese: None) -> None:
    clock = FakeClock(AT)
    seed_demo_hotel(sqlite_store, clock, language="zh_CN", practice=True)
    handover = SqlHandovers(sqlite_store, clock).latest(READER)
    assert handover is not None
    take = TakeOverDialog(SqlHandovers(sqlite_store, clock), handover, lambda: EARLY, chinese=True)
    qtbot.addWidget(take)
    assert "夜班" in take.header.text() and "night" not in take.header.text()
    for i in range(take.items.count()):
        text = take.items.item(i).text()
        assert not LATIN_WORD.search(text.replace(demo_hotel.PREVIOUS_OPERATOR, "")), text
    duties = [
        take.items.item(i).text()
        for i in range(take.items.count())
        if "定时事项" in take.items.item(i).text()
    ]
    assert any("开启闭路电视录像程序" in d for d in duties)
    assert any("免打扰至" in take.items.item(i).text() for i in range(take.items.count()))


def test_room_types_the_operator_lamp_and_privacy_notes_in_chinese(
    qtbot: QtBot, sqlite_store: Store, chinese: None
) -> None:
    clock = FakeClock(AT)
    seed_demo_hotel(sqlite_store, clock, language="zh_CN")
    page = RoomsPage(SqlRoomBoard(sqlite_store, clock), lambda: EARLY)
    qtbot.addWidget(page)
    types = {page.model.index(i, 1).data() for i in range(page.model.rowCount())}
    assert types == {"大床房", "双床房", "套房", "豪华大床房"}
    lamps = BlfModel()
    lamps.set_lamps(SqlLampField(sqlite_store).field_lamps())
    tip = lamps.index(lamps.row_of(demo_hotel.OPERATOR_EXTENSION)).data(Qt.ItemDataRole.ToolTipRole)
    assert "总机" in tip and "Operator" not in tip
    with sqlite_store.read() as s:
        notes = {n for n in s.scalars(select(StayRow.privacy_note)) if n}
    assert notes == {demo_hotel.PRIVACY_NOTE[1]}
    private_room = next(s.room for s in demo_hotel.stays(AT.date()) if s.privacy and s.in_house)
    assert SqlCallers(sqlite_store, clock).who(private_room).privacy_note == demo_hotel.PRIVACY_NOTE[1]


def test_no_placeholder_is_cut_on_the_chinese_rooms_page(
    qtbot: QtBot, sqlite_store: Store, chinese: None
) -> None:
    clock = FakeClock(AT)
    seed_demo_hotel(sqlite_store, clock)
    page = RoomsPage(SqlRoomBoard(sqlite_store, clock), lambda: EARLY)
    qtbot.addWidget(page)
    page.resize(1140, 700)
    page.show()
    qtbot.waitExposed(page)
    for field in page.findChildren(QLineEdit):
        text = field.placeholderText()
        if text:
            room = field.contentsRect().width() - 8
            assert field.fontMetrics().horizontalAdvance(text) <= room, (field.objectName(), text)
