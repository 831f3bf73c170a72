"""Users, Argon2 password hashes, sign-in and the first administrator."""

from __future__ import annotations

import logging

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.audit import audit
from db.rows import UserRow
from db.store import Store
from switchboard.auth import Permission, User, check_new_password, is_link, require
from switchboard.clock import Clock
from switchboard.errors import InputError, PermissionDenied
from switchboard.hotel import Actor, Role, clean_text

log = logging.getLogger(__name__)
_hasher = PasswordHasher()
USERNAME_LIMIT = 64


def _verify(password_hash: str, password: str) -> bool:
    try:
        return bool(_hasher.verify(password_hash, password))
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

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

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

        A failed attempt is audited in its own transaction, so it is kept.
        """
        name = username.strip().lower()[:USERNAME_LIMIT]
        with self._store.unit() as s:
            row = s.scalars(select(UserRow).where(UserRow.username == name)).first()
            now = self._clock.now()
            if row is not None and row.active and _verify(row.password_hash, password):
                if _hasher.check_needs_rehash(row.password_hash):
                    row.password_hash = _hasher.hash(password)
                audit(
                    s, Actor(user=name, position=position, role=Role(row.role)), now, "signin", "user", row.id
                )
                return _to_user(row)
        with self._store.unit() as s:
            audit(s, Actor(user=name or "?", position=position), now, "signin.fail", "user", name[:40])
        log.warning("failed sign-in for %r at %s", name, position)
        raise PermissionDenied("auth.wrong", "Wrong user name or password")

    def all(self) -> list[User]:
        with self._store.read() as s:
            return [_to_user(r) for r in s.scalars(select(UserRow).order_by(UserRow.username))]
