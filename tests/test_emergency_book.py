"""Emergency calls in the database: one alarm per call however many positions hear of it at once,
the guests of the room as they were, acknowledged and called out once, written into the logbook."""

from __future__ import annotations

import threading
from datetime import timedelta

from db.emergencies import SqlEmergencies
from db.logbook import SqlLogbook
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.emergency import EmergencyDialled, EmergencyNumbers, Source
from switchboard.hotel import Actor, Role
from tests.reader import READER

PBX = Actor.link("PBX")
NIGHT = Actor(user="night", position="Console 1", role=Role.OPERATOR)
DAY = Actor(user="day", position="Console 2", role=Role.OPERATOR)
DESK = Actor(user="frontdesk", position="Front desk", role=Role.FRONT_DESK)


def test_numbers_with_and_without_the_outside_prefix() -> None:
    numbers = EmergencyNumbers()
    assert numbers.match("110") == "110"
    assert numbers.match("0119") == "119"
    assert numbers.match("0 120") == "120"
    assert numbers.match("1100") is None
    assert numbers.match("８１１０") is None  # full-width digits are not dialled digits
    assert numbers.match("x" * 5000) is None
    custom = EmergencyNumbers.from_settings({"numbers": "999, 112; abc", "outside_prefix": "9"})
    assert custom.numbers == ("999", "112") and custom.match("9999") == "999"
    assert EmergencyNumbers.from_settings({"numbers": "abc"}).numbers == EmergencyNumbers().numbers


def _dialled(
    clock: FakeClock, extension: str, key: str = "call-1", source: Source = Source.PBX
) -> EmergencyDialled:
    return EmergencyDialled(key, extension, "110", clock.now(), source)


def test_one_alarm_per_call_with_the_guests_of_the_room(store: Store, clock: FakeClock) -> None:
    seed_demo_hotel(store, clock)
    room = next(r for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest and not r.privacy)
    book = SqlEmergencies(store, clock)
    alarm, new = book.raise_alarm(_dialled(clock, room.extension), PBX)
    assert new and alarm.room == room.number and alarm.floor == room.floor and alarm.open
    assert [o.name for o in alarm.occupants] == [room.guest]
    again, new = book.raise_alarm(_dialled(clock, room.extension), PBX)
    assert not new and again.id == alarm.id
    # its call record a minute later is the same call, not a second alarm
    clock.advance(timedelta(minutes=1))
    record = EmergencyDialled("smdr:abc", room.extension, "110", clock.now(), Source.RECORDS, up=False)
    late, new = book.raise_alarm(record, PBX)
    assert not new and late.id == alarm.id and not late.up
    assert [a.id for a in book.open_alarms()] == [alarm.id]
    entries = [e.text for e in SqlLogbook(store, clock).recent(READER)]
    assert any(f"room {room.number} dialled 110" in e for e in entries)


def test_a_call_the_live_paths_missed_is_raised_late_from_its_record(store: Store, clock: FakeClock) -> None:
    seed_demo_hotel(store, clock)
    room = next(r for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest)
    record = EmergencyDialled("smdr:1", room.extension, "119", clock.now(), Source.RECORDS, up=False)
    alarm, new = SqlEmergencies(store, clock).raise_alarm(record, PBX)
    assert new and alarm.source is Source.RECORDS and alarm.number == "119"
    assert any("live alarm missed it" in e.text for e in SqlLogbook(store, clock).recent(READER))


def test_the_first_acknowledgement_counts_and_escalation_happens_once(store: Store, clock: FakeClock) -> None:
    seed_demo_hotel(store, clock)
    book = SqlEmergencies(store, clock)
    alarm, _ = book.raise_alarm(_dialled(clock, "2001"), PBX)
    assert not alarm.overdue(clock.now())
    clock.advance(timedelta(seconds=31))
    assert book.open_alarms()[0].overdue(clock.now())
    assert book.escalated(alarm.id, PBX) and not book.escalated(alarm.id, PBX)
    assert not book.open_alarms()[0].overdue(clock.now())  # called out already
    first = book.acknowledge(alarm.id, NIGHT)
    second = book.acknowledge(alarm.id, DAY)
    assert first.acknowledged_by == second.acknowledged_by == "night"
    assert book.open_alarms() == []
    assert [a.id for a in book.between(clock.now() - timedelta(hours=1), clock.now())] == [alarm.id]


