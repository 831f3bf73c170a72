"""Park and camp-on shared by every position: a call parked at one position is in the shared park
area (the database) for every position, and picked up at another: the parking position hands it over
by REFER to the picking position's own address (its GRUU, so the PBX rings it alone), where it is
answered on arrival. Two pjsua2 positions in processes of their own, Kamailio, a baresip caller."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from db.shared_parks import SqlSharedParks
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.positions import AsideKind, SharedPark
from tests.positions_lab import Position
from tests.sip_lab import KamailioLab
from tests.sip_lab.baresip import BaresipPhone


@pytest.fixture
def database(pg_url: str) -> str:
    store = Store(pg_url)
    store.migrate()
    store.dispose()
    return pg_url


def wait_for(check: Callable[[], object], timeout: float = 10.0) -> object:
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found:
            return found
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.sip
@pytest.mark.postgres
def test_a_call_parked_at_one_position_is_picked_up_at_the_other(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone], database: str
) -> None:
    store = Store(database)
    book = SqlSharedParks(store, FakeClock(datetime(2026, 12, 5, tzinfo=UTC)), "test")
    parking = Position("Parking", kamailio, database, answer=True)
    picking = Position("Picking", kamailio, database, answer=False)
    try:
        for p in (parking, picking):
            p.wait("link", status="up")
        caller = baresip_phone("1301")
        caller.dial("9")
        answered = parking.wait("state", state="connected")
        caller.wait_event("CALL_ESTABLISHED")
        parking.send(f"park {answered['call']}")
        parking.wait("state", call=answered["call"], state="parked")
        shared = wait_for(lambda: [p for p in book.all() if p.position == "Parking"])
        assert isinstance(shared, list) and len(shared) == 1
        park = shared[0]
        assert (park.kind, park.caller) == (AsideKind.PARK, "1301")
        assert park.where == parking.of("state", call=answered["call"], state="parked")[0]["peer"]

        picking.send(f"pickup-shared {park.call_key}")
        taken = picking.wait("state", state="connected", timeout=10)
        offered = picking.of("offered", call=taken["call"])
        assert offered and offered[0]["caller"] == "1301" and offered[0]["recall_of"] == park.where
        ended = parking.wait("ended", call=answered["call"], timeout=10)
        assert ended["reason"] == "answered at Picking"
        caller.wait_event("CALL_ESTABLISHED", timeout=10)  # the caller's new call, to the picking position
        wait_for(lambda: not book.all())  # gone from the shared park area
        assert picking.of("failed") == []
    finally:
        for p in (parking, picking):
            p.stop()
        store.dispose()


@pytest.mark.postgres
def test_two_positions_cannot_take_one_slot_or_pick_one_call_twice(pg_url: str) -> None:
    store = Store(pg_url)
    try:
        store.migrate()
        clock = FakeClock(datetime(2026, 12, 5, tzinfo=UTC))
        one, two, three = (SqlSharedParks(store, clock, n) for n in ("Console 1", "Console 2", "Console 3"))
        park = SharedPark("call-a@pbx", AsideKind.PARK, "7901", "", "1301", "Mr Lin", clock.now())
        assert one.put(park)
        other = SharedPark("call-b@pbx", AsideKind.PARK, "7901", "", "1302", "", clock.now())
        assert not two.put(other)  # the slot is Console 1's
        camp = SharedPark("call-c@pbx", AsideKind.CAMP, "1205", "", "1303", "", clock.now())
        assert two.put(camp) and three.put(
            SharedPark("call-d@pbx", AsideKind.CAMP, "1205", "", "1304", "", clock.now())
        )  # two callers may wait for the same busy extension
        assert [p.position for p in three.all()] == ["Console 1", "Console 2", "Console 3"]
        assert one.pick("call-a@pbx", "sip:9@pbx") is None  # not from oneself
        picked = two.pick("call-a@pbx", "sip:9@pbx;gr=urn:uuid:2")
        assert picked is not None and picked.caller == "1301"
        assert three.pick("call-a@pbx", "sip:9@pbx;gr=urn:uuid:3") is None  # Console 2 was first
        handed = one.handovers()
        assert [(h.call_key, h.picked_by, h.picked_contact) for h in handed] == [
            ("call-a@pbx", "Console 2", "sip:9@pbx;gr=urn:uuid:2")
        ]
        two.remove("call-a@pbx")  # only the holding position removes its call
        assert len(one.all()) == 3
        one.remove("call-a@pbx")
        assert len(one.all()) == 2
    finally:
        store.dispose()


def _parked_at(
    leaving: Position, staying: Position, caller: BaresipPhone, book: SqlSharedParks
) -> dict[str, str]:
    """``caller`` rings the operator number, ``leaving`` answers and parks it (seen in the shared book)."""
    for p in (leaving, staying):
        p.wait("link", status="up")
    caller.dial("9")
    first = leaving.wait("offered")
    leaving.send(f"answer {first['call']}")
    leaving.wait("state", call=first["call"], state="connected")
    caller.wait_event("CALL_ESTABLISHED")
    leaving.send(f"park {first['call']}")
    leaving.wait("state", call=first["call"], state="parked")
    wait_for(lambda: book.all())
    return first


@pytest.mark.sip
@pytest.mark.postgres
def test_a_call_parked_at_a_position_that_signs_out_rings_on_the_others(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone], database: str
) -> None:
    store = Store(database)
    book = SqlSharedParks(store, FakeClock(datetime(2026, 12, 5, tzinfo=UTC)), "test")
    leaving = Position("Leaving", kamailio, database, answer=False)
    staying = Position("Staying", kamailio, database, answer=False)
    try:
        first = _parked_at(leaving, staying, baresip_phone("1302"), book)
        rang_before = len(staying.of("offered", caller="1302"))
        leaving.send("quit")  # the operator signs out: the parked call must not be cut off
        wait_for(lambda: len(staying.of("offered", caller="1302")) == rang_before + 1)
        again = staying.of("offered", caller="1302")[-1]
        staying.send(f"answer {again['call']}")
        staying.wait("state", call=again["call"], state="connected", timeout=10)
        ended = leaving.wait("ended", call=first["call"], timeout=5)  # once the caller's NOTIFY says 200
        assert ended["reason"] == "answered at all positions"
        wait_for(lambda: not book.all())
    finally:
        for p in (leaving, staying):
            p.stop()
        store.dispose()


@pytest.mark.sip
@pytest.mark.postgres
def test_a_call_parked_at_a_position_whose_operator_signs_out_rings_on_every_position(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone], database: str
) -> None:
    store = Store(database)
    book = SqlSharedParks(store, FakeClock(datetime(2026, 12, 5, tzinfo=UTC)), "test")
    leaving = Position("Leaving", kamailio, database, answer=False)
    staying = Position("Staying", kamailio, database, answer=False)
    try:
        first = _parked_at(leaving, staying, baresip_phone("1305"), book)
        rang_before = len(staying.of("offered", caller="1305"))
        leaving.send("sign-out")  # the operator signs out; the console stays up on the sign-in cover
        wait_for(lambda: len(staying.of("offered", caller="1305")) == rang_before + 1)
        again = staying.of("offered", caller="1305")[-1]
        staying.send(f"answer {again['call']}")
        staying.wait("state", call=again["call"], state="connected", timeout=10)
        ended = leaving.wait("ended", call=first["call"], timeout=5)
        assert ended["reason"] == "answered at all positions"
        wait_for(lambda: not book.all())
        assert leaving.of("stopped") == []  # still up: its call keys keep working
        assert leaving.of("link", status="down") == []
    finally:
        for p in (leaving, staying):
            p.stop()
        store.dispose()


@pytest.mark.sip
@pytest.mark.postgres
def test_a_camp_on_is_seen_everywhere_and_its_recall_rings_the_position_that_camped_it(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone], database: str
) -> None:
    store = Store(database)
    book = SqlSharedParks(store, FakeClock(datetime(2026, 12, 5, tzinfo=UTC)), "test")
    camping = Position("Camping", kamailio, database, answer=False)
    other = Position("Other", kamailio, database, answer=False)
    try:
        for p in (camping, other):
            p.wait("link", status="up")
        busy = baresip_phone("1205")  # the extension camped on: busy on a call all through the test
        baresip_phone("1206")
        busy.dial("1206")
        busy.wait_event("CALL_ESTABLISHED")
        caller = baresip_phone("1303")
        caller.dial("9")
        first = camping.wait("offered")
        camping.send(f"answer {first['call']}")
        camping.wait("state", call=first["call"], state="connected")
        camping.send(f"camp {first['call']} 1205 2")
        camping.wait("state", call=first["call"], state="camped")
        shared = wait_for(lambda: [p for p in book.all() if p.position == "Camping"])
        assert isinstance(shared, list)
        assert [(p.kind, p.where, p.caller) for p in shared] == [(AsideKind.CAMP, "1205", "1303")]
        recall = camping.wait("offered", recall_of="1205", timeout=6)
        assert recall["call"] == first["call"] and recall["caller"] == "1303"
        assert other.of("offered", recall_of="1205") == []  # the recall is the camping position's
        wait_for(lambda: not book.all())  # ringing again, no longer aside
    finally:
        for p in (camping, other):
            p.stop()
        store.dispose()


@pytest.mark.sip
@pytest.mark.postgres
def test_a_pick_up_whose_hand_over_fails_leaves_the_call_parked(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone], database: str
) -> None:
    store = Store(database)
    clock = FakeClock(datetime(2026, 12, 5, tzinfo=UTC))
    book = SqlSharedParks(store, clock, "test")
    ghost = SqlSharedParks(store, clock, "Ghost")  # a position that picks, then is gone from the PBX
    parking = Position("Parking", kamailio, database, answer=True)
    try:
        parking.wait("link", status="up")
        caller = baresip_phone("1304")
        caller.dial("9")
        answered = parking.wait("state", state="connected")
        caller.wait_event("CALL_ESTABLISHED")
        parking.send(f"park {answered['call']}")
        slot = parking.wait("state", call=answered["call"], state="parked")["peer"]
        park = wait_for(lambda: book.all())
        assert isinstance(park, list)
        gone = f"sip:9@{kamailio.domain};gr=urn:uuid:00000000-0000-4000-8000-000000000000"  # no such contact
        assert ghost.pick(park[0].call_key, gone) is not None
        parking.wait("state", call=answered["call"], state="transferred", timeout=5)
        failed = parking.wait("failed", call=answered["call"], timeout=10)
        assert failed["detail"].startswith("transfer 4")  # the PBX found no such position (404 / 480)
        parked_again = wait_for(
            lambda: [
                e for e in parking.of("state", call=answered["call"], state="parked") if e["t"] >= failed["t"]
            ]
        )
        assert isinstance(parked_again, list)
        back = parked_again[0]
        assert back["peer"] == slot  # in its own slot again
        later = [e["state"] for e in parking.of("state", call=answered["call"]) if e["t"] >= back["t"]]
        assert "connected" not in later  # not put on the operator's headset
        again = wait_for(lambda: [p for p in book.all() if not p.picked_by])  # pickable again
        assert isinstance(again, list) and again[0].where == slot
    finally:
        parking.stop()
        store.dispose()
