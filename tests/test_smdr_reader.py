"""The SMDR reader end to end: golden captures over a socat pty pair, TCP and a port the PBX connects to,
stored as call records linked to rooms on SQLite and PostgreSQL, once each however often they are read."""

from __future__ import annotations

import os
import random
import shutil
import socket
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from db.call_records import DUE, SqlCallRecords
from db.rows import CallRecordRow, RoomRow
from db.store import Store
from hardware.smdr_reader import SmdrReader, SmdrSettings
from switchboard.clock import FakeClock
from switchboard.link_monitor import LinkCounters, RawFrame
from switchboard.pbx import LinkName, LinkStateChanged, LinkStatus
from switchboard.smdr.charges import ChargeRule, Tariff
from switchboard.smdr.parsers import CallRecord, Direction, SmdrFormat
from tests.sip_lab.ports import free_port
from tests.test_fias_link import SocatPair, eventually
from tests.test_smdr_parsers import DATA, GOLDEN

RULE = ChargeRule(Tariff(100, 60))


@pytest.fixture
def rooms(store: Store) -> Store:
    """Room 1508 is let, 4324 is empty; 712 and 4750 are staff telephones."""
    with store.unit() as s:
        s.add(RoomRow(number="1508", floor=15, room_type="King", extension="1508", occupancy="occupied"))
        s.add(RoomRow(number="4324", floor=4, room_type="Twin", extension="4324", occupancy="vacant"))
    return store


def _smdr_rows(store: Store) -> list[CallRecordRow]:
    with store.read() as s:
        rows = list(s.scalars(select(CallRecordRow).where(CallRecordRow.source == "smdr")))
        s.expunge_all()
        return rows


def _chunks(data: bytes, rng: random.Random) -> Iterator[bytes]:
    at = 0
    while at < len(data):
        size = rng.randint(1, 40)
        yield data[at : at + size]
        at += size


class Feed:
    """The reader wired to the store, collecting what it tells the window."""

    def __init__(self, store: Store, clock: FakeClock, url: str, fmt: SmdrFormat) -> None:
        self.calls = SqlCallRecords(store, clock, RULE)
        self.events: list[object] = []
        self.reader = SmdrReader(SmdrSettings(url, fmt), clock, self.calls.store, self.events.append)

    def states(self) -> list[LinkStatus]:
        return [e.status for e in self.events if isinstance(e, LinkStateChanged) and e.link is LinkName.SMDR]

    def counters(self) -> LinkCounters:
        return [e for e in self.events if isinstance(e, LinkCounters)][-1]


@pytest.mark.parametrize("fmt", list(GOLDEN))
def test_golden_files_over_a_pty_pair_and_again_after_the_line_drops(
    rooms: Store, clock: FakeClock, tmp_path: Path, fmt: SmdrFormat
) -> None:
    assert shutil.which("socat"), "socat is part of the test packages"
    name, expected, bad = GOLDEN[fmt]
    data = (DATA / name).read_bytes()
    pair = SocatPair(tmp_path)
    pair.start()
    feed = Feed(rooms, clock, pair.b, fmt)
    feed.reader.start()
    rng = random.Random(7)
    try:
        eventually(lambda: LinkStatus.UP in feed.states(), 5)
        pbx = os.open(pair.a, os.O_WRONLY | os.O_NOCTTY)
        for chunk in _chunks(data, rng):
            os.write(pbx, chunk)
        eventually(lambda: len(_smdr_rows(rooms)) == len(expected))
        os.close(pbx)
        # The line drops; the PBX sends its whole buffer again when it is back.
        pair.stop()
        eventually(lambda: feed.reader.reconnects >= 1, 10)
        pair.start()
        eventually(lambda: feed.states()[-1] is LinkStatus.UP, 10)
        pbx = os.open(pair.a, os.O_WRONLY | os.O_NOCTTY)
        for chunk in _chunks(data, rng):
            os.write(pbx, chunk)
        eventually(lambda: feed.counters().records_in == 2 * len(expected))
        os.close(pbx)
    finally:
        feed.reader.stop()
        pair.stop()
    rows = _smdr_rows(rooms)
    assert len(rows) == len(expected), "a record read twice is stored once"
    extensions = sorted(r.called if r.direction == "in" else r.caller for r in rows)
    assert extensions == sorted(e[0] for e in expected)
    assert feed.counters().errors == 2 * bad
    bad_frames = [e for e in feed.events if isinstance(e, RawFrame) and e.bad]
    assert len(bad_frames) == 2 * bad
    assert LinkStatus.DOWN in feed.states()


