"""An emergency number dialled from a room reaches every operator position at once over SIP: the
lab's Kamailio routes the call on to the trunk and sends each registered position a MESSAGE naming
the room's extension, the number and the call; a MESSAGE from anyone but the PBX changes nothing."""

from __future__ import annotations

import socket
import time
import uuid
from collections.abc import Iterator

import pytest

from db.store import Store
from tests.positions_lab import Position
from tests.sip_lab import KamailioLab
from tests.sip_lab.raw_phone import RawPhone

pytestmark = [pytest.mark.sip, pytest.mark.postgres]


@pytest.fixture
def lab() -> Iterator[KamailioLab]:
    kamailio = KamailioLab()
    kamailio.start()
    try:
        yield kamailio
    finally:
        kamailio.close()


@pytest.fixture
def database(pg_url: str) -> str:
    store = Store(pg_url)
    store.migrate()
    store.dispose()
    return pg_url


def test_a_room_dialling_110_alarms_both_positions_within_a_second(lab: KamailioLab, database: str) -> None:
    positions = [Position(f"P{i}", lab, database, answer=False) for i in (1, 2)]
    room, trunk = RawPhone("1208", lab.port), RawPhone("trunk", lab.port)
    try:
        for p in positions:
            p.wait("link", status="up")
        room.register()
        trunk.register()
        dialled = time.time()
        assert room.call("0110") == 486  # the call went on to the trunk (busy in the lab)
        assert len(trunk.received) == 1
        for p in positions:
            told = p.wait("emergency", timeout=5)
            assert (told["extension"], told["number"]) == ("1208", "110") and told["call"]
            assert told["t"] - dialled < 1.0, told
        assert positions[0].of("emergency")[0]["call"] == positions[1].of("emergency")[0]["call"]
    finally:
        for phone in (room, trunk):
            phone.close()
        for p in positions:
            p.stop()


def test_a_message_from_anyone_but_the_pbx_raises_nothing(lab: KamailioLab, database: str) -> None:
    position = Position("P1", lab, database, answer=False)
    try:
        position.wait("link", status="up")
        # Find the position's front by asking Kamailio where 9 is registered.
        dump = lab.rpc("ul.dump")
        address = next(part for part in dump.split() if part.startswith("sip:9@127.0.0.1:"))
        host, port = address.removeprefix("sip:9@").split(";")[0].split(":")
        body = b"extension=1208\r\nnumber=110\r\ncall=forged\r\n"
        forged = (
            f"MESSAGE sip:9@{host}:{port} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP 127.0.0.2:5099;branch=z9hG4bK{uuid.uuid4().hex}\r\n"
            "Max-Forwards: 70\r\nFrom: <sip:emergency@127.0.0.2>;tag=x1\r\nTo: <sip:9@127.0.0.1>\r\n"
            f"Call-ID: {uuid.uuid4().hex}\r\nCSeq: 1 MESSAGE\r\n"
            "Content-Type: application/x-emergency-call\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.bind(("127.0.0.2", 0))
            s.sendto(forged, (host, int(port)))
        time.sleep(1.0)
        assert position.of("emergency") == []
    finally:
        position.stop()
