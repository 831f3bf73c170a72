"""Issue 18, DND and class of service told to a FIAS PBX on the wake-up link (``[wakeup] mode = pbx``,
``[pbx] policy = fias``), checked from outside by a PBX written from the FIAS specification alone
(tests/outsider_positions_pbx.py; Oracle HGBU-IFC8-FIAS 2.20.23, pages cited beside each rule), over TCP
and over a socat pty pair with the serial framing; a hostile PBX must not cost a wake-up or a DND change.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from db.room_policy import SqlRoomRules
from db.room_states import RoomStates
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from db.wakeup_handover import SqlPbxHandover
from hardware.wakeup.pbx_link import PbxWakeUpLink
from switchboard.hotel import Actor, Role
from tests.outsider_positions_pbx import ETX, STX, OutsiderPbx, Rec
from tests.test_fias_link import SocatPair
from tests.test_wakeup_pbx_mode import CLOCK
from tests.wakeup_lab import DESK, hotel_with_guests

pytestmark = pytest.mark.beside

LEAD = timedelta(seconds=2)  # the hand-over's lead for a personal wake-up, scaled as the backup is

OPERATOR = Actor(user="operator", position="Console 1", role=Role.OPERATOR)
DN_VALUES, CS_VALUES = {"Y", "N"}, {"0", "1", "2", "3"}  # p.62-67


def until(check: Callable[[], bool], timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"condition not met within {timeout:.0f} s")


@dataclass
class Lab:
    pbx: OutsiderPbx
    store: Store
    let: list[str]


@contextmanager
def lab(
    store: Store, tmp_path: Path, serial: bool = False, lr: dict[str, str] | None = None, rooms: bool = True
) -> Iterator[Lab]:
    let = [room for room, _ in hotel_with_guests(store, CLOCK, 3)]
    pair: SocatPair | None = None
    if serial:
        assert shutil.which("socat")
        pair = SocatPair(tmp_path)
        pair.start()
        pbx = OutsiderPbx(lr, serial=True).pty(pair.a)
        url = pair.b
    else:
        pbx = OutsiderPbx(lr).tcp()
        url = f"socket://127.0.0.1:{pbx.port}"
    link = PbxWakeUpLink(
        url,
        SqlPbxHandover(store, CLOCK, lead=LEAD),
        CLOCK.now,
        rooms=SqlRoomRules(store).by_room if rooms else None,
        serial_framing=serial,
    )
    stop = threading.Event()
    thread = threading.Thread(target=link.run, args=(stop,))
    thread.start()
    try:
        yield Lab(pbx, store, let)
    finally:
        stop.set()
        thread.join(timeout=10)
        pbx.close()
        if pair is not None:
            pair.stop()


def resync_after(pbx: OutsiderPbx, mark: int, timeout: float = 20.0) -> list[Rec]:
    """The records between the first DS and the DE after it (p.36-38)."""

    def done() -> bool:
        kinds = [r.kind for r in pbx.since(mark)]
        return "DS" in kinds and "DE" in kinds[kinds.index("DS") :]

    until(done, timeout)
    got = pbx.since(mark)
    kinds = [r.kind for r in got]
    start = kinds.index("DS")
    return got[start + 1 : kinds.index("DE", start)]


def re_for(pbx: OutsiderPbx, mark: int, room: str, timeout: float = 20.0) -> Rec:
    until(lambda: any(r.get("RN") == room for r in pbx.records("RE", mark)), timeout)
    return next(r for r in pbx.records("RE", mark) if r.get("RN") == room)


@pytest.mark.parametrize("serial", [False, True], ids=["tcp", "pty"])
def test_link_start_ls_then_description_then_full_resync(
    sqlite_store: Store, tmp_path: Path, serial: bool
) -> None:
    with lab(sqlite_store, tmp_path, serial) as lb:
        until(lb.pbx.alive.is_set)
        first = lb.pbx.since(0)[0]
        assert first.kind == "LS", "p.99-100: the PMS side starts the link with LS"
        body = resync_after(lb.pbx, 0)
        rules = SqlRoomRules(sqlite_store).by_room()
        assert {r.get("RN") for r in body} == set(rules), "every room, once, in the resync"
        for rec in body:
            assert rec.kind == "RE"
            assert rec.ids() == ["RN", "DN", "CS"] or set(rec.ids()) == {"RN", "DN", "CS"}
            assert rec.get("DN") in DN_VALUES and rec.get("CS") in CS_VALUES
        # data only after the PBX's LA (p.101), nothing that the LR did not name (p.28-30)
        assert lb.pbx.violations == []


def test_data_waits_for_the_pbx_description(sqlite_store: Store, tmp_path: Path) -> None:
    """p.101: until the vendor has sent LD, LR… and LA, the PMS side sends no data records."""
    let = [room for room, _ in hotel_with_guests(sqlite_store, CLOCK, 1)]
    SqlWakeUpBook(sqlite_store, CLOCK).book_due(let[0], CLOCK.now() + timedelta(hours=1), DESK)
    pbx = OutsiderPbx()
    pbx.describe = False
    pbx.tcp()
    link = PbxWakeUpLink(
        f"socket://127.0.0.1:{pbx.port}",
        SqlPbxHandover(sqlite_store, CLOCK),
        CLOCK.now,
        rooms=SqlRoomRules(sqlite_store).by_room,
    )
    stop = threading.Event()
    thread = threading.Thread(target=link.run, args=(stop,))
    thread.start()
    try:
        until(lambda: bool(pbx.records("LS")))
        time.sleep(4)
        assert {r.kind for r in pbx.since(0)} <= {"LS", "LA"}, [r.kind for r in pbx.since(0)]
        pbx.send_description()
        until(lambda: bool(pbx.records("WR")))
        until(lambda: bool(pbx.records("DE")))
        assert pbx.violations == []
    finally:
        stop.set()
        thread.join(timeout=10)
        pbx.close()


@pytest.mark.parametrize(
    ("lr_re", "allowed"),
    [("RNDN", {"RN", "DN"}), ("CSRN", {"RN", "CS"}), ("RNMLRS", None), (None, None)],
    ids=["dn-only", "cs-first", "neither", "no-lr"],
)
def test_only_the_fields_the_pbx_named_are_sent(
    sqlite_store: Store, tmp_path: Path, lr_re: str | None, allowed: set[str] | None
) -> None:
    lr = {"WR": "RNDATI", "WC": "RNDATI", "WA": "RNDATIAS"}
    if lr_re is not None:
        lr["RE"] = lr_re
    with lab(sqlite_store, tmp_path, lr=lr) as lb:
        until(lb.pbx.alive.is_set)
        time.sleep(3)
        mark = lb.pbx.mark()
        RoomStates(sqlite_store, CLOCK).set_dnd(lb.let[0], True, OPERATOR)
        RoomStates(sqlite_store, CLOCK).set_class_of_service(lb.let[1], 2, DESK)
        if allowed is None:
            time.sleep(5)
            assert lb.pbx.records("RE") == [], "a PBX that named neither DN nor CS is told nothing"
        else:
            changed = lb.let[0] if "DN" in allowed else lb.let[1]
            rec = re_for(lb.pbx, mark, changed)
            assert set(rec.ids()) <= allowed
            assert set(rec.ids()) == allowed
        assert lb.pbx.violations == []


@pytest.mark.parametrize(
    "odd",
    [
        ["LR|RIRE|FLrndncs|"],  # lower-case field IDs
        ["LR|RIRE|FLRNDNC|"],  # odd length
        ["LR|RIRE|"],  # no FL at all
        ["LR|FLRNDNCS|"],  # no RI
        ["LR|RIRE|FLRNDNCS|FLRNDNCS|", "LR|RIZZ|FL" + "AB" * 600 + "|"],  # repeated / huge
        ["LR|RI|FL|", "LR|RIRE|FLRNDNCSRNDNCS|"],
    ],
    ids=["lower", "odd-length", "no-fl", "no-ri", "repeat-huge", "empty"],
)
def test_odd_link_records_leave_the_link_working(sqlite_store: Store, tmp_path: Path, odd: list[str]) -> None:
    with lab(sqlite_store, tmp_path, lr={"WR": "RNDATI", "WC": "RNDATI", "WA": "RNDATIAS"}) as lb:
        until(lb.pbx.alive.is_set)
        for text in ["LD|V#1.0|IFPB|", *odd, "LR|RIWR|FLRNDATI|", "LA|"]:
            lb.pbx.send_raw(bytes([STX]) + text.encode() + bytes([ETX]))
        time.sleep(2)
        mark = lb.pbx.mark()
        SqlWakeUpBook(sqlite_store, CLOCK).book_due(lb.let[2], CLOCK.now() + timedelta(hours=2), DESK)
        until(lambda: any(r.get("RN") == lb.let[2] for r in lb.pbx.records("WR", mark)))
        bad = [v for v in lb.pbx.violations if "not in its LR" in v or "no LR" in v]
        # whatever the LR said about RE, nothing outside RN/DN/CS ever went out
        assert all(set(r.ids()) <= {"RN", "DN", "CS"} for r in lb.pbx.records("RE"))
        assert all(not v.startswith("RE carries") or "'RN'" not in v for v in bad)


def test_hostile_bytes_then_dr_is_still_answered(sqlite_store: Store, tmp_path: Path) -> None:
    with lab(sqlite_store, tmp_path) as lb:
        until(lb.pbx.alive.is_set)
        resync_after(lb.pbx, 0)
        lb.pbx.send_raw(b"\x00\xff garbage \x15\x06\x05" * 50)
        lb.pbx.send_raw(bytes([STX]) + b"ZZ" * 60000)  # an oversize frame without ETX (120 KB)
        lb.pbx.send_raw(bytes([ETX]))
        lb.pbx.send_raw(bytes([STX]) + b"WA|RN\x01\x02|AS" + "\u00e9".encode() * 10 + bytes([ETX]))
        lb.pbx.send_raw(bytes([STX]) + b"WA|RN9999|DA991399|TI256161|ASOK|" + bytes([ETX]))  # no such call
        lb.pbx.send_raw(bytes([STX]) + b"|||||" + bytes([ETX]) + bytes([STX, ETX]))
        mark = lb.pbx.mark()
        lb.pbx.resync()
        body = resync_after(lb.pbx, mark)
        assert {r.get("RN") for r in body} == set(SqlRoomRules(sqlite_store).by_room())
        mark = lb.pbx.mark()
        RoomStates(sqlite_store, CLOCK).set_dnd(lb.let[0], True, OPERATOR)
        assert re_for(lb.pbx, mark, lb.let[0]).get("DN") == "Y"
        assert lb.pbx.connections == 1, "hostile bytes did not cost the connection"


def test_the_pbx_dropping_mid_resync_gets_the_whole_resync_again(sqlite_store: Store, tmp_path: Path) -> None:
    with lab(sqlite_store, tmp_path) as lb:
        until(lb.pbx.alive.is_set)
        resync_after(lb.pbx, 0)
        until(lambda: bool(lb.pbx.records("DE")))
        mark = lb.pbx.mark()
        lb.pbx.resync()
        until(lambda: bool(lb.pbx.records("DS", mark)))
        lb.pbx.drop()  # closes mid-resync
        RoomStates(sqlite_store, CLOCK).set_dnd(lb.let[1], True, OPERATOR)  # changed while down
        book = SqlWakeUpBook(sqlite_store, CLOCK)
        book.book_due(lb.let[1], CLOCK.now() + timedelta(hours=3), DESK)  # booked while down
        until(lambda: lb.pbx.connections >= 2, 15)
        body = resync_after(lb.pbx, mark + 1)
        got = {r.get("RN"): r for r in body}
        assert set(got) == set(SqlRoomRules(sqlite_store).by_room())
        assert got[lb.let[1]].get("DN") == "Y", "the DND change made while the link was down reached the PBX"
        until(lambda: any(r.get("RN") == lb.let[1] for r in lb.pbx.records("WR", mark)))


def test_no_record_between_ds_and_de_but_re(sqlite_store: Store, tmp_path: Path) -> None:
    """p.37: nothing else is sent between DS and DE."""
    with lab(sqlite_store, tmp_path) as lb:
        until(lb.pbx.alive.is_set)
        book = SqlWakeUpBook(sqlite_store, CLOCK)
        for i in range(4):
            mark = lb.pbx.mark()
            lb.pbx.resync()
            book.book_due(lb.let[i % 3], CLOCK.now() + timedelta(hours=1, minutes=i), DESK)
            body = resync_after(lb.pbx, mark)
            assert {r.kind for r in body} == {"RE"}


@pytest.mark.parametrize("mode", ["nak", "silent"], ids=["nak-storm", "never-acks"])
def test_a_serial_pbx_that_refuses_frames_loses_nothing(
    sqlite_store: Store, tmp_path: Path, mode: str
) -> None:
    with lab(sqlite_store, tmp_path, serial=True) as lb:
        until(lb.pbx.alive.is_set)
        resync_after(lb.pbx, 0)
        lb.pbx.answer_mode = mode
        RoomStates(sqlite_store, CLOCK).set_dnd(lb.let[0], True, OPERATOR)
        SqlWakeUpBook(sqlite_store, CLOCK).book_due(lb.let[0], CLOCK.now() + timedelta(hours=1), DESK)
        time.sleep(15)  # several rounds of refusals (p.94: 3 retries, ENQ)
        mark = lb.pbx.mark()
        lb.pbx.answer_mode = "ack"

        def told() -> bool:
            dn = [r for r in lb.pbx.since(0) if r.kind == "RE" and r.get("RN") == lb.let[0]]
            return any(r.get("DN") == "Y" for r in dn) and any(
                r.get("RN") == lb.let[0] for r in lb.pbx.records("WR")
            )

        until(told, 40)
        assert lb.pbx.since(mark) or told()


def test_vip_wake_up_reaches_the_pbx_only_at_its_backup_time(sqlite_store: Store, tmp_path: Path) -> None:
    """The operator has the call until shortly before its backup time; the PBX is then handed it ``LEAD``
    ahead (the console's rule is a minute, scaled here like the backup) for the backup time itself, so the
    time in the WR is never one already past."""
    backup = timedelta(seconds=8)
    with lab(sqlite_store, tmp_path) as lb:
        until(lb.pbx.alive.is_set)
        book = SqlWakeUpBook(sqlite_store, CLOCK, personal_backup=backup)
        due = CLOCK.now().replace(microsecond=0) + timedelta(seconds=2)
        book.book_due(lb.let[0], due, DESK, personal=True)
        at = due + backup
        time.sleep(max(0.0, (at - LEAD - timedelta(seconds=1) - CLOCK.now()).total_seconds()))
        assert lb.pbx.records("WR") == [], "a personal wake-up is the operator's until its backup time"
        until(lambda: bool(lb.pbx.records("WR")), 20)
        wr = lb.pbx.records("WR")[0]
        assert (wr.get("DA"), wr.get("TI")) == (f"{at:%y%m%d}", f"{at:%H%M%S}")
        assert CLOCK.now() >= at - LEAD - timedelta(seconds=1) and CLOCK.now() < at  # ahead, not after


def test_the_dialler_process_over_a_serial_pty_tells_dnd(sqlite_store: Store, tmp_path: Path) -> None:
    """The real process: ``[wakeup] mode = pbx``, ``pbx_serial_framing = yes``, policy left to its default."""
    let = [room for room, _ in hotel_with_guests(sqlite_store, CLOCK, 1)]
    pair = SocatPair(tmp_path)
    pair.start()
    pbx = OutsiderPbx(serial=True).pty(pair.a)
    settings = tmp_path / "console.ini"
    settings.write_text(
        f"[wakeup]\nmode = pbx\npbx_url = {pair.b}\npbx_serial_framing = yes\n", encoding="utf-8"
    )
    proc = subprocess.Popen(
        [
            sys.executable,
            "main.py",
            "--dialler",
            "--settings",
            str(settings),
            "--database",
            sqlite_store.url,
            "--data-dir",
            str(tmp_path / "data"),
            "--timezone",
            "Asia/Shanghai",
        ],
        cwd=Path(__file__).resolve().parents[1],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        until(pbx.alive.is_set, 40)
        resync_after(pbx, 0, 30)
        mark = pbx.mark()
        RoomStates(sqlite_store, CLOCK).set_dnd(let[0], True, OPERATOR)
        assert re_for(pbx, mark, let[0]).get("DN") == "Y"
        assert pbx.violations == []
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
        pbx.close()
        pair.stop()


def test_frame_helpers_follow_the_spec_examples() -> None:
    """The peer's LRC against the spec's worked example and RS-232 log (p.96, p.103-107)."""
    from tests.outsider_positions_pbx import lrc, split_record

    assert lrc(b"12345") == ord("2")
    assert lrc(b"LS|DA161117|TI102926|") == ord("w")
    assert lrc(b"LR|RIGI|FLRNGNGVG#GLGGGSSFA0A1A2A3A4A5A6A7A8A9|") == 0x15
    rec = split_record(b"RE|RN2781|CS2|DNN|")
    assert rec is not None and rec.kind == "RE" and rec.fields == [("RN", "2781"), ("CS", "2"), ("DN", "N")]
    assert split_record(b"garbage") is None
    assert ETX == 3


def test_a_pbx_that_restarts_and_sends_ls_itself_is_answered(sqlite_store: Store, tmp_path: Path) -> None:
    """p.100: either side may send LS ("I restarted"); the other side's answer brings the link back, and a
    PMS side that answers re-sends its data (a resync) so the restarted PBX knows every room's DND."""
    with lab(sqlite_store, tmp_path) as lb:
        until(lb.pbx.alive.is_set)
        resync_after(lb.pbx, 0)
        RoomStates(sqlite_store, CLOCK).set_dnd(lb.let[2], True, OPERATOR)
        until(lambda: any(r.get("DN") == "Y" for r in lb.pbx.records("RE") if r.get("RN") == lb.let[2]))
        mark = lb.pbx.mark()
        lb.pbx.alive.clear()
        lb.pbx.send("LS", f"DA{CLOCK.now():%y%m%d}", f"TI{CLOCK.now():%H%M%S}")
        until(lambda: any(r.kind in ("LS", "LA") for r in lb.pbx.since(mark)), 10)
        if not lb.pbx.since(mark) or lb.pbx.since(mark)[0].kind == "LA":
            lb.pbx.send_description()  # the PMS side still knew us: describe again all the same
        body = {r.get("RN"): r for r in resync_after(lb.pbx, mark, 20)}
        assert body[lb.let[2]].get("DN") == "Y"
