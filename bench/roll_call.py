"""Evacuation roll-call at full house: 600 occupied rooms rung on 40 wake-up lines (SipLines: 10 pjsua2
line processes of 4 calls) through Kamailio, the room phones (sipp banks, tests/sip_lab/rooms/evacuee.xml)
answering after 1-10 s (uniform) and pressing 1 or 2 at random, 5 % never answering.

    python bench/roll_call.py [--rooms 600] [--lines 40] [--never 0.05] [--ring 20] [--retry 0]

The RollCaller turns until every room has answered (1 or 2) or has been rung at least twice. Each call
is timed on the lines, from its order to its result. ``bound_seconds`` (what the lines allow) = the
durations of the calls the roll-call needed (each room's calls up to the one it answered, its first
two if it never did) / lines; ``seconds`` = from the first turn to the result that ended the
roll-call; ``ratio`` = seconds / bound. ``unanswered_listed`` counts the rooms left as "no answer" on
the board when they are exactly the never-answering ones (otherwise the mismatch is printed above).

Last line: ``roll_call: rooms=N seconds=N bound_seconds=N ratio=N unanswered_listed=N``."""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select

from db.frontoffice import SqlFrontOffice
from db.roll_calls import SqlRollCalls
from db.rows import RoomRow, StayRow
from db.seed import seed_demo_hotel
from db.store import Store, sqlite_url
from hardware.wakeup.lines import Result, SipLines
from hardware.wakeup.roll_caller import RollCaller
from switchboard.clock import Clock, SystemClock, zone_named
from switchboard.frontoffice import CheckIn
from switchboard.hotel import Actor, Role, StayStatus
from switchboard.roll_call import FINISHED, RollCallRoom, RoomAnswer, Scope
from switchboard.wakeup_plan import DialOrder
from tests.sip_lab.kamailio import KamailioLab
from tests.wakeup_lab import DESK, RoomBank, register

MANAGER = Actor(user="manager", position="Bench", role=Role.DUTY_MANAGER)


class TimedLines:
    """The SIP lines, each call timed from its order to its result (how long it held its line)."""

    def __init__(self, lines: SipLines) -> None:
        self._lines = lines
        self.capacity = lines.capacity
        self._placed: dict[tuple[int, int], float] = {}
        self.durations: list[tuple[str, str, float]] = []  # extension, result, seconds
        self.last_result = 0.0

    def free(self) -> int:
        return self._lines.free()

    def place(self, order: DialOrder, recording: Path, ring_s: float, listen_s: float) -> None:
        self._placed[(order.wakeup_id, order.attempt_no)] = time.monotonic()
        self._lines.place(order, recording, ring_s, listen_s)

    def results(self, wait: float) -> list[Result]:
        out = self._lines.results(wait)
        now = time.monotonic()
        for order, result, _detail in out:
            placed = self._placed.pop((order.wakeup_id, order.attempt_no), now)
            self.durations.append((order.extension, result.value, now - placed))
            self.last_result = now
        return out

    def close(self) -> None:
        self._lines.close()


def occupied_house(store: Store, clock: Clock, rooms: int) -> None:
    """The demo hotel with free rooms checked in until ``rooms`` are occupied."""
    seed_demo_hotel(store, clock)
    with store.read() as s:
        taken = set(s.scalars(select(StayRow.room_id).where(StayRow.status == StayStatus.IN_HOUSE.value)))
        free = [r.number for r in s.scalars(select(RoomRow).order_by(RoomRow.number)) if r.id not in taken]
    office = SqlFrontOffice(store, clock)
    today: date = clock.now().date()
    for number in free[: max(0, rooms - len(taken))]:
        office.check_in(
            CheckIn(room=number, name=f"Guest {number}", departure=today + timedelta(days=3), language="en"),
            DESK,
        )


def done(rooms: list[RollCallRoom]) -> bool:
    """Every room answered, or rung at least twice to the end (a third call may be ringing)."""
    return all(
        r.answer in FINISHED or r.attempts >= 3 or (r.attempts == 2 and r.answer is not RoomAnswer.CALLING)
        for r in rooms
    )


