"""The emergency alarm's second path on a real PBX: the lab's Kamailio publishes each room's dialogs
(pua_dialoginfo, with the Call-ID and the remote party), the positions' own BLF watchers are subscribed
to the room, and a room dialling 0110 raises the alarm from the dialog-info alone when the PBX's MESSAGE
is turned off (``-A NO_EMERGENCY_MESSAGE``); with both paths on, the call is one alarm in the book."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from db.rows import EmergencyRow
from db.store import Store
from tests.positions_lab import Position
from tests.sip_lab import BaresipPhone, KamailioLab
from tests.sip_lab.raw_phone import RawPhone

pytestmark = [pytest.mark.sip, pytest.mark.postgres]

ROOM = "1208"


@pytest.fixture
def database(pg_url: str) -> str:
    store = Store(pg_url)
    store.migrate()
    store.dispose()
    return pg_url


def _rows(url: str) -> list[tuple[str, str, str, str]]:
    """Every alarm in the book: extension, number, the path that raised it, the call key."""
    store = Store(url)
    try:
        with store.read() as s:
            rows = s.scalars(select(EmergencyRow).order_by(EmergencyRow.id))
            return [(r.extension, r.number, r.source, r.call_key) for r in rows]
    finally:
        store.dispose()


def _up(url: str) -> list[bool]:
    store = Store(url)
    try:
        with store.read() as s:
            return [r.up for r in s.scalars(select(EmergencyRow).order_by(EmergencyRow.id))]
    finally:
        store.dispose()


def _lab(*defines: str) -> Iterator[KamailioLab]:
    kamailio = KamailioLab(defines=defines)
    kamailio.start()
    try:
        yield kamailio
    finally:
        kamailio.close()


@pytest.fixture
def lab_without_message() -> Iterator[KamailioLab]:
    yield from _lab("NO_EMERGENCY_MESSAGE")


@pytest.fixture
def lab() -> Iterator[KamailioLab]:
    yield from _lab()


def _positions(lab: KamailioLab, database: str, count: int) -> list[Position]:
    extra = ("--watch", ROOM, "--raise-alarms")
    positions = [Position(f"P{i}", lab, database, answer=False, extra=extra) for i in range(1, count + 1)]
    for p in positions:
        p.wait("link", status="up")
    time.sleep(1.0)  # the lamp field's SUBSCRIBE for the room answered and its first NOTIFY in
    return positions


def test_the_dialog_info_alone_raises_the_alarm_within_a_second(
    lab_without_message: KamailioLab, database: str
) -> None:
    lab = lab_without_message
    (position,) = _positions(lab, database, 1)
    trunk = RawPhone("trunk", lab.port)
    room = BaresipPhone(ROOM, lab.domain)
    try:
        trunk.register()
        room.start()
        room.wait_registered()
        dialled = time.time()
        room.dial("0110")
        alarm = position.wait("alarm", timeout=5)
        told = position.of("emergency")[0]
        assert (told["extension"], told["number"], told["source"]) == (ROOM, "110", "lamps")
        assert alarm["new"] and alarm["source"] == "lamps" and alarm["call"] == told["call"]
        assert told["t"] - dialled < 1.0, told["t"] - dialled
        room.wait_event("CALL_CLOSED")  # the trunk answered 486: the call went on as usual
        assert len(trunk.received) == 1
        time.sleep(0.5)
        assert trunk.messages == [] and all(e["source"] == "lamps" for e in position.of("emergency"))
        assert len(position.of("emergency")) == 1  # trying, then terminated: told once
        assert _rows(database) == [(ROOM, "110", "lamps", told["call"])]
        over = position.wait("ended", timeout=5)  # the terminated dialog: the alarm's call is over
        assert over["call"] == told["call"] and over["changed"] is True
        assert _up(database) == [False]
    finally:
        room.close()
        trunk.close()
        position.stop()


def test_with_both_paths_on_two_positions_the_call_is_one_alarm(lab: KamailioLab, database: str) -> None:
    positions = _positions(lab, database, 2)
    trunk, room = RawPhone("trunk", lab.port), RawPhone(ROOM, lab.port)
    try:
        trunk.register()
        room.register()
        assert room.call("0110") == 486
        for p in positions:
            p.wait("emergency", source="pbx", timeout=5)
            p.wait("emergency", source="lamps", timeout=5)
        time.sleep(1.0)
        told = [e for p in positions for e in p.of("emergency")]
        assert len(told) == 4 and len({e["call"] for e in told}) == 1  # both paths name the same Call-ID
        alarms = [e for p in positions for e in p.of("alarm")]
        assert len(alarms) == 4 and len({a["id"] for a in alarms}) == 1
        assert sum(a["new"] for a in alarms) == 1
        rows = _rows(database)
        assert len(rows) == 1 and rows[0][:2] == (ROOM, "110") and rows[0][3] == told[0]["call"]
        ended = [p.wait("ended", timeout=5) for p in positions]  # both saw the room's call end
        assert {e["call"] for e in ended} == {told[0]["call"]}
        assert sorted(e["changed"] for e in ended) == [False, True]  # written once
        assert _up(database) == [False]
    finally:
        room.close()
        trunk.close()
        for p in positions:
            p.stop()
