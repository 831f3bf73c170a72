"""The dialler rings without the database (issue 14), on the real PostgreSQL.

1. PostgreSQL stopped for 60 s around a minute with 16 rooms due, real SIP calls through Kamailio to
   sipp room banks, the dialler SIGKILLed during the outage and started again while the database is
   still away: every call is placed from the journal (checked against Kamailio's own log of
   INVITEs), none twice, each confirmed or escalated; the escalations reach the list for a person
   while the database is away and the book once it is back.
2. The dialler cut off from the database (a relay stops forwarding, as a network dropping packets:
   nothing refused, nothing answered) while a console still reaches it: the calls due meanwhile are
   placed on time all the same; a call the console cancels meanwhile keeps its cancellation (the
   attempt the dialler could not help making is recorded), one cancelled for later is never dialled,
   one booked meanwhile is dialled after the dialler is back, and each call is told to the book once."""

from __future__ import annotations

import itertools
import json
import signal
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from db.rows import AuditRow
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from hardware.wakeup.person_list import read_person_list
from switchboard.clock import SystemClock, zone_named
from switchboard.wakeup_status import WakeUpStatus
from tests.pg_server import PostgresServer
from tests.sip_lab.kamailio import KamailioLab
from tests.test_wakeup_crash import invites_by_extension
from tests.wakeup_lab import (
    DESK,
    RoomBank,
    attempts_by_wakeup,
    book_all,
    hotel_with_guests,
    register,
    wakeups,
)
from tests.wakeup_outage_lab import PausablePostgres, Relay, next_minute, sleep_until, start_dialler, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.slow, pytest.mark.beside]

FINAL = {WakeUpStatus.CONFIRMED.value, WakeUpStatus.ESCALATED.value}
RETRY = timedelta(seconds=12)


def reconciled(store: Store) -> dict[int, int]:
    """How many times each wake-up was told what the dialler did while the database was away."""
    with store.read() as s:
        rows = s.scalars(select(AuditRow.entity_id).where(AuditRow.action == "wakeup.reconcile")).all()
    out: dict[int, int] = {}
    for entity in rows:
        out[int(entity)] = out.get(int(entity), 0) + 1
    return out


def journal_keys(data: Path) -> set[str]:
    """The calls in the dialler's last copy of the book (none before it wrote one)."""
    try:
        snapshot = json.loads((data / "wakeup-journal.json").read_text())
    except FileNotFoundError:
        return set()
    return {c["key"] for c in snapshot["calls"]}


