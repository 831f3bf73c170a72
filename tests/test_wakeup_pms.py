"""A wake-up the PMS books over FIAS is dialled by the dialler process and answered to the PMS with
exactly one WA carrying the requested time, when the call has ended (not at each retry)."""

from __future__ import annotations

import os
import signal
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from db.rows import DiallerBeatRow
from db.store import Store, sqlite_url
from tests.fias_pms import pms_on_tcp
from tests.test_console_start import run_console

pytestmark = pytest.mark.beside  # waits in real time: run beside the rest (tools/test.sh)

HOTEL = ZoneInfo("Asia/Shanghai")


def test_a_pms_wake_up_gets_one_wa_after_the_call(tmp_path: Path) -> None:
    with pms_on_tcp() as (pms, port):
        settings = tmp_path / "console.ini"
        settings.write_text(
            f"[pms]\nurl = socket://127.0.0.1:{port}\n\n[wakeup]\ndialler = on\nattempts = 1\n",
            encoding="utf-8",
        )
        console = threading.Thread(
            target=run_console,
            args=(
                tmp_path,
                "--settings",
                str(settings),
                "--screenshot",
                str(tmp_path / "s.png"),
                "--timezone",
                "Asia/Shanghai",
                "--wait",
                "40",
            ),
        )
        console.start()
        pid = 0
        try:
            pms.alive.wait(timeout=30)
            assert pms.alive.is_set(), "the link did not start"
            pms.send("GI", ("RN", "712"), ("G#", "9712"), ("GN", "Li"), ("GS", "N"))
            due = datetime.now(HOTEL).replace(microsecond=0) + timedelta(seconds=4)
            da, ti = due.strftime("%y%m%d"), due.strftime("%H%M%S")
            pms.send("WR", ("RN", "712"), ("DA", da), ("TI", ti))
            answer = pms.wait_for("WA", timeout=30)[0]
            assert (answer.get("RN"), answer.get("DA"), answer.get("TI")) == ("712", da, ti)
            assert answer.get("AS") in ("OK", "NR", "BY")  # the training lines answer like real guests
            time.sleep(5)
            assert len(pms.records("WA")) == 1
        finally:
            store = Store(sqlite_url(tmp_path / "data" / "hotel-switchboard" / "switchboard.db"))
            with store.read() as s:
                pid = next(iter(s.scalars(select(DiallerBeatRow.pid))), 0)
            store.dispose()
            if pid:
                os.kill(pid, signal.SIGTERM)
            console.join(timeout=60)
