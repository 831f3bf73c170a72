"""Issue 14's chaos test, in real time: 200 rooms due over ten minutes on PostgreSQL (20 a minute), real
SIP calls through Kamailio to sipp room banks (170 answer and press 1, 15 never answer, 15 are busy), and
PostgreSQL stopped twice for 60 s: around the third minute's calls, and around the eighth's with the
dialler SIGKILLed in the middle of them and started again while the database is still away. It takes
about twelve minutes, so tools/test.sh runs it in a process of its own (marker ``chaos``).

Checked against the PBX's own log of INVITEs: every wake-up placed, none twice inside the retry
interval, each confirmed or escalated as its room answers; lateness as without the outage (p99 under
1 s past due or past its line freeing, leaving out the calls that waited for the killed dialler's
successor); each call worked while the database was away told to the book exactly once."""

from __future__ import annotations

import heapq
import itertools
import random
import signal
import statistics
from datetime import timedelta
from pathlib import Path

import pytest

from db.store import Store
from switchboard.clock import SystemClock, zone_named
from switchboard.wakeup_status import WakeUpStatus
from tests.sip_lab.kamailio import KamailioLab
from tests.test_wakeup_crash import invites_by_extension
from tests.test_wakeup_outage import FINAL, journal_keys, reconciled
from tests.wakeup_lab import RoomBank, attempts_by_wakeup, book_all, hotel_with_guests, register, wakeups
from tests.wakeup_outage_lab import PausablePostgres, next_minute, sleep_until, start_dialler, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.sip, pytest.mark.slow, pytest.mark.chaos]

RETRY = timedelta(seconds=10)
LINES = 12
MINUTES = 10
OUTAGES = (2, 7)  # the minutes whose calls fall in an outage; the dialler is killed in the second


def test_two_outages_and_a_kill_over_200_rooms(kamailio: KamailioLab, tmp_path: Path) -> None:
    pg = PausablePostgres()
    pg.start()
    clock = SystemClock(zone_named("Asia/Shanghai"))
    url = pg.new_database()
    store = Store(url)
    store.migrate()
    rooms = hotel_with_guests(store, clock, 200)
    kinds = ["confirm"] * 170 + ["no_answer"] * 15 + ["busy"] * 15
    random.Random(14).shuffle(kinds)
    banks = {kind: RoomBank(kind, tmp_path / kind) for kind in set(kinds)}
    settings = tmp_path / "console.ini"
    settings.write_text(
        f"[pbx]\nmode = sip\nserver = {kamailio.domain}\n\n"
        f"[wakeup]\nattempts = 3\nretry_seconds = {RETRY.total_seconds():.0f}\nring_seconds = 2\n"
        f"listen_seconds = 2\nlines = {LINES}\n",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    processes = []
    try:
        for (_room, extension), kind in zip(rooms, kinds, strict=True):
            register(kamailio.domain, extension, banks[kind].port)
        first = next_minute(clock, 25)
        batches = [
            book_all(store, clock, [r for r, _ in rooms[n::MINUTES]], first + timedelta(minutes=n))
            for n in range(MINUTES)
        ]
        processes.append(start_dialler(settings, url, data, tmp_path / "dialler.stderr"))
        assert wait_for(lambda: {f"w{i}" for b in batches for i in b} <= journal_keys(data), 15)
        outage = first + timedelta(minutes=OUTAGES[0])
        sleep_until(clock, outage - timedelta(seconds=10))
        pg.pause()
        sleep_until(clock, outage + timedelta(seconds=50))
        pg.resume()
        second = first + timedelta(minutes=OUTAGES[1])
        sleep_until(clock, second - timedelta(seconds=10))
        pg.pause()
        sleep_until(clock, second + timedelta(seconds=4))
        processes[-1].send_signal(signal.SIGKILL)
        processes[-1].wait()
        killed = clock.now()
        processes.append(start_dialler(settings, url, data, tmp_path / "dialler.stderr"))
        sleep_until(clock, second + timedelta(seconds=50))
        pg.resume()
        last = first + timedelta(minutes=MINUTES - 1)
        settled = (last - clock.now()).total_seconds() + 60
        assert wait_for(lambda: all(w.status in FINAL for w in wakeups(store).values()), settled, every=1)
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
    ours = [i for batch in batches for i in batch]
    for wakeup_id in ours:
        w, tried = calls[wakeup_id], attempts[wakeup_id]
        assert w.status == (
            WakeUpStatus.CONFIRMED.value
            if kind_of[w.room_number] == "confirm"
            else WakeUpStatus.ESCALATED.value
        ), (w, tried)
        assert all(a.ended_at is not None for a in tried), (w.room_number, tried)
        seen = invites.get(extension_of[w.room_number], [])
        interrupted = sum(a.result == "interrupted" for a in tried)
        assert len(tried) - interrupted <= len(seen) <= len(tried), (w.room_number, seen, tried)
        for before, later in itertools.pairwise(seen):
            # a retry, never a doubled call: INVITEs of one room at least the retry interval apart, less the
            # dialler's own delay from claiming an attempt to its INVITE (0.55 s seen on the loaded machine)
            assert later - before >= RETRY.total_seconds() - 1.0, (w.room_number, seen)
    # Worked while the database was away: told exactly once; the other minutes' calls never needed it.
    away = [i for n in OUTAGES for i in batches[n]]
    assert {i: told.get(i, 0) for i in away} == dict.fromkeys(away, 1)
    assert not any(told.get(i) for n, batch in enumerate(batches) if n not in OUTAGES for i in batch)

    # Lateness: each first attempt against the moment it was due or a line came free, whichever is later.
    every = sorted((a for i in ours for a in attempts[i]), key=lambda a: a.started_at)
    firsts = {id(attempts[i][0]): calls[i].due_at for i in ours}
    busy: list[float] = []  # when each of the lines' current calls ends (as wakeup_rush reckons it)
    # The calls that waited for the killed dialler's successor: those it started in its first second
    # (how long it takes to start depends on the machine's load, not on the dialler's rules).
    successor = min(a.started_at for a in every if a.started_at >= killed)
    waited = (killed, successor + timedelta(seconds=1))
    late: list[float] = []
    latest: list[tuple[float, str]] = []  # the latest first attempts, said when the bound is missed
    for attempt in every:
        free_at = heapq.heappop(busy) if len(busy) >= LINES else 0.0
        if id(attempt) in firsts and not waited[0] <= attempt.started_at <= waited[1]:
            due = firsts[id(attempt)].timestamp()
            late.append(max(0.0, attempt.started_at.timestamp() - max(due, free_at)))
            start = first.timestamp()
            latest.append(
                (
                    late[-1],
                    f"due +{due - start:.1f}s started +{attempt.started_at.timestamp() - start:.2f}s "
                    f"line free +{max(free_at - start, 0):.2f}s killed +{killed.timestamp() - start:.1f}s",
                )
            )
        heapq.heappush(busy, (attempt.ended_at or attempt.started_at).timestamp())
    p99 = statistics.quantiles(late, n=100)[98]
    print(  # the figures for the run's log (tools/test.sh runs this test with -s)
        f"chaos: wakeups={len(ours)} invites={sum(len(invites.get(e, [])) for _r, e in rooms)} "
        f"successor_started_s={(successor - killed).total_seconds():.1f} "
        f"p50_late_s={statistics.median(late):.3f} p99_late_s={p99:.3f} max_late_s={max(late):.3f}"
    )
    assert p99 < 1.0, (p99, sorted(latest, reverse=True)[:6])
