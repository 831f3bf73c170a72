"""Every way the database can be away has its own sentence for the operator, in English and
Chinese, naming what is away: never the generic "something unexpected" and never the
driver's English."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from db.logbook import SqlLogbook
from db.storage_faults import ENGLISH, unavailable
from db.store import Store, sqlite_url
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory
from switchboard.errors import ConflictError, ConsoleError, DatabaseUnavailable, InputError
from switchboard.hotel import Actor, Role
from tests.conftest import HOTEL_ZONE
from ui import i18n
from ui.errors import explain

WHERE = "db.hotel.example:5432/switchboard"
HAN = re.compile(r"[\u4e00-\u9fff]")
RACES = [
    ConflictError("edit.conflict", "fallback"),
    ConflictError("edit.retry", "fallback"),
    ConflictError("room.changed", "fallback", room="1203"),
    ConflictError("move.wakeup_clash", "fallback", room="1203"),
    InputError("wakeup.duplicate", "fallback", room="1203", time="06:30"),
    InputError("settings.database_timeout", "fallback", setting="busy_timeout", value="soon"),
]


def _every_error() -> list[ConsoleError]:
    return [*(unavailable(key, WHERE, "driver detail in English") for key in sorted(ENGLISH)), *RACES]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_database_fault_and_race_has_its_own_sentence(qapp: QApplication, language: str) -> None:
    i18n.install(qapp, language)
    try:
        sentences = {}
        for error in _every_error():
            said = explain(error)
            assert said != error.message, f"{error.key} has no wording of its own"
            assert "{" not in said, said
            if isinstance(error, DatabaseUnavailable):
                assert WHERE in said and "driver detail" not in said
            assert bool(HAN.search(said)) == (language == "zh_CN"), said
            sentences[error.key] = said
        assert len(set(sentences.values())) == len(sentences)  # each cause reads differently
    finally:
        i18n.install(qapp, "en")


def test_a_deleted_database_reads_as_deleted_naming_the_file(qapp: QApplication, tmp_path: Path) -> None:
    db = tmp_path / "console.db"
    store = Store(sqlite_url(db))
    store.migrate()
    db.unlink()
    operator = Actor(user="lin", position="Console 1", role=Role.OPERATOR)
    clock = FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=HOTEL_ZONE))
    with pytest.raises(DatabaseUnavailable) as refused:
        SqlLogbook(store, clock).write(LogCategory.OTHER, "typed", operator)
    store.dispose()
    assert explain(refused.value) == (
        f"The database file {db} was deleted while the console was running. Nothing more is saved "
        "until it is put back; call the administrator."
    )
    i18n.install(qapp, "zh_CN")
    try:
        assert explain(refused.value).startswith(f"总机运行期间数据库文件 {db} 被删除")
    finally:
        i18n.install(qapp, "en")
