"""Issue 16, third outside look: tampering a plain chain check could miss, reads through side paths,
privacy in free text and frames, refused input; as a curious operator, a front-desk clerk, someone
with a database login and another user of the same computer would try them.

Written from the README, docs/ROLES.md and docs/ARCHITECTURE.md (governance, "Tamper evidence",
privacy), not from the code.  Tamper cases run on SQLite and the real PostgreSQL server.
"""

from __future__ import annotations

import inspect
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import insert, select, text, update

from console import session
from console.pages import build_pages
from db.anchor_file import CONSOLE_ANCHOR, Head
from db.board import SqlBoard
from db.chain import FIELDS, link_hash, seal_existing, verify_log
from db.console_calls import SqlConsoleCalls
from db.handover import SqlHandovers
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.room_states import RoomStates
from db.rows import GuestRow, LogbookEntryRow, LogbookVersionRow, RoomRow, StayRow
from db.shifts import SqlShifts
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory
from switchboard.errors import InputError, PermissionDenied
from switchboard.hotel import Actor, Role
from switchboard.pbx import CallState
from switchboard.shifts import shift_at
from tests.attendant_desk import ConsoleDesk
from tests.test_read_roles_window import SECRET, _boxes, _shown
from tests.test_roles import NOW, Hotel, hotel  # noqa: F401  (fixture)
from tests.verify_log_lab import findings as _findings
from tests.verify_log_lab import heads as _heads
from tests.verify_log_lab import verify as _verify

ROOT = Path(__file__).resolve().parent.parent
LIN = Actor("lin", "Console 1", Role.OPERATOR)
WORDS = ["Lift 2 noisy", "Guest in 1203 reported a theft", "CCTV tape changed", "Quiet night"]


# ------------------------------------------------------------------------------------------ helpers


def _write(store: Store, clock: FakeClock, words: list[str] = WORDS) -> list[int]:
    book = SqlLogbook(store, clock)
    ids = []
    for w in words:
        clock.advance(timedelta(minutes=3))
        ids.append(book.write(LogCategory.OTHER, w, LIN).id)
    return ids


def _reseal(store: Store, table: str = "logbook_entries") -> None:
    """What someone who read db/chain.py runs after changing rows: the whole chain computed anew."""
    with store.engine.begin() as c:
        c.execute(text(f"UPDATE {table} SET chain_seq = NULL"))
        seal_existing(c, table)


def _anchored(store: Store, tmp_path: Path) -> tuple[list[int], Path]:
    anchor = tmp_path / CONSOLE_ANCHOR
    store.anchor = anchor
    ids = _write(store, clock := FakeClock(datetime(2026, 11, 20, 14, 0, tzinfo=UTC)))
    del clock
    store.anchor = None  # the console is stopped: what follows is SQL behind its back
    return ids, anchor


# ----------------------------------------------------------------------------------- tamper by SQL


def test_a_change_resealed_then_the_anchor_file_deleted_is_not_a_pass(store: Store, tmp_path: Path) -> None:
    ids, anchor = _anchored(store, tmp_path)
    with store.engine.begin() as c:
        c.execute(text("UPDATE logbook_entries SET text = 'Nothing to report' WHERE id = :i"), {"i": ids[1]})
    _reseal(store)
    anchor.unlink()
    assert verify_log(store.engine) == []  # the chain alone holds together
    done = _verify(store, "--data-dir", str(tmp_path))
    assert done.returncode == 3, done.stdout + done.stderr
    assert "NOT ANCHORED" in done.stdout


def test_a_change_resealed_with_the_anchor_cut_back_is_caught_by_the_printed_head(
    store: Store, tmp_path: Path
) -> None:
    """Someone who can write the data folder truncates the anchor file to a line before the change: the
    file alone can only say how far it anchors; the head on the printed shift report names the row."""
    ids, anchor = _anchored(store, tmp_path)
    newest = [h for h in _heads(anchor) if h.table == "logbook_entries"][-1]
    lines = anchor.read_text().splitlines(keepends=True)
    first_entry_line = next(i for i, line in enumerate(lines) if '"logbook_entries"' in line)
    anchor.write_text("".join(lines[: first_entry_line + 1]))  # anchors place 1 only
    with store.engine.begin() as c:
        c.execute(text("UPDATE logbook_entries SET text = 'Nothing to report' WHERE id = :i"), {"i": ids[1]})
    _reseal(store)
    done = _verify(store, "--data-dir", str(tmp_path))
    assert "anchored: logbook_entries to place 1 of 4" in done.stdout, done.stdout
    token = f"logbook_entries:{newest.seq}:{newest.hash[:16]}"  # as the printout carries it
    done = _verify(store, "--data-dir", str(tmp_path), "--head", token)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "ALTERED: logbook_entries row " in done.stdout  # one head names its own place, no earlier


