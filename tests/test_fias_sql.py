"""The PMS link into the real database: FIAS records from a PMS peer over TCP reach the
one front office and the wake-up book on SQLite and PostgreSQL, and are answered."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from db.frontoffice import SqlFrontOffice
from db.pms_wakeups import SqlPmsWakeUps
from db.room_board import SqlRoomBoard
from db.rows import GuestRow, RoomRow, StayRow, WakeUpRow
from db.seed import seed_demo_hotel
from db.store import Store
from hardware.fias_link import FiasLink, LinkSettings
from switchboard.clock import FakeClock
from switchboard.fias.front_desk import NAMELESS, PmsFrontDesk
from switchboard.fias.records import FiasRecord
from switchboard.fias.session import LinkPhase
from tests.fias_pms import PmsPeer, pms_on_tcp
from tests.reader import READER
from tests.test_fias_link import eventually

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def pms_and_console(store: Store) -> Iterator[tuple[PmsPeer, FiasLink, PmsFrontDesk, Store, FakeClock]]:
    clock = FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=ZONE))
    seed_demo_hotel(store, clock)
    with pms_on_tcp() as (pms, port):
        yield from _console_on(pms, port, store, clock)


def _console_on(
    pms: PmsPeer, port: int, store: Store, clock: FakeClock
) -> Iterator[tuple[PmsPeer, FiasLink, PmsFrontDesk, Store, FakeClock]]:
    holder: list[PmsFrontDesk] = []
    link = FiasLink(
        LinkSettings(f"socket://127.0.0.1:{port}", serial_framing=False, listen_s=0.5, ack_timeout_s=0.5),
        clock,
        lambda rec: holder[0].apply(rec),
        lambda _event: None,
    )
    desk = PmsFrontDesk(SqlFrontOffice(store, clock), SqlPmsWakeUps(store, clock), link.send)
    holder.append(desk)
    link.start()
    try:
        yield pms, link, desk, store, clock
    finally:
        link.stop()


def test_check_in_wake_up_and_check_out_from_the_pms(pms_and_console) -> None:  # type: ignore[no-untyped-def]
    pms, link, desk, store, clock = pms_and_console
    assert pms.alive.wait(10)
    eventually(lambda: link.session.phase is LinkPhase.ALIVE)
    room = next(r.number for r in SqlRoomBoard(store, clock).rooms(READER) if r.occupancy == "vacant")

    def stay_status() -> str | None:
        with store.read() as s:
            return s.scalar(select(StayRow.status).where(StayRow.reservation == "4711"))

    pms.send("GI", ("RN", room), ("G#", "4711"), ("GN", "Wang"), ("GL", "ZH"), ("GS", "N"))
    eventually(lambda: stay_status() == "in_house")
    due = clock.now().replace(tzinfo=None) + timedelta(hours=8, minutes=30)
    pms.send("WR", ("RN", room), ("DA", due.strftime("%y%m%d")), ("TI", due.strftime("%H%M%S")))

    def booked() -> list[str]:
        with store.read() as s:
            return list(s.scalars(select(WakeUpRow.status).where(WakeUpRow.room_number == room)))

    eventually(lambda: booked() == ["booked"])
    desk.wake_up_finished(room, due, "OK")
    answer = pms.wait_for("WA")[0]
    assert (answer.get("RN"), answer.get("AS")) == (room, "OK")
    pms.send("GO", ("RN", room), ("G#", "4711"), ("GS", "N"))
    eventually(lambda: stay_status() == "checked_out")
    assert booked() == ["cancelled"]  # check-out cancels the stay's wake-ups


def test_a_resync_keeps_the_guests_the_pms_resends_and_checks_out_the_rest(store: Store) -> None:
    """A guest already in house and resent in the resync (GI with SF) stays; one not resent leaves."""
    clock = FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=ZONE))
    seed_demo_hotel(store, clock)
    vacant = [r.number for r in SqlRoomBoard(store, clock).rooms(READER) if r.occupancy == "vacant"][:2]
    desk = PmsFrontDesk(SqlFrontOffice(store, clock), SqlPmsWakeUps(store, clock), lambda _rec: None)
    for room, reservation in zip(vacant, ("5001", "5002"), strict=True):
        desk.apply(FiasRecord("GI", (("RN", room), ("G#", reservation), ("GN", "Li"), ("GS", "N"))))
    desk.apply(FiasRecord("DS", ()))
    desk.apply(FiasRecord("GI", (("RN", vacant[0]), ("G#", "5001"), ("GN", "Li Wei"), ("SF", ""))))
    desk.apply(FiasRecord("DE", ()))
    with store.read() as s:
        status = dict(
            s.execute(
                select(StayRow.reservation, StayRow.status).where(StayRow.reservation.in_(["5001", "5002"]))
            ).all()
        )
    assert status == {"5001": "in_house", "5002": "checked_out"}


def test_class_of_service_from_a_check_in_change_and_resync_reaches_the_room(store: Store) -> None:
    """CS in GI, GC and a resent GI (SF) sets the room's class of service in the database."""
    clock = FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=ZONE))
    seed_demo_hotel(store, clock)
    room = next(r.number for r in SqlRoomBoard(store, clock).rooms(READER) if r.occupancy == "vacant")
    desk = PmsFrontDesk(SqlFrontOffice(store, clock), SqlPmsWakeUps(store, clock), lambda _rec: None)

    def level() -> int | None:
        with store.read() as s:
            return s.scalar(select(RoomRow.class_of_service).where(RoomRow.number == room))

    desk.apply(FiasRecord("GI", (("RN", room), ("G#", "6001"), ("GN", "Li"), ("GF", "Wei"), ("CS", "1"))))
    assert (level(), desk.failed) == (1, 0)
    desk.apply(FiasRecord("GC", (("RN", room), ("G#", "6001"), ("GF", "Xiaowei"), ("CS", "0"))))
    assert (level(), desk.failed) == (0, 0)
    desk.apply(FiasRecord("DS", ()))
    desk.apply(FiasRecord("GI", (("RN", room), ("G#", "6001"), ("GN", "Li"), ("CS", "2"), ("SF", ""))))
    desk.apply(FiasRecord("DE", ()))
    assert (level(), desk.failed) == (2, 0)


