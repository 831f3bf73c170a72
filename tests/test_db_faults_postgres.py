"""PostgreSQL away, stopped and started again, or holding a lock too long, under a running
console: each is a ``DatabaseUnavailable`` with its message key, naming the server and the
database but never the password, within the configured time-outs; the unit of work rolls back
whole; when the server is back the same ``Store`` writes again."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime

import psycopg
import pytest
from sqlalchemy import select

from db.frontoffice import SqlFrontOffice
from db.logbook import SqlLogbook
from db.rows import DndRow, RoomRow
from db.store import Store, Timeouts
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory
from switchboard.errors import DatabaseUnavailable, InputError
from switchboard.hotel import Actor, Role
from tests.conftest import HOTEL_ZONE
from tests.pg_server import PostgresServer, free_port
from tests.reader import READER

pytestmark = pytest.mark.postgres

OP = Actor(user="lin", position="Console 1", role=Role.OPERATOR)
DESK = Actor(user="wang", position="Front desk", role=Role.FRONT_DESK)


def _clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=HOTEL_ZONE))


def test_a_server_nobody_answers_on_is_named_without_its_password() -> None:
    port = free_port()
    store = Store(f"postgresql+psycopg://switchboard:s3cret-pw@127.0.0.1:{port}/hotel")
    started = time.monotonic()
    with pytest.raises(DatabaseUnavailable) as refused:
        SqlLogbook(store, _clock()).write(LogCategory.OTHER, "typed while the server is away", OP)
    assert time.monotonic() - started < 6.0
    assert refused.value.key == "storage.unreachable"
    assert refused.value.args_map["where"] == f"127.0.0.1:{port}/hotel"
    assert "s3cret-pw" not in str(refused.value) and "s3cret-pw" not in repr(refused.value.args_map)
    state = store.probe()
    assert state.key == "storage.unreachable" and not state.up and state.seconds < 6.0
    store.dispose()


def test_bad_time_out_settings_are_refused_clearly() -> None:
    assert Timeouts.from_settings({"connect_timeout": "3", "statement_timeout": "2.5"}) == Timeouts(
        3.0, 2.5, 5.0
    )
    assert Timeouts.from_settings({}) == Timeouts()
    for bad in ("0", "-1", "soon", "nan", "100000"):
        with pytest.raises(InputError) as refused:
            Timeouts.from_settings({"busy_timeout": bad})
        assert refused.value.key == "settings.database_timeout"


@pytest.fixture
def own_server() -> Iterator[PostgresServer]:
    """A server of this test's own, which it stops and starts again."""
    server = PostgresServer()
    server.start()
    yield server
    server.stop()


def _start_again(server: PostgresServer) -> None:
    server._run(
        str(server.bin / "pg_ctl"),
        "-D",
        str(server.data),
        "-l",
        str(server.root / "server.log"),
        "-o",
        f"-p {server.port} -k {server.root} -c listen_addresses=127.0.0.1",
        "-w",
        "-t",
        "60",
        "start",
    )


def test_a_server_stopped_mid_shift_is_a_clear_error_and_the_same_store_writes_once_it_is_back(
    own_server: PostgresServer,
) -> None:
    store = Store(own_server.new_database(), timeouts=Timeouts(connect=2.0, statement=2.0))
    store.migrate()
    book = SqlLogbook(store, _clock())
    book.write(LogCategory.OTHER, "before", OP)
    own_server._run(str(own_server.bin / "pg_ctl"), "-D", str(own_server.data), "-m", "fast", "-w", "stop")
    for _ in range(3):  # each refresh and save while it is away: the same clear error, quickly
        started = time.monotonic()
        with pytest.raises(DatabaseUnavailable) as refused:
            book.write(LogCategory.OTHER, "typed while the server is stopped", OP)
        assert time.monotonic() - started < 5.0
        assert refused.value.key == "storage.unreachable"
        assert str(refused.value.args_map["where"]).startswith(f"127.0.0.1:{own_server.port}/t_")
    assert store.probe().key == "storage.unreachable"
    _start_again(own_server)
    book.write(LogCategory.OTHER, "after", OP)  # no restart of the console
    assert sorted(e.text for e in book.recent(READER)) == ["after", "before"]
    assert store.probe().up
    store.dispose()


def test_a_lock_held_past_the_statement_time_out_is_a_time_out_and_nothing_is_half_written(
    pg_url: str,
) -> None:
    clock = _clock()
    store = Store(pg_url, timeouts=Timeouts(statement=1.0))
    store.migrate()
    with store.unit() as s:
        s.add(RoomRow(number="1203", floor=12, room_type="KING", extension="1203"))
    office = SqlFrontOffice(store, clock)
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain) as holder:  # another position's long transaction holds the room
        holder.execute("SELECT id FROM rooms WHERE number = '1203' FOR UPDATE")
        started = time.monotonic()
        with pytest.raises(DatabaseUnavailable) as refused:
            office.set_dnd("1203", True, DESK)
        waited = time.monotonic() - started
        holder.rollback()
    assert refused.value.key == "storage.timeout"
    assert 0.9 <= waited < 3.0
    with store.read() as s:
        assert s.scalars(select(RoomRow.dnd)).one() is False
        assert list(s.scalars(select(DndRow))) == []
    office.set_dnd("1203", True, DESK)
    with store.read() as s:
        assert s.scalars(select(RoomRow.dnd)).one() is True
    store.dispose()
