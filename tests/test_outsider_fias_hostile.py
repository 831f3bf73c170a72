"""Damaged and hostile bytes from an outside PMS (tests/fias_outsider_pms.py) on the console's FIAS link,
over TCP and the serial framing: each damaged frame is one error, the link stays up, good records pass."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.rows import StayRow, WakeUpRow
from db.store import Store
from switchboard.fias.framing import TcpFramer
from switchboard.pbx import LinkName
from tests.fias_outsider_pms import ETX, STX, lrc
from tests.fias_outsider_rig import (
    WIRES,
    Rig,
    alive,
    becomes,
    rigs,
    stay,
    vacant,
)
from tests.test_fias_link import eventually

# --- the serial line ----------------------------------------------------------------------------------


@pytest.fixture
def rig_factory(store: Store, tmp_path: Path) -> Iterator[Callable[..., Rig]]:
    yield from rigs(store, tmp_path)


@pytest.mark.slow
def test_serial_line_lrc_nak_and_enq(rig_factory: Callable[..., Rig]) -> None:
    """[SPEC p.93-96] every frame of the console carries the right LRC and is answered ACK by us; a frame of
    ours with a wrong LRC gets NAK and, sent again right, is applied once; an ENQ gets the last answer again
    and never a second copy of the record."""
    rig = rig_factory("pty")
    alive(rig)
    pms = rig.pms
    store = rig.console.store
    assert pms.lrc_errors == 0 and pms.undecodable == []
    room = vacant(store)[0]
    good = f"GI|RN{room}|G#95001|GNLind|GSN|".encode()
    acks = len(pms.acks)
    pms.send_raw(bytes([STX]) + good + bytes([ETX, lrc(good) ^ 0x55]))
    eventually(lambda: len(pms.acks) > acks)
    assert pms.acks[acks] == 0x15, "a wrong LRC must be answered NAK"
    pms.send_bytes(good)
    becomes(lambda: (stay(store, "95001") or ("",))[:2], ("in_house", room))
    eventually(lambda: len(pms.acks) > acks + 1)
    assert pms.acks[acks + 1] == 0x06
    pms.send_raw(b"\x05")  # ENQ: the console repeats its last answer, ACK
    eventually(lambda: len(pms.acks) > acks + 2)
    assert pms.acks[acks + 2] == 0x06
    becomes(rig.console.errors, 1, timeout=5)  # the frame with the wrong LRC is one bad frame
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
    alive(rig)
    pms = rig.pms
    store = rig.console.store
    rooms = vacant(store, 6)

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
    becomes(lambda: (stay(store, "96008") or ("",))[:2], ("in_house", rooms[5]))
    for reservation, room, name in (
        ("96001", rooms[0], "Berg"),
        ("96002", rooms[1], "Costa"),
        ("96004", rooms[3], "محمد"),
        ("96005", rooms[4], "Zoë 😀"),
    ):
        assert (stay(store, reservation) or ("",) * 3)[:3] == ("in_house", room, name), reservation
    assert stay(store, "96000") is None, "a frame cut short is never applied"
    controlled = stay(store, "96003")
    assert controlled is not None and not any(ord(c) < 0x20 for c in controlled[2])
    long = stay(store, "96006")
    assert long is None or len(long[2]) <= 200
    assert stay(store, "96007") is None
    refused = pms.wait_for("WA")[0]
    assert (refused.get("RN"), refused.get("DA"), refused.get("AS")) == (rooms[1], "000101", "UR")
    with store.read() as s:
        booked = list(s.scalars(select(WakeUpRow.status).where(WakeUpRow.room_number == rooms[1])))
    assert booked == []
    assert rig.console.alive() and pms.connections == 1
    # The cut frame, the 100 kB and (on TCP, where nothing can be asked again) the NUL bytes: one bad
    # frame each. On the serial line NUL bytes between frames are line noise the ACK/NAK dialogue covers.
    becomes(lambda: rig.console.errors() - errors, 3 if wire == "tcp" else 2, timeout=5)
    if wire == "tcp":
        bad = [f for f in rig.console.journal().links[LinkName.PMS].frames if f.bad and not f.outgoing]
        assert len(bad) == 3 and all(len(f.data) <= 200 for f in bad), [f.data[:20] for f in bad]
    assert not [r for r in caplog.records if r.exc_info], "a traceback in the log"


def test_tcp_framer_counts_each_damaged_stretch_once_in_any_chunks() -> None:
    """A frame cut by the next STX, 100 kB with no ETX and a run of noise are three damaged stretches
    however the bytes arrive; the records between them come through."""
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


@pytest.mark.slow
def test_lrc_bytes_that_look_like_control_bytes(rig_factory: Callable[..., Rig]) -> None:
    """[SPEC p.93] the LRC can be any byte, STX, ETX, ENQ, ACK and NAK too: it is found by its place after
    ETX, never by its value. Records whose LRC is each of those are applied, each once."""
    rig = rig_factory("pty")
    alive(rig)
    store = rig.console.store
    rooms = vacant(store, 5)
    wanted = {0x02: "STX", 0x03: "ETX", 0x05: "ENQ", 0x06: "ACK", 0x15: "NAK"}
    sent: dict[int, str] = {}
    for room, (value, _name) in zip(rooms, wanted.items(), strict=True):
        reservation = str(98001 + len(sent))
        for first, second in itertools.product(range(0x30, 0x7B), repeat=2):
            record = f"GI|RN{room}|G#{reservation}|GNLrc{chr(first)}{chr(second)}|GSN|".encode()
            if lrc(record) == value:
                break
        else:
            raise AssertionError(f"no record with LRC {value:#x}")
        sent[value] = reservation
        rig.pms.send_bytes(record)
    for room, reservation in zip(rooms, sent.values(), strict=True):
        becomes(lambda r=reservation: (stay(store, r) or ("", ""))[:2], ("in_house", room))
    assert rig.pms.lrc_errors == 0 and rig.console.errors() == 0
