"""A synthetic busy night shift, for the shift report's bench, its tests and demonstrations:
5,000 calls, 300 wake-up calls and 200 logbook entries by default, deterministic per seed."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import insert, select

from db.rows import (
    CallRecordRow,
    DndRow,
    HandoverItemRow,
    HandoverRow,
    LogbookEntryRow,
    MessageRow,
    RoomRow,
    SignInRow,
    UserRow,
    WakeUpAttemptRow,
    WakeUpRow,
)
from db.shifts import shift_row
from db.store import Store
from switchboard.shifts import ShiftSlot, next_shift
from switchboard.wakeup_status import WakeUpStatus

CATEGORIES = ("enquiry", "transfer", "service", "message", "wakeup", "complaint", "emergency")
CATEGORY_WEIGHTS = (40, 30, 12, 8, 6, 3, 1)
LOG_TEXTS = (
    "Guest asked for extra towels, passed to housekeeping",
    "客人投诉隔壁房间噪音，已通知保安",
    "Taxi booked for 05:30 to Pudong airport",
    "空调不制冷，已报工程部",
    "VIP 李娜女士 asked for a quiet room, noted for the front desk",
    "Lost umbrella handed in at the lobby bar",
    "Fire alarm test announced by engineering for 03:00, cancelled at 02:50",
    "客人要求明早送餐，已转送餐服务",
)


@dataclass(frozen=True, slots=True)
class NightCounts:
    calls: int
    answered: int
    abandoned: int
    within_three_rings: int
    wakeups: int
    wakeups_confirmed: int
    wakeups_escalated: int
    logbook: int
    open_follow_ups: int


def fill(
    store: Store,
    night: ShiftSlot,
    *,
    calls: int = 5000,
    wakeups: int = 300,
    entries: int = 200,
    seed: int = 11,
) -> NightCounts:
    rng = random.Random(seed)
    start, length = night.starts_at, (night.ends_at - night.starts_at).total_seconds()
    with store.unit() as s:
        rooms = list(s.scalars(select(RoomRow.number)))
        room_ids = list(s.scalars(select(RoomRow.id)))
        shift = shift_row(s, night)
        users = {u.username: u.id for u in s.scalars(select(UserRow))}
        s.add(
            SignInRow(
                user_id=users["operator"],
                shift_id=shift.id,
                position="Console 1",
                signed_in_at=start,
                signed_out_at=night.ends_at,
            )
        )
        call_rows, answered, abandoned, quick = [], 0, 0, 0
        for n in range(calls):
            offered = start + timedelta(seconds=rng.random() * length)
            gone = rng.random() < 0.04
            wait = min(rng.expovariate(1 / 7.0), 120.0)
            row = {
                "source": "console",
                "call_id": f"night-{n}",
                "kind": "room",
                "caller": rng.choice(rooms),
                "started_at": offered,
                "ring_seconds": wait,
                "abandoned": gone,
                "handled_by": "operator",
                "category": "" if gone else rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0],
            }
            if gone:
                abandoned += 1
                row["ended_at"] = offered + timedelta(seconds=wait)
            else:
                answered += 1
                quick += wait <= 12.0
                talk = rng.expovariate(1 / 50.0)
                answer_at = offered + timedelta(seconds=wait)
                row["answered_at"] = answer_at
                row["ended_at"] = answer_at + timedelta(seconds=talk)
                row["talk_seconds"] = talk
            call_rows.append(row)
        s.execute(insert(CallRecordRow), call_rows)
        confirmed = escalated = 0
        for n in range(wakeups):
            due = night.ends_at - timedelta(minutes=rng.randint(1, 150))
            roll = rng.random()
            status = WakeUpStatus.CONFIRMED if roll < 0.93 else WakeUpStatus.HANDLED
            confirmed += status is WakeUpStatus.CONFIRMED
            escalated += status is WakeUpStatus.HANDLED
            attempts = 3 if status is WakeUpStatus.HANDLED else (1 if roll < 0.8 else rng.randint(2, 3))
            call = WakeUpRow(
                room_number=rooms[n % len(rooms)],
                due_at=due,
                status=status.value,
                attempts=attempts,
                booked_at=start,
                booked_by="frontdesk",
                language="en",
                handled_by="night" if status is WakeUpStatus.HANDLED else "",
                outcome="sent bellboy Li to the door" if status is WakeUpStatus.HANDLED else "confirmed",
            )
            s.add(call)
            s.flush()
            for attempt in range(1, attempts + 1):
                last = attempt == attempts and status is WakeUpStatus.CONFIRMED
                s.add(
                    WakeUpAttemptRow(
                        wakeup_id=call.id,
                        attempt_no=attempt,
                        started_at=due + timedelta(minutes=5 * (attempt - 1)),
                        ended_at=due + timedelta(minutes=5 * (attempt - 1), seconds=40),
                        result="confirmed" if last else rng.choice(("no_answer", "busy", "no_key")),
                    )
                )
        log_rows, open_follow = [], 0
        for n in range(entries):
            follow = n % 10 == 0
            open_follow += follow
            log_rows.append(
                {
                    "shift_id": shift.id,
                    "kind": "entry",
                    "created_at": start + timedelta(seconds=rng.random() * length),
                    "author": "operator",
                    "category": rng.choice(
                        ("guest_request", "complaint", "maintenance", "security", "other")
                    ),
                    "room_number": rng.choice(rooms),
                    "text": rng.choice(LOG_TEXTS),
                    "follow_up": follow,
                }
            )
        s.execute(insert(LogbookEntryRow), log_rows)
        for n in range(40):
            taken = start + timedelta(seconds=rng.random() * length)
            s.add(
                MessageRow(
                    room_id=rng.choice(room_ids),
                    sender="Caller",
                    text="Please call back",
                    taken_at=taken,
                    taken_by="operator",
                    delivered_at=None if n % 8 == 0 else taken + timedelta(minutes=rng.randint(2, 60)),
                )
            )
        for _ in range(30):
            s.add(
                DndRow(
                    room_id=rng.choice(room_ids),
                    set_at=start + timedelta(seconds=rng.random() * length),
                    set_by="operator",
                )
            )
        handover = HandoverRow(
            from_shift_id=shift.id,
            to_shift_id=shift_row(s, next_shift(night)).id,
            composed_at=night.ends_at - timedelta(minutes=5),
            composed_by="operator",
            note="Busy night",
            acknowledged_at=night.ends_at,
            acknowledged_by="frontdesk",
        )
        s.add(handover)
        s.flush()
        for text in (
            "Busy night",
            "Room 1203 water leak: engineering to follow up",
            "Wake-up list for 07:30 printed",
        ):
            s.add(
                HandoverItemRow(
                    handover_id=handover.id,
                    kind="note",
                    text=text,
                    acknowledged_at=night.ends_at,
                    acknowledged_by="frontdesk",
                )
            )
    return NightCounts(calls, answered, abandoned, quick, wakeups, confirmed, escalated, entries, open_follow)