def test_two_entries_swapped_in_place_are_named(store: Store, tmp_path: Path) -> None:
    """Reordering: the second and third entries trade their places (content and hash kept), then the
    same with the chain computed anew in the new order."""
    ids, anchor = _anchored(store, tmp_path)
    a, b = ids[1], ids[2]
    with store.engine.begin() as c:
        c.execute(
            text("UPDATE logbook_entries SET chain_seq = 0 - chain_seq WHERE id IN (:a, :b)"),
            {"a": a, "b": b},
        )
        c.execute(text("UPDATE logbook_entries SET chain_seq = 3 WHERE id = :a"), {"a": a})
        c.execute(text("UPDATE logbook_entries SET chain_seq = 2 WHERE id = :b"), {"b": b})
    breaks = [str(b) for b in verify_log(store.engine)]
    assert breaks and breaks[0].startswith(f"logbook_entries row {b} (place 2)"), breaks
    with store.engine.begin() as c:  # seal_existing follows the ids: swap them too
        c.execute(text("UPDATE logbook_entries SET id = 9999 WHERE id = :a"), {"a": a})
        c.execute(text("UPDATE logbook_entries SET id = :a WHERE id = :b"), {"a": a, "b": b})
        c.execute(text("UPDATE logbook_entries SET id = :b WHERE id = 9999"), {"b": b})
    _reseal(store)
    assert verify_log(store.engine) == []
    found = _findings(store, anchor)
    assert any(f.startswith(f"ALTERED: logbook_entries row {a} (place 2)") for f in found), found


@pytest.mark.parametrize("delta", [timedelta(seconds=1), timedelta(microseconds=1), timedelta(hours=8)])
def test_only_the_time_of_an_entry_changed_is_named(store: Store, tmp_path: Path, delta: timedelta) -> None:
    ids, _anchor = _anchored(store, tmp_path)
    with store.engine.begin() as c:
        row = c.execute(select(LogbookEntryRow.created_at).where(LogbookEntryRow.id == ids[2])).scalar_one()
        c.execute(update(LogbookEntryRow).where(LogbookEntryRow.id == ids[2]).values(created_at=row + delta))
    breaks = [str(b) for b in verify_log(store.engine)]
    assert breaks == [f"logbook_entries row {ids[2]} (place 3): changed"]
    done = _verify(store, "--data-dir", str(tmp_path))
    assert done.returncode == 1 and f"ALTERED: logbook_entries row {ids[2]} (place 3)" in done.stdout


@pytest.mark.parametrize(
    "column, value",
    [
        ("author", "'chen'"),
        ("category", "'security'"),
        ("room_number", "'1507'"),
        ("follow_up", "true"),
        ("assignee", "'night manager'"),
        ("kind", "'annotation'"),
        ("shift_id", "NULL"),
    ],
)
def test_every_column_a_person_sets_is_sealed(store: Store, tmp_path: Path, column: str, value: str) -> None:
    ids, _anchor = _anchored(store, tmp_path)
    with store.engine.begin() as c:
        c.execute(text(f"UPDATE logbook_entries SET {column} = {value} WHERE id = :i"), {"i": ids[1]})
    breaks = [str(b) for b in verify_log(store.engine)]
    assert breaks == [f"logbook_entries row {ids[1]} (place 2): changed"], breaks


