"""``[wakeup] pbx_url = listen://host:port``: the console listens and the PBX connects, as a FIAS PBX that
is the TCP client of the PMS side. The PBX is the outside tester's peer written from the FIAS
specification (tests/outsider_positions_pbx.py, Oracle HGBU-IFC8-FIAS 2.20.23), here as the client: the
link starts with LS (p.99-100) and resyncs every room after DR (p.36-38); one PBX at a time (a second
connection is closed at once); hostile bytes do not stop it; after a drop the PBX connects again."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from db.room_policy import SqlRoomRules
from db.store import Store
from db.wakeup_handover import SqlPbxHandover
from hardware.wakeup.pbx_link import PbxWakeUpLink
from tests.outsider_positions_pbx import ETX, STX, OutsiderPbx
from tests.pg_server import free_port
from tests.test_outsider_positions_fias import resync_after, until
from tests.test_wakeup_pbx_mode import CLOCK
from tests.wakeup_lab import hotel_with_guests


@pytest.fixture
def listening(sqlite_store: Store) -> Iterator[int]:
    hotel_with_guests(sqlite_store, CLOCK, 3)
    port = free_port()
    link = PbxWakeUpLink(
        f"listen://127.0.0.1:{port}",
        SqlPbxHandover(sqlite_store, CLOCK),
        CLOCK.now,
        rooms=SqlRoomRules(sqlite_store).by_room,
    )
    stop = threading.Event()
    thread = threading.Thread(target=link.run, args=(stop,))
    thread.start()
    try:
        yield port
    finally:
        stop.set()
        thread.join(timeout=10)
        assert not thread.is_alive()


def _connect(port: int) -> OutsiderPbx:
    end = time.monotonic() + 10
    while True:
        try:
            return OutsiderPbx().client("127.0.0.1", port)
        except OSError:
            if time.monotonic() > end:
                raise
            time.sleep(0.05)


def test_the_pbx_connects_and_is_given_ls_then_every_room(listening: int, sqlite_store: Store) -> None:
    pbx = _connect(listening)
    try:
        until(pbx.alive.is_set)
        assert pbx.since(0)[0].kind == "LS", "p.99-100: the PMS side starts the link with LS"
        body = resync_after(pbx, 0)
        assert {r.get("RN") for r in body} == set(SqlRoomRules(sqlite_store).by_room())
        assert pbx.violations == []
    finally:
        pbx.close()


def test_one_pbx_at_a_time_hostile_bytes_and_a_new_connection(listening: int) -> None:
    pbx = _connect(listening)
    try:
        until(pbx.alive.is_set)
        second = socket.create_connection(("127.0.0.1", listening), timeout=5)
        second.settimeout(5)
        try:
            assert second.recv(100) == b"", "a second PBX is closed at once, sent nothing"
        finally:
            second.close()
        pbx.send_raw(bytes([STX]) + b"\xff" * 5000 + b"\x00|||" + bytes([ETX]) + b"\x7f" * 300)
        pbx.send_raw(bytes([STX]) + b"ZZ" * 3000)  # a record that never ends
        mark = pbx.mark()
        pbx.send_raw(bytes([ETX]))
        pbx.resync()
        assert resync_after(pbx, mark), "still answering after hostile bytes"
        pbx.drop()
    finally:
        pbx.close()
    again = _connect(listening)  # the PBX restarts and connects anew
    try:
        until(again.alive.is_set)
        assert again.since(0)[0].kind == "LS"
    finally:
        again.close()
