"""A privacy guest's name in free text beside their room, on the surfaces beyond the logbook's list:
the daily board's notices and whereabouts, a logbook search and an entry's earlier versions, a
handover read by its number, the link monitor's frames.  The guests are the demo hotel's privacy
guests ("Al-Rashid, Omar", 黄晓明); on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace
from typing import cast

import pytest
from sqlalchemy import select

from console.context import Console
from console.frame_mask import FrameMask
from db.board import SqlBoard
from db.handover import SqlHandovers
from db.logbook import SqlLogbook
from db.privacy import private_names
from db.room_states import RoomStates
from db.rows import GuestRow, RoomRow, StayRow
from switchboard.desk import LogCategory, LogQuery
from switchboard.errors import PermissionDenied
from switchboard.hotel import Actor, Role
from switchboard.link_monitor import RawFrame
from switchboard.pbx import LinkName
from switchboard.shifts import shift_at
from tests.test_roles import NOW, Hotel, hotel  # noqa: F401  (fixture)

OP = Actor("lin", "Console 1", Role.OPERATOR)
MANAGER = Actor("zhao", "Office", Role.DUTY_MANAGER)


def _room(h: Hotel, name: str) -> str:
    with h.store.read() as s:
        return s.execute(
            select(RoomRow.number)
            .join(StayRow, StayRow.room_id == RoomRow.id)
            .join(GuestRow, GuestRow.id == StayRow.guest_id)
            .where(StayRow.privacy.is_(True), GuestRow.name == name)
        ).scalar_one()


def test_board_notices_and_whereabouts_mask_the_usual_ways_and_keep_the_rest(hotel: Hotel) -> None:  # noqa: F811
    omar, huang = _room(hotel, "Al-Rashid, Omar"), _room(hotel, "黄晓明")
    board = SqlBoard(hotel.store, hotel.clock)
    board.add_notice("note", "15:00", f"Mr Al-Rashid ({omar}) leaves at 3", OP)
    board.add_notice("note", "16:00", f"Huang Xiaoming in {huang} wants quiet", OP)
    board.add_notice("note", "17:00", f"Pool closed; room {omar} asked for towels", OP)
    board.add_notice("note", "18:00", "Al-Rashid family dinner, no room given", OP)  # no room: kept
    RoomStates(hotel.store, hotel.clock).set_whereabouts(
        omar, "Sheikh Omar is at the pool", NOW + timedelta(hours=2), OP
    )
    today = board.today(OP)
    notices = [n[2] for n in today.notices]
    assert notices == [
        f"Mr *** ({omar}) leaves at 3",
        f"*** in {huang} wants quiet",
        f"Pool closed; room {omar} asked for towels",
        "Al-Rashid family dinner, no room given",
    ], notices
    assert [w.split(" (")[0] for w in today.whereabouts] == [f"{omar}: Sheikh *** is at the pool"]


def test_a_search_by_a_masked_name_finds_nothing_and_versions_are_masked(hotel: Hotel) -> None:  # noqa: F811
    room = _room(hotel, "Al-Rashid, Omar")
    book = SqlLogbook(hotel.store, hotel.clock)
    entry = book.write(LogCategory.OTHER, f"Omar Al-Rashid in {room} wants a taxi", OP)
    book.write(LogCategory.OTHER, "Taxi rank closed", OP)
    book.edit(entry.id, f"Guest in {room} wants a taxi at 9", OP)
    assert book.search(LogQuery(text="Al-Rashid"), OP) == []
    assert {e.text for e in book.search(LogQuery(text="taxi"), OP)} == {
        f"Guest in {room} wants a taxi at 9",
        "Taxi rank closed",
    }
    assert [v.text for v in book.versions(entry.id, MANAGER)] == [f"*** in {room} wants a taxi"]


def test_a_handover_by_its_number_is_the_logbooks_read(hotel: Hotel) -> None:  # noqa: F811
    room = _room(hotel, "黄晓明")
    book = SqlHandovers(hotel.store, hotel.clock)
    done = book.compose(shift_at(NOW), f"黄先生 in {room} leaves early", OP)
    assert book.get(done.id, MANAGER).items[0].text == f"*** in {room} leaves early"
    for who in (Actor("wang", "Front desk 1", Role.FRONT_DESK), Actor(user="?", position="Console 9")):
        with pytest.raises(PermissionDenied):
            book.get(done.id, who)


def test_the_link_monitor_masks_the_privacy_guests_of_the_database(hotel: Hotel) -> None:  # noqa: F811
    room = _room(hotel, "Al-Rashid, Omar")
    with hotel.store.read() as s:
        assert private_names(s) is not None
    settings = SimpleNamespace(section=lambda name: {"encoding": "utf-8"} if name == "pms" else {})
    console = cast(Console, SimpleNamespace(store=hotel.store, clock=hotel.clock, settings=settings))
    mask = FrameMask(console)
    line = f'"","{room}","0","from-internal","""Al-Rashid Omar"" <{room}>","PJSIP/{room}-1",""'.encode()
    shown = mask(RawFrame(LinkName.SMDR, False, line, NOW)).data
    assert b"Rashid" not in shown and f"<{room}>".encode() in shown, shown
    other = b'"","301","0","from-internal","""Room 301"" <301>","PJSIP/301-1",""'
    assert mask(RawFrame(LinkName.SMDR, False, other, NOW)).data == other


def test_a_call_back_for_a_privacy_guests_room_does_not_name_them(hotel: Hotel) -> None:  # noqa: F811
    """The call-back list (due reminders) shows the caller's name beside the extension the call was
    for: a privacy guest who asked to be called back on their room's line is not named there."""
    from db.console_calls import SqlConsoleCalls

    omar = _room(hotel, "Al-Rashid, Omar")
    with hotel.store.read() as s:
        line = s.execute(select(RoomRow.extension).where(RoomRow.number == omar)).scalar_one()
    calls = SqlConsoleCalls(hotel.store, hotel.clock)
    due = hotel.clock.now() + timedelta(minutes=5)
    calls.add_callback("Mr Al-Rashid", "+971 4 555 0100", line, "Mr Al-Rashid asks about the car", due, OP)
    calls.add_callback("Ms Wang (travel agent)", "+86 21 5555 0100", line, "", due, OP)
    hotel.clock.advance(timedelta(minutes=6))
    shown = sorted((t.caller, t.note) for t in calls.callbacks_due())
    assert shown == [("Mr ***", "Mr *** asks about the car"), ("Ms Wang (travel agent)", "")], shown
