"""main.py as a person starts it: help, first start on the demo hotel, screenshots, bad set-ups."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from sqlalchemy import func, select

from db.rows import RoomRow, UserRow
from db.store import Store, sqlite_url
from tests.sip_lab import KamailioLab

ROOT = Path(__file__).resolve().parent.parent


def run_console(tmp_path: Path, *args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_help_lists_the_options(tmp_path: Path) -> None:
    result = run_console(tmp_path, "--help")
    assert result.returncode == 0
    for option in ("--screenshot", "--settings", "--database", "--language", "--data-dir"):
        assert option in result.stdout


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_first_start_loads_the_demo_hotel_and_screenshots_the_window(tmp_path: Path, language: str) -> None:
    shot = tmp_path / f"console-{language}.png"
    result = run_console(tmp_path, "--screenshot", str(shot), "--language", language)
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert image.width() >= 1200 and image.height() >= 700
    # the training banner runs across the top in orange
    banner = QColor(image.pixel(12, 28))
    assert banner.red() > 200 and 90 < banner.green() < 160 and banner.blue() < 60
    store = Store(sqlite_url(tmp_path / "data" / "hotel-switchboard" / "switchboard.db"))
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(RoomRow)) == 702
        assert s.scalar(select(func.count()).select_from(UserRow)) == 4
    store.dispose()
    assert (tmp_path / "data" / "hotel-switchboard" / "console.log").exists()


def test_runs_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    shot = tmp_path / "pg.png"
    result = run_console(tmp_path, "--screenshot", str(shot), "--database", pg_url, "--language", "en")
    assert result.returncode == 0, result.stderr
    assert QImage(str(shot)).width() >= 1200
    store = Store(pg_url)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(RoomRow)) == 702
    store.dispose()


def test_an_unreadable_settings_file_is_explained_not_dumped(tmp_path: Path) -> None:
    bad = tmp_path / "console.ini"
    bad.write_text("[console\nlanguage=en\n", encoding="utf-8")
    result = run_console(tmp_path, "--settings", str(bad), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "cannot be read" in result.stderr and str(bad) in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_an_unreachable_database_is_explained_with_the_password_hidden(tmp_path: Path) -> None:
    url = "postgresql+psycopg://operator:s3cret@127.0.0.1:1/hotel"
    result = run_console(
        tmp_path, "--database", url, "--screenshot", str(tmp_path / "x.png"), "--language", "en"
    )
    assert result.returncode == 2
    assert "The database 127.0.0.1:1/hotel cannot be reached" in result.stderr
    assert "s3cret" not in result.stderr
    assert "Traceback" not in result.stderr


def test_the_console_starts_its_pms_link_from_the_settings(tmp_path: Path) -> None:
    import socket
    import threading

    from tests.fias_pms import PmsPeer, SocketIo

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    pms = PmsPeer(serial_framing=False)

    def accept() -> None:
        try:
            conn, _ = server.accept()
        except OSError:
            return
        pms.serve(SocketIo(conn))

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    settings = tmp_path / "console.ini"
    settings.write_text(f"[pms]\nurl = socket://127.0.0.1:{server.getsockname()[1]}\n", encoding="utf-8")
    try:
        result = run_console(
            tmp_path,
            "--settings",
            str(settings),
            "--screenshot",
            str(tmp_path / "p.png"),
            "--language",
            "en",
            "--wait",
            "8",  # time for the link to start even on a busy test machine
        )
        assert result.returncode == 0, result.stderr
        ld = pms.wait_for("LD", timeout=10)[0]  # the console introduced itself as the PBX side
        assert ld.get("IF") == "PB"
    finally:
        pms.stop()
        server.close()
        acceptor.join(timeout=2)


def test_sip_mode_without_a_server_says_so_and_refuses_calls() -> None:
    from datetime import UTC, datetime

    from hardware.sip.position import SipPosition
    from switchboard.clock import FakeClock
    from switchboard.pbx import CallFailed, FailureReason, LinkStateChanged, LinkStatus, PositionSettings

    events: list[object] = []
    position = SipPosition(PositionSettings(), FakeClock(datetime(2026, 11, 20, 14, 0, tzinfo=UTC)))
    position.start(events.append)
    assert position.ready.wait(5)
    position.dial("8000")
    position.stop()
    assert isinstance(events[0], LinkStateChanged) and events[0].status is LinkStatus.DOWN
    assert "no PBX server" in events[0].detail
    assert isinstance(events[1], CallFailed) and events[1].reason is FailureReason.LINK_DOWN


@pytest.mark.sip
def test_sip_mode_registers_the_console_on_the_pbx(tmp_path: Path, kamailio: KamailioLab) -> None:
    settings = tmp_path / "console.ini"
    settings.write_text(
        f"[pbx]\nmode = sip\nserver = {kamailio.domain}\nextension = 9\n"
        "[audio]\noutput = test_earpiece\ninput = test_microphone\n",  # the suite's ALSA test devices
        encoding="utf-8",
    )
    shot = tmp_path / "sip.png"
    result = run_console(
        tmp_path, "--settings", str(settings), "--screenshot", str(shot), "--language", "en", "--wait", "3"
    )
    assert result.returncode == 0, result.stderr
    log = kamailio.log_path.read_text()
    # the console took its extension on the PBX, and gave it back when it closed
    assert log.count(f"REQ REGISTER sip:{kamailio.domain}") == 2
    image = QImage(str(shot))
    banner = QColor(image.pixel(12, 28))
    assert not (banner.red() > 200 and 90 < banner.green() < 160)  # no training banner on a real install
    console_log = (tmp_path / "data" / "hotel-switchboard" / "console.log").read_text()
    assert "headset open: output test_earpiece, input test_microphone" in console_log
    assert "no headset" not in console_log


def test_the_console_reads_call_records_and_posts_room_charges_to_the_pms(tmp_path: Path) -> None:
    """[smdr] next to [pms]: a let room's call out is stored against the room, posted, and the PA kept."""
    import socket
    import threading
    from datetime import date, datetime, timedelta

    from db.rows import CallRecordRow
    from switchboard import demo_hotel
    from tests.fias_pms import PmsPeer, SocketIo

    room = next(s.room for s in demo_hotel.stays(date.today()) if s.in_house)
    started = (datetime.now() - timedelta(minutes=10)).strftime("%Y-%m-%d %H:%M:%S")
    line = (
        f'"","{room}","013901234567","from-rooms","""Room"" <{room}>","PJSIP/{room}-0001",'
        f'"PJSIP/trunk-0002","Dial","PJSIP/013901234567@trunk","{started}","{started}","{started}",'
        '95,90,"ANSWERED","DOCUMENTATION","1700000000.9"\n'
    )
    pms_server = socket.create_server(("127.0.0.1", 0))
    smdr_server = socket.create_server(("127.0.0.1", 0))
    pms = PmsPeer(serial_framing=False)

    def serve_pms() -> None:
        try:
            conn, _ = pms_server.accept()
        except OSError:
            return
        pms.serve(SocketIo(conn))

    def serve_smdr() -> None:
        try:
            conn, _ = smdr_server.accept()
        except OSError:
            return
        conn.sendall(line.encode())  # the PBX sends what it has the moment the collector connects
        threading.Event().wait(12)
        conn.close()

    threads = [threading.Thread(target=f, daemon=True) for f in (serve_pms, serve_smdr)]
    for thread in threads:
        thread.start()
    settings = tmp_path / "console.ini"
    settings.write_text(
        f"[pms]\nurl = socket://127.0.0.1:{pms_server.getsockname()[1]}\n"
        f"[smdr]\nurl = socket://127.0.0.1:{smdr_server.getsockname()[1]}\nformat = asterisk_csv\n"
        "cents_per_unit = 80\nunit_seconds = 60\npost_charges = yes\n",
        encoding="utf-8",
    )
    try:
        result = run_console(
            tmp_path, "--settings", str(settings), "--screenshot", str(tmp_path / "s.png"), "--wait", "10"
        )
        assert result.returncode == 0, result.stderr
        posting = pms.wait_for("PS", timeout=5)[0]
    finally:
        pms.stop()
        pms_server.close()
        smdr_server.close()
    assert (posting.get("RN"), posting.get("TA"), posting.get("DD")) == (room, "160", "013901234567")
    store = Store(sqlite_url(tmp_path / "data" / "hotel-switchboard" / "switchboard.db"))
    with store.read() as s:
        rows = list(s.scalars(select(CallRecordRow).where(CallRecordRow.source == "smdr")))
        assert [(r.room_number, r.charge_cents, r.posting) for r in rows] == [(room, 160, "posted")]
        assert rows[0].posted_at is not None
    store.dispose()


