"""Issue 13's smaller call-handling points: the queue row names the guest with the VIP mark (never a
privacy guest), directory results carry the target's lamp state, the greeting after midnight, a
wake-up or message taken from a call files the call under it; and the pure rules under them (park
slots against the extension plan, transfer outcomes from PBX events)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTime
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.rows import CallRecordRow, GuestRow, RoomRow, StayRow
from db.store import Store
from switchboard.call_queue import CallQueue
from switchboard.clock import FakeClock
from switchboard.errors import InputError
from switchboard.parking import plan_park_slots
from switchboard.pbx import (
    CallEnded,
    CallFailed,
    CallKind,
    CallOffered,
    CallState,
    CallStateChanged,
    FailureReason,
)
from switchboard.screen_pop import CallerInfo, CallerKind, greeting, part_of_day
from switchboard.transfer_log import TransferLog, TransferResult
from tests.attendant_desk import AT, ConsoleDesk

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_the_queue_row_names_the_guest_with_the_vip_mark(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    vip = desk.guests()[0]
    assert vip.vip_level
    desk.pbx.offer_call(vip.number)
    desk.pump()
    row = desk.queue.model.data(desk.queue.model.index(0, 1))
    assert row == f"{vip.number} {vip.name} {vip.title} {'★' * vip.vip_level}"


def test_a_privacy_guests_name_never_stands_beside_the_number_in_the_queue(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    with sqlite_store.read() as s:
        guest, room = s.execute(
            select(GuestRow, RoomRow)
            .join(StayRow, StayRow.guest_id == GuestRow.id)
            .join(RoomRow, RoomRow.id == StayRow.room_id)
            .where(StayRow.privacy.is_(True), StayRow.status == "in_house")
        ).first()  # type: ignore[misc]
        number, name = room.extension, guest.name
    desk.pbx.offer_call(number)
    desk.pump()
    assert desk.queue.model.data(desk.queue.model.index(0, 1)) == number
    assert name not in desk.queue.model.data(desk.queue.model.index(0, 1))


def test_directory_results_say_busy_dnd_and_message_waiting(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    one, two = desk.guests()[:2]
    directory = desk.attendant.directory
    desk.key(Qt.Key.Key_F3)
    qtbot.keyClicks(directory.search, one.number)
    desk.pump()
    assert "busy" not in directory.model.data(directory.model.index(0, 0))
    desk.pbx.set_extension_busy(one.number, True)
    desk.pump()
    line = directory.model.data(directory.model.index(0, 0))
    assert line.endswith("· busy")
    assert directory.current_entry() is not None and directory.current_entry().number == one.number  # type: ignore[union-attr]
    desk.model.update_marks(one.number, dnd=True, message_waiting=True)
    desk.pump()
    assert directory.model.data(directory.model.index(0, 0)).endswith("· busy · DND · message waiting")
    directory.search.clear()
    qtbot.keyClicks(directory.search, two.number)
    desk.pbx.set_dnd(two.number, True)  # DND set at the PBX: the lamp says DND
    desk.pump()
    assert directory.model.data(directory.model.index(0, 0)).endswith("· DND")


@pytest.mark.parametrize(
    ("hour", "part"),
    [(0, "night"), (2, "night"), (4, "night"), (5, "morning"), (13, "afternoon"), (23, "evening")],
)
def test_the_part_of_the_day(hour: int, part: str) -> None:
    assert part_of_day(datetime(2026, 11, 21, hour, 30, tzinfo=SHANGHAI)) == part


def test_after_midnight_the_greeting_is_no_longer_good_evening() -> None:
    late = datetime(2026, 11, 21, 1, 15, tzinfo=SHANGHAI)
    en = CallerInfo("905", CallerKind.ROOM, room="905", guest_name="Smith, John", title="Mr.", language="en")
    zh = CallerInfo("1203", CallerKind.ROOM, room="1203", guest_name="张伟", title="先生", language="zh")
    outside = CallerInfo("+8613800000000", CallerKind.OUTSIDE)
    assert greeting(en, late) == "Good morning, Mr. Smith. This is the operator, how may I help you?"
    assert greeting(zh, late) == "张先生，您好！这里是总机，请问有什么可以帮您？"
    assert "evening" not in greeting(outside, late) and "晚上" not in greeting(zh, late)


def test_a_wakeup_booked_from_a_call_files_the_call_as_a_wakeup(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    guest = desk.guests()[0]
    call_id = desk.answer_call_from(guest.number)
    desk.key(Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert desk.wakeups.room.text() == guest.room
    assert desk.attendant.caller.category.currentText() == "Enquiry"  # nothing booked yet
    desk.wakeups.time.setTime(QTime(6, 45))
    desk.wakeups.book()
    assert desk.attendant.caller.category.currentText() == "Wake-up"
    with sqlite_store.read() as s:
        record = s.scalars(select(CallRecordRow).where(CallRecordRow.call_id == call_id)).one()
        assert record.category == "wakeup"


# ---------------------------------------------------------------- pure rules


def test_park_slots_leave_out_the_extensions_of_the_plan() -> None:
    plan = plan_park_slots("701-709", ["701", "702", "709", "8105"])
    assert plan.slots == ("703", "704", "705", "706", "707", "708")
    assert plan.collisions == ("701", "702", "709")
    assert plan_park_slots("", ["701"]).slots[0] == "7901"  # the default
    assert len(plan_park_slots("1-100000", []).slots) == 50  # bounded
    with pytest.raises(InputError):
        plan_park_slots("70a-709", [])


def test_transfer_outcomes_from_the_pbx_events() -> None:
    log = TransferLog()
    t = AT
    assert log.apply(CallOffered("a", "1203", "", "9", CallKind.ROOM, t)) is None
    assert log.apply(CallStateChanged("a", CallState.CONNECTED, t)) is None
    failed = log.apply(CallFailed("a", "8020", FailureReason.BUSY, t + timedelta(seconds=5)))
    assert failed is not None and (failed.caller, failed.target, failed.result) == (
        "1203",
        "8020",
        TransferResult.BUSY,
    )
    sent = log.apply(CallStateChanged("a", CallState.TRANSFERRED, t, peer="8021"))
    assert sent is not None and sent.result is TransferResult.RINGING
    back = log.apply(CallOffered("a", "1203", "", "9", CallKind.ROOM, t, recall_of="8021"))
    assert back is not None and back.result is TransferResult.RECALLED
    log.apply(CallStateChanged("a", CallState.CONNECTED, t))
    log.apply(CallStateChanged("a", CallState.TRANSFERRED, t, peer="8105"))
    done = log.apply(CallEnded("a", t, "answered at 8105"))
    assert done is not None and (done.target, done.result) == ("8105", TransferResult.ANSWERED)
    # the caller hangs up while the call rings at the target
    log.apply(CallOffered("b", "+86 21 5555 0100", "", "9", CallKind.OUTSIDE, t))
    log.apply(CallStateChanged("b", CallState.TRANSFERRED, t, peer="8020"))
    gone = log.apply(CallEnded("b", t, "abandoned"))
    assert gone is not None and gone.result is TransferResult.CALLER_GONE
    # an announced transfer's leg refused: the held caller's outcome; a plain console dial has none
    log.apply(CallOffered("c", "1501", "", "9", CallKind.ROOM, t))
    log.consulting("c", "leg")
    refused = log.apply(CallFailed("leg", "1203", FailureReason.DND, t))
    assert refused is not None and (refused.call_id, refused.result) == ("c", TransferResult.DND)
    assert log.apply(CallStateChanged("dial", CallState.DIALLING, t, peer="8020")) is None
    assert log.apply(CallFailed("dial", "8020", FailureReason.BUSY, t)) is None
    # a call ended with no transfer under way says nothing
    log.apply(CallStateChanged("c", CallState.CONNECTED, t))
    assert log.apply(CallEnded("c", t, "released")) is None


def test_a_transfer_the_pbx_gives_up_on_brings_the_call_back_to_the_queue() -> None:
    """SIP: the REFER is sent (transferred), the target refuses, the caller is the operator's again."""
    queue = CallQueue(FakeClock(AT))
    queue.apply(CallOffered("a", "1203", "", "9", CallKind.ROOM, AT))
    queue.apply(CallStateChanged("a", CallState.CONNECTED, AT))
    queue.apply(CallStateChanged("a", CallState.TRANSFERRED, AT, peer="8020"))
    assert queue.active() is None and queue.known("a") is not None
    queue.apply(CallStateChanged("a", CallState.CONNECTED, AT))
    back = queue.active()
    assert back is not None and back.call_id == "a" and back.caller == "1203"
    queue.apply(CallStateChanged("a", CallState.PARKED, AT, peer="7901"))
    assert queue.calls() == [] and [c.peer for c in queue.aside()] == ["7901"]
    queue.apply(CallEnded("a", AT, "hung up"))
    assert queue.aside() == [] and queue.known("a") is None
