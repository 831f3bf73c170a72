"""A night on the console as an operator works it, checked from outside: what was tried by hand on the
running console (training mode, demo hotel, under Xvfb) and found right or wrong, as tests on the
console wired as in production (tests/attendant_desk.py builds it as console/attendant.py does).

Each test names the step of the night it comes from. A step the console gets wrong and that is not
a small fix is marked xfail(strict=True) with what the operator sees."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from console.attendant import show_note
from console.governance import start_governance
from console.pages import build_pages
from console.roll_call import build_roll_call_page
from db.dnd_ends import SqlDndEnds
from db.store import Store
from switchboard.auth import User
from switchboard.directory import Directory
from switchboard.hotel import Role
from switchboard.pbx import CallState
from tests.attendant_desk import ConsoleDesk

BUSY_STAFF = "8020"  # Housekeeping in the demo hotel


def test_a_room_the_directory_does_not_find_leaves_no_target_from_the_letters_typed_before(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    """By hand: with a caller on the line, F3, typed "329" (a room the directory has no entry for),
    Enter, F8: the caller was sent to 318, the first room "3" had highlighted on the way. The
    operator sees an empty result list and expects nothing to happen."""
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    guests = desk.guests()
    caller, other = guests[0], guests[1]
    call_id = desk.answer_call_from(caller.number)
    directory = desk.attendant.directory
    desk.key(Qt.Key.Key_F3)
    qtbot.keyClicks(directory.search, other.room)  # on the way: the guest's room is highlighted
    desk.pump()
    assert desk.queue.transfer_target == other.number
    qtbot.keyClicks(directory.search, "9")  # the room typed has no entry: nothing in the list
    desk.pump()
    assert directory.model.rowCount() == 0
    assert desk.queue.transfer_target == ""  # nothing on screen to send the call to
    assert "none" in desk.queue.selection.text()
    desk.key(Qt.Key.Key_Return)
    desk.key(Qt.Key.Key_F8)
    assert not [s for s in desk.states(call_id) if s[0] is CallState.TRANSFERRED]
    active = desk.queue.queue.active()
    assert active is not None and active.call_id == call_id  # the caller is still with the operator


def test_a_camped_on_caller_leaves_the_caller_panel_and_the_target(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    """By hand: F8 to a busy room, "Wait: camp on": the caller went to the park area, but the caller
    panel still showed the guest (name, greeting, note field) as if on the line, and the target line
    still named the busy room for the next caller."""
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    guest = desk.guests()[0]
    desk.answer_call_from(guest.number)
    desk.pbx.set_extension_busy(BUSY_STAFF, True)
    desk.pump()
    desk.queue.select(BUSY_STAFF)
    desk.key(Qt.Key.Key_F8)
    options = desk.handling.options
    assert options is not None
    options.buttons["wait"].click()
    desk.pump()
    assert desk.attendant.park.model.rowCount() == 1  # the caller waits in sight
    assert desk.queue.queue.active() is None
    assert desk.attendant.caller.title.text() == "No call"
    assert guest.name not in desk.attendant.caller.details.text()
    assert desk.queue.transfer_target == ""
    # parked with F9: the panel lets go too; picked up with Shift+F9, the caller is back on show
    second = desk.guests()[1]
    desk.answer_call_from(second.number)
    assert second.name in desk.attendant.caller.title.text()
    desk.key(Qt.Key.Key_F9)
    assert desk.attendant.caller.title.text() == "No call"
    park = desk.attendant.park
    rows = [park.model.row(r) for r in range(park.model.rowCount())]
    park.view.selectRow([c.caller if c else "" for c in rows].index(second.number))
    desk.key(Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    active = desk.queue.queue.active()
    assert active is not None and active.caller == second.number
    assert second.name in desk.attendant.caller.title.text()


def test_ctrl_w_on_a_call_then_the_time_and_enter_books_the_wake_up(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    """By hand: Ctrl+W on a guest's call opens the wake-up page with the room filled in and the cursor
    in the time; typed 0630, Enter: nothing was booked and nothing said so (Enter books only from the
    room and note fields); the guest had already hung up believing the call was booked."""
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    guest = desk.guests()[0]
    desk.answer_call_from(guest.number)
    desk.key(Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert desk.wakeups.room.text() == guest.room
    assert desk.wakeups.time.hasFocus()
    qtbot.keyClicks(desk.wakeups.time, "0645")
    desk.key(Qt.Key.Key_Return)
    booked = [w for w in desk.wakeups.model.rows() if w.room == guest.room]
    assert len(booked) == 1 and booked[0].due_at.strftime("%H:%M") == "06:45"


def test_ctrl_d_on_a_call_asks_until_when(qtbot: QtBot, sqlite_store: Store, tmp_path: Path) -> None:
    """By hand: the guest asks for no calls until seven; Ctrl+D put the room on DND with no end time
    (the caller panel said "Do not disturb is on", nothing asked until when), so the DND stayed on in
    the morning and the handover could not say when it ends. Here: Ctrl+D, 0700, Enter."""
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    guest = desk.guests()[0]
    desk.answer_call_from(guest.number)
    desk.key(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget() or desk.window, "0700")
    desk.key(Qt.Key.Key_Return)
    on, until = SqlDndEnds(desk.store, desk.clock).dnd_of(guest.room)
    assert on and until is not None and until.strftime("%H:%M") == "07:00"


def test_the_bands_and_the_callers_options_keep_the_window_on_a_small_screen(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    """By hand on a 1600x1000 screen: with the timed-duty band, the duty manager band (Ctrl+J) and the
    caller's options for a busy room open, the window grew to 1096 pixels high: the status bar (the
    console's messages, the PBX and database lamps) and the transfer lines went below the screen and
    stayed there after the band and the options closed. Here on a 1366x768 front-desk screen."""
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    desk.window.resize(1366, 740)
    desk.pump()
    show_note(desk.window, "Duty manager", "Manager Wang · 8050 · 138 0013 8000 · Lobby")
    desk.answer_call_from(desk.guests()[0].number)
    desk.pbx.set_extension_busy(BUSY_STAFF, True)
    desk.pump()
    desk.queue.select(BUSY_STAFF)
    desk.key(Qt.Key.Key_F8)
    assert desk.handling.options is not None and desk.handling.options.isVisible()
    desk.pump()
    assert desk.window.minimumSizeHint().height() <= 740
    assert desk.window.height() <= 740
    assert desk.window.statusBar().isVisible()
    history = desk.attendant.history
    assert history.isVisible() and history.height() > 20  # the transfer lines keep a place on screen


def test_the_queue_row_shows_a_vip_callers_whole_name_and_stars(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    """By hand: a VIP's call rang as "1307 徐建国 董事长 ..." in a 1600-pixel window: the stars that mark
    the VIP, put at the end, were cut off, while the type column ("Room") took a quarter of the row."""
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    vip = desk.guests()[0]
    assert vip.vip_level
    desk.pbx.offer_call(vip.number)
    desk.pump()
    view = desk.queue.view
    model = view.model()
    text = str(model.data(model.index(0, 1)))
    assert "★" in text and vip.name in text
    needed = view.fontMetrics().horizontalAdvance(text) + 12  # the cell's margins
    assert view.columnWidth(1) >= needed, (view.columnWidth(1), needed, text)


def test_each_page_key_opens_one_page_for_a_duty_manager(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    """By hand: the keyboard sheet (F1) listed "Ctrl+0 Audit trail" and "Ctrl+0 Roll-call"; for a duty
    manager, who may read the audit trail, Qt took Ctrl+0 as ambiguous and opened neither (the audit
    trail has its own key now). In an evacuation Ctrl+0 must open the roll-call board for every role;
    an ambiguous key is also a Qt warning, which fails the test."""
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    menus = start_governance(desk.console, desk.window)
    build_roll_call_page(desk.console, desk.window)
    desk.pump()
    desk.key(Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # the operator: the roll-call board
    assert desk.window.pages.tabText(desk.window.pages.currentIndex()) == "Roll-call"
    desk.console.user = User(3, "manager", "Manager Wang", Role.DUTY_MANAGER)
    menus.apply()
    desk.pump()
    titles = [desk.window.pages.tabText(i) for i in range(desk.window.pages.count())]
    assert "Roll-call" in titles and "Audit trail" in titles
    desk.window.show_page(0)
    desk.key(Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert desk.window.pages.tabText(desk.window.pages.currentIndex()) == "Roll-call"


def test_the_directory_refreshing_each_minute_leaves_the_target_as_the_operator_chose_it(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    """By hand: after a transfer the target line said "none"; a minute later, with the next caller on
    the line, it said "318 孙丽 女士" again: the directory, read afresh each minute for arrivals and
    moves, searched the old text again and made its first entry the target. With the second entry
    chosen by arrow key, the refresh likewise put the target back on the first."""
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    directory = desk.attendant.directory

    def refresh() -> None:  # what console/attendant.py does every minute
        directory.set_directory(Directory(desk.callers.directory_entries()))
        desk.pump()

    desk.answer_call_from(desk.guests()[0].number)
    desk.key(Qt.Key.Key_F3)
    qtbot.keyClicks(directory.search, "80")  # the departments, 8000 onwards
    desk.pump()
    assert directory.model.rowCount() >= 2
    desk.key(Qt.Key.Key_Down)  # from the search to the results
    desk.key(Qt.Key.Key_Down)  # the second entry
    chosen = directory.current_entry()
    assert chosen is not None and chosen.number and desk.queue.transfer_target == chosen.number
    refresh()
    assert desk.queue.transfer_target == chosen.number
    desk.key(Qt.Key.Key_F8)
    assert desk.queue.transfer_target == ""  # the call went: so did its target
    second = desk.answer_call_from(desk.guests()[1].number)
    refresh()
    assert desk.queue.transfer_target == "" and "none" in desk.queue.selection.text()
    desk.key(Qt.Key.Key_F8)
    active = desk.queue.queue.active()
    assert active is not None and active.call_id == second  # not sent anywhere


def test_ctrl_q_asks_while_a_caller_is_parked_or_camped_on(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    """By hand (Chinese screens): one caller ringing, one camped on a busy room; Ctrl+Q asked "1 call
    waiting or on hold" (本台还有 1 个来电在等待或保持中): the camped caller was not counted."""
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    build_pages(desk.window, desk.console, desk.attendant)
    desk.answer_call_from(desk.guests()[0].number)
    desk.key(Qt.Key.Key_F9)
    assert len(desk.queue.queue.aside()) == 1 and not desk.queue.queue.calls()  # parked, not in the queue
    assert desk.window.calls_waiting() == 1


