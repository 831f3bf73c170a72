"""An evacuation roll-call during a wake-up rush, on the SIP lab (Kamailio, sipp room phones, the
dialler's pjsua2 lines): while it runs the dialler rings the roll-call's rooms and claims no wake-up;
after it stops the wake-ups go on and all complete. Checked against the INVITEs Kamailio saw."""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from db.roll_calls import SqlRollCalls
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.store import Store, sqlite_url
from db.wakeup_dialling import SqlWakeUpDialling
from dialler import roll_caller
from hardware.wakeup.dialler import Dialler, RollCallPause, sip_reachable
from hardware.wakeup.lines import SipLines, TrainingLines
from hardware.wakeup.roll_caller import RollCaller
from switchboard.clock import SystemClock
from switchboard.hotel import Actor, Role
from switchboard.roll_call import RoomAnswer, Scope
from switchboard.wakeup_plan import DiallingRules
from switchboard.wakeup_status import WakeUpStatus
from tests.reader import READER
from tests.sip_lab.kamailio import KamailioLab
from tests.wakeup_lab import RoomBank, attempts_by_wakeup, book_all, hotel_with_guests, register, wakeups

pytestmark = pytest.mark.beside  # waits in real time: run beside the rest (tools/test.sh)

MANAGER = Actor(user="manager", position="Console 1", role=Role.DUTY_MANAGER)
SOUNDS = Path(__file__).resolve().parents[1] / "resources" / "sounds"
RECORDINGS = {"en": SOUNDS / "wakeup_en.wav", "zh": SOUNDS / "wakeup_zh.wav"}
RULES = DiallingRules(
    attempts=3,
    retry_interval=timedelta(seconds=4),
    ring_time=timedelta(seconds=4),
    listen_time=timedelta(seconds=4),
    snooze=timedelta(hours=1),
    lines=4,
)


def _until(check: Callable[[], object], limit: float) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.sip
@pytest.mark.slow
def test_a_roll_call_during_a_wakeup_rush_pauses_the_wakeups_which_complete_after_it(
    kamailio: KamailioLab, tmp_path: Path
) -> None:
    clock = SystemClock(ZoneInfo("Asia/Shanghai"))
    store = Store(sqlite_url(tmp_path / "hotel.db"))
    store.migrate()
    rooms = hotel_with_guests(store, clock, 24)
    floors = {r.number: r.floor for r in SqlRoomBoard(store, clock).rooms(READER)}
    floor = floors[rooms[0][0]]
    occupied = [r for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest or r.privacy]
    bank = RoomBank("confirm", tmp_path / "rooms")  # every telephone answers and presses 1
    lines = SipLines(kamailio.domain, RULES.lines, host="127.0.0.1")
    book = SqlRollCalls(store, clock)
    dialler = Dialler(
        SqlWakeUpDialling(store, clock, RULES),
        lines,
        RULES,
        RECORDINGS,
        reachable=lambda: sip_reachable(kamailio.domain),
        roll_call=RollCaller(book, lines, clock, ring_s=4.0, listen_s=4.0),
    )
    stop = threading.Event()
    thread = threading.Thread(target=dialler.run, args=(stop,))
    try:
        for room in occupied:
            register(kamailio.domain, room.extension, bank.port)
        ids = book_all(store, clock, [r for r, _ in rooms], clock.now() + timedelta(seconds=1))
        thread.start()

        def confirmed() -> int:
            return sum(w.status == WakeUpStatus.CONFIRMED.value for w in wakeups(store).values())

        assert _until(lambda: confirmed() >= 1, 30)  # the rush is under way
        call = book.start(Scope.FLOOR, MANAGER, floor)
        before = confirmed()

        def answered() -> bool:
            return all(r.answer is RoomAnswer.LEAVING for r in book.rooms(call.id))

        assert _until(answered, 60)
        during = confirmed()
        stopped = book.stop(MANAGER)
        assert stopped is not None and stopped.stopped_at is not None
        assert _until(lambda: confirmed() == len(ids), 60)  # the wake-ups complete after it
    finally:
        stop.set()
        if thread.is_alive():
            thread.join(timeout=30)
        bank.close()
    # while it ran, only the calls already on the lines when it started ended: no wake-up was claimed
    assert during - before <= RULES.lines and during < len(ids)
    attempts = attempts_by_wakeup(store)
    started, ended = call.started_at + timedelta(seconds=0.5), stopped.stopped_at  # a step under way
    claimed_during = [
        a.started_at for tried in attempts.values() for a in tried if started < a.started_at < ended
    ]
    assert claimed_during == []
    assert all(len(tried) == 1 for tried in attempts.values())  # each wake-up rung once, confirmed
    final = book.rooms(call.id)
    assert {r.room for r in final} == {r.number for r in occupied if r.floor == floor}
    assert all(r.attempts == 1 for r in final)
    # Kamailio saw one INVITE per wake-up and one per roll-call room, no more
    log = kamailio.log_path.read_text()
    invites = Counter(re.findall(r"REQ INVITE sip:(\d+)@", log))
    expected = Counter({r.extension: 1 for r in occupied if r.floor == floor})
    by_room = {r.number: r.extension for r in occupied}
    expected.update(by_room[w.room_number] for w in wakeups(store).values() if w.id in ids)
    assert invites == expected
    store.dispose()


