"""Maid status and minibar codes dialled on a room telephone reach the PMS from the call records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from console.links import pass_room_codes
from db.frontoffice import SqlFrontOffice
from db.pms_wakeups import SqlPmsWakeUps
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.fias.front_desk import PmsFrontDesk
from switchboard.fias.records import FiasRecord
from switchboard.room_codes import MaidCode, MinibarCode, RoomCodes
from switchboard.settings import ConsoleSettings
from switchboard.smdr.records import CallRecord, Direction
from tests.console_parts import console_and_window
from tests.reader import READER

CODES = RoomCodes("*31", "*32")


def test_codes_are_read_strictly() -> None:
    assert CODES.read("*314") == MaidCode(4)
    assert CODES.read("*31 4*207") == MaidCode(4, "207")
    assert CODES.read("*321077*3") == MinibarCode("1077", 3)
    assert CODES.read("*321077") == MinibarCode("1077", 1)
    for not_a_code in ("13800138000", "*31", "*31٤", "*310", "*31100", "*32", "*321077*0", "*32x", ""):
        assert CODES.read(not_a_code) is None, not_a_code
    assert RoomCodes().read("*314") is None  # no prefixes set: no codes
    assert RoomCodes.from_settings({"maid_code_prefix": "#7"}).read("#75") == MaidCode(5)


class Link:
    def __init__(self) -> None:
        self.posted: list[Any] = []

    def post(self, posting: Any) -> None:
        self.posted.append(posting)


def test_codes_in_the_call_records_go_to_the_pms(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    seed_demo_hotel(store, clock)
    settings = ConsoleSettings(sections={"pms": {"maid_code_prefix": "*31", "minibar_prefix": "*32"}})
    console, _window = console_and_window(qtbot, store, clock, tmp_path, settings)
    sent: list[FiasRecord] = []
    desk = PmsFrontDesk(SqlFrontOffice(store, clock), SqlPmsWakeUps(store, clock), sent.append)
    link = Link()
    room = next(r for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest)

    def record(number: str, extension: str = room.extension) -> CallRecord:
        return CallRecord(clock.now(), extension, Direction.OUTGOING, number, 0)

    records = [record("*314*207"), record("*321077*2"), record("13800138000"), record("*315", "8105")]
    codes = RoomCodes.from_settings(settings.section("pms"))
    pass_room_codes(console, link, desk, codes, records)  # type: ignore[arg-type]  # the link's post only
    told = [(r.kind, r.get("RN"), r.get("RS"), r.get("ID")) for r in sent]
    assert told == [("RE", room.number, "4", "207")]  # 8105 is no room's: nothing sent for it
    assert [(p.room, p.article, p.quantity) for p in link.posted] == [(room.number, "1077", 2)]