@pytest.mark.sip
def test_wakeups_ring_through_a_database_outage_and_a_kill(kamailio: KamailioLab, tmp_path: Path) -> None:
    pg = PausablePostgres()
    pg.start()
    clock = SystemClock(zone_named("Asia/Shanghai"))
    url = pg.new_database()
    store = Store(url)
    store.migrate()
    rooms = hotel_with_guests(store, clock, 19)
    kinds = ["confirm"] * 11 + ["no_answer"] * 3 + ["busy"] * 2 + ["confirm"] * 3
    banks = {kind: RoomBank(kind, tmp_path / kind) for kind in set(kinds)}
    settings = tmp_path / "console.ini"
    settings.write_text(
        f"[pbx]\nmode = sip\nserver = {kamailio.domain}\n\n"
        f"[wakeup]\nattempts = 2\nretry_seconds = {RETRY.total_seconds():.0f}\nring_seconds = 2\n"
        "listen_seconds = 2\nlines = 6\n",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    dialler_log = tmp_path / "dialler.stderr"
    processes = []
    try:
        for (_room, extension), kind in zip(rooms, kinds, strict=True):
            register(kamailio.domain, extension, banks[kind].port)
        due = next_minute(clock, 25)
        during = book_all(store, clock, [r for r, _ in rooms[:16]], due)
        after = book_all(store, clock, [r for r, _ in rooms[16:]], due + timedelta(minutes=1))
        processes.append(start_dialler(settings, url, data, dialler_log))
        assert wait_for(lambda: {f"w{i}" for i in during + after} <= journal_keys(data), 15)  # its first copy
        sleep_until(clock, due - timedelta(seconds=15))
        pg.pause()  # 60 s: from 15 s before the calls fall due
        sleep_until(clock, due + timedelta(seconds=5))
        processes[-1].send_signal(signal.SIGKILL)  # in the middle of the calls, the database away
        processes[-1].wait()
        processes.append(start_dialler(settings, url, data, dialler_log))
        sleep_until(clock, due + timedelta(seconds=44))
        person_list = data / "wakeup-calls-for-a-person.txt"
        listed = person_list.read_text() if person_list.exists() else ""
        for_consoles = {c.room: c for c in read_person_list(data)}
        pg.resume()
        resumed = clock.now()
        assert wait_for(
            lambda: all(w.status in FINAL for w in wakeups(store).values() if w.room_number in dict(rooms)),
            60,
            every=1,
        )
        processes[-1].send_signal(signal.SIGTERM)
        assert processes[-1].wait(timeout=30) == 0
        calls, attempts, told = wakeups(store), attempts_by_wakeup(store), reconciled(store)
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
        for bank in banks.values():
            bank.close()
        store.dispose()
        pg.stop()

    invites = invites_by_extension(kamailio.log_path)
    extension_of, kind_of = dict(rooms), {r: k for (r, _), k in zip(rooms, kinds, strict=True)}
    for wakeup_id in during + after:
        w = calls[wakeup_id]
        tried = attempts[wakeup_id]
        assert w.status in FINAL, w
        assert all(a.ended_at is not None for a in tried), (w.room_number, tried)
        seen = invites.get(extension_of[w.room_number], [])
        interrupted = sum(a.result == "interrupted" for a in tried)
        # Kamailio saw each attempt's INVITE once: none forgotten, none placed twice.
        assert len(tried) - interrupted <= len(seen) <= len(tried), (w.room_number, seen, tried)
        for before, later in itertools.pairwise(seen):
            assert later - before >= RETRY.total_seconds() - 0.5, (w.room_number, seen)
        if kind_of[w.room_number] == "confirm":
            assert w.status == WakeUpStatus.CONFIRMED.value, (w, tried)
        else:
            assert w.status == WakeUpStatus.ESCALATED.value, (w, tried)
            assert w.room_number in listed  # a person was told while the database was away
            assert for_consoles[w.room_number].status is WakeUpStatus.ESCALATED
        first = seen[0] - w.due_at.timestamp()
        if wakeup_id in during:
            assert 0 <= first < 12, (
                w.room_number,
                first,
            )  # 16 calls on 6 lines and a restart, from the journal
            assert tried[0].started_at < resumed  # dialled during the outage
        else:
            assert 0 <= first < 1.5, (w.room_number, first)
    assert told == {i: 1 for i in during}  # each call dialled while away told to the book exactly once
    log = (data / "dialler.log").read_text()
    assert "the database cannot be reached" in log and "the database is back" in log
    assert "the database cannot be reached at start" in log  # the successor started during the outage
    assert "dialler stopped (SIGTERM)" in log  # and says why it stopped
    assert "Traceback" not in log and "Traceback" not in dialler_log.read_text()
    assert not (data / "wakeup-calls-for-a-person.txt").exists()  # the book has them now


def test_a_dialler_cut_off_honours_what_the_consoles_did_meanwhile(
    pg_server: PostgresServer, tmp_path: Path
) -> None:
    clock = SystemClock(zone_named("Asia/Shanghai"))
    url = pg_server.new_database()
    database = url.rsplit("/", 1)[1]
    relay = Relay(pg_server.port)
    store = Store(url)  # the consoles' way to the database
    store.migrate()
    rooms = [r for r, _ in hotel_with_guests(store, clock, 4)]
    settings = tmp_path / "console.ini"
    settings.write_text(
        "[wakeup]\nattempts = 1\nring_seconds = 2\nlisten_seconds = 2\nlines = 4\n", encoding="utf-8"
    )
    data = tmp_path / "data"
    book = SqlWakeUpBook(store, clock)
    due = next_minute(clock, 20)
    cancelled_now, cancelled_later, kept = (
        book.book_due(rooms[0], due, DESK),
        book.book_due(rooms[1], due + timedelta(minutes=1), DESK),
        book.book_due(rooms[2], due, DESK),
    )
    dialler = start_dialler(settings, relay.url(database), data, tmp_path / "dialler.stderr")
    try:
        assert wait_for(lambda: f"w{kept.id}" in journal_keys(data), 15)
        sleep_until(clock, due - timedelta(seconds=10))
        relay.stall()
        book.cancel(cancelled_now.id, cancelled_now.version, DESK)
        book.cancel(cancelled_later.id, cancelled_later.version, DESK)
        booked_meanwhile = book.book_due(rooms[3], due, DESK)
        sleep_until(clock, due + timedelta(seconds=12))
        relay.mend()
        mended = clock.now()
        assert wait_for(lambda: wakeups(store)[booked_meanwhile.id].status in FINAL, 30)
        assert wait_for(lambda: wakeups(store)[kept.id].status in FINAL, 10)
        assert wait_for(lambda: f"w{cancelled_later.id}" not in journal_keys(data), 10)
        dialler.send_signal(signal.SIGTERM)
        assert dialler.wait(timeout=30) == 0
    finally:
        if dialler.poll() is None:
            dialler.kill()
        relay.close()

    calls, attempts, told = wakeups(store), attempts_by_wakeup(store), reconciled(store)
    # Cancelled at a console while the dialler was cut off: it rang from the journal, and stays cancelled.
    assert calls[cancelled_now.id].status == WakeUpStatus.CANCELLED.value
    assert [a.ended_at is not None for a in attempts[cancelled_now.id]] == [True]
    assert attempts[cancelled_now.id][0].started_at < mended
    # Cancelled for later: never dialled.
    assert calls[cancelled_later.id].status == WakeUpStatus.CANCELLED.value
    assert attempts.get(cancelled_later.id, []) == []
    # Untouched: dialled on time from the journal, told to the book once.
    assert len(attempts[kept.id]) == 1
    assert 0 <= (attempts[kept.id][0].started_at - due).total_seconds() < 2
    # Booked while the dialler was cut off: dialled once it was back.
    assert len(attempts[booked_meanwhile.id]) == 1
    assert attempts[booked_meanwhile.id][0].started_at >= mended
    assert told == {cancelled_now.id: 1, kept.id: 1}
    store.dispose()
