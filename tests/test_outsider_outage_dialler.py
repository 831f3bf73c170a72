"""Tried from outside, the dialler while PostgreSQL is stopped (training lines): a call booked after
its last copy of the book, a start with no journal while the database is down and a kill."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest

from db.store import Store, Timeouts

pytestmark = pytest.mark.beside  # waits in real time: run beside the rest (tools/test.sh)

# ---------------------------------------------------------------- the dialler, PostgreSQL stopped


@pytest.mark.slow
def test_a_wake_up_booked_a_minute_before_the_database_stops_still_rings_during_the_outage(
    tmp_path: Path,
) -> None:
    """Training lines (an outsider found the copy once a minute missed such a call: it rang 20 s
    late, after the outage). The dialler copies the book at its start; the front desk books one more
    room for the same minute 10 s later; PostgreSQL stops 12 s before that minute and is away 32 s.
    Both rooms must be rung at their time, during the outage, once each; the dialler stays up and
    logs why; after the database is back the book holds each call once with its attempts."""
    import signal

    from switchboard.clock import SystemClock, zone_named
    from tests.wakeup_lab import attempts_by_wakeup, book_all, hotel_with_guests, wakeups
    from tests.wakeup_outage_lab import PausablePostgres, next_minute, sleep_until, start_dialler, wait_for

    pg = PausablePostgres()
    pg.start()
    clock = SystemClock(zone_named("Asia/Shanghai"))
    url = pg.new_database()
    store = Store(url, timeouts=Timeouts(connect=2.0, statement=2.0))
    store.migrate()
    rooms = [r for r, _ in hotel_with_guests(store, clock, 2)]
    settings = tmp_path / "console.ini"
    settings.write_text(
        "[wakeup]\nattempts = 1\nring_seconds = 2\nlisten_seconds = 2\nlines = 2\n", encoding="utf-8"
    )
    data = tmp_path / "data"
    due = next_minute(clock, 40)
    sleep_until(clock, due - timedelta(seconds=36))  # a copy once a minute would fall after it
    early = book_all(store, clock, rooms[:1], due)
    dialler = start_dialler(settings, url, data, tmp_path / "dialler.stderr")
    try:
        assert wait_for(lambda: (data / "wakeup-journal.json").exists(), 15)
        late = book_all(store, clock, rooms[1:2], due)  # booked by phone at the front desk just now
        sleep_until(clock, due - timedelta(seconds=12))
        pg.pause()
        sleep_until(clock, due + timedelta(seconds=20))
        assert dialler.poll() is None  # the dialler does not exit because the database is away
        pg.resume()
        resumed = clock.now()
        assert wait_for(
            lambda: all(w.status in ("confirmed", "escalated") for w in wakeups(store).values()), 40
        )
        dialler.send_signal(signal.SIGTERM)
        assert dialler.wait(timeout=30) == 0
        calls, attempts = wakeups(store), attempts_by_wakeup(store)
    finally:
        if dialler.poll() is None:
            dialler.kill()
            dialler.wait()
        store.dispose()
        pg.stop()
    log = (data / "dialler.log").read_text()
    assert "the database cannot be reached" in log and "dialler stopped (SIGTERM)" in log
    assert "Traceback" not in log
    assert len(calls) == 2
    assert len(attempts[early[0]]) == 1 and attempts[early[0]][0].started_at < resumed
    assert len(attempts.get(late[0], [])) == 1, attempts
    first = attempts[late[0]][0].started_at
    assert first < resumed, (
        f"room {rooms[1]} due {due:%H:%M:%S} first rung at {first:%H:%M:%S}, after the outage"
    )


@pytest.mark.slow
def test_a_dialler_that_starts_while_the_database_is_away_and_is_killed_rings_on_time_once_it_is_back(
    tmp_path: Path,
) -> None:
    """After a power cut the dialler's machine is up before the database server: the dialler starts
    with no journal, is killed (SIGKILL) and started again while PostgreSQL is still down. It stays
    up, says so, and rings the room due a few seconds after the database is back on time, once."""
    import signal

    from switchboard.clock import SystemClock, zone_named
    from tests.wakeup_lab import attempts_by_wakeup, book_all, hotel_with_guests, wakeups
    from tests.wakeup_outage_lab import PausablePostgres, next_minute, sleep_until, start_dialler, wait_for

    pg = PausablePostgres()
    pg.start()
    clock = SystemClock(zone_named("Asia/Shanghai"))
    url = pg.new_database()
    store = Store(url, timeouts=Timeouts(connect=2.0, statement=2.0))
    store.migrate()
    room = hotel_with_guests(store, clock, 1)[0][0]
    settings = tmp_path / "console.ini"
    settings.write_text(
        "[wakeup]\nattempts = 1\nring_seconds = 2\nlisten_seconds = 2\nlines = 2\n", encoding="utf-8"
    )
    data = tmp_path / "data"
    due = next_minute(clock, 30)
    booked = book_all(store, clock, [room], due)[0]
    pg.pause()
    processes = [start_dialler(settings, url, data, tmp_path / "dialler.stderr")]
    try:
        time.sleep(6)
        assert processes[0].poll() is None
        processes[0].send_signal(signal.SIGKILL)
        processes[0].wait()
        processes.append(start_dialler(settings, url, data, tmp_path / "dialler.stderr"))
        time.sleep(6)
        assert processes[1].poll() is None  # still up, the database still away
        sleep_until(clock, due - timedelta(seconds=10))
        pg.resume()
        assert wait_for(lambda: wakeups(store)[booked].status in ("confirmed", "escalated"), 40)
        processes[1].send_signal(signal.SIGTERM)
        assert processes[1].wait(timeout=30) == 0
        attempts = attempts_by_wakeup(store)
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
        store.dispose()
        pg.stop()
    assert len(attempts[booked]) == 1, attempts
    late = (attempts[booked][0].started_at - due).total_seconds()
    assert 0 <= late < 1.5, f"rung {late:.1f} s past its time"
    log = (data / "dialler.log").read_text()
    assert log.count("the database cannot be reached at start") >= 2, log
    assert "dialler stopped (SIGTERM)" in log and "Traceback" not in log