def test_a_row_slipped_into_the_middle_and_the_chain_resealed_is_named(store: Store, tmp_path: Path) -> None:
    ids, anchor = _anchored(store, tmp_path)
    with store.engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO logbook_entries (id, shift_id, kind, created_at, author, category, room_number,"
                " text, follow_up, assignee, resolved_by, resolution, version)"
                " SELECT :new, shift_id, kind, created_at, 'chen', category, '', 'Key of 1203 handed to"
                " a friend', false, '', '', '', 1 FROM logbook_entries WHERE id = :i"
            ),
            {"new": 1000, "i": ids[1]},
        )
        # ids decide the order seal_existing takes: renumber so that the new row stands third
        for old in reversed(ids[2:]):
            c.execute(text("UPDATE logbook_entries SET id = :n WHERE id = :o"), {"n": old + 2000, "o": old})
        c.execute(text("UPDATE logbook_entries SET id = :n WHERE id = 1000"), {"n": ids[1] + 1000})
    _reseal(store)
    assert verify_log(store.engine) == []
    found = _findings(store, anchor)
    assert any(f.startswith("ALTERED: logbook_entries row") and "(place 3)" in f for f in found), found


def test_a_row_inserted_without_a_seal_is_named_and_not_sealed_by_a_restart(
    store: Store, tmp_path: Path
) -> None:
    ids, anchor = _anchored(store, tmp_path)
    with store.engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO logbook_entries (shift_id, kind, created_at, author, category, room_number,"
                " text, follow_up, assignee, resolved_by, resolution, version)"
                " SELECT shift_id, kind, created_at, author, category, '', 'Forged', false, '', '', '', 1"
                " FROM logbook_entries WHERE id = :i"
            ),
            {"i": ids[1]},
        )
    store.migrate()  # the console starting again
    store.anchor = anchor
    _write(store, FakeClock(datetime(2026, 11, 20, 15, 0, tzinfo=UTC)), ["After the restart"])
    breaks = [str(b) for b in verify_log(store.engine)]
    assert any("not sealed" in b for b in breaks), breaks
    done = _verify(store, "--data-dir", str(tmp_path))
    assert done.returncode == 1, done.stdout


def test_the_newest_rows_and_their_anchor_lines_deleted_are_caught_by_the_printed_head(
    store: Store, tmp_path: Path
) -> None:
    ids, anchor = _anchored(store, tmp_path)
    newest = [h for h in _heads(anchor) if h.table == "logbook_entries"][-1]
    lines = anchor.read_text().splitlines(keepends=True)
    # drop the entries' and the audit trail's lines for the last two entries, and the rows
    keep = [line for line in lines if json.loads(line)["seq"] <= 2]
    anchor.write_text("".join(keep))
    with store.engine.begin() as c:
        c.execute(text("DELETE FROM logbook_entries WHERE id IN (:a, :b)"), {"a": ids[2], "b": ids[3]})
        c.execute(text("DELETE FROM audit_log WHERE chain_seq > 2"))
    done = _verify(store, "--data-dir", str(tmp_path))
    assert done.returncode == 0, done.stdout  # what the data folder alone can say (docs: "What stays open")
    done = _verify(
        store, "--data-dir", str(tmp_path), "--head", f"logbook_entries:{newest.seq}:{newest.hash[:12]}"
    )
    assert done.returncode == 1, done.stdout
    assert "MISSING: logbook_entries from place 3 on: the chain ends at place 2" in done.stdout


@pytest.mark.parametrize(
    "line",
    [
        '{"at":"x","table":"logbook_entries; DROP TABLE users","seq":1,"hash":"00"}',
        '{"at":"x","table":"logbook_entries","seq":99999999999999999999999,"hash":"ab"}',
        '{"at":"x","table":"logbook_entries","seq":-1,"hash":"ab"}',
        '{"at":"x","table":"logbook_entries","seq":1,"hash":null}',
        '{"at":"x","table":"audit_log","seq":"2","hash":["a"]}',
        "\x00\x00\x00",
        "[1,2,3]",
    ],
)
def test_a_doctored_anchor_line_is_no_crash_and_no_pass(store: Store, tmp_path: Path, line: str) -> None:
    """An anchor file is input like any other: a line that is not a head is counted, never a traceback."""
    _ids, anchor = _anchored(store, tmp_path)
    with anchor.open("a", encoding="utf-8") as f:
        f.write(line + "\n")
    done = _verify(store, "--data-dir", str(tmp_path))
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode in (0, 1, 2, 3), done.stdout + done.stderr
    assert store.table_names() and "users" in store.table_names()


