"""What the audit viewer and the logbook's review show: audit records, queries, earlier versions.

The audit trail answers "who did what, when, from where"; duty managers and administrators read
it (``Permission.READ_AUDIT``).  A logbook entry edited while its shift was open keeps each earlier
text as an ``EntryVersion`` that a duty manager can see (``Permission.REVIEW_LOGBOOK``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: int
    at: datetime
    user: str
    position: str
    action: str  # e.g. "logbook.edit", "signin.fail", "settings.change"
    entity: str
    entity_id: str
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        """The kind of change: the action's first part ("logbook", "signin", "stay", ...)."""
        return self.action.split(".", 1)[0]


@dataclass(frozen=True, slots=True)
class AuditQuery:
    user: str = ""
    since: datetime | None = None
    until: datetime | None = None
    kind: str = ""  # an action or its first part
    room: str = ""


@dataclass(frozen=True, slots=True)
class EntryVersion:
    entry_id: int
    version_no: int
    text: str  # the text the entry had before this edit
    replaced_at: datetime
    replaced_by: str
