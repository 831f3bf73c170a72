"""Users, Argon2 password hashes, sign-in and the first administrator."""

from __future__ import annotations

import functools
import logging
import math
import unicodedata
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.audit import audit
from db.rows import UserRow
from db.store import Store
from switchboard.auth import Permission, User, check_new_password, is_link, require
from switchboard.clock import Clock
from switchboard.errors import InputError, NotFound, PermissionDenied
from switchboard.hotel import Actor, Role, clean_text
from switchboard.signin import PositionThrottle, SignInPolicy

log = logging.getLogger(__name__)
_hasher = PasswordHasher()
USERNAME_LIMIT = 64


@functools.cache
def dummy_hash() -> str:
    """What an unknown user's password is checked against (same hasher, same parameters, so the
    same work as a wrong password); made at the first sign-in, not at start."""
    return _hasher.hash("no such user: this hash only takes the time a real one would")


UNKNOWN_USER = "unknown user"  # what a failed sign-in records instead of a name nobody has
SIGN_IN_GUARD = Actor.link("sign-in")


def _typed_name(username: str) -> str:
    """A user name as typed, without control or format characters, cut to the longest there can be."""
    kept = "".join(ch for ch in username if unicodedata.category(ch)[0] != "C")
    return kept.strip().lower()[:USERNAME_LIMIT]


def _verify(password_hash: str, password: str) -> bool:
    try:
        # a lone surrogate (a bad byte escaped) has no UTF-8: its bytes are checked, and match nothing
        return bool(_hasher.verify(password_hash, password.encode("utf-8", "surrogatepass")))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _to_user(row: UserRow) -> User:
    return User(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        language=row.language,
    )


class UserDirectory:
    """Who may sign in, with which role."""

    def __init__(self, store: Store, clock: Clock, policy: SignInPolicy | None = None) -> None:
        self._store = store
        self._clock = clock
        self._policy = policy or SignInPolicy()
        self._throttle = PositionThrottle(self._policy)

    def count(self) -> int:
        with self._store.read() as s:
            return int(s.scalar(select(func.count()).select_from(UserRow)) or 0)

    def needs_first_administrator(self) -> bool:
        return self.count() == 0

    def create(
        self,
        username: str,
        display_name: str,
        role: Role,
        password: str,
        actor: Actor,
        *,
        check_password: bool = True,
    ) -> User:
        name = clean_text(username, limit=USERNAME_LIMIT, what="user name", required=True).lower()
        if any(ch.isspace() for ch in name):
            raise InputError("auth.username_space", "A user name has no spaces")
        shown = clean_text(display_name or name, limit=200, what="display name", required=True)
        if check_password:
            check_new_password(password, name)
        now = self._clock.now()
        with self._store.unit() as s:
            self._may_create(s, actor)
            if s.scalar(select(UserRow.id).where(UserRow.username == name)) is not None:
                raise InputError("auth.username_taken", f"The user name {name!r} is taken", username=name)
            row = UserRow(
                username=name,
                display_name=shown,
                role=role.value,
                password_hash=_hasher.hash(password),
                active=True,
                created_at=now,
            )
            s.add(row)
            s.flush()
            audit(s, actor, now, "user.create", "user", row.id, username=name, role=role.value)
            return _to_user(row)

    @staticmethod
    def _may_create(s: Session, actor: Actor) -> None:
        """Administrators create users; a link (first start, the demo seed) only until there is one."""
        if is_link(actor):
            admin = s.scalar(select(UserRow.id).where(UserRow.role == Role.ADMINISTRATOR.value).limit(1))
            if admin is None:
                return
        require(actor, Permission.MANAGE_USERS)

    def authenticate(self, username: str, password: str, position: str = "") -> User:
        """The user, if the password is right; ``PermissionDenied`` with one message either way.

        Every attempt that is not told to wait costs one Argon2 verification, against a dummy hash
        when the user does not exist, is inactive or locked, so the time taken does not tell.  What
        was typed as the user name is recorded only when such a user exists.
        """
        now = self._clock.now()
        wait = self._throttle.wait(position, now)
        if wait > timedelta(0):
            seconds = math.ceil(wait.total_seconds())
            raise PermissionDenied(
                "auth.wait", f"Too many failed sign-ins: try again in {seconds} s", seconds=seconds
            )
        name = _typed_name(username)
        with self._store.unit() as s:
            row = s.scalars(select(UserRow).where(UserRow.username == name)).first() if name else None
            usable = row is not None and row.active and row.locked_at is None
            right = _verify(row.password_hash if row is not None and usable else dummy_hash(), password)
            if row is not None and usable and right:
                if _hasher.check_needs_rehash(row.password_hash):
                    row.password_hash = _hasher.hash(password)
                row.failed_signins = 0
                audit(
                    s, Actor(user=name, position=position, role=Role(row.role)), now, "signin", "user", row.id
                )
                self._throttle.succeeded(position)
                return _to_user(row)
            if row is None:
                audit(s, Actor(user=UNKNOWN_USER, position=position), now, "signin.fail", "user")
            else:
                row.failed_signins += 1
                audit(s, Actor(user=name, position=position), now, "signin.fail", "user", row.id)
                if row.locked_at is None and row.failed_signins >= self._policy.lock_after:
                    row.locked_at = now
                    audit(s, SIGN_IN_GUARD, now, "signin.locked", "user", row.id, failures=row.failed_signins)
        delay = self._throttle.failed(position, now)
        if row is None:
            log.warning("failed sign-in for an unknown user at %s", position)
        else:
            log.warning("failed sign-in for %r at %s", name, position)
        raise PermissionDenied(
            "auth.wrong", "Wrong user name or password", seconds=math.ceil(delay.total_seconds())
        )

    def unlock(self, username: str, actor: Actor) -> None:
        """An administrator lets a locked user sign in again."""
        require(actor, Permission.MANAGE_USERS)
        now = self._clock.now()
        with self._store.unit() as s:
            row = s.scalars(select(UserRow).where(UserRow.username == _typed_name(username))).first()
            if row is None:
                raise NotFound("auth.no_user", "There is no such user")
            was = row.locked_at
            row.locked_at, row.failed_signins = None, 0
            audit(s, actor, now, "user.unlock", "user", row.id, locked_since=was)

    def locked(self, actor: Actor) -> list[str]:
        """The user names locked after failed sign-ins (administrators)."""
        require(actor, Permission.MANAGE_USERS)
        with self._store.read() as s:
            return list(
                s.scalars(
                    select(UserRow.username).where(UserRow.locked_at.is_not(None)).order_by(UserRow.username)
                )
            )

    def all(self) -> list[User]:
        with self._store.read() as s:
            return [_to_user(r) for r in s.scalars(select(UserRow).order_by(UserRow.username))]
