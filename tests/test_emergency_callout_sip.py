"""The call-out of an emergency nobody acknowledged rings the duty manager's and security's telephones
through the PBX on a wake-up line, playing the message that names the room: on the lab, raw telephones
registered as those extensions receive the INVITE, from the wake-up lines' user."""

from __future__ import annotations

import re
import time
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from console.emergency import EmergencyDesk
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.emergency import EmergencyDialled, Source
from switchboard.settings import ConsoleSettings
from tests.console_parts import console_and_window
from tests.reader import READER
from tests.sip_lab.kamailio import KamailioLab
from tests.sip_lab.raw_phone import RawPhone


@pytest.mark.sip
def test_nobody_acknowledges_and_the_duty_manager_is_rung_through_the_pbx(
    qtbot: QtBot, kamailio: KamailioLab, sqlite_store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    seed_demo_hotel(sqlite_store, clock)
    settings = ConsoleSettings(
        pbx_mode="sip",
        sections={"pbx": {"server": kamailio.domain}, "emergency": {"call_out": "8050, 8040"}},
    )
    console, window = console_and_window(qtbot, sqlite_store, clock, tmp_path, settings)
    console.training = False
    phones = {ext: RawPhone(ext, kamailio.port) for ext in ("8050", "8040")}
    try:
        for phone in phones.values():
            phone.register()
        desk = EmergencyDesk(console, window)
        desk.refresh_timer.stop()
        room = next(r for r in SqlRoomBoard(sqlite_store, clock).rooms(READER) if r.guest)
        desk.heard(EmergencyDialled("lab-1", room.extension, "119", clock.now(), Source.PBX))
        clock.advance(timedelta(seconds=31))
        desk.refresh()  # overdue: the call-out starts its line process and rings both
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(desk.callout.results) < 2:
            QCoreApplication.processEvents()
            time.sleep(0.05)
        assert sorted(ext for ext, _ in desk.callout.results) == ["8040", "8050"], desk.callout.results
        for phone in phones.values():
            assert len(phone.received) == 1  # rang, and the raw telephone answered busy
        log = kamailio.log_path.read_text()
        assert re.search(r"REQ INVITE sip:8050@\S+ from", log)  # through the PBX
        assert all(result == "busy" for _, result in desk.callout.results)
    finally:
        for phone in phones.values():
            phone.close()
        for action in console.on_quit:
            action()
