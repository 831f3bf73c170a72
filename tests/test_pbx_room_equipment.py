"""DND and class of service told to a FIAS PBX (``RE`` with ``DN`` and ``CS``) on the wake-up link of
``[wakeup] mode = pbx``, against a PBX written from the FIAS specification (tests/fias_pbx_peer.py),
over TCP and over a socat pty pair with the serial framing (LRC, ACK/NAK), on SQLite and PostgreSQL.

Spec: Oracle HGBU-IFC8-FIAS 2.20.23 p.62-67 (RE: DN Y/N; CS 0 barred/internal only, 1 local,
2 national, 3 no restriction), p.28-30 (only the fields the vendor's LR named), p.36-38 (DR, then
DS … DE); restated in shared/reference/protocols.md 1.4, 1.5 and 1.8 (examples ``RE|RN2781|DNY|``,
``RE|RN2781|CS2|DNN|``).
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from db.frontoffice import SqlFrontOffice
from db.pms_wakeups import SqlPmsWakeUps
from db.room_policy import SqlRoomRules
from db.room_states import RoomStates
from db.rows import RoomRow, StayRow
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from db.wakeup_handover import SqlPbxHandover
from hardware.wakeup.pbx_link import PbxWakeUpLink
from switchboard.fias.front_desk import PmsFrontDesk
from switchboard.fias.records import parse
from switchboard.hotel import Actor, Role, StayStatus
from tests.fias_ifc import join, split
from tests.fias_pbx_peer import FiasPbx, pbx_on_pty, pbx_on_tcp
from tests.test_fias_link import SocatPair, eventually
from tests.test_wakeup_pbx_mode import CLOCK
from tests.wakeup_lab import DESK, hotel_with_guests

pytestmark = pytest.mark.beside  # waits in real time

OPERATOR = Actor(user="operator", position="Console 1", role=Role.OPERATOR)


def test_the_peer_reads_the_spec_re_examples_as_they_are() -> None:
    for text in ("RE|RN2781|DNY|", "RE|RN2781|CS2|DNN|"):  # protocols.md 1.8, from spec p.62-67
        rec = split(text, 1)
        assert rec is not None and join(rec.kind, *rec.fields) == text


@dataclass
class Rig:
    pbx: FiasPbx
    store: Store
    let: list[str]  # rooms with a guest
    serial: bool


LEAD = timedelta(seconds=2)  # db.wakeup_handover.HANDOVER_LEAD (a minute), in seconds for these tests


@contextmanager
def linked(store: Store, tmp_path: Path, serial: bool, re_fields: str | None = "RNRSMLCSDN") -> Iterator[Rig]:
    """The dialler's wake-up link with rooms told, connected to the spec PBX; the PBX's LR for RE
    carries ``re_fields`` (None: no LR for RE at all)."""
    from tests.fias_pbx_peer import LINK_RECORDS

    records = dict(LINK_RECORDS)
    if re_fields is None:
        del records["RE"]
    else:
        records["RE"] = re_fields
    let = [room for room, _ in hotel_with_guests(store, CLOCK, 3)]
    stop = threading.Event()
    with _peer(tmp_path, serial, records) as (pbx, url):
        link = PbxWakeUpLink(
            url,
            SqlPbxHandover(store, CLOCK, lead=LEAD),
            CLOCK.now,
            rooms=SqlRoomRules(store).by_room,
            serial_framing=serial,
        )
        thread = threading.Thread(target=link.run, args=(stop,))
        thread.start()
        try:
            eventually(pbx.alive.is_set)
            yield Rig(pbx, store, let, serial)
        finally:
            stop.set()
            thread.join(timeout=10)


@contextmanager
def _peer(tmp_path: Path, serial: bool, records: dict[str, str]) -> Iterator[tuple[FiasPbx, str]]:
    if not serial:
        with pbx_on_tcp(link_records=records) as (pbx, port):
            yield pbx, f"socket://127.0.0.1:{port}"
        return
    assert shutil.which("socat"), "socat is part of the test packages"
    pair = SocatPair(tmp_path)
    pair.start()
    pbx = pbx_on_pty(pair.a, link_records=records)
    try:
        yield pbx, pair.b
    finally:
        pbx.detach()
        pair.stop()


def _re_after(pbx: FiasPbx, mark: int, room: str, timeout: float = 15.0) -> dict[str, str]:
    """The fields of the first RE for ``room`` the PBX received after ``mark``."""
    found: list[dict[str, str]] = []

    def arrived() -> bool:
        found[:] = [dict(r.fields) for r in pbx.since(mark) if r.kind == "RE" and r.get("RN") == room]
        return bool(found)

    eventually(arrived, timeout)
    return found[0]


def _resync(pbx: FiasPbx, mark: int) -> list[dict[str, str]]:
    """The REs between the first DS and DE after ``mark``."""

    def ended() -> bool:
        kinds = [r.kind for r in pbx.since(mark)]
        return "DS" in kinds and "DE" in kinds[kinds.index("DS") :]

    eventually(ended)
    got = pbx.since(mark)
    kinds = [r.kind for r in got]
    start = kinds.index("DS")
    end = kinds.index("DE", start)
    body = got[start + 1 : end]
    assert {r.kind for r in body} == {"RE"}, "nothing but RE between DS and DE"
    return [dict(r.fields) for r in body]


@pytest.mark.parametrize("serial", [False, True], ids=["tcp", "pty"])
def test_dnd_and_class_of_service_reach_the_pbx_as_re(store: Store, tmp_path: Path, serial: bool) -> None:
    with linked(store, tmp_path, serial) as rig:
        pbx, room, other = rig.pbx, rig.let[0], rig.let[1]
        # the link came up: every room of the hotel, as the console holds it, between DS and DE
        first = _resync(pbx, 0)
        wanted = SqlRoomRules(store).by_room()
        assert {r["RN"] for r in first} == set(wanted)
        for rec in first:
            rule = wanted[rec["RN"]]
            assert rec == {"RN": rec["RN"], "DN": "Y" if rule.dnd else "N", "CS": str(int(rule.level))}
        vacant = [r for r in first if r["RN"] not in _in_house(store)]
        assert vacant and all(r["CS"] == "0" for r in vacant)  # a vacant room is barred

        states = RoomStates(store, CLOCK)
        mark = pbx.mark()
        states.set_dnd(room, True, OPERATOR)  # DND on at the console
        assert _re_after(pbx, mark, room) == {"RN": room, "DN": "Y"}  # only what changed
        mark = pbx.mark()
        states.set_dnd(room, False, OPERATOR)
        assert _re_after(pbx, mark, room) == {"RN": room, "DN": "N"}

        # DND until a time: the console's timer ends it, and the PBX is told
        mark = pbx.mark()
        states.set_dnd(other, True, OPERATOR, until=CLOCK.now() + timedelta(seconds=2))
        assert _re_after(pbx, mark, other) == {"RN": other, "DN": "Y"}
        time.sleep(2.1)
        mark = pbx.mark()
        assert other in states.expire_dnd()
        assert _re_after(pbx, mark, other) == {"RN": other, "DN": "N"}

        # class of service from the PMS (RE CS), from the console, and barred at check-out
        desk = PmsFrontDesk(SqlFrontOffice(store, CLOCK), SqlPmsWakeUps(store, CLOCK), lambda _r: None)
        mark = pbx.mark()
        desk.apply(parse(f"RE|RN{room}|CS1|".encode()))
        assert _re_after(pbx, mark, room) == {"RN": room, "CS": "1"}
        mark = pbx.mark()
        states.set_class_of_service(room, 2, DESK)  # the console (front desk role)
        assert _re_after(pbx, mark, room) == {"RN": room, "CS": "2"}
        mark = pbx.mark()
        states.set_dnd(other, True, OPERATOR)
        _re_after(pbx, mark, other)
        mark = pbx.mark()
        SqlFrontOffice(store, CLOCK).check_out(other, "", DESK)
        assert _re_after(pbx, mark, other) == {"RN": other, "DN": "N", "CS": "0"}  # vacant: barred, no DND

        # the PBX asks for a resync (DR): every room again, as it is now
        mark = pbx.mark()
        pbx.ask_resync()
        again = {r["RN"]: r for r in _resync(pbx, mark)}
        assert again[room] == {"RN": room, "DN": "N", "CS": "2"}
        assert again[other] == {"RN": other, "DN": "N", "CS": "0"}
        assert set(again) == set(wanted)

        # the link restarts: a new connection (TCP) or the PBX describing itself anew (serial)
        mark = pbx.mark()
        if serial:
            for text in _description(pbx):
                pbx.send(*_fields(text))
        else:
            pbx.detach()  # the PBX drops the connection; the link connects again
        restarted = {r["RN"]: r for r in _resync(pbx, mark)}
        assert set(restarted) == set(wanted) and restarted[room]["CS"] == "2"
        assert pbx.violations == []


def _in_house(store: Store) -> set[str]:
    with store.read() as s:
        return set(
            s.scalars(
                select(RoomRow.number)
                .join(StayRow, StayRow.room_id == RoomRow.id)
                .where(StayRow.status == StayStatus.IN_HOUSE.value)
            )
        )


def _description(pbx: FiasPbx) -> list[str]:
    return ["LD|V#1.0|IFPB|", *[f"LR|RI{k}|FL{v}|" for k, v in pbx.link_records.items()], "LA|"]


def _fields(text: str) -> tuple[str, ...]:
    rec = split(text, 0)
    assert rec is not None
    return (rec.kind, *rec.fields)  # type: ignore[return-value]


@pytest.mark.parametrize("re_fields", [None, "RNRSML", "RNCS"], ids=["no-lr", "neither", "cs-only"])
def test_a_pbx_that_did_not_ask_for_dn_is_told_no_dnd_and_the_lamps_say_so(
    sqlite_store: Store, tmp_path: Path, re_fields: str | None, qtbot: object
) -> None:
    from PySide6.QtCore import Qt

    from console.room_policy import mark_lamps
    from switchboard.hotel import ExtensionKind
    from switchboard.lamp_field import FieldLamp
    from ui.blf_model import BlfModel

    with linked(sqlite_store, tmp_path, False, re_fields) as rig:
        pbx, room = rig.pbx, rig.let[0]
        time.sleep(2.5)  # a round of the link has passed
        mark = pbx.mark()
        RoomStates(sqlite_store, CLOCK).set_dnd(room, True, OPERATOR)
        SqlFrontOffice(sqlite_store, CLOCK).check_out(rig.let[1], "", DESK)
        time.sleep(5)  # two more rounds
        sent = [r for r in pbx.since(0) if r.kind in ("RE", "DS", "DE")]
        if re_fields == "RNCS":
            assert {r.get("RN") for r in pbx.since(mark) if r.kind == "RE"} == {rig.let[1]}
            assert all(r.get("DN") is None for r in sent)  # never a field the LR did not name
        else:
            assert sent == []  # nothing at all
        assert pbx.violations == []

        # the consoles read the link's beat: DND lamps marked as kept by the console only
        book = SqlWakeUpBook(sqlite_store, CLOCK)
        eventually(lambda: (s := book.dialler()) is not None and s.pbx_up)
        model = BlfModel()
        lamp = FieldLamp("1208", ExtensionKind.ROOM, label="", room="1208", occupied=True, dnd=True)
        model.set_lamps([lamp])
        assert mark_lamps(model, book.dialler()) is True
        assert model.dnd_console_only
        assert "console only" in str(model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole))


def test_a_pbx_that_takes_dn_leaves_the_lamps_unmarked(
    sqlite_store: Store, tmp_path: Path, qtbot: object
) -> None:
    from console.room_policy import mark_lamps
    from ui.blf_model import BlfModel

    with linked(sqlite_store, tmp_path, False):
        book = SqlWakeUpBook(sqlite_store, CLOCK)
        eventually(lambda: (s := book.dialler()) is not None and s.pbx_up)
        model = BlfModel()
        model.dnd_console_only = True
        assert mark_lamps(model, book.dialler()) is False
        assert not model.dnd_console_only


def test_a_personal_wake_up_goes_to_the_pbx_only_at_its_backup_time(store: Store, tmp_path: Path) -> None:
    """Issue 19 in mode = pbx: the operator calls a VIP in person; only if nobody marked it done by the
    backup time does the PBX get the WR (for that time); marked done after, the PBX gets WC."""
    from db.rows import WakeUpRow
    from db.wakeup_personal import SqlPersonalWakeUps
    from switchboard.wakeup_status import WakeUpStatus
    from tests.wakeup_lab import wakeups

    backup = timedelta(seconds=5)  # [wakeup] personal_backup_minutes, in seconds for the test
    assert backup > LEAD  # the handover's lead (a minute before the backup time), scaled likewise
    with linked(store, tmp_path, False) as rig:
        pbx = rig.pbx
        book = SqlWakeUpBook(store, CLOCK, personal_backup=backup)
        personal = SqlPersonalWakeUps(store, CLOCK)
        due = CLOCK.now().replace(microsecond=0) + timedelta(seconds=2)
        unmarked, early, late = (book.book_due(r, due, DESK, personal=True) for r in rig.let)
        plain = book.book_due(rig.let[0], due + timedelta(hours=1), DESK)  # an ordinary one goes at once
        eventually(lambda: [r.get("RN") for r in pbx.records("WR")] == [rig.let[0]])

        def version(wakeup_id: int) -> int:
            with store.read() as s:
                row = s.get(WakeUpRow, wakeup_id)
                assert row is not None
                return row.version

        eventually(lambda: CLOCK.now() >= due + timedelta(seconds=1))
        assert {w.room for w in personal.to_call()} == set(rig.let)  # the operator's, in person
        assert len(pbx.records("WR")) == 1  # none of them handed over at their own time
        personal.mark_done(early.id, version(early.id), OPERATOR)  # called in person, in time

        rings = due + backup
        eventually(lambda: len(pbx.records("WR")) == 3, timeout=15)
        handed = {r.get("RN"): r for r in pbx.records("WR")[1:]}
        assert set(handed) == {unmarked.room, late.room}
        assert all(
            (r.get("DA"), r.get("TI")) == (f"{rings:%y%m%d}", f"{rings:%H%M%S}") for r in handed.values()
        )
        assert CLOCK.now() >= rings - LEAD  # handed over shortly before, for the backup time

        # marked done once the PBX has it: cleared at the PBX, under the time it was given
        personal.mark_done(late.id, version(late.id), OPERATOR)
        eventually(lambda: [r.get("RN") for r in pbx.records("WC")] == [late.room])
        wc = pbx.records("WC")[0]
        assert (wc.get("DA"), wc.get("TI")) == (handed[late.room].get("DA"), handed[late.room].get("TI"))

        pbx.answer_wake_up(handed[unmarked.room], "OK")
        eventually(lambda: wakeups(store)[unmarked.id].status == WakeUpStatus.CONFIRMED.value)
        time.sleep(2)  # more rounds: the one done in time is never handed over
        states = wakeups(store)
        assert states[early.id].status == WakeUpStatus.HANDLED.value
        assert states[late.id].status == WakeUpStatus.HANDLED.value
        assert states[plain.id].status == WakeUpStatus.HANDED_TO_PBX.value
        assert [r.get("RN") for r in pbx.records("WR")].count(early.room) == 0
        assert len(pbx.records("WR")) == 3 and pbx.violations == []