def test_a_head_with_an_empty_hash_anchors_nothing(store: Store, tmp_path: Path) -> None:
    """An anchor line whose hash is empty (or cut to nothing) must not count as holding any link."""
    ids, anchor = _anchored(store, tmp_path)
    with store.engine.begin() as c:
        c.execute(text("UPDATE logbook_entries SET text = 'Nothing to report' WHERE id = :i"), {"i": ids[1]})
    _reseal(store)
    anchor.write_text(
        "".join(Head(h.table, h.seq, "", h.versions, h.at).line() + "\n" for h in _heads(anchor))
    )
    done = _verify(store, "--data-dir", str(tmp_path))
    assert done.returncode != 0, done.stdout


def test_a_closed_shifts_entry_changed_and_explained_by_a_forged_version_row_is_altered(
    store: Store, tmp_path: Path
) -> None:
    """An entry of a closed shift cannot be edited; SQL changes its text, computes the chain anew and
    appends a logbook_versions row (sealed onto that chain's end) carrying the old text, so the
    anchored heads recompute as if the console had kept an edit."""
    anchor = tmp_path / CONSOLE_ANCHOR
    store.anchor = anchor
    clock = FakeClock(datetime(2026, 11, 20, 14, 0, tzinfo=UTC))
    ids = _write(store, clock)
    SqlLogbook(store, clock).edit(ids[0], "Lift 3 noisy", LIN)  # a real edit while the shift is open
    clock.advance(timedelta(days=1))
    SqlShifts(store, clock).close_ended()
    store.anchor = None
    with store.engine.begin() as c:
        original = c.execute(select(LogbookEntryRow.text).where(LogbookEntryRow.id == ids[1])).scalar_one()
        c.execute(text("UPDATE logbook_entries SET text = 'Nothing to report' WHERE id = :i"), {"i": ids[1]})
        seq, last = c.execute(
            select(LogbookVersionRow.chain_seq, LogbookVersionRow.chain_hash)
            .order_by(LogbookVersionRow.chain_seq.desc())
            .limit(1)
        ).first() or (0, "0" * 64)
        values = {
            "id": 5000,
            "entry_id": ids[1],
            "version_no": 1,
            "text": original,
            "replaced_at": datetime(2026, 11, 20, 14, 7, tzinfo=UTC),
            "replaced_by": LIN.user,
        }
        c.execute(
            insert(LogbookVersionRow).values(
                **values, chain_seq=(seq or 0) + 1, chain_hash=link_hash("logbook_versions", last, values)
            )
        )
    _reseal(store)
    assert verify_log(store.engine) == []
    done = _verify(store, "--data-dir", str(tmp_path))
    assert done.returncode == 1, done.stdout
    assert f"ALTERED: logbook_entries row {ids[1]}" in done.stdout


assert set(FIELDS) == {"audit_log", "logbook_entries", "logbook_versions"}


# ------------------------------------------------------------------ reads through other paths, privacy

OP = Actor("lin", "Console 1", Role.OPERATOR)
DESK = Actor("wang", "Front desk 1", Role.FRONT_DESK)
NOBODY = Actor(user="?", position="Console 9")


def _privacy_room(h: Hotel, name: str) -> str:
    with h.store.read() as s:
        return s.execute(
            select(RoomRow.number)
            .join(StayRow, StayRow.room_id == RoomRow.id)
            .join(GuestRow, GuestRow.id == StayRow.guest_id)
            .where(StayRow.privacy.is_(True), GuestRow.name == name)
        ).scalar_one()


def test_open_follow_ups_are_the_logbook_and_refused_to_the_desk_and_nobody(hotel: Hotel) -> None:  # noqa: F811
    SqlLogbook(hotel.store, hotel.clock).write(LogCategory.OTHER, "Safe code for 1203", OP, follow_up=True)
    assert SqlLogbook(hotel.store, hotel.clock).open_follow_ups(OP)
    for who in (DESK, NOBODY, Actor.link("PMS")):
        with pytest.raises(PermissionDenied):
            SqlLogbook(hotel.store, hotel.clock).open_follow_ups(who)


