"""Posting numbers (FIAS P#) kept in the database: they go on after a restart, wrap after 99999999,
and two processes taking numbers at once never get the same one (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from datetime import datetime

from sqlalchemy import update

from db.fias_sequence import SqlPostingNumbers
from db.rows import FiasSequenceRow
from db.store import Store
from switchboard.fias.records import FiasRecord, stamped
from switchboard.fias.session import FiasSession, Posting

CALL = Posting("1012", datetime(2026, 11, 20, 22, 14, 5), 1050, "0139 0123 4567", 121, "N")


def _numbers_sent(store: Store, postings: int) -> list[str]:
    """A console's PMS session posting and getting OK for each; the P# it sent."""
    now = datetime(2026, 11, 21, 1, 0)
    session = FiasSession(lambda: now, lambda _rec: None, numbers=SqlPostingNumbers(store))
    session.connected()
    session.receive(stamped("LS", now))
    session.receive(stamped("LA", now))
    sent: list[str] = []
    for _ in range(postings):
        ps = next(r for r in session.post(CALL) if r.kind == "PS")
        sent.append(ps.get("P#"))
        session.receive(FiasRecord("PA", (("AS", "OK"), ("RN", "1012"), ("P#", ps.get("P#")))))
    return sent


def test_posting_numbers_go_on_after_a_restart(store: Store) -> None:
    assert _numbers_sent(store, 3) == ["1", "2", "3"]
    again = Store(str(store.url))  # the console started again on the same database
    try:
        assert _numbers_sent(again, 2) == ["4", "5"]
    finally:
        again.dispose()


def test_posting_numbers_wrap_after_the_largest(store: Store) -> None:
    with store.unit() as s:
        s.execute(update(FiasSequenceRow).values(value=99_999_998))
    numbers = SqlPostingNumbers(store)
    assert [numbers.take(), numbers.take(), numbers.take()] == [99_999_999, 1, 2]


def test_numbers_taken_at_once_are_all_different(store: Store) -> None:
    numbers = SqlPostingNumbers(store)
    taken: list[int] = []
    lock = threading.Lock()

    def take(count: int) -> None:
        for _ in range(count):
            n = numbers.take()
            with lock:
                taken.append(n)

    threads = [threading.Thread(target=take, args=(25,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(taken) == list(range(1, 101))
