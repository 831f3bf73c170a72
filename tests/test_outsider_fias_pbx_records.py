"""The records the console sends the PMS on its own (room status, message retrieved, codes dialled on a
room telephone) and the guest change, checked by the outside PMS (tests/fias_outsider_pms.py) against
Oracle Hospitality HGBU-IFC8-FIAS Interface Specification 2.20.23 ([SPEC p.N], digest in the project's
protocol notes). Each assertion names its rule."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import select

from console.links import pass_room_codes
from db.frontoffice import SqlFrontOffice
from db.message_book import SqlMessageBook
from db.pms_wakeups import SqlPmsWakeUps
from db.rows import MessageRow, RoomRow, StayRow
from db.store import Store
from switchboard.fias.front_desk import PmsFrontDesk
from switchboard.hotel import Actor, Housekeeping, Role
from switchboard.room_codes import RoomCodes
from switchboard.smdr.records import CallRecord, Direction
from tests.fias_outsider_rig import ZONE, Rig, alive, becomes, rigs, stay, vacant
from tests.reader import READER

FRONT_DESK = Actor(user="desk1", position="FD1", role=Role.FRONT_DESK)
# [SPEC p.62-67] RE RS maid status: 1 dirty/vacant, 2 dirty/occupied, 3 clean/vacant, 4 clean/occupied,
# 5 inspected/vacant, 6 inspected/occupied
RS = {
    (Housekeeping.DIRTY, False): "1",
    (Housekeeping.DIRTY, True): "2",
    (Housekeeping.CLEAN, False): "3",
    (Housekeeping.CLEAN, True): "4",
    (Housekeeping.INSPECTED, False): "5",
    (Housekeeping.INSPECTED, True): "6",
}


@pytest.fixture
def rig_factory(store: Store, tmp_path: Path) -> Iterator[Callable[..., Rig]]:
    yield from rigs(store, tmp_path)


def _wired(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> SqlFrontOffice:
    """The front office as console/pages.py makes it (on_housekeeping to the desk's housekeeping_changed),
    also behind the desk the PMS's records reach, as console/links.py shares it."""
    link = rig.console.link
    holder: list[PmsFrontDesk] = []
    front = SqlFrontOffice(
        rig.console.store,
        rig.console.clock,
        on_housekeeping=lambda room, status, occupied: holder[0].housekeeping_changed(room, status, occupied),
    )
    desk = PmsFrontDesk(front, SqlPmsWakeUps(rig.console.store, rig.console.clock), link.send)
    holder.append(desk)
    monkeypatch.setattr(rig.console.desk, "apply", desk.apply)
    return front


def _check_in(rig: Rig, room: str, reservation: str, *extra: tuple[str, str]) -> None:
    rig.pms.send("GI", ("RN", room), ("G#", reservation), ("GN", "Okafor"), ("GS", "N"), *extra)
    becomes(lambda: (stay(rig.console.store, reservation) or ("",))[0], "in_house")


def test_maid_status_set_at_the_console_reaches_the_pms_as_re_rs(
    rig_factory: Callable[..., Rig], monkeypatch: pytest.MonkeyPatch
) -> None:
    """[SPEC p.62-67] RE|RN|RS|: the RS code says the cleaning state and whether the room is vacant or
    occupied; DN is never sent to the PMS."""
    rig = rig_factory("tcp")
    alive(rig)
    front = _wired(rig, monkeypatch)
    empty, taken = vacant(rig.console.store, 2)
    _check_in(rig, taken, "98001")
    sent: list[tuple[str, str]] = []
    for room in (empty, taken):
        for status in (Housekeeping.DIRTY, Housekeeping.CLEAN, Housekeeping.INSPECTED):
            front.set_housekeeping(room, status, FRONT_DESK)
            sent.append((room, RS[(status, room == taken)]))
    res = rig.pms.wait_for("RE", count=len(sent))
    assert [(r.get("RN"), r.get("RS")) for r in res] == sent
    assert all(not r.has("DN") for r in res), "[SPEC p.63] DN must not be sent to the PMS"
    assert all(re.fullmatch(r"[0-9]{1,2}", r.get("RS") or "") for r in res), "[SPEC] RS is N 2"


def test_maid_status_from_the_pms_is_not_echoed(
    rig_factory: Callable[..., Rig], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PMS's own RE RS applied here is news from the PMS: nothing goes back; a change at the console
    afterwards still does."""
    rig = rig_factory("tcp")
    alive(rig)
    front = _wired(rig, monkeypatch)
    room = vacant(rig.console.store)[0]

    def housekeeping() -> str:
        with rig.console.store.read() as s:
            return str(s.scalar(select(RoomRow.housekeeping).where(RoomRow.number == room)))

    rig.pms.send("RE", ("RN", room), ("RS", "3"))
    becomes(housekeeping, Housekeeping.CLEAN.value)
    rig.pms.send("RE", ("RN", room), ("RS", "1"))
    becomes(housekeeping, Housekeeping.DIRTY.value)
    time.sleep(1.0)
    assert rig.pms.of_kind("RE") == [], "the PMS's own room status was sent back to it"
    front.set_housekeeping(room, Housekeeping.INSPECTED, FRONT_DESK)
    (re_,) = rig.pms.wait_for("RE")
    assert (re_.get("RN"), re_.get("RS")) == (room, "5")


def _book(rig: Rig, wired: bool = True) -> SqlMessageBook:
    desk = rig.console.desk
    return SqlMessageBook(
        rig.console.store, rig.console.clock, on_pms_delivered=desk.message_retrieved if wired else None
    )


def _message(store: Store, **where: Any) -> MessageRow:
    with store.read() as s:
        row = s.scalars(select(MessageRow).filter_by(**where).order_by(MessageRow.id.desc())).first()
        assert row is not None
        s.expunge(row)
        return row


def test_a_pms_message_delivered_here_is_told_back_with_xd(rig_factory: Callable[..., Rig]) -> None:
    """[SPEC p.51-59] XL|RN|G#|MI|MT|DA|TI| online message; when it is retrieved the PBX sends
    XD|RN|G#|MI|, the MI the PMS gave it."""
    rig = rig_factory("tcp")
    alive(rig)
    store = rig.console.store
    room = vacant(store)[0]
    _check_in(rig, room, "98101")
    now = datetime.now()
    rig.pms.send(
        "XL",
        ("RN", room),
        ("G#", "98101"),
        ("MI", "903"),
        ("MT", "Call Mrs Lee at the lobby"),
        ("DA", now.strftime("%y%m%d")),
        ("TI", now.strftime("%H%M%S")),
    )
    becomes(lambda: len(_book(rig).waiting(READER)), 1)
    row = _message(store, pms_id="903")
    _book(rig).deliver(row.id, row.version, FRONT_DESK)
    (xd,) = rig.pms.wait_for("XD")
    assert (xd.get("RN"), xd.get("G#"), xd.get("MI")) == (room, "98101", "903")


def test_a_message_taken_at_the_console_sends_no_xd(rig_factory: Callable[..., Rig]) -> None:
    """XD is only for a message the PMS numbered (MI); one the operator took has none."""
    rig = rig_factory("tcp")
    alive(rig)
    store = rig.console.store
    room = vacant(store)[0]
    _check_in(rig, room, "98102")
    book = _book(rig)
    taken = book.take(room, "Mr Brandt", "", "Please call back", FRONT_DESK)
    book.deliver(taken.id, taken.version, FRONT_DESK)
    time.sleep(1.0)
    assert rig.pms.of_kind("XD") == []


def _dialled(extension: str, number: str, at: datetime) -> CallRecord:
    return CallRecord(at, extension, Direction.OUTGOING, number, 3)


def _extension(store: Store, room: str) -> str:
    with store.read() as s:
        return str(s.scalar(select(RoomRow.extension).where(RoomRow.number == room)))


def test_codes_dialled_on_a_room_telephone_reach_the_pms(rig_factory: Callable[..., Rig]) -> None:
    """[SPEC p.62-67] a maid's room-status code becomes RE|RN|RS| with the maid's user ID in ID (ANS 16);
    [SPEC p.78-86] a minibar code becomes PS with PT M, MA the minibar article and M# the number of
    articles (field names as in fias-server's minibar.php, taken from the spec), each PS with its own
    posting number P# (1-99999999, no leading zeros)."""
    rig = rig_factory("tcp")
    alive(rig)
    store = rig.console.store
    room, other = vacant(store, 2)
    _check_in(rig, room, "98201")
    codes = RoomCodes.from_settings({"maid_code_prefix": "*31", "minibar_prefix": "*32"})
    at = datetime.now(ZONE).replace(microsecond=0)
    records = [
        _dialled(_extension(store, other), "*313*207", at),
        _dialled(_extension(store, room), "*321077", at),
        _dialled(_extension(store, room), "*321078*3", at + timedelta(seconds=5)),
        _dialled(_extension(store, room), "0212345678", at),  # an ordinary call: nothing from here
    ]
    pass_room_codes(SimpleNamespace(store=store), rig.console.link, rig.console.desk, codes, records)  # type: ignore[arg-type]
    (re_,) = rig.pms.wait_for("RE")
    assert (re_.get("RN"), re_.get("RS"), re_.get("ID")) == (other, "3", "207")
    ps = rig.pms.wait_for("PS", count=2)
    assert [(p.get("RN"), p.get("PT"), p.get("MA"), p.get("M#")) for p in ps] == [
        (room, "M", "1077", "1"),
        (room, "M", "1078", "3"),
    ]
    numbers = [p.get("P#") or "" for p in ps]
    assert all(re.fullmatch(r"[1-9][0-9]{0,7}", n) for n in numbers), numbers
    assert len(set(numbers)) == 2
    assert not any(p.has("DD") for p in ps), "a minibar posting is no call"
    time.sleep(0.5)
    assert len(rig.pms.of_kind("PS")) == 2


def _stay_fields(store: Store, reservation: str) -> tuple[str, date, bool, str]:
    with store.read() as s:
        row = s.execute(
            select(StayRow.group_code, StayRow.arrival, StayRow.share, StayRow.status)
            .where(StayRow.reservation == reservation)
            .order_by(StayRow.id.desc())
        ).one()
    return (row[0], row[1], row[2], row[3])


def test_a_guest_change_applies_group_arrival_and_share(rig_factory: Callable[..., Rig]) -> None:
    """[SPEC p.39-47] GC changes only the fields present: GG group, GA arrival, GS share; a GC without
    them leaves them as they were."""
    rig = rig_factory("tcp")
    alive(rig)
    store = rig.console.store
    room = vacant(store)[0]
    today = date.today()
    leaving = today + timedelta(days=3)
    _check_in(rig, room, "98301", ("GG", "A123"), ("GD", leaving.strftime("%y%m%d")))
    assert _stay_fields(store, "98301")[0] == "A123"
    arrived = today - timedelta(days=1)
    rig.pms.send(
        "GC", ("RN", room), ("G#", "98301"), ("GG", "B77"), ("GA", arrived.strftime("%y%m%d")), ("GS", "Y")
    )
    becomes(lambda: _stay_fields(store, "98301"), ("B77", arrived, True, "in_house"))
    rig.pms.send("GC", ("RN", room), ("G#", "98301"), ("GN", "Okafor-Lee"))
    becomes(lambda: (stay(store, "98301") or ("", "", ""))[2], "Okafor-Lee")
    assert _stay_fields(store, "98301") == ("B77", arrived, True, "in_house")
    assert rig.console.desk.failed == 0


def test_a_guest_change_share_flag_n_is_applied(rig_factory: Callable[..., Rig]) -> None:
    """[SPEC p.39-47] GS is a flag Y/N: a GC with GSN is sent, so the share flag goes back to N."""
    rig = rig_factory("tcp")
    alive(rig)
    store = rig.console.store
    room = vacant(store)[0]
    _check_in(rig, room, "98302")
    rig.pms.send("GC", ("RN", room), ("G#", "98302"), ("GS", "Y"))
    becomes(lambda: _stay_fields(store, "98302")[2], True)
    rig.pms.send("GC", ("RN", room), ("G#", "98302"), ("GS", "N"))
    becomes(lambda: _stay_fields(store, "98302")[2], False)


def test_a_gi_resent_in_a_resync_applies_group_arrival_and_share(rig_factory: Callable[..., Rig]) -> None:
    """[SPEC p.39-47] GI with SF (resync) for a guest already in house: change what is present, GG, GA
    and GS among them."""
    rig = rig_factory("tcp")
    alive(rig)
    store = rig.console.store
    room = vacant(store)[0]
    today = date.today()
    _check_in(rig, room, "98303", ("GG", "A1"), ("GD", (today + timedelta(days=2)).strftime("%y%m%d")))
    arrived = today - timedelta(days=1)
    rig.pms.send(
        "GI",
        ("RN", room),
        ("G#", "98303"),
        ("GN", "Okafor"),
        ("GG", "C9"),
        ("GA", arrived.strftime("%y%m%d")),
        ("GS", "Y"),
        ("SF", ""),
    )
    becomes(lambda: _stay_fields(store, "98303"), ("C9", arrived, True, "in_house"))


def test_a_gi_resent_for_a_guest_in_house_applies_group_arrival_and_share(
    rig_factory: Callable[..., Rig],
) -> None:
    """A GI the PMS sends again (no SF, after a reconnect) for the reservation already in house updates
    the stay [SPEC p.39-47: GI carries GG, GA, GS, GF]; nothing of it is lost."""
    rig = rig_factory("tcp")
    alive(rig)
    store = rig.console.store
    room = vacant(store)[0]
    today = date.today()
    _check_in(rig, room, "98304", ("GG", "A1"), ("GD", (today + timedelta(days=2)).strftime("%y%m%d")))
    arrived = today - timedelta(days=1)
    rig.pms.send(
        "GI",
        ("RN", room),
        ("G#", "98304"),
        ("GN", "Okafor"),
        ("GF", "Ada"),
        ("GG", "C9"),
        ("GA", arrived.strftime("%y%m%d")),
        ("GS", "Y"),
    )
    becomes(lambda: _stay_fields(store, "98304"), ("C9", arrived, True, "in_house"))
    assert (stay(store, "98304") or ("", "", "", ""))[3] == "Ada"