def test_front_desk_may_not_acknowledge(store: Store, clock: FakeClock) -> None:
    import pytest

    from switchboard.errors import PermissionDenied

    seed_demo_hotel(store, clock)
    book = SqlEmergencies(store, clock)
    alarm, _ = book.raise_alarm(_dialled(clock, "2001"), PBX)
    with pytest.raises(PermissionDenied):
        book.acknowledge(alarm.id, DESK)


def test_two_positions_raise_the_same_call_at_once(store: Store, clock: FakeClock) -> None:
    seed_demo_hotel(store, clock)
    other = Store(store.url)
    try:
        books = [SqlEmergencies(store, clock), SqlEmergencies(other, clock)]
        def raise_it(book: SqlEmergencies, key: str, start: threading.Barrier, results: list[bool]) -> None:
            start.wait()
            results.append(book.raise_alarm(_dialled(clock, "2001", key), PBX)[1])

        for round_ in range(30):
            results: list[bool] = []
            start = threading.Barrier(2)
            threads = [
                threading.Thread(target=raise_it, args=(b, f"race-{round_}", start, results)) for b in books
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert sorted(results) == [False, True], round_
        assert len(books[0].open_alarms()) == 30
    finally:
        other.dispose()


def test_the_pbx_message_is_read_strictly() -> None:
    from datetime import UTC, datetime

    from hypothesis import given
    from hypothesis import strategies as st

    from switchboard.emergency import from_pbx_message

    at = datetime(2026, 12, 5, 3, 0, tzinfo=UTC)
    numbers = EmergencyNumbers()
    told = from_pbx_message(b"extension=1208\r\nnumber=0110\r\ncall=a84b4c76e66710@pc33\r\n", at, numbers)
    assert told == EmergencyDialled("a84b4c76e66710@pc33", "1208", "110", at, Source.PBX)
    for bad in (
        b"extension=1208\r\nnumber=8000\r\ncall=x\r\n",  # not an emergency number
        b"extension=12\xc2\xb2\r\nnumber=110\r\ncall=x\r\n",  # not ASCII
        b"extension=\r\nnumber=110\r\ncall=x\r\n",
        b"extension=1208\r\nnumber=110\r\n",  # no call
        b"extension=1208\r\nnumber=110\r\ncall=" + b"x" * 300 + b"\r\n",
        b"extension=1208\r\n" * 500,
    ):
        assert from_pbx_message(bad, at, numbers) is None

    @given(st.binary(max_size=3000))
    def never_raises(body: bytes) -> None:
        from_pbx_message(body, at, numbers)

    never_raises()


def test_the_shift_report_lists_each_emergency_call_with_its_acknowledgement(
    store: Store, clock: FakeClock, tmp_path: object
) -> None:
    import subprocess
    from pathlib import Path

    from db.shift_stats import SqlShiftStats
    from switchboard.shifts import shift_at
    from ui.shift_report import render

    seed_demo_hotel(store, clock)
    room = next(r for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest and not r.privacy)
    book = SqlEmergencies(store, clock)
    alarm, _ = book.raise_alarm(_dialled(clock, room.extension), PBX)
    clock.advance(timedelta(seconds=12))
    book.acknowledge(alarm.id, NIGHT)
    slot = shift_at(clock.now())
    figures = SqlShiftStats(store, clock).figures("night", slot.starts_at, slot.ends_at, READER)
    listed = [(e.where, e.number, e.acknowledged_by) for e in figures.emergencies]
    assert listed == [(room.number, "110", "night")]
    pdf = Path(str(tmp_path)) / "report.pdf"
    render(figures, pdf, "Grand Harbour Hotel", clock.now())
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Emergency calls" in text and room.number in text and "(+12 s)" in text
    assert room.guest not in text  # the report leaves the desk: room and times, not the guest


def test_the_handover_lists_the_shifts_emergency_calls(store: Store, clock: FakeClock) -> None:
    from db.handover import SqlHandovers
    from switchboard.handover import ItemKind
    from switchboard.shifts import shift_at
    from ui.handover_dialog import item_text

    seed_demo_hotel(store, clock)
    room = next(r for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest)
    book = SqlEmergencies(store, clock)
    alarm, _ = book.raise_alarm(_dialled(clock, room.extension), PBX)
    book.acknowledge(alarm.id, NIGHT)
    handover = SqlHandovers(store, clock).compose(shift_at(clock.now()), "", NIGHT)
    items = [i for i in handover.items if i.kind is ItemKind.EMERGENCY]
    assert len(items) == 1
    assert item_text(items[0]).endswith(f"{room.number} dialled 110, acknowledged by night")
