"""Call records as the vendors print them (tests/data/outsider, sources in SOURCES.md there), read by the
console's SMDR reader over TCP and a socat pty pair into the call records on SQLite and PostgreSQL, each
stored field checked against what the vendor's document says the line means; and hostile bytes."""

from __future__ import annotations

import os
import random
import shutil
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from db.call_records import SqlCallRecords
from db.rows import CallRecordRow, RoomRow
from db.store import Store
from hardware.smdr_reader import SmdrReader, SmdrSettings
from switchboard.clock import FakeClock
from switchboard.link_monitor import LinkCounters, LinkJournal, RawFrame
from switchboard.pbx import LinkName, LinkStateChanged, LinkStatus
from switchboard.smdr.charges import ChargeRule, Tariff
from switchboard.smdr.parsers import SmdrFormat, parser_for
from tests.sip_lab.ports import free_port
from tests.smdr_outsider_samples import DATA, ROOMS, VENDORS, sample_lines
from tests.test_fias_link import SocatPair, eventually

ZONE = ZoneInfo("Asia/Shanghai")
RULE = ChargeRule(Tariff(100, 60))  # 1.00 a started minute


@pytest.fixture
def rooms(store: Store) -> Store:
    """Every telephone the samples name as the hotel's own is a let room."""
    with store.unit() as s:
        for number in ROOMS:
            s.add(RoomRow(number=number, floor=1, room_type="King", extension=number, occupancy="occupied"))
    return store


def _rows(store: Store) -> list[CallRecordRow]:
    with store.read() as s:
        rows = list(
            s.scalars(select(CallRecordRow).where(CallRecordRow.source == "smdr").order_by(CallRecordRow.id))
        )
        s.expunge_all()
        return rows


def _view(row: CallRecordRow) -> dict[str, Any]:
    local = row.started_at.astimezone(ZONE)
    return {
        "direction": row.direction,
        "caller": row.caller,
        "called": row.called,
        "room": row.room_number,
        "talk": int(row.talk_seconds),
        "ring": int(row.ring_seconds),
        "answered": not row.abandoned,
        "charged": row.charge_cents > 0,
        "start": local.strftime("%m-%d %H:%M:%S"),
        "call": row.pbx_call,
    }


def _pick(found: dict[str, Any], expected: dict[str, Any]) -> dict[str, Any]:
    return {key: found[key] for key in expected}


@dataclass
class Feed:
    reader: SmdrReader
    events: list[object]

    def counters(self) -> LinkCounters:
        return [e for e in list(self.events) if isinstance(e, LinkCounters)][-1]

    def journal(self) -> LinkJournal:
        journal = LinkJournal()
        for event in list(self.events):
            journal.take(event)
        return journal

    def up(self) -> bool:
        states = [e.status for e in list(self.events) if isinstance(e, LinkStateChanged)]
        return bool(states) and states[-1] is LinkStatus.UP


def _feed(store: Store, clock: FakeClock, url: str, fmt: SmdrFormat, **extra: Any) -> Feed:
    events: list[object] = []
    settings = SmdrSettings(url, fmt, **extra)
    reader = SmdrReader(settings, clock, SqlCallRecords(store, clock, RULE).store, events.append)
    reader.start()
    return Feed(reader, events)


def _chunks(data: bytes, seed: int) -> Iterator[bytes]:
    rng = random.Random(seed)
    at = 0
    while at < len(data):
        size = rng.randint(1, 37)
        yield data[at : at + size]
        at += size


def _over_tcp(store: Store, clock: FakeClock, fmt: SmdrFormat, data: bytes, count: int, **extra: Any) -> Feed:
    """The console connects to the PBX (socket://) and reads ``data`` sent in small random pieces."""
    server = socket.create_server(("127.0.0.1", 0))
    feed = _feed(store, clock, f"socket://127.0.0.1:{server.getsockname()[1]}", fmt, **extra)
    try:
        server.settimeout(10)
        conn, _ = server.accept()
        for chunk in _chunks(data, 5):
            conn.sendall(chunk)
        eventually(lambda: len(_rows(store)) >= count)
        conn.close()
    finally:
        feed.reader.stop()
        server.close()
    return feed


