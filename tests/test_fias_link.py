"""The FIAS link end to end: the console's link thread against a PMS peer, over TCP and a socat pty pair."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from hardware.fias_link import FiasLink, LinkSettings
from switchboard.clock import SystemClock
from switchboard.fias.front_desk import PmsFrontDesk
from switchboard.fias.session import LinkPhase, Posting
from switchboard.hotel import Housekeeping
from switchboard.pbx import LinkStateChanged, LinkStatus
from tests.fias_hotel import MemoryHotel
from tests.fias_pms import PmsPeer, SerialIo, pms_on_tcp


def eventually(check: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.02)
    raise AssertionError("condition not reached in time")


@dataclass
class Wiring:
    pms: PmsPeer
    hotel: MemoryHotel
    link: FiasLink
    desk: PmsFrontDesk
    events: list[object]
    drop: Callable[[], None]


def _console(
    url: str, serial_framing: bool, events: list[object]
) -> tuple[MemoryHotel, FiasLink, PmsFrontDesk]:
    hotel = MemoryHotel()
    holder: list[PmsFrontDesk] = []
    link = FiasLink(
        LinkSettings(url, serial_framing=serial_framing, listen_s=0.5, ack_timeout_s=0.5),
        SystemClock(),
        lambda rec: holder[0].apply(rec),
        events.append,
    )
    desk = PmsFrontDesk(hotel, hotel, link.send)
    holder.append(desk)
    return hotel, link, desk


@pytest.fixture
def tcp_link() -> Iterator[Wiring]:
    with pms_on_tcp() as (pms, port):
        events: list[object] = []
        hotel, link, desk = _console(f"socket://127.0.0.1:{port}", False, events)
        link.start()
        try:
            yield Wiring(pms, hotel, link, desk, events, pms.drop)
        finally:
            link.stop()


class SocatPair:
    def __init__(self, tmp: Path) -> None:
        self.a, self.b = str(tmp / "pms"), str(tmp / "console")
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            ["socat", f"pty,raw,echo=0,link={self.a}", f"pty,raw,echo=0,link={self.b}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        eventually(lambda: Path(self.a).exists() and Path(self.b).exists(), 5)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=5)
            self.proc = None


@pytest.fixture
def pty_link(tmp_path: Path) -> Iterator[Wiring]:
    assert shutil.which("socat"), "socat is part of the test packages"
    pair = SocatPair(tmp_path)
    pair.start()
    pms = PmsPeer(serial_framing=True)
    pms.serve(SerialIo(pair.a))
    events: list[object] = []
    hotel, link, desk = _console(pair.b, True, events)
    link.start()

    def drop() -> None:
        pms.drop()
        pair.stop()
        time.sleep(0.3)
        pair.start()
        pms.serve(SerialIo(pair.a))

    try:
        yield Wiring(pms, hotel, link, desk, events, drop)
    finally:
        link.stop()
        pms.stop()
        pair.stop()


def _scenario(w: Wiring) -> None:
    pms, hotel = w.pms, w.hotel
    # Link start: LD with IFPB, an LR per record type, LA; then the PMS answers LA.
    assert pms.alive.wait(10)
    ld = pms.wait_for("LD")[0]
    assert ld.get("IF") == "PB"
    assert {r.get("RI") for r in pms.records("LR")} >= {"GI", "GO", "GC", "RE", "WR", "WC", "WA", "PS", "PA"}
    eventually(lambda: w.link.session.phase is LinkPhase.ALIVE)
    eventually(lambda: any(isinstance(e, LinkStateChanged) and e.status is LinkStatus.UP for e in w.events))

    # Check-in to check-out.
    pms.send("GI", ("RN", "1508"), ("G#", "4711"), ("GN", "Wang"), ("GL", "ZH"), ("GS", "N"))
    eventually(lambda: hotel.snapshot().get("1508") == ("4711", "Wang"))
    pms.send("GO", ("RN", "1508"), ("G#", "4711"), ("GS", "N"))
    eventually(lambda: "1508" not in hotel.snapshot())

    # A wake-up booked by the PMS and answered by exactly one WA with the time echoed.
    pms.send("GI", ("RN", "712"), ("G#", "4712"), ("GN", "Li"), ("GS", "N"))
    pms.send("WR", ("RN", "712"), ("DA", "261121"), ("TI", "063000"))
    eventually(lambda: ("712", datetime(2026, 11, 21, 6, 30)) in hotel.wakeups)
    w.desk.wake_up_finished("712", datetime(2026, 11, 21, 6, 30), "OK")
    pms.wait_for("WA")
    time.sleep(0.3)
    answers = pms.records("WA")
    assert [(a.get("RN"), a.get("DA"), a.get("TI"), a.get("AS")) for a in answers] == [
        ("712", "261121", "063000", "OK")
    ]

    # DND both ways: the PMS sets and clears it; the console's maid status goes back as RE RS.
    pms.send("RE", ("RN", "712"), ("DN", "Y"))
    eventually(lambda: hotel.dnd.get("712") is True)
    pms.send("RE", ("RN", "712"), ("DN", "N"), ("ML", "Y"))
    eventually(lambda: hotel.dnd.get("712") is False and hotel.lamp.get("712") is True)
    w.desk.housekeeping_changed("712", Housekeeping.CLEAN)
    re_out = pms.wait_for("RE")
    assert (re_out[-1].get("RN"), re_out[-1].get("RS")) == ("712", "3")
    assert not any(r.has("DN") for r in pms.records("RE")), "DND is never sent to the PMS"

    # A room move with RO and the share flag after each room.
    pms.send("GC", ("G#", "4712"), ("RN", "1012"), ("GS", "N"), ("RO", "712"), ("GS", "N"))
    eventually(lambda: "1012" in hotel.snapshot() and "712" not in hotel.snapshot())

    # A charge posted and answered by PA.
    w.link.post(Posting("1012", datetime(2026, 11, 20, 22, 14, 5), 1050, "0139 0123 4567", 121, "N"))
    ps = pms.wait_for("PS")[0]
    assert (ps.get("TA"), ps.get("DD"), ps.get("DU"), ps.get("P#")) == ("1050", "013901234567", "000201", "1")
    eventually(lambda: w.link.session.pending_postings == 0)

    # Resync of 700 rooms: the console ends with exactly the PMS's guests.
    for n in range(700):
        pms.guests[f"{300 + n // 40:02d}{n % 40:02d}"] = (str(90000 + n), f"Guest {n}")
    hotel.guests["9999"] = ("1", "Ghost")  # a stay the PMS no longer has
    w.link.request_resync()
    pms.wait_for("DR")
    eventually(lambda: hotel.snapshot() == pms.guests, timeout=60)


def test_link_over_tcp(tcp_link: Wiring) -> None:
    _scenario(tcp_link)


@pytest.mark.slow
def test_link_over_pty(pty_link: Wiring) -> None:
    _scenario(pty_link)