def test_a_handover_read_by_its_number_is_refused_to_the_desk(hotel: Hotel) -> None:  # noqa: F811
    done = SqlHandovers(hotel.store, hotel.clock).compose(shift_at(NOW), "Safe code is 4711", OP)
    book = SqlHandovers(hotel.store, hotel.clock)
    takes_actor = "actor" in inspect.signature(book.get).parameters
    with pytest.raises(PermissionDenied):
        book.get(done.id, DESK) if takes_actor else book.get(done.id)  # type: ignore[call-arg]


def test_a_board_notice_does_not_name_a_privacy_guest_beside_the_room(hotel: Hotel) -> None:  # noqa: F811
    room = _privacy_room(hotel, "Al-Rashid, Omar")
    board = SqlBoard(hotel.store, hotel.clock)
    board.add_notice("note", "15:00", f"Al-Rashid, Omar in {room} leaves at 3", OP)
    shown = " ".join(n[2] for n in board.today(OP).notices)
    assert room in shown and "Al-Rashid" not in shown, shown


def test_whereabouts_do_not_name_a_privacy_guest_beside_the_room(hotel: Hotel) -> None:  # noqa: F811
    room = _privacy_room(hotel, "Al-Rashid, Omar")
    RoomStates(hotel.store, hotel.clock).set_whereabouts(
        room, "Al-Rashid, Omar is at the pool", NOW + timedelta(hours=2), OP
    )
    shown = " ".join(SqlBoard(hotel.store, hotel.clock).today(OP).whereabouts)
    assert room in shown and "Al-Rashid" not in shown, shown


def test_messages_and_wakeup_notes_mask_the_name_as_stored(hotel: Hotel) -> None:  # noqa: F811
    room = _privacy_room(hotel, "Al-Rashid, Omar")
    SqlMessageBook(hotel.store, hotel.clock).take(
        room, "Front office", "", "Tell Al-Rashid, Omar to call", OP
    )
    SqlWakeUpBook(hotel.store, hotel.clock).book_due(
        room, NOW + timedelta(hours=9), OP, note="Wake Al-Rashid, Omar"
    )
    texts = [m.text for m in SqlMessageBook(hotel.store, hotel.clock).waiting(DESK) if m.room == room]
    notes = [w.note for w in SqlWakeUpBook(hotel.store, hotel.clock).upcoming(DESK) if w.room == room]
    assert texts and notes
    assert not any("Al-Rashid" in t for t in texts + notes), texts + notes


def test_a_full_width_name_in_the_logbook_is_masked(hotel: Hotel) -> None:  # noqa: F811
    room = _privacy_room(hotel, "黄晓明")
    SqlLogbook(hotel.store, hotel.clock).write(
        LogCategory.OTHER, f"Ｈｕａｎｇ Ｘｉａｏ Ｍｉｎｇ in {room}", OP
    )
    shown = SqlLogbook(hotel.store, hotel.clock).recent(OP)[0].text
    assert "Ｈｕａｎｇ" not in shown, shown


@pytest.mark.parametrize(
    "name, written",
    [
        ("Al-Rashid, Omar", "Mr Al-Rashid in {room} asked for a taxi"),
        ("Al-Rashid, Omar", "Omar Al-Rashid ({room}) asked for a taxi"),
        ("黄晓明", "Huang Xiaoming in {room} wants quiet"),
    ],
)
def test_the_usual_ways_of_writing_a_privacy_guests_name_are_masked(
    hotel: Hotel,  # noqa: F811
    name: str,
    written: str,
) -> None:
    room = _privacy_room(hotel, name)
    line = written.format(room=room)
    SqlLogbook(hotel.store, hotel.clock).write(LogCategory.OTHER, line, OP)
    handover = SqlHandovers(hotel.store, hotel.clock).compose(shift_at(NOW), line, OP)
    shown = [SqlLogbook(hotel.store, hotel.clock).recent(OP)[0].text, handover.items[0].text]
    surname = "Al-Rashid" if "Al-Rashid" in line else "Xiaoming"
    assert not any(surname in s for s in shown), shown


# ------------------------------------------------------------------------------ dates far away