def _over_pty(
    store: Store, clock: FakeClock, tmp: Path, fmt: SmdrFormat, data: bytes, count: int, **extra: Any
) -> Feed:
    assert shutil.which("socat"), "socat is part of the test packages"
    pair = SocatPair(tmp)
    pair.start()
    feed = _feed(store, clock, pair.b, fmt, **extra)
    try:
        eventually(feed.up, 5)
        pbx = os.open(pair.a, os.O_WRONLY | os.O_NOCTTY)
        for chunk in _chunks(data, 9):
            os.write(pbx, chunk)
        eventually(lambda: len(_rows(store)) >= count)
        os.close(pbx)
    finally:
        feed.reader.stop()
        pair.stop()
    return feed


# --- each vendor's lines, field by field -------------------------------------------------------------


def _check_vendor(store: Store, name: str) -> None:
    expected = VENDORS[name][3]
    found = [_view(r) for r in _rows(store)]
    assert len(found) == len(expected), [f["caller"] + ">" + f["called"] for f in found]
    assert [_pick(f, e) for f, e in zip(found, expected, strict=True)] == expected


@pytest.mark.parametrize("name", list(VENDORS))
def test_vendor_lines_over_tcp_are_stored_as_the_vendor_means_them(
    rooms: Store, clock: FakeClock, name: str
) -> None:
    fmt, _, extra, expected = VENDORS[name]
    data = b"".join(line + b"\r\n" for line in sample_lines(name))
    feed = _over_tcp(rooms, clock, fmt, data, len(expected), **extra)
    _check_vendor(rooms, name)
    assert feed.counters().errors == 0


@pytest.mark.slow
@pytest.mark.parametrize("name", list(VENDORS))
def test_vendor_lines_over_a_pty_pair(rooms: Store, clock: FakeClock, tmp_path: Path, name: str) -> None:
    fmt, _, extra, expected = VENDORS[name]
    data = b"".join(line + b"\r\n" for line in sample_lines(name))
    feed = _over_pty(rooms, clock, tmp_path, fmt, data, len(expected), **extra)
    _check_vendor(rooms, name)
    assert feed.counters().errors == 0


def test_avaya_call_out_by_the_user_with_targeting_cause_u_is_charged(rooms: Store, clock: FakeClock) -> None:
    line = (DATA / "avaya_ipo_capture.txt").read_bytes().splitlines()[3] + b"\r\n"
    port = free_port()
    feed = _feed(rooms, clock, f"listen://127.0.0.1:{port}", SmdrFormat.AVAYA_IP_OFFICE)
    try:
        eventually(lambda: any(getattr(e, "status", None) is LinkStatus.CONNECTING for e in feed.events), 5)
        pbx = socket.create_connection(("127.0.0.1", port), timeout=5)  # IP Office connects to the collector
        pbx.sendall(line)
        eventually(lambda: feed.counters().records_in + feed.counters().errors >= 1, 10)
        pbx.close()
    finally:
        feed.reader.stop()
    found = [_view(r) for r in _rows(rooms)]
    assert [
        _pick(f, {"direction": 0, "caller": 0, "called": 0, "room": 0, "talk": 0, "charged": 0})
        for f in found
    ] == [
        {
            "direction": "out",
            "caller": "4731",
            "called": "69145869202",
            "room": "4731",
            "talk": 38,
            "charged": True,
        }
    ]


