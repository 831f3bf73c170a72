"""More FIAS rules against the outside PMS (tests/fias_outsider_pms.py): the link-control records once the
link is alive, room equipment (RE), clearing a room's wake-ups, and the form of the console's PS."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from db.rows import RoomRow, WakeUpRow
from db.store import Store
from switchboard.fias.session import Posting
from tests.fias_outsider_rig import WIRES, ZONE, Rig, alive, becomes, rigs, stay, vacant

pytestmark = pytest.mark.beside  # waits in real time: run beside the rest (tools/test.sh)


@pytest.fixture
def rig_factory(store: Store, tmp_path: Path) -> Iterator[Callable[..., Rig]]:
    yield from rigs(store, tmp_path)


def _stamp() -> tuple[tuple[str, str], tuple[str, str]]:
    now = datetime.now()
    return ("DA", now.strftime("%y%m%d")), ("TI", now.strftime("%H%M%S"))


@pytest.mark.parametrize("wire", WIRES)
def test_link_records_once_the_link_is_alive(rig_factory: Callable[..., Rig], wire: str) -> None:
    """[SPEC p.100-102] an LA while the link is alive is not answered with LA (nor a new start); an LS
    from the IFC is answered with the whole LD, LR..., LA block again."""
    rig = rig_factory(wire)
    alive(rig)
    pms = rig.pms
    time.sleep(0.5)
    before = len(pms.received)
    pms.send("LA", *_stamp())
    time.sleep(1.5)
    assert [r.kind for r in pms.received[before:]] == [], "an LA was answered"
    lrs = len(pms.of_kind("LR"))
    pms.link_start()
    pms.wait_for("LD", count=2)
    pms.wait_for("LA", count=2)
    assert len(pms.of_kind("LR")) == 2 * lrs, "LS gets the same link records again"
    becomes(rig.console.alive, True)


@pytest.mark.parametrize("wire", WIRES)
def test_room_equipment_from_the_pms(rig_factory: Callable[..., Rig], wire: str) -> None:
    """[SPEC p.62-67] RE with ML (message light), DN (do not disturb), CS (class of service 0-3)."""
    rig = rig_factory(wire)
    alive(rig)
    store = rig.console.store
    room = vacant(store)[0]
    rig.pms.send("GI", ("RN", room), ("G#", "97001"), ("GN", "Moreau"), ("GS", "N"))
    becomes(lambda: (stay(store, "97001") or ("",))[0], "in_house")

    def flags() -> tuple[bool, bool, int]:
        with store.read() as s:
            row = s.execute(
                select(RoomRow.message_lamp, RoomRow.dnd, RoomRow.class_of_service).where(
                    RoomRow.number == room
                )
            ).one()
        return (row[0], row[1], row[2])

    rig.pms.send("RE", ("RN", room), ("DN", "Y"))
    rig.pms.send("RE", ("RN", room), ("CS", "1"), ("DN", "N"))
    rig.pms.send("RE", ("RN", room), ("ML", "Y"), ("G#", "97001"))
    becomes(flags, (True, False, 1))
    assert rig.console.desk.failed == 0


@pytest.mark.parametrize("wire", WIRES)
def test_a_wake_up_clear_without_date_and_time_clears_the_rooms_wake_ups(
    rig_factory: Callable[..., Rig], wire: str
) -> None:
    """[SPEC p.68] WC|RN..|DA|TI| with empty DA and TI clears every wake-up of the room; no WA is sent."""
    rig = rig_factory(wire)
    alive(rig)
    store = rig.console.store
    room = vacant(store)[0]
    rig.pms.send("GI", ("RN", room), ("G#", "97101"), ("GN", "Lind"), ("GS", "N"))
    becomes(lambda: (stay(store, "97101") or ("",))[0], "in_house")
    for hours in (8, 9):
        due = datetime.now(ZONE) + timedelta(hours=hours)
        rig.pms.send("WR", ("RN", room), ("DA", due.strftime("%y%m%d")), ("TI", due.strftime("%H%M00")))

    def statuses() -> list[str]:
        with store.read() as s:
            return sorted(s.scalars(select(WakeUpRow.status).where(WakeUpRow.room_number == room)))

    becomes(statuses, ["booked", "booked"])
    rig.pms.send("WC", ("RN", room), ("DA", ""), ("TI", ""))
    becomes(statuses, ["cancelled", "cancelled"])
    time.sleep(0.5)
    assert rig.pms.of_kind("WA") == []


def test_a_posting_carries_the_dialled_digits_unformatted(rig_factory: Callable[..., Rig]) -> None:
    """[SPEC p.79-80] PS: DD the dialled digits, unformatted, no spaces (type N); TA without a decimal
    point; DA and TI the start of the call; DU HHMMSS. Mitel 5000 prints its digits as 961-9000."""
    rig = rig_factory("tcp")
    alive(rig)
    room = vacant(rig.console.store)[0]
    started = datetime(2026, 11, 20, 21, 5, 7, tzinfo=ZONE)
    rig.console.link.post(Posting(room, started, 250, "961-9000", 3725, "L", reference=901))
    ps = rig.pms.wait_for("PS")[0]
    assert (ps.get("DA"), ps.get("TI"), ps.get("DU"), ps.get("TA")) == ("261120", "210507", "010205", "250")
    assert ps.get("DD") == "9619000"


@pytest.mark.parametrize("wire", WIRES)
def test_sharers_check_in_and_out_one_by_one(rig_factory: Callable[..., Rig], wire: str) -> None:
    """[SPEC p.41-44] a sharer comes into an occupied room with GS Y and leaves with GO for his own G#:
    the other guest stays in the room."""
    rig = rig_factory(wire)
    alive(rig)
    store = rig.console.store
    room = vacant(store)[0]
    pms = rig.pms
    pms.send("GI", ("RN", room), ("G#", "35869"), ("GN", "Share1"), ("GL", "GE"), ("GS", "N"))
    pms.send("GI", ("RN", room), ("G#", "35870"), ("GN", "Sharer2"), ("GS", "Y"))
    becomes(lambda: [(stay(store, r) or ("",))[0] for r in ("35869", "35870")], ["in_house", "in_house"])
    pms.send("GO", ("RN", room), ("G#", "35870"), ("GS", "Y"))
    becomes(lambda: [(stay(store, r) or ("",))[0] for r in ("35869", "35870")], ["in_house", "checked_out"])
    with store.read() as s:
        occupancy = s.scalar(select(RoomRow.occupancy).where(RoomRow.number == room))
    assert occupancy != "vacant"
    assert rig.console.desk.failed == 0


def test_a_posting_refused_for_good_is_not_sent_again(rig_factory: Callable[..., Rig]) -> None:
    """[SPEC p.81, 111] PA with UR (unprocessable, do not retry) or NG (no guest): the posting is settled as
    refused and not sent again; the next posting goes out."""
    rig = rig_factory("tcp", retry_pause_s=0.3)
    alive(rig)
    room = vacant(rig.console.store)[0]
    rig.pms.behaviour.posting_answers = ["UR", "NG"]
    start = datetime.now(ZONE).replace(microsecond=0)
    rig.console.link.post(Posting(room, start, 100, "0800", 60, "L", reference=911))
    rig.console.link.post(Posting(room, start, 200, "0801", 60, "L", reference=912))
    rig.console.link.post(Posting(room, start, 300, "0802", 60, "L", reference=913))
    becomes(lambda: sorted(rig.console.settled), [(911, False), (912, False), (913, True)])
    time.sleep(1.5)  # five first pauses
    assert len(rig.pms.of_kind("PS")) == 3
