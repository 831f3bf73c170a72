"""The attendant's queue, screen pop, greeting and directory: pure logic, the
database read side on SQLite and PostgreSQL, and the panels driven by keys
over the training PBX."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.callers import SqlCallers
from db.console_calls import SqlConsoleCalls
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.room_board import SqlRoomBoard
from db.rows import CallRecordRow, LogbookEntryRow, RoomRow, StayRow
from db.seed import seed_demo_hotel
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from hardware.training_pbx import TrafficProfile, TrainingPbx
from switchboard.call_log import CallCategory
from switchboard.call_queue import CallQueue, Urgency
from switchboard.clock import FakeClock
from switchboard.directory import Directory, DirectoryEntry, EntryKind
from switchboard.hotel import Actor, Role
from switchboard.pbx import CallKind, CallOffered, CallState, CallStateChanged, PbxEvent
from switchboard.screen_pop import CallerInfo, CallerKind, greeting, greeting_wording, surname
from tests.reader import READER
from ui.call_handling import CallHandling, join_pickers
from ui.caller_panel import CallerPanel
from ui.directory_panel import DirectoryPanel
from ui.messages_page import MessagesPage
from ui.queue_panel import QueuePanel
from ui.wakeup_page import WakeUpPage

AT = datetime(2026, 11, 20, 22, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
OP = Actor(user="lin", position="Console 1", role=Role.OPERATOR)
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


class Desk:
    """The attendant column, the pages and the call handling over the training PBX, in one window."""

    def __init__(self, qtbot: QtBot, store: Store, clock: FakeClock, extensions: list[str]) -> None:
        self.clock = clock
        self.callers = SqlCallers(store, clock)
        self.pbx = TrainingPbx(clock, extensions, profile=QUIET, traffic=False)
        self.events: list[PbxEvent] = []
        self.pbx.start(self.events.append, threaded=False)
        self.board = SqlRoomBoard(store, clock, self.pbx.set_dnd)
        self.calls = SqlConsoleCalls(store, clock)
        self.window = QWidget()
        self.queue = QueuePanel(CallQueue(clock), self.pbx, is_dnd=self._is_dnd, operator=lambda: "lin")
        self.caller = CallerPanel(
            self.callers, clock, save_note=lambda c, cat, n: self.calls.categorise(c, cat, n, OP)
        )
        self.directory = DirectoryPanel(Directory(self.callers.directory_entries()))
        self.messages = MessagesPage(
            SqlMessageBook(store, clock, self.pbx.set_message_lamp), clock, lambda: OP
        )
        self.wakeups = WakeUpPage(SqlWakeUpBook(store, clock), lambda: OP, clock.now)
        self.shown: list[QWidget] = []
        self.status: list[str] = []
        layout = QVBoxLayout(self.window)
        for w in (self.queue, self.caller, self.directory, self.messages, self.wakeups):
            layout.addWidget(w)
        self.handling = CallHandling(
            window=self.window,
            clock=clock,
            pbx=self.pbx,
            queue=self.queue,
            caller=self.caller,
            directory=self.directory,
            messages=self.messages,
            wakeups=self.wakeups,
            calls=self.calls,
            callers=self.callers,
            rooms=self.board,
            logbook=SqlLogbook(store, clock),
            actor=lambda: OP,
            show=self.shown.append,
            status=self.status.append,
        )
        self.queue.connected.connect(self.caller.show_call)
        join_pickers(self.queue, self.directory)
        qtbot.addWidget(self.window)
        with qtbot.waitActive(self.window):
            self.window.show()
            self.window.activateWindow()

    def _is_dnd(self, extension: str) -> bool:
        return any(r.dnd for r in self.board.rooms(READER) if r.extension == extension)

    def pump(self, seconds: float = 0.0) -> None:
        for _ in range(max(1, int(seconds / 0.5))):
            if seconds:
                self.clock.advance(0.5)
            self.pbx.pump()
            while self.events:
                self.queue.on_event(self.events.pop(0))

    def key(
        self, qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        qtbot.keyClick(self.window.focusWidget() or self.window, key, modifier)
        self.pump()


def test_vip_in_a_dnd_room_camps_on_a_busy_extension_is_recalled_and_leaves_a_message(
    qtbot: QtBot, sqlite_store: Store
) -> None:
    clock = FakeClock(AT)
    seed_demo_hotel(sqlite_store, clock)
    callers = SqlCallers(sqlite_store, clock)
    vip = next(
        e for e in callers.directory_entries() if e.vip_level and not e.privacy and e.kind is EntryKind.GUEST
    )
    other = next(
        e
        for e in callers.directory_entries()
        if e.kind is EntryKind.GUEST and e.number not in ("", vip.number) and not e.privacy
    )
    desk = Desk(qtbot, sqlite_store, clock, [vip.number, other.number, "8020", "8000"])
    desk.board.set_dnd(vip.room, True, OP)

    # a call arrives from the VIP's room and is answered with one key
    desk.pbx.offer_call(vip.number)
    desk.pump()
    assert desk.queue.count.text() == "1 waiting"
    desk.key(qtbot, Qt.Key.Key_F5)
    info = desk.caller.info
    assert info is not None and info.guest_name == vip.name and info.vip_level == vip.vip_level and info.dnd
    assert "Do not disturb is on" in desk.caller.details.text()
    assert vip.title in desk.caller.greeting.text()

    # the guest wants room `other`, whose phone is busy: the options come up, the caller camps on
    desk.pbx.set_extension_busy(other.number, True)
    desk.key(qtbot, Qt.Key.Key_F3)
    qtbot.keyClicks(desk.directory.search, other.romanised.replace(" ", ""))
    desk.key(qtbot, Qt.Key.Key_Return)  # with a call up, Enter only selects the entry
    assert desk.queue.transfer_target == other.number and desk.handling.options is None
    desk.key(qtbot, Qt.Key.Key_F8)
    options = desk.handling.options
    assert options is not None and "busy" in options.headline.text()
    options.buttons["wait"].click()
    desk.pump()
    assert desk.queue.queue.active() is None  # camped: off the headset

    # a minute later the call comes back to the console as a recall
    desk.pump(61)
    recall = desk.queue.queue.next_to_answer()
    assert recall is not None and recall.recall_of == other.number
    desk.key(qtbot, Qt.Key.Key_F5)
    desk.queue.select(recall.recall_of)  # the selection went with the camped call; the recall names it
    desk.key(qtbot, Qt.Key.Key_F8)  # transfer again: still busy
    options = desk.handling.options
    assert options is not None
    options.buttons["message"].click()
    assert desk.shown[-1] is desk.messages
    assert desk.messages.room.text() == other.room
    desk.messages.caller_name.setText(vip.name)  # typed with an input method, not key by key
    qtbot.keyClicks(desk.messages.text, "Please call back")
    qtbot.keyClick(desk.messages.text, Qt.Key.Key_Return)
    assert desk.messages.model.rowCount() == 1
    desk.pump()
    assert desk.pbx.message_lamp(other.number)

    # the operator files the call and releases it; the record keeps the times and the category
    desk.caller.category.setCurrentIndex(desk.caller.category.findData(CallCategory.MESSAGE))
    qtbot.keyClicks(desk.caller.note, "VIP asked for room, busy; message left")
    desk.key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert desk.caller.saved.text() == "Saved"
    desk.key(qtbot, Qt.Key.Key_F6)
    with sqlite_store.read() as s:
        record = s.scalars(select(CallRecordRow).where(CallRecordRow.caller == vip.number)).one()
        assert record.category == "message" and record.handled_by == "lin" and record.answered_at is not None
        assert record.talk_seconds > 60


def test_a_dnd_room_is_not_rung_unless_an_emergency_override_is_logged(
    qtbot: QtBot, sqlite_store: Store
) -> None:
    clock = FakeClock(AT)
    seed_demo_hotel(sqlite_store, clock)
    callers = SqlCallers(sqlite_store, clock)
    guest = next(
        e for e in callers.directory_entries() if e.kind is EntryKind.GUEST and e.number and not e.privacy
    )
    desk = Desk(qtbot, sqlite_store, clock, [guest.number, "8000"])
    desk.board.set_dnd(guest.room, True, OP)
    desk.pbx.offer_call("8000")
    desk.pump()
    desk.key(qtbot, Qt.Key.Key_F5)
    desk.queue.connect_to(guest.number)
    options = desk.handling.options
    assert options is not None and "do-not-disturb" in options.headline.text()
    assert "wait" not in options.buttons
    options.buttons["override"].click()  # no reason given: nothing happens
    assert options.isVisible()
    options.override_reason.setText("Family emergency, security confirmed")
    options.buttons["override"].click()
    desk.pump(10)
    assert not any(r.dnd for r in desk.board.rooms(READER) if r.number == guest.room)
    with sqlite_store.read() as s:
        entry = s.scalars(select(LogbookEntryRow)).one()
        assert "Emergency override of DND" in entry.text and entry.room_number == guest.room


def test_a_call_back_is_noted_and_reminded(qtbot: QtBot, sqlite_store: Store) -> None:
    clock = FakeClock(AT)
    seed_demo_hotel(sqlite_store, clock)
    desk = Desk(qtbot, sqlite_store, clock, ["8000", "8020"])
    desk.pbx.offer_call("+8613800138000", CallKind.OUTSIDE)
    desk.pump()
    desk.key(qtbot, Qt.Key.Key_F5)
    desk.pbx.set_extension_busy("8020", True)
    desk.queue.connect_to("8020")
    desk.pump()
    options = desk.handling.options
    assert options is not None
    options.note.setText("about the lost umbrella")
    options.buttons["callback"].click()
    assert "noted" in desk.status[-1]
    desk.handling.remind_callbacks()
    assert all("Call back now" not in s for s in desk.status)
    clock.advance(16 * 60)
    desk.handling.remind_callbacks()
    assert "Call back now" in desk.status[-1] and "+8613800138000" in desk.status[-1]
    desk.handling.remind_callbacks()
    assert sum("Call back now" in s for s in desk.status) == 1


def test_the_hotel_words_its_own_greeting_and_a_broken_wording_is_ignored() -> None:
    wording = greeting_wording(
        {
            "en.evening": "Good evening {title} {surname}, Grand Harbour operator.",
            "zh.evening": "{oops}晚上好",
        }
    )
    en = CallerInfo("905", CallerKind.ROOM, room="905", guest_name="Smith, John", title="Mr.", language="en")
    zh = CallerInfo("1203", CallerKind.ROOM, room="1203", guest_name="张伟", title="先生", language="zh")
    assert greeting(en, AT, wording) == "Good evening Mr. Smith, Grand Harbour operator."
    assert greeting(zh, AT, wording) == "张先生，晚上好！这里是总机，请问有什么可以帮您？"


def test_an_emergency_call_raises_the_alert_and_jumps_the_queue(qtbot: QtBot) -> None:
    clock = FakeClock(AT)
    pbx = TrainingPbx(clock, ["301", "302"], profile=QUIET, traffic=False)
    events: list[PbxEvent] = []
    pbx.start(events.append, threaded=False)
    panel = QueuePanel(CallQueue(clock, ring_limit_s=6), pbx)
    qtbot.addWidget(panel)
    panel.show()
    pbx.offer_call("301")
    pbx.pump()
    clock.advance(7)
    pbx.offer_call("302", CallKind.EMERGENCY)
    pbx.pump()
    with qtbot.waitSignal(panel.emergency) as alarm:
        while events:
            panel.on_event(events.pop(0))
    assert alarm.args == ["302"]
    assert panel.alert.isVisible()
    first = panel.queue.next_to_answer()
    assert first is not None and first.caller == "302"
    late = panel.queue.get(panel.queue.waiting()[1].call_id)
    assert late is not None and panel.queue.urgency(late) == Urgency.LATE  # 7 s past a 6 s warning
