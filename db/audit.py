"""The audit trail and the change feed, written inside the caller's unit of work.

Every change a person (or a link) makes is audited: who, when, what, from which
position.  Audit rows are never updated or deleted; they form a hash chain
(``db/chain.py``), so a row changed behind the console's back is named.
``changed`` adds a row to the change feed that other positions poll (or are
woken for by PostgreSQL NOTIFY) to refresh what they show.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from db.chain import seal
from db.rows import AuditRow, ChangeRow
from switchboard.hotel import Actor

NOTIFY_CHANNEL = "switchboard_changes"


def audit(
    session: Session,
    actor: Actor,
    at: datetime,
    action: str,
    entity: str,
    entity_id: object = "",
    **detail: Any,
) -> None:
    row = AuditRow(
        at=at,
        actor=actor.user,
        position=actor.position,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        detail={k: _plain(v) for k, v in detail.items()},
    )
    session.add(row)
    seal(session, row)  # into the audit chain when the unit commits


def changed(session: Session, actor: Actor, at: datetime, topic: str, key: object = "") -> None:
    """Tell other positions that ``topic`` changed (on commit of this unit of work)."""
    session.add(ChangeRow(at=at, topic=topic, key=str(key), position=actor.position))
    if session.get_bind().dialect.name == "postgresql":
        # NOTIFY is transactional: it is delivered only if the unit of work commits.
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"), {"channel": NOTIFY_CHANNEL, "payload": topic}
        )


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if hasattr(value, "value"):
        return value.value
    return str(value)