def needed(durations: list[tuple[str, str, float]]) -> float:
    """Seconds of the calls the roll-call needed: each room's calls up to the one it answered, or
    its first two if it never answered (a third call rung meanwhile does not raise the bound)."""
    calls: dict[str, list[tuple[str, float]]] = {}
    for extension, result, seconds in durations:
        calls.setdefault(extension, []).append((result, seconds))
    total = 0.0
    for made in calls.values():
        answered = [n for n, (result, _) in enumerate(made) if result in ("confirmed", "snoozed")]
        total += sum(seconds for _, seconds in made[: answered[0] + 1 if answered else 2])
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rooms", type=int, default=600)
    parser.add_argument("--lines", type=int, default=40)
    parser.add_argument("--never", type=float, default=0.05, help="share of rooms that never answer")
    parser.add_argument(
        "--ring", type=float, default=20.0, help="seconds a room rings before the line gives up"
    )
    parser.add_argument(
        "--retry", type=float, default=0.0, help="seconds before an unanswered room is rung again"
    )
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="roll-call-"))
    clock = SystemClock(zone_named("Asia/Shanghai"))
    store = Store(sqlite_url(work / "hotel.db"))
    store.migrate()
    print(f"checking in up to {args.rooms} occupied rooms in {work} …", flush=True)
    occupied_house(store, clock, args.rooms)
    book = SqlRollCalls(store, clock)
    call = book.start(Scope.HOUSE, MANAGER)
    rooms = list(book.rooms(call.id))
    chance = random.Random(args.seed)
    never = set(chance.sample([r.extension for r in rooms], round(len(rooms) * args.never)))
    plan = {r.extension: "never" if r.extension in never else chance.choice(("1", "2")) for r in rooms}
    lab = KamailioLab()
    lab.start()
    banks = {
        "1": RoomBank("evacuee", work / "leaving", {"digit": "1"}),
        "2": RoomBank("evacuee", work / "help", {"digit": "2"}),
        "never": RoomBank("no_answer", work / "never"),
    }
    lines = TimedLines(SipLines(lab.domain, args.lines, host="127.0.0.1", log_path=work / "lines.log"))
    try:
        for extension, kind in plan.items():
            register(lab.domain, extension, banks[kind].port)
        ready = time.monotonic() + 60
        while lines.free() < args.lines and time.monotonic() < ready:
            lines.results(0.2)  # the line processes say they are ready
        kinds = dict(Counter(plan.values()))
        print(f"{len(rooms)} rooms {kinds}, {lines.free()} lines ready, ring {args.ring:.0f} s", flush=True)
        caller = RollCaller(
            book, lines, clock, ring_s=args.ring, listen_s=15.0, retry_after=timedelta(seconds=args.retry)
        )
        started = time.monotonic()
        deadline = started + 1800
        next_look = next_say = 0.0
        while time.monotonic() < deadline:
            caller.turn()
            caller.take(lines.results(0.05))
            if time.monotonic() >= next_look:
                next_look = time.monotonic() + 0.5
                now = list(book.rooms(call.id))
                if done(now):
                    break
                if time.monotonic() >= next_say:
                    next_say = time.monotonic() + 10
                    seen = dict(Counter(r.answer.value for r in now))
                    print(f"{time.monotonic() - started:5.0f} s {seen}", flush=True)
        seconds = lines.last_result - started
        book.stop(MANAGER)
        drain = time.monotonic() + args.ring + 20
        while time.monotonic() < drain and any(r.answer is RoomAnswer.CALLING for r in book.rooms(call.id)):
            caller.take(lines.results(0.5))  # calls still ringing when it stopped are recorded as they end
    finally:
        lines.close()
        for bank in banks.values():
            bank.close()
        lab.close()
    final = list(book.rooms(call.id))
    answers = Counter(r.answer.value for r in final)
    listed = {r.extension for r in final if r.answer is RoomAnswer.NO_ANSWER}
    total = sum(d for _, _, d in lines.durations)
    bound = needed(lines.durations) / args.lines
    answered = [d for _, result, d in lines.durations if result in ("confirmed", "snoozed")]
    wrong = {e: plan[e] for e in listed ^ never}
    print(
        f"calls {len(lines.durations)} ({total:.0f} s on the lines, {needed(lines.durations):.0f} s needed), "
        f"answers {dict(answers)}, "
        f"mean answered call {statistics.fmean(answered):.2f} s, never answering {len(never)}, "
        f"listed as no answer {len(listed)}, the same rooms: {'yes' if not wrong else 'no ' + str(wrong)}"
    )
    print(
        f"roll_call: rooms={len(final)} seconds={seconds:.1f} bound_seconds={bound:.1f} "
        f"ratio={seconds / bound:.2f} unanswered_listed={len(listed) if not wrong else len(listed & never)}"
    )
    store.dispose()


if __name__ == "__main__":
    main()
