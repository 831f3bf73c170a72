"""The attendant's queue, screen pop, greeting and directory: pure logic, the
database read side on SQLite and PostgreSQL, and the panels driven by keys
over the training PBX."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.callers import SqlCallers
from db.rows import RoomRow, StayRow
from db.seed import seed_demo_hotel
from db.store import Store
from hardware.training_pbx import TrafficProfile, TrainingPbx
from switchboard.call_queue import CallQueue, Urgency
from switchboard.clock import FakeClock
from switchboard.directory import Directory, DirectoryEntry, EntryKind
from switchboard.pbx import CallKind, CallOffered, CallState, CallStateChanged, PbxEvent
from switchboard.screen_pop import CallerInfo, CallerKind, greeting, surname
from ui.caller_panel import CallerPanel
from ui.directory_panel import DirectoryPanel
from ui.queue_panel import QueuePanel

AT = datetime(2026, 11, 20, 22, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
QUIET = TrafficProfile(
    operator_calls_per_hour=0, extension_calls_per_hour=0, no_answer_share=0, start_busy_share=0
)


def offered(call_id: str, kind: CallKind, at: datetime, caller: str = "1203") -> CallOffered:
    return CallOffered(call_id, caller, "", "9", kind, at)


def test_queue_keeps_arrival_order_and_lets_emergencies_jump() -> None:
    clock = FakeClock(AT)
    queue = CallQueue(clock)
    queue.apply(offered("a", CallKind.ROOM, AT))
    queue.apply(offered("b", CallKind.OUTSIDE, AT + timedelta(seconds=2)))
    queue.apply(offered("c", CallKind.EMERGENCY, AT + timedelta(seconds=5)))
    assert [c.call_id for c in queue.waiting()] == ["c", "a", "b"]
    assert queue.has_emergency()
    queue.apply(CallStateChanged("c", CallState.CONNECTED, AT + timedelta(seconds=6)))
    assert queue.next_to_answer() is not None and queue.next_to_answer().call_id == "a"  # type: ignore[union-attr]
    assert queue.active() is not None and queue.active().call_id == "c"  # type: ignore[union-attr]
    assert not queue.has_emergency()
    queue.apply(CallStateChanged("c", CallState.TRANSFERRED, AT + timedelta(seconds=30)))
    assert queue.get("c") is None


def test_ring_and_hold_warnings_turn_at_their_limits() -> None:
    clock = FakeClock(AT)
    queue = CallQueue(clock, rings=3, held_limit_s=30)
    queue.apply(offered("a", CallKind.ROOM, AT))
    call = queue.get("a")
    assert call is not None
    assert queue.urgency(call) == Urgency.NORMAL
    clock.advance(12)  # three rings
    assert queue.urgency(call) == Urgency.LATE
    clock.advance(12)
    assert queue.urgency(call) == Urgency.VERY_LATE
    queue.apply(CallStateChanged("a", CallState.HELD, clock.now()))
    held = queue.get("a")
    assert held is not None and queue.urgency(held) == Urgency.NORMAL
    clock.advance(31)
    assert queue.urgency(held) == Urgency.LATE


def test_greeting_uses_title_surname_and_language() -> None:
    evening = AT
    zh = CallerInfo("1203", CallerKind.ROOM, room="1203", guest_name="张伟", title="先生", language="zh")
    assert greeting(zh, evening) == "张先生，晚上好！这里是总机，请问有什么可以帮您？"
    en = CallerInfo("905", CallerKind.ROOM, room="905", guest_name="Smith, John", title="Mr.", language="en")
    assert greeting(en, evening.replace(hour=9)) == (
        "Good morning, Mr. Smith. This is the operator, how may I help you?"
    )
    outside = CallerInfo("+8613800000000", CallerKind.OUTSIDE)
    assert "operator" in greeting(outside, evening)
    assert surname("欧阳娜娜") == "欧阳"


def entries() -> list[DirectoryEntry]:
    return [
        DirectoryEntry(EntryKind.GUEST, "张伟", "1203", "1203", "zhang wei", "zw", "先生", "华为技术"),
        DirectoryEntry(EntryKind.GUEST, "Smith, John", "905", "905", "smith john", "sj", "Mr.", "Acme Corp"),
        DirectoryEntry(
            EntryKind.GUEST,
            "黄晓明",
            "",
            "",
            "huang xiao ming",
            "hxm",
            "先生",
            privacy=True,
            privacy_note="No calls, not in house",
        ),
        DirectoryEntry(EntryKind.DEPARTMENT, "Housekeeping", "8020", detail="客房部"),
    ]


@pytest.mark.parametrize("typed", ["zw", "zhangwei", "zhang wei", "张伟", "张", "1203", "华为"])
def test_directory_finds_a_chinese_guest_every_way(typed: str) -> None:
    found = Directory(entries()).search(typed)
    assert found and found[0].name == "张伟"


def test_directory_finds_departments_in_both_languages_and_hides_private_rooms() -> None:
    directory = Directory(entries())
    assert directory.search("house")[0].number == "8020"
    assert directory.search("客房")[0].number == "8020"
    private = directory.search("hxm")[0]
    assert private.privacy and private.room == "" and private.number == ""
    assert directory.search("") == []


def test_screen_pop_from_the_records(store: Store) -> None:
    clock = FakeClock(AT)
    seed_demo_hotel(store, clock)
    callers = SqlCallers(store, clock)
    with store.unit() as s:
        _stay, room = s.execute(
            select(StayRow, RoomRow)
            .join(RoomRow, RoomRow.id == StayRow.room_id)
            .where(StayRow.privacy.is_(False), StayRow.status == "in_house")
        ).first()  # type: ignore[misc]
        room.dnd = True
        number = room.extension
    info = callers.who(number)
    assert info.kind is CallerKind.ROOM and info.is_guest and info.dnd
    assert callers.who("8020").label == "Housekeeping"
    assert callers.who("+44 20 7946 0000").kind is CallerKind.OUTSIDE
    listed = callers.directory_entries()
    private = [e for e in listed if e.privacy]
    assert private and all(e.room == "" and e.number == "" for e in private)
    assert Directory(listed).search("zw")


def test_a_call_is_answered_by_key_popped_and_transferred_on_the_training_pbx(
    qtbot: QtBot, sqlite_store: Store
) -> None:
    clock = FakeClock(AT)
    seed_demo_hotel(sqlite_store, clock)
    callers = SqlCallers(sqlite_store, clock)
    vip = next(
        e for e in callers.directory_entries() if e.vip_level and not e.privacy and e.kind is EntryKind.GUEST
    )
    pbx = TrainingPbx(clock, [vip.number, "8020", "8000"], profile=QUIET, traffic=False)
    events: list[PbxEvent] = []
    pbx.start(events.append, threaded=False)
    panel = QueuePanel(CallQueue(clock), pbx)
    caller = CallerPanel(callers, clock)
    directory = DirectoryPanel(Directory(callers.directory_entries()))
    panel.connected.connect(caller.show_caller)
    directory.chosen.connect(panel.connect_to)
    for w in (panel, caller, directory):
        qtbot.addWidget(w)

    def pump() -> None:
        pbx.pump()
        while events:
            panel.on_event(events.pop(0))

    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    pbx.offer_call(vip.number)
    pump()
    assert panel.count.text() == "1 waiting"
    qtbot.keyClick(panel, Qt.Key.Key_F5)
    pump()
    assert panel.queue.active() is not None
    assert caller.info is not None and caller.info.guest_name == vip.name
    assert "★" in caller.title.text()
    assert caller.greeting.isVisible() or caller.greeting.text()
    qtbot.keyClicks(directory.search, "housekeeping")
    qtbot.keyClick(directory.search, Qt.Key.Key_Return)
    for _ in range(30):
        clock.advance(0.5)
        pump()
    assert panel.queue.active() is None
    assert panel.count.text() == "0 waiting"