def test_records_over_tcp_are_linked_to_rooms_and_charged(rooms: Store, clock: FakeClock) -> None:
    """Asterisk over TCP: room 1508's call out is charged and due for posting; a staff call is not."""
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    feed = Feed(rooms, clock, f"socket://127.0.0.1:{port}", SmdrFormat.ASTERISK_CSV)
    feed.reader.start()
    try:
        conn, _ = server.accept()
        conn.sendall((DATA / "asterisk_master.csv").read_bytes())
        eventually(lambda: len(_smdr_rows(rooms)) == 3)
        conn.close()  # the PBX restarts: the reader comes back by itself
        conn, _ = server.accept()
        conn.sendall((DATA / "asterisk_master.csv").read_bytes())
        eventually(lambda: feed.counters().records_in == 6)
        conn.close()
    finally:
        feed.reader.stop()
        server.close()
    rows = {(r.caller, r.called): r for r in _smdr_rows(rooms)}
    out = rows[("1508", "013901234567")]
    assert (out.room_number, out.direction, out.charge_cents, out.posting) == ("1508", "out", 300, DUE)
    assert out.started_at.isoformat() == "2026-11-20T14:14:05+00:00", "PBX local time, stored as UTC"
    assert out.raw.startswith('"","1508","013901234567"')
    staff = rows[("02188001234", "712")]
    assert (staff.room_number, staff.charge_cents, staff.posting, staff.abandoned) == ("", 0, "", True)
    assert [c.room for c in feed.calls.charges_due()] == ["1508"]


def test_listening_for_a_pbx_that_connects(rooms: Store, clock: FakeClock) -> None:
    """Avaya IP Office connects to the collector: the reader listens and takes each connection."""
    port = free_port()
    feed = Feed(rooms, clock, f"listen://127.0.0.1:{port}", SmdrFormat.AVAYA_IP_OFFICE)
    feed.reader.start()
    data = (DATA / "avaya_ipo.txt").read_bytes()
    expected = GOLDEN[SmdrFormat.AVAYA_IP_OFFICE][1]
    try:
        eventually(lambda: LinkStatus.CONNECTING in feed.states(), 5)
        for connection in (1, 2):
            pbx = socket.create_connection(("127.0.0.1", port), timeout=5)
            pbx.sendall(data)
            eventually(lambda n=connection: feed.counters().records_in == n * len(expected))
            pbx.close()
    finally:
        feed.reader.stop()
    rows = _smdr_rows(rooms)
    assert len(rows) == len(expected)
    vacant = [r for r in rows if r.room_number == "4324"]
    assert vacant and all(r.posting == "" for r in vacant), "no charge is posted to an empty room"
    assert feed.states()[-1] is LinkStatus.DISABLED


def test_records_wait_while_the_database_is_away(rooms: Store, clock: FakeClock) -> None:
    """The store fails twice; the records are kept by the reader and all stored once it is back."""
    calls = SqlCallRecords(rooms, clock, RULE)
    failures = [RuntimeError("database restarting"), RuntimeError("database restarting")]
    lock = threading.Lock()

    def deliver(batch: list[CallRecord]) -> None:
        with lock:
            if failures:
                raise failures.pop()
        calls.store(batch)

    server = socket.create_server(("127.0.0.1", 0))
    events: list[object] = []
    reader = SmdrReader(
        SmdrSettings(f"socket://127.0.0.1:{server.getsockname()[1]}", SmdrFormat.MITEL_5000),
        clock,
        deliver,
        events.append,
    )
    reader.start()
    try:
        conn, _ = server.accept()
        conn.sendall((DATA / "mitel_5000.txt").read_bytes())
        eventually(lambda: len(_smdr_rows(rooms)) == len(GOLDEN[SmdrFormat.MITEL_5000][1]))
        conn.close()
    finally:
        reader.stop()
        server.close()
    assert not failures
    assert reader.errors == 2 + GOLDEN[SmdrFormat.MITEL_5000][2]
    padded = [r for r in _smdr_rows(rooms) if r.caller == "01508"]
    assert padded and padded[0].room_number == "1508", "a zero-padded extension still finds its room"


def test_a_settled_charge_is_no_longer_due_and_a_refusal_is_kept_apart(
    rooms: Store, clock: FakeClock
) -> None:
    calls = SqlCallRecords(rooms, clock, RULE)
    out = [
        CallRecord(datetime(2026, 11, 20, 21, minute), "1508", Direction.OUTGOING, "013901234567", 61)
        for minute in (1, 2, 3)
    ]
    stored = calls.store(out)
    assert [c.cents for c in stored.charges] == [200, 200, 200]
    assert calls.store(out).new == 0, "read again after a reconnect: nothing new, nothing posted twice"
    first, second, _ = stored.charges
    calls.answered(first.record_id, posted=True)
    calls.answered(second.record_id, posted=False)
    calls.answered(second.record_id, posted=True)  # a late answer does not undo the refusal
    calls.answered(999_999, posted=True)  # an answer for no record is ignored
    assert [c.record_id for c in calls.charges_due()] == [stored.charges[2].record_id]
    postings = {r.id: (r.posting, r.posted_at is not None) for r in _smdr_rows(rooms)}
    assert postings[first.record_id] == ("posted", True)
    assert postings[second.record_id] == ("refused", False)
    assert (
        SqlCallRecords(rooms, clock, RULE, post_charges=False)
        .store([CallRecord(datetime(2026, 11, 20, 21, 9), "1508", Direction.OUTGOING, "0800", 61)])
        .charges
        == ()
    ), "a hotel that lets its PMS cost calls posts nothing"