def test_the_signed_out_cover_counts_the_callers_ringing_above_the_sign_in_box(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    """By hand: signed out and in again: on the cover and the sign-in box nothing said that calls were
    ringing; after signing in, 338 had rung 49 s and a VIP 26 s. The count stands at the top of the
    cover, where the sign-in box (opened over the middle, where the cover's own words are) leaves it
    in sight."""
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    build_pages(desk.window, desk.console, desk.attendant)  # sets what Ctrl+Q and the cover count
    desk.window.cover(True)
    waiting = desk.window.findChild(QLabel, "signedOutWaiting")
    assert waiting is not None and waiting.text() == ""  # no calls: nothing to say
    desk.pbx.offer_call(desk.guests()[0].number)
    desk.pbx.offer_call("+86 21 5555 0101")
    desk.pump(1.5)
    qtbot.waitUntil(lambda: waiting.text().startswith("2 call(s) waiting"), timeout=3000)
    assert waiting.isVisible()
    text = desk.window.findChild(QLabel, "signedOutText")
    assert (
        text is not None
        and waiting.mapTo(desk.window, waiting.rect().bottomLeft()).y()
        < text.mapTo(desk.window, text.rect().topLeft()).y()
    )  # above the middle, where the sign-in box opens
    cover = desk.window.findChild(QWidget, "signedOutCover")
    assert cover is not None
    corner = cover.mapTo(desk.window, cover.rect().topLeft())
    dark = desk.window.grab().toImage().pixelColor(corner.x() + 5, corner.y() + 5)
    assert dark.lightness() < 80  # the cover is dark, its light words readable on it
    desk.window.cover(False)
    assert not waiting.isVisible()


PROBE = """
import sys, shutil
from pathlib import Path
from PySide6.QtCore import QCoreApplication
import ui.i18n as i18n
copy = Path(sys.argv[1])
i18n.I18N = copy
app = QCoreApplication([])
assert i18n.install(app, "zh_CN"), "no translations"
before = QCoreApplication.translate("MainWindow", "&Sign in")
for qm in copy.glob("*.qm"):
    qm.write_bytes(b"")  # rewritten in place, as lrelease or an installer does: first emptied
after = QCoreApplication.translate("MainWindow", "&Sign in")
print(before, after)
"""


def test_f5_answers_a_caller_while_the_signed_out_cover_hides_the_queue(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    """The call keys keep working while the console waits for the next operator: the keys lived on the
    queue panel, which the cover hides, so F5 did nothing until someone signed in."""
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    desk.window.cover(True)
    assert not desk.queue.isVisible()
    call_id = desk.pbx.offer_call("+86 21 5555 0101")
    desk.pump(1.0)
    assert len(desk.queue.queue.calls()) == 1 and desk.queue.queue.active() is None
    desk.key(Qt.Key.Key_F5)
    active = desk.queue.queue.active()
    assert active is not None and active.call_id == call_id  # on the headset


def test_the_console_survives_its_translations_being_rebuilt_while_it_runs(tmp_path: Path) -> None:
    """By hand: twice in the night the running console vanished without a line in its log; under
    python -X faulthandler it was "Fatal Python error: Bus error" (exit 135): the translations
    (resources/i18n/*.qm) are mapped into memory by QTranslator.load(file), and when they were built
    again while the console ran (tools/build_translations.py, as an upgrade does), the pages under
    the console went away and the next translated text killed it, calls and all."""
    copy = tmp_path / "i18n"
    copy.mkdir()
    for qm in (Path(__file__).resolve().parent.parent / "resources" / "i18n").glob("*_zh_CN.qm"):
        shutil.copy(qm, copy / qm.name)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(copy)],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert done.stdout.split() == ["签到(&S)", "签到(&S)"]
