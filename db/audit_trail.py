"""Reading the audit trail (duty managers, administrators) and auditing settings changes.

The trail is searched by user, time range, kind of change and room, and exported as CSV; the
viewer is ``ui/audit_page.py``.  A settings save is audited key by key; a secret's values never
reach the table (``switchboard.settings.changes`` has already masked them).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import String, cast, or_, select
from sqlalchemy.orm import Session

from db.audit import audit
from db.rows import AuditRow
from db.store import Store
from switchboard.audit_trail import AuditQuery, AuditRecord
from switchboard.auth import Permission, require
from switchboard.clock import Clock
from switchboard.errors import ConsoleError, InputError, PermissionDenied
from switchboard.hotel import Actor, aware, check_room_number, clean_text
from switchboard.settings import ConsoleSettings, SettingChange, changes, load, save

MAX_ROWS = 5000
PERSONAL_KEYS = frozenset({"console.language"})  # what any signed-in user may change for the position


class SqlAuditTrail:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def search(self, query: AuditQuery, actor: Actor, limit: int = MAX_ROWS) -> Sequence[AuditRecord]:
        """Newest first."""
        require(actor, Permission.READ_AUDIT)
        q = select(AuditRow)
        user = clean_text(query.user, limit=80, what="user").lower()
        if user:
            q = q.where(AuditRow.actor == user)
        if query.since is not None:
            q = q.where(AuditRow.at >= aware(query.since))
        if query.until is not None:
            q = q.where(AuditRow.at < aware(query.until))
        kind = clean_text(query.kind, limit=60, what="kind")
        if kind:
            q = q.where(or_(AuditRow.action == kind, AuditRow.action.startswith(f"{kind}.", autoescape=True)))
        if query.room.strip():
            room = check_room_number(query.room)
            q = q.where(
                or_(
                    (AuditRow.entity == "room") & (AuditRow.entity_id == room),
                    cast(AuditRow.detail, String).contains(f'"room": "{room}"', autoescape=True),
                )
            )
        zone = self._clock.now().tzinfo
        with self._store.read() as s:
            rows = s.scalars(q.order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(limit))
            return [
                AuditRecord(
                    r.id,
                    r.at.astimezone(zone),
                    r.actor,
                    r.position,
                    r.action,
                    r.entity,
                    r.entity_id,
                    dict(r.detail or {}),
                )
                for r in rows
            ]

    def export_csv(self, query: AuditQuery, actor: Actor) -> str:
        records = self.search(query, actor, limit=1_000_000)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["id", "time", "user", "position", "action", "entity", "entity_id", "detail"])
        for r in records:
            detail = "; ".join(f"{k}={v}" for k, v in sorted(r.detail.items()))
            when = r.at.isoformat(timespec="seconds")
            writer.writerow([r.id, when, r.user, r.position, r.action, r.entity, r.entity_id, detail])
        return out.getvalue()

    def save_settings(
        self, old: ConsoleSettings, new: ConsoleSettings, path: Path, actor: Actor
    ) -> list[SettingChange]:
        """The one way a settings change is saved: checked, audited key by key, written (0600).

        Choosing one's language is anyone's; every other key is an administrator's.  The audit rows
        and the file go together: a file that cannot be written rolls the audit back.  What is checked
        and audited is what the save changes in the file as it stands (``old`` only when it cannot be
        read), so a caller cannot pass other keys off as unchanged.
        """
        try:
            before = load(path) if path.exists() else old
        except (ConsoleError, OSError):  # unreadable: the dialog's own copy is all there is
            before = old
        found = changes(before, new)
        if not found:
            return []
        with self._store.unit() as s:
            self._audit_changes(s, found, actor)
            try:
                save(new, path)
            except OSError as exc:  # told as the settings file's fault, not the database's
                raise InputError(
                    "settings.unwritable",
                    f"The settings could not be saved to {path}: {exc.strerror or exc}",
                    path=str(path),
                ) from exc
        return found

    def record_settings(self, changes: Sequence[SettingChange], actor: Actor) -> int:
        """One audit row per changed key, for a save made elsewhere."""
        with self._store.unit() as s:
            self._audit_changes(s, changes, actor)
        return len(changes)

    def _audit_changes(self, s: Session, found: Sequence[SettingChange], actor: Actor) -> None:
        if any(c.key not in PERSONAL_KEYS for c in found):
            require(actor, Permission.CHANGE_SETTINGS)
        elif actor.role is None:
            raise PermissionDenied("auth.denied", "Nobody is signed in", permission="personal_settings")
        now = self._clock.now()
        for change in found:
            if change.secret and (change.old != "***" or change.new != "***"):
                raise InputError("settings.secret", "A secret's value must not be audited")
            audit(
                s,
                actor,
                now,
                "settings.change",
                "setting",
                change.key[:40],
                old=change.old[:200],
                new=change.new[:200],
                secret=change.secret,
            )
