"""Personal (VIP) wake-ups while the database is away, on the real PostgreSQL, Kamailio and sipp rooms.

A personal wake-up is the operator's from its time: they are reminded to call the guest in person
and mark it done; unmarked at ``dial_at`` (its time plus ``[wakeup] personal_backup_minutes``) the
dialler rings the room itself (db/wakeup_personal.py, db/wakeup_dialling.py). With PostgreSQL stopped
across both moments, the dialler's journal holds the backup time too: the room is rung once, at its
backup time (not at its due time), and the result told to the book once when it returns. One marked
done before the outage is never rung; an ordinary call due in the same minute rings on time beside it.
"""

from __future__ import annotations

import signal
from datetime import timedelta
from pathlib import Path

import pytest

from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from db.wakeup_personal import SqlPersonalWakeUps
from switchboard.clock import SystemClock, zone_named
from switchboard.wakeup_status import WakeUpStatus
from tests.sip_lab.kamailio import KamailioLab
from tests.test_wakeup_crash import invites_by_extension
from tests.test_wakeup_outage import journal_keys, reconciled
from tests.wakeup_lab import DESK, RoomBank, attempts_by_wakeup, hotel_with_guests, register, wakeups
from tests.wakeup_outage_lab import PausablePostgres, next_minute, sleep_until, start_dialler, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.slow, pytest.mark.beside, pytest.mark.sip]

BACKUP = timedelta(seconds=30)  # the book takes any backup; the settings allow 1 to 120 minutes


def test_a_personal_wake_up_is_rung_at_its_backup_time_while_postgresql_is_stopped(
    kamailio: KamailioLab, tmp_path: Path
) -> None:
    pg = PausablePostgres()
    pg.start()
    clock = SystemClock(zone_named("Asia/Shanghai"))
    url = pg.new_database()
    store = Store(url)
    store.migrate()
    (vip, vip_ext), (done, done_ext), (plain, plain_ext) = hotel_with_guests(store, clock, 3)
    bank = RoomBank("confirm", tmp_path / "confirm")
    settings = tmp_path / "console.ini"
    settings.write_text(
        f"[pbx]\nmode = sip\nserver = {kamailio.domain}\n\n"
        "[wakeup]\nattempts = 2\nretry_seconds = 20\nring_seconds = 3\nlisten_seconds = 2\nlines = 4\n",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    dialler_log = tmp_path / "dialler.stderr"
    dialler = None
    try:
        for extension in (vip_ext, done_ext, plain_ext):
            register(kamailio.domain, extension, bank.port)
        book = SqlWakeUpBook(store, clock, personal_backup=BACKUP)
        due = next_minute(clock, 40)
        backup_at = due + BACKUP
        personal = book.book_due(vip, due, DESK, personal=True)
        marked = book.book_due(done, due, DESK, personal=True)
        ordinary = book.book_due(plain, due, DESK)
        dialler = start_dialler(settings, url, data, dialler_log)
        keys = {f"w{personal.id}", f"w{marked.id}", f"w{ordinary.id}"}
        assert wait_for(lambda: keys <= journal_keys(data), 15)  # the dialler's first copy holds all three
        SqlPersonalWakeUps(store, clock).mark_done(marked.id, marked.version, DESK)
        assert wait_for(lambda: f"w{marked.id}" not in journal_keys(data), 15)  # the next copy drops it
        assert clock.now() < due - timedelta(seconds=8)
        sleep_until(clock, due - timedelta(seconds=8))
        pg.pause()  # from before the due time until after the backup time
        stopped = clock.now()
        sleep_until(clock, backup_at + timedelta(seconds=12))
        pg.resume()
        resumed = clock.now()
        assert wait_for(
            lambda: all(
                wakeups(store)[i].status == WakeUpStatus.CONFIRMED.value for i in (personal.id, ordinary.id)
            ),
            60,
            every=1,
        )
        assert wait_for(lambda: reconciled(store) == {personal.id: 1, ordinary.id: 1}, 20, every=1)
        sleep_until(clock, clock.now() + timedelta(seconds=12))  # a refresh more: nothing told twice
        dialler.send_signal(signal.SIGTERM)
        assert dialler.wait(timeout=30) == 0
        calls, attempts, told = wakeups(store), attempts_by_wakeup(store), reconciled(store)
    finally:
        if dialler is not None and dialler.poll() is None:
            dialler.kill()
            dialler.wait()
        bank.close()
        store.dispose()
        pg.stop()

    invites = invites_by_extension(kamailio.log_path)
    # Rung once, from the journal, at its backup time: not at its due time, not twice, not lost.
    assert calls[personal.id].status == WakeUpStatus.CONFIRMED.value
    assert [a.result for a in attempts[personal.id]] == ["confirmed"]
    started = attempts[personal.id][0].started_at
    assert stopped < started < resumed  # while PostgreSQL was stopped
    assert 0 <= (started - backup_at).total_seconds() < 2, (started, backup_at)
    assert len(invites.get(vip_ext, [])) == 1, invites
    assert invites[vip_ext][0] >= backup_at.timestamp() - 0.5  # Kamailio saw no INVITE at the due time
    # Marked done before the outage: never rung, still the operator's.
    assert calls[marked.id].status == WakeUpStatus.HANDLED.value
    assert marked.id not in attempts
    assert done_ext not in invites
    # The ordinary call beside it rang at its due time, from the journal.
    assert len(invites.get(plain_ext, [])) == 1
    assert 0 <= invites[plain_ext][0] - due.timestamp() < 2
    assert told == {personal.id: 1, ordinary.id: 1}  # each told to the book exactly once
    log = (data / "dialler.log").read_text()
    assert "the database cannot be reached" in log and "the database is back" in log
    assert "Traceback" not in log and "Traceback" not in dialler_log.read_text()
