"""Sign-in slows down, locks, and never tells whether a user exists: on SQLite and PostgreSQL."""

from __future__ import annotations

import logging
import statistics
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from db.rows import AuditRow
from db.store import Store
from db.users import UNKNOWN_USER, UserDirectory
from switchboard.clock import FakeClock
from switchboard.errors import PermissionDenied
from switchboard.hotel import Actor, Role
from switchboard.signin import SignInPolicy

ADMIN = Actor(user="chief", position="Office", role=Role.ADMINISTRATOR)
OPERATOR = Actor(user="lin", position="Console 1", role=Role.OPERATOR)


def _directory(store: Store, clock: FakeClock, policy: SignInPolicy) -> UserDirectory:
    users = UserDirectory(store, clock, policy)
    users.create("chief", "Chief", Role.ADMINISTRATOR, "chief-password-1", Actor.link("first start"))
    users.create("lin", "Lin", Role.OPERATOR, "night-shift-1", ADMIN)
    return users


def _attempt(
    users: UserDirectory, name: str, password: str, position: str = "Console 1"
) -> tuple[str, object]:
    try:
        users.authenticate(name, password, position)
    except PermissionDenied as exc:
        return exc.key, exc.args_map.get("seconds")
    return "ok", None


@dataclass(frozen=True)
class Audited:
    actor: str
    position: str
    action: str
    entity_id: str
    detail: dict[str, Any]


def _audit(store: Store) -> list[Audited]:
    with store.read() as s:
        rows = s.scalars(select(AuditRow).order_by(AuditRow.id))
        return [Audited(r.actor, r.position, r.action, r.entity_id, r.detail) for r in rows]


def test_the_delay_grows_and_is_the_same_for_a_user_who_does_not_exist(
    store: Store, clock: FakeClock
) -> None:
    policy = SignInPolicy(lock_after=50, free_failures=2, first_delay=1.0, max_delay=8.0)
    users = _directory(store, clock, policy)
    answers: dict[str, list[tuple[str, object]]] = {}
    for name, position in (("lin", "Console 1"), ("nobody", "Console 2")):
        seen = []
        for _ in range(7):
            seen.append(_attempt(users, name, "wrong-password", position))
            seen.append(_attempt(users, name, "wrong-password", position))  # at once: told to wait, or not
            waited = seen[-1][1] if seen[-1][0] == "auth.wait" else 0
            assert isinstance(waited, int)
            clock.advance(timedelta(seconds=waited))
        answers[name] = seen
    assert answers["lin"] == answers["nobody"]
    assert answers["lin"][:8] == [
        ("auth.wrong", 0),
        ("auth.wrong", 0),  # two failures are free
        ("auth.wrong", 1),
        ("auth.wait", 1),
        ("auth.wrong", 2),
        ("auth.wait", 2),
        ("auth.wrong", 4),
        ("auth.wait", 4),
    ]
    assert answers["lin"][-2:] == [("auth.wrong", 8), ("auth.wait", 8)]  # up to the cap
    # a success at the position starts again
    clock.advance(timedelta(seconds=8))
    assert _attempt(users, "lin", "night-shift-1") == ("ok", None)
    assert _attempt(users, "lin", "wrong-password") == ("auth.wrong", 0)


def test_a_user_is_locked_after_n_failures_and_only_an_administrator_unlocks(
    store: Store, clock: FakeClock
) -> None:
    users = _directory(store, clock, SignInPolicy(lock_after=3, free_failures=100))
    for position in ("Console 1", "Console 2", "Front desk"):  # the count is the user's, at any position
        assert _attempt(users, "lin", "wrong-password", position)[0] == "auth.wrong"
    # locked: the right password is answered like a wrong one, which tells nothing about the user
    assert _attempt(users, "lin", "night-shift-1")[0] == "auth.wrong"
    assert users.locked(ADMIN) == ["lin"]
    locks = [a for a in _audit(store) if a.action == "signin.locked"]
    assert len(locks) == 1 and locks[0].detail == {"failures": 3}
    with pytest.raises(PermissionDenied):
        users.unlock("lin", OPERATOR)
    with pytest.raises(PermissionDenied):
        users.locked(OPERATOR)
    users.unlock("lin", ADMIN)
    unlocks = [a for a in _audit(store) if a.action == "user.unlock"]
    assert [(u.actor, u.position) for u in unlocks] == [("chief", "Office")]
    assert _attempt(users, "lin", "night-shift-1") == ("ok", None)
    assert users.locked(ADMIN) == []


def test_what_was_typed_as_an_unknown_user_is_never_recorded(
    store: Store, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    users = _directory(store, clock, SignInPolicy(free_failures=100))
    typed = "Tr0ub4dor&3-password-in-the-name-box"
    with caplog.at_level(logging.DEBUG):
        assert _attempt(users, typed, "", "Console 7")[0] == "auth.wrong"
        assert (
            _attempt(users, "li\x00n\u202e", "wrong", "Console 7")[0] == "auth.wrong"
        )  # NUL: no raw SQL error
    failed = [a for a in _audit(store) if a.action == "signin.fail"]
    assert [(a.actor, a.position, a.entity_id) for a in failed] == [
        (UNKNOWN_USER, "Console 7", ""),
        ("lin", "Console 7", str(failed[1].entity_id)),
    ]
    everything = " ".join(f"{a.actor} {a.entity_id} {a.detail}" for a in _audit(store)) + caplog.text
    assert typed.lower() not in everything.lower()
    assert "unknown user" in caplog.text


def test_an_unknown_user_costs_the_same_time_as_a_wrong_password(store: Store, clock: FakeClock) -> None:
    users = _directory(store, clock, SignInPolicy(lock_after=10_000, free_failures=10_000))
    timings: dict[str, list[float]] = {"lin": [], "nobody": []}
    for _ in range(12):
        for name in timings:
            start = time.perf_counter()
            assert _attempt(users, name, "wrong-password")[0] == "auth.wrong"
            timings[name].append(time.perf_counter() - start)
    known, unknown = statistics.median(timings["lin"]), statistics.median(timings["nobody"])
    print(f"sign-in failure median: known user {known * 1000:.1f} ms, unknown user {unknown * 1000:.1f} ms")
    assert known > 0.01  # an Argon2 verification, not a short cut
    assert 0.75 < unknown / known < 1.33


def test_the_policy_comes_from_the_signin_section() -> None:
    policy = SignInPolicy.from_section(
        {"lock_after": "5", "free_failures": "1", "delay_seconds": "0.5", "max_delay_seconds": "30"}
    )
    assert policy == SignInPolicy(lock_after=5, free_failures=1, first_delay=0.5, max_delay=30.0)
    assert SignInPolicy.from_section({}) == SignInPolicy()
    assert SignInPolicy.from_section({"lock_after": "0", "delay_seconds": "soon"}) == SignInPolicy()
    assert [policy.delay_after(n).total_seconds() for n in range(1, 9)] == [0, 0.5, 1, 2, 4, 8, 16, 30]
