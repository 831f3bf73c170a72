"""Keeping guest data and call records only as long as the hotel decided: the retention job.

Defaults (``[retention]`` in the settings; documented in docs/ROLES.md):

- ``guest_days = 365``: a guest whose stays all ended (checked out or cancelled) that many days ago
  loses name, title, company and notes (the stay keeps its dates and room for the statistics); their
  whereabouts and delivered messages go.
- ``call_number_days = 90``: call records of that age keep their time, room, duration and charge, but
  the numbers called and calling lose their last four digits and the raw record line goes.

The job runs as the link ``retention`` (the composition root calls ``purge`` once a day) or at an
administrator's request, and is itself audited with what it did.  Nothing in the logbook or the
audit trail is touched: they are the hotel's evidence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import aliased

from db.audit import audit
from db.rows import CallRecordRow, GuestRow, MessageRow, StayRow, WhereaboutsRow
from db.store import Store
from switchboard.auth import Permission, require
from switchboard.clock import Clock
from switchboard.errors import InputError
from switchboard.hotel import Actor, StayStatus

PURGED_NAME = "(purged)"
MASK = "****"
RETENTION = Actor.link("retention")
_ENDED = (StayStatus.CHECKED_OUT.value, StayStatus.CANCELLED.value)


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    guest_days: int = 365  # [retention] guest_days
    call_number_days: int = 90  # [retention] call_number_days

    @classmethod
    def from_section(cls, section: Mapping[str, str]) -> RetentionPolicy:
        """From the settings' ``[retention]`` section; an unreadable value is an ``InputError``."""
        values = {}
        for key in ("guest_days", "call_number_days"):
            text = section.get(key, "").strip()
            if text:
                if not text.isdigit():
                    raise InputError(
                        "retention.days", f"[retention] {key} must be a number of days", field=key
                    )
                values[key] = int(text)
        return cls(**values)

    def __post_init__(self) -> None:
        for name, days in (("guest_days", self.guest_days), ("call_number_days", self.call_number_days)):
            if not 1 <= days <= 36_600:
                raise InputError("retention.days", f"{name} must be 1 to 36600 days", field=name)


@dataclass(frozen=True, slots=True)
class Purged:
    guests: int
    whereabouts: int
    messages: int
    call_records: int


def masked(number: str) -> str:
    """A telephone number without its last four digits; short numbers (extensions) stay."""
    digits = number.strip()
    if len(digits) <= 6 or digits.endswith(MASK):
        return digits
    return digits[:-4] + MASK


class SqlRetention:
    def __init__(self, store: Store, clock: Clock, policy: RetentionPolicy | None = None) -> None:
        self._store = store
        self._clock = clock
        self._policy = policy or RetentionPolicy()

    def purge(self, actor: Actor = RETENTION) -> Purged:
        """One unit of work: what is past its time is purged, and the purge is audited."""
        require(actor, Permission.PURGE_DATA)
        now = self._clock.now()
        guest_cut = now - timedelta(days=self._policy.guest_days)
        call_cut = now - timedelta(days=self._policy.call_number_days)
        other = aliased(StayRow)
        with self._store.unit() as s:
            still_here = exists().where(
                other.guest_id == StayRow.guest_id,
                other.status.not_in(_ENDED)
                | (other.checked_out_at >= guest_cut)
                | (other.checked_out_at.is_(None) & (other.departure >= guest_cut.date())),
            )
            stays = list(
                s.execute(
                    select(StayRow.id, StayRow.guest_id)
                    .join(GuestRow, GuestRow.id == StayRow.guest_id)
                    .where(
                        StayRow.status.in_(_ENDED),
                        GuestRow.name != PURGED_NAME,
                        ~still_here,
                    )
                )
            )
            stay_ids = [sid for sid, _ in stays]
            guest_ids = sorted({gid for _, gid in stays})
            guests = whereabouts = messages = 0
            if guest_ids:
                guests = _rowcount(
                    s.execute(
                        update(GuestRow)
                        .where(GuestRow.id.in_(guest_ids))
                        .values(
                            name=PURGED_NAME,
                            first_name="",
                            romanised="",
                            initials="",
                            title="",
                            company="",
                            profile_no="",
                        )
                    )
                )
                s.execute(
                    update(StayRow)
                    .where(StayRow.id.in_(stay_ids))
                    .values(companions="", privacy_note="", vip_note="")
                )
                whereabouts = _rowcount(
                    s.execute(delete(WhereaboutsRow).where(WhereaboutsRow.stay_id.in_(stay_ids)))
                )
                messages = _rowcount(
                    s.execute(
                        delete(MessageRow).where(
                            MessageRow.stay_id.in_(stay_ids), MessageRow.delivered_at.is_not(None)
                        )
                    )
                )
            calls = 0
            for row in s.scalars(
                select(CallRecordRow).where(
                    CallRecordRow.started_at < call_cut,
                    (CallRecordRow.raw != "") | ~CallRecordRow.called.endswith(MASK),
                )
            ):
                before = (row.called, row.caller, row.raw)
                row.called, row.caller, row.raw = masked(row.called), masked(row.caller), ""
                calls += (row.called, row.caller, row.raw) != before
            result = Purged(guests, whereabouts, messages, calls)
            audit(
                s,
                actor,
                now,
                "retention.purge",
                "retention",
                "",
                guests=guests,
                whereabouts=whereabouts,
                messages=messages,
                call_records=calls,
                guest_days=self._policy.guest_days,
                call_number_days=self._policy.call_number_days,
            )
        return result


def _rowcount(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)
