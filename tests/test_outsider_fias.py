"""The console's FIAS link against a PMS written from the specification alone (tests/fias_outsider_pms.py),
over TCP and over a socat pty pair with the serial framing, into the front office on SQLite and PostgreSQL.

Each test names the rule of the FIAS specification (Release 2.20.23, [SPEC p.N]) it checks."""

from __future__ import annotations

import itertools
import random
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from db.fias_sequence import SqlPostingNumbers
from db.frontoffice import SqlFrontOffice
from db.room_board import SqlRoomBoard
from db.rows import GuestRow, RoomRow, StayRow, WakeUpRow
from db.seed import seed_demo_hotel
from db.store import Store
from db.wakeup_book import SqlPmsWakeUps
from hardware.fias_link import FiasLink, LinkSettings
from switchboard.clock import SystemClock
from switchboard.fias.front_desk import PmsFrontDesk
from switchboard.fias.session import LinkPhase, Posting
from switchboard.link_monitor import LinkCounters, LinkJournal
from switchboard.pbx import LinkName
from tests.fias_outsider_pms import ETX, STX, OutsiderPms, lrc
from tests.test_fias_link import SocatPair, eventually

ZONE = ZoneInfo("Asia/Shanghai")


@dataclass
class Console:
    """The console's side as console/links.py composes it: link, front desk, posting numbers in the db."""

    store: Store
    url: str
    serial: bool
    options: dict[str, object]
    events: list[object] = field(default_factory=list)
    settled: list[tuple[int, bool]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.clock = SystemClock(ZONE)
        holder: list[PmsFrontDesk] = []
        settings = LinkSettings(self.url, serial_framing=self.serial, **self.options)  # type: ignore[arg-type]
        self.link = FiasLink(
            settings,
            self.clock,
            lambda rec: holder[0].apply(rec),
            self.events.append,
            numbers=SqlPostingNumbers(self.store),
        )
        self.desk = PmsFrontDesk(
            SqlFrontOffice(self.store, self.clock), SqlPmsWakeUps(self.store, self.clock), self.link.send
        )
        holder.append(self.desk)
        self.link.session.on_settled = lambda posting, ok: self.settled.append((posting.reference, ok))
        self.link.start()

    def journal(self) -> LinkJournal:
        journal = LinkJournal()
        for event in list(self.events):
            journal.take(event)
        return journal

    def errors(self) -> int:
        counters = [e for e in list(self.events) if isinstance(e, LinkCounters) and e.link is LinkName.PMS]
        return counters[-1].errors if counters else 0

    def alive(self) -> bool:
        return self.link.session.phase is LinkPhase.ALIVE


@dataclass
class Rig:
    pms: OutsiderPms
    console: Console
    wire: str
    new_console: Callable[[], Console]
    raised: list[BaseException]


def _options(**extra: object) -> dict[str, object]:
    base: dict[str, object] = {"listen_s": 0.5, "ack_timeout_s": 0.5}
    base.update(extra)
    return base


@pytest.fixture
def rig_factory(store: Store, tmp_path: Path) -> Iterator[Callable[..., Rig]]:
    closers: list[Callable[[], None]] = []
    raised: list[BaseException] = []
    previous = threading.excepthook
    threading.excepthook = lambda args: raised.append(args.exc_value or RuntimeError("thread died"))
    seed_demo_hotel(store, SystemClock(ZONE))

    def make(wire: str = "tcp", encoding: str = "utf-8", **extra: object) -> Rig:
        pms = OutsiderPms(encoding, serial=wire == "pty")
        options = _options(encoding=encoding, **extra)
        if wire == "tcp":
            port, close = pms.serve_tcp()
            closers.append(close)
            url = f"socket://127.0.0.1:{port}"
        else:
            assert shutil.which("socat"), "socat is part of the test packages"
            pair = SocatPair(tmp_path)
            pair.start()
            closers.append(pair.stop)
            closers.append(pms.serve_pty(pair.a))
            url = pair.b
        consoles: list[Console] = []

        def new_console() -> Console:
            console = Console(store, url, wire == "pty", options)
            consoles.append(console)
            closers.append(console.link.stop)
            return console

        return Rig(pms, new_console(), wire, new_console, raised)

    yield make
    for close in reversed(closers):
        close()
    threading.excepthook = previous
    assert raised == [], "an exception left a link thread"


WIRES = ["tcp", pytest.param("pty", marks=pytest.mark.slow)]


def _vacant(store: Store, count: int = 1) -> list[str]:
    rooms = [r.number for r in SqlRoomBoard(store, SystemClock(ZONE)).rooms() if r.occupancy == "vacant"]
    return rooms[:count]


def _stay(store: Store, reservation: str) -> tuple[str, str, str, str, int] | None:
    """(status, room, last name, first name, the room's class of service) of a reservation."""
    with store.read() as s:
        row = s.execute(
            select(
                StayRow.status, RoomRow.number, GuestRow.name, GuestRow.first_name, RoomRow.class_of_service
            )
            .join(GuestRow, GuestRow.id == StayRow.guest_id)
            .join(RoomRow, RoomRow.id == StayRow.room_id, isouter=True)
            .where(StayRow.reservation == reservation)
            .order_by(StayRow.id.desc())
        ).first()
    return tuple(row) if row else None  # type: ignore[return-value]


def _becomes(get: Callable[[], object], expected: object, timeout: float = 15.0) -> None:
    """Wait until ``get()`` equals ``expected``; fail showing the last value seen."""
    deadline = time.monotonic() + timeout
    value = get()
    while value != expected and time.monotonic() < deadline:
        time.sleep(0.05)
        value = get()
    assert value == expected


def _alive(rig: Rig) -> None:
    rig.pms.wait_for("LA")
    eventually(rig.console.alive)


# --- link start -------------------------------------------------------------------------------------


@pytest.mark.parametrize("wire", WIRES)
def test_link_start_describes_every_record_the_console_uses(
    rig_factory: Callable[..., Rig], wire: str
) -> None:
    """[SPEC p.25-29, 100-102] LS from the IFC; the vendor answers LD (DA, TI, V#, IF = PB for a PBX [p.111]),
    one LR per record type it sends or receives (RI and FL), then LA; the IFC answers LA and the link is
    alive. The console's LR must ask for what the issue says it applies: GN, GF, CS on GI and GC, RO on GC."""
    rig = rig_factory(wire)
    _alive(rig)
    pms = rig.pms
    ld = pms.wait_for("LD")[0]
    assert ld.get("IF") == "PB"
    assert ld.get("V#") and len(ld.get("V#") or "") <= 10
    assert len(ld.get("DA") or "") == 6 and len(ld.get("TI") or "") == 6
    kinds = [r.kind for r in pms.received]
    first_la = kinds.index("LA")
    assert kinds[kinds.index("LD") + 1 : first_la] == ["LR"] * (first_la - kinds.index("LD") - 1)
    asked = {r.get("RI"): r.get("FL") or "" for r in pms.of_kind("LR")}
    for kind in ("GI", "GO", "GC", "WR", "WC", "WA", "PS", "PA", "RE"):
        assert kind in asked, f"no LR for {kind}"
    for fl in asked.values():
        assert len(fl) % 2 == 0, "FL is field IDs of two characters each"

    def ids(kind: str) -> set[str]:
        fl = asked[kind]
        return {fl[i : i + 2] for i in range(0, len(fl), 2)}

    assert {"RN", "G#", "GN", "GF", "CS"} <= ids("GI")
    assert {"RN", "G#", "GN", "GF", "CS", "RO"} <= ids("GC")
    assert {"RN", "DA", "TI", "AS"} <= ids("WA")
    assert {"RN", "P#", "DA", "TI", "PT"} <= ids("PS")
    assert {"AS", "P#"} <= ids("PA")


@pytest.mark.parametrize("wire", WIRES)
def test_guest_in_change_move_and_out_apply_every_field_asked_for(
    rig_factory: Callable[..., Rig], wire: str
) -> None:
    """[SPEC p.39-47] GI with GN, GF, GL, CS; GC changing only what it carries (GF, CS); a room move is GC
    with RO; GO ends the stay. A GI without a name still checks in [p.40: defaults for fields not sent]."""
    rig = rig_factory(wire)
    _alive(rig)
    store = rig.console.store
    first, second, third = _vacant(store, 3)
    pms = rig.pms
    pms.send(
        "GI",
        ("RN", first),
        ("G#", "91001"),
        ("GN", "Okafor"),
        ("GF", "Ada"),
        ("GL", "EA"),
        ("CS", "1"),
        ("GS", "N"),
    )
    _becomes(lambda: _stay(store, "91001"), ("in_house", first, "Okafor", "Ada", 1))
    pms.send("GC", ("RN", first), ("G#", "91001"), ("GF", "Adaeze"), ("CS", "2"))
    _becomes(lambda: _stay(store, "91001"), ("in_house", first, "Okafor", "Adaeze", 2))
    pms.send("GC", ("G#", "91001"), ("RN", second), ("GS", "N"), ("RO", first), ("GS", "N"))  # [p.44] move
    eventually(lambda: (_stay(store, "91001") or ("",) * 5)[:2] == ("in_house", second))
    with store.read() as s:
        left = s.scalar(select(RoomRow.occupancy).where(RoomRow.number == first))
    assert left == "vacant"
    pms.send("GI", ("RN", third), ("G#", "91002"), ("GS", "N"))  # no name at all
    eventually(lambda: (_stay(store, "91002") or ("",))[0] == "in_house")
    pms.send("GO", ("RN", second), ("G#", "91001"), ("GS", "N"))
    eventually(lambda: (_stay(store, "91001") or ("",))[0] == "checked_out")
    assert rig.console.desk.failed == 0
    assert rig.console.errors() == 0


# --- link end ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("wire", WIRES)
def test_link_end_is_answered_and_the_connection_dropped(rig_factory: Callable[..., Rig], wire: str) -> None:
    """[SPEC p.26, 102] LE from either side: the other answers LE (within 2 s on TCP, 3 s serial) and drops
    the port; no new handshake on the same connection."""
    rig = rig_factory(wire)
    _alive(rig)
    pms = rig.pms
    before = len(pms.received)
    sent_at = time.monotonic()
    pms.send("LE", ("DA", datetime.now().strftime("%y%m%d")), ("TI", datetime.now().strftime("%H%M%S")))
    answer = pms.wait_for("LE", timeout=5)[0]
    assert answer.at - sent_at < (2.0 if wire == "tcp" else 3.0)
    if wire == "tcp":
        assert pms.closed_by_vendor.wait(5), "the console did not drop the connection after LE"
        assert pms.received[before:][0].kind == "LE"
        after_le = [r.kind for r in pms.received[before + 1 :] if r.at - answer.at < 0.5]
        assert "LD" not in after_le and "LS" not in after_le
    else:
        time.sleep(1.0)
        later = [r.kind for r in pms.received[before + 1 :]]
        assert "LD" not in later[:1], "a new handshake right after LE"


# --- wake-ups ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("wire", WIRES)
def test_one_wake_up_answer_even_when_the_pms_repeats_the_request(
    rig_factory: Callable[..., Rig], wire: str
) -> None:
    """[SPEC p.67-69] No reply to WR or WC; exactly one final WA per wake-up, with DA and TI of the request
    (seconds echoed as received). The PMS sends the WR again after the link comes back: same wake-up."""
    rig = rig_factory(wire)
    _alive(rig)
    store = rig.console.store
    room, other = _vacant(store, 2)
    pms = rig.pms
    pms.send("GI", ("RN", room), ("G#", "92001"), ("GN", "Haddad"), ("GS", "N"))
    pms.send("GI", ("RN", other), ("G#", "92002"), ("GN", "Ortiz"), ("GS", "N"))
    eventually(lambda: (_stay(store, "92002") or ("",))[0] == "in_house")
    due = (datetime.now(ZONE) + timedelta(hours=9)).replace(second=30, microsecond=0)
    wr = (("RN", room), ("DA", due.strftime("%y%m%d")), ("TI", due.strftime("%H%M%S")))
    pms.send("WR", *wr)
    other_due = due + timedelta(minutes=15)
    pms.send("WR", ("RN", other), ("DA", other_due.strftime("%y%m%d")), ("TI", other_due.strftime("%H%M%S")))

    def statuses(number: str) -> list[str]:
        with store.read() as s:
            return list(s.scalars(select(WakeUpRow.status).where(WakeUpRow.room_number == number)))

    eventually(lambda: statuses(room) == ["booked"] and statuses(other) == ["booked"])
    pms.send("WC", ("RN", other), ("DA", other_due.strftime("%y%m%d")), ("TI", other_due.strftime("%H%M%S")))
    eventually(lambda: statuses(other) == ["cancelled"])
    if wire == "tcp":
        pms.drop()
        eventually(lambda: pms.connections >= 2)
        pms.wait_for("LA", count=2)
    else:
        pms.link_start()
        pms.wait_for("LD", count=2)
    pms.send("WR", *wr)  # the PMS sends its open requests again
    time.sleep(1.0)
    assert pms.of_kind("WA") == [], "a repeated WR was answered before the wake-up was done"
    assert statuses(room) == ["booked"]
    rig.console.desk.wake_up_finished(room, due.replace(tzinfo=None), "OK")
    answer = pms.wait_for("WA")[0]
    assert (answer.get("RN"), answer.get("DA"), answer.get("TI"), answer.get("AS")) == (
        room,
        due.strftime("%y%m%d"),
        due.strftime("%H%M%S"),
        "OK",
    )
    time.sleep(1.0)
    assert len(pms.of_kind("WA")) == 1, "exactly one WA per wake-up"


# --- postings ---------------------------------------------------------------------------------------


def _posting(room: str, reference: int, cents: int = 1050) -> Posting:
    return Posting(
        room, datetime.now(ZONE).replace(microsecond=0), cents, "004989920920", 125, "I", reference=reference
    )


@pytest.mark.parametrize("wire", WIRES)
def test_a_posting_put_off_is_sent_again_after_growing_pauses(
    rig_factory: Callable[..., Rig], wire: str
) -> None:
    """[SPEC p.80-86] PA with RY (retry), BY (busy) or NA (night audit): the same posting again later, not in
    a tight loop; P# stays the posting's number (it goes up after each success); one PS outstanding."""
    rig = rig_factory(wire, retry_pause_s=1.0)
    _alive(rig)
    pms = rig.pms
    room = _vacant(rig.console.store)[0]
    pms.behaviour.posting_answers = ["RY", "BY", "NA"]
    rig.console.link.post(_posting(room, 501))
    sent = pms.wait_for("PS", count=4, timeout=30)
    assert len({p.get("P#") for p in sent}) == 1, "a retry is the same posting"
    gaps = [b.at - a.at for a, b in itertools.pairwise(sent)]
    assert gaps[0] >= 0.9, f"first retry after {gaps[0]:.3f}s"
    assert gaps[0] < gaps[1] < gaps[2], f"pauses do not grow: {gaps}"
    eventually(lambda: rig.console.settled == [(501, True)])
    assert sent[0].get("PT") == "C" and sent[0].get("TA") == "1050" and sent[0].get("RN") == room
    assert sent[0].get("DD") == "004989920920" and sent[0].get("DU") == "000205"


@pytest.mark.parametrize("wire", WIRES)
def test_no_posting_during_night_audit_and_one_at_a_time(rig_factory: Callable[..., Rig], wire: str) -> None:
    """[SPEC p.38-39] NS ... NE is the night audit: a posting made meanwhile waits for NE. [SPEC p.80] only
    one PS outstanding: the next waits for the PA of the last."""
    rig = rig_factory(wire, retry_pause_s=0.2)
    _alive(rig)
    pms = rig.pms
    room = _vacant(rig.console.store)[0]
    stamp = (("DA", datetime.now().strftime("%y%m%d")), ("TI", datetime.now().strftime("%H%M%S")))
    pms.send("NS", *stamp)
    time.sleep(0.3)
    rig.console.link.post(_posting(room, 601))
    time.sleep(2.0)  # ten times the first pause
    assert pms.of_kind("PS") == [], "a posting went out during the night audit"
    ne_at = time.monotonic()
    pms.send("NE", *stamp)
    assert pms.wait_for("PS", timeout=10)[0].at > ne_at
    eventually(lambda: rig.console.settled == [(601, True)])
    pms.behaviour.answer_postings = False
    rig.console.link.post(_posting(room, 602))
    rig.console.link.post(_posting(room, 603))
    time.sleep(1.5)
    assert len(pms.of_kind("PS")) == 2, "a second PS before the PA of the first"
    first = pms.of_kind("PS")[-1]
    pms.send("PA", ("AS", "OK"), ("RN", room), ("P#", first.get("P#") or ""))
    second = pms.wait_for("PS", count=3)[-1]
    assert second.get("P#") != first.get("P#")
    pms.send("PA", ("AS", "OK"), ("RN", room), ("P#", second.get("P#") or ""))
    eventually(lambda: sorted(rig.console.settled) == [(601, True), (602, True), (603, True)])


def test_posting_numbers_are_unique_and_go_on_after_a_restart(rig_factory: Callable[..., Rig]) -> None:
    """[SPEC p.79] P#: 1-99999999, no leading zeros, going up after each success. Stop the console's link,
    start a new one on the same database: the numbers go on."""
    rig = rig_factory("tcp")
    _alive(rig)
    pms = rig.pms
    room = _vacant(rig.console.store)[0]
    for ref in (701, 702, 703):
        rig.console.link.post(_posting(room, ref))
    eventually(lambda: len(rig.console.settled) == 3)
    rig.console.link.stop()
    second = rig.new_console()
    eventually(second.alive)
    for ref in (704, 705):
        second.link.post(_posting(room, ref))
    eventually(lambda: len(second.settled) == 2)
    numbers = [p.get("P#") or "" for p in pms.of_kind("PS")]
    assert all(n.isdigit() and not n.startswith("0") and 1 <= int(n) <= 99_999_999 for n in numbers)
    values = [int(n) for n in numbers]
    assert len(values) == 5 and values == sorted(values) and len(set(values)) == 5, values


# --- resync, keep-alive -----------------------------------------------------------------------------


@pytest.mark.parametrize("wire", WIRES)
def test_resync_checks_out_who_is_not_resent_and_holds_postings(
    rig_factory: Callable[..., Rig], wire: str
) -> None:
    """[SPEC p.36-38] DR from the vendor; DS, GI with SF, DE from the PMS; a guest not resent is checked out
    (guest-oriented); nothing is sent to the PMS between DS and DE."""
    rig = rig_factory(wire)
    _alive(rig)
    store = rig.console.store
    a, b = _vacant(store, 2)
    pms = rig.pms
    pms.send("GI", ("RN", a), ("G#", "93001"), ("GN", "Sato"), ("GS", "N"))
    pms.send("GI", ("RN", b), ("G#", "93002"), ("GN", "Novak"), ("GS", "N"))
    eventually(lambda: (_stay(store, "93002") or ("",))[0] == "in_house")
    rig.console.link.request_resync()
    pms.wait_for("DR")
    pms.send("DS")
    time.sleep(0.3)
    rig.console.link.post(_posting(a, 801))
    pms.send(
        "GI", ("RN", a), ("G#", "93001"), ("GN", "Sato"), ("GF", "Yuki"), ("CS", "0"), ("GS", "N"), ("SF", "")
    )
    time.sleep(1.0)
    assert pms.of_kind("PS") == [], "a posting went out between DS and DE"
    ds_end = time.monotonic()
    pms.send("DE")
    eventually(lambda: (_stay(store, "93002") or ("",))[0] == "checked_out")
    assert _stay(store, "93001") == ("in_house", a, "Sato", "Yuki", 0)
    assert pms.wait_for("PS")[0].at > ds_end


def test_keep_alive_and_a_half_open_connection(rig_factory: Callable[..., Rig]) -> None:
    """[SPEC p.102] the vendor may check the link with LS (at most once in five minutes by default) and the
    IFC answers LA. An LS that gets no answer is a dead link: the console connects again."""
    assert LinkSettings("socket://x:1").keep_alive_s >= 300
    rig = rig_factory("tcp", keep_alive_s=1.0, answer_timeout_s=1.5)
    _alive(rig)
    pms = rig.pms
    blocks = pms.link_blocks
    pms.wait_for("LS", where=lambda r: r.at > pms.of_kind("LA")[0].at, timeout=10)
    time.sleep(0.5)
    assert rig.console.alive() and pms.connections == 1
    pms.behaviour.answer_alive_check = False  # the PMS is still connected but no longer answers
    eventually(lambda: pms.connections >= 2, 20)
    eventually(lambda: pms.link_blocks > blocks)


# --- encoding ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("wire", WIRES)
def test_gb18030_names_both_ways(rig_factory: Callable[..., Rig], wire: str) -> None:
    """[SPEC p.21] extended characters in the site's code page; [pms] encoding = gb18030."""
    rig = rig_factory(wire, encoding="gb18030")
    _alive(rig)
    store = rig.console.store
    room = _vacant(store)[0]
    rig.pms.send("GI", ("RN", room), ("G#", "94001"), ("GN", "欧阳"), ("GF", "娜娜"), ("GS", "N"))
    _becomes(lambda: _stay(store, "94001"), ("in_house", room, "欧阳", "娜娜", 3))
    assert rig.pms.undecodable == []
    # bytes that are not GB18030 text: shown as a bad frame, the record kept
    rig.pms.send_bytes(b"GC|RN" + room.encode() + b"|G#94001|GF\x80\xff|")
    eventually(lambda: rig.console.errors() >= 1)
    bad = [f for f in rig.console.journal().links[LinkName.PMS].frames if f.bad and not f.outgoing]
    assert len(bad) == 1 and b"\x80\xff" in bad[0].data


# --- the serial line ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_serial_line_lrc_nak_and_enq(rig_factory: Callable[..., Rig]) -> None:
    """[SPEC p.93-96] every frame of the console carries the right LRC and is answered ACK by us; a frame of
    ours with a wrong LRC gets NAK and, sent again right, is applied once; an ENQ gets the last answer again
    and never a second copy of the record."""
    rig = rig_factory("pty")
    _alive(rig)
    pms = rig.pms
    store = rig.console.store
    assert pms.lrc_errors == 0 and pms.undecodable == []
    room = _vacant(store)[0]
    good = f"GI|RN{room}|G#95001|GNLind|GSN|".encode()
    acks = len(pms.acks)
    pms.send_raw(bytes([STX]) + good + bytes([ETX, lrc(good) ^ 0x55]))
    eventually(lambda: len(pms.acks) > acks)
    assert pms.acks[acks] == 0x15, "a wrong LRC must be answered NAK"
    pms.send_bytes(good)
    _becomes(lambda: (_stay(store, "95001") or ("",))[:2], ("in_house", room))
    eventually(lambda: len(pms.acks) > acks + 1)
    assert pms.acks[acks + 1] == 0x06
    pms.send_raw(b"\x05")  # ENQ: the console repeats its last answer, ACK
    eventually(lambda: len(pms.acks) > acks + 2)
    assert pms.acks[acks + 2] == 0x06
    _becomes(rig.console.errors, 1, timeout=5)  # the frame with the wrong LRC is one bad frame
    with store.read() as s:
        stays = s.scalar(select(func.count()).select_from(StayRow).where(StayRow.reservation == "95001"))
    assert stays == 1


# --- hostile input ------------------------------------------------------------------------------------


@pytest.mark.parametrize("wire", WIRES)
def test_damaged_and_hostile_records_cost_one_error_each_and_nothing_else(
    rig_factory: Callable[..., Rig], wire: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Bytes from the PMS are hostile: a frame without ETX, 100 kB without ETX, NUL bytes, an unknown record
    type, control characters in fields, a 2,000-character name, Arabic and emoji names, a room that does
    not exist, a wake-up dated 00-01-01. The link stays up on the same connection, each damaged frame is one
    error in the link monitor, and the good records around them are applied."""
    rig = rig_factory(wire)
    _alive(rig)
    pms = rig.pms
    store = rig.console.store
    rooms = _vacant(store, 6)

    def framed(record: bytes) -> bytes:
        return bytes([STX]) + record + bytes([ETX]) + (bytes([lrc(record)]) if wire == "pty" else b"")

    def gi(room: str, reservation: str, name: str) -> bytes:
        return f"GI|RN{room}|G#{reservation}|GN{name}|GSN|".encode()

    errors = rig.console.errors()
    # 1. a frame cut short (no ETX) straight before a good one
    pms.send_raw(bytes([STX]) + b"GI|RN" + rooms[0].encode() + b"|G#96000|GNCut")
    pms.send_bytes(gi(rooms[0], "96001", "Berg"))
    # 2. 100 kB without ETX, then a good frame
    pms.send_raw(bytes([STX]) + b"A" * 100_000)
    pms.send_bytes(gi(rooms[1], "96002", "Costa"))
    # 3. NUL bytes between frames and an unknown record type
    pms.send_raw(b"\x00" * 64)
    pms.send_raw(framed(b"ZZ|AB1|CD2|"))
    # 4. control characters inside a field, Arabic and emoji names
    pms.send_raw(framed(gi(rooms[2], "96003", "Dah\x07l\x1bberg")))
    pms.send_raw(framed(gi(rooms[3], "96004", "محمد")))
    pms.send_raw(framed(gi(rooms[4], "96005", "Zoë 😀")))
    # 5. a 2,000-character name, a room that does not exist, a wake-up in year 00
    pms.send_raw(framed(gi(rooms[5], "96006", "N" * 2000)))
    pms.send_raw(framed(gi("9999X", "96007", "Nobody")))
    pms.send_raw(framed(b"WR|RN" + rooms[1].encode() + b"|DA000101|TI070000|"))
    pms.send_bytes(gi(rooms[5], "96008", "Ek"))  # the good record at the end
    _becomes(lambda: (_stay(store, "96008") or ("",))[:2], ("in_house", rooms[5]))
    for reservation, room, name in (
        ("96001", rooms[0], "Berg"),
        ("96002", rooms[1], "Costa"),
        ("96004", rooms[3], "محمد"),
        ("96005", rooms[4], "Zoë 😀"),
    ):
        assert (_stay(store, reservation) or ("",) * 3)[:3] == ("in_house", room, name), reservation
    assert _stay(store, "96000") is None, "a frame cut short is never applied"
    controlled = _stay(store, "96003")
    assert controlled is not None and not any(ord(c) < 0x20 for c in controlled[2])
    long = _stay(store, "96006")
    assert long is None or len(long[2]) <= 200
    assert _stay(store, "96007") is None
    refused = pms.wait_for("WA")[0]
    assert (refused.get("RN"), refused.get("DA"), refused.get("AS")) == (rooms[1], "000101", "UR")
    with store.read() as s:
        booked = list(s.scalars(select(WakeUpRow.status).where(WakeUpRow.room_number == rooms[1])))
    assert booked == []
    assert rig.console.alive() and pms.connections == 1
    # The cut frame, the 100 kB and (on TCP, where nothing can be asked again) the NUL bytes: one bad
    # frame each. On the serial line NUL bytes between frames are line noise the ACK/NAK dialogue covers.
    _becomes(lambda: rig.console.errors() - errors, 3 if wire == "tcp" else 2, timeout=5)
    if wire == "tcp":
        bad = [f for f in rig.console.journal().links[LinkName.PMS].frames if f.bad and not f.outgoing]
        assert len(bad) == 3 and all(len(f.data) <= 200 for f in bad), [f.data[:20] for f in bad]
    assert not [r for r in caplog.records if r.exc_info], "a traceback in the log"


def test_tcp_framer_counts_each_damaged_stretch_once_in_any_chunks() -> None:
    """A frame cut by the next STX, 100 kB with no ETX and a run of noise are three damaged stretches
    however the bytes arrive; the records between them come through."""
    from switchboard.fias.framing import TcpFramer

    good = [b"GI|RN101|G#1|GNA|", b"GO|RN101|G#1|", b"LS|DA261120|TI220000|"]
    stream = (
        bytes([STX]) + b"GI|RN1|GNcut" + bytes([STX]) + good[0] + bytes([ETX])
        + bytes([STX]) + b"B" * 100_000 + bytes([STX]) + good[1] + bytes([ETX])
        + b"\x00noise\x00" * 50 + bytes([STX]) + good[2] + bytes([ETX])
    )  # fmt: skip
    rng = random.Random(3)
    for _ in range(5):
        framer, got, at = TcpFramer(), [], 0
        while at < len(stream):
            size = rng.choice((1, 2, 7, 4096, 65536))
            got += framer.feed(stream[at : at + size])
            at += size
        assert (got, framer.damaged) == (good, 3)
        assert len(framer.bad) == 3 and all(len(b) <= 200 for b in framer.bad)