def test_the_second_start_of_the_day_loads_nothing_it_does_not_draw(tmp_path: Path) -> None:
    """bench/startup.py's gains kept: the modules that only writing a report, migrating, romanising a
    Chinese name or a SIP/serial link need are not imported before the first window is drawn; nor,
    the start having two steps, the database layer (SQLAlchemy, the mapped rows) and the pages, which
    load right after that first paint (and do load: the process ends only once they are built)."""
    first = run_console(tmp_path, "--quit-when-drawn")
    assert first.returncode == 0, first.stderr
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    again = subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "main.py"), "--quit-when-drawn"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # one stream: the imports before the "drawn" line came before the paint
        text=True,
        timeout=90,
        check=False,
    )
    assert again.returncode == 0, again.stdout[-2000:]
    before, drawn, after = again.stdout.partition("\ndrawn ")
    assert drawn, again.stdout[-2000:]

    def imports(text: str) -> set[str]:
        return {
            line.rsplit("|", 1)[1].strip() for line in text.splitlines() if line.startswith("import time:")
        }

    imported = imports(before)
    assert imported, again.stdout[-2000:]
    assert {"sqlalchemy", "db.rows", "console.pages"} <= imports(after)  # the second step ran
    # the shift report's wiring and the link monitor load when the operator first asks for them
    for heavy in (
        "reportlab",
        "alembic",
        "pjsua2",
        "serial",
        "pypinyin.phrases_dict",
        "console.reports",
        "ui.link_monitor",
        "sqlalchemy",
        "db.rows",
        "db.store",
        "console.pages",
        "console.compose",
    ):
        assert heavy not in imported, f"{heavy} imported before the first window is drawn"
