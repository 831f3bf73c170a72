"""The audit viewer: duty managers and administrators search the trail by user, time, kind and room
and save it as CSV; operators and front desk are refused by the service, and the page shows it."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from db.audit_trail import SqlAuditTrail
from db.logbook import SqlLogbook
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.store import Store
from db.users import UserDirectory
from db.wakeup_book import SqlWakeUpBook
from switchboard.audit_trail import AuditQuery
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory
from switchboard.errors import PermissionDenied
from switchboard.hotel import Actor, Role
from tests.conftest import HOTEL_ZONE
from tests.reader import READER
from ui.audit_page import AuditPage

NOW = datetime(2026, 11, 20, 22, 0, tzinfo=HOTEL_ZONE)
LIN = Actor(user="lin", position="Console 1", role=Role.OPERATOR)
CHEN = Actor(user="chen", position="Console 2", role=Role.OPERATOR)
MANAGER = Actor(user="wang", position="Office", role=Role.DUTY_MANAGER)
ADMIN = Actor(user="chief", position="Office", role=Role.ADMINISTRATOR)
DESK = Actor(user="frontdesk", position="Front desk", role=Role.FRONT_DESK)


@pytest.fixture
def trail(store: Store) -> tuple[SqlAuditTrail, FakeClock, str]:
    clock = FakeClock(NOW - timedelta(days=3))
    seed_demo_hotel(store, clock)
    room = next(r.number for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest and not r.privacy)
    SqlLogbook(store, clock).write(LogCategory.OTHER, "Three days ago", LIN)
    clock.set(NOW)
    SqlLogbook(store, clock).write(LogCategory.OTHER, "Tonight", CHEN)
    SqlWakeUpBook(store, clock).book_due(room, NOW + timedelta(hours=9), LIN)
    users = UserDirectory(store, clock)
    with pytest.raises(PermissionDenied):
        users.authenticate("nobody-here", "guess", "Console 3")
    return SqlAuditTrail(store, clock), clock, room


def test_duty_managers_and_administrators_search_the_trail(
    trail: tuple[SqlAuditTrail, FakeClock, str],
) -> None:
    audit, _clock, room = trail
    for reader in (MANAGER, ADMIN):
        assert [r.action for r in audit.search(AuditQuery(user="lin"), reader)] == [
            "wakeup.book",
            "logbook.entry",
        ]
    assert [r.user for r in audit.search(AuditQuery(kind="logbook"), MANAGER)] == ["chen", "lin"]
    tonight = AuditQuery(since=NOW - timedelta(hours=1), until=NOW + timedelta(hours=1))
    assert {r.action for r in audit.search(tonight, MANAGER)} == {
        "logbook.entry",
        "wakeup.book",
        "signin.fail",
    }
    by_room = audit.search(AuditQuery(room=room), MANAGER)
    assert [(r.action, r.detail["room"]) for r in by_room] == [("wakeup.book", room)]
    failed = audit.search(AuditQuery(kind="signin.fail"), MANAGER)
    assert [(r.user, r.position) for r in failed] == [("unknown user", "Console 3")]
    for reader in (LIN, DESK):
        with pytest.raises(PermissionDenied):
            audit.search(AuditQuery(), reader)
        with pytest.raises(PermissionDenied):
            audit.export_csv(AuditQuery(), reader)
    rows = list(csv.reader(io.StringIO(audit.export_csv(AuditQuery(kind="logbook"), MANAGER))))
    assert rows[0] == ["id", "time", "user", "position", "action", "entity", "entity_id", "detail"]
    assert [(r[2], r[3], r[4]) for r in rows[1:]] == [
        ("chen", "Console 2", "logbook.entry"),
        ("lin", "Console 1", "logbook.entry"),
    ]


def test_the_page_searches_saves_and_shows_a_refusal(
    qtbot: QtBot, trail: tuple[SqlAuditTrail, FakeClock, str], tmp_path: Path
) -> None:
    audit, clock, room = trail

    def page_for(actor: Actor) -> AuditPage:
        page = AuditPage(lambda q: audit.search(q, actor), lambda q: audit.export_csv(q, actor), clock.now)
        qtbot.addWidget(page)
        return page

    page = page_for(MANAGER)
    page.refresh()
    assert page.model.rowCount() >= 3
    page.room.setText(room)
    page.refresh()
    assert [page.model.row(i).action for i in range(page.model.rowCount())] == ["wakeup.book"]  # type: ignore[union-attr]
    page.room.clear()
    page.user.setText("lin")
    page.since.setDate(QDate(2026, 11, 20))
    page.refresh()
    assert [page.model.row(i).action for i in range(page.model.rowCount())] == ["wakeup.book"]  # type: ignore[union-attr]
    assert page.write_csv(tmp_path / "audit.csv")
    saved = (tmp_path / "audit.csv").read_text(encoding="utf-8-sig")
    assert "wakeup.book" in saved and len(saved.strip().splitlines()) == 2  # the header and the one change
    page.show_broken_chain("audit_log row 7 (place 7): changed")
    assert not page.alarm.isHidden() and "audit_log row 7" in page.alarm.text()

    refused = page_for(LIN)
    refused.refresh()
    assert refused.model.rowCount() == 0
    assert "may not read audit" in refused.message.text()
    assert not refused.write_csv(tmp_path / "refused.csv")
    assert not (tmp_path / "refused.csv").exists()
