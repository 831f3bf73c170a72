"""Fixtures shared by the whole suite: Qt offscreen, a real PostgreSQL, migrated stores."""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from db.store import Store, sqlite_url
from switchboard.clock import FakeClock
from tests.pg_server import PostgresServer

pytest_plugins = ["tests.sip_lab.fixtures"]

# The operator's headset under test: ALSA devices that write what the earpiece plays to a file and play a
# file as the microphone (set before PortAudio is first loaded, which the product does only when needed).
HEADSET_DIR = Path(tempfile.mkdtemp(prefix="headset"))
(HEADSET_DIR / "asound.conf").write_text(
    "</usr/share/alsa/alsa.conf>\n"
    "pcm.test_earpiece {\n"
    '    type file slave.pcm "null" format "raw"\n'
    f'    file "{HEADSET_DIR}/earpiece.raw"\n'
    '    hint { show on description "Operator headset earpiece (test)" }\n'
    "}\n"
    "pcm.test_microphone {\n"
    '    type file slave.pcm "null" format "raw" file "/dev/null"\n'
    f'    infile "{HEADSET_DIR}/microphone.raw"\n'
    '    hint { show on description "Operator headset microphone (test)" }\n'
    "}\n",
    encoding="utf-8",
)
(HEADSET_DIR / "microphone.raw").write_bytes(bytes(16000 * 2 * 10))  # PortAudio probes it at start
os.environ["ALSA_CONFIG_PATH"] = str(HEADSET_DIR / "asound.conf")

HOTEL_ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    server = PostgresServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> str:
    """A fresh, empty PostgreSQL database on the session's server."""
    return pg_server.new_database()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    store = Store(sqlite_url(tmp_path / "console.db"))
    store.migrate()
    yield store
    store.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A migrated store, once on SQLite and once on the real PostgreSQL server."""
    if request.param == "sqlite":
        url = sqlite_url(tmp_path / "console.db")
    else:
        url = request.getfixturevalue("pg_server").new_database()
    s = Store(url)
    s.migrate()
    yield s
    s.dispose()


@pytest.fixture
def clock() -> FakeClock:
    """A hotel clock at 22:00 Shanghai time on a November evening."""
    return FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=HOTEL_ZONE))


def _diallers_under(folder: Path) -> list[int]:
    """Dialler processes (``main.py --dialler``) whose data folder is inside ``folder``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:  # gone meanwhile, or not ours to read
            continue
        if b"--dialler" not in argv or b"--data-dir" not in argv:
            continue
        data_dir = argv[argv.index(b"--data-dir") + 1].decode(errors="replace")
        if Path(data_dir).is_relative_to(folder):
            found.append(int(entry.name))
    return found


@pytest.fixture(scope="module", autouse=True)
def no_dialler_left_behind(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A console started by a test starts the wake-up dialler as a process of its own that outlives the
    window on purpose (``console/wakeups.py``); the test's data folder goes with the test run, so when a
    module's tests end their diallers go too, instead of polling vanished folders for the rest of the
    run (each pytest process has its own base folder, so the runs beside it keep theirs)."""
    yield
    for pid in _diallers_under(tmp_path_factory.getbasetemp()):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
