"""The dialler's journal without a database: its rules (the same as the book's, `after_attempt`),
its file (atomic, fsynced, 0600, read back after a crash, damaged input set aside) and the list of
calls for a person. The database side and real calls are in test_wakeup_outage.py."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hardware.wakeup.journal_file import JournalBusy, JournalFile
from hardware.wakeup.person_list import read_person_list, write_person_list
from switchboard.wakeup_journal import Journal
from switchboard.wakeup_journal_calls import (
    JournalCall,
    JournalDamaged,
    PersonCall,
    call_from_dict,
    call_to_dict,
)
from switchboard.wakeup_plan import CallResult, DiallingRules, after_attempt
from switchboard.wakeup_status import WakeUpStatus
from tests.conftest import HOTEL_ZONE

RULES = DiallingRules(attempts=3, retry_interval=timedelta(minutes=5))
T0 = datetime(2026, 11, 21, 6, 30, tzinfo=HOTEL_ZONE)


def call(wakeup_id: int, due: datetime, room: str = "", attempts: int = 0) -> JournalCall:
    return JournalCall(
        key=f"w{wakeup_id}",
        wakeup_id=wakeup_id,
        room=room or str(1000 + wakeup_id),
        extension=room or str(1000 + wakeup_id),
        language="en",
        due_at=due,
        status=WakeUpStatus.BOOKED,
        attempts=attempts,
    )


def test_the_journal_dials_in_due_order_and_decides_as_the_book_does() -> None:
    journal = Journal(
        RULES, [call(2, T0 + timedelta(minutes=1)), call(1, T0), call(3, T0 + timedelta(hours=1))]
    )
    assert journal.claim_next(T0 - timedelta(seconds=1), "l1") is None  # nothing due yet
    first = journal.claim_next(T0 + timedelta(minutes=1), "l1")
    second = journal.claim_next(T0 + timedelta(minutes=1), "l2")
    assert first is not None and second is not None
    assert [first[0].wakeup_id, second[0].wakeup_id] == [1, 2]
    assert journal.claim_next(T0 + timedelta(minutes=1), "l3") is None  # 3 is not due, 1 and 2 are ringing
    order = first[0]
    ended = T0 + timedelta(minutes=2)
    step, _event = journal.finished(order, CallResult.NO_ANSWER, "", ended)
    assert step == after_attempt(RULES, 1, order.started_at, CallResult.NO_ANSWER, ended)
    assert journal.calls["w1"].status is WakeUpStatus.RETRY_WAIT
    assert journal.claim_next(ended, "l1") is None  # not inside the retry interval
    again = journal.claim_next(order.started_at + RULES.retry_interval, "l1")
    assert again is not None and again[0].attempt_no == 2
    journal.finished(again[0], CallResult.BUSY, "", order.started_at + RULES.retry_interval)
    third = journal.claim_next(order.started_at + 2 * RULES.retry_interval, "l1")
    assert third is not None and third[0].attempt_no == 3
    step, _ = journal.finished(
        third[0], CallResult.NO_ANSWER, "", order.started_at + 2 * RULES.retry_interval
    )
    assert step.status is WakeUpStatus.ESCALATED
    assert [c.room for c in journal.needing_a_person()] == ["1001"]
    assert [c.key for c in journal.pending()] == ["w1", "w2"]


def test_a_snooze_while_the_book_is_away_is_a_new_call_of_the_journal() -> None:
    journal = Journal(RULES, [call(5, T0)])
    got = journal.claim_next(T0, "l1")
    assert got is not None
    step, _ = journal.finished(got[0], CallResult.SNOOZED, "", T0 + timedelta(seconds=20))
    assert (
        step.status is WakeUpStatus.CONFIRMED
        and step.snooze_until == T0 + timedelta(seconds=20) + RULES.snooze
    )
    snooze = next(c for c in journal.calls.values() if c.wakeup_id is None)
    assert (snooze.parent_id, snooze.due_at, snooze.room) == (5, step.snooze_until, "1005")
    later = journal.claim_next(step.snooze_until, "l1")
    assert later is not None and later[0].wakeup_id < 0 and later[0].room == "1005"
    assert [c.key for c in journal.pending()] == ["w5"]  # the snooze ringing now is told once it ends
    journal.finished(later[0], CallResult.CONFIRMED, "", step.snooze_until + timedelta(seconds=10))
    assert [c.key for c in journal.pending()] == ["w5", snooze.key]
    for c in journal.pending():
        journal.settled(c)
    assert journal.calls == {}


def test_calls_the_book_claimed_are_not_dialled_again_from_the_journal() -> None:
    journal = Journal(RULES, [call(7, T0)])
    got = journal.claim_next(T0, "l1")
    assert got is not None
    order = got[0]
    online = Journal(RULES, [call(7, T0)])
    online.claimed(order, "l1")
    assert online.claim_next(T0, "l2") is None
    assert online.pending() == []  # the book knows this attempt


def test_a_personal_wake_up_is_rung_from_the_journal_at_its_backup_time_not_its_due_time(
    tmp_path: Path,
) -> None:
    """A personal (VIP) wake-up is the operator's until ``dial_at``; the book's claim passes it over
    until then (db/wakeup_dialling.py), and the journal the same while the book is away."""
    backup = T0 + timedelta(minutes=5)
    personal = call(4, T0)
    personal.dial_at = backup
    first = JournalFile(tmp_path, RULES)
    first.journal.refreshed([personal])
    first.write_snapshot(T0)
    first.close()
    journal = JournalFile(tmp_path, RULES).journal  # the backup time survives the file
    assert journal.calls["w4"].dial_at == backup
    assert journal.claim_next(T0, "l1") is None  # due, but the operator's
    assert journal.to_manual(backup - timedelta(seconds=1), "pbx away") == []
    assert journal.claim_next(backup - timedelta(seconds=1), "l1") is None
    got = journal.claim_next(backup, "l1")
    assert got is not None and got[0].wakeup_id == 4
    assert journal.claim_next(backup, "l2") is None  # once
    step, _event = journal.finished(got[0], CallResult.NO_ANSWER, "", backup + timedelta(seconds=30))
    assert step.next_attempt_at == got[0].started_at + RULES.retry_interval  # retries from the backup time
    older = call_to_dict(call(5, T0))
    del older["dial"]  # a journal written before personal wake-ups
    assert call_from_dict(older).dial_at is None


def test_a_restart_ends_calls_left_ringing_as_interrupted() -> None:
    journal = Journal(RULES, [call(9, T0)])
    got = journal.claim_next(T0, "l1")
    assert got is not None
    events = journal.interrupted(T0 + timedelta(seconds=30))
    assert len(events) == 1
    c = journal.calls["w9"]
    assert (c.status, c.next_attempt_at, c.tried[0].result) == (
        WakeUpStatus.RETRY_WAIT,
        T0 + RULES.retry_interval,
        "interrupted",
    )


def test_the_journal_file_is_private_and_read_back_after_a_kill(tmp_path: Path) -> None:
    first = JournalFile(tmp_path, RULES)
    first.journal.refreshed([call(1, T0), call(2, T0)])
    first.write_snapshot(T0)
    got = first.journal.claim_next(T0, "l1")
    assert got is not None
    first.record(got[1])
    for name in ("wakeup-journal.json", "wakeup-journal.events"):
        assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o600
    with pytest.raises(JournalBusy):
        JournalFile(tmp_path, RULES)  # one dialler per data folder
    os.close(first._lock)  # as a SIGKILL would: no close(), the events file left as it was
    with (tmp_path / "wakeup-journal.events").open("ab") as f:
        f.write(b'{"e":"end","k":"w1","n":1,"at":"2026-11-21T06:')  # a write cut short by the kill
    again = JournalFile(tmp_path, RULES)
    assert again.journal.calls["w1"].status is WakeUpStatus.DIALLING
    assert again.journal.calls["w1"].dirty
    assert again.journal.calls["w2"].status is WakeUpStatus.BOOKED
    assert again.journal.claim_next(T0, "l2") is not None  # w2, not w1 again
    again.close()


def test_a_damaged_journal_is_set_aside_not_trusted(tmp_path: Path) -> None:
    (tmp_path / "wakeup-journal.json").write_text('{"version": 1, "generation": 3, "calls": [{"key": 5}]}')
    journal = JournalFile(tmp_path, RULES)
    assert journal.journal.calls == {}
    assert list(tmp_path.glob("wakeup-journal.json.damaged-*"))
    journal.close()
    bad = call_to_dict(call(1, T0))
    for field, value in [("due", "06:30"), ("status", "ringing"), ("attempts", -1), ("room", "x" * 9)]:
        with pytest.raises(JournalDamaged):
            call_from_dict({**bad, field: value})
    with pytest.raises(JournalDamaged):
        Journal(RULES).apply({"e": "claim", "k": "w1", "n": 1, "at": T0.isoformat(), "line": "l"})


def test_the_list_for_a_person_names_each_escalated_call(tmp_path: Path) -> None:
    file = JournalFile(tmp_path, RULES)
    journal = file.journal
    journal.refreshed([call(1, T0, room="1203"), call(2, T0 + timedelta(minutes=30), room="1204")])
    for n in range(RULES.attempts):
        got = journal.claim_next(T0 + n * RULES.retry_interval, "l1")
        assert got is not None
        journal.finished(
            got[0], CallResult.NO_ANSWER, "", T0 + n * RULES.retry_interval + timedelta(seconds=45)
        )
    journal.to_manual(T0 + timedelta(minutes=30), "PBX unreachable")
    since = T0 - timedelta(minutes=1)
    write_person_list(tmp_path, journal.needing_a_person(), T0 + timedelta(minutes=30), since)
    text = (tmp_path / "wakeup-calls-for-a-person.txt").read_text()
    rows = [line.split(None, 3) for line in text.splitlines() if line.startswith("120")]
    assert rows == [
        ["1203", "06:30", "3", "no_answer        escalated"],
        ["1204", "07:00", "0", "PBX unreachable  manual"],
    ]
    assert read_person_list(tmp_path) == [
        PersonCall("1203", T0, 3, "no_answer", WakeUpStatus.ESCALATED),
        PersonCall("1204", T0 + timedelta(minutes=30), 0, "PBX unreachable", WakeUpStatus.MANUAL),
    ]
    (tmp_path / "wakeup-calls-for-a-person.json").write_text('{"calls": [{"room": "1203", "due": "06:30"}]}')
    assert read_person_list(tmp_path) == []  # a damaged list is not shown as if it were empty of meaning
    write_person_list(tmp_path, [], T0, None)
    assert not (tmp_path / "wakeup-calls-for-a-person.txt").exists()
    assert read_person_list(tmp_path) == []
    file.close()
    assert json.loads((tmp_path / "wakeup-journal.json").read_text())["version"] == 1