def test_mitel_5000_over_tcp_logs_in_and_reads_the_manuals_bytes(rooms: Store, clock: FakeClock) -> None:
    """The 5000 CP's socket: the collector's login <length><0x84><password>NUL, then each record behind
    a 4-byte little-endian length (the manual's example: 0x52 0x00 0x00 0x00, 80 columns, CR LF)."""
    server = socket.create_server(("127.0.0.1", 0))
    feed = _feed(
        rooms,
        clock,
        f"socket://127.0.0.1:{server.getsockname()[1]}",
        SmdrFormat.MITEL_5000,
        password="12345678",
    )
    record = (DATA / "mitel_5000_manual_record.txt").read_bytes()
    assert len(record) == 0x52
    try:
        server.settimeout(10)
        conn, _ = server.accept()
        conn.settimeout(5)
        login = b""
        while len(login) < 14:
            login += conn.recv(14 - len(login))
        assert login == bytes([0x0A, 0, 0, 0, 0x84]) + b"12345678\x00"
        framed = (0x52).to_bytes(4, "little") + record
        for chunk in _chunks(framed * 2, 3):  # the same record twice: stored once
            conn.sendall(chunk)
        eventually(lambda: feed.counters().records_in == 2)
        conn.close()
    finally:
        feed.reader.stop()
        server.close()
    found = [_view(r) for r in _rows(rooms)]
    assert [_pick(f, VENDORS["mitel_5000"][3][0]) for f in found] == VENDORS["mitel_5000"][3]
    assert found[0]["called"].replace("-", "") == "9619000" and found[0]["start"].endswith("08:36:00")
    assert feed.counters().errors == 0


# --- hostile bytes ------------------------------------------------------------------------------------


def _one_column_spoilt(line: bytes, fmt: SmdrFormat) -> bytes:
    """The line with one column's content replaced by letters where the vendor prints digits."""
    if fmt in (SmdrFormat.AVAYA_IP_OFFICE, SmdrFormat.THREECX):
        cols = line.split(b",")
        cols[2] = b"xx:yy:zz" if fmt is SmdrFormat.THREECX else b"nine"  # duration / ring time
        return b",".join(cols)
    if fmt is SmdrFormat.ASTERISK_CSV:
        cols = line.split(b",")
        cols[12] = b"ninety"  # duration
        return b",".join(cols)
    text = bytearray(line)
    at = {
        SmdrFormat.MITEL_5000: 52,  # elapsed 00:00:03 (columns 53-60)
        SmdrFormat.NEC_SL: 23,  # duration (23-30)
        SmdrFormat.PANASONIC_KX: 62,  # duration
        SmdrFormat.MITEL_MIVOICE_BUSINESS: 15,  # duration (15-22)
    }[fmt]
    text[at : at + 5] = b"ab:cd"
    return bytes(text)


