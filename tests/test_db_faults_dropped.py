"""A PostgreSQL server whose packets are dropped (no refusal, no reset: the network just stops
carrying them) is told as unreachable within the store's time-outs, and the same ``Store``
writes again once packets flow.

The server and the console run in a network namespace of the test's own, on its loopback;
taking that loopback down drops every packet between them (the kernel neither answers nor
refuses), as a cable pulled or a firewall dropping would. Nothing leaves the namespace.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.pg_server import _pg_bin
from tests.reader import READER

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[1]
PORT = 5432  # inside the namespace nothing else listens


class Namespace:
    def __init__(self) -> None:
        self.name = f"sbdb{uuid.uuid4().hex[:8]}"

    def run(self, *cmd: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["ip", "netns", "exec", self.name, *cmd], check=check, capture_output=True, text=True, timeout=120
        )

    def loopback(self, up: bool) -> None:
        self.run("ip", "link", "set", "lo", "up" if up else "down")


@pytest.fixture
def namespace_with_server() -> Iterator[tuple[Namespace, Path]]:
    ns = Namespace()
    subprocess.run(["ip", "netns", "add", ns.name], check=True)
    root = Path(tempfile.mkdtemp(prefix="switchboard-pg-ns-"))
    shutil.chown(root, "postgres", "postgres")
    pg = _pg_bin()
    data = root / "data"
    as_postgres = ("runuser", "-u", "postgres", "--")
    try:
        ns.loopback(True)
        ns.run(
            *as_postgres, str(pg / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8"
        )
        ns.run(
            *as_postgres,
            str(pg / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(root / "server.log"),
            "-o",
            f"-p {PORT} -k {root} -c listen_addresses=127.0.0.1",
            "-w",
            "-t",
            "60",
            "start",
        )
        yield ns, root
    finally:
        ns.run(
            *as_postgres, str(pg / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop", check=False
        )
        subprocess.run(["ip", "netns", "delete", ns.name], check=False)
        shutil.rmtree(root, ignore_errors=True)


def test_dropped_packets_are_unreachable_within_the_time_outs_and_the_store_writes_when_they_flow(
    namespace_with_server: tuple[Namespace, Path],
) -> None:
    ns, _root = namespace_with_server
    child = subprocess.Popen(
        ["ip", "netns", "exec", ns.name, sys.executable, "-m", "tests.test_db_faults_dropped"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdin is not None and child.stdout is not None

    def step(line: str) -> Any:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(line + "\n")
        child.stdin.flush()
        answer = child.stdout.readline()
        assert answer, child.stderr.read() if child.stderr else ""
        return json.loads(answer)

    try:
        assert step("start") == {"wrote": "before"}
        ns.loopback(False)  # from here every packet between console and server is dropped
        away = step("write")
        ns.loopback(True)
        back = step("write again")
        assert step("quit") == {"bye": True}
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(10)
    print("dropped packets:", away)
    for attempt in away["attempts"]:
        assert attempt["key"] == "storage.unreachable", away
        assert attempt["seconds"] < 8.0, away  # connect 2 s and statement 2 s, plus TCP's own slack
        assert attempt["where"] == f"127.0.0.1:{PORT}/hotel"
    assert away["probe"]["key"] == "storage.unreachable" and away["probe"]["seconds"] < 8.0
    assert back == {"entries": ["after", "before"]}


def _console() -> None:
    """The child, inside the namespace: a console writing its logbook through one Store."""
    from datetime import datetime

    import psycopg

    from db.logbook import SqlLogbook
    from db.store import Store, Timeouts
    from switchboard.clock import FakeClock
    from switchboard.desk import LogCategory
    from switchboard.errors import DatabaseUnavailable
    from switchboard.hotel import Actor, Role
    from tests.conftest import HOTEL_ZONE

    operator = Actor(user="lin", position="Console 1", role=Role.OPERATOR)
    clock = FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=HOTEL_ZONE))
    store: Store | None = None

    def say(answer: dict[str, object]) -> None:
        print(json.dumps(answer), flush=True)

    for line in sys.stdin:
        command = line.strip()
        if command == "start":
            with psycopg.connect(
                f"host=127.0.0.1 port={PORT} user=postgres dbname=postgres", autocommit=True
            ) as c:
                c.execute('CREATE DATABASE "hotel"')
            store = Store(
                f"postgresql+psycopg://postgres:not-shown@127.0.0.1:{PORT}/hotel",
                timeouts=Timeouts(connect=2.0, statement=2.0),
            )
            store.migrate()
            SqlLogbook(store, clock).write(LogCategory.OTHER, "before", operator)
            say({"wrote": "before"})
        elif command == "write" and store is not None:
            attempts = []
            for _ in range(2):
                started = time.monotonic()
                try:
                    SqlLogbook(store, clock).write(LogCategory.OTHER, "typed while away", operator)
                    attempts.append({"key": "", "seconds": 0.0, "where": ""})
                except DatabaseUnavailable as exc:
                    where = str(exc.args_map.get("where", ""))
                    attempts.append({"key": exc.key, "seconds": time.monotonic() - started, "where": where})
            probe = store.probe()
            say({"attempts": attempts, "probe": {"key": probe.key, "seconds": probe.seconds}})
        elif command == "write again" and store is not None:
            SqlLogbook(store, clock).write(LogCategory.OTHER, "after", operator)
            say({"entries": sorted(e.text for e in SqlLogbook(store, clock).recent(READER))})
        elif command == "quit":
            if store is not None:
                store.dispose()
            say({"bye": True})
            return


if __name__ == "__main__":
    _console()