def test_mitel_5000_over_tcp_logs_in_and_reads_length_framed_records(rooms: Store, clock: FakeClock) -> None:
    """The collector connects to the 5000 CP, sends its login (the manual's bytes for password 12345678),
    then reads records each behind a 4-byte length; a wrong length costs one bad frame, nothing else."""
    server = socket.create_server(("127.0.0.1", 0))
    settings = SmdrSettings(
        f"socket://127.0.0.1:{server.getsockname()[1]}", SmdrFormat.MITEL_5000, password="12345678"
    )
    events: list[object] = []
    reader = SmdrReader(settings, clock, SqlCallRecords(rooms, clock, RULE).store, events.append)
    lines = [line for line in (DATA / "mitel_5000.txt").read_bytes().splitlines() if line != b"garbage"]
    frames = b"".join(len(line + b"\r\n").to_bytes(4, "little") + line + b"\r\n" for line in lines)
    reader.start()
    try:
        conn, _ = server.accept()
        conn.settimeout(5)
        login = b""
        while len(login) < 14:
            login += conn.recv(14 - len(login))
        assert login == bytes.fromhex("0A000000 84 3132333435363738 00")
        conn.sendall((DATA / "mitel_5000_tcp.bin").read_bytes() + b"\x00\x00\x10\x00noise\r\n" + frames)
        eventually(lambda: reader.records_in == 1 + len(lines))
        conn.close()
    finally:
        reader.stop()
        server.close()
    assert reader.errors == 1
    rows = _smdr_rows(rooms)
    assert len(rows) == len(lines), "the manual's record and the first line are the same record"
    padded = next(r for r in rows if r.caller == "01508")
    assert (padded.room_number, padded.kind, padded.charge_cents) == ("1508", "TLD", 300)


@pytest.mark.parametrize(
    "fmt, name",
    [
        (SmdrFormat.MITEL_MIVOICE_BUSINESS, "mivb_examples.txt"),
        (SmdrFormat.NEC_SL, "nec_sl_report.txt"),
        (SmdrFormat.PANASONIC_KX, "panasonic_pattern_a.txt"),
        (SmdrFormat.THREECX, "threecx_cdr.txt"),
        (SmdrFormat.ASTERISK_CSV, "asterisk_public_master.csv"),
        (SmdrFormat.MITEL_5000, "mitel_5000_manual.txt"),
    ],
)
def test_each_format_over_a_pty_pair(
    rooms: Store, clock: FakeClock, tmp_path: Path, fmt: SmdrFormat, name: str
) -> None:
    """Serial output has no length before a record, Mitel's neither."""
    data = (DATA / name).read_bytes()
    expected = len(data.splitlines())
    pair = SocatPair(tmp_path)
    pair.start()
    events: list[object] = []
    settings = SmdrSettings(pair.b, fmt, trunks=frozenset({"211553", "211474", "stadionpbx"}))
    reader = SmdrReader(settings, clock, SqlCallRecords(rooms, clock, RULE).store, events.append)
    reader.start()
    try:
        eventually(lambda: any(getattr(e, "status", None) is LinkStatus.UP for e in events), 5)
        pbx = os.open(pair.a, os.O_WRONLY | os.O_NOCTTY)
        for chunk in _chunks(data, random.Random(3)):
            os.write(pbx, chunk)
        eventually(lambda: len(_smdr_rows(rooms)) == expected)
        os.close(pbx)
    finally:
        reader.stop()
        pair.stop()
    assert reader.errors == 0


def test_a_megabyte_without_a_line_end_is_one_error_in_the_monitor(rooms: Store, clock: FakeClock) -> None:
    """Over TCP: 1 MB with no line end between two records, in the TCP stack's own chunks: one bad
    line counted and one bad frame (cut short) for the link monitor; both records stored."""
    lines = (DATA / "avaya_ipo_examples.txt").read_bytes().splitlines()
    server = socket.create_server(("127.0.0.1", 0))
    feed = Feed(rooms, clock, f"socket://127.0.0.1:{server.getsockname()[1]}", SmdrFormat.AVAYA_IP_OFFICE)
    feed.reader.start()
    try:
        conn, _ = server.accept()
        conn.sendall(lines[0] + b"\r\n" + b"\x00garbage" * 131_072 + b"\r\n" + lines[5] + b"\r\n")
        eventually(lambda: len(_smdr_rows(rooms)) == 2)
        eventually(lambda: feed.counters().errors == 1)
        conn.close()
    finally:
        feed.reader.stop()
        server.close()
    bad = [e for e in feed.events if isinstance(e, RawFrame) and e.bad]
    assert len(bad) == 1 and len(bad[0].data) <= 200
