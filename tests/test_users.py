"""Users, Argon2 hashes, sign-in and role checks, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.rows import AuditRow, UserRow
from db.store import Store
from db.users import UserDirectory
from switchboard.auth import Permission
from switchboard.clock import FakeClock
from switchboard.errors import InputError, PermissionDenied
from switchboard.hotel import Actor, Role

ADMIN = Actor(user="setup", position="test", role=Role.ADMINISTRATOR)


def test_first_run_needs_an_administrator(store: Store, clock: FakeClock) -> None:
    users = UserDirectory(store, clock)
    assert users.needs_first_administrator()
    users.create("Chief", "Chief Operator", Role.ADMINISTRATOR, "s3cure-pass", ADMIN)
    assert not users.needs_first_administrator()


def test_password_is_stored_as_argon2_and_checked(store: Store, clock: FakeClock) -> None:
    users = UserDirectory(store, clock)
    users.create("lin", "林小红", Role.OPERATOR, "night-shift-1", ADMIN)
    with store.read() as s:
        row = s.scalars(select(UserRow)).one()
        assert row.password_hash.startswith("$argon2")
        assert "night-shift-1" not in row.password_hash
    user = users.authenticate(" LIN ", "night-shift-1", position="console-1")
    assert user.display_name == "林小红"
    assert user.role is Role.OPERATOR


@pytest.mark.parametrize(
    ("name", "password"), [("lin", "wrong-password"), ("nobody", "night-shift-1"), ("", "")]
)
def test_wrong_sign_in_is_one_clear_message_and_audited(
    store: Store, clock: FakeClock, name: str, password: str
) -> None:
    users = UserDirectory(store, clock)
    users.create("lin", "Lin", Role.OPERATOR, "night-shift-1", ADMIN)
    with pytest.raises(PermissionDenied) as info:
        users.authenticate(name, password, position="console-1")
    assert str(info.value) == "Wrong user name or password"
    with store.read() as s:
        actions = [a.action for a in s.scalars(select(AuditRow))]
    assert actions.count("signin.fail") == 1


def test_weak_or_bad_new_users_are_refused_and_nothing_is_written(store: Store, clock: FakeClock) -> None:
    users = UserDirectory(store, clock)
    for username, password in [
        ("a", "short"),
        ("amy", "amy"),
        ("", "long-enough-1"),
        ("x y", "long-enough-1"),
        ("n" * 65, "long-enough-1"),
    ]:
        with pytest.raises(InputError):
            users.create(username, "Name", Role.OPERATOR, password, ADMIN)
    users.create("amy", "Amy", Role.OPERATOR, "long-enough-1", ADMIN)
    with pytest.raises(InputError):
        users.create("AMY", "Amy 2", Role.OPERATOR, "long-enough-2", ADMIN)
    assert users.count() == 1


def test_roles_see_only_what_their_job_needs() -> None:
    from switchboard.auth import User

    desk = User(1, "fd", "Front Desk", Role.FRONT_DESK)
    manager = User(2, "dm", "Duty Manager", Role.DUTY_MANAGER)
    operator = User(3, "op", "Operator", Role.OPERATOR)
    admin = User(4, "ad", "Admin", Role.ADMINISTRATOR)
    assert desk.may(Permission.BOOK_WAKEUPS)
    assert not desk.may(Permission.WRITE_LOGBOOK)
    assert manager.may(Permission.ANNOTATE_LOGBOOK) and manager.may(Permission.REVIEW_LOGBOOK)
    assert not operator.may(Permission.REVIEW_LOGBOOK)
    assert not operator.may(Permission.MANAGE_USERS)
    assert all(admin.may(p) for p in Permission)
    with pytest.raises(PermissionDenied):
        desk.require(Permission.HANDLE_CALLS)