def test_a_wake_up_request_repeated_by_the_pms_is_booked_once_and_not_refused(store: Store) -> None:
    clock = FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=ZONE))
    seed_demo_hotel(store, clock)
    room = next(r.number for r in SqlRoomBoard(store, clock).rooms(READER) if r.occupancy == "vacant")
    sent: list[FiasRecord] = []
    desk = PmsFrontDesk(SqlFrontOffice(store, clock), SqlPmsWakeUps(store, clock), sent.append)
    desk.apply(FiasRecord("GI", (("RN", room), ("G#", "7001"), ("GN", "Li"))))
    wr = FiasRecord("WR", (("RN", room), ("DA", "261121"), ("TI", "063000")))
    desk.apply(wr)
    desk.apply(wr)
    with store.read() as s:
        rows = list(s.scalars(select(WakeUpRow.status).where(WakeUpRow.room_number == room)))
    assert (rows, sent, desk.failed) == (["booked"], [], 0)


def test_a_check_in_without_a_name_is_stored_under_the_placeholder(store: Store) -> None:
    clock = FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=ZONE))
    seed_demo_hotel(store, clock)
    room = next(r.number for r in SqlRoomBoard(store, clock).rooms(READER) if r.occupancy == "vacant")
    desk = PmsFrontDesk(SqlFrontOffice(store, clock), SqlPmsWakeUps(store, clock), lambda _rec: None)
    desk.apply(FiasRecord("GI", (("RN", room), ("G#", "8001"), ("GS", "N"))))
    with store.read() as s:
        name = s.scalar(
            select(GuestRow.name)
            .join(StayRow, StayRow.guest_id == GuestRow.id)
            .where(StayRow.reservation == "8001")
        )
    assert (name, desk.failed) == (NAMELESS, 0)