def test_in_training_mode_the_dialler_only_pauses_the_wakeups(tmp_path: Path) -> None:
    """The console rings the roll-call on its own lines; the dialler's training lines ring nobody."""
    clock = SystemClock(ZoneInfo("Asia/Shanghai"))
    store = Store(sqlite_url(tmp_path / "hotel.db"))
    store.migrate()
    seed_demo_hotel(store, clock)
    book = SqlRollCalls(store, clock)
    room = next(r for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest)
    (wakeup,) = book_all(store, clock, [room.number], clock.now() + timedelta(seconds=1))
    lines = TrainingLines(4, seconds=(0.01, 0.02), seed=1)
    dialler = Dialler(
        SqlWakeUpDialling(store, clock, RULES),
        lines,
        RULES,
        RECORDINGS,
        roll_call=RollCallPause(book.running_id),
    )
    call = book.start(Scope.HOUSE, MANAGER)
    time.sleep(1.1)  # the wake-up is due
    for _ in range(5):
        dialler.step(wait=0.05)
    assert dialler.placed == 0 and lines.free() == 4  # nothing rung: not the wake-up, not the rooms
    assert all(r.answer is RoomAnswer.WAITING for r in book.rooms(call.id))
    book.stop(MANAGER)
    for _ in range(5):
        dialler.step(wait=0.05)
    assert dialler.placed == 1 and attempts_by_wakeup(store)[wakeup]
    store.dispose()


def test_the_roll_call_timing_comes_from_the_settings_and_bad_values_are_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    clock = SystemClock(ZoneInfo("Asia/Shanghai"))
    store = Store(sqlite_url(tmp_path / "hotel.db"))
    lines = TrainingLines(2)
    caller = roll_caller(
        SqlRollCalls(store, clock), lines, clock, {"ring_seconds": "25", "retry_seconds": "15"}
    )
    assert (caller.ring_s, caller.listen_s, caller.retry_after) == (25.0, 20.0, timedelta(seconds=15))
    caller = roll_caller(
        SqlRollCalls(store, clock), lines, clock, {"ring_seconds": "soon", "listen_seconds": "999"}
    )
    # the defaults: a room rung again on the next free line
    assert (caller.ring_s, caller.listen_s, caller.retry_after) == (30.0, 20.0, timedelta(0))
    assert "[rollcall] ring_seconds = 'soon' is not between 5 and 120; using 30" in caplog.text
    assert "[rollcall] listen_seconds = '999'" in caplog.text
    store.dispose()
