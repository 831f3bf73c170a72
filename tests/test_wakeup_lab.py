"""Wake-up calls through the real SIP lab: Kamailio, sipp room phones, the dialler's pjsua2 line processes."""

from __future__ import annotations

import itertools
import threading
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from db.store import Store, sqlite_url
from db.wakeup_dialling import SqlWakeUpDialling
from hardware.wakeup.dialler import Dialler, sip_reachable
from hardware.wakeup.lines import SipLines
from switchboard.clock import SystemClock, zone_named
from switchboard.wakeup_plan import CallResult, DiallingRules
from switchboard.wakeup_status import WakeUpStatus
from tests.sip_lab.kamailio import KamailioLab
from tests.wakeup_lab import RoomBank, attempts_by_wakeup, book_all, hotel_with_guests, register, wakeups

pytestmark = [pytest.mark.sip, pytest.mark.beside]

SOUNDS = Path(__file__).resolve().parents[1] / "resources" / "sounds"
RECORDINGS = {"en": SOUNDS / "wakeup_en.wav", "zh": SOUNDS / "wakeup_zh.wav"}
RULES = DiallingRules(
    attempts=3,
    retry_interval=timedelta(seconds=4),
    ring_time=timedelta(seconds=2),
    listen_time=timedelta(seconds=2),
    snooze=timedelta(hours=1),
    lines=8,
)
FINAL = {WakeUpStatus.CONFIRMED.value, WakeUpStatus.ESCALATED.value}


def run_until_final(dialler: Dialler, store: Store, limit: float) -> None:
    stop = threading.Event()
    thread = threading.Thread(target=dialler.run, args=(stop,))
    thread.start()
    try:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if all(w.status in FINAL for w in wakeups(store).values() if w.source != "snooze"):
                break
            time.sleep(0.5)
    finally:
        stop.set()
        thread.join(timeout=20)


def test_fifty_rooms_due_in_the_same_minute(kamailio: KamailioLab, tmp_path: Path) -> None:
    clock = SystemClock(zone_named("Asia/Shanghai"))
    store = Store(sqlite_url(tmp_path / "hotel.db"))
    store.migrate()
    rooms = hotel_with_guests(store, clock, 50)
    plan = ["confirm"] * 30 + ["snooze"] * 5 + ["no_key"] * 5 + ["no_answer"] * 5 + ["busy"] * 5
    banks = {kind: RoomBank(kind, tmp_path / kind) for kind in set(plan)}
    try:
        behaviour = {}
        for (room, extension), kind in zip(rooms, plan, strict=True):
            register(kamailio.domain, extension, banks[kind].port)
            behaviour[room] = kind
        book_all(store, clock, [r for r, _ in rooms], clock.now() + timedelta(seconds=2))
        lines = SipLines(kamailio.domain, RULES.lines, host="127.0.0.1")
        dialler = Dialler(
            SqlWakeUpDialling(store, clock, RULES),
            lines,
            RULES,
            RECORDINGS,
            reachable=lambda: sip_reachable(kamailio.domain),
        )
        run_until_final(dialler, store, limit=120)
    finally:
        for bank in banks.values():
            bank.close()

    calls = wakeups(store)
    attempts = attempts_by_wakeup(store)
    expected = {
        "confirm": (WakeUpStatus.CONFIRMED, 1, CallResult.CONFIRMED),
        "snooze": (WakeUpStatus.CONFIRMED, 1, CallResult.SNOOZED),
        "no_key": (WakeUpStatus.ESCALATED, 3, CallResult.NO_KEY),
        "no_answer": (WakeUpStatus.ESCALATED, 3, CallResult.NO_ANSWER),
        "busy": (WakeUpStatus.ESCALATED, 3, CallResult.BUSY),
    }
    for w in calls.values():
        for a in attempts.get(w.id, []):
            if a.result in ("confirmed", "snoozed"):
                # the recorded message was playing into the call when the guest pressed the key
                heard = int(a.detail.split(" after ")[1].split(" ms")[0])
                assert 300 <= heard <= 3000, (w.room_number, a.detail)
    outcomes: Counter[str] = Counter()
    for w in calls.values():
        if w.source == "snooze":
            continue
        status, count, result = expected[behaviour[w.room_number]]
        tried = attempts[w.id]
        assert (w.room_number, w.status, len(tried)) == (w.room_number, status.value, count)
        assert {a.result for a in tried} == {result.value}, (
            w.room_number,
            [(a.result, a.detail) for a in tried],
        )
        for before, after in itertools.pairwise(tried):
            assert after.started_at - before.started_at >= RULES.retry_interval
        outcomes[w.status] += 1
    assert outcomes == {"confirmed": 35, "escalated": 15}
    snoozed = [w for w in calls.values() if w.source == "snooze"]
    assert sorted(w.room_number for w in snoozed) == sorted(r for r, k in behaviour.items() if k == "snooze")
    assert all(w.status == WakeUpStatus.BOOKED.value for w in snoozed)


def test_pbx_unreachable_puts_due_calls_on_the_manual_list_at_once(
    kamailio: KamailioLab, tmp_path: Path
) -> None:
    clock = SystemClock(zone_named("Asia/Shanghai"))
    store = Store(sqlite_url(tmp_path / "hotel.db"))
    store.migrate()
    rooms = hotel_with_guests(store, clock, 2)
    book_all(store, clock, [r for r, _ in rooms], clock.now() + timedelta(seconds=1))
    kamailio.stop()  # the PBX is gone
    lines = SipLines(kamailio.domain, 4, host="127.0.0.1")
    dialler = Dialler(
        SqlWakeUpDialling(store, clock, RULES),
        lines,
        RULES,
        RECORDINGS,
        reachable=lambda: sip_reachable(kamailio.domain, timeout=0.3),
    )
    dialler.PROBE_EVERY = 0.0
    try:
        while lines.free() < 4:  # the lines are up and would dial if the dialler let them
            lines.results(0.1)
        time.sleep(1.1)  # the calls are due
        for _ in range(4):
            dialler.step(wait=0.05)
    finally:
        lines.close()
    assert {w.status for w in wakeups(store).values()} == {WakeUpStatus.MANUAL.value}
    assert attempts_by_wakeup(store) == {}  # nobody was rung on a PBX that is not there
