"""DND and class of service enforced by the PBX itself (Kamailio in the lab), not only by the console.

The console sets Kamailio's ``dnd`` and ``cos`` tables over JSON-RPC from what its database holds;
Kamailio's routing (tests/sip_lab/kamailio.cfg.tmpl, route[POLICY]) then refuses a room-to-room call
to a DND room while a wake-up call still rings, and bars a vacant room's outside calls while its calls
to the operator and to 110 go through. Raw telephones (tests/sip_lab/raw_phone.py) tell a refusal by
the PBX from a call that reached the telephone.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from db.room_board import SqlRoomBoard
from db.room_policy import SqlRoomRules
from db.room_states import RoomStates
from db.seed import seed_demo_hotel
from db.store import Store
from hardware.sip.room_policy import KamailioRoomPolicy
from switchboard.clock import FakeClock
from switchboard.hotel import Actor, Role
from switchboard.room_policy import Change, ClassOfService, RoomRule, Table, changes, rule_for
from tests.reader import READER
from tests.sip_lab.kamailio import KamailioLab
from tests.sip_lab.raw_phone import RawPhone

DESK = Actor(user="frontdesk", position="Front desk", role=Role.FRONT_DESK)
OPERATOR = Actor(user="operator", position="Console 1", role=Role.OPERATOR)


def test_a_vacant_room_is_barred_and_an_odd_level_counts_as_barred() -> None:
    assert rule_for(occupied=False, dnd=True, level=3) == RoomRule(False, ClassOfService.BARRED)
    assert rule_for(occupied=True, dnd=True, level=2) == RoomRule(True, ClassOfService.NATIONAL)
    assert rule_for(occupied=True, dnd=False, level=7).level is ClassOfService.BARRED


def test_changes_are_only_the_difference() -> None:
    wanted = {
        "301": RoomRule(True, ClassOfService.INTERNATIONAL),
        "302": RoomRule(False, ClassOfService.BARRED),
    }
    assert changes(wanted, {}, {}) == [
        Change(Table.DND, "301", 1),
        Change(Table.COS, "301", 3),
        Change(Table.COS, "302", 0),
    ]
    assert changes(wanted, {"301": 1}, {"301": 3, "302": 0}) == []
    # the PBX holds a DND the console cleared, and a room the console no longer has
    assert changes(wanted, {"301": 1, "302": 1, "999": 1}, {"301": 3, "302": 0, "999": 2}) == [
        Change(Table.DND, "302", None),
        Change(Table.DND, "999", None),
        Change(Table.COS, "999", None),
    ]


def test_the_rules_come_from_rooms_and_stays(store: Store, clock: FakeClock) -> None:
    seed_demo_hotel(store, clock)
    rooms = SqlRoomBoard(store, clock).rooms(READER)
    let = next(r for r in rooms if r.guest)
    vacant = next(r for r in rooms if r.occupancy == "vacant")
    states = RoomStates(store, clock)
    states.set_class_of_service(let.number, 1, DESK)
    states.set_class_of_service(vacant.number, 3, DESK)
    states.set_dnd(let.number, True, OPERATOR)
    wanted = SqlRoomRules(store).wanted()
    assert wanted[let.extension] == RoomRule(True, ClassOfService.LOCAL)
    assert wanted[vacant.extension] == RoomRule(
        False, ClassOfService.BARRED
    )  # vacant: barred whatever is set


@dataclass
class Hotel:
    lab: KamailioLab
    store: Store
    clock: FakeClock
    guest: str  # an occupied room's extension, international calls allowed
    sleeper: str  # an occupied room's extension, put on DND
    vacant: str  # a vacant room's extension
    sleeper_room: str
    policy: KamailioRoomPolicy


@pytest.fixture
def hotel(kamailio: KamailioLab, sqlite_store: Store, clock: FakeClock) -> Iterator[Hotel]:
    seed_demo_hotel(sqlite_store, clock)
    rooms = SqlRoomBoard(sqlite_store, clock).rooms(READER)
    occupied = [r for r in rooms if r.guest]
    guest, sleeper = occupied[0], occupied[1]
    vacant = next(r for r in rooms if r.occupancy == "vacant")
    states = RoomStates(sqlite_store, clock)
    states.set_class_of_service(guest.number, 3, DESK)
    states.set_class_of_service(vacant.number, 3, DESK)  # stored, but a vacant room is barred
    states.set_dnd(sleeper.number, True, OPERATOR)
    policy = KamailioRoomPolicy(kamailio.rpc_url, SqlRoomRules(sqlite_store).wanted, every_s=0.5)
    policy.start()
    try:
        yield Hotel(
            kamailio,
            sqlite_store,
            clock,
            guest.extension,
            sleeper.extension,
            vacant.extension,
            sleeper.number,
            policy,
        )
    finally:
        policy.stop()


def _phones(lab: KamailioLab, *users: str) -> dict[str, RawPhone]:
    phones = {user: RawPhone(user, lab.port) for user in users}
    for phone in phones.values():
        phone.register()
    return phones


def _wait_rounds(policy: KamailioRoomPolicy, rounds: int = 2) -> None:
    target = policy.rounds + rounds
    deadline = time.monotonic() + 10
    while policy.rounds < target and time.monotonic() < deadline:
        time.sleep(0.05)
    assert policy.rounds >= target, "the room policy made no round"


@pytest.mark.sip
def test_the_pbx_refuses_calls_to_a_dnd_room_but_rings_a_wake_up_through(hotel: Hotel) -> None:
    _wait_rounds(hotel.policy)
    phones = _phones(hotel.lab, hotel.guest, hotel.sleeper, "wakeup", "9")
    try:
        assert phones[hotel.guest].call(hotel.sleeper) == 480  # refused by the PBX
        assert phones[hotel.sleeper].received == []
        assert phones["wakeup"].call(hotel.sleeper) == 486  # reached the telephone (which is busy)
        assert phones["9"].call(hotel.sleeper) == 486  # the operator decides about an override
        assert len(phones[hotel.sleeper].received) == 2
        RoomStates(hotel.store, hotel.clock).set_dnd(hotel.sleeper_room, False, OPERATOR)
        hotel.policy.nudge()
        _wait_rounds(hotel.policy)
        assert phones[hotel.guest].call(hotel.sleeper) == 486  # DND off: the room rings again
        assert "POLICY dnd" in hotel.lab.log_path.read_text()
    finally:
        for phone in phones.values():
            phone.close()


@pytest.mark.sip
def test_a_vacant_room_cannot_call_outside_but_reaches_the_operator_and_110(hotel: Hotel) -> None:
    _wait_rounds(hotel.policy)
    phones = _phones(hotel.lab, hotel.vacant, hotel.guest, "9", "trunk")
    try:
        assert phones[hotel.vacant].call("085551234") == 403  # outside: barred
        assert phones[hotel.vacant].call("000441234567") == 403
        assert phones["trunk"].received == []
        assert phones[hotel.vacant].call("9") == 486  # the operator
        assert phones[hotel.vacant].call("110") == 486  # the police, through the trunk
        assert phones[hotel.vacant].call("0119") == 486  # the fire brigade with the outside prefix
        assert phones[hotel.guest].call("000441234567") == 486  # an occupied room, international allowed
        assert len(phones["trunk"].received) == 3
        # each emergency number dialled told the operator position, with the extension and the call
        deadline = time.monotonic() + 5
        while len(phones["9"].messages) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        told = phones["9"].messages
        assert len(told) == 2, told
        assert f"extension={hotel.vacant}" in told[0] and "number=110" in told[0] and "call=" in told[0]
        assert "number=0119" in told[1]
    finally:
        for phone in phones.values():
            phone.close()


@pytest.mark.sip
def test_a_restarted_pbx_gets_the_rules_again(hotel: Hotel) -> None:
    _wait_rounds(hotel.policy)
    hotel.lab.restart()  # its tables are empty again
    _wait_rounds(hotel.policy, 3)
    phones = _phones(hotel.lab, hotel.guest, hotel.sleeper)
    try:
        assert phones[hotel.guest].call(hotel.sleeper) == 480
    finally:
        for phone in phones.values():
            phone.close()


@pytest.mark.sip
def test_with_no_position_signed_in_the_operator_number_reaches_the_night_destination(
    kamailio: KamailioLab,
) -> None:
    phones = _phones(kamailio, "301", "8000")
    try:
        assert phones["301"].call("9") == 486  # the front desk's telephone rang (and was busy)
        assert len(phones["8000"].received) == 1
        operator = RawPhone("9", kamailio.port)
        operator.register()
        try:
            assert phones["301"].call("9") == 486
            assert len(operator.received) == 1 and len(phones["8000"].received) == 1  # a position again
        finally:
            operator.close()
    finally:
        for phone in phones.values():
            phone.close()


def test_a_pbx_that_cannot_be_told_is_shown_plainly_on_the_dnd_lamps() -> None:
    """[pbx] policy = none: a DND lamp carries a mark and its tooltip says the PBX still rings the room."""
    from PySide6.QtCore import Qt

    from switchboard.hotel import ExtensionKind
    from switchboard.lamp_field import FieldLamp
    from switchboard.pbx import LampState
    from ui.blf_model import BlfModel, lamp_tooltip

    lamp = FieldLamp("1208", ExtensionKind.ROOM, label="", room="1208", occupied=True, dnd=True)
    assert "kept by this console only" in lamp_tooltip(lamp, LampState.IDLE, dnd_console_only=True)
    assert "kept by this console only" not in lamp_tooltip(lamp, LampState.IDLE)
    model = BlfModel()
    model.set_lamps([lamp])
    assert "console only" not in str(model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole))
    model.dnd_console_only = True
    assert "console only" in str(model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole))
