"""Setting the wing of rooms (issue 19): the typed list of rooms (hostile input: bounded, validated), the
book on SQLite and PostgreSQL (administrators only, all rooms or none, the wing bounded, empty clears
it) and the row on the rooms page (pytest-qt), after which a roll-call by that wing takes those rooms."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.roll_calls import SqlRollCalls
from db.room_board import SqlRoomBoard
from db.room_wings import SqlRoomWings
from db.rows import AuditRow, RoomRow
from db.seed import seed_demo_hotel
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.errors import InputError, NotFound, PermissionDenied
from switchboard.hotel import Actor, Role
from switchboard.roll_call import Scope
from switchboard.wings import MAX_ROOMS, room_list
from ui.rooms_page import RoomsPage

ADMIN = Actor(user="admin", position="Console 1", role=Role.ADMINISTRATOR)
MANAGER = Actor(user="manager", position="Console 1", role=Role.DUTY_MANAGER)
OPERATOR = Actor(user="operator", position="Console 1", role=Role.OPERATOR)


def wings_of(store: Store, numbers: list[str]) -> dict[str, str | None]:
    with store.read() as s:
        return dict(s.execute(select(RoomRow.number, RoomRow.wing).where(RoomRow.number.in_(numbers))).all())


def test_the_typed_rooms_are_read_as_numbers_and_ranges() -> None:
    assert room_list("1201..1203, 1230 1231") == ["1201", "1202", "1203", "1230", "1231"]
    assert room_list("0801..0803，0805") == ["0801", "0802", "0803", "0805"]  # leading zeros kept
    assert room_list("1203 1203 1201..1203") == ["1203", "1201", "1202"]  # each once
    assert room_list("PH-1 B12") == ["PH-1", "B12"]
    for bad in (
        "",
        " , ",
        "1219..1201",
        "12..1219",
        "A1..A9",
        "1201..",
        "12/01",
        "１２０１",
        "1" * 9,
        "x" * 3000,
    ):
        with pytest.raises(InputError):
            room_list(bad)
    with pytest.raises(InputError):
        room_list(f"1..{MAX_ROOMS + 1}")
    with pytest.raises(InputError):
        room_list(" ".join(str(1000 + n) for n in range(MAX_ROOMS + 1)))


def test_an_administrator_sets_the_wing_of_rooms_all_or_none(store: Store, clock: FakeClock) -> None:
    seed_demo_hotel(store, clock)
    wings = SqlRoomWings(store, clock)
    tower = [f"12{n:02d}" for n in range(1, 11)]
    before = wings_of(store, tower)
    for actor in (OPERATOR, MANAGER):
        with pytest.raises(PermissionDenied):
            wings.set_wing("1201..1210", "North tower", actor)
    with pytest.raises(NotFound) as missing:
        wings.set_wing("1201..1210 1299", "North tower", ADMIN)  # 1299: no such room
    assert missing.value.args_map["room"] == "1299"
    with pytest.raises(InputError):
        wings.set_wing("1201..1210", "N" * 41, ADMIN)
    assert wings_of(store, tower) == before  # nothing changed by the refusals
    assert wings.set_wing("1201..1210", "  North   tower ", ADMIN) == tower
    assert set(wings_of(store, tower).values()) == {"North tower"}
    assert "North tower" in SqlRoomBoard(store, clock).wings()
    with store.read() as s:
        said = s.scalars(select(AuditRow).where(AuditRow.action == "room.wing")).all()
        assert [(a.actor, a.entity_id) for a in said] == [("admin", "1201")]  # one action, by whom
    call = SqlRollCalls(store, clock).start(Scope.WING, MANAGER, wing="North tower")
    occupied = {r.number for r in SqlRoomBoard(store, clock).rooms(ADMIN) if r.guest or r.privacy}
    assert {r.room for r in SqlRollCalls(store, clock).rooms(call.id)} == occupied & set(tower)
    wings.set_wing("1201", "", ADMIN)  # empty: no wing
    assert wings_of(store, ["1201"]) == {"1201": None}


def test_the_rooms_page_row_sets_a_wing_for_an_administrator_only(
    qtbot: QtBot, store: Store, clock: FakeClock
) -> None:
    seed_demo_hotel(store, clock)
    who = {"actor": OPERATOR}
    page = RoomsPage(SqlRoomBoard(store, clock), lambda: who["actor"], wings=SqlRoomWings(store, clock))
    qtbot.addWidget(page)
    page.show()
    panel = page.wing_panel
    assert panel is not None and not panel.isVisible()  # not the operator's to change
    who["actor"] = ADMIN
    page.refresh()
    assert panel.isVisible()
    panel.rooms.setText("1201..1205 1299")
    panel.wing.setText("Garden wing")
    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    assert panel.message.text() == "There is no room 1299 in this hotel: nothing was changed."
    assert "Garden wing" not in SqlRoomBoard(store, clock).wings()
    panel.rooms.setText("1201..1205")
    panel.wing.returnPressed.emit()
    assert panel.message.text() == "Wing set for 5 rooms."
    assert set(wings_of(store, [f"120{n}" for n in range(1, 6)]).values()) == {"Garden wing"}
