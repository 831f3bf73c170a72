"""Shifts as rows, who signed in where and when, and closing a shift."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.audit import audit
from db.chain import current_heads
from db.rows import ShiftRow, SignInRow, UserRow
from db.store import Store
from switchboard.auth import Permission, require
from switchboard.clock import Clock
from switchboard.errors import InputError
from switchboard.hotel import Actor
from switchboard.shifts import ShiftSlot, shift_at

log = logging.getLogger(__name__)


def shift_row(s: Session, slot: ShiftSlot) -> ShiftRow:
    """The row for a shift, made the first time anyone needs it.

    Insert-or-get: however many positions write the first entry of a shift at once, the unique
    (business date, kind) lets one insert win; the others' inserts are undone (a savepoint) and
    they read the winner's row.
    """
    query = select(ShiftRow).where(
        ShiftRow.business_date == slot.business_date, ShiftRow.kind == slot.kind.value
    )
    row = s.scalars(query).first()
    if row is not None:
        return row
    try:
        with s.begin_nested():
            row = ShiftRow(
                kind=slot.kind.value,
                business_date=slot.business_date,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
            )
            s.add(row)
    except IntegrityError:
        row = s.scalars(query).one()
    return row


class SqlShifts:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def current(self) -> ShiftSlot:
        return shift_at(self._clock.now())

    def sign_in(self, username: str, position: str) -> int:
        """Also closes shifts past their end, should the console's shift clock not have run."""
        now = self._clock.now()
        with self._store.unit() as s:
            _close_ended(s, now)
            user = s.scalars(select(UserRow).where(UserRow.username == username)).one()
            shift = shift_row(s, shift_at(now))
            row = SignInRow(user_id=user.id, shift_id=shift.id, position=position, signed_in_at=now)
            s.add(row)
            s.flush()
            audit(s, Actor(user=username, position=position), now, "shift.sign_in", "shift", shift.id)
            return row.id

    def sign_out(self, sign_in_id: int, actor: Actor) -> None:
        now = self._clock.now()
        with self._store.unit() as s:
            row = s.get(SignInRow, sign_in_id)
            if row is not None and row.signed_out_at is None:
                row.signed_out_at = now
                audit(s, actor, now, "shift.sign_out", "shift", row.shift_id)
                if row.shift_id is not None:
                    _close_if_last_out(s, row.shift_id, now)

    def close_ended(self) -> list[int]:
        """Close every shift past its end (the overlap is inside it); the console calls this each minute."""
        now = self._clock.now()
        with self._store.unit() as s:
            return _close_ended(s, now)

    def on_console(self, at: datetime) -> list[tuple[str, str]]:
        """Who was signed in at ``at``: (user, position)."""
        with self._store.read() as s:
            rows = s.execute(
                select(UserRow.username, SignInRow.position)
                .join(UserRow, UserRow.id == SignInRow.user_id)
                .where(SignInRow.signed_in_at <= at)
                .where((SignInRow.signed_out_at.is_(None)) | (SignInRow.signed_out_at > at))
            )
            return [(u, p) for u, p in rows]

    def close(self, slot: ShiftSlot, actor: Actor) -> None:
        require(actor, Permission.CLOSE_SHIFTS)
        now = self._clock.now()
        with self._store.unit() as s:
            row = shift_row(s, slot)
            if row.closed_at is not None:
                raise InputError("shift.closed", "This shift is already closed")
            row.closed_at, row.closed_by = now, actor.user
            audit(s, actor, now, "shift.close", "shift", row.id, heads=_closing_heads(s, row))


SHIFT_CLOCK = Actor.link("shift-clock")


def _close(s: Session, row: ShiftRow, now: datetime, actor: Actor, action: str) -> None:
    row.closed_at, row.closed_by = now, actor.user
    audit(s, actor, now, action, "shift", row.id, heads=_closing_heads(s, row))


def _closing_heads(s: Session, row: ShiftRow) -> str:
    """The chains' heads as the shift closes: kept in its closing audit row and in the console's log,
    so a chain cut back later is seen against them (``db/chain_anchor.py``)."""
    heads = " ".join(h.token() for h in current_heads(s))
    log.info("shift %s (%s %s) closes; chain heads: %s", row.id, row.business_date, row.kind, heads)
    return heads


def _close_ended(s: Session, now: datetime) -> list[int]:
    ended = list(s.scalars(select(ShiftRow).where(ShiftRow.closed_at.is_(None), ShiftRow.ends_at <= now)))
    for row in ended:
        _close(s, row, now, SHIFT_CLOCK, "shift.close_at_end")
    return [r.id for r in ended]


def _close_if_last_out(s: Session, shift_id: int, now: datetime) -> None:
    """The last operator of a shift signed out after the next shift began: the shift is over.

    Before that (a change of operator in mid-shift) the shift stays open for whoever signs in next.
    """
    row = s.get(ShiftRow, shift_id)
    if row is None or row.closed_at is not None or shift_at(now).starts_at <= row.starts_at:
        return
    still_in = s.scalar(
        select(SignInRow.id).where(SignInRow.shift_id == shift_id, SignInRow.signed_out_at.is_(None)).limit(1)
    )
    if still_in is None:
        _close(s, row, now, SHIFT_CLOCK, "shift.close_last_out")
