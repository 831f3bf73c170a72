"""The console's PMS link against an IFC written from the FIAS specification (tests/fias_ifc.py),
over TCP and over a socat pty pair with the serial framing (LRC, ACK/NAK)."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from hardware.fias_link import FiasLink, LinkSettings
from switchboard.clock import SystemClock
from switchboard.fias.front_desk import PmsFrontDesk
from switchboard.fias.session import LinkPhase
from switchboard.pbx import LinkStateChanged, LinkStatus
from tests.fias_hotel import MemoryHotel
from tests.fias_ifc import Ifc, SerialWire, ifc_on_tcp
from tests.test_fias_link import SocatPair, eventually


@dataclass
class Rig:
    ifc: Ifc
    hotel: MemoryHotel
    link: FiasLink
    desk: PmsFrontDesk
    events: list[object]
    serial: bool
    pair: SocatPair | None = None

    def restart_ifc(self) -> None:
        """The PMS's interface starts again (TCP: it waits for the console to call; serial: same line)."""
        if self.pair is not None:
            self.ifc.attach(SerialWire(self.pair.a))

    def up(self) -> None:
        assert self.ifc.alive.wait(15)
        eventually(lambda: self.link.session.phase is LinkPhase.ALIVE)


@contextmanager
def rig_for(kind: str, tmp_path: Path, encoding: str = "utf-8", **settings: Any) -> Iterator[Rig]:
    options = {"listen_s": 0.5, "ack_timeout_s": 0.5, **settings}
    with ExitStack() as stack:
        pair: SocatPair | None = None
        if kind == "tcp":
            ifc, port = stack.enter_context(ifc_on_tcp(encoding=encoding))
            url = f"socket://127.0.0.1:{port}"
        else:
            assert shutil.which("socat"), "socat is part of the test packages"
            pair = SocatPair(tmp_path)
            pair.start()
            stack.callback(pair.stop)
            ifc = Ifc(serial_framing=True, encoding=encoding, ack_timeout_s=0.5)
            ifc.attach(SerialWire(pair.a))
            stack.callback(ifc.detach)
            url = pair.b
        hotel = MemoryHotel()
        events: list[object] = []
        holder: list[PmsFrontDesk] = []
        link = FiasLink(
            LinkSettings(url, serial_framing=kind == "pty", encoding=encoding, **options),
            SystemClock(),
            lambda rec: holder[0].apply(rec),
            events.append,
        )
        desk = PmsFrontDesk(hotel, hotel, link.send)
        holder.append(desk)
        link.start()
        stack.callback(link.stop)
        yield Rig(ifc, hotel, link, desk, events, kind == "pty", pair)


WIRES = ["tcp", pytest.param("pty", marks=pytest.mark.slow)]


@pytest.mark.parametrize("kind", WIRES)
def test_link_end_is_answered_and_the_line_dropped(kind: str, tmp_path: Path) -> None:
    """Spec p.27: on LE the other side answers LE and the port is dropped; no new handshake follows
    on that connection, and the console calls again on a new one."""
    with rig_for(kind, tmp_path) as rig:
        rig.up()
        first = rig.ifc.connection
        rig.ifc.end_link()
        rig.ifc.wait_for("LE", connection=first, timeout=5)
        ended_at = time.monotonic()
        eventually(
            lambda: any(
                isinstance(e, LinkStateChanged) and e.status is LinkStatus.DOWN and "LE" in e.detail
                for e in rig.events
            ),
            timeout=5,
        )
        if not rig.serial:
            assert rig.ifc.closed_by_console.wait(3), "the console hangs up after its LE"
        time.sleep(1.0)  # anything the console still had to say on this connection would be in by now
        after = [r.kind for r in rig.ifc.on_connection(first) if r.at >= ended_at]
        assert after == [], f"records after LE on the ended connection: {after}"
        les = rig.ifc.records("LE", connection=first)
        assert len(les) == 1
        # The PMS comes back: a fresh link start on a new connection, and the link is up again.
        rig.restart_ifc()
        eventually(lambda: rig.ifc.connection > first, timeout=15)
        rig.ifc.wait_for("LD", connection=rig.ifc.connection, timeout=15)
        rig.up()