@pytest.mark.parametrize("name", list(VENDORS))
def test_hostile_bytes_around_vendor_lines_cost_one_bad_line_each(
    rooms: Store, clock: FakeClock, tmp_path: Path, name: str
) -> None:
    """Random bytes, NUL padding, a megabyte without a line end, a half line glued to the next record after
    a reconnect, and each vendor line with one column spoilt: the link stays up, every damaged stretch is
    one bad line in the link monitor, the good records around them are stored right, nothing raises."""
    fmt, _, extra, _ = VENDORS[name]
    lines = sample_lines(name)
    good = b"".join(line + b"\r\n" for line in lines)
    rng = random.Random(17)
    noise = bytes(rng.randrange(1, 256) for _ in range(300)).replace(b"\n", b"").replace(b"\r", b"")
    spoilt = b"".join(_one_column_spoilt(line, fmt) + b"\r\n" for line in lines)
    half = lines[0][: len(lines[0]) // 2]
    stream = (
        noise
        + b"\r\n"  # 1 bad line
        + b"\x00" * 32
        + good  # NUL padding before a record: not a line of its own
        + b"Z" * 1_000_000
        + b"\r\n"  # 1 bad line
        + spoilt  # one bad line each
        + half  # the PBX restarts mid-line ...
        + good  # ... and sends again from the start: the glued line is 1 bad line, never a wrong record
    )
    bad_expected = 1 + 1 + len(lines) + 1

    def done() -> bool:
        return feed.counters().errors >= bad_expected and feed.counters().records_in >= 2 * len(lines) - 1

    if fmt is SmdrFormat.MITEL_5000:  # over TCP the 5000 CP frames records by length: plain lines are serial
        pair = SocatPair(tmp_path)
        pair.start()
        feed = _feed(rooms, clock, pair.b, fmt, **extra)
        try:
            eventually(feed.up, 5)
            pbx = os.open(pair.a, os.O_WRONLY | os.O_NOCTTY)
            for chunk in _chunks(stream, 4) if len(stream) < 10_000 else [stream]:
                os.write(pbx, chunk)
            eventually(done)
            os.close(pbx)
        finally:
            feed.reader.stop()
            pair.stop()
    else:
        server = socket.create_server(("127.0.0.1", 0))
        feed = _feed(rooms, clock, f"socket://127.0.0.1:{server.getsockname()[1]}", fmt, **extra)
        try:
            server.settimeout(10)
            conn, _ = server.accept()
            conn.sendall(stream)
            eventually(done)
            conn.close()
        finally:
            feed.reader.stop()
            server.close()
    _check_vendor(rooms, name)
    counters = feed.counters()
    bad = [f for f in feed.journal().links[LinkName.SMDR].frames if f.bad]
    assert (counters.errors, len(bad)) == (bad_expected, bad_expected), [f.data[:30] for f in bad]
    assert all(len(f.data) <= 4096 for f in bad)
    assert isinstance(bad[0], RawFrame)


@pytest.mark.parametrize("name", ["avaya_ipo", "nec_sl", "asterisk"])
def test_half_a_line_before_a_reconnect_is_one_bad_line_and_never_glued(
    rooms: Store, clock: FakeClock, name: str
) -> None:
    """The PBX's connection drops half way through a record; on the next connection it sends its lines again
    from the start. The half line is not glued to the first line of the new connection."""
    fmt, _, extra, expected = VENDORS[name]
    lines = sample_lines(name)
    good = b"".join(line + b"\r\n" for line in lines)
    server = socket.create_server(("127.0.0.1", 0))
    feed = _feed(rooms, clock, f"socket://127.0.0.1:{server.getsockname()[1]}", fmt, **extra)
    try:
        server.settimeout(10)
        conn, _ = server.accept()
        conn.sendall(lines[1][: len(lines[1]) // 2])
        time.sleep(0.3)
        conn.close()  # the PBX restarts
        conn, _ = server.accept()
        for chunk in _chunks(good, 11):
            conn.sendall(chunk)
        eventually(lambda: len(_rows(rooms)) >= len(expected))
        eventually(lambda: feed.counters().records_in + feed.counters().errors >= len(lines) + 1, 5)
        conn.close()
    finally:
        feed.reader.stop()
        server.close()
    _check_vendor(rooms, name)
    assert feed.counters().records_in == len(lines), "the first line of the new connection is a record"
    assert feed.counters().errors == 1, "the half line is one bad line"


def test_mitel_5000_operator_international_is_an_outgoing_charged_call(
    rooms: Store, clock: FakeClock
) -> None:
    """Administrator Guide p.252: O/I = 'Operator and International' (outgoing, chargeable). The manual's
    record with its type set to O/I: the room pays for it."""
    record = (DATA / "mitel_5000_manual_record.txt").read_bytes().replace(b"TLC ", b"O/I ", 1)
    calls = parser_for(SmdrFormat.MITEL_5000, clock.now().date()).feed(record)
    assert [(c.direction.value, c.extension, c.duration_s, c.trunk) for c in calls] == [
        ("out", "11202", 3, "94003")
    ]
    stored = SqlCallRecords(rooms, clock, RULE).store(calls)
    assert [c.cents for c in stored.charges] == [100]
