"""Check-in, check-out, guest changes, room moves and DND until a time: one path
into the database for the front desk, the operator and the PMS."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from db.callers import SqlCallers
from db.frontoffice import SqlFrontOffice
from db.message_book import SqlMessageBook
from db.room_board import SqlRoomBoard
from db.rows import AuditRow, GuestRow, RoomMoveRow, StayRow
from db.seed import seed_demo_hotel
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from switchboard.clock import FakeClock
from switchboard.errors import InputError, NotFound
from switchboard.frontoffice import CheckIn, GuestChange
from switchboard.hotel import Actor, Role, StayStatus
from tests.reader import READER

ZONE = ZoneInfo("Asia/Shanghai")
DESK = Actor(user="frontdesk", position="Front desk", role=Role.FRONT_DESK)


@pytest.fixture
def hotel(store: Store) -> tuple[Store, FakeClock, list[str], list[tuple[str, bool]]]:
    clock = FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=ZONE))
    seed_demo_hotel(store, clock)
    vacant = [r.number for r in SqlRoomBoard(store, clock).rooms(READER) if r.occupancy == "vacant"]
    return store, clock, vacant, []


def office(store: Store, clock: FakeClock, told: list[tuple[str, bool]]) -> SqlFrontOffice:
    return SqlFrontOffice(
        store,
        clock,
        on_dnd=lambda e, on: told.append((f"dnd {e}", on)),
        on_lamp=lambda e, on: told.append((f"lamp {e}", on)),
    )


def test_check_in_with_chinese_and_mixed_names_and_the_directory_finds_them(hotel) -> None:  # type: ignore[no-untyped-def]
    store, clock, vacant, told = hotel
    fo = office(store, clock, told)
    stay = fo.check_in(
        CheckIn(room=vacant[0], name="欧阳娜娜", title="女士", language="zh", vip_level=2), DESK
    )
    assert stay.status is StayStatus.IN_HOUSE and stay.guest.romanised == "ou yang na na"
    mixed = fo.check_in(CheckIn(room=vacant[1], name="محمد Ali 王 🙂", departure=date(2026, 11, 23)), DESK)
    assert mixed.guest.name == "محمد Ali 王 🙂"
    callers = SqlCallers(store, clock)
    from switchboard.directory import Directory

    directory = Directory(callers.directory_entries())
    assert directory.search("oynn")[0].name == "欧阳娜娜"
    assert callers.who(vacant[0]).vip_level == 2


@pytest.mark.parametrize(
    ("request_", "words"),
    [
        (CheckIn(room="99999", name="Smith"), "Not a room number"),
        (CheckIn(room="0000", name="Smith"), "Not a room number"),
        (CheckIn(room="ROOM", name=""), None),
        (CheckIn(room="ROOM", name="x" * 5000), "longer than"),
        (
            CheckIn(room="ROOM", name="Smith", arrival=date(2026, 11, 22), departure=date(2026, 11, 21)),
            "before",
        ),
    ],
)
def test_bad_check_ins_change_nothing(hotel, request_: CheckIn, words: str | None) -> None:  # type: ignore[no-untyped-def]
    store, clock, vacant, told = hotel
    from dataclasses import replace

    if request_.room == "ROOM":
        request_ = replace(request_, room=vacant[0])
    with store.read() as s:
        before = s.scalar(select(func.count()).select_from(GuestRow))
    with pytest.raises(InputError) as err:
        office(store, clock, told).check_in(request_, DESK)
    if words:
        assert words in str(err.value)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(GuestRow)) == before


def test_check_out_reports_undelivered_messages_and_clears_the_room(hotel) -> None:  # type: ignore[no-untyped-def]
    store, clock, vacant, told = hotel
    fo = office(store, clock, told)
    fo.check_in(CheckIn(room=vacant[0], name="Brown, Olivia", title="Mrs."), DESK)
    fo.set_dnd(vacant[0], True, DESK)
    SqlMessageBook(store, clock).take(vacant[0], "Mr. Li", "", "Call back", DESK)
    wake = SqlWakeUpBook(store, clock).book(vacant[0], time(6, 30), DESK)
    result = fo.check_out(vacant[0], "", DESK)
    assert result.undelivered_messages == 1 and result.cancelled_wakeups == 1
    assert ("dnd " + vacant[0], False) in told
    assert ("lamp " + vacant[0], False) in told
    room = next(r for r in SqlRoomBoard(store, clock).rooms(READER) if r.number == vacant[0])
    assert (
        not room.dnd and not room.message_lamp and room.occupancy == "vacant" and room.housekeeping == "dirty"
    )
    assert all(w.id != wake.id for w in SqlWakeUpBook(store, clock).upcoming(READER))
    with pytest.raises(NotFound):
        fo.check_out(vacant[0], "", DESK)


def test_a_room_move_carries_wake_ups_messages_and_dnd(hotel) -> None:  # type: ignore[no-untyped-def]
    store, clock, vacant, told = hotel
    fo = office(store, clock, told)
    stay = fo.check_in(CheckIn(room=vacant[0], name="张伟", title="先生", language="zh"), DESK)
    fo.set_dnd(vacant[0], True, DESK)
    SqlMessageBook(store, clock).take(vacant[0], "Ms. Wang", "", "Meeting moved to 10:00", DESK)
    SqlWakeUpBook(store, clock).book(vacant[0], time(7, 0), DESK)
    told.clear()
    moved = fo.move_room(vacant[0], vacant[1], stay.reservation, DESK)
    assert moved.room == vacant[1]
    wakeups = SqlWakeUpBook(store, clock).upcoming(READER)
    assert [w.room for w in wakeups] == [vacant[1]]
    assert SqlMessageBook(store, clock).waiting(READER)[0].room == vacant[1]
    rooms = {r.number: r for r in SqlRoomBoard(store, clock).rooms(READER)}
    assert rooms[vacant[1]].dnd and rooms[vacant[1]].message_lamp and rooms[vacant[1]].guest == "张伟"
    assert (
        not rooms[vacant[0]].dnd
        and not rooms[vacant[0]].message_lamp
        and rooms[vacant[0]].occupancy == "vacant"
    )
    assert set(told) == {
        (f"dnd {vacant[1]}", True),
        (f"lamp {vacant[1]}", True),
        (f"dnd {vacant[0]}", False),
        (f"lamp {vacant[0]}", False),
    }
    with store.read() as s:
        assert s.scalars(select(RoomMoveRow)).one().to_room == vacant[1]
    with pytest.raises(InputError):
        fo.move_room(vacant[1], vacant[1], "", DESK)


def test_dnd_until_ten_clears_itself(hotel) -> None:  # type: ignore[no-untyped-def]
    store, clock, vacant, told = hotel
    fo = office(store, clock, told)
    fo.check_in(CheckIn(room=vacant[0], name="Patel, Raj", title="Mr."), DESK)
    with pytest.raises(InputError):
        fo.set_dnd(vacant[0], True, DESK, until=clock.now() - timedelta(minutes=1))
    fo.set_dnd(vacant[0], True, DESK, until=datetime(2026, 11, 21, 10, 0, tzinfo=ZONE))
    clock.set(datetime(2026, 11, 21, 9, 59, tzinfo=ZONE))
    assert fo.expire_dnd() == []
    clock.set(datetime(2026, 11, 21, 10, 0, 30, tzinfo=ZONE))
    assert fo.expire_dnd() == [vacant[0]]
    assert told[-1] == (f"dnd {vacant[0]}", False)
    assert not next(r for r in SqlRoomBoard(store, clock).rooms(READER) if r.number == vacant[0]).dnd
    with store.read() as s:
        assert "dnd.expired" in set(s.scalars(select(AuditRow.action)))


def test_guest_change_validates_and_keeps_the_stay(hotel) -> None:  # type: ignore[no-untyped-def]
    store, clock, vacant, told = hotel
    fo = office(store, clock, told)
    stay = fo.check_in(CheckIn(room=vacant[0], name="Kim, Min-jun", departure=date(2026, 11, 25)), DESK)
    changed = fo.change_guest(GuestChange(room=vacant[0], vip_level=3, title="Mr.", privacy=True), DESK)
    assert changed.guest.vip_level == 3 and changed.privacy and changed.id == stay.id
    with pytest.raises(InputError):
        fo.change_guest(GuestChange(room=vacant[0], departure=date(2026, 11, 1)), DESK)
    with store.read() as s:
        assert s.get(StayRow, stay.id).departure == date(2026, 11, 25)  # type: ignore[union-attr]


def test_the_rooms_page_checks_in_moves_and_checks_out(qtbot, hotel) -> None:  # type: ignore[no-untyped-def]
    from ui.rooms_page import RoomsPage

    store, clock, vacant, told = hotel
    fo = office(store, clock, told)
    book = SqlMessageBook(store, clock)
    asked: list[str] = []
    page = RoomsPage(
        SqlRoomBoard(store, clock),
        lambda: DESK,
        desk=fo,
        now=clock.now,
        waiting_messages=lambda n: sum(1 for m in book.waiting(READER) if m.room == n),
        confirm=lambda q: asked.append(q) or False,
    )
    qtbot.addWidget(page)

    def select(number: str) -> None:
        page.floor.setCurrentIndex(0)
        page.select_row(next(i for i, r in enumerate(page.model.rows()) if r.number == number))

    select(vacant[0])
    page.guest.setText("Dubois, Claire")
    page.title.setText("Mme")
    page.nights.setValue(3)
    page.check_in()
    assert page.message.text() == f"Checked in to {vacant[0]}"
    assert page.selected() is not None and page.selected().guest == "Dubois, Claire"  # type: ignore[union-attr]
    page.where.setText("At the spa")
    page.until.setTime(page.until.time().fromString("23:30", "HH:mm"))
    page.set_whereabouts()
    assert SqlCallers(store, clock).who(vacant[0]).whereabouts == "At the spa"
    clock.advance(timedelta(hours=2))  # past 23:30: the note has expired by itself
    assert SqlCallers(store, clock).who(vacant[0]).whereabouts == ""
    clock.advance(timedelta(hours=-2))
    page.move_to.setText("nowhere")
    page.move_guest()
    assert page.message.text() == "There is no room nowhere."
    page.move_to.setText(vacant[1])
    page.move_guest()
    assert page.message.text() == f"Moved to {vacant[1]}"
    book.take(vacant[1], "Concierge", "", "Your tickets are at the desk", DESK)
    select(vacant[1])
    page.check_out()
    assert asked and "1 message(s)" in asked[0]  # asked first, and the answer was no
    assert SqlCallers(store, clock).who(vacant[1]).is_guest
    page._confirm = lambda q: True
    page.check_out()
    assert page.message.text() == f"Checked out of {vacant[1]}"
    assert not SqlCallers(store, clock).who(vacant[1]).is_guest


def test_messages_for_an_expected_arrival_wait_for_check_in_and_are_purged_after_check_out(hotel) -> None:  # type: ignore[no-untyped-def]
    store, clock, _vacant, told = hotel
    with store.read() as s:
        expected = s.scalars(select(StayRow).where(StayRow.status == StayStatus.EXPECTED.value)).first()
        assert expected is not None
        from db.rows import RoomRow

        room = s.get(RoomRow, expected.room_id).number  # type: ignore[union-attr]
        guest = s.get(GuestRow, expected.guest_id).name  # type: ignore[union-attr]
        reservation = expected.reservation
    book = SqlMessageBook(store, clock)
    book.take(room, "Travel agent", "", "Your car is booked for 08:00", DESK)
    fo = office(store, clock, told)
    assert not any(r.message_lamp for r in SqlRoomBoard(store, clock).rooms(READER) if r.number == room)
    fo.check_in(CheckIn(room=room, name=guest, reservation=reservation), DESK)
    assert (f"lamp {room}", True) in told
    waiting = book.waiting(READER)
    assert [m.text for m in waiting if m.room == room] == ["Your car is booked for 08:00"]
    message = next(m for m in waiting if m.room == room)
    book.deliver(message.id, message.version, DESK, "slip")
    fo.check_out(room, reservation, DESK)
    assert fo.purge_messages() == 0
    clock.advance(timedelta(days=8))
    assert fo.purge_messages() == 1


def test_vip_and_arrivals_list_on_screen_and_in_print(qtbot, hotel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    from db.board import SqlBoard
    from ui.arrivals_page import ArrivalsPage, arrivals_pdf

    store, clock, _vacant, _told = hotel
    page = ArrivalsPage(
        SqlBoard(store, clock),
        lambda: READER,
        clock.now,
        "Grand Harbour Hotel",
        in_house=SqlRoomBoard(store, clock).rooms,
    )
    qtbot.addWidget(page)
    everyone = page.model.rowCount()
    assert everyone == 6  # the demo hotel's expected arrivals today and tomorrow
    listed = page.model.rows()
    for day in {a.arrival for a in listed}:  # each day's list starts with its VIPs
        levels = [a.vip_level for a in listed if a.arrival == day]
        assert levels == sorted(levels, reverse=True)
    assert page.vip_model.rowCount() >= 5
    vip_rows = [page.vip_model.row(i) for i in range(page.vip_model.rowCount())]
    assert all(r is not None and r.vip_level for r in vip_rows)
    assert any(page.vip_model.data(page.vip_model.index(i, 2)) == "(privacy)" for i in range(len(vip_rows)))
    page.vip_only.setChecked(True)
    assert 0 < page.model.rowCount() < everyone
    pdf = arrivals_pdf(page.arrivals(), tmp_path / "arrivals.pdf", "Grand Harbour Hotel", clock.now())
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "VIP and expected arrivals" in text
    assert all(a.name.split(",")[0] in text for a in page.arrivals())


def test_a_suites_every_phone_gets_dnd_and_the_message_lamp(hotel) -> None:  # type: ignore[no-untyped-def]
    from db.rows import ExtensionRow, RoomRow

    store, clock, vacant, told = hotel
    with store.unit() as s:
        suite = s.scalars(select(RoomRow).where(RoomRow.number == vacant[0])).one()
        s.add(
            ExtensionRow(
                number=f"{suite.number}1",
                kind="room",
                label=f"{suite.number} bedroom 2",
                room_id=suite.id,
                floor=suite.floor,
            )
        )
        phones = {suite.extension, f"{suite.number}1"}
    fo = office(store, clock, told)
    fo.check_in(CheckIn(room=vacant[0], name="Al-Rashid, Omar", title="Sheikh", vip_level=3), DESK)
    fo.set_dnd(vacant[0], True, DESK)
    assert {e.split()[1] for e, on in told if e.startswith("dnd") and on} == phones
    told.clear()
    fo.check_out(vacant[0], "", DESK)
    assert {e.split()[1] for e, on in told if e.startswith("dnd") and not on} == phones


def test_a_pms_resync_keeps_resent_stays_and_checks_out_the_rest(hotel) -> None:  # type: ignore[no-untyped-def]
    from switchboard.frontoffice import FrontOffice

    store, clock, vacant, told = hotel
    fo: FrontOffice = office(store, clock, told)
    fo.check_in(CheckIn(room=vacant[0], name="Rossi, Marco", reservation="R100"), DESK)
    fo.check_in(CheckIn(room=vacant[1], name="García, Lucía", reservation="R200"), DESK)
    pms = Actor.link("fias")
    with store.read() as s:
        in_house_before = s.scalar(
            select(func.count()).select_from(StayRow).where(StayRow.status == "in_house")
        )
    fo.begin_resync(pms)
    fo.check_in(CheckIn(room=vacant[0], name="Rossi, Marco", title="Sig.", reservation="R100"), pms)  # resent
    fo.end_resync(pms)
    with store.read() as s:
        statuses = dict(
            s.execute(
                select(StayRow.reservation, StayRow.status).where(StayRow.reservation.in_(["R100", "R200"]))
            ).all()
        )
        in_house_after = s.scalar(
            select(func.count()).select_from(StayRow).where(StayRow.status == "in_house")
        )
    assert statuses == {"R100": "in_house", "R200": "checked_out"}
    assert in_house_after == 1  # only what the PMS resent; the demo guests were not resent either
    assert in_house_before > in_house_after
    assert fo.take_message(vacant[0], "PMS", "Please call the front desk", pms) > 0
    assert (f"lamp {vacant[0]}", True) in told