FAR = [datetime(1901, 1, 1, 7, 0, tzinfo=NOW.tzinfo), datetime(2999, 1, 1, 7, 0, tzinfo=NOW.tzinfo)]


@pytest.mark.parametrize("due", FAR, ids=["1901", "2999"])
def test_a_call_back_due_far_away_is_refused(hotel: Hotel, due: datetime) -> None:  # noqa: F811
    with pytest.raises(InputError):
        SqlConsoleCalls(hotel.store, hotel.clock).add_callback("Mr Li", "13900000000", "8001", "n", due, OP)


@pytest.mark.parametrize("day", FAR, ids=["1901", "2999"])
def test_a_board_notice_for_a_far_day_is_refused(hotel: Hotel, day: datetime) -> None:  # noqa: F811
    with pytest.raises(InputError):
        SqlBoard(hotel.store, hotel.clock).add_notice("note", "15:00", "Pool closed", OP, day=day.date())


def test_do_not_disturb_until_2999_is_refused(hotel: Hotel) -> None:  # noqa: F811
    with pytest.raises(InputError):
        RoomStates(hotel.store, hotel.clock).set_dnd(hotel.some_let(), True, OP, until=FAR[1])


def test_whereabouts_until_2999_are_refused(hotel: Hotel) -> None:  # noqa: F811
    with pytest.raises(InputError):
        RoomStates(hotel.store, hotel.clock).set_whereabouts(hotel.some_let(), "At the pool", FAR[1], OP)


# ------------------------------------------------------------------- the window, as a front-desk clerk

SHOTS = Path("/tmp/outsider16")
HANDOVER_NOTE = "Night manager keeps the master key card"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_front_desk_works_every_page_by_keyboard_and_reads_no_logbook(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    """Signed in as the front desk: Ctrl+1..9 through the pages, Ctrl+J, Ctrl+T, Ctrl+P; nothing of the
    logbook or a handover shows, no box opens, and F5 answers a call while the refusal is on the page.
    Each page is saved as a picture under /tmp/outsider16/."""
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    console, window = desk.console, desk.window
    SqlLogbook(sqlite_store, desk.clock).write(LogCategory.SECURITY, SECRET, console.actor, follow_up=True)
    SqlHandovers(sqlite_store, desk.clock).compose(shift_at(desk.clock.now()), HANDOVER_NOTE, console.actor)
    boxes = _boxes()
    pages = build_pages(window, console, desk.attendant)
    session.end_session(console)
    console.user = None
    clerk = console.users.authenticate("frontdesk", "training-fd", console.settings.position)
    assert clerk.role is Role.FRONT_DESK
    session.start_session(console, window, clerk)
    qtbot.wait(50)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for n in range(window.pages.count()):  # the test desk holds two pages a second time: no Ctrl+2..4
        window.show_page(n)
        qtbot.wait(20)
        window.grab().save(str(SHOTS / f"frontdesk-page{n}.png"))
        shown = _shown(window)
        assert SECRET not in shown and HANDOVER_NOTE not in shown, f"page {n}"
    for n in (5, 6, 7, 8, 9):
        desk.key(getattr(Qt.Key, f"Key_{n}"), Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(20)
        window.grab().save(str(SHOTS / f"frontdesk-ctrl{n}.png"))
        shown = _shown(window)
        assert SECRET not in shown and HANDOVER_NOTE not in shown, f"Ctrl+{n}"
    for key in (Qt.Key.Key_J, Qt.Key.Key_T):
        desk.key(key, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(20)
    window.grab().save(str(SHOTS / "frontdesk-ctrlJ-ctrlT.png"))
    shown = _shown(window)
    assert SECRET not in shown and HANDOVER_NOTE not in shown
    assert _boxes() == boxes
    desk.key(Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # the logbook page, its refusal shown
    assert pages.logbook.message.text().startswith("The logbook is for operators and duty managers")
    guest = desk.guests()[0]
    call_id = desk.pbx.offer_call(guest.number)
    desk.pump()
    desk.key(Qt.Key.Key_F5)
    window.grab().save(str(SHOTS / "frontdesk-f5-on-logbook.png"))
    assert any(state is CallState.CONNECTED for state, _ in desk.states(call_id)), desk.states(call_id)
