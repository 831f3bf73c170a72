"""Another user of the same computer reads none of the settings file, the database or the logs.

The other user is real: ``runuser -u nobody``.  The files live in a folder everyone may pass through
(under /tmp, mode 0755), and a control file there that is world-readable is read by ``nobody``, so the
check can fail.  Settings changes are audited key by key without a secret's value.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from db.audit_trail import SqlAuditTrail
from db.rows import AuditRow
from db.store import Store, sqlite_url
from switchboard import settings as console_settings
from switchboard.audit_trail import AuditQuery
from switchboard.clock import FakeClock
from switchboard.errors import InputError, PermissionDenied
from switchboard.hotel import Actor, Role
from switchboard.settings import ConsoleSettings
from tests.conftest import HOTEL_ZONE

NOW = datetime(2026, 11, 20, 22, 0, tzinfo=HOTEL_ZONE)
ADMIN = Actor(user="chief", position="Office", role=Role.ADMINISTRATOR)
OPERATOR = Actor(user="lin", position="Console 1", role=Role.OPERATOR)


@pytest.fixture
def open_place() -> Iterator[Path]:
    place = Path(tempfile.mkdtemp(prefix="switchboard-files-", dir="/tmp"))
    place.chmod(0o755)
    yield place
    shutil.rmtree(place, ignore_errors=True)


def nobody_reads(path: Path) -> bool:
    done = subprocess.run(
        ["runuser", "-u", "nobody", "--", "cat", str(path)], capture_output=True, timeout=30, check=False
    )
    return done.returncode == 0


def nobody_lists(folder: Path) -> bool:
    done = subprocess.run(
        ["runuser", "-u", "nobody", "--", "ls", str(folder)], capture_output=True, timeout=30, check=False
    )
    return done.returncode == 0


def test_a_settings_save_is_private_every_time(open_place: Path) -> None:
    control = open_place / "readable.txt"
    control.write_text("anyone", encoding="utf-8")
    control.chmod(0o644)
    assert nobody_reads(control)  # the check can see a readable file
    folder = open_place / "config"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    path = folder / "console.ini"
    chosen = ConsoleSettings(
        position="Console 1",
        pbx_mode="sip",
        sections={"pbx": {"server": "pbx.hotel", "password": "s3cret-sip"}},
    )
    console_settings.save(chosen, path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert nobody_lists(folder) and not nobody_reads(path)
    path.chmod(0o644)  # as an older version, or an editor, left it
    console_settings.save(chosen.with_language("en"), path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert not nobody_reads(path)
    assert console_settings.load(path).section("pbx")["password"] == "s3cret-sip"
    assert [p.name for p in folder.iterdir()] == ["console.ini"]  # no temporary file left behind


def test_the_data_folder_database_and_logs_are_private(open_place: Path) -> None:
    data = open_place / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    old_mask = os.umask(0o022)  # as the machine's default would create them
    try:
        store = Store(sqlite_url(data / "console.db"))
        store.migrate()
        (data / "console.log").write_text("failed sign-in for 'lin' at Console 1\n", encoding="utf-8")
        (data / "console.log.1").write_text("older\n", encoding="utf-8")
        assert nobody_reads(data / "console.db")  # open before
        changed = console_settings.restrict_files(data)
        assert {p.name for p in changed} >= {"console.db", "console.log", "console.log.1"}
        for name in ("console.db", "console.log", "console.log.1"):
            assert (data / name).stat().st_mode & 0o777 == 0o600
        assert data.stat().st_mode & 0o777 == 0o700
        assert not nobody_lists(data)
        data.chmod(0o711)  # even a folder one can pass through keeps the files closed
        for name in ("console.db", "console.log", "console.log.1"):
            assert not nobody_reads(data / name)
        store.dispose()
        # from the composition root's start on (umask 077), what the console creates is private at once
        os.umask(0o077)
        fresh = open_place / "fresh"
        fresh.mkdir()
        fresh.chmod(0o711)
        store = Store(sqlite_url(fresh / "console.db"))
        store.migrate()
        with store.unit() as s:
            s.add(AuditRow(at=FakeClock(NOW).now(), actor="x", action="a", entity="e"))
        for made in fresh.iterdir():
            assert made.stat().st_mode & 0o077 == 0, made
            assert not nobody_reads(made)
        store.dispose()
    finally:
        os.umask(old_mask)


def test_a_shared_folder_is_not_narrowed(open_place: Path) -> None:
    assert not console_settings.private_folder(Path("/tmp"))
    assert Path("/tmp").stat().st_mode & 0o1777 == 0o1777


def test_settings_changes_are_audited_by_key_never_a_secret(store: Store) -> None:
    clock = FakeClock(NOW)
    before = ConsoleSettings(
        database_url="postgresql://console:db-pass@db.hotel/switchboard",
        sections={"pbx": {"server": "pbx.hotel", "password": "old-sip-pass"}, "wakeup": {"attempts": "3"}},
    )
    after = replace(
        before,
        database_url="postgresql://console:new-db-pass@db2.hotel/switchboard",
        sections={"pbx": {"server": "pbx2.hotel", "password": "new-sip-pass"}, "wakeup": {"attempts": "3"}},
    ).with_language("zh_CN")
    found = console_settings.changes(before, after)
    assert [(c.key, c.old, c.new) for c in found] == [
        ("console.language", "", "zh_CN"),
        ("database.url", "***", "***"),
        ("pbx.password", "***", "***"),
        ("pbx.server", "pbx.hotel", "pbx2.hotel"),
    ]
    trail = SqlAuditTrail(store, clock)
    with pytest.raises(PermissionDenied):
        trail.record_settings(found, OPERATOR)
    assert trail.record_settings(found, ADMIN) == 4
    with store.read() as s:
        rows = [(r.actor, r.action, r.entity_id, r.detail) for r in s.scalars(select(AuditRow))]
    assert (
        "chief",
        "settings.change",
        "pbx.server",
        {"old": "pbx.hotel", "new": "pbx2.hotel", "secret": False},
    ) in rows
    text = repr(rows)
    for secret in ("db-pass", "old-sip-pass", "new-sip-pass"):
        assert secret not in text
    shown = trail.search(AuditQuery(kind="settings"), ADMIN)
    assert {r.entity_id for r in shown} == {"console.language", "database.url", "pbx.password", "pbx.server"}


def test_a_save_is_checked_audited_and_written_together(store: Store, tmp_path: Path) -> None:
    trail = SqlAuditTrail(store, FakeClock(NOW))
    path = tmp_path / "console.ini"
    current = ConsoleSettings(sections={"pbx": {"server": "pbx.hotel"}})
    console_settings.save(current, path)
    chinese = current.with_language("zh_CN")
    assert [c.key for c in trail.save_settings(current, chinese, path, OPERATOR)] == ["console.language"]
    assert console_settings.load(path).language == "zh_CN"  # one's language is anyone's to choose
    moved = chinese.with_section("pbx", {"server": "elsewhere"})
    with pytest.raises(PermissionDenied):
        trail.save_settings(chinese, moved, path, OPERATOR)
    assert console_settings.load(path).section("pbx")["server"] == "pbx.hotel"
    assert trail.save_settings(chinese, chinese, path, OPERATOR) == []
    trail.save_settings(chinese, moved, path, ADMIN)
    assert console_settings.load(path).section("pbx")["server"] == "elsewhere"
    assert path.stat().st_mode & 0o777 == 0o600
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the settings folder should be", encoding="utf-8")
    with pytest.raises(InputError) as info:
        trail.save_settings(moved, moved.with_language("en"), blocked / "console.ini", ADMIN)
    assert info.value.key == "settings.unwritable"  # and the audit rows went with it
    shown = trail.search(AuditQuery(kind="settings"), ADMIN)
    assert [(r.user, r.entity_id) for r in shown] == [("chief", "pbx.server"), ("lin", "console.language")]
