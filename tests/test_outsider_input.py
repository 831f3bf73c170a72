"""Hostile input tried from outside, field by field, on SQLite and the real PostgreSQL server.

Each value goes into each text field of check-in, wake-up booking, the logbook, messages, call-backs
and sign-in, as a clerk's paste, a PMS frame or a keyboard would bring it: NUL, terminal escapes,
5,000 characters, a right-to-left override or isolate, a lone surrogate (what a decoder's
``surrogateescape`` leaves of a bad byte).  The rule (issue 16): a clear ``InputError`` and nothing
written, or stored whole and clean; never a raw database error, never text silently cut.  Dates in
1900 and 2100 are refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import count

import pytest
from sqlalchemy import String, Text, func, select

from db.console_calls import SqlConsoleCalls
from db.frontoffice import SqlFrontOffice
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.room_board import SqlRoomBoard
from db.rows import Base
from db.seed import seed_demo_hotel
from db.store import Store
from db.users import UserDirectory
from db.wakeup_book import SqlWakeUpBook
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory, LogQuery
from switchboard.errors import ConsoleError, InputError, PermissionDenied
from switchboard.frontoffice import CheckIn
from switchboard.hotel import Actor, Role
from tests.conftest import HOTEL_ZONE
from tests.reader import READER

NOW = datetime(2026, 11, 20, 22, 0, tzinfo=HOTEL_ZONE)
DESK = Actor(user="mei", position="Front desk", role=Role.FRONT_DESK)
OP = Actor(user="lin", position="Console 1", role=Role.OPERATOR)
LONG = "L" + "ö" * 4998 + "Z"  # 5,000 characters: stored whole or refused, never cut
HOSTILE = {
    "NUL": "Ali\x00ce",
    "escape": "Ali\x1b[2Jce",
    "bell and backspace": "Ali\x07\x08ce",
    "5,000 characters": LONG,
    "right-to-left override": "Ali\u202eecnarF",
    "isolate": "Ali\u2067ce\u2069",
    "lone surrogate": "Ali\udcffce",
}
FORBIDDEN = ("\x00", "\x1b", "\x07", "\x08", "\u202e", "\u2067", "\udcff")


@dataclass
class Hotel:
    store: Store
    clock: FakeClock
    vacant: list[str]
    let: list[str]
    n: count[int]

    def next_time(self) -> datetime:
        return NOW + timedelta(hours=2, minutes=next(self.n))


@pytest.fixture
def hotel(store: Store) -> Hotel:
    clock = FakeClock(NOW)
    seed_demo_hotel(store, clock)
    rooms = SqlRoomBoard(store, clock).rooms(READER)
    vacant = [r.number for r in rooms if not r.guest and r.occupancy == "vacant"]
    let = [r.number for r in rooms if r.guest]
    return Hotel(store, clock, vacant, let, count())


def _texts_and_counts(store: Store) -> tuple[list[str], dict[str, int]]:
    texts, counts = [], {}
    with store.read() as s:
        for table in Base.metadata.sorted_tables:
            counts[table.name] = int(s.scalar(select(func.count()).select_from(table)) or 0)
            columns = [c for c in table.columns if isinstance(c.type, String | Text)]
            if columns:
                texts += [v for row in s.execute(select(*columns)) for v in row if isinstance(v, str)]
    return texts, counts


FIELDS: dict[str, Callable[[Hotel, str], object]] = {
    "check-in name": lambda h, v: SqlFrontOffice(h.store, h.clock).check_in(CheckIn(h.vacant.pop(), v), DESK),
    "check-in company": lambda h, v: SqlFrontOffice(h.store, h.clock).check_in(
        CheckIn(h.vacant.pop(), "Ali", company=v, companions=v), DESK
    ),
    "check-in reservation": lambda h, v: SqlFrontOffice(h.store, h.clock).check_in(
        CheckIn(h.vacant.pop(), "Ali", reservation=v), DESK
    ),
    "check-in room": lambda h, v: SqlFrontOffice(h.store, h.clock).check_in(CheckIn(v, "Ali"), DESK),
    "wake-up note": lambda h, v: SqlWakeUpBook(h.store, h.clock).book_due(
        h.let[0], h.next_time(), OP, note=v
    ),
    "wake-up room": lambda h, v: SqlWakeUpBook(h.store, h.clock).book_due(v, h.next_time(), OP),
    "logbook text": lambda h, v: SqlLogbook(h.store, h.clock).write(LogCategory.OTHER, v, OP),
    "logbook assignee": lambda h, v: SqlLogbook(h.store, h.clock).write(
        LogCategory.OTHER, "Lift", OP, follow_up=True, due_at=h.next_time(), assignee=v
    ),
    "logbook search": lambda h, v: SqlLogbook(h.store, h.clock).search(LogQuery(text=v, author=v), READER),
    "message sender": lambda h, v: SqlMessageBook(h.store, h.clock).take(h.let[1], v, "", "Call back", OP),
    "message text": lambda h, v: SqlMessageBook(h.store, h.clock).take(h.let[1], "Mr Li", v, v, OP),
    "call-back": lambda h, v: SqlConsoleCalls(h.store, h.clock).add_callback(
        v, v, "8001", v, h.next_time(), OP
    ),
    "sign-in": lambda h, v: UserDirectory(h.store, h.clock).authenticate(v, v, "Console 1"),
}


def test_every_field_refuses_clearly_or_stores_whole_and_clean(hotel: Hotel) -> None:
    wrong = []
    for field, call in FIELDS.items():
        for label, value in HOSTILE.items():
            _before_texts, before = _texts_and_counts(hotel.store)
            try:
                call(hotel, value)
            except (InputError, PermissionDenied) as exc:
                after = _texts_and_counts(hotel.store)[1]
                grown = {t for t in before if after[t] != before[t] and t != "audit_log"}
                if grown:  # a refused sign-in is audited; nothing else may be left behind
                    wrong.append(f"{field} / {label}: refused but wrote {sorted(grown)}")
                if not exc.key or "sql" in str(exc).lower() or "psycopg" in str(exc).lower():
                    wrong.append(f"{field} / {label}: unclear refusal {exc.key}: {exc}")
                continue
            except ConsoleError as exc:
                wrong.append(f"{field} / {label}: {type(exc).__name__} {exc.key}")
                continue
            except Exception as exc:  # a raw error from the driver or the database
                wrong.append(f"{field} / {label}: raw {type(exc).__name__}: {str(exc)[:80]}")
                continue
            texts = _texts_and_counts(hotel.store)[0]
            dirty = [t for t in texts if any(ch in t for ch in FORBIDDEN)]
            cut = [t for t in texts if t.startswith("Lööö") and not t.endswith("Z")]
            if dirty or cut:
                wrong.append(f"{field} / {label}: stored {(dirty + cut)[0][:40]!r}")
    assert wrong == [], "\n".join(wrong)


def test_dates_in_1900_and_2100_are_refused_and_nothing_is_written(hotel: Hotel) -> None:
    front = SqlFrontOffice(hotel.store, hotel.clock)
    book = SqlWakeUpBook(hotel.store, hotel.clock)
    log = SqlLogbook(hotel.store, hotel.clock)
    before = _texts_and_counts(hotel.store)[1]
    for year in (1900, 2100):
        day = date(year, 1, 1)
        with pytest.raises(InputError):
            front.check_in(
                CheckIn(hotel.vacant[0], "Ali", arrival=day, departure=day + timedelta(days=2)), DESK
            )
        with pytest.raises(InputError):
            front.check_in(CheckIn(hotel.vacant[0], "Ali", departure=day), DESK)
        with pytest.raises(InputError):
            book.book_due(hotel.let[0], datetime(year, 6, 1, 7, 0, tzinfo=HOTEL_ZONE), OP)
        with pytest.raises(InputError):
            log.write(
                LogCategory.OTHER,
                "Call the lift firm",
                OP,
                follow_up=True,
                due_at=datetime(year, 6, 1, tzinfo=HOTEL_ZONE),
            )
    assert _texts_and_counts(hotel.store)[1] == before
