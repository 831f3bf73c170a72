"""Fixtures shared by the whole suite: Qt offscreen, a real PostgreSQL, migrated stores."""

from __future__ import annotations

import os
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
